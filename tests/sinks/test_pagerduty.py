"""PagerDutySink formatting against PagerDuty's own schema, and the strict fake over HTTP:
validation (OpenAPI + STRICT_EXTRAS), incident state, rate limit, failure injection."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import datetime
from typing import Any

import aiohttp
import pytest

from relay.fakes import FakePagerDuty, ManualClock, check_event
from relay.fakes.pagerduty import SCHEMA_FILE
from relay.model import Action, Alert, Severity
from relay.sinks.base import Outcome, Verdict
from relay.sinks.pagerduty import PagerDutySink, dedup_key
from tests.sinks.conftest import HOSTILE, make_alert, resolve_of, sentry_alerts

MakePD = Callable[..., Awaitable[FakePagerDuty]]
KEY = "e93facc04764012d7bfb002500d5d1a6"
sink = PagerDutySink("pd", routing_key=KEY)


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


def event(**overrides: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "routing_key": KEY, "event_action": "trigger", "dedup_key": "srv01/mysql",
        "payload": {"summary": "DISK at 99%", "source": "db01", "severity": "critical"},
    }
    body.update(overrides)
    return body


def with_payload(**overrides: Any) -> dict[str, Any]:
    return event(payload={**event()["payload"], **overrides})


# -- formatting ------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "alert"), sentry_alerts(),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_every_sentry_fixture_makes_a_valid_event(name: str, alert: Alert) -> None:
    body = sink.format(alert)
    assert check_event(body) == []
    assert body["dedup_key"] == alert.fingerprint
    if alert.action is Action.RESOLVE:
        assert body == {"routing_key": KEY, "dedup_key": alert.fingerprint,
                        "event_action": "resolve"}
    else:
        assert body["payload"]["severity"] == alert.severity.value


def test_trigger_layout_and_custom_details_allowlist() -> None:
    alert = make_alert(severity=Severity.CRITICAL, title="DB down", message="secret-ish text",
                       correlation_id="req-1", user="user_ab12cd34", occurrences=3,
                       sentry_issue_id="42", sentry_event_id="e1", sentry_project="web",
                       release="1.2.3", culprit="views.py", tags={"k": "v"},
                       link="https://sentry.io/organizations/o/issues/42/",
                       occurred_at=datetime.fromisoformat("2024-05-01T13:00:00+01:00"))
    assert sink.format(alert) == {
        "routing_key": KEY, "event_action": "trigger", "dedup_key": "direct:billing:queue-lag",
        "payload": {
            "summary": "DB down", "source": "billing/production", "severity": "critical",
            "timestamp": "2024-05-01T12:00:00.000Z", "component": "billing",
            "group": "production", "class": "direct",
            "custom_details": {"correlation_id": "req-1", "user": "user_ab12cd34",
                               "occurrences": 3, "sentry_issue_id": "42",
                               "sentry_event_id": "e1", "sentry_project": "web",
                               "release": "1.2.3", "environment": "production"},
        },
        "links": [{"href": "https://sentry.io/organizations/o/issues/42/",
                   "text": "View in Sentry"}],
        "client": "Relay",
    }


def test_only_https_links_and_long_text_is_cut() -> None:
    for bad in ("http://sentry.io/x", "javascript:alert(1)", "https://u:p@x.example/"):
        assert "links" not in sink.format(make_alert(link=bad))
    huge = make_alert(title="t" * 10_000, service="s" * 10_000, release="r" * 10_000)
    body = sink.format(huge)
    assert check_event(body) == []
    assert len(body["payload"]["summary"]) == 1024
    assert body["payload"]["summary"].endswith("…[truncated]")
    assert len(json.dumps(body)) < 20_000


def test_long_fingerprints_hash_to_a_stable_255_character_key() -> None:
    fp = "sentry:" + "p" * 400
    key = dedup_key(fp)
    assert len(key) == 255 and key == dedup_key(fp) and key != dedup_key(fp + "x")
    assert key.startswith("sentry:ppp")
    trigger = sink.format(make_alert(fingerprint=fp))
    assert trigger["dedup_key"] == sink.format(resolve_of(make_alert(fingerprint=fp)))[
        "dedup_key"] == key


def test_format_digest_is_none() -> None:
    from tests.sinks.test_slack_format import make_digest

    assert sink.format_digest(make_digest()) is None


# -- the validator itself --------------------------------------------------------------------


def test_the_documentation_example_is_valid() -> None:
    spec = json.loads(SCHEMA_FILE.read_text())
    example = spec["paths"]["/enqueue"]["post"]["requestBody"]["content"][
        "application/json"]["examples"]["event"]["value"]
    assert check_event(example) == []  # including its "+0000" timestamp


@pytest.mark.parametrize(("why", "body"), [
    ("not an object", [1]),
    ("no routing key", {k: v for k, v in event().items() if k != "routing_key"}),
    ("31-char routing key", event(routing_key=KEY[:31])),
    ("routing key with a dash", event(routing_key=KEY[:31] + "-")),
    ("unknown action", event(event_action="page")),
    ("trigger without payload", {k: v for k, v in event().items() if k != "payload"}),
    ("payload without severity", event(payload={"summary": "s", "source": "x"})),
    ("payload without source", event(payload={"summary": "s", "severity": "info"})),
    ("severity fatal", with_payload(severity="fatal")),
    ("blank summary", with_payload(summary="  ")),
    ("summary of 1025", with_payload(summary="s" * 1025)),
    ("dedup_key of 256", event(dedup_key="d" * 256)),
    ("resolve without dedup_key", {"routing_key": KEY, "event_action": "resolve"}),
    ("acknowledge without dedup_key", {"routing_key": KEY, "event_action": "acknowledge"}),
    ("timestamp prose", with_payload(timestamp="yesterday")),
    ("timestamp without zone", with_payload(timestamp="2024-05-01T12:00:00")),
    ("timestamp impossible date", with_payload(timestamp="2024-02-30T12:00:00Z")),
    ("custom_details a string", with_payload(custom_details="x")),
    ("summary a number", with_payload(summary=5)),
    ("link without href", event(links=[{"text": "x"}])),
    ("image over http", event(images=[{"src": "http://x.example/a.png"}])),
])
def test_check_event_refuses(why: str, body: Any) -> None:
    assert check_event(body) != []


@pytest.mark.parametrize("stamp", ["2024-05-01T12:00:00Z", "2024-05-01T12:00:00.123+02:00",
                                   "2015-07-17T08:42:58.315+0000"])
def test_check_event_accepts_rfc3339_and_the_docs_hhmm_form(stamp: str) -> None:
    assert check_event(with_payload(timestamp=stamp)) == []


# -- the fake over HTTP ----------------------------------------------------------------------


async def test_trigger_then_resolve_closes_the_incident(fake_pagerduty: FakePagerDuty,
                                                        session: aiohttp.ClientSession) -> None:
    pd = PagerDutySink("pd", routing_key=fake_pagerduty.routing_key,
                       events_url=fake_pagerduty.events_url)
    alert = make_alert(severity=Severity.CRITICAL, title=HOSTILE)
    assert await pd.send(session, pd.format(alert), timeout=2) == Outcome(Verdict.OK,
                                                                           status=202)
    incident = fake_pagerduty.incident(alert.fingerprint)
    assert incident is not None and incident.status == "triggered"
    assert incident.summary == HOSTILE and incident.severity == "critical"
    await pd.send(session, pd.format(alert), timeout=2)  # a repeat updates, not opens
    assert incident.events == 2 and len(fake_pagerduty.open_incidents()) == 1
    await pd.send(session, pd.format(resolve_of(alert)), timeout=2)
    assert incident.status == "resolved" and fake_pagerduty.open_incidents() == []
    assert incident.history == ["trigger", "trigger", "resolve"]
    await pd.send(session, pd.format(alert), timeout=2)  # a trigger after resolve: new alert
    fresh = fake_pagerduty.incident(alert.fingerprint)
    assert fresh is not None and fresh is not incident and fresh.status == "triggered"
    assert fake_pagerduty.closed == [incident]
    assert len(fake_pagerduty.received) == 4 and fake_pagerduty.rejected == []


async def test_resolve_without_open_alert_is_dropped_with_202(
        fake_pagerduty: FakePagerDuty, session: aiohttp.ClientSession) -> None:
    pd = PagerDutySink("pd", routing_key=fake_pagerduty.routing_key,
                       events_url=fake_pagerduty.events_url)
    out = await pd.send(session, pd.format(resolve_of(make_alert())), timeout=2)
    assert out.verdict is Verdict.OK
    assert fake_pagerduty.incidents == {} and len(fake_pagerduty.dropped) == 1


async def test_same_dedup_key_other_routing_key_is_another_incident(
        make_fake_pagerduty: MakePD, session: aiohttp.ClientSession) -> None:
    other = "a" * 32
    fake = await make_fake_pagerduty(routing_keys={other})
    one = PagerDutySink("one", routing_key=fake.routing_key, events_url=fake.events_url)
    two = PagerDutySink("two", routing_key=other, events_url=fake.events_url)
    alert = make_alert()
    await one.send(session, one.format(alert), timeout=2)
    await two.send(session, two.format(resolve_of(alert)), timeout=2)
    assert fake.incident(alert.fingerprint) is not None
    assert fake.incident(alert.fingerprint).status == "triggered"  # type: ignore[union-attr]
    assert len(fake.dropped) == 1
    unknown = PagerDutySink("x", routing_key="b" * 32, events_url=fake.events_url)
    out = await unknown.send(session, unknown.format(alert), timeout=2)
    assert out == Outcome(Verdict.PERMANENT, "invalid_event", status=400)
    assert fake.rejected[-1].errors == ("Invalid routing key",)


async def test_http_answers_follow_pagerduty(fake_pagerduty: FakePagerDuty,
                                             session: aiohttp.ClientSession) -> None:
    url = fake_pagerduty.events_url
    key = fake_pagerduty.routing_key
    async with session.post(url, data=b"{nope") as resp:
        assert resp.status == 400
        assert await resp.json() == {"status": "Unrecognized object",
                                     "message": "Event object format is unrecognized",
                                     "errors": ["JSON parse error"]}
    async with session.post(url, json=with_payload(summary="s" * 1025, routing_key=key)
                            ) as resp:
        answer = await resp.json()
        assert resp.status == 400 and answer["status"] == "invalid event"
        assert answer["message"] == "Event object is invalid"
        assert answer["errors"] == ["'summary' is too long (maximum is 1024 characters)"]
    no_key = {k: v for k, v in event(routing_key=key).items() if k != "dedup_key"}
    async with session.post(url, json=no_key) as resp:
        answer = await resp.json()
        assert resp.status == 202 and answer["status"] == "success"
        assert len(answer["dedup_key"]) == 32  # generated, and always returned
    async with session.post(url, data=b'{"x": "' + b"a" * (512 * 1024) + b'"}') as resp:
        assert resp.status == 400
    assert [r.reason for r in fake_pagerduty.rejected] == [
        "Unrecognized object", "invalid event", "invalid event"]


async def test_rate_limit_per_routing_key_over_a_minute(make_fake_pagerduty: MakePD,
                                                        session: aiohttp.ClientSession) -> None:
    clock = ManualClock()
    fake = await make_fake_pagerduty(rate_per_minute=3, clock=clock)
    pd = PagerDutySink("pd", routing_key=fake.routing_key, events_url=fake.events_url)
    body = pd.format(make_alert())
    outs = [await pd.send(session, body, timeout=2) for _ in range(4)]
    assert [o.verdict for o in outs] == [Verdict.OK] * 3 + [Verdict.RETRY]
    assert outs[3] == Outcome(Verdict.RETRY, "rate_limited", None, 429)
    assert fake.rate_limited == 1 and len(fake.received) == 3
    clock.advance(30)
    assert (await pd.send(session, body, timeout=2)).verdict is Verdict.RETRY
    clock.advance(30.001)
    assert (await pd.send(session, body, timeout=2)).verdict is Verdict.OK


async def test_rate_limit_retry_after_header_when_asked(make_fake_pagerduty: MakePD,
                                                        session: aiohttp.ClientSession) -> None:
    fake = await make_fake_pagerduty(rate_per_minute=1, retry_after=30, clock=ManualClock())
    pd = PagerDutySink("pd", routing_key=fake.routing_key, events_url=fake.events_url)
    body = pd.format(make_alert())
    await pd.send(session, body, timeout=2)
    assert (await pd.send(session, body, timeout=2)).retry_after == 30.0


async def test_failure_injection(fake_pagerduty: FakePagerDuty,
                                 session: aiohttp.ClientSession) -> None:
    pd = PagerDutySink("pd", routing_key=fake_pagerduty.routing_key,
                       events_url=fake_pagerduty.events_url)
    body = pd.format(make_alert())
    fake_pagerduty.fail_next(1, status=500)
    fake_pagerduty.fail_next(1, status=429, retry_after=7)
    fake_pagerduty.hang_next(1, seconds=5)
    outs = [await pd.send(session, body, timeout=0.3) for _ in range(4)]
    assert [(o.verdict, o.reason) for o in outs] == [
        (Verdict.RETRY, "http_500"), (Verdict.RETRY, "rate_limited"),
        (Verdict.RETRY, "timeout"), (Verdict.OK, "")]
    assert outs[1].retry_after == 7.0
    assert fake_pagerduty.injected == [500, 429] and fake_pagerduty.hung == 1
    assert len(fake_pagerduty.received) == 1
