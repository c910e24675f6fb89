"""Reading receivers' answers (pure `classify`) and sending (`send`, mocked with aioresponses).

Every case is taken from FACTS.md: what Slack's webhook and Web API and PagerDuty's Events
API answer, and which answers mean "retry" versus "never".
"""

from __future__ import annotations

import json
import socket
from email.utils import formatdate
from typing import Any

import aiohttp
import pytest
from aioresponses import aioresponses

from relay.sinks.base import Outcome, Verdict
from relay.sinks.http import parse_retry_after, short_code
from relay.sinks.pagerduty import PagerDutySink
from relay.sinks.slack import SlackSink
from tests.sinks.conftest import make_alert

HOOK = "https://hooks.slack.com/services/T1/B1/secret"
API = "https://slack.example/api"
PD_URL = "https://events.pagerduty.example/v2/enqueue"
KEY = "R" * 32
NOW = 1_714_564_800.0

webhook = SlackSink("hook", webhook_url=HOOK)
bot = SlackSink("bot", bot_token="xoxb-1", channel="C123", api_url=API)
pagerduty = PagerDutySink("pd", routing_key=KEY, events_url=PD_URL)


def j(doc: dict[str, Any]) -> bytes:
    return json.dumps(doc).encode()


# -- Retry-After ----------------------------------------------------------------------------


def test_retry_after_seconds_date_and_garbage() -> None:
    assert parse_retry_after({"Retry-After": "30"}) == 30.0
    assert parse_retry_after({"retry-after": " 2 "}) == 2.0  # any case
    assert parse_retry_after({"Retry-After": "-5"}) == 0.0
    date = formatdate(NOW + 120, usegmt=True)
    assert parse_retry_after({"Retry-After": date}, now=NOW) == 120.0
    # no `now`: measured against the answer's own Date header (the server's clock)
    assert parse_retry_after({"Retry-After": date, "Date": formatdate(NOW + 20, usegmt=True)}
                             ) == 100.0
    assert parse_retry_after({"Retry-After": formatdate(NOW - 60, usegmt=True)}, now=NOW) == 0
    for junk in ("soon", "", "nan", "inf", "Thu, 99 Foo"):
        assert parse_retry_after({"Retry-After": junk}, now=NOW) is None
    assert parse_retry_after({}) is None


def test_short_codes_refuse_anything_that_is_not_a_code() -> None:
    assert short_code("invalid event") == "invalid_event"
    assert short_code("channel_not_found") == "channel_not_found"
    assert short_code("Patient Jane Doe's record failed: <html>") is None
    assert short_code("x" * 65) is None
    assert short_code(None) is None


# -- Slack classify -------------------------------------------------------------------------


