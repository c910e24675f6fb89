"""Receiver limits in one place: the cutter, Slack's `fit_message`, PagerDuty's `fit_event`.

Each sink's `format` ends with its `fit`, and the delivery worker runs the same `fit` after
the egress guard, whose `[REDACTED:KIND]` can be longer than the value it replaced. These
tests pin the fitting itself; tests/delivery/test_egress_fit.py sends through the fakes.
"""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from relay.egress import guard
from relay.fakes.pagerduty import check_event
from relay.fakes.slack_rules import MAX_CUMULATIVE, check_message
from relay.scrub import Scrubber
from relay.sinks.http import TRUNCATION_MARKER, truncate
from relay.sinks.mrkdwn import cut
from relay.sinks.pagerduty import SUMMARY_MAX, PagerDutySink, fit_event
from relay.sinks.slack import (
    BLOCK_TEXT_TOTAL_MAX,
    FALLBACK_MAX,
    HEADER_MAX,
    SECTION_FIELD_MAX,
    SECTION_TEXT_MAX,
    SlackSink,
    fit_message,
)
from tests.sinks.conftest import make_alert

SLACK = SlackSink("ops", webhook_url="https://hooks.slack.com/services/T1/B1/secret")
PD = PagerDutySink("pd", routing_key="a" * 32)
SCRUBBER = Scrubber()
EMAIL = "[REDACTED:EMAIL]"


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def message(*blocks: dict[str, Any], text: str = "fallback") -> dict[str, Any]:
    return {"text": text, "attachments": [{"color": "good", "fallback": text,
                                           "blocks": list(blocks)}]}


def block_texts(body: dict[str, Any]) -> list[str]:
    out: list[str] = []
    for block in body["attachments"][0]["blocks"]:
        for obj in (block.get("text"), *block.get("fields", ()), *block.get("elements", ())):
            if isinstance(obj, dict):
                out.append(obj["text"])
    return out


# -- the one cutter ---------------------------------------------------------------------------


def test_truncate_keeps_a_redaction_whole_or_drops_it() -> None:
    text = "x" * 20 + EMAIL + "y" * 30
    assert truncate(text, 20 + len(EMAIL) + len(TRUNCATION_MARKER)) == \
        "x" * 20 + EMAIL + TRUNCATION_MARKER
    # one character short of room for the marker: the redaction goes whole, never "[REDAC"
    assert truncate(text, 20 + len(EMAIL) - 1 + len(TRUNCATION_MARKER)) == \
        "x" * 20 + TRUNCATION_MARKER


def test_truncate_does_not_leave_half_a_truncation_marker() -> None:
    once = truncate("a" * 100, 50)
    grown = once.replace("aaaa", EMAIL, 1)  # what the guard can do to a cut text
    again = truncate(grown, 50)
    assert len(again) <= 50 and again.count("…[") == 1 and again.endswith(TRUNCATION_MARKER)


def test_cut_keeps_entities_and_our_links_whole() -> None:
    link = "<https://sentry.io/i/1/?a=1&amp;b=2|View in Sentry>"
    assert cut("ab " + link + " tail", 20) == "ab " + TRUNCATION_MARKER
    assert cut("x" * 10 + "&amp;" + "y" * 50, 10 + len(TRUNCATION_MARKER) + 3) == \
        "x" * 10 + TRUNCATION_MARKER


@given(st.text(alphabet=st.sampled_from(list("ab &;<>|[]REDACTEDML:")), max_size=300),
       st.integers(min_value=0, max_value=200))
def test_truncate_never_exceeds_the_limit_and_keeps_a_prefix(text: str, limit: int) -> None:
    out = truncate(text, limit)
    assert len(out) <= limit
    kept = out.removesuffix(TRUNCATION_MARKER) if len(text) > limit else out
    assert text.startswith(kept)


# -- Slack ------------------------------------------------------------------------------------


def test_fit_message_cuts_each_text_to_the_limit_of_where_it_sits() -> None:
    body = message(
        {"type": "header", "text": {"type": "plain_text", "text": "h" * 200, "emoji": True}},
        {"type": "section", "fields": [mrkdwn("f" * 2500)]},
        {"type": "section", "text": mrkdwn("s" * 3500)},
        {"type": "context", "elements": [mrkdwn("c" * 3500)]},
        text="t" * 5000,
    )
    fitted = fit_message(body)
    header, fld, section, context = block_texts(fitted)
    assert len(header) == HEADER_MAX and header.endswith(TRUNCATION_MARKER)
    assert len(fld) == SECTION_FIELD_MAX
    assert len(section) == SECTION_TEXT_MAX
    assert len(context) == SECTION_TEXT_MAX
    assert len(fitted["text"]) == FALLBACK_MAX
    assert len(fitted["attachments"][0]["fallback"]) == FALLBACK_MAX
    assert check_message(fitted).code is None
    assert check_message(body).code == "invalid_blocks"  # the input really was over
    assert block_texts(body)[0] == "h" * 200  # the input is not changed


