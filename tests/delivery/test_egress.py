"""The egress guard over outbound bodies."""

from __future__ import annotations

from relay.egress import guard
from relay.scrub import Scrubber


def test_guard_scrubs_text_everywhere_but_structural_keys() -> None:
    body = {
        "routing_key": "key-jane@example.com",
        "dedup_key": "sentry:jane@example.com",
        "event_action": "trigger",
        "payload": {
            "summary": "Login failed for jane@example.com",
            "severity": "critical",
            "custom_details": {"notes": ["ssn 123-45-6789", 7, None, True]},
        },
        "blocks": [{"type": "section", "block_id": "b1",
                    "text": {"type": "mrkdwn", "text": "mail bob@example.org"}}],
    }
    clean, counts = guard(body, Scrubber())
    assert clean["routing_key"] == body["routing_key"]
    assert clean["dedup_key"] == body["dedup_key"]
    assert "jane@example.com" not in clean["payload"]["summary"]
    assert clean["payload"]["custom_details"]["notes"][1:] == [7, None, True]
    assert "123-45-6789" not in clean["payload"]["custom_details"]["notes"][0]
    assert "bob@example.org" not in clean["blocks"][0]["text"]["text"]
    assert clean["blocks"][0]["type"] == "section" and clean["blocks"][0]["block_id"] == "b1"
    assert counts["EMAIL"] == 2 and counts["SSN"] == 1
    assert body["payload"]["summary"].endswith("jane@example.com")  # input untouched


def test_guard_leaves_clean_bodies_alone() -> None:
    body = {"text": "Queue lag high on billing", "attachments": [{"color": "#ff0000"}]}
    clean, counts = guard(body, Scrubber())
    assert clean == body and not counts


def test_guard_honours_extra_keep_keys() -> None:
    clean, counts = guard({"link": "x@y.io"}, Scrubber(), keep=frozenset({"link"}))
    assert clean == {"link": "x@y.io"} and not counts
