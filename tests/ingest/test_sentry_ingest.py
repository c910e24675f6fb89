"""Sentry webhook parsing: every fixture maps to the right alerts, copies of one issue share
a fingerprint, and broken shapes are SchemaInvalid, never a crash."""

from __future__ import annotations

import copy
import re
from datetime import UTC, datetime
from typing import Any

import pytest
from ingest_helpers import ALL_FIXTURES, KEY, RECEIVED, load, make_ctx, parser_for

from relay import fingerprint
from relay.errors import SchemaInvalid
from relay.ingest import SeverityMap, anonymise_user, parse_legacy, parse_webhook
from relay.model import Action, Alert, Severity, Source

CRIT, WARN, INFO = Severity.CRITICAL, Severity.WARNING, Severity.INFO
T, R = Action.TRIGGER, Action.RESOLVE

# What each fixture must become. Values read off the fixture files by hand.
EXPECTED: dict[str, dict[str, Any] | None] = {
    "comment.created.json": None,
    "installation.created.json": None,
    "error.created.json": dict(
        action=T, severity=WARN, service="front-end", fingerprint="sentry:front-end:1170820242",
        title="ReferenceError: blooopy is not defined", culprit="?(runner)",
        link="https://sentry.io/organizations/test-org/issues/1170820242/", occurrences=1,
        sentry_issue_id="1170820242", sentry_event_id="bb78c1407cea4519aa397afc059c793d",
        occurred_at=datetime(2019, 8, 19, 20, 58, 37, 391000, UTC), raw_user="162.218.85.90"),
    "event_alert.triggered.json": dict(
        action=T, severity=WARN, service="zulip-integration-testing",
        fingerprint="sentry:zulip-integration-testing:1635244907",
        title="Exception: Custom exception!", culprit="__main__ in <module>",
        link="https://sentry.io/organizations/hypro999-personal-organization/issues/1635244907/",
        message="Alert rule: Send a webhook payload to Webhook.site",
        occurred_at=datetime(2020, 4, 28, 13, 56, 5, 903736, UTC), raw_user=None,
        tags={"level": "error", "runtime": "CPython 3.6.9", "runtime.name": "CPython"}),
    "event_alert.triggered.docs.json": dict(
        action=T, severity=WARN, service="front-end", fingerprint="sentry:front-end:1117540176",
        title="ReferenceError: heck is not defined",
        link="https://sentry.io/organizations/test-org/issues/1117540176/",
        message="Alert rule: Very Important Alert Rule!", raw_user="162.218.85.90",
        occurred_at=datetime(2019, 8, 19, 21, 6, 17, 677000, UTC)),
    "event_alert.triggered.sample_event.json": dict(
        action=T, severity=WARN, service="python", fingerprint="sentry:python:4218258981",
        title="This is an example Python exception", environment="prod", message=None,
        link="https://sentry.io/organizations/nitk-46/issues/4218258981/", raw_user="1"),
    "full_event.json": dict(
        action=T, severity=WARN, service="zulip-integration-testing",
        fingerprint="sentry:zulip-integration-testing:1635244907", raw_user="1",
        title="Exception: Custom exception!"),
    "full_event.sample_event.json": dict(
        action=T, severity=WARN, service="python", fingerprint="sentry:python:4218258981",
        environment="prod", raw_user="1"),
    "issue.created.json": dict(
        action=T, severity=WARN, service="zulip-integration-testing",
        fingerprint="sentry:zulip-integration-testing:1635244907", link=None, occurrences=1,
        title="Exception: Custom exception!", sentry_event_id=None, user=None),
    "issue.created.docs.json": dict(
        action=T, severity=WARN, service="front-end", fingerprint="sentry:front-end:1170820242",
        occurred_at=datetime(2019, 8, 19, 20, 58, 37, 391000, UTC)),
    "issue.created.modern.json": dict(
        action=T, severity=CRIT, service="python", fingerprint="sentry:python:1234567890",
        link="https://example-org.sentry.io/issues/1234567890/", occurrences=3,
        occurred_at=datetime(2025, 11, 10, 20, 56, 0, 738000, UTC)),
    "issue.resolved.json": dict(
        action=R, fingerprint="sentry:zulip-integration-testing:1638821441",
        message="Resolved in Sentry"),
    "issue.ignored.json": dict(
        action=R, severity=INFO, fingerprint="sentry:zulip-integration-testing:1638821441"),
    "issue.unresolved.json": dict(  # substatus escalating: the problem is back
        action=T, severity=WARN, fingerprint="sentry:front-end:1170820242",
        message="Issue is escalating"),
    "issue.assigned.user.json": dict(
        action=T, severity=INFO, message="Assigned to a person",
        fingerprint="sentry:zulip-integration-testing:1638844654:assigned"),
    "issue.assigned.team.json": dict(
        action=T, severity=INFO, message="Assigned to a team",
        fingerprint="sentry:zulip-integration-testing:1638821441:assigned"),
    "metric_alert.critical.json": dict(
        action=T, severity=CRIT, fingerprint="sentry-metric:7", service="bar",
        title="Critical: Too many errors",
        link="https://sentry.io/organizations/baz/alerts/rules/details/7/?alert=1"),
    "metric_alert.warning.json": dict(
        action=T, severity=WARN, fingerprint="sentry-metric:7", title="Warning: Too many errors"),
    "metric_alert.resolved.json": dict(
        action=R, fingerprint="sentry-metric:7", link="https://sentry.io/organizations/baz/alerts/1/"),
    "legacy_plugin.json": dict(
        action=T, severity=WARN, service="python", fingerprint="sentry:python:4218258981",
        source=Source.SENTRY_LEGACY, environment="prod", raw_user="1",
        link="https://nitk-46.sentry.io/issues/4218258981/?referrer=webhooks_plugin"),
    "legacy_plugin.exception.json": dict(
        action=T, severity=WARN, service="foo-live", fingerprint="sentry:foo-live:1972208801",
        source=Source.SENTRY_LEGACY, title="ValueError: new sentry error.",
        message="Alert rule: Send a notification for new events",
        occurred_at=datetime.fromtimestamp(1603322711.147672, UTC)),
}


