"""The ingest limit (DESIGN §4's 429): one runaway caller must not crowd out the others.

One token bucket per authenticated caller, counted in alerts (an array of 100 costs 100), on
the same `Pacer` the delivery workers use: in process with SQLite, one Lua script shared by
every replica with Redis. Handlers call `admit` after authentication and parsing, before the
pipeline scrubs and persists, so a refused request costs little.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import structlog

from relay.errors import RateLimited
from relay.outbox.base import OutboxUnavailable
from relay.pacing import Pacer

log = structlog.get_logger(__name__)

#: callers that are not a RELAY_API_TOKENS service: each webhook is one caller
SENTRY = "webhook:sentry"
ALERTMANAGER = "webhook:alertmanager"


def service_caller(service: str) -> str:
    """A direct-alert caller: the service its token names (never the token itself)."""
    return f"service:{service}"


def retry_after(wait: float) -> int:
    """Whole seconds (the header's form) by which the tokens will be there: rounded up, so a
    client that waits that long is accepted, and at least 1."""
    return max(1, math.ceil(wait))


@dataclass(frozen=True)
class IngestLimiter:
    """`rate` alerts per second per caller, `burst` at once; `rate` 0 turns the limit off.

    A request with more alerts than `burst` is charged the whole burst (it needs a full
    bucket) instead of being refused forever. Fails open: when the shared bucket cannot be
    read (Redis down) the request goes on, and the outbox, which then cannot store it
    either, answers 503 as before.
    """

    pacer: Pacer
    rate: float
    burst: int
    clock: Callable[[], float]

    @property
    def enabled(self) -> bool:
        return self.rate > 0 and self.burst >= 1

    async def admit(self, caller: str, count: int) -> None:
        """Take `count` alerts from `caller`'s bucket or raise RateLimited with Retry-After."""
        if not self.enabled or count <= 0:
            return
        try:
            wait = await self.pacer.acquire(f"ingest:{caller}", rate=self.rate,
                                            burst=self.burst, now=self.clock(),
                                            cost=min(count, self.burst))
        except OutboxUnavailable:
            log.warning("ingest.rate_limit_unavailable", caller=caller)
            return
        if wait <= 0:
            return
        seconds = retry_after(wait)
        log.warning("ingest.rate_limited", caller=caller, alerts=count, retry_after=seconds)
        raise RateLimited(
            f"This caller sent more than {self.burst} alerts at once or {self.rate:g} per "
            f"second; retry after {seconds} s.",
            retry_after=seconds,
        )
