"""Alert lifecycle end to end: Alertmanager input, silences, inhibition, time intervals,
live reload — through the HTTP interface, into the strict fakes."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.e2e.harness import FIXTURES, TOKEN, RunningRelay, env_for, eventually, start_relay
from tests.fakes import FakePagerDuty, FakeSlack

Fakes = tuple[FakeSlack, FakePagerDuty]


def am_body(name: str) -> dict[str, object]:
    body: dict[str, object] = json.loads((FIXTURES / name).read_text())
    return body


def direct(**kw: object) -> dict[str, object]:
    body: dict[str, object] = {"title": "Intake queue backlog", "severity": "warning",
                               "service": "intake"}
    body.update(kw)
    return body


async def routing_relay(tmp_path: Path, fakes: Fakes, routing: str) -> RunningRelay:
    path = tmp_path / "routing.yaml"
    path.write_text(routing)
    slack, pd = fakes
    return await start_relay(env_for(tmp_path, slack, pd, RELAY_ROUTING_FILE=str(path),
                                     RELAY_SLACK_RATE_PER_SECOND="200"))


RECEIVERS = """
receivers:
  slack: {type: slack, webhook_url: "${SLACK_WEBHOOK_URL}"}
  pd: {type: pagerduty, routing_key: "${PAGERDUTY_INTEGRATION_KEY}",
       events_url: "${PAGERDUTY_EVENTS_URL}"}
"""


async def test_alertmanager_firing_then_resolved(relay: RunningRelay, fakes: Fakes) -> None:
    _, pd = fakes
    status, _ = await relay.post("/api/webhooks/alertmanager", am_body("alertmanager.firing.json"),
                                 token=None)
    assert status == 401
    status, body = await relay.post("/api/webhooks/alertmanager",
                                    am_body("alertmanager.firing.json"))
    assert status == 202 and body["accepted"] >= 1
    await eventually(lambda: any(e["event_action"] == "trigger" for e in pd.received))
    status, _ = await relay.post("/api/webhooks/alertmanager",
                                 am_body("alertmanager.resolved.json"))
    assert status == 202
    await eventually(lambda: any(e["event_action"] == "resolve" for e in pd.received))
    assert pd.open_incidents() == []


async def test_real_alertmanager_fires_and_resolves_through_relay(
    relay: RunningRelay, fakes: Fakes, tmp_path: Path
) -> None:
    harness = pytest.importorskip("tests.lifecycle.alertmanager_harness")
    if harness.find_binary() is None:
        pytest.skip("prometheus-alertmanager is not installed (.ci/run installs it)")
    _, pd = fakes
    labels = {"alertname": "DatabaseDown", "severity": "critical", "service": "ehr-db",
              "env": "production"}
    start = datetime.now(UTC) - timedelta(minutes=1)
    async with harness.Alertmanager(tmp_path / "am", relay.url + "/api/webhooks/alertmanager",
                                    TOKEN) as am:
        await am.post_alerts([harness.am_alert(labels, starts_at=start,
                                               annotations={"summary": "EHR database down"})])
        await eventually(lambda: len(pd.received) >= 1, seconds=20)
        trigger = pd.received[0]
        assert trigger["event_action"] == "trigger"
        assert trigger["payload"]["summary"].startswith("EHR database down")
        await am.post_alerts([harness.am_alert(labels, starts_at=start,
                                               ends_at=datetime.now(UTC) - timedelta(seconds=1))])
        await eventually(lambda: any(e["event_action"] == "resolve" for e in pd.received),
                         seconds=20)
    assert pd.open_incidents() == []


def silenced_total(metrics: str) -> float:
    """The process-wide counter (other tests in the session may have counted before)."""
    found = re.search(r'^relay_alerts_suppressed_total\{reason="silenced"\} (\S+)$', metrics,
                      re.MULTILINE)
    return float(found.group(1)) if found else 0.0


async def test_silences_mute_triggers_and_their_resolves(relay: RunningRelay,
                                                         fakes: Fakes) -> None:
    slack, pd = fakes
    silenced_before = silenced_total((await relay.get("/metrics"))[1])
    silence = {"matchers": {"service": "intake", "severity": ["warning"]},
               "duration": "1h", "author": "Dr. Ana Lopez", "comment": "planned migration"}
    assert (await relay.post("/api/silences", silence, token=None))[0] == 401
    status, created = await relay.post("/api/silences", silence)
    assert status == 201 and created["id"]
    assert "Lopez" not in json.dumps(created)  # staff-typed text is scrubbed like the rest

    status, body = await relay.post("/api/alerts", direct(dedup_key="q1"))
    assert (status, body["status"]) == (202, "suppressed")
    status, body = await relay.post("/api/alerts", direct(dedup_key="q1", action="resolve"))
    assert body["status"] == "suppressed"  # its trigger was never sent
    status, body = await relay.post("/api/alerts", direct(dedup_key="q2", severity="critical"))
    assert body["status"] == "accepted"  # the silence is for warnings only

    status, listed = await relay.get_auth("/api/silences")
    assert status == 200 and [s["id"] for s in listed["silences"]] == [created["id"]]
    status, _ = await relay.delete(f"/api/silences/{created['id']}")
    assert status == 200
    assert (await relay.delete(f"/api/silences/{created['id']}"))[0] == 404
    status, body = await relay.post("/api/alerts", direct(dedup_key="q3"))
    assert body["status"] == "accepted"
    await eventually(lambda: len(slack.received) == 2 and len(pd.received) == 1)
    _, metrics = await relay.get("/metrics")
    assert silenced_total(metrics) == silenced_before + 2
    _, health = await relay.get("/api/health/error-tracking")
    assert health["mute"] == {"active_silences": 0, "suppressed_since_start": {"silenced": 2}}


@pytest.mark.parametrize(("silence", "field"), [
    ({"matchers": {"planet": "mars"}, "duration": "1h", "author": "a", "comment": "c"},
     "planet"),
    ({"matchers": {"service": "x"}, "duration": "soon", "author": "a", "comment": "c"},
     "duration"),
    ({"matchers": {"service": "x"}, "starts_at": "2030-01-02T00:00:00Z",
      "ends_at": "2030-01-01T00:00:00Z", "author": "a", "comment": "c"}, "ends_at"),
    ({"matchers": {"severity": "urgent"}, "duration": "1h", "author": "a", "comment": "c"},
     "severity"),
    ({"matchers": {"service": "x"}, "duration": "1h", "comment": "c"}, "author"),
])
async def test_bad_silences_get_422_naming_the_field(relay: RunningRelay,
                                                     silence: dict[str, object],
                                                     field: str) -> None:
    status, body = await relay.post("/api/silences", silence)
    assert status == 422
    assert any(field in ".".join(map(str, e["loc"])) for e in body["errors"]), body
    for value in ("mars", "soon", "urgent", "2030-01-01"):
        assert value not in json.dumps(body)


async def test_inhibition_mutes_warnings_while_the_database_is_down(tmp_path: Path,
                                                                    fakes: Fakes) -> None:
    slack, _ = fakes
    relay = await routing_relay(tmp_path, fakes, RECEIVERS + """
