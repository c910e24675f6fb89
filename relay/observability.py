"""Logs and Relay's own error reporting, both through the PHI scrubber.

structlog: JSON lines on stdout (a console renderer on a TTY), a stable event name per line,
the request id bound from contextvars, and a last-but-one processor that scrubs every value.
sentry-sdk: no default PII, no locals, no request bodies; `before_send` drops what must never
leave (frame vars, request data, cookies, headers, user) and scrubs the rest.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import MutableMapping
from typing import Any, TextIO

import structlog

from relay.metrics import count_redactions

#: keys whose values Relay itself produces (ids, enums, counts, config names), never senders;
#: everything else in an event is scrubbed
_SAFE_LOG_KEYS = frozenset({
    "event", "level", "timestamp", "logger", "request_id", "alert_id", "source", "severity",
    "action", "receiver", "receivers", "attempt", "status", "code",
    "count", "backend", "kind", "reason", "retry_in",
})


def _short_token(value: Any) -> bool:
    """A number, or a short string (or list of them): the shape of what Relay puts under a
    safe key. Anything longer is scrubbed even there, in case a call site slips."""
    if isinstance(value, (int, float, bool)):
        return True
    if isinstance(value, list):
        return all(isinstance(v, str) and len(v) <= 64 for v in value)
    return isinstance(value, str) and len(value) <= 64


def scrub_processor(scrubber: Any) -> structlog.types.Processor:
    """A structlog processor that scrubs every value of every event (keys too)."""

    def process(
        _logger: Any, _name: str, event: MutableMapping[str, Any]
    ) -> MutableMapping[str, Any]:
        for key in list(event):
            value = event[key]
            if key in _SAFE_LOG_KEYS and key != "event" and _short_token(value):
                continue
            if isinstance(value, BaseException):
                value = f"{type(value).__name__}: {value}"
            clean, counts = scrubber.scrub_json(value)
            if counts:
                count_redactions(counts, "log")
            event[key] = clean
        return event

    return process


def configure_logging(
    scrubber: Any, level: str = "INFO", *, json: bool | None = None, stream: TextIO | None = None
) -> None:
    """Configure structlog and route stdlib logging (aiohttp's) through the same processors."""
    stream = stream or sys.stdout
    json = (not stream.isatty()) if json is None else json
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.stdlib.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
        structlog.processors.format_exc_info,
        scrub_processor(scrubber),
    ]
    renderer: structlog.types.Processor = (
        structlog.processors.JSONRenderer() if json else structlog.dev.ConsoleRenderer()
    )
    structlog.configure(
        processors=[*shared, renderer],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level)),
        logger_factory=structlog.PrintLoggerFactory(file=stream),
        cache_logger_on_first_use=False,
    )
    handler = logging.StreamHandler(stream)
    handler.setFormatter(structlog.stdlib.ProcessorFormatter(
        processors=[structlog.stdlib.ProcessorFormatter.remove_processors_meta, renderer],
        foreign_pre_chain=shared,
    ))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # aiohttp's access log would print request lines (paths, query tokens): we log our own.
    logging.getLogger("aiohttp.access").setLevel(logging.WARNING)


# --------------------------------------------------------------------------- sentry-sdk

#: request headers that may travel with Relay's own error reports
_HEADER_ALLOWLIST = frozenset({"content-type", "content-length", "user-agent", "x-request-id"})


def make_before_send(scrubber: Any) -> Any:
    """`before_send`: drop what must never leave, scrub what remains."""

    def before_send(event: dict[str, Any], _hint: dict[str, Any]) -> dict[str, Any]:
        event.pop("user", None)
        event.pop("extra", None)
        event.pop("breadcrumbs", None)  # scrubbed separately by before_breadcrumb
        request = event.get("request")
        if isinstance(request, dict):
            for k in ("data", "cookies", "query_string", "env"):
                request.pop(k, None)
            headers = request.get("headers")
            if isinstance(headers, dict):
                request["headers"] = {
                    k: v for k, v in headers.items() if k.lower() in _HEADER_ALLOWLIST
                }
            if isinstance(request.get("url"), str):
                request["url"] = request["url"].split("?", 1)[0]
        for exc in (event.get("exception") or {}).get("values") or []:
            for frame in ((exc or {}).get("stacktrace") or {}).get("frames") or []:
                if isinstance(frame, dict):
                    frame.pop("vars", None)
                    for k in ("pre_context", "context_line", "post_context"):
                        frame.pop(k, None)
        for thread in (event.get("threads") or {}).get("values") or []:
            for frame in ((thread or {}).get("stacktrace") or {}).get("frames") or []:
                if isinstance(frame, dict):
                    frame.pop("vars", None)
        clean, counts = scrubber.scrub_json(event)
        if counts:
            count_redactions(counts, "sentry")
        return clean  # type: ignore[no-any-return]

    return before_send


def make_before_breadcrumb(scrubber: Any) -> Any:
    def before_breadcrumb(crumb: dict[str, Any], _hint: dict[str, Any]) -> dict[str, Any]:
        crumb.pop("data", None)  # SQL parameters, URLs, console arguments
        clean, counts = scrubber.scrub_json(crumb)
        if counts:
            count_redactions(counts, "sentry")
        return clean  # type: ignore[no-any-return]

    return before_breadcrumb


def init_sentry(settings: Any, scrubber: Any, *, transport: Any = None) -> bool:
    """Initialise sentry-sdk for Relay's own errors; False when no DSN is configured."""
    if settings.sentry_dsn is None and transport is None:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.aiohttp import AioHttpIntegration
    from sentry_sdk.integrations.logging import LoggingIntegration

    options: dict[str, Any] = {
        "dsn": settings.sentry_dsn.get_secret_value() if settings.sentry_dsn else None,
        "environment": settings.sentry_environment,
        "release": settings.sentry_release,
        "traces_sample_rate": settings.sentry_traces_sample_rate,
        "profiles_sample_rate": settings.sentry_profiles_sample_rate,
        "debug": settings.sentry_debug,
        "send_default_pii": False,
        "include_local_variables": False,
        "max_request_body_size": "never",
        "include_source_context": False,
        "integrations": [
            AioHttpIntegration(),
            LoggingIntegration(level=None, event_level=None),
        ],
        "before_send": make_before_send(scrubber),
        # performance transactions carry the request too (URL, ?token= of the legacy plugin)
        "before_send_transaction": make_before_send(scrubber),
        "before_breadcrumb": make_before_breadcrumb(scrubber),
    }
    if transport is not None:
        options["transport"] = transport
        options["dsn"] = options["dsn"] or "https://public@sentry.invalid/1"
    sentry_sdk.init(**options)
    return True
