"""Where silences live: a small SQLite table (embedded default) or a Redis hash (replicas).

Silences are created rarely and checked for every alert, so each store keeps the live
(not yet ended) silences in memory and `active(now)` is a filter over that list. The cache
follows changes:
- this store's own `add`/`expire` refresh it at once;
- SQLite: another process writing the same file (the CLI while `serve` runs) is noticed
  through `PRAGMA data_version`, checked at most every `recheck` seconds (default 1 s);
- Redis: every change bumps `<prefix>silences:version`; `active` reads that one key (every
  call by default, `recheck` seconds apart if set) and reloads the hash when it moved, so
  every replica sees a new silence on its next alert.
A store that cannot be read raises `SilenceStoreUnavailable` (an `OutboxUnavailable`: the
edge answers 503, as for any state Relay cannot trust), logged without content.
"""

from __future__ import annotations

import asyncio
import builtins
import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import structlog
from pydantic import ValidationError

from relay.outbox.base import OutboxUnavailable
from relay.silences import Silence, active

if TYPE_CHECKING:
    import redis.asyncio as aioredis

log = structlog.get_logger(__name__)


class SilenceStoreUnavailable(OutboxUnavailable):
    """The silence store cannot be read or written."""


class SilenceStore(Protocol):
    async def open(self) -> None: ...
    async def close(self) -> None: ...

    async def add(self, silence: Silence) -> None:
        """Store a new (already scrubbed) silence."""

    async def get(self, silence_id: str) -> Silence | None: ...

    async def list(self, *, now: datetime, include_expired: bool = False
                   ) -> builtins.list[Silence]:
        """Newest first; without `include_expired`, only those not yet ended."""

    async def expire(self, silence_id: str, now: datetime) -> bool:
        """End a silence now; False when unknown or already ended."""

    async def active(self, now: datetime) -> builtins.list[Silence]:
        """The silences muting at `now`; cheap (memory) on the hot path."""


def _decode(raw: str | bytes) -> Silence | None:
    try:
        return Silence.model_validate_json(raw)
    except ValidationError:
        log.error("silence.corrupt")  # never the content
        return None


def _newest_first(silences: builtins.list[Silence]) -> builtins.list[Silence]:
    return sorted(silences, key=lambda s: (s.created_at, s.id), reverse=True)


class _Cache:
    """The live silences and when they were last confirmed current."""

    def __init__(self, recheck: float, clock: Callable[[], float]) -> None:
        self.recheck = recheck
        self.clock = clock
        self.live: builtins.list[Silence] | None = None
        self.checked = float("-inf")

    def due(self) -> bool:
        return self.live is None or self.clock() - self.checked >= self.recheck

    def set(self, silences: builtins.list[Silence], now: datetime) -> None:
        self.live = [s for s in silences if not s.ended(now)]
        self.checked = self.clock()

    def active(self, now: datetime) -> builtins.list[Silence]:
        return [s for s in self.live or [] if active(s, now)]


# -- SQLite ---------------------------------------------------------------------------------

_SCHEMA = """
CREATE TABLE IF NOT EXISTS silences (
    id TEXT PRIMARY KEY,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
)
"""