routes:
  - match: {severity: [critical, warning, info]}
    receivers: [slack]
inhibit_rules:
  - source_match: {severity: critical, tags: {alertname: DatabaseDown}}
    target_match: {severity: [warning, info]}
    equal: [environment]
""")
    try:
        db_down = direct(title="EHR database down", severity="critical", service="ehr-db",
                         dedup_key="db", tags={"alertname": "DatabaseDown"})
        assert (await relay.post("/api/alerts", db_down))[1]["status"] == "accepted"
        _, body = await relay.post("/api/alerts", direct(dedup_key="w1"))
        assert body["status"] == "suppressed"
        _, body = await relay.post("/api/alerts", direct(dedup_key="w2", environment="staging"))
        assert body["status"] == "accepted"  # another environment is not inhibited
        await relay.post("/api/alerts", dict(db_down, action="resolve"))
        _, body = await relay.post("/api/alerts", direct(dedup_key="w3"))
        assert body["status"] == "accepted"
        await eventually(lambda: len(slack.received) == 4)
    finally:
        await relay.stop()


async def test_time_intervals_mute_a_route(tmp_path: Path, fakes: Fakes) -> None:
    relay = await routing_relay(tmp_path, fakes, RECEIVERS + """
time_intervals:
  - name: always
    time_intervals: [{times: [{start_time: "00:00", end_time: "24:00"}]}]
  - name: never
    time_intervals: [{years: ["1999"]}]
routes:
  - match: {service: quiet}
    receivers: [slack]
    mute_time_intervals: [always]
  - match: {service: office}
    receivers: [slack]
    active_time_intervals: [never]
  - match: {service: [loud, quiet, office]}
    receivers: [slack]
""")
    try:
        for service, expected in (("quiet", "suppressed"), ("office", "suppressed"),
                                  ("loud", "accepted")):
            _, body = await relay.post("/api/alerts", direct(service=service))
            assert body["status"] == expected, service
    finally:
        await relay.stop()


async def test_reload_applies_a_valid_file_and_keeps_the_running_one_on_errors(
    tmp_path: Path, fakes: Fakes
) -> None:
    relay = await routing_relay(tmp_path, fakes, RECEIVERS + """
routes:
  - match: {severity: critical}
    receivers: [slack]
""")
    path = tmp_path / "routing.yaml"
    try:
        _, body = await relay.post("/api/alerts", direct(dedup_key="r1"))
        assert body["status"] == "suppressed"  # no route for warnings yet
        path.write_text(RECEIVERS + "routes:\n  - match: {severity: urgent}\n"
                        "    receivers: [nobody]\n")
        status, problem = await relay.post("/-/reload", b"")
        assert status == 422
        assert any("unknown receiver" in e["msg"] for e in problem["errors"])
        assert "config.reload_rejected" in relay.logs.getvalue()
        _, body = await relay.post("/api/alerts", direct(dedup_key="r2"))
        assert body["status"] == "suppressed"  # the old table still runs
        path.write_text(RECEIVERS + "routes:\n  - match: {severity: [critical, warning]}\n"
                        "    receivers: [slack]\n")
        assert (await relay.post("/-/reload", b"", token=None))[0] == 401
        status, _ = await relay.post("/-/reload", b"")
        assert status == 200
        _, body = await relay.post("/api/alerts", direct(dedup_key="r3"))
        assert body["status"] == "accepted"
        slack, _ = fakes
        await eventually(lambda: len(slack.received) == 1)
    finally:
        await relay.stop()
