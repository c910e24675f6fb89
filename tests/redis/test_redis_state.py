"""RedisDedupStore and RedisPacer against the pure policies, alone and under concurrency."""

# pytest fixtures are imported from redis_harness, so parameters re-bind their names
# ruff: noqa: F811

from __future__ import annotations

import asyncio
import time

import pytest
import redis.asyncio as aredis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from redis_harness import (  # noqa: F401  (fixtures)
    client,
    client2,
    delete_prefix,
    free_port,
    new_prefix,
    prefix,
    redis_url,
    url,
)

from relay.dedup import Seen, Verdict, decide
from relay.outbox.base import OutboxUnavailable
from relay.pacing import TokenBucket
from relay.redis_state import (
    RedisDedupStore,
    RedisPacer,
    RedisUnavailable,
    client_from_url,
    connect,
)

pytestmark = pytest.mark.redis

WINDOW = 300.0
T0 = 1_700_000_000.0

# one observation: (seconds since the previous one, fingerprint, severity rank, resolve)
steps = st.lists(
    st.tuples(
        st.one_of(st.sampled_from([0.0, WINDOW, WINDOW / 2]), st.floats(0, 2 * WINDOW)),
        st.sampled_from(["fp-a", "fp-b"]),
        st.integers(0, 2),
        st.booleans(),
    ),
    min_size=1, max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(seq=steps)
def test_dedup_script_gives_the_same_verdicts_as_decide(
    seq: list[tuple[float, str, int, bool]],
) -> None:
    async def run() -> tuple[list[Verdict], list[Verdict]]:
        url, prefix = redis_url(), new_prefix()
        client = client_from_url(url)
        store = RedisDedupStore(client, prefix)
        seen: dict[str, Seen | None] = {}
        expected, got = [], []
        now = T0
        try:
            for dt, fp, rank, resolve in seq:
                now += dt
                verdict, seen[fp] = decide(
                    seen.get(fp), severity_rank=rank, resolve=resolve, now=now, window=WINDOW
                )
                expected.append(verdict)
                got.append(await store.observe(
                    fp, severity_rank=rank, resolve=resolve, now=now, window=WINDOW
                ))
        finally:
            await client.aclose()
            delete_prefix(url, prefix)
        return expected, got

    expected, got = asyncio.run(run())
    assert got == expected


async def test_same_alert_on_two_replicas_at_once_pages_once(
    client: aredis.Redis, client2: aredis.Redis, prefix: str
) -> None:
    a, b = RedisDedupStore(client, prefix), RedisDedupStore(client2, prefix)
    verdicts = await asyncio.gather(*(
        (a if i % 2 else b).observe("sentry:42:7", severity_rank=1, resolve=False, now=T0,
                                    window=WINDOW)
        for i in range(50)
    ))
    assert sum(v.send for v in verdicts) == 1
    # the next message after the window stands for itself plus the 49 swallowed repeats
    after = await a.observe("sentry:42:7", severity_rank=1, resolve=False, now=T0 + WINDOW,
                            window=WINDOW)
    assert after == Verdict(True, 50)


async def test_dedup_keys_expire_and_carry_no_fingerprint(
    client: aredis.Redis, prefix: str
) -> None:
    store = RedisDedupStore(client, prefix, grace_seconds=3600)
    await store.observe("svc:checkout:db-down", severity_rank=2, resolve=False, now=T0,
                        window=WINDOW)
    key = store.key("svc:checkout:db-down")
    assert "checkout" not in key
    assert WINDOW < await client.ttl(key) <= WINDOW + 60
    # a swallowed repeat must survive until a later message can report it
    await store.observe("svc:checkout:db-down", severity_rank=2, resolve=False, now=T0 + 1,
                        window=WINDOW)
    assert WINDOW + 3000 < await client.ttl(key) <= WINDOW + 3600
    # a resolve forgets the fingerprint
    await store.observe("svc:checkout:db-down", severity_rank=2, resolve=True, now=T0 + 2,
                        window=WINDOW)
    assert await client.exists(key) == 0


# one acquisition: (seconds since the previous one, tokens to take as a fraction of the
# burst; 0 = one token, as a delivery takes) on one key
acquisitions = st.lists(st.tuples(st.floats(0, 3), st.sampled_from([0.0, 0.0, 0.5, 1.0])),
                        min_size=1, max_size=40)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gaps=acquisitions, rate=st.sampled_from([0.5, 1.0, 2.0, 7.5]),
       burst=st.sampled_from([1.0, 2.0, 5.0]))
