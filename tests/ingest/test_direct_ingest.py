"""Direct alerts: the DESIGN §4 schema, batches, and errors that name the field without
ever echoing what was submitted."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from ingest_helpers import KEY, RECEIVED, make_ctx

from relay import fingerprint
from relay.errors import FieldError, SchemaInvalid
from relay.ingest import anonymise_user, parse_direct
from relay.model import Action, Severity, Source

# Every submitted value in the bad cases carries this marker, so "the error never echoes
# the input" is a plain substring check. Our messages never contain it.
M = "⟦"

GOOD: dict[str, Any] = {
    "title": "Payment webhook timed out after 3012 ms",
    "severity": "CRITICAL",
    "service": "billing",
    "message": "Upstream did not answer",
    "correlation_id": "req-4f2a9c",
    "user_id": "patient-portal-user-991",
    "link": "https://grafana.example.org/d/abc?orgId=1",
    "timestamp": "2024-04-30T10:11:12.345+02:00",
    "tags": {"team": "payments", "region": "eu-1"},
    "details": {"component": "stripe", "status_code": 504, "patient_name": "Jane Doe",
                "nested": {"ssn": "123-45-6789"}},
}


def test_one_object_is_one_alert() -> None:
    (alert,) = parse_direct(GOOD, make_ctx())
    assert alert.source is Source.DIRECT
    assert alert.severity is Severity.CRITICAL
    assert alert.action is Action.TRIGGER
    assert alert.environment == "production"
    assert alert.title == GOOD["title"] and alert.message == GOOD["message"]
    assert alert.fingerprint == fingerprint.direct("billing", "production", GOOD["title"])
    assert alert.user == anonymise_user("patient-portal-user-991", KEY)
    assert alert.link == GOOD["link"]
    assert alert.occurred_at == datetime(2024, 4, 30, 8, 11, 12, 345000, UTC)
    assert alert.received_at == RECEIVED
    assert alert.correlation_id == "req-4f2a9c"
    # allowlisted scalar details become tags; explicit tags win; everything else is dropped
    assert alert.tags == {"team": "payments", "region": "eu-1", "component": "stripe",
                          "status_code": "504"}
    dumped = alert.model_dump_json()
    for raw in ("Jane Doe", "123-45-6789", "patient-portal-user-991", "nested"):
        assert raw not in dumped


def test_dedup_key_resolve_and_case_insensitive_enums() -> None:
    body = {"title": "Disk full", "severity": " Warning ", "service": "files",
            "action": "RESOLVE", "dedup_key": "files-disk-/var", "environment": "staging",
            "user_id": 12345, "timestamp": "2024-04-30T10:11:12"}
    (alert,) = parse_direct(body, make_ctx(), source=Source.TEST)
    assert (alert.severity, alert.action, alert.source) == (Severity.WARNING, Action.RESOLVE,
                                                            Source.TEST)
    assert alert.fingerprint == "files-disk-/var"
    assert alert.user == anonymise_user("12345", KEY)
    assert alert.occurred_at is not None and alert.occurred_at.tzinfo is not None
    assert alert.occurred_at.utcoffset() == timedelta(0)


def test_titles_differing_only_in_numbers_share_a_fingerprint() -> None:
    a, b, c = parse_direct([
        {"title": "timeout after 3012 ms on 0xdeadbeef", "severity": "info", "service": "s"},
        {"title": "timeout after 15 ms on 0xabc", "severity": "info", "service": "s"},
        {"title": "timeout after 15 ms on 0xabc", "severity": "info", "service": "s",
         "environment": "staging"},
    ], make_ctx())
    assert a.fingerprint == b.fingerprint != c.fingerprint


def test_batches_of_1_to_100() -> None:
    one = {"title": "t", "severity": "info", "service": "s"}
    assert len(parse_direct([one], make_ctx())) == 1
    alerts = parse_direct([dict(one, title=f"t{i}") for i in range(100)], make_ctx())
    assert [a.title for a in alerts] == [f"t{i}" for i in range(100)]


@pytest.mark.parametrize("body", [[], [{"title": "t", "severity": "info", "service": "s"}] * 101,
                                  "a string", 42, None, True])
def test_bad_body_shapes(body: Any) -> None:
    with pytest.raises(SchemaInvalid) as caught:
        parse_direct(body, make_ctx())
    assert [e.loc for e in caught.value.errors] == [("body",)]


def _with(**changes: Any) -> dict[str, Any]:
    body = copy.deepcopy(GOOD)
    for key, value in changes.items():
        if value is DROP:
            body.pop(key)
        else:
            body[key] = value
    return body


DROP = object()

BAD: list[tuple[str, dict[str, Any], str]] = [
    ("title 501", _with(title=M * 501), "title"),
    ("title empty", _with(title="   "), "title"),
    ("title control only", _with(title="\x01\x02"), "title"),
    ("title missing", _with(title=DROP), "title"),
    ("title number", _with(title=12345), "title"),
    ("title object", _with(title={M: M}), "title"),
    ("unknown severity", _with(severity=M + "urgent"), "severity"),
    ("severity number", _with(severity=2), "severity"),
    ("severity missing", _with(severity=DROP), "severity"),
    ("service missing", _with(service=DROP), "service"),
    ("service too long", _with(service=M * 101), "service"),
    ("service list", _with(service=[M]), "service"),
    ("environment empty", _with(environment=""), "environment"),
    ("message too long", _with(message=M * 10_001), "message"),
    ("unknown action", _with(action=M + "close"), "action"),
    ("dedup_key 256", _with(dedup_key=M * 256), "dedup_key"),
    ("correlation id with spaces", _with(correlation_id=M + " x y"), "correlation_id"),
    ("user_id object", _with(user_id={"id": M}), "user_id"),
    ("user_id bool", _with(user_id=True), "user_id"),
    ("user_id float", _with(user_id=1.5), "user_id"),
    ("link http", _with(link=f"http://{M}.example.org/"), "link"),
    ("link javascript", _with(link=f"javascript:alert('{M}')"), "link"),
    ("link relative", _with(link=f"/grafana/{M}"), "link"),
    ("link with credentials", _with(link=f"https://u{M}:p@example.org/"), "link"),
    ("link number", _with(link=443), "link"),
    ("timestamp words", _with(timestamp=M + "yesterday"), "timestamp"),
    ("timestamp epoch", _with(timestamp=1714471872), "timestamp"),
    ("timestamp bad date", _with(timestamp="2024-02-30T10:00:00Z" + M), "timestamp"),
    ("tags not object", _with(tags=M), "tags"),
    ("tags value number", _with(tags={"a": 5}), "tags"),
    ("tags bad key", _with(tags={M + " key with spaces": "v"}), "tags"),
    ("tags value too long", _with(tags={"a": M * 201}), "tags"),
    ("too many tags", _with(tags={f"k{i}": M for i in range(33)}), "tags"),
    ("details list", _with(details=[M]), "details"),
]


@pytest.mark.parametrize(("case", "body", "field"), BAD, ids=[c[0] for c in BAD])
def test_bad_field_is_named_and_never_echoed(case: str, body: dict[str, Any], field: str
                                             ) -> None:
    with pytest.raises(SchemaInvalid) as caught:
        parse_direct(body, make_ctx())
    errors = caught.value.errors
    assert [e.loc for e in errors] == [("body", field)]
    assert_no_echo(caught.value, body)


def assert_no_echo(exc: SchemaInvalid, body: Any) -> None:
    texts = [str(e) for e in exc.errors] + [str(exc), exc.detail]
    for text in texts:
        assert M not in text
        for value in _strings(body):
            if len(value) >= 6:
                assert value not in text


def _strings(value: Any, depth: int = 0) -> list[str]:
    """Every submitted string: values, and keys below the top level (field names are ours)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        keys = [k for k in value if isinstance(k, str)] if depth else []
        return keys + [s for v in value.values() for s in _strings(v, depth + 1)]
    if isinstance(value, list):
        return [s for v in value for s in _strings(v, depth)]
    return []