def parse(name: str) -> list[Alert]:
    fn, body = parser_for(name)
    return fn(body, make_ctx())


def test_every_fixture_has_an_expectation() -> None:
    assert set(EXPECTED) == set(ALL_FIXTURES)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_maps_to_expected_alert(name: str) -> None:
    alerts = parse(name)
    expected = EXPECTED[name]
    if expected is None:
        assert alerts == []
        return
    assert len(alerts) == 1
    alert = alerts[0]
    want = dict(expected)
    raw_user = want.pop("raw_user", "absent")
    want.setdefault("source", Source.SENTRY)
    for field, value in want.items():
        assert getattr(alert, field) == value, field
    assert alert.received_at == RECEIVED
    assert alert.title and len(alert.title) <= 500
    if raw_user not in ("absent", None):
        assert alert.user == anonymise_user(raw_user, KEY)
        assert re.fullmatch(r"user_[0-9a-f]{8}", alert.user)
        if len(raw_user) > 3:  # "1" is in every timestamp; the canary test covers those
            assert raw_user not in alert.model_dump_json()
    elif raw_user is None:
        assert alert.user is None


@pytest.mark.parametrize("name", ["event_alert.triggered.sample_event.json", "legacy_plugin.json",
                                  "full_event.json"])
def test_user_pii_never_copied(name: str) -> None:
    (alert,) = parse(name)
    dumped = alert.model_dump_json()
    for raw in ("sentry@example.com", "127.0.0.1", "Melbourne", "London", "AU", "VIC"):
        assert raw not in dumped


# -- one issue, many envelopes -----------------------------------------------------------------

SAME_ISSUE = [
    # error.created, the issue webhooks of that group (docs payloads share issue 1170820242)
    ["error.created.json", "issue.created.docs.json", "issue.unresolved.json"],
    # the 2020 event_alert has no issue_id: found via issue_url/web_url
    ["event_alert.triggered.json", "issue.created.json", "full_event.json"],
    # Sentry's sample event through an alert rule and through the legacy plugin
    ["event_alert.triggered.sample_event.json", "legacy_plugin.json",
     "full_event.sample_event.json"],
    ["issue.resolved.json", "issue.ignored.json"],
    ["metric_alert.critical.json", "metric_alert.warning.json", "metric_alert.resolved.json"],
]


@pytest.mark.parametrize("names", SAME_ISSUE)
def test_same_issue_same_fingerprint(names: list[str]) -> None:
    fps = {parse(name)[0].fingerprint for name in names}
    assert len(fps) == 1