def test_bucket_script_matches_token_bucket(gaps: list[tuple[float, float]], rate: float,
                                            burst: float) -> None:
    async def run() -> tuple[list[float], list[float]]:
        url, prefix = redis_url(), new_prefix()
        client = client_from_url(url)
        pacer = RedisPacer(client, prefix, server_time=False)
        bucket: TokenBucket | None = None
        expected, got = [], []
        now = T0
        try:
            for gap, share in gaps:
                now += gap
                cost = max(1.0, share * burst)
                bucket = bucket or TokenBucket.full(burst, now)
                bucket, wait = bucket.take(rate=rate, burst=burst, now=now, cost=cost)
                expected.append(wait)
                got.append(await pacer.acquire("hooks.slack.com/x", rate=rate, burst=burst,
                                               now=now, cost=cost))
        finally:
            await client.aclose()
            delete_prefix(url, prefix)
        return expected, got

    expected, got = asyncio.run(run())
    assert got == pytest.approx(expected, rel=1e-9, abs=1e-12)


async def test_two_replicas_together_never_exceed_the_rate(
    client: aredis.Redis, client2: aredis.Redis, prefix: str
) -> None:
    """Server time: the real clock runs, so this test takes about a second."""
    rate, burst, duration = 40.0, 3.0, 1.0
    granted: list[float] = []

    async def replica(pacer: RedisPacer) -> None:
        end = time.monotonic() + duration
        while time.monotonic() < end:
            wait = await pacer.acquire("pd:routing-key", rate=rate, burst=burst, now=0.0)
            if wait == 0.0:
                granted.append(time.monotonic())
            else:
                await asyncio.sleep(min(wait, 0.05))

    start = time.monotonic()
    await asyncio.gather(replica(RedisPacer(client, prefix)), replica(RedisPacer(client2, prefix)))
    elapsed = time.monotonic() - start
    assert len(granted) <= burst + rate * elapsed + 1
    assert len(granted) >= rate * duration * 0.6  # and the bucket does refill
    # no window of one second holds more than burst + rate tokens
    for t in granted:
        assert sum(1 for u in granted if t <= u < t + 1.0) <= burst + rate + 1


async def test_pacer_rejects_a_bucket_that_can_never_fill(
    client: aredis.Redis, prefix: str
) -> None:
    with pytest.raises(ValueError):
        await RedisPacer(client, prefix).acquire("k", rate=1.0, burst=0.5, now=T0)
    with pytest.raises(ValueError):  # more than a full bucket would never be granted
        await RedisPacer(client, prefix).acquire("k", rate=1.0, burst=2, now=T0, cost=3)


async def test_connect_fails_with_a_named_error_and_no_password() -> None:
    port = free_port()
    started = time.monotonic()
    with pytest.raises(RedisUnavailable) as info:
        await connect(f"redis://:hunter2-secret@127.0.0.1:{port}/0", prefix="relay:")
    assert time.monotonic() - started < 2.0
    assert f"redis://127.0.0.1:{port}/0" in str(info.value)
    assert "hunter2" not in str(info.value) and "hunter2" not in repr(info.value.__context__)
    assert info.value.__cause__ is None


async def test_connect_returns_a_working_client(url: str) -> None:
    client = await connect(url, prefix="relay:")
    try:
        assert await client.ping()
    finally:
        await client.aclose()


async def test_forget_lets_the_senders_retry_pass(client: aredis.Redis, prefix: str) -> None:
    """The enqueue after a passing verdict failed: the retried alert must not be a duplicate."""
    store = RedisDedupStore(client, prefix)
    first = await store.observe("fp", severity_rank=1, resolve=False, now=T0, window=WINDOW)
    await store.forget("fp")
    retry = await store.observe("fp", severity_rank=1, resolve=False, now=T0 + 1, window=WINDOW)
    assert first.send and retry.send


async def test_state_stores_raise_outbox_unavailable_when_redis_is_gone(prefix: str) -> None:
    """Redis mode: no dedup answer means no acceptance — the edge's 503, not a 500."""
    client = client_from_url(f"redis://127.0.0.1:{free_port()}/0")
    store = RedisDedupStore(client, prefix)
    try:
        with pytest.raises(OutboxUnavailable):
            await store.observe("fp", severity_rank=0, resolve=False, now=T0, window=WINDOW)
        with pytest.raises(RedisUnavailable):
            await store.forget("fp")
        with pytest.raises(RedisUnavailable):
            await RedisPacer(client, prefix).acquire("k", rate=1, burst=1, now=T0)
    finally:
        await client.aclose()

