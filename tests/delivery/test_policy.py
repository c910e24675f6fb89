"""Pure policy: backoff math, breaker transitions, token bucket, digest folding."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from delivery_helpers import make_alert

from relay.backoff import Breaker, BreakerState, backoff_delay, next_attempt_at
from relay.digest import build_digest, should_fold
from relay.pacing import MemoryPacer, TokenBucket


def upper(_lo: float, hi: float) -> float:
    return hi


def test_backoff_full_jitter_bounds_and_cap() -> None:
    assert [backoff_delay(a, base=1, cap=300, uniform=upper) for a in range(10)] == [
        1, 2, 4, 8, 16, 32, 64, 128, 256, 300
    ]
    assert backoff_delay(10_000, base=1, cap=300, uniform=upper) == 300  # no overflow
    seen = [backoff_delay(3, base=1, cap=300) for _ in range(500)]
    assert min(seen) >= 0 and max(seen) <= 8
    assert max(seen) > 4 and min(seen) < 4  # actually jittered across the window
    with pytest.raises(ValueError):
        backoff_delay(1, base=0, cap=1)


def test_retry_after_is_a_floor_even_above_cap() -> None:
    assert next_attempt_at(100, 0, base=1, cap=5, retry_after=30, uniform=upper) == 130
    assert next_attempt_at(100, 5, base=1, cap=5, retry_after=2, uniform=upper) == 105
    assert next_attempt_at(100, 5, base=1, cap=5, retry_after=None, uniform=upper) == 105


def test_breaker_opens_after_threshold_probes_and_closes() -> None:
    b = Breaker(threshold=3, cooldown=10, max_cooldown=35)
    for t in range(2):
        b = b.on_failure(float(t))
    assert b.state is BreakerState.CLOSED and b.wait(2) == 0
    b = b.on_failure(2.0)
    assert b.state is BreakerState.OPEN and b.wait(2.0) == 10 and b.wait(7.0) == 5
    assert b.before_send(5.0).state is BreakerState.OPEN  # still cooling down
    b = b.before_send(12.0)
    assert b.state is BreakerState.HALF_OPEN and b.wait(12.0) == 0
    b = b.on_failure(12.0)  # failed probe: open again, longer
    assert b.state is BreakerState.OPEN and b.wait(12.0) == 20
    b = b.before_send(32.0).on_failure(32.0)
    assert b.wait(32.0) == 35  # capped
    b = b.before_send(67.0).on_success()
    assert (b.state, b.failures, b.reopen_count) == (BreakerState.CLOSED, 0, 0)


def test_breaker_success_resets_the_count() -> None:
    b = Breaker(threshold=2).on_failure(0).on_success().on_failure(1)
    assert b.state is BreakerState.CLOSED and b.failures == 1


def test_token_bucket_arithmetic() -> None:
    b = TokenBucket.full(3, 0.0)
    waits = []
    for _ in range(4):
        b, w = b.take(rate=1, burst=3, now=0.0)
        waits.append(w)
    assert waits == [0, 0, 0, 1.0]
    b, w = b.take(rate=1, burst=3, now=0.5)
    assert w == pytest.approx(0.5)
    b, w = b.take(rate=1, burst=3, now=1.0)
    assert w == 0
    b, w = b.take(rate=1, burst=3, now=0.2)  # clock stepped back: no free tokens
    assert w == pytest.approx(1.0)
    b, _ = TokenBucket(0, 0).take(rate=1, burst=3, now=1000)  # refill capped at burst
    assert b.tokens == 2
    with pytest.raises(ValueError):
        b.take(rate=0, burst=1, now=0)


async def test_memory_pacer_never_exceeds_rate() -> None:
    pacer = MemoryPacer()
    now, sent = 0.0, []
    while len(sent) < 50:
        wait = await pacer.acquire("k", rate=2, burst=5, now=now)
        if wait == 0:
            sent.append(now)
        else:
            now += wait
    # any window of length w holds at most burst + rate*w sends
    for i, t in enumerate(sent):
        in_window = [s for s in sent[i:] if s < t + 3.0]
        assert len(in_window) <= 5 + 2 * 3.0
    assert sent[-1] == pytest.approx((50 - 5) / 2)
    assert await pacer.acquire("other", rate=2, burst=5, now=now) == 0  # keys independent


def test_should_fold() -> None:
    kw = {"threshold": 20, "max_age": 120.0, "min_rows": 5}
    assert not should_fold(20, 1.0, **kw)
    assert should_fold(21, 1.0, **kw)
    assert not should_fold(4, 500.0, **kw)  # old, but too few to be worth folding
    assert should_fold(5, 120.0, **kw)
    assert not should_fold(1, 10_000.0, threshold=1, max_age=1, min_rows=1)


def test_digest_accounts_for_every_alert() -> None:
    alerts = [make_alert(i % 3, fingerprint=f"fp-{i % 3}") for i in range(10)]
    alerts.append(make_alert(99, service="auth").model_copy(update={
        "received_at": datetime(2020, 1, 1, tzinfo=UTC)}))
    d = build_digest("slack", alerts, top_n=2)
    assert d.total == 11
    assert sum(d.by_severity.values()) == 11 and d.by_service == {"billing": 10, "auth": 1}
    assert d.top == (("fp-0", "Queue lag high #0", 4), ("fp-1", "Queue lag high #1", 3))
    assert d.first_at == datetime(2020, 1, 1, tzinfo=UTC).timestamp() < d.last_at
    with pytest.raises(ValueError):
        build_digest("slack", [])
