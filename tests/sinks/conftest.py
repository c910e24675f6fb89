"""Sink tests: the strict fakes' fixtures, and alerts built the way ingest builds them."""

from __future__ import annotations

import inspect
import json
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from aiohttp import ClientResponse
from aioresponses import aioresponses
from aioresponses import core as aioresponses_core

from relay.ingest.common import ParseContext, SeverityMap
from relay.ingest.sentry import looks_legacy, parse_legacy, parse_webhook
from relay.model import Action, Alert, Severity, Source
from tests.fakes.fixtures import (  # noqa: F401  (fixtures)
    fake_pagerduty,
    fake_slack,
    make_fake_pagerduty,
    make_fake_slack,
)

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
RECEIVED = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)
HOSTILE = "<!channel> <!here|here> <@U024BE7LH> <#C024BE7LR> <https://evil.example|click> & more"


def make_alert(**overrides: Any) -> Alert:
    fields: dict[str, Any] = {
        "source": Source.DIRECT, "severity": Severity.WARNING, "title": "Queue lag high",
        "service": "billing", "fingerprint": "direct:billing:queue-lag",
        "received_at": RECEIVED,
    }
    fields.update(overrides)
    return Alert(**fields)


def sentry_alerts() -> list[tuple[str, Alert]]:
    """Every alert the real Sentry parser makes from the stored Sentry payloads."""
    ctx = ParseContext(b"sink-test-hash-key", SeverityMap(), RECEIVED)
    out: list[tuple[str, Alert]] = []
    for path in sorted(FIXTURES.glob("*.json")):
        body = json.loads(path.read_text())
        alerts = (parse_legacy(body, ctx) if looks_legacy(body)
                  else parse_webhook(path.name.split(".")[0], body, ctx))
        out += [(path.stem, alert) for alert in alerts]
    return out


def resolve_of(alert: Alert) -> Alert:
    return alert.model_copy(update={"action": Action.RESOLVE})


class _CompatResponse(ClientResponse):
    """aioresponses 0.7.9 builds ClientResponse without aiohttp 3.14's new required
    `stream_writer` (pnuckowski/aioresponses#289, unreleased fix #288); supply an idle one."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("stream_writer", SimpleNamespace(output_size=0))
        super().__init__(*args, **kwargs)


@pytest.fixture
def mock_http(monkeypatch: pytest.MonkeyPatch) -> aioresponses:
    """An (unentered) aioresponses that works on aiohttp 3.14 too: `with mock_http as m:`."""
    if "stream_writer" in inspect.signature(ClientResponse.__init__).parameters:
        monkeypatch.setattr(aioresponses_core, "ClientResponse", _CompatResponse)
    return aioresponses()