@pytest.mark.parametrize(("sink", "status", "headers", "body", "expected"), [
    (webhook, 200, {}, b"ok", Outcome(Verdict.OK, status=200)),
    (webhook, 200, {}, b"ok\n", Outcome(Verdict.OK, status=200)),
    (webhook, 200, {}, b"<html>", Outcome(Verdict.PERMANENT, "unexpected_response", status=200)),
    (webhook, 429, {"Retry-After": "7"}, j({"retry_after": 1, "ok": False,
                                             "error": "rate_limited"}),
     Outcome(Verdict.RETRY, "rate_limited", 7.0, 429)),
    (webhook, 429, {}, j({"retry_after": 3, "ok": False, "error": "rate_limited"}),
     Outcome(Verdict.RETRY, "rate_limited", 3.0, 429)),
    (webhook, 400, {}, b"invalid_payload", Outcome(Verdict.PERMANENT, "invalid_payload",
                                                   status=400)),
    (webhook, 400, {}, b"invalid_blocks", Outcome(Verdict.PERMANENT, "invalid_blocks",
                                                  status=400)),
    (webhook, 403, {}, b"action_prohibited", Outcome(Verdict.PERMANENT, "action_prohibited",
                                                     status=403)),
    (webhook, 404, {}, b"no_service", Outcome(Verdict.PERMANENT, "no_service", status=404)),
    (webhook, 404, {}, b"channel_not_found",
     Outcome(Verdict.PERMANENT, "channel_not_found", status=404)),
    (webhook, 410, {}, b"channel_is_archived",
     Outcome(Verdict.PERMANENT, "channel_is_archived", status=410)),
    (webhook, 400, {}, b"<html>Bad Request: Patient Jane</html>",
     Outcome(Verdict.PERMANENT, "http_400", status=400)),
    (webhook, 500, {}, b"rollup_error", Outcome(Verdict.RETRY, "rollup_error", status=500)),
    (webhook, 503, {}, b"<html>oops</html>", Outcome(Verdict.RETRY, "http_503", status=503)),
    (webhook, 301, {"Location": "x"}, b"", Outcome(Verdict.PERMANENT, "http_301", status=301)),
    (bot, 200, {}, j({"ok": True, "channel": "C123", "ts": "1.2"}),
     Outcome(Verdict.OK, status=200)),
    (bot, 200, {}, j({"ok": True, "warning": "missing_charset"}),
     Outcome(Verdict.OK, status=200)),
    (bot, 200, {}, j({"ok": False, "error": "channel_not_found"}),
     Outcome(Verdict.PERMANENT, "channel_not_found", status=200)),
    (bot, 200, {}, j({"ok": False, "error": "invalid_auth"}),
     Outcome(Verdict.PERMANENT, "invalid_auth", status=200)),
    (bot, 200, {}, j({"ok": False, "error": "ratelimited"}),
     Outcome(Verdict.RETRY, "ratelimited", status=200)),
    (bot, 200, {"Retry-After": "4"}, j({"ok": False, "error": "rate_limited"}),
     Outcome(Verdict.RETRY, "rate_limited", 4.0, 200)),
    (bot, 200, {}, j({"ok": False, "error": "internal_error"}),
     Outcome(Verdict.RETRY, "internal_error", status=200)),
    (bot, 200, {}, j({"ok": False, "error": "Bad stuff: <content>"}),
     Outcome(Verdict.PERMANENT, "unknown_error", status=200)),
    (bot, 200, {}, b"ok", Outcome(Verdict.PERMANENT, "unexpected_response", status=200)),
    (bot, 200, {}, b"{not json", Outcome(Verdict.PERMANENT, "unexpected_response", status=200)),
    (bot, 429, {"Retry-After": "9"}, b"", Outcome(Verdict.RETRY, "rate_limited", 9.0, 429)),
])
def test_slack_classify(sink: SlackSink, status: int, headers: dict[str, str], body: bytes,
                        expected: Outcome) -> None:
    assert sink.classify(status, headers, body, now=NOW) == expected


def test_slack_429_with_an_http_date() -> None:
    headers = {"Retry-After": formatdate(NOW + 45, usegmt=True)}
    out = webhook.classify(429, headers, b"", now=NOW)
    assert out == Outcome(Verdict.RETRY, "rate_limited", 45.0, 429)


# -- PagerDuty classify ---------------------------------------------------------------------


@pytest.mark.parametrize(("status", "headers", "body", "expected"), [
    (202, {}, j({"status": "success", "message": "Event processed", "dedup_key": "k"}),
     Outcome(Verdict.OK, status=202)),
    (202, {}, j({"status": "queued?"}), Outcome(Verdict.PERMANENT, "unexpected_response",
                                                status=202)),
    (202, {}, b"", Outcome(Verdict.PERMANENT, "unexpected_response", status=202)),
    (400, {}, j({"status": "invalid event", "message": "Event object is invalid",
                 "errors": ["'summary' is too long: Patient Jane Doe…"]}),
     Outcome(Verdict.PERMANENT, "invalid_event", status=400)),
    (400, {}, j({"status": "Unrecognized object", "errors": ["JSON parse error"]}),
     Outcome(Verdict.PERMANENT, "unrecognized_object", status=400)),
    (404, {}, b"Not Found", Outcome(Verdict.PERMANENT, "http_404", status=404)),
    (429, {}, b"", Outcome(Verdict.RETRY, "rate_limited", None, 429)),
    (429, {"Retry-After": "60"}, b"", Outcome(Verdict.RETRY, "rate_limited", 60.0, 429)),
    (500, {}, b"", Outcome(Verdict.RETRY, "http_500", status=500)),
    (503, {"Retry-After": "2"}, b"", Outcome(Verdict.RETRY, "http_503", 2.0, 503)),
])
def test_pagerduty_classify(status: int, headers: dict[str, str], body: bytes,
                            expected: Outcome) -> None:
    assert pagerduty.classify(status, headers, body, now=NOW) == expected


