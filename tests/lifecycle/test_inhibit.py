"""Inhibition: rules parsed with every problem listed; sources tracked from trigger to
resolve (or TTL); targets muted only by another firing source with equal fields."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from relay.inhibit import (
    Inhibitor,
    InhibitRuleError,
    MemoryInhibitState,
    parse_inhibit_rules,
    source_keys,
    target_keys,
)
from relay.model import Action, Alert, Severity, Source

RULES = parse_inhibit_rules([{
    "source_match": {"severity": "critical", "tags": {"alertname": "DatabaseDown"}},
    "target_match": {"severity": ["warning", "info"]},
    "equal": ["environment", "tags.cluster"],
}])


def alert(fp: str, **over: Any) -> Alert:
    fields: dict[str, Any] = {"source": Source.ALERTMANAGER, "severity": Severity.WARNING,
                              "title": "t", "service": "intake-api", "fingerprint": fp,
                              "environment": "production", "tags": {"cluster": "eu-1"}}
    fields.update(over)
    return Alert(**fields)


def db_down(fp: str = "am:db", **over: Any) -> Alert:
    fields = {"tags": {"alertname": "DatabaseDown", "cluster": "eu-1"},
              "severity": Severity.CRITICAL, "service": "postgres"} | over
    return alert(fp, **fields)


async def test_source_mutes_matching_targets_until_resolved() -> None:
    inh = Inhibitor(RULES)
    target = alert("am:lag")
    assert not await inh.inhibited(target, 0)
    await inh.observe(db_down(), 10)
    assert await inh.inhibited(target, 11)
    await inh.observe(db_down(action=Action.RESOLVE), 20)
    assert not await inh.inhibited(target, 21)


async def test_equal_fields_must_match() -> None:
    inh = Inhibitor(RULES)
    await inh.observe(db_down(), 0)
    assert not await inh.inhibited(alert("a", environment="staging"), 1)
    assert not await inh.inhibited(alert("b", tags={"cluster": "us-1"}), 1)
    assert not await inh.inhibited(alert("c", tags={}), 1)  # missing tag: never muted
    assert await inh.inhibited(alert("d", service="other", tags={"cluster": "eu-1", "x": "y"}), 1)


async def test_target_must_match_and_source_must_match() -> None:
    inh = Inhibitor(RULES)
    await inh.observe(db_down(), 0)
    assert not await inh.inhibited(alert("crit", severity=Severity.CRITICAL), 1)
    inh2 = Inhibitor(RULES)
    await inh2.observe(db_down(severity=Severity.WARNING), 0)  # not a source: not critical
    assert not await inh2.inhibited(alert("t"), 1)
    await inh2.observe(db_down(fp="am:db2", tags={"alertname": "DatabaseDown"}), 0)
    assert not await inh2.inhibited(alert("t"), 1)  # source without cluster tag: no key


async def test_never_inhibits_itself() -> None:
    both = parse_inhibit_rules([{"source_match": {"service": "intake-api"},
                                 "target_match": {"service": "intake-api"},
                                 "equal": ["environment"]}])
    inh = Inhibitor(both)
    a, b = alert("am:a"), alert("am:b")
    await inh.observe(a, 0)
    assert not await inh.inhibited(a, 1)
    assert await inh.inhibited(b, 1)
    await inh.observe(b, 1)
    assert await inh.inhibited(a, 2)  # two distinct sources mute each other, as Alertmanager


async def test_ttl_expires_a_lost_resolve_and_a_trigger_refreshes() -> None:
    state = MemoryInhibitState()
    inh = Inhibitor(RULES, state, ttl=100)
    await inh.observe(db_down(), 0)
    assert await inh.inhibited(alert("t"), 99)
    await inh.observe(db_down(), 90)  # repeat trigger refreshes
    assert await inh.inhibited(alert("t"), 189)
    assert not await inh.inhibited(alert("t"), 190)
    assert len(state) == 0  # the expired entry was dropped when met


async def test_source_that_stops_matching_is_forgotten() -> None:
    inh = Inhibitor(RULES)
    await inh.observe(db_down(), 0)
    await inh.observe(db_down(severity=Severity.WARNING), 1)  # same fingerprint, downgraded
    assert not await inh.inhibited(alert("t"), 2)


async def test_one_of_several_sources_resolving_keeps_the_mute() -> None:
    inh = Inhibitor(RULES)
    await inh.observe(db_down("am:db1"), 0)
    await inh.observe(db_down("am:db2"), 0)
    await inh.observe(db_down("am:db1", action=Action.RESOLVE), 1)
    assert await inh.inhibited(alert("t"), 2)
    await inh.observe(db_down("am:db2", action=Action.RESOLVE), 3)
    assert not await inh.inhibited(alert("t"), 4)


async def test_no_rules_nothing_inhibited() -> None:
    inh = Inhibitor(())
    await inh.observe(db_down(), 0)
    assert not await inh.inhibited(alert("t"), 1)


def test_pure_keys() -> None:
    assert source_keys(RULES, db_down()) == {0: ("production", "eu-1")}
    assert target_keys(RULES, db_down()) == {}
    assert target_keys(RULES, alert("t", environment="dev")) == {0: ("dev", "eu-1")}
    rules = parse_inhibit_rules([{"source_match": {"source": "alertmanager"},
                                  "target_match": {"severity": "info"},
                                  "equal": ["severity", "source", "service"]}])
    assert source_keys(rules, alert("x")) == {0: ("warning", "alertmanager", "intake-api")}


def test_yaml_every_problem_listed() -> None:
    from relay.config import _LineLoader

    text = """\
inhibit_rules:
  - source_match: {severity: critical}
    target_match: {severity: warning}
    equal: [service]
  - source_match: {}
    target_match: {severity: urgent, instance: x}
    equal: [servce, tags.cluster]
    because: reasons
  - target_match: {service: [a, b]}
    equal: service
  - 7
"""
    doc = yaml.load(text, Loader=_LineLoader)
    with pytest.raises(InhibitRuleError) as info:
        parse_inhibit_rules(doc["inhibit_rules"], origin="routing.yaml")
    problems = info.value.problems
    joined = "\n".join(problems)
    for expected in ("routing.yaml:5: inhibit_rules[1]: unknown key 'because'",
                     "inhibit_rules[1].source_match: needs at least one",
                     "inhibit_rules[1].target_match.severity: must be critical",
                     "inhibit_rules[1].target_match: cannot match on 'instance'",
                     "unknown field 'servce'",
                     "routing.yaml:9: inhibit_rules[2].source_match: required",
                     "inhibit_rules[2].equal: must be a list",
                     "routing.yaml: inhibit_rules[3]: must be a mapping"):
        assert expected in joined, (expected, problems)
    assert len(problems) == 8


def test_valid_yaml_with_lines_parses() -> None:
    from relay.config import _LineLoader

    doc = yaml.load("inhibit_rules:\n  - source_match: {tags: {alertname: X}}\n"
                    "    target_match: {severity: [warning]}\n", Loader=_LineLoader)
    [rule] = parse_inhibit_rules(doc["inhibit_rules"])
    assert rule.equal == () and dict(rule.source.tags) == {"alertname": frozenset({"X"})}
    assert parse_inhibit_rules(None) == ()
    with pytest.raises(InhibitRuleError):
        parse_inhibit_rules({"source_match": {}})
