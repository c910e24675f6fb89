"""End to end against a real Alertmanager: alerts posted to its API v2 come back as webhook
bodies (bearer auth, firing then resolved) to a loopback recorder, and `parse_alertmanager`
reads those real bodies.

Set RELAY_RECORD_FIXTURES=1 to rewrite tests/fixtures/alertmanager.{firing,resolved}.json
from this run (host-specific values replaced by harmless ones).
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from alertmanager_harness import Alertmanager, WebhookRecorder, am_alert, require_binary

from relay import fingerprint
from relay.ingest import ParseContext, SeverityMap
from relay.ingest.alertmanager import labels_fingerprint, parse_alertmanager
from relay.model import Action, Severity, Source

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CTX = ParseContext(b"test-hash-key-0123456789", SeverityMap(),
                   datetime(2024, 5, 1, 12, 0, tzinfo=UTC))

LABELS = {
    "alertname": "IntakeQueueBacklog",
    "severity": "critical",
    "service": "intake-api",
    "env": "staging",
    "job": "intake",
    "instance": "intake-1.example.internal:9100",
    "team": "platform",
}
ANNOTATIONS = {
    "summary": "Intake queue backlog above 500 for 5 minutes",
    "description": "The intake worker is not keeping up; check the worker pods.",
}
GENERATOR = "http://prometheus.example.internal:9090/graph?g0.expr=intake_backlog+%3E+500"


@pytest.fixture
async def recorder() -> AsyncIterator[WebhookRecorder]:
    rec = WebhookRecorder()
    await rec.start()
    yield rec
    await rec.stop()


def status_is(status: str) -> Any:
    return lambda body: isinstance(body, dict) and body.get("status") == status


def harmless(body: dict[str, Any], am_url: str) -> dict[str, Any]:
    """The body with this machine's hostname and ports replaced (externalURL carries the
    host name Alertmanager found)."""
    raw = json.dumps(body, indent=2, sort_keys=True)
    raw = raw.replace(body["externalURL"], "http://alertmanager.example.internal:9093")
    return dict(json.loads(raw.replace(am_url, "http://alertmanager.example.internal:9093")))


async def test_real_alertmanager_firing_then_resolved(
    tmp_path: Path, recorder: WebhookRecorder
) -> None:
    require_binary()
    token = secrets.token_urlsafe(24)
    started = datetime.now(UTC) - timedelta(minutes=1)
    async with Alertmanager(tmp_path / "am", recorder.url, token) as am:
        await am.post_alerts([am_alert(LABELS, annotations=ANNOTATIONS, starts_at=started,
                                       generator_url=GENERATOR)])
        firing = await recorder.wait_for(status_is("firing"))
        # endsAt in the past: Alertmanager resolves it and, with send_resolved, says so
        await am.post_alerts([am_alert(LABELS, annotations=ANNOTATIONS, starts_at=started,
                                       ends_at=datetime.now(UTC) - timedelta(seconds=1),
                                       generator_url=GENERATOR)])
        resolved = await recorder.wait_for(status_is("resolved"))
        am_url = am.url

    assert firing.authorization == f"Bearer {token}"
    assert resolved.authorization == f"Bearer {token}"
    assert firing.body["version"] == "4"
    real_fp = firing.body["alerts"][0]["fingerprint"]
    # our fallback fingerprint is Alertmanager's own algorithm
    assert labels_fingerprint(LABELS) == real_fp

    [trigger] = parse_alertmanager(firing.body, CTX)
    assert trigger.source is Source.ALERTMANAGER
    assert trigger.action is Action.TRIGGER
    assert trigger.severity is Severity.CRITICAL
    assert trigger.title == ANNOTATIONS["summary"]
    assert trigger.message == ANNOTATIONS["description"]
    assert (trigger.service, trigger.environment) == ("intake-api", "staging")
    assert trigger.link == GENERATOR
    assert trigger.fingerprint == fingerprint.alertmanager(real_fp)
    assert trigger.tags == {"alertname": "IntakeQueueBacklog", "severity": "critical",
                            "service": "intake-api", "job": "intake", "team": "platform"}
    assert trigger.occurred_at is not None
    assert abs(trigger.occurred_at - started) < timedelta(milliseconds=1)

    [resolve] = parse_alertmanager(resolved.body, CTX)
    assert resolve.action is Action.RESOLVE
    assert resolve.fingerprint == trigger.fingerprint
    assert resolve.severity is Severity.CRITICAL

    if os.environ.get("RELAY_RECORD_FIXTURES"):
        for name, rec in (("firing", firing), ("resolved", resolved)):
            path = FIXTURES / f"alertmanager.{name}.json"
            path.write_text(json.dumps(harmless(rec.body, am_url), indent=2) + "\n")


def test_fixtures_match_real_shape() -> None:
    """The saved fixtures parse to the same lifecycle as the live run above."""
    firing = json.loads((FIXTURES / "alertmanager.firing.json").read_text())
    resolved = json.loads((FIXTURES / "alertmanager.resolved.json").read_text())
    [a] = parse_alertmanager(firing, CTX)
    [b] = parse_alertmanager(resolved, CTX)
    assert (a.action, b.action) == (Action.TRIGGER, Action.RESOLVE)
    assert a.fingerprint == b.fingerprint == fingerprint.alertmanager(
        labels_fingerprint(firing["alerts"][0]["labels"]))
    assert "example" in firing["externalURL"]


async def test_real_group_with_mixed_statuses(tmp_path: Path, recorder: WebhookRecorder) -> None:
    """Two alerts in one group; one resolves while the other still fires: Alertmanager sends
    a group whose status is `firing` holding one resolved alert. Each alert's own status
    decides its action."""
    require_binary()
    started = datetime.now(UTC) - timedelta(minutes=1)
    disk = {"alertname": "DiskFilling", "severity": "warning", "service": "intake-api"}
    a = disk | {"device": "sda"}
    b = disk | {"device": "sdb"}

    def mixed(body: Any) -> bool:
        return (isinstance(body, dict) and len(body.get("alerts", [])) == 2
                and {x["status"] for x in body["alerts"]} == {"firing", "resolved"})

    async with Alertmanager(tmp_path / "am", recorder.url, "t0ken-" + "x" * 20) as am:
        await am.post_alerts([am_alert(a, starts_at=started), am_alert(b, starts_at=started)])
        await recorder.wait_for(lambda body: len(body.get("alerts", [])) == 2)
        await am.post_alerts([am_alert(a, starts_at=started,
                                       ends_at=datetime.now(UTC) - timedelta(seconds=1))])
        got = await recorder.wait_for(mixed)

    assert got.body["status"] == "firing"
    alerts = parse_alertmanager(got.body, CTX)
    by_fp = {x.fingerprint: x.action for x in alerts}
    assert by_fp == {fingerprint.alertmanager(labels_fingerprint(a)): Action.RESOLVE,
                     fingerprint.alertmanager(labels_fingerprint(b)): Action.TRIGGER}
    assert {x.severity for x in alerts} == {Severity.WARNING}
