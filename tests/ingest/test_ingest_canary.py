"""Nothing unmapped reaches an Alert, and everything mapped does.

The canary test replaces EVERY string leaf of a fixture with a unique canary, except the
paths this file lists as deliberately mapped, then asserts that no canary shows up anywhere
in the resulting Alert. A new field read by a parser without being listed here fails this
test; so does a fallback that fires when it should not (e.g. `exception.values` used while
`title` is present). A second pass does the same to dict keys (keys of `extra`, frame vars,
request data …): no parser may copy keys it does not look up by name.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Iterator
from typing import Any

import pytest
from ingest_helpers import ALL_FIXTURES, KEY, make_ctx, parser_for

from relay.ingest import DEFAULT_TAG_ALLOWLIST, anonymise_user

Path = tuple[str | int, ...]
ANY = "*"

# Fields of an event the parsers deliberately read (title fallbacks excluded: every fixture
# has `title`, so exception/metadata/logentry text must stay unused).
EVENT_FIELDS: list[Path] = [
    ("title",), ("culprit",), ("event_id",), ("issue_id",), ("project",), ("url",),
    ("web_url",), ("issue_url",), ("environment",), ("release",), ("level",), ("datetime",),
    ("contexts", "trace", "trace_id"),
]


def _under(prefix: Path, fields: list[Path]) -> list[Path]:
    return [prefix + f for f in fields]


MAPPED: dict[str, list[Path]] = {
    "event_alert": [("action",), ("data", "triggered_rule"),
                    *_under(("data", "event"), EVENT_FIELDS)],
    "full_event": [("action",), ("data", "triggered_rule"),
                   *_under(("data", "event"), EVENT_FIELDS)],
    "error": [("action",), *_under(("data", "error"), EVENT_FIELDS)],
    "issue": [("action",), ("data", "resolution_type"), ("data", "assignee", "type"),
              *_under(("data", "issue"), [
                  ("id",), ("title",), ("culprit",), ("level",), ("count",), ("substatus",),
                  ("project", "slug"), ("web_url",), ("lastSeen",)])],
    "metric_alert": [("action",), ("data", "description_title"), ("data", "description_text"),
                     ("data", "web_url"), ("data", "metric_alert", "alert_rule", "id"),
                     ("data", "metric_alert", "alert_rule", "projects", ANY),
                     ("data", "metric_alert", "alert_rule", "environment"),
                     ("data", "metric_alert", "date_detected")],
    "legacy_plugin": [("id",), ("project",), ("project_slug",), ("culprit",), ("level",),
                      ("url",), ("triggering_rules", ANY), *_under(("event",), EVENT_FIELDS)],
    "installation": [("action",)],
    "comment": [("action",)],
}
TAG_LISTS: list[Path] = [("data", "event", "tags"), ("data", "error", "tags"), ("event", "tags")]


def kind(name: str) -> str:
    return name.split(".")[0]


def matches(path: Path, pattern: Path) -> bool:
    return len(path) == len(pattern) and is_prefix(path, pattern)


def is_prefix(path: Path, pattern: Path) -> bool:
    return len(path) <= len(pattern) and all(
        p in (ANY, x) for x, p in zip(path, pattern[: len(path)], strict=False))


def allowed_tag_paths(body: Any) -> list[Path]:
    """Both leaves of every allowlisted [key, value] tag pair: those are mapped on purpose."""
    out: list[Path] = []
    for base in TAG_LISTS:
        node = body
        for step in base:
            node = node.get(step) if isinstance(node, dict) else None
        if isinstance(node, list):
            for i, pair in enumerate(node):
                if isinstance(pair, list) and pair and pair[0] in DEFAULT_TAG_ALLOWLIST:
                    out += [(*base, i, 0), (*base, i, 1)]
    return out


def canaried(body: Any, mapped: list[Path], *, keys: bool = False) -> tuple[Any, list[str]]:
    """Canaries in every unmapped string leaf, or (keys=True) in every dict key that is
    not on the way to a mapped path (leaf values then stay as they were)."""
    counter = itertools.count()
    planted: list[str] = []

    def plant() -> str:
        value = f"CANARY{next(counter):05d}X"
        planted.append(value)
        return value

    def walk(node: Any, path: Path) -> Any:
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                child = (*path, key)
                keep_key = not keys or any(is_prefix(child, m) for m in mapped)
                out[key if keep_key else plant()] = walk(value, child)
            return out
        if isinstance(node, list):
            return [walk(v, (*path, i)) for i, v in enumerate(node)]
        if not keys and isinstance(node, str) and not any(matches(path, m) for m in mapped):
            return plant()
        return node

    return walk(body, ()), planted


def fixtures_with_alerts() -> Iterator[str]:
    for name in ALL_FIXTURES:
        if kind(name) not in ("installation", "comment"):
            yield name


@pytest.mark.parametrize("keys", [False, True], ids=["values", "keys"])
@pytest.mark.parametrize("name", ALL_FIXTURES)
def test_no_unmapped_string_reaches_an_alert(name: str, keys: bool) -> None:
    fn, body = parser_for(name)
    mapped = MAPPED[kind(name)] + allowed_tag_paths(body)
    poisoned, planted = canaried(body, mapped, keys=keys)
    assert len(planted) > 3  # the walk really planted canaries
    alerts = fn(poisoned, make_ctx())
    if kind(name) in ("installation", "comment"):
        assert alerts == []
        return
    assert len(alerts) == 1
    dumped = alerts[0].model_dump_json()
    assert "CANARY" not in dumped


def test_the_canary_walk_would_catch_a_leak() -> None:
    """Guard the guard: a field left off the mapped list is replaced and found."""
    fn, body = parser_for("error.created.json")
    mapped = [m for m in MAPPED["error"] if m != ("data", "error", "title")]
    poisoned, _ = canaried(body, mapped + allowed_tag_paths(body))
    (alert,) = fn(poisoned, make_ctx())
    assert alert.title.startswith("CANARY")
    assert poisoned["data"]["error"]["request"]["headers"][0][1].startswith("CANARY")
    poisoned, _ = canaried(body, MAPPED["error"], keys=True)
    assert "CANARY" in str(poisoned["data"]["error"]["contexts"])
    assert "CANARY" not in str(poisoned["data"]["error"]["title"])


# -- the converse: what is mapped really arrives ---------------------------------------------


def put(body: Any, path: Path, value: Any) -> None:
    node = body
    for step in path[:-1]:
        node = node[step]
    node[path[-1]] = value


CANARY = "CANARYz9"
URL_CANARY = f"https://sentry.example/organizations/org/issues/{CANARY}/"

# (fixture, path to set, value, alert field, expected value in the alert)
CONVERSE: list[tuple[str, Path, Any, str, Any]] = [
    ("event_alert.triggered.docs.json", ("data", "event", "title"), CANARY, "title", CANARY),
    ("event_alert.triggered.docs.json", ("data", "event", "culprit"), CANARY, "culprit", CANARY),
    ("event_alert.triggered.docs.json", ("data", "event", "environment"), CANARY,
     "environment", CANARY),
    ("event_alert.triggered.docs.json", ("data", "event", "release"), CANARY, "release", CANARY),
    ("event_alert.triggered.docs.json", ("data", "event", "event_id"), CANARY,
     "sentry_event_id", CANARY),
    ("event_alert.triggered.docs.json", ("data", "event", "issue_id"), CANARY,
     "fingerprint", f"sentry:front-end:{CANARY}"),
    ("event_alert.triggered.docs.json", ("data", "event", "url"),
     f"https://sentry.io/api/0/projects/org/{CANARY}/events/e1/", "service", CANARY),
    ("event_alert.triggered.docs.json", ("data", "event", "web_url"),
     f"https://sentry.io/organizations/org/issues/1/events/{CANARY}/", "link",
     "https://sentry.io/organizations/org/issues/1/"),
    ("event_alert.triggered.docs.json", ("data", "triggered_rule"), CANARY, "message",
     f"Alert rule: {CANARY}"),
    ("event_alert.triggered.docs.json", ("data", "event", "tags", 0, 1), CANARY, "tags.browser",
     CANARY),
    ("event_alert.triggered.docs.json", ("data", "event", "user", "ip_address"), CANARY, "user",
     anonymise_user(CANARY, KEY)),
    ("event_alert.triggered.docs.json", ("data", "event", "contexts", "trace"),
     {"trace_id": CANARY}, "correlation_id", CANARY),
    ("event_alert.triggered.docs.json", ("data", "event", "level"), "fatal", "severity",
     "critical"),
    ("error.created.json", ("data", "error", "title"), CANARY, "title", CANARY),
    ("issue.created.modern.json", ("data", "issue", "title"), CANARY, "title", CANARY),
    ("issue.created.modern.json", ("data", "issue", "culprit"), CANARY, "culprit", CANARY),
    ("issue.created.modern.json", ("data", "issue", "id"), CANARY, "sentry_issue_id", CANARY),
    ("issue.created.modern.json", ("data", "issue", "project", "slug"), CANARY, "service",
     CANARY),
    ("issue.created.modern.json", ("data", "issue", "web_url"), URL_CANARY, "link",
     URL_CANARY),
    ("issue.created.modern.json", ("data", "issue", "count"), "4711", "occurrences", 4711),
    ("issue.created.modern.json", ("data", "issue", "level"), "info", "severity", "info"),
    ("metric_alert.critical.json", ("data", "description_title"), CANARY, "title", CANARY),
    ("metric_alert.critical.json", ("data", "description_text"), CANARY, "message", CANARY),
    ("metric_alert.critical.json", ("data", "web_url"), URL_CANARY, "link", URL_CANARY),
    ("metric_alert.critical.json", ("data", "metric_alert", "alert_rule", "id"), CANARY,
     "fingerprint", f"sentry-metric:{CANARY}"),
    ("metric_alert.critical.json", ("data", "metric_alert", "alert_rule", "projects"), [CANARY],
     "service", CANARY),
    ("metric_alert.critical.json", ("data", "metric_alert", "alert_rule", "environment"), CANARY,
     "environment", CANARY),
    ("legacy_plugin.json", ("culprit",), CANARY, "culprit", CANARY),
    ("legacy_plugin.json", ("project_slug",), CANARY, "service", CANARY),
    ("legacy_plugin.json", ("id",), CANARY, "sentry_issue_id", CANARY),
    ("legacy_plugin.json", ("url",), URL_CANARY, "link", URL_CANARY),
    ("legacy_plugin.json", ("triggering_rules",), [CANARY], "message", f"Alert rule: {CANARY}"),
    ("legacy_plugin.json", ("event", "title"), CANARY, "title", CANARY),
    ("legacy_plugin.json", ("event", "user", "id"), CANARY, "user", anonymise_user(CANARY, KEY)),
    ("legacy_plugin.json", ("level",), "debug", "severity", "info"),
]


@pytest.mark.parametrize(("name", "path", "value", "field", "expected"), CONVERSE)
def test_mapped_fields_are_really_mapped(
    name: str, path: Path, value: Any, field: str, expected: Any
) -> None:
    fn, body = parser_for(name)
    body = copy.deepcopy(body)
    put(body, path, value)
    (alert,) = fn(body, make_ctx())
    attr, _, key = field.partition(".")
    got = getattr(alert, attr)
    assert (got[key] if key else got) == expected
