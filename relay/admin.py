"""Operator endpoints: silences and live reload (bearer auth, like the ingest endpoints).

Silence author and comment are typed by staff and may name a patient: they are scrubbed
before they are stored or shown, like every other text Relay keeps.
"""

from __future__ import annotations

from datetime import UTC, datetime

import structlog
from aiohttp import web

from relay import metrics
from relay.errors import FieldError, NotFound, SchemaInvalid, Unavailable
from relay.http import bearer_service, parse_json, read_body, require_json_content_type
from relay.outbox.base import OutboxUnavailable
from relay.runtime import RUNTIME, Runtime
from relay.silence_store import SilenceStore
from relay.silences import parse_silence

log = structlog.get_logger(__name__)

MAX_SILENCE_BYTES = 64 * 1024


def _store(rt: Runtime) -> SilenceStore:
    if rt.silences is None:
        raise Unavailable("Silences are not available on this relay.", retry_after=30)
    return rt.silences


def _now(rt: Runtime) -> datetime:
    return datetime.fromtimestamp(rt.clock(), UTC)


async def create_silence(request: web.Request) -> web.Response:
    rt = request.app[RUNTIME]
    raw = await read_body(request, MAX_SILENCE_BYTES)
    author_service = bearer_service(request, rt.tokens)
    require_json_content_type(request)
    silence = parse_silence(parse_json(raw), _now(rt))
    silence, counts = silence.scrubbed(rt.scrubber)
    metrics.count_redactions(counts, "silence")
    try:
        await _store(rt).add(silence)
    except OutboxUnavailable:
        raise Unavailable("Silences cannot be stored right now; retry shortly.",
                          retry_after=5) from None
    log.info("silence.created", silence_id=silence.id, token_service=author_service,
             ends_at=silence.ends_at.isoformat())
    return web.json_response(silence.as_json(), status=201)


async def list_silences(request: web.Request) -> web.Response:
    rt = request.app[RUNTIME]
    bearer_service(request, rt.tokens)
    expired = request.query.get("expired", "false").lower() in {"1", "true", "yes"}
    items = await _store(rt).list(now=_now(rt), include_expired=expired)
    return web.json_response({"silences": [s.as_json() for s in items]})


async def expire_silence(request: web.Request) -> web.Response:
    rt = request.app[RUNTIME]
    bearer_service(request, rt.tokens)
    silence_id = request.match_info["silence_id"]
    if not await _store(rt).expire(silence_id, _now(rt)):
        raise NotFound("No active silence with that id.")
    log.info("silence.expired", silence_id=silence_id)
    return web.json_response({"id": silence_id, "status": "expired"})


async def reload_config(request: web.Request) -> web.Response:
    rt = request.app[RUNTIME]
    bearer_service(request, rt.tokens)
    problems = await rt.reload()
    if problems:
        # the problems are about our own file (paths, lines, keys), never a request value
        raise SchemaInvalid([FieldError(("routing_file",), p) for p in problems],
                            "The routing file is invalid; the running configuration is kept.")
    return web.json_response({"status": "reloaded", "routing": rt.routing.origin})


def routes() -> list[web.RouteDef]:
    return [
        web.post("/api/silences", create_silence),
        web.get("/api/silences", list_silences),
        web.delete("/api/silences/{silence_id}", expire_silence),
        web.post("/-/reload", reload_config),
    ]