def test_batch_errors_carry_the_index_and_every_failing_field() -> None:
    ok = {"title": "t", "severity": "info", "service": "s"}
    body = [ok, ok, {"title": M * 600, "severity": M, "service": "s"}, M, ok]
    with pytest.raises(SchemaInvalid) as caught:
        parse_direct(body, make_ctx())
    locs = [e.loc for e in caught.value.errors]
    assert locs == [("body", 2, "title"), ("body", 2, "severity"), ("body", 3)]
    assert_no_echo(caught.value, body)


def test_field_error_messages_are_ours() -> None:
    with pytest.raises(SchemaInvalid) as caught:
        parse_direct({"title": 1, "service": None, "tags": {"k": 1}}, make_ctx())
    by_loc = {e.loc: e.msg for e in caught.value.errors}
    assert by_loc == {
        ("body", "title"): "required: a string of 1 to 500 characters",
        ("body", "severity"): "field required",
        ("body", "service"): "required: a string of 1 to 100 characters",
        ("body", "tags"): by_loc[("body", "tags")],
    }
    assert "Input should" not in " ".join(by_loc.values())  # no pydantic wording
    assert isinstance(caught.value.errors[0], FieldError)


def test_unknown_fields_are_ignored_and_not_forwarded() -> None:
    (alert,) = parse_direct({"title": "t", "severity": "info", "service": "s",
                             "patient": {"name": "Jane Roe"}, "mrn": "MRN-0042"}, make_ctx())
    dumped = alert.model_dump_json()
    assert "Jane Roe" not in dumped and "MRN-0042" not in dumped


def test_text_is_cleaned_of_controls_and_lone_surrogates() -> None:
    (alert,) = parse_direct({"title": "bad\x00 byte \ud800", "severity": "info",
                             "service": "s\x1b", "timestamp": "2024-01-01T00:00:00-05:00"},
                            make_ctx())
    assert alert.title == "bad byte ?"
    assert alert.service == "s"
    alert.model_dump_json().encode("utf-8")
    assert alert.occurred_at == datetime(2024, 1, 1, 5, tzinfo=UTC)


def test_null_means_default_for_fields_with_defaults() -> None:
    (alert,) = parse_direct({"title": "t", "severity": "info", "service": "s",
                             "environment": None, "action": None, "tags": None,
                             "message": None, "details": None, "link": None}, make_ctx())
    assert (alert.environment, alert.action, alert.tags) == ("production", Action.TRIGGER, {})