def test_issue_lifecycle_resolves_what_it_triggered() -> None:
    created = load("issue.created.json")
    resolved = copy.deepcopy(created)
    resolved["action"] = "resolved"
    resolved["data"]["resolution_type"] = "in_next_release"
    (trigger,) = parse_webhook("issue", created, make_ctx())
    (resolve,) = parse_webhook("issue", resolved, make_ctx())
    (event,) = parse("event_alert.triggered.json")
    assert trigger.action is T and resolve.action is R
    assert trigger.fingerprint == resolve.fingerprint == event.fingerprint
    assert resolve.message == "Resolved in Sentry (in the next release)"


def test_assignment_notice_never_names_the_assignee() -> None:
    for name in ("issue.assigned.user.json", "issue.assigned.team.json"):
        (alert,) = parse(name)
        dumped = alert.model_dump_json()
        for raw in ("casey.fixture@example.org", "Hemanth", "Hypro999", "lone-wolf", "662437"):
            assert raw not in dumped
        assert alert.fingerprint != fingerprint.sentry_issue("x", "y")
        assert alert.fingerprint.endswith(":assigned")


@pytest.mark.parametrize(("substatus", "severity", "message"), [
    ("regressed", CRIT, "Issue regressed"),
    ("escalating", CRIT, "Issue is escalating"),
    ("ongoing", INFO, "Issue marked unresolved"),
    (None, INFO, "Issue marked unresolved"),
])
def test_unresolved_pages_only_when_the_problem_is_back(
    substatus: str | None, severity: Severity, message: str
) -> None:
    body = load("issue.created.modern.json")  # level fatal
    body["action"] = "unresolved"
    body["data"]["issue"]["substatus"] = substatus
    (alert,) = parse_webhook("issue", body, make_ctx())
    assert (alert.action, alert.severity, alert.message) == (T, severity, message)
    assert alert.fingerprint == "sentry:python:1234567890"


def test_metric_open_triggers_and_severity_map_overrides() -> None:
    body = load("metric_alert.warning.json")
    body["action"] = "open"
    (opened,) = parse_webhook("metric_alert", body, make_ctx())
    assert (opened.action, opened.severity) == (T, WARN)
    overrides = SeverityMap.with_overrides({"metric.warning": "critical", "error": "critical"})
    ctx = make_ctx(overrides)
    (warning,) = parse_webhook("metric_alert", load("metric_alert.warning.json"), ctx)
    (error,) = parse_webhook("error", load("error.created.json"), ctx)
    (info,) = parse_webhook("issue", load("issue.assigned.user.json"), ctx)
    assert warning.severity is CRIT and error.severity is CRIT and info.severity is INFO


def test_metric_alert_with_empty_triggers_and_no_rule_id_falls_back_to_incident() -> None:
    body = load("metric_alert.critical.json")
    body["data"]["metric_alert"]["alert_rule"].pop("id")
    body["data"]["metric_alert"]["alert_rule"]["triggers"] = []
    (alert,) = parse_webhook("metric_alert", body, make_ctx())
    assert alert.fingerprint == "sentry-metric:incident-4"


@pytest.mark.parametrize(("resource", "action"), [
    ("installation", "created"), ("comment", "created"), ("seer", "root_cause_completed"),
    ("preprod_artifact", "completed"), ("issue", "archived"), ("metric_alert", "closed"),
    ("event_alert", "created"), ("whatever", "triggered"),
])
def test_unhandled_resources_and_actions_are_ignored(resource: str, action: str) -> None:
    body = load("issue.created.json")
    body["action"] = action
    assert parse_webhook(resource, body, make_ctx()) == []
    # ignored resources are dropped whatever their shape
    if resource not in ("issue", "metric_alert", "event_alert"):
        assert parse_webhook(resource, "not even an object", make_ctx()) == []


def test_resource_header_is_case_insensitive() -> None:
    (alert,) = parse_webhook(" Issue ", load("issue.created.json"), make_ctx())
    assert alert.fingerprint == "sentry:zulip-integration-testing:1635244907"


def test_no_resource_header_parses_a_legacy_body_and_ignores_the_rest() -> None:
    (alert,) = parse_webhook(None, load("legacy_plugin.json"), make_ctx())
    assert alert.source is Source.SENTRY_LEGACY
    assert parse_webhook(None, load("issue.created.json"), make_ctx()) == []


