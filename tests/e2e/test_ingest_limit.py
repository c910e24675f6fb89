"""The ingest limit on a real port: 429 problem+json with Retry-After past a caller's burst,
counted per alert, per caller, after authentication and before anything is stored.

Relay runs on a clock the test holds still and moves, so "after waiting" is exact.
"""

from __future__ import annotations

import json
import re
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from relay.fakes import FakePagerDuty, FakeSlack
from tests.e2e.harness import (
    TOKEN,
    RunningRelay,
    env_for,
    fixture_bytes,
    start_relay,
)

OTHER = "e2e-other-token-0123456789abcdef"
#: PHI-like and a plain unique word (the scrubber keeps it): the refused alert must reach no
#: response, log or byte on disk
CANARY = "Patient Zebulon Quaxley MRN 48213377 invoice qzxvw refused"


class Clock:
    def __init__(self) -> None:
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def limited(tmp_path: Path, fakes: tuple[FakeSlack, FakePagerDuty]
                  ) -> AsyncIterator[tuple[RunningRelay, Clock]]:
    """Relay with a tiny limit: 3 alerts at once per caller, then one a second."""
    slack, pd = fakes
    clock = Clock()
    r = await start_relay(env_for(tmp_path, slack, pd, RELAY_INGEST_RATE="1",
                                  RELAY_INGEST_BURST="3", RELAY_SLACK_RATE_PER_SECOND="200",
                                  RELAY_API_TOKENS=f"e2e:{TOKEN},other:{OTHER}"), clock)
    yield r, clock
    await r.stop()


def alert(title: str) -> dict[str, str]:
    return {"title": title, "severity": "warning", "service": "claims"}


async def post_raw(relay: RunningRelay, body: Any, token: str = TOKEN
                   ) -> tuple[int, dict[str, str], str]:
    headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}
    async with relay.session.post(relay.url + "/api/alerts", data=json.dumps(body),
                                  headers=headers) as resp:
        return resp.status, dict(resp.headers), await resp.text()


async def rejected_count(relay: RunningRelay) -> float:
    _, text = await relay.get("/metrics")
    m = re.search(r'^relay_ingest_rejected_total\{reason="rate_limited"\} (\S+)$', text, re.M)
    return float(m.group(1)) if m else 0.0


def events(relay: RunningRelay, name: str) -> list[dict[str, Any]]:
    lines = (json.loads(line) for line in relay.logs.getvalue().splitlines() if line.strip())
    return [e for e in lines if e.get("event") == name]


async def test_past_the_burst_a_caller_gets_429_then_is_accepted_after_retry_after(
    limited: tuple[RunningRelay, Clock],
) -> None:
    relay, clock = limited
    before = await rejected_count(relay)
    for i in range(3):
        assert (await post_raw(relay, alert(f"Claims export {chr(97 + i)} failed")))[0] == 202

    status, headers, text = await post_raw(relay, alert(CANARY))
    assert status == 429
    assert headers["Retry-After"] == "1"
    assert headers["Content-Type"].startswith("application/problem+json")
    problem = json.loads(text)
    assert problem["status"] == 429 and problem["type"].endswith("/rate_limited")
    assert "retry after 1 s" in problem["detail"]
    assert all(word not in text for word in ("Zebulon", "48213377", "qzxvw", "claims"))

    # named, counted, logged with the caller's service, never its token
    assert await rejected_count(relay) == before + 1
    [event] = events(relay, "ingest.rate_limited")
    assert (event["caller"], event["alerts"], event["retry_after"]) == ("service:e2e", 1, 1)
    assert TOKEN not in relay.logs.getvalue()
    # refused before the pipeline: nothing of it was stored or logged (accepted ones are)
    stored = relay.stored_bytes()
    assert b"Claims export a failed" in stored and b"qzxvw" not in stored
    assert "qzxvw" not in relay.logs.getvalue()

    clock.now += 1.0  # exactly the Retry-After
    assert (await post_raw(relay, alert("Claims export d failed")))[0] == 202
    assert (await post_raw(relay, alert("Claims export e failed")))[0] == 429


async def test_an_array_counts_each_alert(limited: tuple[RunningRelay, Clock]) -> None:
    relay, _ = limited
    pair = [alert("Eligibility check a failed"), alert("Eligibility check b failed")]
    assert (await post_raw(relay, pair))[0] == 202  # 2 of 3
    status, headers, _ = await post_raw(relay, pair)  # 2 asked, 1 left: refused whole
    assert status == 429 and headers["Retry-After"] == "1"
    assert (await post_raw(relay, alert("Eligibility check c failed")))[0] == 202


async def test_other_callers_are_unaffected_and_credentials_come_first(
    limited: tuple[RunningRelay, Clock],
) -> None:
    relay, _ = limited
    assert (await post_raw(relay, [alert(f"Queue lag {c}") for c in "abc"]))[0] == 202
    assert (await post_raw(relay, alert("Queue lag d")))[0] == 429
    # another service, the Sentry webhook and Alertmanager each have their own bucket
    assert (await post_raw(relay, alert("Queue lag d"), token=OTHER))[0] == 202
    status, _ = await relay.sentry_webhook("issue", fixture_bytes("issue.created.json"))
    assert status == 202
    am = json.loads(fixture_bytes("alertmanager.firing.json"))
    assert (await relay.post("/api/webhooks/alertmanager", am))[0] == 202
    # an unauthenticated request is still a 401, whatever the bucket holds
    assert (await post_raw(relay, alert("Queue lag e"), token="not-a-token-0123456789"))[0] == 401
