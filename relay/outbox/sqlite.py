"""The embedded, durable outbox: one SQLite file in WAL mode, one writer thread.

Why this shape:
- **One thread owns the connection.** sqlite3 connections are not for sharing across
  threads, and a single writer never contends with itself; the asyncio side hands it
  closures and awaits futures.
- **Group commit.** The thread takes every request queued while the previous COMMIT was
  fsyncing and runs them in ONE transaction (each inside its own SAVEPOINT, so one bad
  request fails alone). Under a burst, durability costs one fsync per batch, not per alert.
  Futures resolve only after COMMIT returns: `enqueue` never reports rows that are not on
  disk.
- **synchronous=FULL.** In WAL mode NORMAL already survives a *process* crash, but a power
  loss can drop the last commits; FULL fsyncs the WAL on every commit, so an alert that was
  answered 202 is on disk even then. Group commit keeps the cost low (measured in
  tests/outbox/test_sqlite.py::test_group_commit_batches_concurrent_enqueues and reported
  by bench numbers in the delivery report).
- **One process per file.** An exclusive `flock` on `<path>.lock` enforces it, which is
  what makes it safe for `open()` to clear every lease: any lease in the file belongs to a
  process that has died, so its rows are due at once instead of after `lease_seconds`.
- Rows keep only the scrubbed Alert JSON, the receiver and a reason code. Delivered and
  folded rows are pruned after `retention_seconds` (checked on writes, using the callers'
  `now`); dead letters stay until replayed or purged by an operator.
"""

from __future__ import annotations

import asyncio
import builtins
import contextlib
import fcntl
import os
import queue
import sqlite3
import threading
import uuid
from collections.abc import Callable, Collection, Sequence
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

import structlog

from relay.model import Alert
from relay.outbox.base import Delivery, OutboxUnavailable, ReceiverStats, State

log = structlog.get_logger(__name__)