class SqliteSilenceStore:
    """Silences in their own SQLite file (WAL; each write committed before it returns)."""

    backend = "sqlite"

    def __init__(self, path: str | Path, *, recheck: float = 1.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.path = Path(path)
        self._conn: sqlite3.Connection | None = None
        self._lock = threading.Lock()
        self._cache = _Cache(recheck, clock)
        self._data_version: int | None = None

    @contextlib.contextmanager
    def _db(self, op: str) -> Iterator[sqlite3.Connection]:
        with self._lock:
            try:
                if self._conn is None:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                    conn = sqlite3.connect(self.path, check_same_thread=False, timeout=5,
                                           isolation_level=None)
                    conn.execute("PRAGMA journal_mode=WAL")
                    conn.execute("PRAGMA synchronous=FULL")
                    conn.execute(_SCHEMA)
                    self._conn = conn
                yield self._conn
            except (sqlite3.Error, OSError) as exc:
                log.error("silence.store_unavailable", backend="sqlite", op=op,
                          error=type(exc).__name__)
                raise SilenceStoreUnavailable(f"silence store: {op} failed "
                                              f"({type(exc).__name__})") from exc

    async def open(self) -> None:
        """Create the file and table now, so a bad path fails at start-up."""
        def create() -> None:
            with self._db("open"):
                pass
        await asyncio.to_thread(create)

    async def close(self) -> None:
        def close() -> None:
            with self._lock:
                if self._conn is not None:
                    self._conn.close()
                    self._conn = None
        await asyncio.to_thread(close)

    def _all_sync(self) -> builtins.list[Silence]:
        with self._db("read") as conn:
            rows = conn.execute("SELECT body FROM silences").fetchall()
            self._data_version = conn.execute("PRAGMA data_version").fetchone()[0]
        return [s for s in (_decode(r[0]) for r in rows) if s is not None]

    def _changed_sync(self) -> bool:
        with self._db("check") as conn:
            version = conn.execute("PRAGMA data_version").fetchone()[0]
        return bool(version != self._data_version)

    async def _refresh(self, now: datetime) -> None:
        self._cache.set(await asyncio.to_thread(self._all_sync), now)

    async def add(self, silence: Silence) -> None:
        def insert() -> None:
            with self._db("add") as conn:
                conn.execute("INSERT INTO silences (id, body, created_at) VALUES (?, ?, ?)",
                             (silence.id, silence.model_dump_json(),
                              silence.created_at.isoformat()))
        await asyncio.to_thread(insert)
        await self._refresh(silence.created_at)

    async def get(self, silence_id: str) -> Silence | None:
        def read() -> str | None:
            with self._db("get") as conn:
                row = conn.execute("SELECT body FROM silences WHERE id = ?",
                                   (silence_id,)).fetchone()
            return None if row is None else str(row[0])
        raw = await asyncio.to_thread(read)
        return None if raw is None else _decode(raw)

    async def list(self, *, now: datetime, include_expired: bool = False
                   ) -> builtins.list[Silence]:
        silences = await asyncio.to_thread(self._all_sync)
        self._cache.set(silences, now)
        return _newest_first(silences if include_expired
                             else [s for s in silences if not s.ended(now)])

    async def expire(self, silence_id: str, now: datetime) -> bool:
        def update() -> bool:
            with self._db("expire") as conn:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    row = conn.execute("SELECT body FROM silences WHERE id = ?",
                                       (silence_id,)).fetchone()
                    silence = None if row is None else _decode(row[0])
                    if silence is None or silence.ended(now):
                        conn.execute("ROLLBACK")
                        return False
                    done = silence.model_copy(update={"expired_at": now})
                    conn.execute("UPDATE silences SET body = ? WHERE id = ?",
                                 (done.model_dump_json(), silence_id))
                    conn.execute("COMMIT")
                    return True
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
        changed = await asyncio.to_thread(update)
        if changed:
            await self._refresh(now)
        return changed

    async def active(self, now: datetime) -> builtins.list[Silence]:
        if self._cache.live is None:
            await self._refresh(now)
        elif self._cache.due():
            if await asyncio.to_thread(self._changed_sync):
                await self._refresh(now)
            else:
                self._cache.checked = self._cache.clock()
        return self._cache.active(now)


# -- Redis ----------------------------------------------------------------------------------

# Replace a silence only if it is still what we read (another replica may have expired it).
_CAS = """
if redis.call('HGET', KEYS[1], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[3])
redis.call('INCR', KEYS[2])
return 1
"""


class RedisSilenceStore:
    """Silences in one Redis hash `<prefix>silences` (id → JSON) with a version counter."""

    backend = "redis"

    def __init__(self, client: aioredis.Redis, prefix: str, *, recheck: float = 0.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.client = client
        self.hash_key = f"{prefix}silences"
        self.version_key = f"{prefix}silences:version"
        self._cache = _Cache(recheck, clock)
        self._version: bytes | None = None
        self._cas: Any = None

    @contextlib.asynccontextmanager
    async def _redis(self, op: str) -> Any:
        from redis.exceptions import RedisError
        try:
            yield
        except (RedisError, OSError) as exc:
            log.error("silence.store_unavailable", backend="redis", op=op,
                      error=type(exc).__name__)
            raise SilenceStoreUnavailable(f"silence store: {op} failed "
                                          f"({type(exc).__name__})") from exc

    async def open(self) -> None:
        self._cas = self.client.register_script(_CAS)

    async def close(self) -> None:
        """The client belongs to the caller."""

    async def _all(self) -> builtins.list[Silence]:
        async with self._redis("read"):
            pipe = self.client.pipeline(transaction=True)
            pipe.get(self.version_key)
            pipe.hvals(self.hash_key)
            version, values = await pipe.execute()
        self._version = version
        return [s for s in (_decode(v) for v in values) if s is not None]

    async def add(self, silence: Silence) -> None:
        async with self._redis("add"):
            pipe = self.client.pipeline(transaction=True)
            pipe.hset(self.hash_key, silence.id, silence.model_dump_json())
            pipe.incr(self.version_key)
            await pipe.execute()
        self._cache.set(await self._all(), silence.created_at)

    async def get(self, silence_id: str) -> Silence | None:
        async with self._redis("get"):
            raw = await self.client.hget(self.hash_key, silence_id)
        return None if raw is None else _decode(raw)

    async def list(self, *, now: datetime, include_expired: bool = False
                   ) -> builtins.list[Silence]:
        silences = await self._all()
        self._cache.set(silences, now)
        return _newest_first(silences if include_expired
                             else [s for s in silences if not s.ended(now)])

    async def expire(self, silence_id: str, now: datetime) -> bool:
        if self._cas is None:
            await self.open()
        for _attempt in range(5):
            async with self._redis("expire"):
                raw = await self.client.hget(self.hash_key, silence_id)
            silence = None if raw is None else _decode(raw)
            if silence is None or silence.ended(now):
                return False
            done = silence.model_copy(update={"expired_at": now}).model_dump_json()
            async with self._redis("expire"):
                swapped = await self._cas(keys=[self.hash_key, self.version_key],
                                          args=[silence_id, raw, done])
            if swapped:
                self._cache.set(await self._all(), now)
                return True
        return False

    async def active(self, now: datetime) -> builtins.list[Silence]:
        if self._cache.live is None:
            self._cache.set(await self._all(), now)
        elif self._cache.due():
            async with self._redis("check"):
                version = await self.client.get(self.version_key)
            if version != self._version:
                self._cache.set(await self._all(), now)
            else:
                self._cache.checked = self._cache.clock()
        return self._cache.active(now)
