"""The strict fake Slack over real HTTP: it must refuse what Slack refuses (and injected
mentions), answer like Slack, rate-limit like Slack, and fail on demand.

A fake that accepts everything would let every formatter bug through, so most tests here
send something wrong and expect the exact refusal."""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from email.utils import formatdate
from typing import Any

import aiohttp
import pytest

from relay.fakes import FakeSlack, ManualClock
from relay.sinks.base import Outcome, Verdict
from relay.sinks.slack import SlackSink
from tests.sinks.conftest import HOSTILE, make_alert

MakeSlack = Callable[..., Awaitable[FakeSlack]]


@pytest.fixture
async def session() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as s:
        yield s


@pytest.fixture
async def fake(make_fake_slack: MakeSlack) -> FakeSlack:
    return await make_fake_slack(rate=None)


async def post(session: aiohttp.ClientSession, url: str, body: Any, *,
               headers: dict[str, str] | None = None) -> tuple[int, str]:
    data = body if isinstance(body, bytes) else json.dumps(body).encode()
    async with session.post(url, data=data, headers={"Content-Type": "application/json",
                                                     **(headers or {})}) as resp:
        return resp.status, await resp.text()


def section(text: str, **extra: Any) -> dict[str, Any]:
    return {"type": "section", "text": {"type": "mrkdwn", "text": text, "verbatim": True},
            **extra}


