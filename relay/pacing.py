"""Pacing contract: a token bucket per key, so Relay never provokes a receiver's 429 and
one runaway caller cannot flood Relay (the ingest limit, relay.ratelimit).

`TokenBucket` is the pure arithmetic; a `Pacer` store applies it (in memory for one process,
atomically in Redis for many replicas). `acquire` never sleeps: it returns how long the
caller must wait before trying again (0.0 means the tokens were taken).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


class Pacer(Protocol):
    async def acquire(self, key: str, *, rate: float, burst: float, now: float,
                      cost: float = 1.0) -> float:
        """Take `cost` tokens for `key` (rate tokens/second, capacity burst), all or none,
        or say how long to wait."""
        ...


@dataclass(frozen=True)
class TokenBucket:
    """The pure bucket arithmetic shared by every Pacer store (memory here, Lua in Redis).

    A bucket starts full (`burst` tokens) and refills at `rate` tokens per second. Taking
    `cost` tokens (one delivery, or the alerts of one ingest request) either succeeds (wait
    0.0) or leaves the bucket untouched and says how long until they will be there, so a
    caller that waits exactly that long then succeeds. All or none: a refused request must
    not spend part of the bucket.
    """

    tokens: float
    updated_at: float

    @staticmethod
    def full(burst: float, now: float) -> TokenBucket:
        return TokenBucket(tokens=burst, updated_at=now)

    def take(self, *, rate: float, burst: float, now: float,
             cost: float = 1.0) -> tuple[TokenBucket, float]:
        """Return the bucket after trying to take `cost` tokens, and the wait (0.0 = taken)."""
        check_bucket(rate, burst, cost)
        # A clock that steps backwards must not mint tokens or go negative.
        elapsed = max(0.0, now - self.updated_at)
        tokens = min(burst, self.tokens + elapsed * rate)
        at = max(now, self.updated_at)
        if tokens >= cost:
            return TokenBucket(tokens - cost, at), 0.0
        return TokenBucket(tokens, at), (cost - tokens) / rate


def check_bucket(rate: float, burst: float, cost: float) -> None:
    """Refuse a bucket that could never answer: it would wait forever, silently."""
    if rate <= 0 or burst < 1:
        raise ValueError("a token bucket needs rate > 0 and burst >= 1")
    if not 0 < cost <= burst:
        raise ValueError("a token bucket can only take 0 < cost <= burst tokens at once")


class MemoryPacer:
    """Single-process Pacer: one TokenBucket per key in a dict.

    asyncio runs `acquire` without awaiting inside, so read-modify-write is atomic here.
    Memory is bounded by the number of configured pace keys and ingest callers.
    """

    def __init__(self) -> None:
        self._buckets: dict[str, TokenBucket] = {}

    async def acquire(self, key: str, *, rate: float, burst: float, now: float,
                      cost: float = 1.0) -> float:
        bucket = self._buckets.get(key) or TokenBucket.full(burst, now)
        self._buckets[key], wait = bucket.take(rate=rate, burst=burst, now=now, cost=cost)
        return wait
