"""Ingest endpoints: authenticate, parse, hand to the pipeline, answer 202 after the commit.

Order of checks is deliberate: size (before buffering), credentials (before looking at the
content), content type, JSON, schema, then the caller's ingest limit (counted in parsed
alerts, before the pipeline spends scrubbing and a commit on them). Each failure is a named
RelayError (relay.http turns it into problem+json); none of them quotes the request.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import structlog
from aiohttp import web

from relay.errors import Unauthorized, Unavailable
from relay.http import (
    bearer_service,
    parse_json,
    read_body,
    require_json_content_type,
    sentry_signature_ok,
    token_service,
)
from relay.ingest import direct, sentry
from relay.ingest.alertmanager import parse_alertmanager
from relay.ingest.common import ParseContext
from relay.outbox.base import OutboxUnavailable
from relay.pipeline import Accepted
from relay.ratelimit import ALERTMANAGER, SENTRY, service_caller
from relay.runtime import RUNTIME, Runtime

log = structlog.get_logger(__name__)

#: resources worth naming in logs; anything else a sender puts in the header is logged as "other"
_LOGGED_RESOURCES = frozenset({"event_alert", "issue", "metric_alert", "error", "installation",
                               "comment", "seer", "preprod_artifact", "activity_alert"})


def _ctx(rt: Runtime) -> ParseContext:
    return ParseContext(hash_key=rt.settings.hash_key(), severity_map=rt.severity_map,
                        received_at=datetime.now(UTC))


async def _accept(rt: Runtime, alerts: list[Any], caller: str | None = None) -> list[Accepted]:
    """Store the alerts; with a `caller`, only within its ingest limit (429 beyond)."""
    if caller is not None:
        await rt.ingest_limiter.admit(caller, len(alerts))
    try:
        return await rt.pipeline.accept(alerts)
    except OutboxUnavailable:
        log.error("outbox.unavailable")
        raise Unavailable("The outbox cannot store alerts right now; retry shortly.",
                          retry_after=5) from None


def _answer(results: list[Accepted], batch: bool) -> web.Response:
    if batch:
        body: Any = {"results": [r.as_json() for r in results],
                     "accepted": sum(r.status == "accepted" for r in results)}
    else:
        body = results[0].as_json()
    return web.json_response(body, status=202)


async def post_alerts(request: web.Request) -> web.Response:
    rt = request.app[RUNTIME]
    raw = await read_body(request, rt.settings.relay_max_body_bytes)
    service = bearer_service(request, rt.tokens)
    require_json_content_type(request)
    body = parse_json(raw)
    alerts = direct.parse_direct(body, _ctx(rt))
    log.debug("ingest.direct", token_service=service, count=len(alerts))
    return _answer(await _accept(rt, alerts, service_caller(service)), isinstance(body, list))


async def post_sentry(request: web.Request) -> web.Response:
    rt = request.app[RUNTIME]
    raw = await read_body(request, rt.settings.relay_max_body_bytes)
    signature = (request.headers.get("Sentry-Hook-Signature")
                 or request.headers.get("Sentry-App-Signature"))
    legacy_token = request.query.get("token")
    if signature:
        secret = rt.settings.sentry_webhook_secret
        if secret is None or not sentry_signature_ok(raw, signature,
                                                     secret.get_secret_value()):
            raise Unauthorized("The Sentry-Hook-Signature does not match this body.")
        legacy = False
    elif legacy_token:
        token_service(legacy_token, rt.tokens)
        legacy = True
    else:
        raise Unauthorized("Sign the body (Sentry-Hook-Signature) or pass ?token=.")
    require_json_content_type(request)
    if not raw.strip() and not legacy:
        # UI-component requests (alert-rule actions, select options) carry no alert
        return web.json_response({"status": "ignored"}, status=200)
    body = parse_json(raw)
    resource = request.headers.get("Sentry-Hook-Resource")
    if legacy:
        alerts = sentry.parse_legacy(body, _ctx(rt))
    else:
        alerts = sentry.parse_webhook(resource, body, _ctx(rt))
    if not alerts:
        log.info("ingest.sentry_ignored", resource=resource if resource in _LOGGED_RESOURCES
                 else "other")
        return web.json_response({"status": "ignored"}, status=200)
    log.info("ingest.sentry", resource=resource or "legacy", count=len(alerts))
    return _answer(await _accept(rt, alerts, SENTRY), len(alerts) > 1)


async def post_alertmanager(request: web.Request) -> web.Response:
    """Alertmanager's webhook (version 4), with `http_config.authorization` as bearer."""
    rt = request.app[RUNTIME]
    raw = await read_body(request, rt.settings.relay_max_body_bytes)
    bearer_service(request, rt.tokens)
    require_json_content_type(request)
    body = parse_json(raw)
    spec = rt.routing.alertmanager
    alerts = parse_alertmanager(body, _ctx(rt), severity_label=spec.severity_label,
                                service_label=spec.service_label,
                                severity_values=spec.severity_values or None)
    log.info("ingest.alertmanager", count=len(alerts))
    if not alerts:
        return web.json_response({"status": "ignored"}, status=200)
    return _answer(await _accept(rt, alerts, ALERTMANAGER), True)


def routes() -> list[web.RouteDef]:
    return [
        web.post("/api/alerts", post_alerts),
        web.post("/api/webhooks/sentry", post_sentry),
        web.post("/api/webhooks/alertmanager", post_alertmanager),
    ]
