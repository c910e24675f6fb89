"""RedisOutbox behaviour beyond the shared contract: several replicas on one set of streams.

The contract itself (tests/outbox/test_contract.py) runs against Redis too; these tests
cover what only a shared backend has: concurrent replicas, ownership moving between them,
what lands in Redis and what expires.
"""

# pytest fixtures are imported from redis_harness, so parameters re-bind their names
# ruff: noqa: F811

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import cast

import pytest
import redis.asyncio as aredis
from redis_harness import client, free_port, make_alert, prefix, url  # noqa: F401  (fixtures)

from relay.outbox.base import OutboxUnavailable, State
from relay.outbox.redis import GROUP, RedisOutbox
from relay.redis_state import client_from_url

pytestmark = pytest.mark.redis

T0 = 1_700_000_000.0
Entries = list[tuple[bytes, dict[bytes, bytes]]]


@pytest.fixture
async def pair(url: str, prefix: str) -> AsyncIterator[tuple[RedisOutbox, RedisOutbox]]:
    """Two replicas: separate connection pools and consumer names, one key prefix. The
    tests here send bursts of 60 concurrent calls per pool (60 new connections at once):
    a 5 s timeout gives a loaded CI machine headroom; these tests are about leases, not
    about how fast Redis accepts connections."""
    a = RedisOutbox(client_from_url(url, socket_timeout=5.0), prefix=prefix,
                    consumer="replica-a")
    b = RedisOutbox(client_from_url(url, socket_timeout=5.0), prefix=prefix,
                    consumer="replica-b")
    await a.open()
    await b.open()
    yield a, b
    await a.close()
    await b.close()


async def test_two_replicas_never_lease_the_same_entry(
    pair: tuple[RedisOutbox, RedisOutbox],
) -> None:
    a, b = pair
    alerts = [make_alert(i) for i in range(120)]
    await asyncio.gather(*(a.enqueue(x, ["slack"], T0) for x in alerts[:60]),
                         *(b.enqueue(x, ["slack"], T0) for x in alerts[60:]))
    taken: dict[str, list[str]] = {"a": [], "b": []}

    async def drain(name: str, box: RedisOutbox) -> None:
        while rows := await box.lease("slack", 7, 30, T0 + 1):
            taken[name] += [d.alert.id for d in rows]
            await asyncio.sleep(0)

    await asyncio.gather(drain("a", a), drain("b", b))
    assert taken["a"] and taken["b"]  # both replicas did work
    assert not set(taken["a"]) & set(taken["b"])
    assert sorted(taken["a"] + taken["b"]) == sorted(x.id for x in alerts)


async def test_expired_lease_moves_to_the_other_replica(
    pair: tuple[RedisOutbox, RedisOutbox], client: aredis.Redis, prefix: str,
) -> None:
    a, b = pair
    await a.enqueue(make_alert(1), ["pd"], T0)
    (held,) = await a.lease("pd", 5, 30, T0)
    assert await b.lease("pd", 5, 30, T0 + 29) == []
    (moved,) = await b.lease("pd", 5, 30, T0 + 30)
    assert moved.id == held.id and moved.attempts == 2
    (entry,) = await client.xpending_range(f"{prefix}outbox:pd", GROUP, "-", "+", 10)
    assert entry["consumer"] == b"replica-b"
    # the late worker's acknowledgement still finishes the row exactly once
    await a.delivered([held.id], T0 + 31)
    await b.delivered([moved.id], T0 + 31)
    (st,) = await a.stats(T0 + 32)
    assert (st.pending, st.delivered) == (0, 1)


async def test_open_releases_only_this_consumers_leases(url: str, prefix: str) -> None:
    a = RedisOutbox(client_from_url(url), prefix=prefix, consumer="replica-a")
    await a.enqueue(make_alert(1), ["r"], T0)
    await a.enqueue(make_alert(2), ["r"], T0)
    (first,) = await a.lease("r", 1, 3600, T0)
    await a.close()
    # another replica starting up must not steal a live lease of a running one
    b = RedisOutbox(client_from_url(url), prefix=prefix, consumer="replica-b")
    await b.open()
    assert [d.alert.title for d in await b.lease("r", 5, 30, T0 + 1)] == ["Queue lag high #2"]
    await b.close()
    # a restarted replica-a frees its own
    a = RedisOutbox(client_from_url(url), prefix=prefix, consumer="replica-a")
    await a.open()
    (again,) = await a.lease("r", 5, 30, T0 + 2)
    assert again.id == first.id
    await a.close()