T = TypeVar("T")
Op = Callable[[sqlite3.Connection], Any]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS deliveries (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    id              TEXT NOT NULL UNIQUE,
    receiver        TEXT NOT NULL,
    fingerprint     TEXT NOT NULL,
    alert_json      TEXT NOT NULL,
    state           TEXT NOT NULL,
    attempts        INTEGER NOT NULL DEFAULT 0,
    created_at      REAL NOT NULL,
    next_attempt_at REAL NOT NULL,
    lease_until     REAL,
    last_error      TEXT,
    updated_at      REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS deliveries_receiver_state ON deliveries (receiver, state, seq);
CREATE INDEX IF NOT EXISTS deliveries_fingerprint ON deliveries (receiver, fingerprint, seq);
CREATE INDEX IF NOT EXISTS deliveries_state_updated ON deliveries (state, updated_at);
CREATE TABLE IF NOT EXISTS meta (k TEXT PRIMARY KEY, v TEXT NOT NULL);
"""

# A due row: pending and its time has come, or leased by a worker whose lease ran out.
# It is held back while an EARLIER row for the same receiver and fingerprint is waiting out
# a backoff or is leased, so a resolve never overtakes its trigger (ordering where it
# matters), while unrelated alerts still flow past a row that is backing off.
_DUE = """
    d.receiver = :receiver
    AND (
        (d.state = 'pending' AND d.next_attempt_at <= :now)
        OR (d.state = 'leased' AND d.lease_until <= :now)
    )
    AND NOT EXISTS (
        SELECT 1 FROM deliveries e
        WHERE e.receiver = d.receiver AND e.fingerprint = d.fingerprint AND e.seq < d.seq
          AND (
            (e.state = 'pending' AND e.next_attempt_at > :now)
            OR (e.state = 'leased' AND e.lease_until > :now)
          )
    )
"""

_COLUMNS = "id, receiver, alert_json, state, attempts, created_at, next_attempt_at, last_error"

_STOP = object()


def _row_to_delivery(row: tuple[Any, ...]) -> Delivery:
    id_, receiver, alert_json, state, attempts, created_at, next_at, last_error = row
    return Delivery(
        id=id_, receiver=receiver, alert=Alert.model_validate_json(alert_json),
        state=State(state), attempts=attempts, created_at=created_at,
        next_attempt_at=next_at, last_error=last_error,
    )


class _Request:
    __slots__ = ("future", "loop", "op", "writes")

    def __init__(self, op: Op, loop: asyncio.AbstractEventLoop, writes: bool) -> None:
        self.op = op
        self.loop = loop
        self.writes = writes
        self.future: asyncio.Future[Any] = loop.create_future()


def _resolve(req: _Request, result: Any = None, error: BaseException | None = None) -> None:
    def settle() -> None:
        if req.future.done():  # the caller timed out or was cancelled
            return
        if error is not None:
            req.future.set_exception(error)
        else:
            req.future.set_result(result)

    with contextlib.suppress(RuntimeError):  # loop already closed: nobody is waiting
        req.loop.call_soon_threadsafe(settle)


class SqliteOutbox:
    """`relay.outbox.base.Outbox` on SQLite. Single process per database file."""

    backend = "sqlite"

    def __init__(
        self,
        path: Path,
        *,
        retention_seconds: float = 7 * 24 * 3600,
        busy_timeout: float = 5.0,
        op_timeout: float = 10.0,
        synchronous: str = "FULL",
        max_size_bytes: int | None = None,
        max_batch: int = 512,
        prune_interval: float = 3600.0,
    ) -> None:
        if synchronous not in ("FULL", "NORMAL", "EXTRA"):
            raise ValueError("synchronous must be FULL, NORMAL or EXTRA")
        self.path = Path(path)
        self.retention_seconds = retention_seconds
        self.busy_timeout = busy_timeout
        self.op_timeout = op_timeout
        self.synchronous = synchronous
        self.max_size_bytes = max_size_bytes
        self.max_batch = max_batch
        self.prune_interval = prune_interval
        #: transactions committed so far (group-commit efficiency is enqueues / commits)
        self.commits = 0
        self._queue: queue.SimpleQueue[_Request | object] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._ready: Future[None] = Future()
        self._lock_fd: int | None = None
        self._last_prune: float | None = None
        self._closed = True

    # -- lifecycle ---------------------------------------------------------------------------

    async def open(self) -> None:
        if not self._closed:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock_fd = self._take_process_lock()
        self._ready = Future()
        self._thread = threading.Thread(
            target=self._run, name=f"outbox-writer:{self.path.name}", daemon=True
        )
        self._thread.start()
        try:
            await asyncio.wrap_future(self._ready)
        except BaseException:
            self._release_process_lock()
            raise
        self._closed = False
        released = await self._call(self._clear_leases)
        log.info("outbox.opened", backend=self.backend, leases_released=released)

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._queue.put(_STOP)
        thread = self._thread
        if thread is not None:
            await asyncio.get_running_loop().run_in_executor(None, thread.join)
        self._release_process_lock()
        log.info("outbox.closed", backend=self.backend)

    def _take_process_lock(self) -> int:
        fd = os.open(f"{self.path}.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            log.error("outbox.locked_by_other_process", path=str(self.path))
            raise OutboxUnavailable("outbox database is in use by another process") from exc
        return fd

    def _release_process_lock(self) -> None:
        if self._lock_fd is not None:
            with contextlib.suppress(OSError):
                fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
                os.close(self._lock_fd)
            self._lock_fd = None

    # -- the writer thread -------------------------------------------------------------------

    def _connect(self) -> sqlite3.Connection:
        conn = sqlite3.connect(
            self.path, isolation_level=None, timeout=self.busy_timeout, check_same_thread=True
        )
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute(f"PRAGMA synchronous={self.synchronous}")
        conn.execute(f"PRAGMA busy_timeout={int(self.busy_timeout * 1000)}")
        if self.max_size_bytes is not None:
            page_size = conn.execute("PRAGMA page_size").fetchone()[0]
            conn.execute(f"PRAGMA max_page_count={max(1, self.max_size_bytes // page_size)}")
        conn.executescript(_SCHEMA)
        return conn

    def _run(self) -> None:
        try:
            conn = self._connect()
        except sqlite3.Error as exc:
            log.error("outbox.open_failed", error=type(exc).__name__, code=str(exc))
            self._ready.set_exception(OutboxUnavailable("cannot open outbox database"))
            return
        self._ready.set_result(None)
        try:
            while True:
                first = self._queue.get()
                if first is _STOP:
                    break
                batch: list[_Request] = [first]  # type: ignore[list-item]
                stop = False
                while len(batch) < self.max_batch:
                    try:
                        item = self._queue.get_nowait()
                    except queue.Empty:
                        break
                    if item is _STOP:
                        stop = True
                        break
                    batch.append(item)  # type: ignore[arg-type]
                self._run_batch(conn, batch)
                if stop:
                    break
        finally:
            self._fail_queued()
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA optimize")
            conn.close()

    def _fail_queued(self) -> None:
        while True:
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return
            if isinstance(item, _Request):
                _resolve(item, error=OutboxUnavailable("outbox closed"))

    def _run_batch(self, conn: sqlite3.Connection, batch: list[_Request]) -> None:
        """Run a batch in one transaction; settle futures only after COMMIT."""
        done: list[tuple[_Request, Any, BaseException | None]] = []
        try:
            conn.execute("BEGIN IMMEDIATE" if any(r.writes for r in batch) else "BEGIN")
        except sqlite3.Error as exc:
            self._fail_all(batch, exc, "outbox.begin_failed")
            return
        for req in batch:
            try:
                conn.execute("SAVEPOINT req")
                result = req.op(conn)
                conn.execute("RELEASE req")
                done.append((req, result, None))
            except sqlite3.Error as exc:
                if not conn.in_transaction:
                    # SQLite rolled the whole transaction back (SQLITE_FULL, IOERR, ...):
                    # the requests that had succeeded are gone too.
                    self._fail_all(batch, exc, "outbox.transaction_aborted")
                    return
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK TO req")
                    conn.execute("RELEASE req")
                log.error("outbox.write_failed", error=type(exc).__name__, code=str(exc))
                done.append((req, None, OutboxUnavailable(f"outbox write failed: {exc}")))
            except Exception as exc:  # a bug in an op: fail that request only
                with contextlib.suppress(sqlite3.Error):
                    conn.execute("ROLLBACK TO req")
                    conn.execute("RELEASE req")
                done.append((req, None, exc))
        try:
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            self._fail_all(batch, exc, "outbox.commit_failed")
            return
        self.commits += 1
        for req, result, error in done:
            _resolve(req, result, error)

    def _fail_all(self, batch: list[_Request], exc: sqlite3.Error, event: str) -> None:
        log.error(event, error=type(exc).__name__, code=str(exc), requests=len(batch))
        for req in batch:
            _resolve(req, error=OutboxUnavailable(f"outbox unavailable: {exc}"))

    async def _call(self, op: Callable[[sqlite3.Connection], T], *, writes: bool = True) -> T:
        thread = self._thread
        if thread is None or not thread.is_alive():
            raise OutboxUnavailable("outbox writer is not running")
        req = _Request(op, asyncio.get_running_loop(), writes)
        self._queue.put(req)
        try:
            result: T = await asyncio.wait_for(req.future, self.op_timeout)
        except TimeoutError as exc:
            log.error("outbox.timeout", seconds=self.op_timeout)
            raise OutboxUnavailable("outbox did not answer in time") from exc
        return result

    # -- pruning ----------------------------------------------------------------------------

    def _maybe_prune(self, conn: sqlite3.Connection, now: float) -> None:
        if self._last_prune is not None and now - self._last_prune < self.prune_interval:
            return
        self._last_prune = now
        n = self._purge(conn, now - self.retention_seconds)
        if n:
            log.info("outbox.pruned", rows=n)

    @staticmethod
    def _purge(conn: sqlite3.Connection, older_than: float) -> int:
        cur = conn.execute(
            "DELETE FROM deliveries WHERE state IN ('delivered', 'folded') AND updated_at < ?",
            (older_than,),
        )
        return cur.rowcount

    @staticmethod
    def _clear_leases(conn: sqlite3.Connection) -> int:
        cur = conn.execute(
            "UPDATE deliveries SET state = 'pending', lease_until = NULL WHERE state = 'leased'"
        )
        return cur.rowcount

    # -- the Outbox protocol ----------------------------------------------------------------

    async def enqueue(self, alert: Alert, receivers: Sequence[str], now: float) -> None:
        if not receivers:
            return
        alert_json = alert.model_dump_json()
        rows = [
            (uuid.uuid4().hex, r, alert.fingerprint, alert_json, now, now, now)
            for r in receivers
        ]

        def op(conn: sqlite3.Connection) -> None:
            conn.executemany(
                "INSERT INTO deliveries (id, receiver, fingerprint, alert_json, state,"
                " created_at, next_attempt_at, updated_at)"
                " VALUES (?, ?, ?, ?, 'pending', ?, ?, ?)",
                rows,
            )
            self._maybe_prune(conn, now)

        await self._call(op)

    async def lease(
        self, receiver: str, limit: int, lease_seconds: float, now: float
    ) -> list[Delivery]:
        args = {"receiver": receiver, "now": now, "limit": limit}

        def op(conn: sqlite3.Connection) -> list[Delivery]:
            seqs = [
                s for (s,) in conn.execute(
                    f"SELECT d.seq FROM deliveries d WHERE {_DUE} ORDER BY d.seq LIMIT :limit",
                    args,
                )
            ]
            if not seqs:
                return []
            marks = ",".join("?" * len(seqs))
            conn.execute(
                f"UPDATE deliveries SET state = 'leased', lease_until = ?, updated_at = ?,"
                f" attempts = attempts + 1 WHERE seq IN ({marks})",
                (now + lease_seconds, now, *seqs),
            )
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM deliveries WHERE seq IN ({marks}) ORDER BY seq", seqs
            ).fetchall()
            return [_row_to_delivery(r) for r in rows]

        return await self._call(op)

    async def delivered(self, ids: Sequence[str], now: float) -> None:
        await self._finish(ids, State.DELIVERED, now)

    async def fold(self, ids: Sequence[str], now: float) -> None:
        await self._finish(ids, State.FOLDED, now)

    async def _finish(self, ids: Sequence[str], state: State, now: float) -> None:
        if not ids:
            return
        params = [(state.value, now, i) for i in ids]

        def op(conn: sqlite3.Connection) -> None:
            conn.executemany(
                "UPDATE deliveries SET state = ?, updated_at = ?, lease_until = NULL"
                " WHERE id = ? AND state IN ('pending', 'leased')",
                params,
            )
            self._maybe_prune(conn, now)

        await self._call(op)

    async def retry_later(self, id: str, next_attempt_at: float, error: str) -> None:
        def op(conn: sqlite3.Connection) -> None:
            conn.execute(
                "UPDATE deliveries SET state = 'pending', next_attempt_at = ?, lease_until = NULL,"
                " last_error = ? WHERE id = ? AND state IN ('pending', 'leased')",
                (next_attempt_at, error, id),
            )

        await self._call(op)

    async def dead(self, id: str, reason: str, now: float) -> None:
        def op(conn: sqlite3.Connection) -> None:
            conn.execute(
                "UPDATE deliveries SET state = 'dead', last_error = ?, lease_until = NULL,"
                " updated_at = ? WHERE id = ? AND state IN ('pending', 'leased')",
                (reason, now, id),
            )

        await self._call(op)

    async def dead_orphans(
        self, receivers: Collection[str], reason: str, now: float
    ) -> dict[str, int]:
        keep = sorted(set(receivers))
        where = "state IN ('pending', 'leased')"
        if keep:
            where += f" AND receiver NOT IN ({','.join('?' * len(keep))})"

        def op(conn: sqlite3.Connection) -> dict[str, int]:
            moved = {
                receiver: n for receiver, n in conn.execute(
                    f"SELECT receiver, count(*) FROM deliveries WHERE {where} GROUP BY receiver",
                    keep,
                )
            }
            if moved:
                conn.execute(
                    "UPDATE deliveries SET state = 'dead', last_error = ?, lease_until = NULL,"
                    f" updated_at = ? WHERE {where}",
                    (reason, now, *keep),
                )
            return moved

        return await self._call(op)

    async def pending(self, receiver: str, limit: int, now: float) -> list[Delivery]:
        """Pending rows not under a live lease, in creation order, due or backing off."""

        def op(conn: sqlite3.Connection) -> list[Delivery]:
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM deliveries WHERE receiver = ?"
                " AND (state = 'pending' OR (state = 'leased' AND lease_until <= ?))"
                " ORDER BY seq LIMIT ?",
                (receiver, now, limit),
            ).fetchall()
            return [_row_to_delivery(r) for r in rows]

        return await self._call(op, writes=False)

    async def stats(self, now: float) -> list[ReceiverStats]:
        def op(conn: sqlite3.Connection) -> list[ReceiverStats]:
            counts: dict[str, dict[str, int]] = {}
            oldest: dict[str, float] = {}
            for receiver, state, n, first in conn.execute(
                "SELECT receiver, state, count(*), min(created_at) FROM deliveries"
                " GROUP BY receiver, state"
            ):
                counts.setdefault(receiver, {})[state] = n
                if state in ("pending", "leased"):
                    oldest[receiver] = min(first, oldest.get(receiver, first))
            return [
                ReceiverStats(
                    receiver=r,
                    pending=c.get("pending", 0) + c.get("leased", 0),
                    oldest_age=max(0.0, now - oldest[r]) if r in oldest else None,
                    dead=c.get("dead", 0),
                    delivered=c.get("delivered", 0) + c.get("folded", 0),
                )
                for r, c in sorted(counts.items())
            ]

        return await self._call(op, writes=False)

    async def list(self, dead: bool, limit: int) -> builtins.list[Delivery]:
        states = ("dead",) if dead else ("pending", "leased")

        def op(conn: sqlite3.Connection) -> builtins.list[Delivery]:
            marks = ",".join("?" * len(states))
            rows = conn.execute(
                f"SELECT {_COLUMNS} FROM deliveries WHERE state IN ({marks})"
                " ORDER BY seq LIMIT ?",
                (*states, limit),
            ).fetchall()
            return [_row_to_delivery(r) for r in rows]

        return await self._call(op, writes=False)

    async def replay(
        self, ids: Sequence[str] = (), receiver: str | None = None, all_dead: bool = False,
        now: float = 0.0,
    ) -> int:
        """Dead rows back to pending, due at `now`, attempts reset, age clock restarted.

        Restarting `created_at` is deliberate: a dead letter replayed after a day would
        otherwise be dead again at once for `max_age`. The alert keeps its `received_at`.
        """
        set_clause = (
            "UPDATE deliveries SET state = 'pending', attempts = 0, next_attempt_at = ?,"
            " created_at = ?, lease_until = NULL, updated_at = ? WHERE state = 'dead'"
        )
        base = (now, now, now)
        id_list = builtins.list(ids)

        def op(conn: sqlite3.Connection) -> int:
            if all_dead:
                return int(conn.execute(set_clause, base).rowcount)
            total = 0
            if receiver is not None:
                total += conn.execute(set_clause + " AND receiver = ?", (*base, receiver)).rowcount
            for chunk in range(0, len(id_list), 500):
                part = id_list[chunk : chunk + 500]
                marks = ",".join("?" * len(part))
                total += conn.execute(
                    set_clause + f" AND id IN ({marks})", (*base, *part)
                ).rowcount
            return total

        n = await self._call(op)
        log.info("outbox.replayed", rows=n, receiver=receiver, all_dead=all_dead)
        return n

    async def purge_delivered(self, older_than: float) -> int:
        return await self._call(lambda conn: self._purge(conn, older_than))

    async def writable(self) -> bool:
        """Readiness: an alert-sized write goes through and commits.

        The probe is as large as a big alert (16 KiB) so a nearly full disk, where a tiny
        write would still fit, already reads as not ready; it is rolled back to the savepoint
        so the file does not grow.
        """
        if self._closed:
            return False

        def op(conn: sqlite3.Connection) -> None:
            conn.execute("SAVEPOINT probe")
            try:
                conn.execute(
                    "INSERT OR REPLACE INTO meta (k, v) VALUES ('probe', hex(randomblob(8192)))"
                )
            finally:
                conn.execute("ROLLBACK TO probe")
                conn.execute("RELEASE probe")

        try:
            await self._call(op)
        except OutboxUnavailable:
            return False
        return True