def test_event_without_issue_id_or_urls_gets_a_title_fingerprint() -> None:
    event = load("event_alert.triggered.json")
    ev = event["data"]["event"]
    for key in ("issue_url", "web_url"):
        ev.pop(key)
    (first,) = parse_webhook("event_alert", event, make_ctx())
    ev["title"] = "Exception: took 5120 ms for 0xdeadbeef"
    (a,) = parse_webhook("event_alert", event, make_ctx())
    ev["title"] = "Exception: took 88 ms for 0x1f"
    (b,) = parse_webhook("event_alert", event, make_ctx())
    assert first.fingerprint.startswith("sentry:zulip-integration-testing:~")
    assert a.fingerprint == b.fingerprint != first.fingerprint
    assert a.sentry_issue_id is None and a.link is None


def test_event_project_falls_back_to_numeric_id_and_group_id() -> None:
    event = load("event_alert.triggered.docs.json")
    ev = event["data"]["event"]
    for key in ("url", "issue_id", "issue_url", "web_url"):
        ev.pop(key)
    ev["groupID"] = 77
    (alert,) = parse_webhook("event_alert", event, make_ctx())
    assert alert.fingerprint == "sentry:1:77"
    assert alert.service == "1"


def test_legacy_sentry_9_interface_paths() -> None:
    body: dict[str, Any] = {
        "project": "alerta5", "project_name": "alerta5", "project_slug": "alerta5",
        "culprit": "raven.scripts.runner in main", "logger": None, "level": "fatal",
        "url": "https://sentry.io/alertaio/alerta5/issues/541485531/", "message": "",
        "id": "541485531",
        "event": {
            "received": 1525248430,
            "sentry.interfaces.User": {"username": "sentry", "id": "1", "ip_address": "127.0.0.1",
                                       "name": "Sentry", "email": "sentry@example.com"},
            "sentry.interfaces.Exception": {"values": [
                {"type": "KeyError", "value": "inner"}, {"type": "ValueError", "value": "outer"}]},
            "sentry.interfaces.Http": {"cookies": "a=b", "url": "http://example.com/foo",
                                       "data": {"hello": "world"}},
            "event_id": "0476467adf8f499ea795a48fcc4bf290",
            "tags": {"sentry:user": "id:1", "level": "error", "os": "Windows 8"},
        },
    }
    (alert,) = parse_legacy(body, make_ctx())
    assert alert.title == "ValueError: outer"
    assert alert.severity is CRIT
    assert alert.user == anonymise_user("1", KEY)
    assert alert.fingerprint == "sentry:alerta5:541485531"
    assert alert.tags == {"level": "error", "os": "Windows 8"}
    assert alert.link == "https://sentry.io/alertaio/alerta5/issues/541485531/"
    assert alert.occurred_at is None
    body["event"]["sentry.interfaces.Exception"] = None
    body["event"]["sentry.interfaces.Message"] = {"message": "Disk nearly full"}
    (alert,) = parse_legacy(body, make_ctx())
    assert alert.title == "Disk nearly full"


def test_links_are_web_pages_over_http_only() -> None:
    body = load("event_alert.triggered.docs.json")
    ev = body["data"]["event"]
    ev["web_url"] = "javascript:alert(1)"
    (alert,) = parse_webhook("event_alert", body, make_ctx())
    assert alert.link == "https://sentry.io/issues/1117540176/"  # from the API issue_url
    ev["issue_url"] = "https://sentry.io/api/0/organizations/test-org/issues/1117540176/"
    (alert,) = parse_webhook("event_alert", body, make_ctx())
    assert alert.link == "https://sentry.io/organizations/test-org/issues/1117540176/"
    ev["issue_url"] = "ftp://sentry.io/api/0/issues/1117540176/"
    (alert,) = parse_webhook("event_alert", body, make_ctx())
    assert alert.link is None
    assert alert.fingerprint == "sentry:front-end:1117540176"  # issue_id still there