async def test_same_fingerprint_waits_across_replicas(
    pair: tuple[RedisOutbox, RedisOutbox],
) -> None:
    a, b = pair
    await a.enqueue(make_alert(fingerprint="x", title="trigger"), ["r"], T0)
    await a.enqueue(make_alert(fingerprint="x", title="resolve"), ["r"], T0 + 1)
    await a.enqueue(make_alert(fingerprint="y", title="other"), ["r"], T0 + 2)
    (trigger,) = await a.lease("r", 1, 30, T0 + 3)
    # replica b reads past the resolve (parked) and takes the unrelated alert
    assert [d.alert.title for d in await b.lease("r", 5, 30, T0 + 4)] == ["other"]
    assert [p.alert.title for p in await b.pending("r", 5, T0 + 4)] == ["resolve"]
    await a.delivered([trigger.id], T0 + 5)
    (resolve,) = await b.lease("r", 5, 30, T0 + 6)
    assert resolve.alert.title == "resolve" and resolve.state is State.LEASED


async def test_what_is_stored_and_what_expires(
    client: aredis.Redis, prefix: str, url: str,
) -> None:
    box = RedisOutbox(client_from_url(url), prefix=prefix, consumer="c", retention_seconds=600)
    alert = make_alert(7)
    await box.enqueue(alert, ["slack", "pd"], T0)
    ((_, fields),) = cast(Entries, await client.xrange(f"{prefix}outbox:slack"))
    assert set(fields) == {b"id", b"a"}
    assert json.loads(fields[b"a"]) == json.loads(alert.model_dump_json())
    ((d,), (e,)) = await box.lease("slack", 1, 30, T0), await box.lease("pd", 1, 30, T0)
    await box.delivered([d.id], T0 + 1)
    await box.dead(e.id, "http_400", T0 + 1)
    # live work never expires; finished bookkeeping does
    assert await client.ttl(f"{prefix}outbox:slack") == -1
    assert 0 < await client.ttl(f"{prefix}done:slack") <= 600
    assert await client.xlen(f"{prefix}outbox:slack") == 0  # acknowledged AND deleted
    assert await client.xpending(f"{prefix}outbox:slack", GROUP) == {
        "pending": 0, "min": None, "max": None, "consumers": [],
    }
    ((_, dead_fields),) = cast(Entries, await client.xrange(f"{prefix}dead:pd"))
    assert json.loads(dead_fields[b"m"])["e"] == "http_400"
    # the whole footprint: no per-delivery keys, nothing left over once rows are finished
    found = cast(list[bytes], await client.keys(f"{prefix}*"))
    keys = {k.decode().removeprefix(prefix) for k in found}
    assert keys == {"receivers", "seq", "outbox:slack", "outbox:pd", "done:slack", "dead:pd",
                    "deadidx:pd"}
    await box.close()


async def test_scripts_survive_a_script_cache_flush(
    client: aredis.Redis, prefix: str, url: str,
) -> None:
    """After a Redis restart the script cache is empty; every call must reload, not fail."""
    box = RedisOutbox(client_from_url(url), prefix=prefix, consumer="c")
    await box.enqueue(make_alert(1), ["r"], T0)
    await client.script_flush()
    await box.enqueue(make_alert(2), ["r"], T0)
    await client.script_flush()
    rows = await box.lease("r", 5, 30, T0)
    await client.script_flush()
    await box.delivered([d.id for d in rows], T0)
    assert len(rows) == 2 and await box.stats(T0) != []
    await box.close()


async def test_unreachable_redis_is_outbox_unavailable(prefix: str) -> None:
    box = RedisOutbox(client_from_url(f"redis://127.0.0.1:{free_port()}/0"), prefix=prefix,
                      consumer="c")
    assert not await box.writable()
    for call in (
        box.enqueue(make_alert(1), ["r"], T0),
        box.lease("r", 1, 30, T0),
        box.delivered(["r:abc"], T0),
        box.retry_later("r:abc", T0, "x"),
        box.stats(T0),
    ):
        with pytest.raises(OutboxUnavailable):
            await call
    await box.close()


async def test_follower_behind_a_backing_off_row_waits_then_follows_its_dead_head(
    url: str, prefix: str,
) -> None:
    """Per-fingerprint chains: an expired follower is parked, a dead head frees it."""
    box = RedisOutbox(client_from_url(url), prefix=prefix, consumer="c")
    await box.enqueue(make_alert(fingerprint="x", title="trigger"), ["r"], T0)
    await box.enqueue(make_alert(fingerprint="x", title="resolve"), ["r"], T0 + 1)
    trigger, resolve = await box.lease("r", 5, 30, T0 + 2)  # both due: both, in order
    await box.retry_later(trigger.id, T0 + 100, "http_503")
    # the resolve's lease ran out, but its trigger is backing off: it must wait
    assert await box.lease("r", 5, 30, T0 + 40) == []
    assert [p.alert.title for p in await box.pending("r", 5, T0 + 40)] == ["trigger", "resolve"]
    await box.enqueue(make_alert(fingerprint="y", title="other"), ["r"], T0 + 41)
    assert [d.alert.title for d in await box.lease("r", 5, 30, T0 + 41)] == ["other"]
    await box.dead(trigger.id, "http_400", T0 + 42)
    (again,) = await box.lease("r", 5, 30, T0 + 43)
    assert again.id == resolve.id and again.attempts == 2
    await box.close()
