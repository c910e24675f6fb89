"""One contract for every silence store (SQLite file, real Redis with a unique prefix):
add/get/list/expire, the active filter, other writers seen, persistence, failures."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from redis_harness import delete_prefix, free_port, new_prefix, redis_url

from relay.redis_state import client_from_url
from relay.silence_store import (
    RedisSilenceStore,
    SilenceStore,
    SilenceStoreUnavailable,
    SqliteSilenceStore,
)
from relay.silences import Silence, parse_silence

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def silence(service: str = "intake-api", *, duration: str = "2h", starts: datetime | None = None,
            created: datetime = NOW) -> Silence:
    body: dict[str, Any] = {"matchers": {"service": service}, "duration": duration,
                            "author": "on-call", "comment": "maintenance"}
    if starts is not None:
        body["starts_at"] = starts.isoformat()
    return parse_silence(body, created)


# A factory opens a store; calling it twice gives two stores over the same data (two
# processes / two replicas).
Factory = Callable[[Clock], Awaitable[SilenceStore]]


@pytest.fixture(params=["sqlite", "redis"])
async def factory(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Factory]:
    opened: list[SilenceStore] = []
    clients: list[Any] = []
    if request.param == "sqlite":
        async def make(clock: Clock) -> SilenceStore:
            store = SqliteSilenceStore(tmp_path / "silences.db", clock=clock)
            await store.open()
            opened.append(store)
            return store
        yield make
    else:
        url = redis_url()
        prefix = new_prefix()

        async def make(clock: Clock) -> SilenceStore:
            client = client_from_url(url)
            clients.append(client)
            store = RedisSilenceStore(client, prefix, clock=clock)
            await store.open()
            opened.append(store)
            return store
        yield make
        delete_prefix(url, prefix)
    for store in opened:
        await store.close()
    for client in clients:
        await client.aclose()


async def test_add_get_list_expire(factory: Factory) -> None:
    store = await factory(Clock())
    a = silence("a", created=NOW)
    b = silence("b", created=NOW + timedelta(seconds=1))
    await store.add(a)
    await store.add(b)
    assert await store.get(a.id) == a
    assert await store.get("nope") is None
    assert [s.id for s in await store.list(now=NOW + timedelta(seconds=2))] == [b.id, a.id]
    assert await store.expire(a.id, NOW + timedelta(minutes=1))
    assert not await store.expire(a.id, NOW + timedelta(minutes=2))  # already ended
    assert not await store.expire("nope", NOW)
    later = NOW + timedelta(minutes=3)
    assert [s.id for s in await store.list(now=later)] == [b.id]
    history = await store.list(now=later, include_expired=True)
    assert [s.id for s in history] == [b.id, a.id]
    assert history[1].expired_at == NOW + timedelta(minutes=1)
    assert [s.id for s in await store.active(later)] == [b.id]


async def test_active_window(factory: Factory) -> None:
    store = await factory(Clock())
    now_s = silence("now", duration="1h")
    later_s = silence("later", starts=NOW + timedelta(hours=2), duration="1h")
    await store.add(now_s)
    await store.add(later_s)
    assert [s.id for s in await store.active(NOW)] == [now_s.id]
    assert await store.active(NOW + timedelta(hours=1, minutes=30)) == []
    assert [s.id for s in await store.active(NOW + timedelta(hours=2))] == [later_s.id]
    assert not await store.expire(now_s.id, NOW + timedelta(hours=1))  # ended by itself
    assert [s.id for s in await store.list(now=NOW + timedelta(hours=1))] == [later_s.id]


async def test_other_writer_is_seen(factory: Factory, request: pytest.FixtureRequest) -> None:
    """A second store over the same data (CLI process, other replica) adds and expires;
    the first sees it: Redis on its next call, SQLite within `recheck` (1 s)."""
    clock = Clock()
    mine = await factory(clock)
    other = await factory(Clock())
    assert await mine.active(NOW) == []
    s = silence()
    await other.add(s)
    if isinstance(mine, SqliteSilenceStore):
        assert await mine.active(NOW) == []  # cached until the recheck interval
        clock.t += 1.0
    assert [x.id for x in await mine.active(NOW)] == [s.id]
    await other.expire(s.id, NOW + timedelta(minutes=1))
    clock.t += 1.0
    assert await mine.active(NOW + timedelta(minutes=2)) == []


async def test_active_is_cheap(factory: Factory) -> None:
    """The hot path: with 50 silences, `active` is a filter over memory (SQLite: no
    statement while the cache is fresh) or one GET of the version key and no read of the
    silences (Redis). Counted, not timed: a time limit fails on a busy machine, and speed is
    for `bench/`."""
    store = await factory(Clock())
    for i in range(50):
        await store.add(silence(f"svc-{i}"))
    await store.active(NOW)
    n = 200
    if isinstance(store, SqliteSilenceStore):
        statements: list[str] = []
        with store._db("trace") as conn:
            conn.set_trace_callback(statements.append)
        for _ in range(n):
            assert len(await store.active(NOW)) == 50
        with store._db("trace") as conn:
            conn.set_trace_callback(None)
        assert statements == []
    else:
        assert isinstance(store, RedisSilenceStore)
        before = await _command_calls(store.client)
        for _ in range(n):
            assert len(await store.active(NOW)) == 50
        after = await _command_calls(store.client)
        assert after.get("hvals", 0) == before.get("hvals", 0)  # no full read
        # one GET each (other clients of this server may add a few of their own)
        assert n <= after.get("get", 0) - before.get("get", 0) <= n + 50


async def _command_calls(client: Any) -> dict[str, int]:
    """Calls per command since the server started (`INFO commandstats`)."""
    stats = await client.info("commandstats")
    return {k.removeprefix("cmdstat_"): int(v["calls"]) for k, v in stats.items()}


async def test_sqlite_survives_restart_and_skips_corrupt_rows(tmp_path: Path) -> None:
    path = tmp_path / "s.db"
    store = SqliteSilenceStore(path)
    await store.open()
    s = silence()
    await store.add(s)
    await store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO silences VALUES ('bad', '{not json', 'x')")
    again = SqliteSilenceStore(path)
    await again.open()
    assert [x.id for x in await again.active(NOW)] == [s.id]
    assert await again.get("bad") is None
    await again.close()


async def test_sqlite_unusable_path_is_named(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    store = SqliteSilenceStore(blocker / "sub" / "s.db")
    with pytest.raises(SilenceStoreUnavailable):
        await store.open()


async def test_redis_down_is_named() -> None:
    client = client_from_url(f"redis://127.0.0.1:{free_port()}/0", socket_timeout=0.2)
    store = RedisSilenceStore(client, new_prefix())
    await store.open()
    with pytest.raises(SilenceStoreUnavailable):
        await store.active(NOW)
    with pytest.raises(SilenceStoreUnavailable):
        await store.add(silence())
    await client.aclose()


async def test_redis_expire_races_once(tmp_path: Path) -> None:
    """Two replicas expire the same silence at once: exactly one wins."""
    import asyncio

    url, prefix = redis_url(), new_prefix()
    clients = [client_from_url(url) for _ in range(2)]
    stores = [RedisSilenceStore(c, prefix) for c in clients]
    try:
        for st in stores:
            await st.open()
        s = silence()
        await stores[0].add(s)
        results = await asyncio.gather(*(st.expire(s.id, NOW + timedelta(minutes=1))
                                         for st in stores))
        assert sorted(results) == [False, True]
    finally:
        delete_prefix(url, prefix)
        for c in clients:
            await c.aclose()


async def test_scrubbed_silence_loads_again(factory: Factory) -> None:
    """Scrubbing may turn a valid tag name into `[REDACTED:…]`, which the input schema would
    refuse; the stored silence must still load and match the scrubbed alert."""
    from relay.model import Alert, Severity, Source
    from relay.scrub import Scrubber
    from relay.silences import silences_matching

    phone = "617-555-0123"  # a valid tag name that the scrubber redacts
    raw = parse_silence({"matchers": {"tags": {phone: "x" * 200}}, "duration": "1h",
                         "author": "a", "comment": f"call {phone}"}, NOW)
    clean, counts = raw.scrubbed(Scrubber())
    assert sum(counts.values()) == 2
    writer, reader = await factory(Clock()), await factory(Clock())
    await writer.add(clean)
    [loaded] = await reader.active(NOW)
    assert loaded == clean and phone not in loaded.model_dump_json()
    alert, _ = Alert(source=Source.DIRECT, severity=Severity.INFO, title="t", service="s",
                     fingerprint="f", tags={phone: "x" * 200}).scrubbed(Scrubber())
    assert silences_matching(alert, [loaded], NOW) == [loaded]
