"""Escaping, cutting and link building: the only defence between alert text and @channel."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from relay.fakes.slack_rules import scan_text
from relay.sinks.http import TRUNCATION_MARKER
from relay.sinks.mrkdwn import clean, escape, fit, link, one_line

DANGEROUS = st.text(alphabet=st.sampled_from(list("&<>|!@#amplgt; xhttps:/")), max_size=200)


def unescape(text: str) -> str:
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def test_escape_does_ampersand_first_and_nothing_else() -> None:
    assert escape("a & <b> &amp; \"q\" 'x'") == "a &amp; &lt;b&gt; &amp;amp; \"q\" 'x'"


@given(DANGEROUS)
def test_escaped_text_round_trips_and_carries_no_control_sequence(text: str) -> None:
    escaped = escape(text)
    assert unescape(escaped) == text
    assert list(scan_text(escaped, auto_parsed=False)) == []


@given(DANGEROUS, st.integers(min_value=0, max_value=120))
def test_fit_respects_the_limit_and_never_splits_an_entity(text: str, limit: int) -> None:
    out = fit(text, limit)
    assert len(out) <= limit
    if len(escape(text)) <= limit:
        assert out == escape(text)
        return
    if limit >= len(TRUNCATION_MARKER):
        assert out.endswith(TRUNCATION_MARKER)
        body = out[: -len(TRUNCATION_MARKER)]
        # every & in the kept part starts a whole entity, and it is a prefix of the source
        assert not re.search(r"&(?!(?:amp|lt|gt);)", body)
        assert text.startswith(unescape(body))


def test_fit_cuts_before_an_entity_that_would_not_fit_whole() -> None:
    text = "x" * 10 + "&" + "y" * 50
    out = fit(text, 10 + len(TRUNCATION_MARKER) + 3)  # room for "&am" but not "&amp;"
    assert out == "x" * 10 + TRUNCATION_MARKER


def test_link_accepts_only_https_and_encodes_what_could_break_out() -> None:
    assert link("http://sentry.io/x", "View in Sentry") is None
    assert link("javascript:alert(1)", "View in Sentry") is None
    assert link("https://user:pw@sentry.io/x", "View in Sentry") is None
    assert link("https://sentry.io/a b", "View in Sentry") is None
    assert link(None, "View in Sentry") is None
    made = link("https://sentry.io/i/1/?a=1&b=<x>|evil", "View in Sentry")
    assert made == "<https://sentry.io/i/1/?a=1&amp;b=%3Cx%3E%7Cevil|View in Sentry>"
    assert list(scan_text(made or "")) == []


def test_clean_drops_bidi_overrides_and_controls_but_keeps_newlines() -> None:
    assert clean("a\u202eb\x00c\nd\u200be") == "abc\nde"
    assert one_line("  a \n\t b  ") == "a b"
