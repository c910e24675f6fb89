"""The outbox contract every backend (SQLite, Redis) satisfies; one contract test checks both.

A delivery is one (alert, receiver) pair. `enqueue` returns only once the rows are durable,
which is what lets the HTTP handler answer 202. Rows hold only the scrubbed `Alert` JSON.
Times are unix seconds passed in by the caller (`now`), so backends are testable without a
clock.
"""

from __future__ import annotations

import enum
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Protocol

from relay.model import Alert


class State(enum.StrEnum):
    PENDING = "pending"
    LEASED = "leased"
    DELIVERED = "delivered"
    DEAD = "dead"
    FOLDED = "folded"  # folded into a digest; counted there


@dataclass(frozen=True)
class Delivery:
    id: str
    receiver: str
    alert: Alert
    state: State
    attempts: int
    created_at: float
    next_attempt_at: float
    last_error: str | None = None  # a reason code, never content


@dataclass(frozen=True)
class ReceiverStats:
    receiver: str
    pending: int
    oldest_age: float | None  # seconds, of the oldest pending/leased row
    dead: int
    delivered: int


class OutboxUnavailable(Exception):
    """The outbox cannot durably accept writes (disk full, locked, Redis down): answer 503."""


class Outbox(Protocol):
    backend: str  # "sqlite" | "redis"

    async def open(self) -> None: ...
    async def close(self) -> None: ...

    async def enqueue(self, alert: Alert, receivers: Sequence[str], now: float) -> None:
        """Durably store one delivery per receiver (group-committed); raise OutboxUnavailable."""
        ...

    async def lease(
        self, receiver: str, limit: int, lease_seconds: float, now: float
    ) -> list[Delivery]:
        """Take up to `limit` due rows for `receiver` in creation order, for `lease_seconds`.

        Rows whose lease expired (a crashed worker) are due again. Leasing counts an attempt
        (`attempts` + 1, so a send cut short by a crash is counted). A row is held back while
        an EARLIER row for the same receiver and `alert.fingerprint` is waiting out a backoff
        or is under a live lease, so a resolve never overtakes its trigger; rows that are
        due together are returned together, in order.
        """
        ...

    async def delivered(self, ids: Sequence[str], now: float) -> None: ...
    async def retry_later(self, id: str, next_attempt_at: float, error: str) -> None: ...
    async def dead(self, id: str, reason: str, now: float) -> None: ...
    async def fold(self, ids: Sequence[str], now: float) -> None:
        """Mark leased rows as delivered inside a digest that the receiver accepted."""
        ...

    async def pending(self, receiver: str, limit: int, now: float) -> list[Delivery]:
        """Peek at pending rows (not under a live lease, due or backing off) in creation
        order, for digest decisions. Leases nothing."""
        ...

    async def stats(self, now: float) -> list[ReceiverStats]: ...
    async def list(self, dead: bool, limit: int) -> list[Delivery]: ...
    async def replay(
        self, ids: Sequence[str] = (), receiver: str | None = None, all_dead: bool = False,
        now: float = 0.0,
    ) -> int:
        """Move dead rows back to pending, due at `now`; return how many.

        Replay resets `attempts` to 0 and `created_at` to `now` (else a day-old dead letter
        would be dead again at once for `max_age`). No selector replays nothing.
        """
        ...

    async def dead_orphans(
        self, receivers: Collection[str], reason: str, now: float
    ) -> dict[str, int]:
        """Move every pending or leased row whose receiver is NOT in `receivers` to the dead
        letters with `reason`; return how many per receiver.

        For rows that no worker will ever take (their receiver left the configuration).
        Nothing is deleted: `replay` brings them back like any dead letter. A row leased
        by another replica that still knows the receiver moves too; if that send succeeds,
        a replay repeats it (at-least-once, as everywhere else).
        """
        ...

    async def purge_delivered(self, older_than: float) -> int: ...
    async def writable(self) -> bool: ...
