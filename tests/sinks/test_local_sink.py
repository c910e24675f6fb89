"""The local sink (`python -m relay.fakes`): both strict fakes on one port, each keeping its
own limits and failure injection, and a page/JSON of what they got, newest first, bounded."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from structlog.testing import capture_logs

from relay.fakes import FakePagerDuty, FakeSlack, ManualClock
from relay.fakes.__main__ import main
from relay.fakes.local_sink import LocalSink, log_handled

HOOK = "/services/T0TEST/B0TEST/sinksecret"
KEY = "abcdefghij0123456789ABCDEFGHIJkl"


def trigger(summary: str = "DB down", key: str = KEY) -> dict[str, Any]:
    return {"routing_key": key, "event_action": "trigger", "dedup_key": summary,
            "payload": {"summary": summary, "source": "billing", "severity": "critical"}}


@pytest.fixture
def clock() -> ManualClock:
    return ManualClock()


@pytest.fixture
async def sink(clock: ManualClock) -> AsyncIterator[LocalSink]:
    local = LocalSink(
        FakeSlack(clock=clock, burst=3, webhook_path=HOOK),
        FakePagerDuty(clock=clock, rate_per_minute=2, routing_key=KEY, routing_keys=()),
        keep=50,
    )
    await local.start()
    yield local
    await local.close()


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def post(http: aiohttp.ClientSession, url: str, body: Any) -> int:
    async with http.post(url, json=body) as response:
        await response.read()
        return response.status


async def test_one_port_serves_both_fakes_each_with_its_own_rate_limit(
    sink: LocalSink, http: aiohttp.ClientSession, clock: ManualClock
) -> None:
    hook, events = sink.base_url + HOOK, sink.base_url + "/v2/enqueue"
    assert sink.slack.webhook_url == hook and sink.pagerduty.events_url == events
    assert [await post(http, hook, {"text": f"m{i}"}) for i in range(4)] == [200] * 3 + [429]
    assert [await post(http, events, trigger(f"e{i}")) for i in range(3)] == [202, 202, 429]
    clock.advance(1.0)
    assert await post(http, hook, {"text": "later"}) == 200

    got = sink.snapshot()
    assert got["counts"] == {"slack": 4, "pagerduty": 2, "rejected": 2, "rate_limited": 2}
    assert [(r["receiver"], r["verdict"], r["status"], r["reason"]) for r in got["rejected"]] == [
        ("pagerduty", "rate_limited", 429, "throttle event"),
        ("slack", "rate_limited", 429, "rate_limited"),
    ]
    assert [m["summary"] for m in got["slack"]] == ["later", "m2", "m1", "m0"]


async def test_failure_injection_stays_with_its_own_fake(
    sink: LocalSink, http: aiohttp.ClientSession
) -> None:
    sink.slack.fail_next(1, status=503)
    assert await post(http, sink.base_url + "/v2/enqueue", trigger()) == 202
    assert await post(http, sink.base_url + HOOK, {"text": "a"}) == 503
    assert await post(http, sink.base_url + HOOK, {"text": "a"}) == 200
    assert sink.pagerduty.injected == [] and sink.slack.injected == [503]
    (injected,) = sink.snapshot()["rejected"]
    assert (injected["receiver"], injected["verdict"]) == ("slack", "injected")


async def test_only_the_configured_webhook_and_routing_key_exist(
    sink: LocalSink, http: aiohttp.ClientSession
) -> None:
    assert await post(http, sink.base_url + "/services/T0TEST/B0TEST/other", {"text": "a"}) == 404
    other_key = "Z" * 32
    assert await post(http, sink.base_url + "/v2/enqueue", trigger(key=other_key)) == 400
    reasons = [(r["reason"], r["errors"]) for r in sink.snapshot()["rejected"]]
    assert reasons == [("invalid event", ["Invalid routing key"]), ("no_service", [])]


async def test_refusals_say_why_and_the_page_escapes_what_it_shows(
    sink: LocalSink, http: aiohttp.ClientSession
) -> None:
    assert await post(http, sink.base_url + HOOK, {"text": "<!channel> wake up"}) == 400
    hostile = "<script>alert(1)</script>"
    assert await post(http, sink.base_url + "/v2/enqueue", trigger(hostile)) == 202

    (refused,) = sink.snapshot()["rejected"]
    assert refused["reason"] == "invalid_payload"
    assert refused["errors"] == ["control_sequence [json-pointer:/text]"]
    async with http.get(sink.base_url + "/") as response:
        assert response.content_type == "text/html"
        page = await response.text()
    assert hostile not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "control_sequence" in page and "http-equiv='refresh'" in page
    assert refused["path"] == "/services/T0TEST/B0TEST/…"
    assert "sinksecret" not in page, "the page masks the webhook secret"


async def test_keep_bounds_the_page_and_the_fakes_records(http: aiohttp.ClientSession) -> None:
    local = LocalSink(FakeSlack(rate=None), FakePagerDuty(rate_per_minute=None), keep=2)
    await local.start()
    try:
        for text in ("one", "two", "three"):
            assert await post(http, local.slack.webhook_url, {"text": text}) == 200
        async with http.get(local.base_url + "/received.json") as response:
            got = await response.json()
    finally:
        await local.close()
    assert [m["summary"] for m in got["slack"]] == ["three", "two"]
    assert [b["text"] for b in local.slack.received] == ["two", "three"]
    assert len(local.slack.requests) == len(local.slack.messages) == 2


def test_log_lines_mask_the_webhook_secret_and_routing_key() -> None:
    from relay.fakes.server import Handled

    with capture_logs() as logs:
        log_handled(Handled("slack", "accepted", HOOK, 200, target=HOOK, body={"text": "x"}))
        log_handled(Handled("pagerduty", "rate_limited", "/v2/enqueue", 429, target=KEY,
                            reason="throttle event"))
    assert [e["event"] for e in logs] == ["sink.accepted", "sink.rate_limited"]
    assert "sinksecret" not in repr(logs) and KEY not in repr(logs)
    assert "x" not in [v for e in logs for v in e.values()], "no message content in logs"


@pytest.mark.parametrize("argv", [
    ["--routing-key", "too-short"],
    ["--routing-key", "abcdefghij0123456789ABCDEFGHIJk!"],
    ["--webhook-path", "/hooks/x"],
    ["--slack-burst", "0"],
    ["--keep", "0"],
])
def test_unacceptable_arguments_exit_2_before_serving(argv: list[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(argv)
    assert exited.value.code == 2