# -- send (aioresponses) --------------------------------------------------------------------


@pytest.fixture
async def session() -> Any:
    async with aiohttp.ClientSession() as s:
        yield s


SEND_CASES: list[tuple[int, dict[str, str], bytes, Verdict, str]] = [
    (429, {"Retry-After": "12"}, b"rate_limited", Verdict.RETRY, "rate_limited"),
    (500, {}, b"rollup_error", Verdict.RETRY, "rollup_error"),
    (503, {}, b"", Verdict.RETRY, "http_503"),
    (400, {}, b"invalid_payload", Verdict.PERMANENT, "invalid_payload"),
    (404, {}, b"no_service", Verdict.PERMANENT, "no_service"),
    (410, {}, b"channel_is_archived", Verdict.PERMANENT, "channel_is_archived"),
    (200, {}, b"ok", Verdict.OK, ""),
]


@pytest.mark.parametrize(("status", "headers", "body", "verdict", "reason"), SEND_CASES)
async def test_webhook_send(mock_http: aioresponses, session: aiohttp.ClientSession, status: int,
                            headers: dict[str, str], body: bytes, verdict: Verdict,
                            reason: str) -> None:
    with mock_http as mock:
        mock.post(HOOK, status=status, headers=headers, body=body)
        out = await webhook.send(session, webhook.format(make_alert()), timeout=2)
        assert (out.verdict, out.reason, out.status) == (verdict, reason, status)
        if status == 429:
            assert out.retry_after == 12.0
        (call,) = next(iter(mock.requests.values()))
        sent = json.loads(call.kwargs["data"])
        assert sent == webhook.format(make_alert())
        assert call.kwargs["headers"]["Content-Type"] == "application/json"
        assert call.kwargs["timeout"].total == 2


async def test_webhook_429_with_http_date_retry_after(
        mock_http: aioresponses, session: aiohttp.ClientSession) -> None:
    date = formatdate(NOW + 90, usegmt=True)
    with mock_http as mock:
        mock.post(HOOK, status=429, headers={"Retry-After": date,
                                             "Date": formatdate(NOW, usegmt=True)})
        out = await webhook.send(session, {"text": "x"}, timeout=2)
    assert out == Outcome(Verdict.RETRY, "rate_limited", 90.0, 429)


async def test_bot_send_uses_bearer_and_charset_and_reads_ok_false(
        mock_http: aioresponses, session: aiohttp.ClientSession) -> None:
    with mock_http as mock:
        mock.post(API + "/chat.postMessage", status=200,
                  payload={"ok": False, "error": "channel_not_found"})
        mock.post(API + "/chat.postMessage", status=200,
                  payload={"ok": False, "error": "ratelimited"}, headers={"Retry-After": "3"})
        mock.post(API + "/chat.postMessage", status=200, payload={"ok": True, "ts": "1.0"})
        body = bot.format(make_alert())
        first = await bot.send(session, body, timeout=2)
        second = await bot.send(session, body, timeout=2)
        third = await bot.send(session, body, timeout=2)
        calls = next(iter(mock.requests.values()))
    assert first == Outcome(Verdict.PERMANENT, "channel_not_found", status=200)
    assert second == Outcome(Verdict.RETRY, "ratelimited", 3.0, 200)
    assert third == Outcome(Verdict.OK, status=200)
    headers = calls[0].kwargs["headers"]
    assert headers["Authorization"] == "Bearer xoxb-1"
    assert headers["Content-Type"] == "application/json; charset=utf-8"
    assert json.loads(calls[0].kwargs["data"])["channel"] == "C123"
    assert "token" not in json.loads(calls[0].kwargs["data"])


