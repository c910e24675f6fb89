"""SlackSink formatting: Sentry-like and hostile alerts and storms, checked two ways —
slack_sdk's Block Kit models and the strict fake's own rules (limits and injection)."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from slack_sdk.models.blocks import Block

from relay.fakes.slack_rules import MAX_CUMULATIVE, check_message
from relay.model import Action, Alert, Severity
from relay.sinks.base import Digest
from relay.sinks.http import TRUNCATION_MARKER
from relay.sinks.slack import SlackSink
from tests.sinks.conftest import HOSTILE, make_alert, resolve_of, sentry_alerts

WEBHOOK = SlackSink("ops", webhook_url="https://hooks.slack.com/services/T1/B1/secret")
BOT = SlackSink("ops", bot_token="xoxb-1", channel="#pms-alerts")


def assert_valid(body: dict[str, Any], *, api: bool = False) -> None:
    """Valid for slack_sdk's models AND for the fake: no limit broken, nothing injected."""
    for attachment in body.get("attachments", []):
        for block in attachment["blocks"]:
            parsed = Block.parse(block)
            assert parsed is not None, block
            parsed.to_dict()  # raises SlackObjectFormationError on a violation
    check = check_message(body, api=api)
    assert check.violations == []
    assert check.code is None, check.errors
    assert check.warnings == []
    assert len(body["text"]) <= 4000


def blocks_of(body: dict[str, Any]) -> list[dict[str, Any]]:
    blocks: list[dict[str, Any]] = body["attachments"][0]["blocks"]
    return blocks


def header_text(body: dict[str, Any]) -> str:
    text: str = blocks_of(body)[0]["text"]["text"]
    return text


def all_text(body: dict[str, Any]) -> str:
    return json.dumps(body, ensure_ascii=False)


@pytest.mark.parametrize(("name", "alert"), sentry_alerts(), ids=lambda v: v
                         if isinstance(v, str) else "")
def test_every_sentry_fixture_formats_to_a_valid_message(name: str, alert: Alert) -> None:
    for sink, api in ((WEBHOOK, False), (BOT, True)):
        body = sink.format(alert)
        assert_valid(body, api=api)
        assert body["attachments"][0]["color"] in ("#E01E5A", "warning", "#439FE0", "good")
        fields = " ".join(f["text"] for f in blocks_of(body)[1]["fields"])
        assert f"*Service*\n{alert.service}" in fields
        links = [e["text"] for e in blocks_of(body)[-1]["elements"] if "View in Sentry" in
                 e["text"]]
        assert bool(links) == bool(alert.link and alert.link.startswith("https://"))


def test_layout_header_fields_message_and_link() -> None:
    alert = make_alert(severity=Severity.CRITICAL, title="DB down", message="conn refused",
                       correlation_id="req-1", user="user_ab12cd34", occurrences=7,
                       link="https://sentry.io/organizations/o/issues/42/")
    body = WEBHOOK.format(alert)
    assert_valid(body)
    assert header_text(body) == ":rotating_light: DB down"
    assert body["text"] == "[critical] billing (production): DB down"
    fields = [f["text"] for f in blocks_of(body)[1]["fields"]]
    assert fields == ["*Service*\nbilling", "*Environment*\nproduction", "*Severity*\nCritical",
                      "*Source*\ndirect", "*Correlation ID*\nreq-1", "*User*\nuser_ab12cd34",
                      "*Occurrences*\n7"]
    assert blocks_of(body)[2]["text"]["text"] == "conn refused"
    context = [e["text"] for e in blocks_of(body)[3]["elements"]]
    assert context[0] == "<https://sentry.io/organizations/o/issues/42/|View in Sentry>"
    assert context[1] == "Occurred 2024-05-01 12:00:00 UTC"
    for obj in [*blocks_of(body)[1]["fields"], blocks_of(body)[2]["text"],
                *blocks_of(body)[3]["elements"]]:
        assert obj == {**obj, "type": "mrkdwn", "verbatim": True}
    assert "channel" not in body


def test_bot_mode_names_the_channel_and_turns_unfurling_off() -> None:
    body = BOT.format(make_alert())
    assert body["channel"] == "#pms-alerts"
    assert body["unfurl_links"] is False and body["unfurl_media"] is False
    assert_valid(body, api=True)


@pytest.mark.parametrize(("severity", "color", "emoji"), [
    (Severity.CRITICAL, "#E01E5A", ":rotating_light:"),
    (Severity.WARNING, "warning", ":warning:"),
    (Severity.INFO, "#439FE0", ":information_source:"),
])
def test_colour_and_emoji_follow_severity(severity: Severity, color: str, emoji: str) -> None:
    body = WEBHOOK.format(make_alert(severity=severity))
    assert body["attachments"][0]["color"] == color
    assert header_text(body).startswith(emoji + " ")


def test_resolve_says_resolved_in_green_and_never_twice() -> None:
    body = WEBHOOK.format(resolve_of(make_alert(severity=Severity.CRITICAL)))
    assert body["attachments"][0]["color"] == "good"
    assert header_text(body) == ":white_check_mark: Resolved: Queue lag high"
    assert body["text"].startswith("Resolved: ")
    sentry_resolved = make_alert(action=Action.RESOLVE, title="Resolved: Too many errors")
    assert header_text(WEBHOOK.format(sentry_resolved)).count("Resolved") == 1


