"""Dedup window: a repeat of a fingerprint inside the window is counted, not sent.

`decide` is the whole policy as a pure function; stores (memory here, Redis in
relay.redis_state) only persist `Seen` records atomically around it. A resolve and a rise in
severity always pass; a passing alert carries the occurrences it stands for (itself plus the
repeats swallowed since the last message).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class Seen:
    severity_rank: int
    window_until: float  # unix seconds; repeats before this are counted, not sent
    suppressed: int  # repeats swallowed since the last message that passed


@dataclass(frozen=True)
class Verdict:
    send: bool
    occurrences: int  # what the outgoing message stands for (when send is True)


def decide(
    prev: Seen | None, *, severity_rank: int, resolve: bool, now: float, window: float
) -> tuple[Verdict, Seen | None]:
    """Return the verdict and the record to store (None: forget the fingerprint)."""
    if resolve:
        return Verdict(True, 1 + (prev.suppressed if prev else 0)), None
    if prev is None or now >= prev.window_until or severity_rank > prev.severity_rank:
        occurrences = 1 + (prev.suppressed if prev else 0)
        return Verdict(True, occurrences), Seen(severity_rank, now + window, 0)
    return Verdict(False, 0), Seen(prev.severity_rank, prev.window_until, prev.suppressed + 1)


class DedupStore(Protocol):
    async def observe(
        self, fingerprint: str, *, severity_rank: int, resolve: bool, now: float, window: float
    ) -> Verdict:
        """Apply `decide` atomically for this fingerprint and return the verdict."""
        ...

    async def forget(self, fingerprint: str) -> None:
        """Drop the record: the alert that opened the window was not stored after all, so
        the sender's retry must pass rather than be counted as a duplicate."""
        ...


class MemoryDedupStore:
    """Single-process store for the embedded (SQLite) deployment.

    Records older than their window plus a grace are dropped lazily so memory stays bounded
    by the number of distinct fingerprints seen in one window.
    """

    def __init__(self) -> None:
        self._seen: dict[str, Seen] = {}
        self._last_sweep = 0.0

    async def observe(
        self, fingerprint: str, *, severity_rank: int, resolve: bool, now: float, window: float
    ) -> Verdict:
        self._sweep(now, window)
        verdict, record = decide(
            self._seen.get(fingerprint), severity_rank=severity_rank, resolve=resolve,
            now=now, window=window,
        )
        if record is None:
            self._seen.pop(fingerprint, None)
        else:
            self._seen[fingerprint] = record
        return verdict

    async def forget(self, fingerprint: str) -> None:
        self._seen.pop(fingerprint, None)

    def _sweep(self, now: float, window: float) -> None:
        if now - self._last_sweep < max(window, 1.0):
            return
        self._last_sweep = now
        # keep swallowed repeats until a later message can report them
        stale = [
            fp for fp, s in self._seen.items()
            if s.window_until + 24 * 3600 < now or (s.window_until < now and not s.suppressed)
        ]
        for fp in stale:
            del self._seen[fp]