@pytest.mark.parametrize(("sink", "url"), [(webhook, HOOK), (pagerduty, PD_URL)])
async def test_timeouts_and_connection_errors_are_retries_not_exceptions(
        mock_http: aioresponses, session: aiohttp.ClientSession,
        sink: SlackSink | PagerDutySink, url: str) -> None:
    with mock_http as mock:
        mock.post(url, exception=TimeoutError())
        mock.post(url, exception=aiohttp.ServerTimeoutError("read timeout"))
        mock.post(url, exception=aiohttp.ClientConnectionError("refused"))
        mock.post(url, exception=aiohttp.ServerDisconnectedError())
        mock.post(url, exception=ConnectionResetError())
        outs = [await sink.send(session, {"x": 1}, timeout=1) for _ in range(5)]
    assert [o.reason for o in outs] == ["timeout", "timeout", "connection_error",
                                        "connection_error", "connection_error"]
    assert all(o.verdict is Verdict.RETRY and o.status is None for o in outs)


async def test_connection_refused_on_a_real_closed_port(session: aiohttp.ClientSession) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # nothing listens on the port any more
    sink = SlackSink("dead", webhook_url=f"http://127.0.0.1:{port}/services/T/B/x")
    out = await sink.send(session, {"text": "x"}, timeout=2)
    assert out == Outcome(Verdict.RETRY, "connection_error")
    pd = PagerDutySink("dead", routing_key=KEY, events_url=f"http://127.0.0.1:{port}/v2/enqueue")
    assert (await pd.send(session, {"x": 1}, timeout=2)).reason == "connection_error"


@pytest.mark.parametrize(("status", "body", "verdict", "reason"), [
    (202, j({"status": "success", "message": "Event processed", "dedup_key": "k"}),
     Verdict.OK, ""),
    (400, j({"status": "invalid event", "message": "Event object is invalid",
             "errors": ["x"]}), Verdict.PERMANENT, "invalid_event"),
    (429, b"", Verdict.RETRY, "rate_limited"),
    (500, b"", Verdict.RETRY, "http_500"),
    (503, b"", Verdict.RETRY, "http_503"),
])
async def test_pagerduty_send(mock_http: aioresponses, session: aiohttp.ClientSession,
                              status: int, body: bytes, verdict: Verdict,
                              reason: str) -> None:
    with mock_http as mock:
        mock.post(PD_URL, status=status, body=body)
        out = await pagerduty.send(session, pagerduty.format(make_alert()), timeout=2)
        (call,) = next(iter(mock.requests.values()))
    assert (out.verdict, out.reason) == (verdict, reason)
    assert json.loads(call.kwargs["data"])["routing_key"] == KEY
    assert "Authorization" not in call.kwargs["headers"]


def test_reprs_and_pace_keys_hide_the_secrets() -> None:
    for sink, secret in ((webhook, "secret"), (bot, "xoxb-1"), (pagerduty, KEY)):
        assert secret not in repr(sink) and secret not in sink.pace_key
    assert webhook.pace_key.startswith("slack:") and len(webhook.pace_key) == len("slack:") + 12
    assert pagerduty.pace_key.startswith("pagerduty:")
    same_channel = SlackSink("b2", bot_token="xoxb-2", channel="C123", api_url=API + "/")
    assert same_channel.pace_key == bot.pace_key  # same channel shares one bucket
    other = SlackSink("b3", bot_token="xoxb-1", channel="C999", api_url=API)
    assert other.pace_key != bot.pace_key