def test_fit_message_shares_the_cumulative_cap_and_spares_short_texts() -> None:
    body = message(
        {"type": "header", "text": {"type": "plain_text", "text": "Queue lag"}},
        *[{"type": "section", "text": mrkdwn(ch * 2900)} for ch in "abcde"],
        {"type": "context", "elements": [mrkdwn("<https://sentry.io/1|View in Sentry>")]},
    )
    assert check_message(body).code == "invalid_blocks"  # 14,500 characters of block text
    fitted = fit_message(body)
    texts = block_texts(fitted)
    assert sum(map(len, texts)) <= BLOCK_TEXT_TOTAL_MAX <= MAX_CUMULATIVE
    assert texts[0] == "Queue lag" and texts[-1] == "<https://sentry.io/1|View in Sentry>"
    assert len({len(t) for t in texts[1:-1]}) == 1  # the long ones share the cap
    assert check_message(fitted).code is None


def test_fit_message_is_idempotent_and_leaves_a_fitting_body_equal() -> None:
    body = SLACK.format(make_alert(title="t" * 500, message="m" * 5000))
    assert fit_message(body) == body
    assert fit_message(fit_message(body)) == body


def test_slack_format_ends_with_fit() -> None:
    body = SLACK.format(make_alert(title="T & <x> " * 40, message="m & " * 2000))
    header, *_ = block_texts(body)
    assert len(header) == HEADER_MAX and "&amp;" in header
    assert len(block_texts(body)[2]) <= SECTION_TEXT_MAX
    assert check_message(body).code is None


def test_a_guard_redaction_that_overflows_the_header_is_cut_back_with_the_marker_kept() -> None:
    alert = make_alert(title="Login failed for ab@cd.io " + "w" * 200,
                       message="contact ab@cd.io, " * 170)
    guarded, found = guard(SLACK.format(alert), SCRUBBER)
    assert found["EMAIL"] >= 3
    assert check_message(guarded).code == "invalid_blocks"  # what Slack would refuse
    fitted = SLACK.fit(guarded)
    assert check_message(fitted).code is None
    header, *_, section, _context = block_texts(fitted)
    assert len(header) == HEADER_MAX and EMAIL in header
    assert len(section) <= SECTION_TEXT_MAX and EMAIL in section
    assert "ab@cd.io" not in json.dumps(fitted)


PHI = st.sampled_from(["ab@cd.io", "123-45-6789", "x@y.co", "MRN 12345", "DOB 1/2/80", "Jo"])
WORDS = st.sampled_from(["lag", "&", "<b>", "queue", "billing", "\n", "*", "[x]", "é"])
TEXT = st.lists(st.one_of(PHI, WORDS), max_size=600).map(" ".join)


@settings(max_examples=40, deadline=None)
@given(title=TEXT, message=TEXT, culprit=TEXT)
def test_any_guarded_slack_message_fits_after_fit(title: str, message: str,
                                                  culprit: str) -> None:
    for sink in (SLACK, SlackSink("bot", bot_token="xoxb-1", channel="#ops")):
        body = sink.format(make_alert(title=title or "t", message=message or None,
                                      culprit=culprit or None))
        guarded, _ = guard(body, SCRUBBER)
        check = check_message(sink.fit(guarded), api=sink.mode == "bot")
        assert check.code is None, check.errors


# -- PagerDuty --------------------------------------------------------------------------------


def test_fit_event_cuts_summary_source_and_details() -> None:
    body = PD.format(make_alert(title="ok"))
    body["payload"]["summary"] = "s" * 2000
    body["payload"]["source"] = "x" * 300
    body["payload"]["custom_details"]["release"] = "r" * 2000
    body["payload"]["custom_details"]["occurrences"] = 3
    fitted = fit_event(body)
    assert len(fitted["payload"]["summary"]) == SUMMARY_MAX
    assert len(fitted["payload"]["source"]) == 255
    assert len(fitted["payload"]["custom_details"]["release"]) == 1024
    assert fitted["payload"]["custom_details"]["occurrences"] == 3
    assert fitted["dedup_key"] == body["dedup_key"] and fitted["routing_key"] == "a" * 32
    assert check_event(fitted) == []
    assert len(body["payload"]["summary"]) == 2000  # the input is not changed


def test_fit_event_leaves_a_resolve_and_a_fitting_trigger_alone() -> None:
    from relay.model import Action

    resolve = PD.format(make_alert(action=Action.RESOLVE))
    assert fit_event(resolve) == resolve
    trigger = PD.format(make_alert(title="t" * 5000))
    assert len(trigger["payload"]["summary"]) == SUMMARY_MAX  # format ends with fit
    assert fit_event(trigger) == trigger


def test_a_guard_redaction_that_overflows_the_summary_is_cut_back() -> None:
    body = PD.format(make_alert(title="Login failed for ab@cd.io " + "w" * 1100))
    guarded, found = guard(body, SCRUBBER)
    assert found["EMAIL"] == 1
    assert check_event(guarded) == ["'summary' is too long (maximum is 1024 characters)"]
    fitted = PD.fit(guarded)
    assert check_event(fitted) == []
    assert fitted["payload"]["summary"].startswith("Login failed for " + EMAIL)
