"""PHI canaries: known PHI in every field of real payloads, hunted for in every sink.

The sinks searched: Slack and PagerDuty bodies, every log line, every byte Relay stored,
every HTTP response, and every envelope Relay's own sentry-sdk would have sent.
"""

from __future__ import annotations

import asyncio
import json
import re
import time
from typing import Any

import pytest

from tests.e2e.harness import LEGACY, RESOURCES, TOKEN, RunningRelay, eventually, fixture_bytes
from tests.fakes import FakePagerDuty, FakeSlack

CANARY = ("Patient Zebulon Quackenbush DOB 04/12/1987 SSN 123-45-6789 phone (415) 555-0134 "
          "email zebulon.q@example.com MRN 00123456")
NEEDLES = ("Zebulon", "Quackenbush", "04/12/1987", "123-45-6789", "123456789", "555-0134",
           "4155550134", "zebulon.q@example.com", "00123456")
CANARY_URL = "https://portal.example.com/patients/00123456?name=Zebulon+Quackenbush&dob=04/12/1987"

#: values that steer parsing; everything else gets the canary
STRUCTURAL = frozenset({"action", "level", "status", "substatus", "resolution_type", "type", "id"})


def salt(obj: Any, key: str = "") -> Any:
    """Append the canary to every string leaf except the few that steer parsing."""
    if isinstance(obj, dict):
        return {k: salt(v, k) for k, v in obj.items()}
    if isinstance(obj, list):
        return [salt(v, key) for v in obj]
    if isinstance(obj, str) and key not in STRUCTURAL:
        if obj.startswith("http"):
            return CANARY_URL
        return f"{obj} {CANARY}"
    return obj


def leaks(text: str) -> list[str]:
    return [n for n in NEEDLES if re.search(rf"(?<![A-Za-z0-9]){re.escape(n)}(?![A-Za-z0-9])",
                                            text, re.IGNORECASE)]


def assert_nothing_leaked(relay: RunningRelay, slack: FakeSlack, pd: FakePagerDuty) -> None:
    sinks = {
        "slack": json.dumps(slack.received),
        "pagerduty": json.dumps(pd.received),
        "logs": relay.logs.getvalue(),
        "stored": relay.stored_bytes().decode("utf-8", "replace"),
        "responses": "\n".join(relay.responses),
        "sentry": relay.sentry.dump(),
    }
    found = {name: leaks(text) for name, text in sinks.items()}
    assert all(not v for v in found.values()), found
    assert sinks["logs"], "the relay logged nothing: the log check would prove nothing"


async def settle(relay: RunningRelay, seconds: float = 10.0) -> None:
    """Wait until every accepted delivery has left the outbox."""
    rt = relay.runtime
    deadline = time.monotonic() + seconds
    while sum(s.pending for s in await rt.outbox.stats(rt.clock())):
        assert time.monotonic() < deadline, "deliveries still pending"
        await asyncio.sleep(0.02)


@pytest.mark.parametrize("name", sorted(RESOURCES))
async def test_canaries_in_every_sentry_field_never_leave(
    relay: RunningRelay, fakes: tuple[FakeSlack, FakePagerDuty], name: str
) -> None:
    slack, pd = fakes
    body = json.dumps(salt(json.loads(fixture_bytes(name))), separators=(",", ":")).encode()
    status, _ = await relay.sentry_webhook(RESOURCES[name], body)
    assert status in (200, 202, 422)  # a salted issue id is no longer an id
    await settle(relay)
    assert_nothing_leaked(relay, slack, pd)


@pytest.mark.parametrize("name", LEGACY)
async def test_canaries_in_legacy_plugin_payloads_never_leave(
    relay: RunningRelay, fakes: tuple[FakeSlack, FakePagerDuty], name: str
) -> None:
    slack, pd = fakes
    body = json.dumps(salt(json.loads(fixture_bytes(name)))).encode()
    status, _ = await relay.post(f"/api/webhooks/sentry?token={TOKEN}", body, token=None)
    assert status == 202
    await settle(relay)
    assert slack.received, ("nothing was delivered: the leak check would prove nothing",
                            slack.rejected, relay.logs.getvalue()[-3000:])
    assert_nothing_leaked(relay, slack, pd)


async def test_canaries_in_every_direct_alert_field_never_leave(
    relay: RunningRelay, fakes: tuple[FakeSlack, FakePagerDuty]
) -> None:
    slack, pd = fakes
    for severity in ("critical", "warning", "info"):
        alert = {
            "title": f"Export failed: {CANARY}", "severity": severity,
            "service": f"billing {CANARY}"[:100], "environment": f"prod {CANARY}"[:64],
            "message": CANARY * 3, "dedup_key": f"{severity}-{CANARY}"[:255],
            "correlation_id": "Zebulon-Quackenbush-00123456", "user_id": "zebulon.q@example.com",
            "link": CANARY_URL, "timestamp": "2026-11-29T10:00:00Z",
            "tags": {"patient": CANARY[:190], "team": "Quackenbush"},
            "details": {"dob": "04/12/1987", "note": CANARY},
        }
        status, body = await relay.post("/api/alerts", alert)
        assert status == 202, body
        resolve = dict(alert, action="resolve")
        assert (await relay.post("/api/alerts", resolve))[0] == 202
    await eventually(lambda: len(pd.received) >= 2)
    await settle(relay)
    assert len(slack.received) >= 3
    assert_nothing_leaked(relay, slack, pd)


async def test_rejected_requests_never_echo_canaries(
    relay: RunningRelay, fakes: tuple[FakeSlack, FakePagerDuty]
) -> None:
    slack, pd = fakes
    bad: list[tuple[bytes | Any, dict[str, Any]]] = [
        ({"title": CANARY * 5, "severity": "critical", "service": "x"}, {}),  # too long
        ({"title": "t", "severity": CANARY, "service": "x"}, {}),  # unknown severity
        ({"title": "t", "severity": "info", "service": "x", "link": CANARY}, {}),
        ([{"title": CANARY, "severity": "info", "service": "x"}] * 101, {}),
        (CANARY.encode(), {}),  # not JSON
        (("[" * 100 + json.dumps(CANARY)).encode(), {}),  # deep
        ({"title": CANARY}, {"content_type": "text/plain"}),
        ({"title": CANARY}, {"token": CANARY}),
    ]
    for body, kw in bad:
        status, _ = await relay.post("/api/alerts", body, **kw)
        assert 400 <= status < 500
    status, _ = await relay.sentry_webhook("issue", CANARY.encode())
    assert status == 400
    status, _ = await relay.sentry_webhook("issue", b"{}", secret=CANARY)
    assert status == 401
    assert_nothing_leaked(relay, slack, pd)
