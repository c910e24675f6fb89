"""`parse_alertmanager` on the recorded real bodies, variations of them, and arbitrary JSON:
it returns sane Alerts or raises SchemaInvalid naming fields, never echoing a value."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from relay import fingerprint
from relay.errors import SchemaInvalid
from relay.ingest import ParseContext, SeverityMap
from relay.ingest.alertmanager import (
    DEFAULT_SEVERITY_VALUES,
    labels_fingerprint,
    parse_alertmanager,
    severity_table,
)
from relay.model import Action, Alert, Severity

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
RECEIVED = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
CTX = ParseContext(b"test-hash-key-0123456789", SeverityMap(), RECEIVED)
M = "⟦"  # marker in every submitted bad value: errors must never contain it


def firing() -> dict[str, Any]:
    return dict(json.loads((FIXTURES / "alertmanager.firing.json").read_text()))


def with_labels(**labels: str) -> dict[str, Any]:
    body = firing()
    body["alerts"][0]["labels"] = labels
    return body


def one(body: dict[str, Any], **kw: Any) -> Alert:
    [alert] = parse_alertmanager(body, CTX, **kw)
    return alert


@pytest.mark.parametrize(("value", "expected"), [
    ("critical", Severity.CRITICAL), ("PAGE", Severity.CRITICAL),
    ("error", Severity.WARNING), ("warning", Severity.WARNING),
    ("info", Severity.INFO), ("none", Severity.INFO),
    ("bogus", Severity.WARNING), (None, Severity.WARNING),
])
def test_default_severities(value: str | None, expected: Severity) -> None:
    labels = {"alertname": "A"} | ({"severity": value} if value is not None else {})
    assert one(with_labels(**labels)).severity is expected


def test_severity_label_and_overrides() -> None:
    body = with_labels(alertname="A", priority="P1", severity="info")
    alert = one(body, severity_label="priority", severity_values={"p1": "critical"})
    assert alert.severity is Severity.CRITICAL
    assert one(body).severity is Severity.INFO
    with pytest.raises(ValueError):
        severity_table({"p1": "urgent"})
    assert severity_table({"CRITICAL": "warning"})["critical"] is Severity.WARNING
    assert DEFAULT_SEVERITY_VALUES["critical"] is Severity.CRITICAL  # defaults not mutated


def test_service_and_environment_fallbacks() -> None:
    assert one(with_labels(alertname="A", service="svc", job="j")).service == "svc"
    assert one(with_labels(alertname="A", service=" ", job="j")).service == "j"
    assert one(with_labels(alertname="A")).service == "A"
    assert one(with_labels(alertname="A", app="x"), service_label="app").service == "x"
    assert one(with_labels(alertname="A", environment="dev")).environment == "dev"
    assert one(with_labels(alertname="A", env="stg", environment="dev")).environment == "stg"
    assert one(with_labels(alertname="A")).environment == "production"


def test_title_message_link() -> None:
    body = firing()
    alert = body["alerts"][0]
    alert["annotations"] = {"message": "older spelling"}
    alert["generatorURL"] = "javascript:alert(1)"
    parsed = one(body)
    assert parsed.title == "IntakeQueueBacklog"
    assert parsed.message == "older spelling"
    assert parsed.link is None
    alert["labels"] = {"severity": "warning"}
    alert["annotations"] = {}
    assert one(body).title == "Alertmanager alert"
    assert one(body).service == "alertmanager"


def test_fingerprint_from_alertmanager_or_labels() -> None:
    body = firing()
    labels = body["alerts"][0]["labels"]
    real = body["alerts"][0]["fingerprint"]
    assert one(body).fingerprint == fingerprint.alertmanager(real)
    del body["alerts"][0]["fingerprint"]
    assert one(body).fingerprint == fingerprint.alertmanager(real)  # same algorithm
    assert labels_fingerprint(labels) == real
    assert labels_fingerprint({}) == "cbf29ce484222325"  # FNV-1a offset basis: empty set
    assert labels_fingerprint({"a": "b"}) != labels_fingerprint({"a": "c"})
    assert labels_fingerprint({"ab": ""}) != labels_fingerprint({"a": "b"})


def test_tags_are_allowlisted_labels() -> None:
    tags = one(with_labels(alertname="A", instance="10.0.0.7:9100", pod="intake-7f9c",
                           namespace="prod", cluster="eu")).tags
    assert tags == {"alertname": "A", "namespace": "prod", "cluster": "eu"}


def test_group_status_is_the_fallback_and_each_alert_has_its_own() -> None:
    body = firing()
    second = copy.deepcopy(body["alerts"][0])
    second["status"] = "resolved"
    second["labels"]["alertname"] = "Other"
    del second["fingerprint"]
    body["alerts"].append(second)
    del body["alerts"][0]["status"]
    a, b = parse_alertmanager(body, CTX)
    assert (a.action, b.action) == (Action.TRIGGER, Action.RESOLVE)
    assert a.fingerprint != b.fingerprint
    assert a.received_at == RECEIVED


@pytest.mark.parametrize(("mutate", "loc"), [
    (lambda b: b.clear(), ("body", "alerts")),
    (lambda b: b.update(alerts=[]), ("body", "alerts")),
    (lambda b: b.update(alerts=M), ("body", "alerts")),
    (lambda b: b["alerts"].append(M), ("body", "alerts", 1)),
    (lambda b: b["alerts"][0].update(labels={"alertname": 1}), ("body", "alerts", 0, "labels")),
    (lambda b: b["alerts"][0].pop("labels"), ("body", "alerts", 0, "labels")),
    (lambda b: b["alerts"][0].update(annotations=[M]), ("body", "alerts", 0, "annotations")),
    (lambda b: (b["alerts"][0].update(status=M), b.update(status=M)),
     ("body", "alerts", 0, "status")),
    (lambda b: b["alerts"][0].update(fingerprint=M + "zz"), ("body", "alerts", 0, "fingerprint")),
    (lambda b: b["alerts"][0].update(startsAt=M + "yesterday"), ("body", "alerts", 0, "startsAt")),
])
def test_bad_shapes_name_the_field_and_never_echo(mutate: Any, loc: tuple[Any, ...]) -> None:
    body = firing()
    mutate(body)
    with pytest.raises(SchemaInvalid) as info:
        parse_alertmanager(body, CTX)
    assert loc in [e.loc for e in info.value.errors]
    assert M not in repr(info.value.errors) and M not in str(info.value)


def test_not_an_object() -> None:
    for body in (None, [], M, 3):
        with pytest.raises(SchemaInvalid) as info:
            parse_alertmanager(body, CTX)
        assert info.value.errors[0].loc == ("body",)


def test_every_bad_alert_is_listed() -> None:
    body = firing()
    body["alerts"] = [{"labels": None, "status": "x"}] * 3
    with pytest.raises(SchemaInvalid) as info:
        parse_alertmanager(body, CTX)
    locs = {e.loc for e in info.value.errors}
    assert {("body", "alerts", i, f) for i in range(3) for f in ("labels", "status")} <= locs


def test_long_and_hostile_text_is_bounded() -> None:
    body = with_labels(alertname="A" * 5000, service="\x00s\ud800vc" + "x" * 500)
    body["alerts"][0]["annotations"] = {"summary": "", "description": "d" * 50_000}
    alert = one(body)
    assert len(alert.title) <= 500 and len(alert.service) <= 100
    assert alert.message is not None and len(alert.message) <= 10_000
    assert "\x00" not in alert.service
    alert.model_dump_json().encode("utf-8")


# -- arbitrary input ----------------------------------------------------------------------

scalars = (st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
           | st.sampled_from(["firing", "resolved", "critical", "0001-01-01T00:00:00Z",
                              "d29de91ee321e7cd", "\ud800", "x" * 600, "http://a.b/c"]))
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(
        st.sampled_from(["alerts", "labels", "annotations", "status", "fingerprint",
                         "startsAt", "generatorURL", "alertname", "severity", "summary",
                         "truncatedAlerts"]) | st.text(max_size=8), inner, max_size=6),
    max_leaves=40,
)
label_maps = st.dictionaries(st.text(max_size=10), st.text(max_size=20), max_size=6)
alert_like = st.fixed_dictionaries(
    {"labels": label_maps | json_values},
    optional={"annotations": label_maps | json_values,
              "status": st.sampled_from(["firing", "resolved"]) | json_values,
              "fingerprint": st.text("0123456789abcdef", max_size=20) | json_values,
              "startsAt": st.datetimes().map(lambda d: d.isoformat()) | json_values,
              "generatorURL": json_values},
)
FAST = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def run(body: Any) -> None:
    try:
        alerts = parse_alertmanager(body, CTX)
    except SchemaInvalid as exc:
        assert exc.errors and all(e.loc[0] == "body" for e in exc.errors)
        return
    for alert in alerts:
        assert alert.title and alert.service and alert.fingerprint.startswith("am:")
        assert alert.link is None or alert.link.startswith(("http://", "https://"))
        alert.model_dump_json().encode("utf-8")


@FAST
@given(json_values)
def test_arbitrary_json(body: Any) -> None:
    run(body)


@FAST
@given(st.lists(alert_like | json_values, max_size=4), json_values)
def test_near_valid_payloads(alerts: list[Any], status: Any) -> None:
    run({"version": "4", "status": status, "alerts": alerts, "truncatedAlerts": status})