def test_a_broken_field_falls_back_to_the_next_source() -> None:
    body = load("event_alert.triggered.sample_event.json")
    ev = body["data"]["event"]
    ev.update(environment=["prod"], level={"x": 1}, datetime="garbage", event_id=None,
              id="c0ffee00c0ffee00c0ffee00c0ffee00")
    ev["tags"] = [t for t in ev["tags"] if t[0] != "level"] + [["level", "fatal"]]
    (alert,) = parse_webhook("event_alert", body, make_ctx())
    assert alert.environment == "prod"  # from the environment tag
    assert alert.severity is CRIT  # from the level tag
    assert alert.occurred_at == datetime.fromtimestamp(1685531176.247, UTC)  # from timestamp
    assert alert.sentry_event_id == "c0ffee00c0ffee00c0ffee00c0ffee00"


def test_correlation_id_and_tag_allowlist() -> None:
    body = load("error.created.json")
    ev = body["data"]["error"]
    ev["tags"] += [["request_id", "req-8c1f"], ["server_name", "janes-laptop"],
                   ["transaction", "/patients/1234"], ["replayId", "abc"]]
    (alert,) = parse_webhook("error", body, make_ctx())
    assert alert.correlation_id == "req-8c1f"
    assert set(alert.tags) == {"browser", "browser.name", "handled", "level", "mechanism",
                               "os", "os.name"}
    ev["tags"] = [["correlation_id", "free text with spaces"]]
    ev["contexts"]["trace"] = {"trace_id": "4bf92f3577b34da6a3ce929d0e0e4736"}
    (alert,) = parse_webhook("error", body, make_ctx())
    assert alert.correlation_id == "4bf92f3577b34da6a3ce929d0e0e4736"
    assert alert.tags == {}


@pytest.mark.parametrize(("resource", "mutate", "loc"), [
    ("issue", lambda b: b.update(data="a string"), ("body", "data")),
    ("issue", lambda b: b["data"].update(issue=[1, 2]), ("body", "data", "issue")),
    ("issue", lambda b: b["data"]["issue"].update(id={"x": 1}), ("body", "data", "issue", "id")),
    ("issue", lambda b: b.update(action=7), ("body", "action")),
    ("event_alert", lambda b: b.update(action="triggered", data={"event": None}),
     ("body", "data", "event")),
    ("error", lambda b: b.update(action="created", data={}), ("body", "data", "error")),
    ("metric_alert", lambda b: b.update(action="critical", data={"metric_alert": {}}),
     ("body", "data", "metric_alert", "alert_rule", "id")),
])
def test_malformed_shapes_are_schema_invalid(resource: str, mutate: Any, loc: tuple[Any, ...]
                                             ) -> None:
    body = load("issue.created.json")
    mutate(body)
    with pytest.raises(SchemaInvalid) as caught:
        parse_webhook(resource, body, make_ctx())
    assert [e.loc for e in caught.value.errors] == [loc]


@pytest.mark.parametrize("body", [None, [], "x", 3, {"id": None, "event": {}},
                                  {"id": "1", "event": "nope"}])
def test_legacy_malformed_is_schema_invalid(body: Any) -> None:
    with pytest.raises(SchemaInvalid):
        parse_legacy(body, make_ctx())


def test_missing_optional_parts_get_defaults() -> None:
    body = {"action": "created", "data": {"issue": {"id": "42"}}}
    (alert,) = parse_webhook("issue", body, make_ctx())
    assert alert.title == "Sentry issue 42"
    assert alert.service == "unknown" and alert.environment == "production"
    assert alert.severity is WARN  # unknown level: at least a warning, never silence
    assert alert.occurrences == 1 and alert.link is None and alert.occurred_at is None
    body = {"action": "triggered", "data": {"event": {}}}
    (alert,) = parse_webhook("event_alert", body, make_ctx())
    assert alert.title == "Sentry event" and alert.fingerprint.startswith("sentry:unknown:~")


def test_huge_and_odd_values_are_capped() -> None:
    body = load("issue.created.json")
    issue = body["data"]["issue"]
    issue.update(title="x" * 100_000 + "\x00\ud800", count="99999999999999999999999",
                 culprit=12, level=["fatal"], lastSeen=1e300)
    (alert,) = parse_webhook("issue", body, make_ctx())
    assert len(alert.title) == 500 and "\x00" not in alert.title
    alert.title.encode("utf-8")  # no lone surrogate survives
    assert alert.occurrences == 1 and alert.culprit is None
    assert alert.occurred_at == datetime(2020, 4, 28, 13, 56, 5, 903736, UTC)  # firstSeen
    assert alert.severity is WARN
