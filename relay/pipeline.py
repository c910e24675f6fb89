"""Ingest pipeline: scrub → dedup → route → durable enqueue, one small stage per concern.

Everything after `scrub` only ever sees the scrubbed alert. The caller (HTTP handler, test
endpoint, CLI) answers 202 only after `accept` returns, i.e. after the outbox committed.
"""

from __future__ import annotations

import asyncio
import enum
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

import structlog

from relay import metrics
from relay.config import Route, RoutingConfig
from relay.dedup import DedupStore
from relay.inhibit import Inhibitor
from relay.model import Action, Alert, Severity, TextScrubber
from relay.mute import Muter
from relay.outbox.base import Outbox
from relay.routing import RouteResult, route
from relay.timeintervals import route_muted

log = structlog.get_logger(__name__)


class Status(enum.StrEnum):
    ACCEPTED = "accepted"
    DUPLICATE = "duplicate"
    SUPPRESSED = "suppressed"


@dataclass(frozen=True)
class Accepted:
    id: str
    status: Status
    dedup_key: str
    receivers: tuple[str, ...] = ()

    def as_json(self) -> dict[str, str]:
        return {"id": self.id, "status": self.status.value, "dedup_key": self.dedup_key}


class Pipeline:
    def __init__(
        self,
        *,
        scrubber: TextScrubber,
        dedup: DedupStore,
        routing: RoutingConfig,
        usable: frozenset[str],
        outbox: Outbox,
        window: float,
        clock: Callable[[], float],
        wake: Callable[[Sequence[str]], None] = lambda receivers: None,
        fingerprint_key: bytes = b"",
        muter: Muter | None = None,
    ) -> None:
        self.fingerprint_key = fingerprint_key
        self.suppressed: Counter[str] = Counter()  # by reason, for the health report
        self.muter = muter or Muter(None, Inhibitor(routing.inhibit_rules))
        self.scrubber = scrubber
        self.dedup = dedup
        self.routing = routing
        self.usable = usable
        self.outbox = outbox
        self.window = window
        self.clock = clock
        self.wake = wake

    def scrub(self, alert: Alert) -> Alert:
        clean, counts = alert.scrubbed(self.scrubber, self.fingerprint_key)
        metrics.count_redactions(counts, "ingest")
        return clean

    def routed(self, alert: Alert, now: float) -> RouteResult:
        """Routes for the alert; a resolve also reaches PagerDuty receivers of critical routes,
        so an incident opened by a trigger of any severity mapping is closed (PagerDuty drops
        a resolve for a key it never opened). Resolves ignore time intervals for the same
        reason."""
        when = datetime.fromtimestamp(now, UTC)
        intervals = self.routing.time_intervals

        def muted(r: Route) -> bool:
            return route_muted(r.mute_time_intervals, r.active_time_intervals, intervals, when)

        if alert.action is not Action.RESOLVE:
            return route(alert, self.routing.routes, self.usable, muted=muted)
        result = route(alert, self.routing.routes, self.usable)
        as_critical = alert.model_copy(update={"severity": Severity.CRITICAL})
        extra = route(as_critical, self.routing.routes, self.usable).receivers
        pd = [n for n in extra if self.routing.receivers[n].kind == "pagerduty"]
        return RouteResult(tuple(dict.fromkeys((*result.receivers, *pd))), result.routes)

    async def accept(self, raw: Sequence[Alert]) -> list[Accepted]:
        """Scrub, dedup, route and durably enqueue; raises OutboxUnavailable (→ 503).

        A batch's alerts are decided in order (each runs to its enqueue before the next
        starts) and then share one group commit instead of waiting for one commit each.
        """
        clean = [self.scrub(alert) for alert in raw]
        if len(clean) == 1:
            return [await self._one(clean[0])]
        return list(await asyncio.gather(*(self._one(a) for a in clean)))

    async def _one(self, alert: Alert) -> Accepted:
        now = self.clock()
        metrics.ALERTS_RECEIVED.labels(source=alert.source.value).inc()
        reason = await self.muter.reason(alert, now)
        if reason is not None:
            return self._suppressed(alert, reason)
        verdict = await self.dedup.observe(
            alert.fingerprint, severity_rank=alert.severity.rank,
            resolve=alert.action is Action.RESOLVE, now=now, window=self.window,
        )
        if not verdict.send:
            metrics.ALERTS_DEDUPLICATED.labels(source=alert.source.value).inc()
            log.info("alert.duplicate", alert_id=alert.id, source=alert.source.value)
            return Accepted(alert.id, Status.DUPLICATE, alert.fingerprint)
        if verdict.occurrences > alert.occurrences:
            alert = alert.model_copy(update={"occurrences": verdict.occurrences})
        routed = self.routed(alert, now)
        receivers = routed.receivers
        if not receivers:
            return self._suppressed(alert, "time_interval" if routed.muted else "no_route")
        try:
            await self.outbox.enqueue(alert, receivers, now)
        except BaseException:
            await self.dedup.forget(alert.fingerprint)
            raise
        log.info("alert.accepted", alert_id=alert.id, source=alert.source.value,
                 severity=alert.severity.value, action=alert.action.value,
                 receivers=list(receivers))
        self.wake(receivers)
        return Accepted(alert.id, Status.ACCEPTED, alert.fingerprint, receivers)

    def _suppressed(self, alert: Alert, reason: str) -> Accepted:
        metrics.ALERTS_SUPPRESSED.labels(reason=reason).inc()
        self.suppressed[reason] += 1
        log.info("alert.suppressed", alert_id=alert.id, reason=reason,
                 severity=alert.severity.value, action=alert.action.value)
        return Accepted(alert.id, Status.SUPPRESSED, alert.fingerprint)
