"""Pacing contract: a token bucket per receiver key so Relay never provokes a 429.

`TokenBucket` is the pure arithmetic; a `Pacer` store applies it (in memory for one process,
atomically in Redis for many replicas). `acquire` never sleeps: it returns how long the
caller must wait before trying again (0.0 means a token was taken).
"""

from __future__ import annotations

from typing import Protocol


class Pacer(Protocol):
    async def acquire(self, key: str, *, rate: float, burst: float, now: float) -> float:
        """Take one token for `key` (rate tokens/second, capacity burst) or say how long to wait."""
        ...
