"""Pacing contract: a token bucket per receiver key so Relay never provokes a 429.

`TokenBucket` is the pure arithmetic; a `Pacer` store applies it (in memory for one process,
atomically in Redis for many replicas). `acquire` never sleeps: it returns how long the
caller must wait before trying again (0.0 means a token was taken).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class Pacer(Protocol):
    async def acquire(self, key: str, *, rate: float, burst: float, now: float) -> float:
        """Take one token for `key` (rate tokens/second, capacity burst) or say how long to wait."""
        ...


@dataclass(frozen=True)
class TokenBucket:
    """The pure bucket arithmetic shared by every Pacer store (memory here, Lua in Redis).

    A bucket starts full (`burst` tokens) and refills at `rate` tokens per second. Taking a
    token either succeeds (wait 0.0) or leaves the bucket untouched and says how long until
    one token will be there, so a caller that waits exactly that long then succeeds.
    """

    tokens: float
    updated_at: float

    @staticmethod
    def full(burst: float, now: float) -> TokenBucket:
        return TokenBucket(tokens=burst, updated_at=now)

    def take(self, *, rate: float, burst: float, now: float) -> tuple[TokenBucket, float]:
        """Return the bucket after trying to take one token, and the wait (0.0 = taken)."""
        if rate <= 0 or burst < 1:
            raise ValueError("pacing needs rate > 0 and burst >= 1")
        # A clock that steps backwards must not mint tokens or go negative.
        elapsed = max(0.0, now - self.updated_at)
        tokens = min(burst, self.tokens + elapsed * rate)
        at = max(now, self.updated_at)
        if tokens >= 1.0:
            return TokenBucket(tokens - 1.0, at), 0.0
        return TokenBucket(tokens, at), (1.0 - tokens) / rate


class MemoryPacer:
    """Single-process Pacer: one TokenBucket per key in a dict.

    asyncio runs `acquire` without awaiting inside, so read-modify-write is atomic here.
    Memory is bounded by the number of configured pace keys.
    """

    def __init__(self) -> None:
        self._buckets: dict[str, TokenBucket] = {}

    async def acquire(self, key: str, *, rate: float, burst: float, now: float) -> float:
        bucket = self._buckets.get(key) or TokenBucket.full(burst, now)
        self._buckets[key], wait = bucket.take(rate=rate, burst=burst, now=now)
        return wait
