"""Fingerprints and the shared ingest helpers (user hashing, severity table, readers)."""

from __future__ import annotations

import hashlib
import hmac
from datetime import UTC, datetime, timedelta

import pytest

from relay import fingerprint
from relay.ingest import SeverityMap, anonymise_user
from relay.ingest.common import http_link, parse_datetime, positive_int, token
from relay.model import Severity


def test_formats() -> None:
    assert fingerprint.sentry_issue("front-end", "1170820242") == "sentry:front-end:1170820242"
    assert fingerprint.sentry_metric("7") == "sentry-metric:7"
    assert fingerprint.alertmanager("3f2a") == "am:3f2a"
    assert fingerprint.direct("s", "e", "t").startswith("direct:")
    assert len(fingerprint.direct("s", "e", "t")) == len("direct:") + 32


@pytest.mark.parametrize(("a", "b"), [
    ("timeout after 3012 ms on 0xdeadbeef", "timeout after 15 ms on 0xabc"),
    ("job 495d375a-1df6-45c0-9890-34dae8e1b6a4 failed", "job 0b1c2d3e-0000-4000-8000-1234 failed"),
    ("hash deadbeefcafe mismatch", "hash abcdefabcdef mismatch"),
    ("worker-12 died", "worker-7 died"),
    ("retry  3 of 5", "retry 4 of 5"),
])
def test_numbers_and_hex_are_masked(a: str, b: str) -> None:
    assert fingerprint.direct("svc", "prod", a) == fingerprint.direct("svc", "prod", b)


@pytest.mark.parametrize(("a", "b"), [
    ("user added", "user deleted"),       # "added" is a word, not hex
    ("cache face miss", "cache bead miss"),
    ("timeout", "timeouts"),
])
def test_words_are_not_masked(a: str, b: str) -> None:
    assert fingerprint.direct("svc", "prod", a) != fingerprint.direct("svc", "prod", b)


def test_service_and_environment_separate_fingerprints() -> None:
    fp = fingerprint.direct("svc", "prod", "t")
    assert fp != fingerprint.direct("svc2", "prod", "t")
    assert fp != fingerprint.direct("svc", "staging", "t")
    # the separator keeps "a"+"bc" apart from "ab"+"c"
    assert fingerprint.direct("a", "bc", "t") != fingerprint.direct("ab", "c", "t")


def test_mask_variable() -> None:
    assert fingerprint.mask_variable("took 3012 ms on 0xdeadbeef\n") == "took # ms on #"


def test_anonymise_user() -> None:
    key = b"k3y"
    expected = "user_" + hmac.new(key, b"42", hashlib.sha256).hexdigest()[:8]
    assert anonymise_user("42", key) == expected
    assert anonymise_user("42", b"other") != expected
    assert anonymise_user("43", key) != expected
    # a fixed vector (cross-checked with openssl), so the scheme cannot drift silently
    assert anonymise_user("42", key) == "user_ce2d7cae"  # openssl dgst -sha256 -hmac k3y


def test_severity_map_defaults_follow_design() -> None:
    sm = SeverityMap()
    assert [sm.for_level(x) for x in ("fatal", "error", "warning", "info", "debug")] == [
        Severity.CRITICAL, Severity.WARNING, Severity.WARNING, Severity.INFO, Severity.INFO]
    assert sm.for_level("FATAL") is Severity.CRITICAL
    assert sm.for_level(None) is Severity.WARNING and sm.for_level(3) is Severity.WARNING
    assert sm.for_level("bogus") is Severity.WARNING
    assert sm.for_metric("critical") is Severity.CRITICAL
    assert sm.for_metric("warning") is Severity.WARNING


def test_severity_map_overrides() -> None:
    sm = SeverityMap.with_overrides({"Error": "critical", "debug": "info",
                                     "metric.critical": "warning"})
    assert sm.for_level("error") is Severity.CRITICAL
    assert sm.for_level("fatal") is Severity.CRITICAL  # untouched defaults remain
    assert sm.for_metric("critical") is Severity.WARNING
    assert SeverityMap().for_level("error") is Severity.WARNING  # defaults not mutated
    with pytest.raises(ValueError):
        SeverityMap.with_overrides({"error": "page-everyone"})


@pytest.mark.parametrize(("raw", "expected"), [
    ("2019-08-19T21:06:17.677000Z", datetime(2019, 8, 19, 21, 6, 17, 677000, UTC)),
    ("2020-04-28T13:56:05.903736Z", datetime(2020, 4, 28, 13, 56, 5, 903736, UTC)),
    ("2025-11-10T20:56:00.679000+00:00", datetime(2025, 11, 10, 20, 56, 0, 679000, UTC)),
    ("2025-11-10T22:56:00+02:00", datetime(2025, 11, 10, 20, 56, tzinfo=UTC)),
    ("2025-11-10T20:56:00", datetime(2025, 11, 10, 20, 56, tzinfo=UTC)),
    (1588082165.903736, datetime(2020, 4, 28, 13, 56, 5, 903736, UTC)),
    (1566248777, datetime(2019, 8, 19, 21, 6, 17, tzinfo=UTC)),
    ("1566248777.677", datetime(2019, 8, 19, 21, 6, 17, 677000, UTC)),
])
def test_parse_datetime_shapes(raw: object, expected: datetime) -> None:
    got = parse_datetime(raw)
    assert got is not None
    assert abs(got - expected) < timedelta(microseconds=2)
    assert got.utcoffset() == timedelta(0)
    assert got.tzinfo is UTC


@pytest.mark.parametrize("raw", [None, "", "yesterday", True, 1e300, -5, float("nan"),
                                 float("inf"), "nan", [2020], {"t": 1}, "9" * 80,
                                 "2020-13-45T00:00:00Z"])
def test_parse_datetime_rejects(raw: object) -> None:
    assert parse_datetime(raw) is None


@pytest.mark.parametrize(("raw", "expected"), [
    ("https://sentry.io/issues/1/", "https://sentry.io/issues/1/"),
    ("http://sentry.local:9000/x?y=1#frag", "http://sentry.local:9000/x?y=1"),
    ("javascript:alert(1)", None), ("ftp://h/x", None), ("/relative", None),
    ("https://user:pw@h/x", None), ("https://h/a b", None), ("https://", None),
    ("https://[::1/x", None), (None, None), (5, None), ("https://h/" + "x" * 3000, None),
])
def test_http_link(raw: object, expected: str | None) -> None:
    assert http_link(raw) == expected


def test_readers() -> None:
    assert positive_int("3") == 3 and positive_int(7) == 7
    assert positive_int("0") == 1 and positive_int(True) == 1 and positive_int("-2") == 1
    assert positive_int("9" * 30) == 1 and positive_int(10**12) == 10**9
    assert token("req-1") == "req-1" and token(12) == "12"
    assert token("has space") is None and token("x" * 129) is None and token(False) is None
