"""Delivery workers: take rows from the outbox and get each one to its receiver.

One worker task per receiver. Each turn of its loop reads like the pipeline it is:

    wait (Retry-After, breaker) → fold a storm into a digest? → lease the head row →
    format → egress guard (→ the sink's limits again) → pace → send →
    record (delivered | retry later | dead letter)

Head-of-line policy: a worker sends one row at a time, oldest first, and leases the next
only after the current one has its outcome. A row that gets a retryable failure waits out
its own backoff in the outbox while newer rows go ahead, so one poisoned row cannot starve
a receiver; but a newer row with the SAME fingerprint is held back by the outbox until the
earlier one is settled, so a resolve never overtakes its trigger. A receiver-wide signal
(Retry-After, or the circuit breaker opening after consecutive retryable failures) pauses
the whole receiver instead. Permanent failures go to the dead letters at once.

At-least-once: a row is marked delivered only after the receiver's 2xx; a crash between
the two re-sends it after restart (PagerDuty dedups on dedup_key; Slack may show a repeat).
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from typing import Any

import aiohttp
import structlog

from relay import metrics
from relay.backoff import Breaker, BreakerState, next_attempt_at
from relay.digest import build_digest, should_fold
from relay.egress import STRUCTURAL_KEYS, JsonScrubber, guard
from relay.outbox.base import Delivery, Outbox
from relay.pacing import Pacer
from relay.sinks.base import Outcome, Sink, Verdict

log = structlog.get_logger(__name__)

PACER_DOWN = "pacer_unavailable"
RECEIVER_REMOVED = "receiver_removed"


@dataclass(frozen=True)
class DeliverySettings:
    request_timeout: float = 10.0
    backoff_base: float = 1.0
    backoff_cap: float = 300.0
    max_age: float = 24 * 3600.0  # older rows go to the dead letters as `max_age`
    lease_seconds: float = 60.0  # must cover pacing wait + request_timeout
    # pacing per sink kind (tokens/second, bucket size)
    slack_rate: float = 1.0
    slack_burst: float = 3.0
    pagerduty_rate: float = 2.0
    pagerduty_burst: float = 10.0
    default_rate: float = 1.0  # a kind we do not know: be conservative
    default_burst: float = 1.0
    # digests
    digest_threshold: int = 20  # fold when more rows than this are pending …
    digest_max_age: float = 120.0  # … or when at least digest_min_rows waited this long
    digest_min_rows: int = 5
    digest_max_rows: int = 500
    digest_top: int = 5
    # circuit breaker
    breaker_threshold: int = 5
    breaker_cooldown: float = 30.0
    breaker_max_cooldown: float = 300.0
    # lifecycle
    shutdown_grace: float = 10.0
    poll_interval: float = 0.5  # fallback when nobody calls wake()
    gauge_interval: float = 5.0

    def pace(self, kind: str) -> tuple[float, float]:
        if kind == "slack":
            return self.slack_rate, self.slack_burst
        if kind == "pagerduty":
            return self.pagerduty_rate, self.pagerduty_burst
        return self.default_rate, self.default_burst


@dataclass
class _Receiver:
    """What one worker remembers between rows (lost on restart, by design: the outbox
    holds everything that must survive)."""

    sink: Sink
    breaker: Breaker
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    not_before: float = 0.0
    foldable: bool | None = None  # learned from sink.format_digest on first backlog
    last_success_at: float | None = None
    last_failure_at: float | None = None
    last_failure_reason: str | None = None


class Deliverer:
    def __init__(
        self,
        *,
        outbox: Outbox,
        sinks: Mapping[str, Sink],
        pacer: Pacer,
        scrubber: JsonScrubber,
        session: aiohttp.ClientSession | None,
        clock: Callable[[], float] = time.time,
        settings: DeliverySettings | None = None,
    ) -> None:
        self.outbox = outbox
        self.sinks = dict(sinks)
        self.pacer = pacer
        self.scrubber = scrubber
        self.session = session
        self.clock = clock
        self.settings = settings or DeliverySettings()
        s = self.settings
        self._receivers = {
            name: _Receiver(sink, Breaker(s.breaker_threshold, s.breaker_cooldown,
                                          s.breaker_max_cooldown))
            for name, sink in self.sinks.items()
        }
        self._tasks: dict[str, asyncio.Task[None]] = {}
        self._stopping = asyncio.Event()

    # -- lifecycle ---------------------------------------------------------------------------

    async def start(self) -> None:
        if self.session is None:
            raise RuntimeError("Deliverer needs an aiohttp.ClientSession before start()")
        self._stopping.clear()
        for name in self._receivers:
            metrics.CIRCUIT_OPEN.labels(receiver=name).set(0)
            self._tasks[name] = asyncio.create_task(self._worker(name), name=f"deliver:{name}")
        self._tasks[""] = asyncio.create_task(self._gauges(), name="deliver:gauges")
        log.info("delivery.started", receivers=sorted(self._receivers))

    async def stop(self, grace: float | None = None) -> None:
        """Stop taking work; give in-flight sends `grace` seconds; leave the rest on disk."""
        grace = self.settings.shutdown_grace if grace is None else grace
        self._stopping.set()
        for r in self._receivers.values():
            r.wake.set()
        tasks = list(self._tasks.values())
        self._tasks.clear()
        if not tasks:
            return
        _, late = await asyncio.wait(tasks, timeout=grace)
        for task in late:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        log.info("delivery.stopped", abandoned=len(late))

    def wake(self, receiver: str) -> None:
        """Nudge an idle worker: a row was just enqueued for it."""
        r = self._receivers.get(receiver)
        if r is not None:
            r.wake.set()

    # -- observability -----------------------------------------------------------------------

    def health(self) -> dict[str, dict[str, Any]]:
        """Per receiver: what /api/health/error-tracking shows. No content, no secrets."""
        now = self.clock()
        return {
            name: {
                "configured": True,
                "kind": r.sink.kind,
                "last_success_at": r.last_success_at,
                "last_failure_at": r.last_failure_at,
                "last_failure_reason": r.last_failure_reason,
                "consecutive_failures": r.breaker.failures,
                "circuit": r.breaker.state.value,
                "paused_for_seconds": round(max(r.not_before - now, r.breaker.wait(now)), 3),
            }
            for name, r in self._receivers.items()
        }

    async def refresh_gauges(self) -> None:
        stats = {s.receiver: s for s in await self.outbox.stats(self.clock())}
        for name in set(stats) | set(self._receivers):
            s = stats.get(name)
            metrics.OUTBOX_DEPTH.labels(receiver=name).set(s.pending if s else 0)
            metrics.OUTBOX_OLDEST_AGE.labels(receiver=name).set(
                (s.oldest_age or 0.0) if s else 0.0
            )
            metrics.DEAD_LETTERS.labels(receiver=name).set(s.dead if s else 0)

    async def _gauges(self) -> None:
        while not self._stopping.is_set():
            try:
                await self.refresh_gauges()
            except Exception as exc:  # gauges must never take delivery down
                log.warning("delivery.gauges_failed", error=type(exc).__name__)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.settings.gauge_interval)

    # -- the worker loop ---------------------------------------------------------------------

    async def _worker(self, name: str) -> None:
        r = self._receivers[name]
        while not self._stopping.is_set():
            try:
                delay = await self._step(name, r)
            except Exception as exc:  # outbox down, a sink bug: log, back off, keep going
                log.error("delivery.worker_error", receiver=name, error=type(exc).__name__)
                delay = self.settings.poll_interval * 4
            if delay > 0:
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(r.wake.wait(), delay)
                r.wake.clear()

    async def _step(self, name: str, r: _Receiver) -> float:
        """One turn: returns how long to sleep before the next (0.0: go again at once)."""
        now = self.clock()
        paused = max(r.not_before - now, r.breaker.wait(now))
        if paused > 0:
            return paused
        if r.foldable is not False and await self._maybe_digest(name, r, now):
            return 0.0
        rows = await self.outbox.lease(name, 1, self.settings.lease_seconds, now)
        if not rows:
            return self.settings.poll_interval
        await self._deliver(name, r, rows[0])
        return 0.0

    # -- one row -----------------------------------------------------------------------------

    async def _deliver(self, name: str, r: _Receiver, row: Delivery) -> None:
        now = self.clock()
        if now - row.created_at > self.settings.max_age:
            await self._dead(name, row, "max_age", now)
            return
        try:
            body = r.sink.format(row.alert)
        except Exception as exc:  # a formatter bug must not loop forever on one row
            log.error("delivery.format_failed", receiver=name, alert_id=row.alert.id,
                      error=type(exc).__name__)
            await self._dead(name, row, "format_error", now)
            return
        outcome = await self._send(name, r, body, alert_id=row.alert.id)
        if outcome is None:
            return  # stopping: the row stays leased and is due again after restart
        now = self.clock()
        if outcome.verdict is Verdict.OK:
            await self.outbox.delivered([row.id], now)
            metrics.DELIVERIES.labels(receiver=name, outcome="ok").inc()
            metrics.DELIVERY_LATENCY.labels(receiver=name).observe(
                max(0.0, now - row.alert.received_at.timestamp())
            )
            log.info("delivery.ok", receiver=name, alert_id=row.alert.id, attempt=row.attempts,
                     status=outcome.status)
        elif outcome.verdict is Verdict.PERMANENT:
            await self._dead(name, row, _reason(outcome), now, status=outcome.status)
        else:
            at = next_attempt_at(
                now, row.attempts - 1, base=self.settings.backoff_base,
                cap=self.settings.backoff_cap, retry_after=outcome.retry_after,
            )
            if at - row.created_at > self.settings.max_age:
                await self._dead(name, row, "max_age", now, status=outcome.status)
                return
            await self.outbox.retry_later(row.id, at, _reason(outcome))
            metrics.DELIVERIES.labels(receiver=name, outcome="retry").inc()
            log.warning("delivery.retry", receiver=name, alert_id=row.alert.id,
                        attempt=row.attempts, reason=_reason(outcome), status=outcome.status,
                        retry_in=round(at - now, 3))

    async def _dead(
        self, name: str, row: Delivery, reason: str, now: float, status: int | None = None
    ) -> None:
        await self.outbox.dead(row.id, reason, now)
        metrics.DELIVERIES.labels(receiver=name, outcome="dead").inc()
        log.error("delivery.dead", receiver=name, alert_id=row.alert.id, attempt=row.attempts,
                  reason=reason, status=status)

    # -- the shared send path: guard → pace → send → breaker ---------------------------------

    async def _send(
        self, name: str, r: _Receiver, body: dict[str, Any], *, alert_id: str | None
    ) -> Outcome | None:
        """Guard, pace and send one body; None when stopping interrupted the pacing wait."""
        keep = STRUCTURAL_KEYS | frozenset(getattr(r.sink, "egress_keep", ()))
        guarded, found = guard(body, self.scrubber, keep=keep)
        if found:
            # what the guard changed may no longer fit: the sink's own limits, once more
            body = r.sink.fit(guarded)
            for kind, n in found.items():
                metrics.PHI_REDACTIONS.labels(kind=kind, stage="egress").inc(n)
            log.warning("egress.redacted", receiver=name, alert_id=alert_id, kinds=dict(found),
                        refitted=body != guarded)

        rate, burst = self.settings.pace(r.sink.kind)
        while True:
            try:
                wait = await self.pacer.acquire(r.sink.pace_key, rate=rate, burst=burst,
                                                now=self.clock())
            except Exception as exc:
                log.warning("delivery.pacer_failed", receiver=name, error=type(exc).__name__)
                return Outcome(Verdict.RETRY, PACER_DOWN, retry_after=1.0)
            if wait <= 0:
                break
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), wait)
            if self._stopping.is_set():
                return None

        assert self.session is not None
        timeout = self.settings.request_timeout
        r.breaker = r.breaker.before_send(self.clock())
        try:
            # the sink applies `timeout` itself; this outer bound only catches a sink bug
            outcome = await asyncio.wait_for(r.sink.send(self.session, body, timeout),
                                             timeout + 5.0)
        except TimeoutError:
            outcome = Outcome(Verdict.RETRY, "timeout")
        except Exception as exc:
            log.error("delivery.sink_error", receiver=name, error=type(exc).__name__)
            outcome = Outcome(Verdict.RETRY, "sink_error")
        self._record(name, r, outcome)
        return outcome

    def _record(self, name: str, r: _Receiver, outcome: Outcome) -> None:
        """Update breaker, pause and health from an outcome."""
        now = self.clock()
        before = r.breaker.state
        if outcome.verdict is Verdict.RETRY:
            r.last_failure_at, r.last_failure_reason = now, _reason(outcome)
            if outcome.retry_after:
                r.not_before = max(r.not_before, now + outcome.retry_after)
            r.breaker = r.breaker.on_failure(now)
            if r.breaker.state is BreakerState.OPEN and before is not BreakerState.OPEN:
                metrics.CIRCUIT_OPEN.labels(receiver=name).set(1)
                log.error("delivery.circuit_open", receiver=name,
                          failures=r.breaker.failures, reason=_reason(outcome),
                          cooldown=r.breaker.current_cooldown)
            return
        # OK, or PERMANENT: either way the receiver is up and answering.
        if outcome.verdict is Verdict.OK:
            r.last_success_at = now
        else:
            r.last_failure_at, r.last_failure_reason = now, _reason(outcome)
        r.breaker = r.breaker.on_success()
        if before is not BreakerState.CLOSED:
            metrics.CIRCUIT_OPEN.labels(receiver=name).set(0)
            log.info("delivery.circuit_closed", receiver=name)

    # -- storms become digests ---------------------------------------------------------------

    async def _maybe_digest(self, name: str, r: _Receiver, now: float) -> bool:
        """Fold the backlog into one digest if it is a storm; True if a turn was used."""
        s = self.settings
        peek = await self.outbox.pending(name, s.digest_threshold + 1, now)
        oldest = now - peek[0].created_at if peek else None
        if not should_fold(len(peek), oldest, threshold=s.digest_threshold,
                           max_age=s.digest_max_age, min_rows=s.digest_min_rows):
            return False
        if r.foldable is None:
            probe = build_digest(name, [d.alert for d in peek], top_n=s.digest_top)
            r.foldable = r.sink.format_digest(probe) is not None
            if not r.foldable:
                return False

        rows = await self.outbox.lease(name, s.digest_max_rows, s.lease_seconds, now)
        if len(rows) < 2:  # the backlog is backing off, not due: carry on row by row
            for row in rows:
                await self._deliver(name, r, row)
            return bool(rows)
        digest = build_digest(name, [d.alert for d in rows], top_n=s.digest_top)
        body = r.sink.format_digest(digest)
        ids = [d.id for d in rows]
        if body is None:  # the sink changed its mind; send the rows one by one
            r.foldable = False
            await self._release(rows, now, "digest_unsupported")
            return True
        outcome = await self._send(name, r, body, alert_id=None)
        if outcome is None:
            return True  # stopping: leases lapse, nothing lost
        now = self.clock()
        if outcome.verdict is Verdict.OK:
            await self.outbox.fold(ids, now)
            metrics.DIGESTS.labels(receiver=name).inc()
            metrics.DIGEST_FOLDED.labels(receiver=name).inc(len(ids))
            log.info("delivery.digest", receiver=name, folded=len(ids), status=outcome.status)
        elif outcome.verdict is Verdict.PERMANENT:
            # The receiver refuses the digest itself; send the rows singly so each gets its
            # own verdict (and a dead letter with a reason if it is refused too).
            r.foldable = False
            log.error("delivery.digest_rejected", receiver=name, reason=_reason(outcome),
                      status=outcome.status, rows=len(ids))
            await self._release(rows, now, _reason(outcome))
        else:
            at = next_attempt_at(
                now, max(d.attempts for d in rows) - 1, base=s.backoff_base,
                cap=s.backoff_cap, retry_after=outcome.retry_after,
            )
            await asyncio.gather(
                *(self.outbox.retry_later(i, at, _reason(outcome)) for i in ids)
            )
            metrics.DELIVERIES.labels(receiver=name, outcome="retry").inc()
            log.warning("delivery.digest_retry", receiver=name, rows=len(ids),
                        reason=_reason(outcome), status=outcome.status,
                        retry_in=round(at - now, 3))
        return True

    async def _release(self, rows: list[Delivery], at: float, reason: str) -> None:
        await asyncio.gather(*(self.outbox.retry_later(d.id, at, reason) for d in rows))


async def dead_letter_removed(outbox: Outbox, receivers: Collection[str], now: float) -> int:
    """Rows for a receiver that is no longer in the routing file go to the dead letters.

    No worker will ever take them, and left pending they would only show as depth in
    `relay outbox stats`. As dead letters (reason `receiver_removed`) they are listed,
    counted and replayable (`relay outbox replay --receiver NAME`) once the receiver is
    back; nothing is deleted. Run at start-up and on reload, while no worker is running.
    """
    moved = await outbox.dead_orphans(receivers, RECEIVER_REMOVED, now)
    for receiver, n in sorted(moved.items()):
        metrics.ORPHANED.labels(receiver=receiver).inc(n)
        log.warning("delivery.receiver_removed", receiver=receiver, rows=n,
                    reason=RECEIVER_REMOVED)
    return sum(moved.values())


def _reason(outcome: Outcome) -> str:
    if outcome.reason:
        return outcome.reason
    if outcome.status is not None:
        return f"http_{outcome.status}"
    return outcome.verdict.value
