"""Helpers shared by the ingest tests: fixture loading and one place that knows how each
fixture file is fed to its parser."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from relay.ingest import ParseContext, SeverityMap, parse_legacy, parse_webhook
from relay.model import Alert

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
KEY = b"test-hash-key"
RECEIVED = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)


def make_ctx(severity_map: SeverityMap | None = None) -> ParseContext:
    return ParseContext(KEY, severity_map or SeverityMap(), RECEIVED)


def load(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text())


def as_event_alert(event: Any) -> dict[str, Any]:
    """A bare stored event (full_event*.json) in an event_alert envelope."""
    return {"action": "triggered", "data": {"event": event, "triggered_rule": "Rule A"}}


Parser = Callable[[Any, ParseContext], list[Alert]]


def parser_for(name: str) -> tuple[Parser, Any]:
    """(parse function, body) for a fixture file, as the HTTP handler would dispatch it."""
    body = load(name)
    resource = name.split(".")[0]
    if resource.startswith("legacy_plugin"):
        return parse_legacy, body
    if resource == "full_event":
        return (lambda b, ctx: parse_webhook("event_alert", b, ctx)), as_event_alert(body)
    return (lambda b, ctx: parse_webhook(resource, b, ctx)), body


ALL_FIXTURES = sorted(
    p.name for p in FIXTURES.glob("*.json") if not p.name.startswith("alertmanager.")
)
