"""Silences: validation (every problem a 422 naming the field, never the value), the
active window, matching scrubbed alerts, and scrubbing of what is stored."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from relay.errors import SchemaInvalid
from relay.model import Action, Alert, Severity, Source
from relay.scrub import Scrubber
from relay.silences import (
    Silence,
    active,
    parse_duration,
    parse_silence,
    silences_matching,
)

NOW = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)
M = "⟦"  # marker in submitted bad values: no error may contain it


def body(**over: Any) -> dict[str, Any]:
    base: dict[str, Any] = {"matchers": {"service": "intake-api"}, "duration": "2h",
                            "author": "on-call", "comment": "deploy in progress"}
    base.update(over)
    return {k: v for k, v in base.items() if v is not None}


def alert(**over: Any) -> Alert:
    fields: dict[str, Any] = {"source": Source.ALERTMANAGER, "severity": Severity.WARNING,
                              "title": "Queue backlog", "service": "intake-api",
                              "environment": "production", "fingerprint": "am:1",
                              "tags": {"alertname": "IntakeQueueBacklog", "team": "platform"}}
    fields.update(over)
    return Alert(**fields)


def errors_of(b: Any) -> dict[tuple[Any, ...], str]:
    with pytest.raises(SchemaInvalid) as info:
        parse_silence(b, NOW)
    assert M not in str(info.value) and M not in repr(info.value.errors)
    return {e.loc: e.msg for e in info.value.errors}


@pytest.mark.parametrize(("text", "seconds"), [
    ("30m", 1800), ("2h", 7200), ("1d", 86400), ("1h30m", 5400), (" 45S ", 45),
    ("1d2h3m4s", 93784),
])
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == timedelta(seconds=seconds)


@pytest.mark.parametrize("text", ["", "2", "h", "0m", "2 h", "1.5h", "-1h", "2w", "1h 30m",
                                  "9" * 40, 5, None])
def test_bad_durations(text: Any) -> None:
    with pytest.raises(ValueError):
        parse_duration(text)


def test_parse_with_duration_starts_now() -> None:
    s = parse_silence(body(), NOW, silence_id="s1")
    assert (s.id, s.starts_at, s.ends_at, s.created_at) == ("s1", NOW, NOW + timedelta(hours=2),
                                                            NOW)
    assert s.expired_at is None and s.author == "on-call"


def test_parse_with_explicit_window_and_naive_is_utc() -> None:
    s = parse_silence(body(duration=None, starts_at="2024-05-01T14:00:00",
                           ends_at="2024-05-01T18:00:00+02:00"), NOW)
    assert s.starts_at == datetime(2024, 5, 1, 14, tzinfo=UTC)
    assert s.ends_at == datetime(2024, 5, 1, 16, tzinfo=UTC)
    later = parse_silence(body(starts_at="2024-05-02T00:00:00Z", duration="1d"), NOW)
    assert later.ends_at == datetime(2024, 5, 3, tzinfo=UTC)
    assert not active(later, NOW) and active(later, later.starts_at)


@pytest.mark.parametrize(("b", "loc", "msg"), [
    (body(matchers={}), ("body", "matchers"), "at least one"),
    (body(matchers=None), ("body", "matchers"), "field required"),
    (body(author=None), ("body", "author"), "field required"),
    (body(comment="   "), ("body", "comment"), "1 to"),
    (body(duration=None), ("body", "ends_at"), "exactly one"),
    (body(ends_at="2024-05-01T13:00:00Z"), ("body", "ends_at"), "exactly one"),
    (body(duration=M + "2h"), ("body", "duration"), "like 30m"),
    (body(duration="31d"), ("body", "duration"), "at most 30 days"),
    (body(duration=None, ends_at="2024-05-01T11:00:00Z", starts_at="2024-05-01T10:00:00Z"),
     ("body", "ends_at"), "in the future"),
    (body(duration=None, ends_at="2024-05-01T13:00:00Z", starts_at="2024-05-01T14:00:00Z"),
     ("body", "ends_at"), "after starts_at"),
    (body(ends_at=M), ("body", "ends_at"), "ISO 8601"),
    (body(starts_at=1714567000), ("body", "starts_at"), "ISO 8601"),
    (body(end_at="2024-05-01T13:00:00Z"), ("body", "end_at"), "unknown field"),
    (body(matchers={"service": "a", "instance": M}), ("body", "matchers", "instance"),
     "unknown field"),
    (body(matchers={"severity": ["critical", M]}), ("body", "matchers", "severity"),
     "critical, warning or info"),
    (body(matchers={"source": "grafana" + M}), ("body", "matchers", "source"), "one of"),
    (body(matchers={"service": []}), ("body", "matchers", "service"), "string of 1 to"),
    (body(matchers={"tags": {M: "x"}}), ("body", "matchers", "tags"), "tag names"),
    (body(matchers={"tags": {"team": 3}}), ("body", "matchers", "tags"), "tag names"),
    (body(matchers=[M]), ("body", "matchers"), "required: an object"),
])
def test_each_problem_is_a_named_field(b: dict[str, Any], loc: tuple[Any, ...], msg: str
                                       ) -> None:
    errors = errors_of(b)
    assert loc in errors, errors
    assert msg in errors[loc]


def test_unknown_key_that_is_not_a_name_is_not_echoed() -> None:
    errors = errors_of(body(**{M + "patient jane": 1}))
    assert errors == {("body",): "unknown field"}


def test_every_problem_at_once() -> None:
    errors = errors_of({"matchers": {"severity": "urgent"}, "duration": "soon", "x": 1})
    assert set(errors) == {("body", "matchers", "severity"), ("body", "duration"),
                           ("body", "author"), ("body", "comment"), ("body", "x")}


def test_not_an_object() -> None:
    assert errors_of([1]) == {("body",): "must be a JSON object"}


def test_active_window_and_expiry() -> None:
    s = parse_silence(body(), NOW)
    assert active(s, NOW) and active(s, s.ends_at - timedelta(microseconds=1))
    assert not active(s, s.ends_at) and not active(s, NOW - timedelta(seconds=1))
    expired = s.model_copy(update={"expired_at": NOW + timedelta(minutes=5)})
    assert active(expired, NOW + timedelta(minutes=4))
    assert not active(expired, NOW + timedelta(minutes=5))


def test_matching_all_fields_lists_and_tags() -> None:
    s = parse_silence(body(matchers={"service": ["intake-api", "billing"],
                                     "severity": "WARNING", "source": "alertmanager",
                                     "tags": {"alertname": "IntakeQueueBacklog"}}), NOW)
    assert silences_matching(alert(), [s], NOW) == [s]
    assert silences_matching(alert(service="billing"), [s], NOW) == [s]
    assert silences_matching(alert(action=Action.RESOLVE), [s], NOW) == [s]
    for miss in (alert(service="other"), alert(severity=Severity.CRITICAL),
                 alert(source=Source.DIRECT), alert(tags={"team": "platform"}),
                 alert(tags={"alertname": "Other"})):
        assert silences_matching(miss, [s], NOW) == []
    assert silences_matching(alert(), [s], s.ends_at) == []
    env = parse_silence(body(matchers={"environment": "staging"}), NOW)
    assert silences_matching(alert(environment="staging"), [s, env], NOW) == [s, env]
    assert silences_matching(alert(environment="staging", service="x"), [s, env], NOW) == [env]
    assert silences_matching(alert(), [s, env], NOW) == [s]


def test_scrubbed_author_comment_and_matchers_still_match_scrubbed_alerts() -> None:
    scrubber = Scrubber()
    email = "jane.doe@example.com"
    s = parse_silence(body(author=f"Dr Smith <{email}>", comment=f"re patient {email}",
                           matchers={"service": email, "tags": {"owner": [email, "x"]}}), NOW)
    clean, counts = s.scrubbed(scrubber)
    dumped = clean.model_dump_json()
    assert email not in dumped and "Smith" not in dumped
    assert counts["EMAIL"] >= 3 and sum(counts.values()) >= 4
    assert clean.id == s.id and clean.ends_at == s.ends_at
    raw_alert = alert(service=email, tags={"owner": email})
    scrubbed_alert, _ = raw_alert.scrubbed(scrubber)
    assert silences_matching(scrubbed_alert, [clean], NOW) == [clean]
    assert silences_matching(scrubbed_alert, [s], NOW) == []  # the raw silence would not
    plain = parse_silence(body(), NOW)
    same, none = plain.scrubbed(scrubber)
    assert same == plain and none == Counter()


def test_storage_roundtrip_keeps_the_matcher() -> None:
    s = parse_silence(body(matchers={"tags": {"team": ["a", "b"]}, "severity": ["info"]}), NOW)
    back = Silence.model_validate_json(s.model_dump_json())
    assert back == s and back.matcher == s.matcher
    assert s.as_json()["matchers"] == {"tags": {"team": ["a", "b"]}, "severity": ["info"]}


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(["matchers", "starts_at", "ends_at", "duration",
                                        "author", "comment", "extra"]),
                       st.none() | st.integers() | st.text(max_size=12)
                       | st.dictionaries(st.text(max_size=8), st.text(max_size=8)
                                         | st.lists(st.text(max_size=5))), max_size=7))
def test_arbitrary_bodies_are_silences_or_422(b: dict[str, Any]) -> None:
    try:
        s = parse_silence(b, NOW)
    except SchemaInvalid as exc:
        assert exc.errors
        return
    assert NOW < s.ends_at <= s.starts_at + timedelta(days=30)
    assert not s.matchers.is_empty()