def test_hostile_text_is_escaped_everywhere_and_mentions_nobody() -> None:
    alert = make_alert(title=HOSTILE, message=HOSTILE + "\n@channel @here", service=HOSTILE,
                       environment=HOSTILE, correlation_id=HOSTILE, user=HOSTILE,
                       release=HOSTILE, culprit=HOSTILE)
    for sink, api in ((WEBHOOK, False), (BOT, True)):
        body = sink.format(alert)
        assert_valid(body, api=api)
        dumped = all_text(body)
        assert "<!" not in dumped and "<@" not in dumped and "<#" not in dumped
        assert "<https://evil" not in dumped
        assert "&lt;!channel&gt;" in header_text(body)
        assert "&amp; more" in body["text"]


def test_hostile_links_never_become_links() -> None:
    for bad in ("http://sentry.io/x", "javascript:alert(1)", "https://a b",
                "https://user:pass@evil.example/", "<https://evil|click>"):
        body = WEBHOOK.format(make_alert(link=bad))
        assert_valid(body)
        assert "View in Sentry" not in all_text(body)
    body = WEBHOOK.format(make_alert(link="https://evil.example/|forged>label"))
    assert_valid(body)
    link = blocks_of(body)[-1]["elements"][0]["text"]
    assert link == "<https://evil.example/%7Cforged%3Elabel|View in Sentry>"


def test_ten_thousand_character_text_is_cut_with_a_visible_marker() -> None:
    huge = ("&<" + "x" * 98) * 100  # 10,000 chars, 30,000 once escaped
    alert = make_alert(title=huge, message=huge, service=huge, environment=huge,
                       correlation_id=huge, user=huge, release=huge, culprit=huge,
                       link="https://sentry.io/" + "p" * 2900)
    body = WEBHOOK.format(alert)
    assert_valid(body)
    assert len(header_text(body)) <= 150 and header_text(body).endswith(TRUNCATION_MARKER)
    message = blocks_of(body)[2]["text"]["text"]
    assert len(message) <= 3000 and message.endswith(TRUNCATION_MARKER)
    assert all(len(f["text"]) <= 2000 for f in blocks_of(body)[1]["fields"])
    assert check_message(body).code is None


def test_formatting_is_pure() -> None:
    alert = make_alert(message="m")
    assert WEBHOOK.format(alert) == WEBHOOK.format(alert)


TEXT = st.text(alphabet=st.characters(codec="utf-8"),
               max_size=5000) | st.sampled_from([HOSTILE, "&" * 4000, "<" * 4000, ""])


@settings(max_examples=60, deadline=None)
@given(title=TEXT, message=TEXT, service=TEXT, user=TEXT,
       severity=st.sampled_from(list(Severity)), action=st.sampled_from(list(Action)))
def test_any_alert_text_gives_a_valid_message(title: str, message: str, service: str,
                                              user: str, severity: Severity,
                                              action: Action) -> None:
    alert = make_alert(title=title, message=message, service=service, user=user,
                       severity=severity, action=action, correlation_id=user)
    assert_valid(WEBHOOK.format(alert))


# -- digests ---------------------------------------------------------------------------------


def make_digest(**overrides: Any) -> Digest:
    fields: dict[str, Any] = {
        "receiver": "ops", "total": 42,
        "by_severity": {"critical": 2, "warning": 30, "info": 10},
        "by_service": {"billing": 30, "scheduler": 12},
        "top": (("fp-1", "Queue lag high", 30), ("fp-2", "DB <slow> & sad", 12)),
        "first_at": 1714564800.0, "last_at": 1714565100.0,
    }
    fields.update(overrides)
    return Digest(**fields)


def test_digest_summarises_totals_severities_services_top_and_span() -> None:
    body = WEBHOOK.format_digest(make_digest())
    assert body is not None
    assert_valid(body)
    text = all_text(body)
    assert "42 alerts" in header_text(body)
    fields = [f["text"] for f in blocks_of(body)[1]["fields"]]
    assert fields[:3] == ["*Critical*\n2", "*Warning*\n30", "*Info*\n10"]
    assert "*Services*\n2" in fields
    assert "*Time span*\n2024-05-01 12:00:00 – 12:05:00 UTC (5m 0s)" in fields
    assert "• ×30 — Queue lag high" in text and "• ×12 — DB &lt;slow&gt; &amp; sad" in text
    assert "• billing: 30" in text and "• scheduler: 12" in text
    assert body["attachments"][0]["color"] == "#E01E5A"  # the worst severity inside
    assert body["text"] == "Alert storm: 42 alerts folded (2 critical, 30 warning, 10 info)"


def test_a_huge_hostile_digest_stays_within_every_limit() -> None:
    services = {f"{HOSTILE} svc-{i}" + "s" * 500: i for i in range(10_000)}
    top = tuple((f"fp-{i}", HOSTILE + "t" * 10_000, 10_000 - i) for i in range(1000))
    digest = make_digest(total=10**9, by_service=services, top=top,
                         by_severity={"critical": 10**8, "warning": 5, "info": 1,
                                      **{f"<!here>{i}": 1 for i in range(20)}})
    for sink, api in ((WEBHOOK, False), (BOT, True)):
        body = sink.format_digest(digest)
        assert body is not None
        assert_valid(body, api=api)
        check = check_message(body, api=api)
        assert check.code is None
        text = all_text(body)
        assert "more services" in text and "more alert kinds" in text
        assert len(text) < MAX_CUMULATIVE * 2


def test_digest_of_one_service_and_no_top_is_still_valid() -> None:
    body = BOT.format_digest(make_digest(total=2, by_severity={"info": 2},
                                         by_service={"x": 2}, top=(), last_at=1714564800.0))
    assert body is not None
    assert_valid(body, api=True)
    assert body["attachments"][0]["color"] == "#439FE0"
