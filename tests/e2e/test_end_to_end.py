"""Relay end to end on a real port: Sentry fixtures and direct alerts into strict fakes."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.harness import (
    LEGACY,
    RESOURCES,
    TOKEN,
    RunningRelay,
    env_for,
    eventually,
    fixture_bytes,
    start_relay,
)
from tests.fakes import FakePagerDuty, FakeSlack

MakeSlack = Callable[..., Awaitable[FakeSlack]]


def direct(**kw: Any) -> dict[str, Any]:
    body: dict[str, Any] = {"title": "Claims export failed", "severity": "warning",
                            "service": "billing"}
    body.update(kw)
    return body


async def test_direct_critical_reaches_slack_and_pagerduty_then_resolves(
    relay: RunningRelay, fakes: tuple[FakeSlack, FakePagerDuty]
) -> None:
    slack, pd = fakes
    status, body = await relay.post("/api/alerts", direct(severity="CRITICAL",
                                                         dedup_key="billing-export"))
    assert status == 202 and body["status"] == "accepted" and body["dedup_key"]
    await eventually(lambda: len(pd.received) == 1 and len(slack.received) == 1)
    assert pd.received[0]["event_action"] == "trigger"
    assert pd.incident(body["dedup_key"]) is not None
    assert "Claims export failed" in json.dumps(slack.received[0])

    status, res = await relay.post("/api/alerts", direct(severity="critical",
                                                        dedup_key="billing-export",
                                                        action="resolve"))
    assert status == 202 and res["status"] == "accepted"
    await eventually(lambda: len(pd.received) == 2)
    assert pd.received[1]["event_action"] == "resolve"
    assert pd.open_incidents() == []


async def test_warning_goes_to_slack_only(
    relay: RunningRelay, fakes: tuple[FakeSlack, FakePagerDuty]
) -> None:
    slack, pd = fakes
    status, _ = await relay.post("/api/alerts", direct())
    assert status == 202
    await eventually(lambda: len(slack.received) == 1)
    assert pd.received == []


async def test_repeats_are_counted_and_the_next_message_says_so(
    tmp_path: Path, fakes: tuple[FakeSlack, FakePagerDuty]
) -> None:
    slack, pd = fakes
    now = [1_000.0]
    r = await start_relay(env_for(tmp_path, slack, pd, RELAY_SLACK_RATE_PER_SECOND="200",
                                  RELAY_DEDUP_WINDOW_SECONDS="60"), clock=lambda: now[0])
    try:
        statuses = [(await r.post("/api/alerts", direct(title=f"Timeout after {ms} ms")))[1]
                    ["status"] for ms in (30, 31, 32, 33)]
        assert statuses == ["accepted", "duplicate", "duplicate", "duplicate"]
        now[0] += 61
        _, res = await r.post("/api/alerts", direct(title="Timeout after 99 ms"))
        assert res["status"] == "accepted"
        await eventually(lambda: len(slack.received) == 2)
        latest = json.dumps(slack.received[-1])
        assert "Occurrences" in latest and "4" in latest
        # a higher severity passes the window at once
        _, res = await r.post("/api/alerts", direct(title="Timeout after 1 ms",
                                                    severity="critical"))
        assert res["status"] == "accepted"
    finally:
        await r.stop()


async def test_batch_of_alerts(relay: RunningRelay) -> None:
    batch = [direct(title=f"Job {i} failed", dedup_key=f"job-{i}") for i in range(100)]
    status, body = await relay.post("/api/alerts", batch)
    assert status == 202 and body["accepted"] == 100 and len(body["results"]) == 100


@pytest.mark.parametrize("name", sorted(RESOURCES))
async def test_every_sentry_fixture_signed_and_sent(relay: RunningRelay, name: str) -> None:
    status, body = await relay.sentry_webhook(RESOURCES[name], fixture_bytes(name))
    if name.startswith(("installation", "comment")):
        assert (status, body) == (200, {"status": "ignored"})
    else:
        assert status == 202, body
        results = body.get("results", [body])
        assert all(r["status"] in {"accepted", "duplicate"} for r in results)


@pytest.mark.parametrize("name", LEGACY)
async def test_legacy_plugin_with_token(relay: RunningRelay, name: str) -> None:
    status, _ = await relay.post(f"/api/webhooks/sentry?token={TOKEN}", fixture_bytes(name),
                                 token=None)
    assert status == 202
    status, body = await relay.post("/api/webhooks/sentry?token=wrong-token-000000",
                                    fixture_bytes(name), token=None)
    assert status == 401 and body["status"] == 401


async def test_sentry_issue_lifecycle_closes_the_pagerduty_incident(
    relay: RunningRelay, fakes: tuple[FakeSlack, FakePagerDuty]
) -> None:
    _, pd = fakes
    created = json.loads(fixture_bytes("issue.created.json"))
    created["data"]["issue"]["level"] = "fatal"  # → critical → PagerDuty
    status, _ = await relay.sentry_webhook("issue", json.dumps(created).encode())
    assert status == 202
    await eventually(lambda: len(pd.received) == 1)
    key = pd.received[0]["dedup_key"]
    assert pd.incident(key) is not None
    resolved = json.loads(fixture_bytes("issue.created.json"))
    resolved["action"] = "resolved"
    status, _ = await relay.sentry_webhook("issue", json.dumps(resolved).encode())
    assert status == 202
    await eventually(lambda: len(pd.received) == 2)
    assert pd.received[1] == {"routing_key": pd.routing_key, "event_action": "resolve",
                              "dedup_key": key}
    assert pd.open_incidents() == []


async def test_metric_alert_critical_then_resolved(
    relay: RunningRelay, fakes: tuple[FakeSlack, FakePagerDuty]
) -> None:
    _, pd = fakes
    assert (await relay.sentry_webhook("metric_alert",
                                       fixture_bytes("metric_alert.critical.json")))[0] == 202
    await eventually(lambda: len(pd.received) == 1)
    assert (await relay.sentry_webhook("metric_alert",
                                       fixture_bytes("metric_alert.resolved.json")))[0] == 202
    await eventually(lambda: len(pd.received) == 2)
    assert pd.received[1]["event_action"] == "resolve"
    assert pd.received[0]["dedup_key"] == pd.received[1]["dedup_key"]
    assert pd.open_incidents() == []


async def test_health_metrics_and_readiness(relay: RunningRelay,
                                            fakes: tuple[FakeSlack, FakePagerDuty]) -> None:
    slack, _ = fakes
    await relay.post("/api/alerts", direct())
    await eventually(lambda: len(slack.received) == 1)
    assert (await relay.get("/healthz"))[0] == 200
    status, ready = await relay.get("/readyz")
    assert status == 200 and ready["outbox"] == "sqlite"
    status, health = await relay.get("/api/health/error-tracking")
    assert status == 200
    assert health["outbox"]["backend"] == "sqlite"
    assert health["receivers"]["slack-warning"]["configured"] is True
    assert health["sentry"]["initialised"] is True
    text = json.dumps(health)
    assert TOKEN not in text and "hooks" not in text and "routing_key" not in text
    status, metrics = await relay.get("/metrics")
    assert status == 200
    assert 'relay_alerts_received_total{source="direct"}' in metrics
    assert "relay_deliveries_total" in metrics


async def test_test_endpoints(relay: RunningRelay, fakes: tuple[FakeSlack, FakePagerDuty]) -> None:
    slack, pd = fakes
    assert (await relay.post("/api/test/alert", b"", token=None))[0] == 401
    status, body = await relay.post("/api/test/alert?severity=critical", b"")
    assert status == 202 and set(body["receivers"]) == {"slack-critical", "pagerduty"}
    await eventually(lambda: len(pd.received) == 1 and len(slack.received) == 1)
    status, body = await relay.post("/api/test/sentry-error", b"")
    assert status == 200 and body["captured"] is True
    assert "RelayTestError" in relay.sentry.dump()
    status, body = await relay.post("/api/test/error-with-alert", b"")
    assert status == 202 and body["captured"] is True
    assert body["correlation_id"] in relay.sentry.dump()


async def test_test_endpoints_are_404_when_disabled(
    tmp_path: Path, fakes: tuple[FakeSlack, FakePagerDuty]
) -> None:
    r = await start_relay(env_for(tmp_path, *fakes, RELAY_ENABLE_TEST_ENDPOINTS="false"))
    try:
        for path in ("/api/test/alert", "/api/test/sentry-error", "/api/test/error-with-alert"):
            status, body = await r.post(path, b"")
            assert status == 404 and body["status"] == 404
    finally:
        await r.stop()


async def test_accepted_alerts_survive_a_receiver_outage_and_a_restart(
    tmp_path: Path, make_fake_slack: MakeSlack
) -> None:
    slack = await make_fake_slack(rate=None)
    slack.fail_next(4, status=503)
    env = env_for(tmp_path, slack, None, RELAY_SLACK_RATE_PER_SECOND="200")
    r = await start_relay(env)
    for i in range(5):
        assert (await r.post("/api/alerts", direct(title=f"Disk {i} full",
                                                   dedup_key=f"d{i}")))[0] == 202
    await eventually(lambda: len(slack.injected) >= 1)  # the receiver is failing
    await r.stop()
    assert len(slack.received) < 5
    r = await start_relay(env)
    try:
        await eventually(lambda: len(slack.received) == 5, seconds=15)
    finally:
        await r.stop()


@pytest.mark.parametrize(("body", "kw", "status"), [
    (b"\xff\xfe\x00{", {}, 400),
    (b"", {}, 400),
    (b"{", {}, 400),
    (b"[" * 200 + b"]" * 200, {}, 400),
    (b'{"title": "t"}', {"content_type": "text/plain"}, 415),
    (b'{"title": "t"}', {"token": None}, 401),
    (b'{"title": "t"}', {"token": "not-a-token-at-all"}, 401),
    (json.dumps({"title": "x" * 501, "severity": "info", "service": "s"}).encode(), {}, 422),
    (json.dumps({"title": "t", "severity": "urgent", "service": "s"}).encode(), {}, 422),
    (json.dumps([direct()] * 101).encode(), {}, 422),
    (b"[]", {}, 422),
    (b"42", {}, 422),
])
async def test_bad_input_gets_a_clear_4xx_problem(relay: RunningRelay, body: bytes,
                                                  kw: dict[str, Any], status: int) -> None:
    got, problem = await relay.post("/api/alerts", body, **kw)
    assert got == status
    assert problem["status"] == status and problem["title"] and problem["type"]
    if status == 422:
        assert problem["errors"] and all({"loc", "msg"} <= set(e) for e in problem["errors"])


async def test_bodies_over_the_limit_get_413(tmp_path: Path,
                                            fakes: tuple[FakeSlack, FakePagerDuty]) -> None:
    r = await start_relay(env_for(tmp_path, *fakes, RELAY_MAX_BODY_BYTES="4096"))
    try:
        big = json.dumps(direct(message="x" * 5000)).encode()
        assert (await r.post("/api/alerts", big))[0] == 413
        status, _ = await r.sentry_webhook("issue", b'{"a": "' + b"x" * 5000 + b'"}')
        assert status == 413
    finally:
        await r.stop()


async def test_no_input_produces_a_500(relay: RunningRelay) -> None:
    """Bounded fuzz over every ingest endpoint with hostile shapes."""
    import random

    rng = random.Random(7)
    leaves: list[Any] = [None, True, 0, -1, 1e308, "", "x" * 600, "\ud800", [], {}, "CRITICAL"]
    shapes: list[Any] = [
        {"title": rng.choice(leaves), "severity": rng.choice(leaves),
         "service": rng.choice(leaves), "tags": rng.choice(leaves),
         "link": rng.choice(leaves), "timestamp": rng.choice(leaves)}
        for _ in range(40)
    ]
    shapes += [{"data": rng.choice(leaves), "action": rng.choice(leaves)} for _ in range(20)]
    shapes += [{"alerts": [{"labels": rng.choice(leaves), "status": rng.choice(leaves)}]}
               for _ in range(20)]
    for shape in shapes:
        raw = json.dumps(shape).encode()
        for path in ("/api/alerts", "/api/webhooks/alertmanager",
                     f"/api/webhooks/sentry?token={TOKEN}"):
            status, _ = await relay.post(path, raw)
            assert status < 500, (path, shape)
        status, _ = await relay.sentry_webhook(rng.choice(["issue", "error", "event_alert",
                                                           "metric_alert", None]), raw)
        assert status < 500, shape
    assert "http.internal_error" not in relay.logs.getvalue()
