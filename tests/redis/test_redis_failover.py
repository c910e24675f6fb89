"""Redis going away at run time: fail fast, lose nothing acknowledged, resume on return.

Each test starts its OWN redis-server on a free port (never the shared one), because it
kills, pauses or replicates it.

- Kill: the server runs with `appendonly yes` + `appendfsync always`, so "acknowledged"
  means "in the AOF on disk" and a SIGKILL (the harshest stop: no shutdown save) must not
  lose any entry whose `enqueue` returned. That is the deployment guidance too: with
  `everysec` a crash of Redis itself may drop the last second, unless `wait_replicas` is set.
- Pause: `CLIENT PAUSE` freezes a live server; the outbox must answer within its socket
  timeout (no hang) and carry on when the pause ends.
- WAIT: with `wait_replicas=1`, a write that no replica confirmed is refused.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path

import pytest
import redis
from redis_harness import RedisServer, make_alert

from relay.outbox.base import OutboxUnavailable
from relay.outbox.redis import RedisOutbox
from relay.redis_state import client_from_url

pytestmark = pytest.mark.redis

T0 = 1_700_000_000.0
TIMEOUT = 0.5  # client socket timeout, as in production


@pytest.fixture
def servers() -> Iterator[list[RedisServer]]:
    started: list[RedisServer] = []
    yield started
    for s in started:
        s.kill()


async def until(predicate: Callable[[], bool], seconds: float = 10.0) -> None:
    deadline = time.monotonic() + seconds
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached in time"
        await asyncio.sleep(0.01)


async def drain(box: RedisOutbox, receiver: str, now: float) -> set[str]:
    ids: set[str] = set()
    while rows := await box.lease(receiver, 100, 30, now):
        ids |= {d.alert.id for d in rows}
    return ids


async def timed(call: Awaitable[object]) -> float:
    started = time.monotonic()
    with pytest.raises(OutboxUnavailable):
        await call
    return time.monotonic() - started


async def test_kill_and_restart_loses_no_acknowledged_entry(
    tmp_path: Path, servers: list[RedisServer]
) -> None:
    server = RedisServer(tmp_path / "redis", appendonly=True).start()
    servers.append(server)
    box = RedisOutbox(client_from_url(server.url, socket_timeout=TIMEOUT), consumer="w")
    acked: list[str] = []
    failures: list[float] = []
    stop = asyncio.Event()

    async def writer() -> None:
        i = 0
        while not stop.is_set():
            i += 1
            alert = make_alert(i)
            started = time.monotonic()
            try:
                await box.enqueue(alert, ["slack", "pd"], T0 + i)
                acked.append(alert.id)
            except OutboxUnavailable:
                failures.append(time.monotonic() - started)
                await asyncio.sleep(0.01)

    task = asyncio.create_task(writer())
    try:
        await until(lambda: len(acked) >= 100)
        server.kill()
        await until(lambda: len(failures) >= 5)
        assert not await box.writable()
        assert await timed(box.lease("slack", 10, 30, T0)) < 2 * TIMEOUT
        assert await timed(box.delivered(["slack:x"], T0)) < 2 * TIMEOUT
        before = len(acked)
        server.start()  # same port and directory: the AOF is replayed
        await until(lambda: len(acked) >= before + 100)
    finally:
        stop.set()
        await task
    assert await box.writable()
    assert max(failures) < 2 * TIMEOUT  # every refusal was quick: no hang
    for receiver in ("slack", "pd"):
        assert set(acked) <= await drain(box, receiver, T0 + 10**6)
    await box.close()


async def test_paused_redis_fails_fast_and_resumes(
    tmp_path: Path, servers: list[RedisServer]
) -> None:
    server = RedisServer(tmp_path / "redis").start()
    servers.append(server)
    box = RedisOutbox(client_from_url(server.url, socket_timeout=TIMEOUT), consumer="w")
    await box.enqueue(first := make_alert(1), ["r"], T0)
    admin = redis.Redis.from_url(server.url)
    try:
        admin.client_pause(1500, all=True)
        paused_at = time.monotonic()
        elapsed = await timed(box.enqueue(make_alert(2), ["r"], T0))
        assert elapsed < TIMEOUT + 0.3  # one socket timeout, no retry loop
        assert not await box.writable()
        await asyncio.sleep(max(0.0, 1.6 - (time.monotonic() - paused_at)))
        await box.enqueue(third := make_alert(3), ["r"], T0)
        assert await box.writable()
        # at-least-once: the refused alert may or may not have landed; the others did
        assert {first.id, third.id} <= await drain(box, "r", T0 + 1)
    finally:
        admin.close()
        await box.close()


async def test_wait_replicas_refuses_unreplicated_writes(
    tmp_path: Path, servers: list[RedisServer]
) -> None:
    primary = RedisServer(tmp_path / "primary", extra=("--repl-diskless-sync-delay", "0")).start()
    servers.append(primary)
    # WAIT blocks up to 500 ms (headroom on a loaded CI machine); the socket timeout must
    # outlast it, or a slow replica ack reads as a dead Redis
    box = RedisOutbox(client_from_url(primary.url, socket_timeout=2.0), consumer="w",
                      wait_replicas=1, wait_timeout_ms=500)
    assert await timed(box.enqueue(make_alert(1), ["r"], T0)) < 2.0  # refused, never hangs

    replica = RedisServer(
        tmp_path / "replica", extra=("--replicaof", "127.0.0.1", str(primary.port))
    ).start()
    servers.append(replica)
    admin = redis.Redis.from_url(primary.url, decode_responses=True)
    try:  # online = the replica acknowledged the sync, so WAIT can count it
        await until(lambda: admin.info("replication").get("slave0", {}).get("state") == "online")
    finally:
        admin.close()
    # "online" can come before the replica's first acknowledgement reaches WAIT: a refusal
    # then is the 503 a sender retries, so retry as a sender would (failed once in 5 runs)
    acked = make_alert(2)
    for _ in range(10):
        try:
            await box.enqueue(acked, ["r"], T0)
            break
        except OutboxUnavailable:
            await asyncio.sleep(0.2)
    else:
        pytest.fail("the online replica never acknowledged a write")
    mirror = RedisOutbox(client_from_url(replica.url), consumer="reader")
    rows = await mirror.list(dead=False, limit=10)
    assert acked.id in {d.alert.id for d in rows}  # on the replica when enqueue returned
    await mirror.close()
    await box.close()
