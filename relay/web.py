"""Operational endpoints: liveness, readiness, metrics, component health, test endpoints.

Nothing here takes alert content from the request: test alerts are built by Relay itself, and
the health report carries states and counts only — no secret, no PHI.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

import structlog
from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from relay import metrics
from relay.api import _accept
from relay.errors import NotFound
from relay.fingerprint import direct as direct_fingerprint
from relay.http import bearer_service
from relay.model import Alert, Severity, Source
from relay.runtime import RUNTIME, Runtime

log = structlog.get_logger(__name__)


class RelayTestError(Exception):
    """Raised on purpose by /api/test/sentry-error to prove error reporting works."""


async def healthz(_request: web.Request) -> web.Response:
    return web.json_response({"status": "ok"})


async def readyz(request: web.Request) -> web.Response:
    rt = request.app[RUNTIME]
    ok = await rt.outbox.writable()
    return web.json_response({"status": "ready" if ok else "unavailable",
                              "outbox": rt.outbox.backend}, status=200 if ok else 503)


async def metrics_endpoint(request: web.Request) -> web.Response:
    rt = request.app[RUNTIME]
    if rt.deliverer is not None:
        await rt.deliverer.refresh_gauges()
    return web.Response(body=generate_latest(metrics.REGISTRY),
                        headers={"Content-Type": CONTENT_TYPE_LATEST})


async def error_tracking(request: web.Request) -> web.Response:
    rt = request.app[RUNTIME]
    now = rt.clock()
    stats = {s.receiver: s for s in await rt.outbox.stats(now)}
    receivers: dict[str, Any] = {}
    health = rt.deliverer.health() if rt.deliverer is not None else {}
    for name, spec in rt.routing.receivers.items():
        entry: dict[str, Any] = {"type": spec.kind, "configured": name in rt.sinks}
        entry.update(health.get(name, {}))
        receivers[name] = entry
    silences = (await rt.silences.active(datetime.fromtimestamp(now, UTC))
                if rt.silences is not None else [])
    body = {
        "mute": {"active_silences": len(silences),
                 "suppressed_since_start": dict(rt.pipeline.suppressed)},
        "sentry": {"configured": rt.settings.sentry_dsn is not None,
                   "initialised": rt.sentry_enabled,
                   "environment": rt.settings.sentry_environment},
        "receivers": receivers,
        "outbox": {
            "backend": rt.outbox.backend,
            "writable": await rt.outbox.writable(),
            "depth": sum(s.pending for s in stats.values()),
            "oldest_age_seconds": max((s.oldest_age or 0.0 for s in stats.values()),
                                      default=0.0),
            "dead_letters": sum(s.dead for s in stats.values()),
            "by_receiver": {name: {"pending": s.pending, "oldest_age_seconds": s.oldest_age,
                                   "dead": s.dead} for name, s in stats.items()},
        },
    }
    return web.json_response(body)


def _test_guard(request: web.Request) -> Runtime:
    rt = request.app[RUNTIME]
    if not rt.settings.test_endpoints_enabled:
        raise NotFound("Not found.")
    bearer_service(request, rt.tokens)
    return rt


def _test_alert(rt: Runtime, correlation_id: str, severity: Severity) -> Alert:
    title = "Relay test alert"
    return Alert(source=Source.TEST, severity=severity, title=title,
                 message="Sent by /api/test/alert to check the configured routes.",
                 service="relay", environment=rt.settings.sentry_environment,
                 fingerprint=direct_fingerprint("relay", rt.settings.sentry_environment,
                                                f"{title} {correlation_id}"),
                 correlation_id=correlation_id)


def _severity(request: web.Request) -> Severity:
    try:
        return Severity(request.query.get("severity", "info").lower())
    except ValueError:
        from relay.errors import FieldError, SchemaInvalid

        raise SchemaInvalid([FieldError(("query", "severity"),
                                        "must be critical, warning or info")]) from None


def _capture_test_error(correlation_id: str) -> str | None:
    import sentry_sdk

    try:
        raise RelayTestError("Relay test error (sent on purpose by /api/test/sentry-error)")
    except RelayTestError:
        with sentry_sdk.new_scope() as scope:
            scope.set_tag("correlation_id", correlation_id)
            event_id = sentry_sdk.capture_exception()
    log.info("test.sentry_error", correlation_id=correlation_id, captured=bool(event_id))
    return event_id


async def test_sentry_error(request: web.Request) -> web.Response:
    rt = _test_guard(request)
    correlation_id = uuid.uuid4().hex
    event_id = _capture_test_error(correlation_id)
    return web.json_response({"captured": event_id is not None, "event_id": event_id,
                              "sentry_configured": rt.sentry_enabled,
                              "correlation_id": correlation_id})


async def test_alert(request: web.Request) -> web.Response:
    rt = _test_guard(request)
    correlation_id = uuid.uuid4().hex
    [result] = await _accept(rt, [_test_alert(rt, correlation_id, _severity(request))])
    return web.json_response({**result.as_json(), "correlation_id": correlation_id,
                              "receivers": list(result.receivers)}, status=202)


async def test_error_with_alert(request: web.Request) -> web.Response:
    rt = _test_guard(request)
    correlation_id = uuid.uuid4().hex
    severity = _severity(request)
    event_id = _capture_test_error(correlation_id)
    [result] = await _accept(rt, [_test_alert(rt, correlation_id, severity)])
    return web.json_response({**result.as_json(), "correlation_id": correlation_id,
                              "captured": event_id is not None, "event_id": event_id,
                              "receivers": list(result.receivers)}, status=202)


def routes() -> list[web.RouteDef]:
    return [
        web.get("/healthz", healthz),
        web.get("/readyz", readyz),
        web.get("/metrics", metrics_endpoint),
        web.get("/api/health/error-tracking", error_tracking),
        web.post("/api/test/sentry-error", test_sentry_error),
        web.post("/api/test/alert", test_alert),
        web.post("/api/test/error-with-alert", test_error_with_alert),
    ]
