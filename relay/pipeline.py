"""Ingest pipeline: scrub → dedup → route → durable enqueue, one small stage per concern.

Everything after `scrub` only ever sees the scrubbed alert. The caller (HTTP handler, test
endpoint, CLI) answers 202 only after `accept` returns, i.e. after the outbox committed.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import structlog

from relay import metrics
from relay.config import RoutingConfig
from relay.dedup import DedupStore
from relay.model import Action, Alert, Severity, TextScrubber
from relay.outbox.base import Outbox
from relay.routing import route

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
    ) -> None:
        self.fingerprint_key = fingerprint_key
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

    def receivers_for(self, alert: Alert) -> tuple[str, ...]:
        """Routes for the alert; a resolve also reaches PagerDuty receivers of critical routes,
        so an incident opened by a trigger of any severity mapping is closed (PagerDuty drops
        a resolve for a key it never opened)."""
        names = route(alert, self.routing.routes, self.usable).receivers
        if alert.action is Action.RESOLVE:
            as_critical = alert.model_copy(update={"severity": Severity.CRITICAL})
            extra = route(as_critical, self.routing.routes, self.usable).receivers
            pd = [n for n in extra if self.routing.receivers[n].kind == "pagerduty"]
            names = tuple(dict.fromkeys((*names, *pd)))
        return names

    async def accept(self, raw: Sequence[Alert]) -> list[Accepted]:
        """Scrub, dedup, route and durably enqueue; raises OutboxUnavailable (→ 503)."""
        results = []
        for alert in raw:
            clean = self.scrub(alert)
            results.append(await self._one(clean))
        return results

    async def _one(self, alert: Alert) -> Accepted:
        now = self.clock()
        metrics.ALERTS_RECEIVED.labels(source=alert.source.value).inc()
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
        receivers = self.receivers_for(alert)
        if not receivers:
            metrics.ALERTS_SUPPRESSED.labels(reason="no_route").inc()
            log.warning("alert.no_route", alert_id=alert.id, severity=alert.severity.value)
            return Accepted(alert.id, Status.SUPPRESSED, alert.fingerprint)
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
