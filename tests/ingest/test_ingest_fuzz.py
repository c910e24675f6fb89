"""Property tests: whatever JSON arrives, the parsers return sane Alerts or raise
SchemaInvalid, nothing else; and a direct-alert error never echoes what was submitted."""

from __future__ import annotations

import copy
import re
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from ingest_helpers import ALL_FIXTURES, load, make_ctx, parser_for

from relay.errors import SchemaInvalid
from relay.ingest import parse_direct, parse_legacy, parse_webhook
from relay.ingest.direct import DirectAlertIn
from relay.model import Alert

FAST = settings(max_examples=300, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

scalars = (st.none() | st.booleans() | st.integers() | st.floats()
           | st.integers(min_value=-(10**30), max_value=10**30)
           | st.text(max_size=40) | st.sampled_from(
               ["", "fatal", "error", "created", "resolved", "triggered", "1", "12",
                "https://sentry.io/api/0/issues/1/", "2020-04-28T13:56:05.903736Z",
                "\ud800", "x" * 2000]))
json_values = st.recursive(
    scalars,
    lambda inner: st.lists(inner, max_size=5) | st.dictionaries(st.text(max_size=12), inner,
                                                                max_size=5),
    max_leaves=30,
)
RESOURCES = st.sampled_from([None, "event_alert", "error", "issue", "metric_alert",
                             "installation", "comment", "seer", "unknown"])


def check(alerts: list[Alert]) -> None:
    """Invariants every produced alert holds, whatever the input."""
    for alert in alerts:
        assert isinstance(alert, Alert)
        assert alert.title and len(alert.title) <= 500
        assert alert.fingerprint and alert.service
        assert alert.link is None or re.match(r"https?://", alert.link)
        assert alert.user is None or re.fullmatch(r"user_[0-9a-f]{8}", alert.user)
        assert alert.occurrences >= 1
        alert.model_dump_json().encode("utf-8")  # storable: no lone surrogates


def run(fn: Any, *args: Any) -> None:
    try:
        check(fn(*args))
    except SchemaInvalid as exc:
        assert exc.errors and all(e.loc and e.loc[0] == "body" for e in exc.errors)


@FAST
@given(resource=RESOURCES, body=json_values)
def test_parse_webhook_arbitrary_json(resource: str | None, body: Any) -> None:
    run(parse_webhook, resource, body, make_ctx())


@FAST
@given(body=json_values)
def test_parse_legacy_arbitrary_json(body: Any) -> None:
    run(parse_legacy, body, make_ctx())


@FAST
@given(body=json_values)
def test_parse_direct_arbitrary_json(body: Any) -> None:
    run(parse_direct, body, make_ctx())


# -- mutated fixtures: the right envelope, wrong types deep inside -----------------------------


def paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(node, dict):
        for key, value in node.items():
            out += paths(value, (*prefix, key))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            out += paths(value, (*prefix, i))
    return out


PARSED = {name: parser_for(name) for name in ALL_FIXTURES}
PATHS = {name: [p for p in paths(body) if p] for name, (_, body) in PARSED.items()}


@FAST
@given(data=st.data(), name=st.sampled_from(ALL_FIXTURES))
def test_mutated_fixtures(data: st.DataObject, name: str) -> None:
    fn, body = PARSED[name]
    body = copy.deepcopy(body)
    for path in data.draw(st.lists(st.sampled_from(PATHS[name]), min_size=1, max_size=4)):
        node = body
        try:
            for step in path[:-1]:
                node = node[step]
            node[path[-1]] = data.draw(json_values)
        except (KeyError, IndexError, TypeError):
            continue  # an earlier mutation replaced an ancestor
    run(fn, body, make_ctx())


# -- direct alerts: field-shaped bodies, and no echo --------------------------------------------

MARK = "⟦"
marked = st.text(max_size=30).map(lambda s: MARK + s)
field_values = (marked | st.none() | st.booleans() | st.integers() | st.floats()
                | st.lists(marked, max_size=3) | st.dictionaries(marked, marked, max_size=3)
                | st.sampled_from(["critical", "INFO", "resolve", "https://x.example/",
                                   "2024-01-01T00:00:00Z", "x" * 600]))
direct_bodies = st.dictionaries(st.sampled_from(sorted(DirectAlertIn.model_fields)),
                                field_values, max_size=len(DirectAlertIn.model_fields))


@FAST
@given(body=direct_bodies | st.lists(direct_bodies, min_size=1, max_size=4))
def test_direct_errors_never_echo_input(body: Any) -> None:
    try:
        check(parse_direct(body, make_ctx()))
    except SchemaInvalid as exc:
        for error in exc.errors:
            assert MARK not in str(error)
            assert all(isinstance(part, int) or MARK not in part for part in error.loc)
        assert MARK not in str(exc) and MARK not in exc.detail


def test_mutation_strategy_reaches_deep_paths() -> None:
    """Guard the fuzzer: the mutated-fixture test can hit the fields parsers read."""
    assert ("data", "issue", "project", "slug") in PATHS["issue.created.json"]
    assert ("data", "event", "tags", 0, 1) in PATHS["event_alert.triggered.json"]
    assert load("legacy_plugin.json")["event"]["tags"]