def message(*blocks: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {"text": "fallback", "attachments": [{"color": "good", "blocks": list(blocks)}],
            **extra}


# -- the happy paths with the real sinks -----------------------------------------------------


async def test_webhook_sink_delivers_to_the_fake(fake_slack: FakeSlack,
                                                 session: aiohttp.ClientSession) -> None:
    sink = SlackSink("ops", webhook_url=fake_slack.webhook_url)
    body = sink.format(make_alert(title=HOSTILE, message=HOSTILE,
                                  link="https://sentry.io/organizations/o/issues/1/"))
    out = await sink.send(session, body, timeout=2)
    assert out == Outcome(Verdict.OK, status=200)
    assert fake_slack.received == [body]
    assert fake_slack.messages_to(fake_slack.webhook_url) == [body]
    assert fake_slack.violations == [] and fake_slack.rejected == []


async def test_bot_sink_delivers_with_bearer_and_charset(fake_slack: FakeSlack,
                                                         session: aiohttp.ClientSession) -> None:
    sink = SlackSink("ops", bot_token=fake_slack.bot_token, channel="#pms-alerts",
                     api_url=fake_slack.api_url)
    out = await sink.send(session, sink.format(make_alert()), timeout=2)
    assert out == Outcome(Verdict.OK, status=200)
    assert len(fake_slack.messages_to("#pms-alerts")) == 1
    assert fake_slack.warnings == []  # charset was sent
    assert fake_slack.requests[-1].headers["Authorization"] == f"Bearer {fake_slack.bot_token}"


async def test_digest_delivers(fake_slack: FakeSlack, session: aiohttp.ClientSession) -> None:
    from tests.sinks.test_slack_format import make_digest

    sink = SlackSink("ops", webhook_url=fake_slack.webhook_url)
    body = sink.format_digest(make_digest())
    assert body is not None
    assert (await sink.send(session, body, timeout=2)).verdict is Verdict.OK


# -- webhook refusals ------------------------------------------------------------------------


async def test_unknown_removed_and_archived_webhooks(fake: FakeSlack,
                                                     session: aiohttp.ClientSession) -> None:
    assert await post(session, fake.base_url + "/services/T1/B1/nope", {"text": "x"}) == \
        (404, "no_service")
    extra = fake.add_webhook()
    assert extra != fake.webhook_url
    assert await post(session, extra, {"text": "x"}) == (200, "ok")
    fake.remove_webhook(extra)
    sink = SlackSink("gone", webhook_url=extra)
    assert await sink.send(session, {"text": "x"}, timeout=2) == \
        Outcome(Verdict.PERMANENT, "no_service", status=404)
    fake.archive(fake.webhook_url)
    assert await post(session, fake.webhook_url, {"text": "x"}) == (410, "channel_is_archived")
    assert [r.reason for r in fake.rejected] == ["no_service", "no_service",
                                                 "channel_is_archived"]


@pytest.mark.parametrize(("body", "code"), [
    (b"{not json", "invalid_payload"),
    (b"[1, 2]", "invalid_payload"),
    ({}, "missing_text_or_fallback_or_attachments"),
    ({"text": ""}, "missing_text_or_fallback_or_attachments"),
    ({"text": 5}, "invalid_payload"),
    ({"blocks": "nope"}, "invalid_blocks"),
    ({"text": "x", "attachments": [{"text": "a"}] * 101}, "too_many_attachments"),
])
async def test_webhook_refuses_malformed_bodies(fake: FakeSlack, session: aiohttp.ClientSession,
                                                body: Any, code: str) -> None:
    assert await post(session, fake.webhook_url, body) == (400, code)
    assert fake.received == []
    assert fake.rejected[-1].reason == code


BAD_BLOCKS: list[tuple[str, dict[str, Any]]] = [
    ("51 blocks", message(*[section("x")] * 51)),
    ("header in mrkdwn", message({"type": "header", "text": {"type": "mrkdwn", "text": "x"}})),
    ("header of 151", message({"type": "header",
                               "text": {"type": "plain_text", "text": "h" * 151}})),
    ("empty section text", message(section(""))),
    ("section text of 3001", message(section("s" * 3001))),
    ("section without text or fields", message({"type": "section"})),
    ("typo'd key", message({"type": "section", "txt": {"type": "mrkdwn", "text": "x"}})),
    ("field of 2001", message({"type": "section", "fields": [
        {"type": "mrkdwn", "text": "f" * 2001}]})),
    ("11 fields", message({"type": "section", "fields": [
        {"type": "mrkdwn", "text": "f"}] * 11})),
    ("unknown block type", message({"type": "banner", "text": "x"})),
    ("cumulative over 12,000", message(*[section("c" * 2500)] * 5)),
    ("bad colour", {"text": "x", "attachments": [{"color": "red", "blocks": [section("x")]}]}),
    ("emoji on mrkdwn", message({"type": "section", "text": {"type": "mrkdwn", "text": "x",
                                                             "emoji": True}})),
    ("verbatim on plain_text", message({"type": "section", "text": {
        "type": "plain_text", "text": "x", "verbatim": True}})),
    ("11 context elements", message({"type": "context", "elements": [
        {"type": "mrkdwn", "text": "x"}] * 11})),
    ("button text of 76", message({"type": "actions", "elements": [
        {"type": "button", "text": {"type": "plain_text", "text": "b" * 76},
         "url": "https://x.example"}]})),
    ("image without alt", message({"type": "image", "image_url": "https://x.example/a.png"})),
    ("block_id of 256", message(section("x", block_id="b" * 256))),
    ("attachment without blocks or text", {"text": "x", "attachments": [{"color": "good"}]}),
    ("top-level blocks too", {"text": "x", "blocks": [{"type": "header", "text": {
        "type": "plain_text", "text": ""}}]}),
]


@pytest.mark.parametrize(("why", "body"), BAD_BLOCKS, ids=[w for w, _ in BAD_BLOCKS])
async def test_webhook_refuses_block_kit_violations(fake: FakeSlack,
                                                    session: aiohttp.ClientSession, why: str,
                                                    body: dict[str, Any]) -> None:
    assert await post(session, fake.webhook_url, body) == (400, "invalid_blocks")
    assert fake.rejected[-1].errors, "the refusal should say what was wrong"
    assert fake.received == []


INJECTIONS: list[tuple[str, dict[str, Any], str]] = [
    ("<!channel> in text", {"text": "hi <!channel>"}, "control_sequence"),
    ("<!here> in a field", message({"type": "section", "fields": [
        {"type": "mrkdwn", "text": "<!here|here>", "verbatim": True}]}), "control_sequence"),
    ("user mention in header", message({"type": "header", "text": {
        "type": "plain_text", "text": "<@U024BE7LH>"}}), "control_sequence"),
    ("channel link", message(section("<#C024BE7LR>")), "control_sequence"),
    ("disguised link", message(section("<https://evil.example|click>")), "control_sequence"),
    ("our label on plain http", message(section("<http://evil.example|View in Sentry>")),
     "control_sequence"),
    ("mailto", message(section("<mailto:a@b.example|View in Sentry>")), "control_sequence"),
    ("bare link", message(section("<https://evil.example>")), "control_sequence"),
    ("date token", message(section("<!date^1392734382^{date}^https://evil|x>")),
     "control_sequence"),
    ("stray <", message(section("a < b")), "unescaped_angle"),
    ("stray >", {"text": "a > b"}, "unescaped_angle"),
    ("bare &", {"text": "Q&A"}, "unescaped_ampersand"),
    ("attachment field", {"text": "x", "attachments": [{"fallback": "f", "fields": [
        {"title": "t", "value": "<!everyone>"}]}]}, "control_sequence"),
    ("@channel in non-verbatim mrkdwn", message({"type": "section", "text": {
        "type": "mrkdwn", "text": "ping @channel"}}), "bare_broadcast"),
    ("@here with link_names", {"text": "ping @here", "link_names": 1}, "bare_broadcast"),
]


@pytest.mark.parametrize(("why", "body", "rule"), INJECTIONS, ids=[w for w, _, _ in INJECTIONS])
async def test_webhook_flags_and_refuses_injected_mentions_and_links(
        fake: FakeSlack, session: aiohttp.ClientSession, why: str, body: dict[str, Any],
        rule: str) -> None:
    assert await post(session, fake.webhook_url, body) == (400, "invalid_payload")
    assert [v.rule for v in fake.violations] == [rule]
    assert fake.received == []


async def test_what_the_formatter_legitimately_makes_is_accepted(
        fake: FakeSlack, session: aiohttp.ClientSession) -> None:
    ok = [
        message(section("<https://sentry.io/i/1/?a=1&amp;b=2|View in Sentry>")),
        message(section("&lt;!channel&gt; &amp; @channel")),  # verbatim: not parsed
        {"text": "ping @here"},  # top-level text without link_names is not parsed
        {"text": "x" * 40_001},  # Slack truncates and warns, it does not refuse
    ]
    for body in ok:
        assert await post(session, fake.webhook_url, body) == (200, "ok")
    assert fake.violations == []
    assert fake.warnings == ["message_truncated"]


async def test_a_naive_formatter_is_caught(fake: FakeSlack, session: aiohttp.ClientSession
                                           ) -> None:
    """What the fake exists for: alert text pasted without escaping fails the test."""
    alert = make_alert(title=HOSTILE)
    naive = {"text": alert.title, "attachments": [{"color": "danger", "blocks": [
        section(alert.title)]}]}
    status, code = await post(session, fake.webhook_url, naive)
    assert (status, code) == (400, "invalid_payload")
    assert {v.snippet for v in fake.violations} >= {"<!channel>", "<@U024BE7LH>",
                                                    "<https://evil.example|click>"}


async def test_form_encoded_payload_is_accepted(fake: FakeSlack,
                                                session: aiohttp.ClientSession) -> None:
    async with session.post(fake.webhook_url, data={"payload": json.dumps({"text": "hi"})}
                            ) as resp:
        assert (resp.status, await resp.text()) == (200, "ok")
    assert fake.received == [{"text": "hi"}]


# -- chat.postMessage ------------------------------------------------------------------------


@pytest.mark.parametrize(("headers", "query", "body", "code"), [
    ({}, "", {"channel": "C1", "text": "x"}, "not_authed"),
    ({"Authorization": "Bearer xoxb-wrong"}, "", {"channel": "C1", "text": "x"},
     "invalid_auth"),
    ({}, "", {"channel": "C1", "text": "x", "token": "TOKEN"}, "not_authed"),
    ({"Authorization": "Bearer TOKEN"}, "?token=TOKEN", {"channel": "C1", "text": "x"},
     "not_authed"),
    ({"Authorization": "Bearer TOKEN"}, "", b"{oops", "invalid_json"),
    ({"Authorization": "Bearer TOKEN"}, "", [1], "json_not_object"),
    ({"Authorization": "Bearer TOKEN"}, "", {"text": "x"}, "channel_not_found"),
    ({"Authorization": "Bearer TOKEN"}, "", {"channel": "C1"}, "no_text"),
    ({"Authorization": "Bearer TOKEN"}, "", {"channel": "C1", "text": "x",
                                             "markdown_text": "y"}, "markdown_text_conflict"),
    ({"Authorization": "Bearer TOKEN"}, "", {"channel": "C1", **message(section(""))},
     "invalid_blocks"),
    ({"Authorization": "Bearer TOKEN"}, "", {"channel": "C1", **message(
        *[section("c" * 2500)] * 5)}, "msg_blocks_too_long"),
    ({"Authorization": "Bearer TOKEN"}, "", {"channel": "C1", "text": "<!channel>"},
     "invalid_payload"),
])
async def test_post_message_refusals_come_at_200_with_ok_false(
        fake: FakeSlack, session: aiohttp.ClientSession, headers: dict[str, str], query: str,
        body: Any, code: str) -> None:
    headers = {k: v.replace("TOKEN", fake.bot_token) for k, v in headers.items()}
    if isinstance(body, dict) and "token" in body:
        body = {**body, "token": fake.bot_token}
    url = fake.api_url + "/chat.postMessage" + query.replace("TOKEN", fake.bot_token)
    status, text = await post(session, url, body, headers=headers)
    answer = json.loads(text)
    assert (status, answer["ok"], answer["error"]) == (200, False, code)
    assert fake.received == []
    sink = SlackSink("b", bot_token="xoxb-x", channel="C1")
    assert sink.classify(status, {}, text.encode()).verdict is Verdict.PERMANENT


async def test_post_message_channel_allowlist_archive_and_missing_charset(
        make_fake_slack: MakeSlack, session: aiohttp.ClientSession) -> None:
    fake = await make_fake_slack(rate=None, channels={"C1", "C2"})
    auth = {"Authorization": f"Bearer {fake.bot_token}"}
    url = fake.api_url + "/chat.postMessage"
    _, text = await post(session, url, {"channel": "C9", "text": "x"}, headers=auth)
    assert json.loads(text)["error"] == "channel_not_found"
    fake.archive("C2")
    _, text = await post(session, url, {"channel": "C2", "text": "x"}, headers=auth)
    assert json.loads(text)["error"] == "is_archived"
    _, text = await post(session, url, {"channel": "C1", "text": "x"}, headers=auth)
    answer = json.loads(text)
    assert answer["ok"] is True and answer["channel"] == "C1"
    assert answer["warning"] == "missing_charset"  # post() sent no charset
    async with session.post(fake.base_url + "/api/chat.nope", headers=auth) as resp:
        assert resp.status == 404


# -- rate limits -----------------------------------------------------------------------------


async def test_rate_limit_per_webhook_with_burst_and_retry_after(
        make_fake_slack: MakeSlack, session: aiohttp.ClientSession) -> None:
    clock = ManualClock()
    fake = await make_fake_slack(rate=1.0, burst=3, clock=clock)
    sink = SlackSink("ops", webhook_url=fake.webhook_url)
    body = sink.format(make_alert())
    outs = [await sink.send(session, body, timeout=2) for _ in range(4)]
    assert [o.verdict for o in outs] == [Verdict.OK] * 3 + [Verdict.RETRY]
    assert outs[3] == Outcome(Verdict.RETRY, "rate_limited", 1.0, 429)
    assert fake.rate_limited == 1 and fake.rejected == []
    # another webhook has its own bucket
    other = SlackSink("other", webhook_url=fake.add_webhook())
    assert (await other.send(session, body, timeout=2)).verdict is Verdict.OK
    clock.advance(1.0)
    assert (await sink.send(session, body, timeout=2)).verdict is Verdict.OK
    assert (await sink.send(session, body, timeout=2)).verdict is Verdict.RETRY
    assert len(fake.received) == 5


async def test_rate_limit_per_channel_in_bot_mode(make_fake_slack: MakeSlack,
                                                  session: aiohttp.ClientSession) -> None:
    fake = await make_fake_slack(rate=1.0, burst=1, clock=ManualClock())
    a = SlackSink("a", bot_token=fake.bot_token, channel="C1", api_url=fake.api_url)
    b = SlackSink("b", bot_token=fake.bot_token, channel="C2", api_url=fake.api_url)
    body = a.format(make_alert())
    assert (await a.send(session, body, timeout=2)).verdict is Verdict.OK
    limited = await a.send(session, body, timeout=2)
    assert (limited.verdict, limited.status, limited.retry_after) == (Verdict.RETRY, 429, 1.0)
    assert (await b.send(session, b.format(make_alert()), timeout=2)).verdict is Verdict.OK


# -- failure injection -----------------------------------------------------------------------


async def test_fail_next_answers_the_next_requests_then_recovers(
        fake: FakeSlack, session: aiohttp.ClientSession) -> None:
    sink = SlackSink("ops", webhook_url=fake.webhook_url)
    body = sink.format(make_alert())
    fake.fail_next(2, status=503)
    fake.fail_next(1, status=429, retry_after=5)
    fake.fail_next(1, status=429, retry_after=formatdate(time.time() + 30, usegmt=True))
    fake.fail_next(1, status=500)
    outs = [await sink.send(session, body, timeout=2) for _ in range(6)]
    assert [(o.verdict, o.reason) for o in outs] == [
        (Verdict.RETRY, "service_unavailable"), (Verdict.RETRY, "service_unavailable"),
        (Verdict.RETRY, "rate_limited"), (Verdict.RETRY, "rate_limited"),
        (Verdict.RETRY, "rollup_error"), (Verdict.OK, "")]
    assert outs[2].retry_after == 5.0
    assert outs[3].retry_after is not None and 25 <= outs[3].retry_after <= 31
    assert fake.injected == [503, 503, 429, 429, 500]
    assert len(fake.received) == 1 and len(fake.requests) == 6


async def test_hang_next_exceeds_the_client_timeout(fake: FakeSlack,
                                                    session: aiohttp.ClientSession) -> None:
    sink = SlackSink("ops", webhook_url=fake.webhook_url)
    body = sink.format(make_alert())
    fake.hang_next(1, seconds=5.0)
    started = time.monotonic()
    out = await sink.send(session, body, timeout=0.2)
    assert out == Outcome(Verdict.RETRY, "timeout")
    assert time.monotonic() - started < 2
    assert fake.hung == 1 and fake.received == []
    assert (await sink.send(session, body, timeout=2)).verdict is Verdict.OK


async def test_hang_then_process_delivers_although_the_client_gave_up(
        fake: FakeSlack, session: aiohttp.ClientSession) -> None:
    sink = SlackSink("ops", webhook_url=fake.webhook_url)
    fake.hang_next(1, seconds=0.3, then_process=True)
    assert (await sink.send(session, sink.format(make_alert()), timeout=0.1)).reason == \
        "timeout"
    for _ in range(50):
        if fake.received:
            break
        await asyncio.sleep(0.02)
    assert len(fake.received) == 1  # the at-least-once duplicate a retry would add


async def test_close_releases_hung_requests_at_once() -> None:
    fake = FakeSlack(rate=None)
    await fake.start()
    fake.hang_next(1, seconds=30)
    async with aiohttp.ClientSession() as session:
        pending = asyncio.create_task(post(session, fake.webhook_url, {"text": "x"}))
        await asyncio.sleep(0.1)
        started = time.monotonic()
        await fake.close()
        assert time.monotonic() - started < 2
        try:
            status, _ = await asyncio.wait_for(pending, 2)
        except aiohttp.ClientError:
            return  # the connection was cut: also released
        assert status == 503  # woken up and answered its injected failure


async def test_start_binds_loopback_on_a_free_port() -> None:
    a, b = FakeSlack(), FakeSlack()
    with pytest.raises(RuntimeError):
        _ = a.webhook_url
    try:
        url_a, url_b = await a.start(), await b.start()
        assert url_a.startswith("http://127.0.0.1:") and url_a != url_b
        assert await a.start() == url_a  # idempotent
    finally:
        await a.close()
        await b.close()
