"""The mute stage: silences and inhibition decide whether an alert is held back.

A resolve follows its trigger: if the trigger was muted, its resolve is muted too (nobody was
told, so nobody needs the all-clear); if the trigger went out, the resolve always does, even
under a silence added since, so an open PagerDuty incident still closes.
"""

from __future__ import annotations

from collections import OrderedDict
from datetime import UTC, datetime
from typing import Protocol

from relay.inhibit import Inhibitor
from relay.model import Action, Alert
from relay.silence_store import SilenceStore
from relay.silences import silences_matching

MUTED_MEMORY = 24 * 3600.0
MUTED_MAX = 100_000


class MutedTriggers(Protocol):
    """Fingerprints whose latest trigger was muted: per process (memory) or shared by every
    replica (`relay.redis_state.RedisMutedTriggers`), because a resolve may reach another
    replica than its trigger did. Entries lapse after a TTL so a lost resolve costs nothing.
    """

    async def add(self, fingerprint: str, reason: str, now: float) -> None:
        """Remember that this fingerprint's latest trigger was muted, and why."""

    async def pop(self, fingerprint: str, now: float) -> str | None:
        """The reason, consumed (one resolve per muted trigger), or None if not muted."""

    async def discard(self, fingerprint: str) -> None:
        """The latest trigger went out: its resolve must go out too."""


class MemoryMutedTriggers:
    """In-process `MutedTriggers` (SQLite backend, one process), TTL'd and size-bounded."""

    def __init__(self, ttl: float = MUTED_MEMORY, limit: int = MUTED_MAX) -> None:
        self.ttl = ttl
        self.limit = limit
        self._items: OrderedDict[str, tuple[str, float]] = OrderedDict()

    async def add(self, fingerprint: str, reason: str, now: float) -> None:
        self._items[fingerprint] = (reason, now + self.ttl)
        self._items.move_to_end(fingerprint)
        while len(self._items) > self.limit:
            self._items.popitem(last=False)

    async def pop(self, fingerprint: str, now: float) -> str | None:
        item = self._items.pop(fingerprint, None)
        return item[0] if item and item[1] > now else None

    async def discard(self, fingerprint: str) -> None:
        self._items.pop(fingerprint, None)

    def __len__(self) -> int:
        return len(self._items)


class Muter:
    def __init__(self, silences: SilenceStore | None, inhibitor: Inhibitor,
                 muted: MutedTriggers | None = None) -> None:
        self.silences = silences
        self.inhibitor = inhibitor
        self.muted: MutedTriggers = muted if muted is not None else MemoryMutedTriggers()

    async def reason(self, alert: Alert, now: float) -> str | None:
        """Why the alert is muted ("silenced", "inhibited"), or None to let it through."""
        await self.inhibitor.observe(alert, now)  # a silenced source still inhibits
        if alert.action is Action.RESOLVE:
            return await self.muted.pop(alert.fingerprint, now)
        reason = None
        if self.silences is not None:
            active = await self.silences.active(datetime.fromtimestamp(now, UTC))
            if active and silences_matching(alert, active, datetime.fromtimestamp(now, UTC)):
                reason = "silenced"
        if reason is None and await self.inhibitor.inhibited(alert, now):
            reason = "inhibited"
        if reason is None:
            await self.muted.discard(alert.fingerprint)
        else:
            await self.muted.add(alert.fingerprint, reason, now)
        return reason
