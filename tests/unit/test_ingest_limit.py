"""The ingest limit's decision: per caller, counted in alerts, all or none, whole-second waits."""

from __future__ import annotations

import pytest

from relay.config import load_settings
from relay.errors import ConfigError, RateLimited
from relay.outbox.base import OutboxUnavailable
from relay.pacing import MemoryPacer, TokenBucket
from relay.ratelimit import IngestLimiter, retry_after, service_caller


class Clock:
    def __init__(self) -> None:
        self.now = 1_000.0

    def __call__(self) -> float:
        return self.now


def limiter(rate: float = 1.0, burst: int = 3) -> tuple[IngestLimiter, Clock]:
    clock = Clock()
    return IngestLimiter(MemoryPacer(), rate=rate, burst=burst, clock=clock), clock


async def refused(lim: IngestLimiter, caller: str, count: int) -> int:
    """The Retry-After of a refusal (fails the test if the alerts were admitted)."""
    with pytest.raises(RateLimited) as info:
        await lim.admit(caller, count)
    assert info.value.status == 429 and info.value.code == "rate_limited"
    assert info.value.retry_after is not None
    return info.value.retry_after


def test_bucket_takes_a_cost_all_or_none() -> None:
    b = TokenBucket.full(5, 0.0)
    b, wait = b.take(rate=2, burst=5, now=0.0, cost=4)
    assert (wait, b.tokens) == (0.0, 1.0)
    b, wait = b.take(rate=2, burst=5, now=0.0, cost=3)  # refused: nothing is spent
    assert (wait, b.tokens) == (1.0, 1.0)
    b, wait = b.take(rate=2, burst=5, now=1.0, cost=3)  # waited exactly as told
    assert (wait, b.tokens) == (0.0, 0.0)
    for cost in (0, -1, 6):
        with pytest.raises(ValueError):
            b.take(rate=2, burst=5, now=1.0, cost=cost)


@pytest.mark.parametrize(("wait", "seconds"), [(0.001, 1), (0.5, 1), (1.0, 1), (1.0001, 2),
                                               (49.2, 50)])
def test_retry_after_is_whole_seconds_rounded_up(wait: float, seconds: int) -> None:
    assert retry_after(wait) == seconds


async def test_a_caller_gets_its_burst_then_429_until_a_token_refills() -> None:
    lim, clock = limiter(rate=0.5, burst=3)
    for _ in range(3):
        await lim.admit("service:billing", 1)
    assert await refused(lim, "service:billing", 1) == 2  # one token every 2 s
    clock.now += 1.0
    assert await refused(lim, "service:billing", 1) == 1
    clock.now += 1.0
    await lim.admit("service:billing", 1)


async def test_alerts_count_not_requests_and_a_refusal_spends_nothing() -> None:
    lim, _ = limiter(rate=1.0, burst=5)
    await lim.admit("service:billing", 4)
    assert await refused(lim, "service:billing", 2) == 1  # 1 left, 2 asked
    await lim.admit("service:billing", 1)  # the refused pair took nothing


async def test_callers_have_their_own_buckets() -> None:
    lim, _ = limiter(rate=1.0, burst=2)
    await lim.admit(service_caller("billing"), 2)
    await refused(lim, service_caller("billing"), 1)
    await lim.admit(service_caller("scheduler"), 2)
    await lim.admit("webhook:sentry", 2)
    await lim.admit("webhook:alertmanager", 2)


async def test_more_alerts_than_the_burst_need_a_full_bucket_not_never() -> None:
    lim, clock = limiter(rate=10.0, burst=50)
    await lim.admit("webhook:alertmanager", 500)  # charged 50: the whole bucket
    assert await refused(lim, "webhook:alertmanager", 1) == 1
    clock.now += 1.0  # 10 tokens back: enough for one alert, not for the big group
    assert await refused(lim, "webhook:alertmanager", 500) == 4
    clock.now += 4.0
    await lim.admit("webhook:alertmanager", 500)


async def test_rate_zero_turns_it_off_and_empty_requests_cost_nothing() -> None:
    off, _ = limiter(rate=0.0, burst=1)
    for _ in range(100):
        await off.admit("service:billing", 100)
    lim, _ = limiter(rate=1.0, burst=1)
    await lim.admit("service:billing", 0)  # e.g. an ignored Sentry resource
    await lim.admit("service:billing", 1)


class DownPacer:
    """A pacer whose store cannot answer (what RedisPacer raises when Redis is down)."""

    async def acquire(self, key: str, *, rate: float, burst: float, now: float,
                      cost: float = 1.0) -> float:
        raise OutboxUnavailable("store down")


async def test_fails_open_when_the_bucket_store_is_down() -> None:
    lim = IngestLimiter(DownPacer(), rate=1.0, burst=1, clock=Clock())
    for _ in range(3):
        await lim.admit("service:billing", 1)


def test_settings_defaults_and_validation() -> None:
    s = load_settings({})
    assert (s.relay_ingest_rate, s.relay_ingest_burst) == (200.0, 10_000)
    off = load_settings({"RELAY_INGEST_RATE": "0", "RELAY_INGEST_BURST": "0"})
    assert (off.relay_ingest_rate, off.relay_ingest_burst) == (0.0, 0)
    with pytest.raises(ConfigError) as info:
        load_settings({"RELAY_INGEST_BURST": "0"})
    assert "RELAY_INGEST_BURST must be at least 1" in info.value.problems[0]
    with pytest.raises(ConfigError) as info:
        load_settings({"RELAY_INGEST_RATE": "-1", "RELAY_INGEST_BURST": "-5"})
    assert {p.split(":")[0] for p in info.value.problems} == {"RELAY_INGEST_RATE",
                                                              "RELAY_INGEST_BURST"}
