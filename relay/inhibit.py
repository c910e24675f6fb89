"""Inhibition: while a source alert fires, target alerts that share some fields with it are
muted (the database is down → don't also page for every service that cannot reach it).

Routing-file shape:

    inhibit_rules:
      - source_match: {severity: critical, tags: {alertname: DatabaseDown}}
        target_match: {severity: [warning, info]}
        equal: [environment, tags.cluster]   # severity, service, environment, source,
                                             # or tags.<name>

Semantics, and why:
- `source_match` and `target_match` are the same matchers as routes and silences
  (`relay.matchers`), both required and non-empty: a rule muting "everything" must say so.
- Every field in `equal` must have the same value in source and target. A tag missing on
  either side means *not* equal (Alertmanager treats two missing labels as equal; here a
  missing value never mutes: fail closed, an alert is only hidden on positive evidence).
- A source is remembered from its trigger until the resolve of the same fingerprint, or a
  later trigger of that fingerprint that no longer matches any source (severity dropped),
  or `ttl` (24 h by default) after its last trigger, so a lost resolve cannot mute forever.
- An alert never inhibits itself (same fingerprint), even if it matches both sides.
- Time is a float (epoch seconds, like `relay.dedup`), passed in; the state is behind the
  async `InhibitState` protocol so a shared (Redis) state can replace `MemoryInhibitState`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import ValidationError

from relay.config import Matcher
from relay.matchers import EMPTY, MESSAGES, MatchIn, drop_lines
from relay.model import Action, Alert
from relay.routing import matches

DEFAULT_TTL = 24 * 3600.0
EQUAL_FIELDS = ("severity", "service", "environment", "source")
TAG_PREFIX = "tags."

Key = tuple[str, ...]


class InhibitRuleError(Exception):
    """Every problem in the `inhibit_rules` section, each naming where it is."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class InhibitRule:
    source: Matcher
    target: Matcher
    equal: tuple[str, ...] = ()

    def key(self, alert: Alert) -> Key | None:
        """The alert's values of the `equal` fields; None when a tag is missing."""
        values: list[str] = []
        for name in self.equal:
            if name.startswith(TAG_PREFIX):
                value = alert.tags.get(name[len(TAG_PREFIX):])
                if value is None:
                    return None
                values.append(value)
            else:
                values.append(str(getattr(alert, name)))
        return tuple(values)


def source_keys(rules: tuple[InhibitRule, ...], alert: Alert) -> dict[int, Key]:
    """For each rule the alert is a source of: its `equal` key (pure)."""
    out: dict[int, Key] = {}
    for i, rule in enumerate(rules):
        if matches(rule.source, alert):
            key = rule.key(alert)
            if key is not None:
                out[i] = key
    return out


def target_keys(rules: tuple[InhibitRule, ...], alert: Alert) -> dict[int, Key]:
    """For each rule the alert is a target of: its `equal` key (pure)."""
    out: dict[int, Key] = {}
    for i, rule in enumerate(rules):
        if matches(rule.target, alert):
            key = rule.key(alert)
            if key is not None:
                out[i] = key
    return out


class InhibitState(Protocol):
    """Where firing sources are remembered: per process (memory) or shared (Redis)."""

    async def record(self, fingerprint: str, keys: Mapping[int, Key], expires_at: float
                     ) -> None:
        """Remember (or refresh) a firing source with its key per rule."""

    async def forget(self, fingerprint: str) -> None:
        """The source resolved or stopped matching."""

    async def any_source(self, rule: int, key: Key, *, excluding: str, now: float) -> bool:
        """Whether a live source other than `excluding` has `key` for `rule`."""


@dataclass
class MemoryInhibitState:
    """In-process state: {(rule, key): {fingerprint: expires_at}}, expired entries dropped
    when met."""

    _by_key: dict[tuple[int, Key], dict[str, float]] = field(default_factory=dict)
    _by_fp: dict[str, dict[int, Key]] = field(default_factory=dict)

    async def record(self, fingerprint: str, keys: Mapping[int, Key], expires_at: float
                     ) -> None:
        await self.forget(fingerprint)
        self._by_fp[fingerprint] = dict(keys)
        for rule, key in keys.items():
            self._by_key.setdefault((rule, key), {})[fingerprint] = expires_at

    async def forget(self, fingerprint: str) -> None:
        for rule, key in self._by_fp.pop(fingerprint, {}).items():
            holders = self._by_key.get((rule, key))
            if holders is not None:
                holders.pop(fingerprint, None)
                if not holders:
                    del self._by_key[(rule, key)]

    async def any_source(self, rule: int, key: Key, *, excluding: str, now: float) -> bool:
        holders = self._by_key.get((rule, key))
        if not holders:
            return False
        for fp, expires_at in list(holders.items()):
            if expires_at <= now:
                await self.forget(fp)
            elif fp != excluding:
                return True
        return False

    def __len__(self) -> int:
        return len(self._by_fp)


class Inhibitor:
    """Rules + state. Call `observe` for every (scrubbed) alert, then `inhibited`."""

    def __init__(self, rules: tuple[InhibitRule, ...], state: InhibitState | None = None,
                 *, ttl: float = DEFAULT_TTL) -> None:
        self.rules = rules
        self.state: InhibitState = state if state is not None else MemoryInhibitState()
        self.ttl = ttl

    async def observe(self, alert: Alert, now: float) -> None:
        """Track the alert as a source: a trigger matching a source records (refreshes the
        TTL), a resolve or a non-matching trigger of the same fingerprint forgets."""
        if not self.rules:
            return
        keys = source_keys(self.rules, alert) if alert.action is Action.TRIGGER else {}
        if keys:
            await self.state.record(alert.fingerprint, keys, now + self.ttl)
        else:
            await self.state.forget(alert.fingerprint)

    async def inhibited(self, alert: Alert, now: float) -> bool:
        """Whether some other firing source mutes this alert."""
        for rule, key in target_keys(self.rules, alert).items():
            if await self.state.any_source(rule, key, excluding=alert.fingerprint, now=now):
                return True
        return False


# -- parsing --------------------------------------------------------------------------------

def _matcher(raw: Any, name: str, where: str, add: Any) -> Matcher | None:
    if not isinstance(raw, dict):
        add(f"{where}.{name}: required: a mapping of severity, service, environment, "
            "source, tags")
        return None
    try:
        parsed = MatchIn.model_validate(drop_lines(raw))
    except ValidationError as exc:
        for error in exc.errors(include_input=False, include_url=False):
            loc = error["loc"]
            if error["type"] == "extra_forbidden":
                add(f"{where}.{name}: cannot match on '{loc[-1]}' "
                    "(severity, service, environment, source, tags)")
            elif loc and loc[0] in MESSAGES:
                add(f"{where}.{name}.{loc[0]}: {MESSAGES[str(loc[0])]}")
        return None
    if parsed.is_empty():
        add(f"{where}.{name}: {EMPTY}")
        return None
    return parsed.to_matcher()


def _equal(raw: Any, where: str, add: Any) -> tuple[str, ...] | None:
    if raw is None:
        return ()
    if not isinstance(raw, list) or not all(isinstance(v, str) for v in raw):
        add(f"{where}.equal: must be a list of field names")
        return None
    ok = True
    for name in raw:
        tag = name[len(TAG_PREFIX):] if name.startswith(TAG_PREFIX) else None
        if name not in EQUAL_FIELDS and not tag:
            add(f"{where}.equal: unknown field '{name}' (one of {', '.join(EQUAL_FIELDS)} "
                "or tags.<name>)")
            ok = False
    return tuple(dict.fromkeys(raw)) if ok else None


def parse_inhibit_rules(raw: Any, *, origin: str = "inhibit_rules") -> tuple[InhibitRule, ...]:
    """The routing file's `inhibit_rules` list (YAML-loaded, `__line__` keys allowed and
    used for locations) → rules; raises InhibitRuleError listing every problem."""
    if raw is None:
        return ()
    if not isinstance(raw, list):
        raise InhibitRuleError([f"{origin}: inhibit_rules must be a list of "
                                "{source_match, target_match, equal}"])
    problems: list[str] = []
    rules: list[InhibitRule] = []
    for i, entry in enumerate(raw):
        line = entry.get("__line__") if isinstance(entry, dict) else None
        at = f"{origin}:{line}" if line else origin

        def add(msg: str, at: str = at) -> None:
            problems.append(f"{at}: {msg}")

        where = f"inhibit_rules[{i}]"
        if not isinstance(entry, dict):
            add(f"{where}: must be a mapping with source_match, target_match, equal")
            continue
        for key in entry:
            if key not in {"__line__", "source_match", "target_match", "equal"}:
                add(f"{where}: unknown key '{key}' (source_match, target_match, equal)")
        source = _matcher(entry.get("source_match"), "source_match", where, add)
        target = _matcher(entry.get("target_match"), "target_match", where, add)
        equal = _equal(entry.get("equal"), where, add)
        if source is not None and target is not None and equal is not None:
            rules.append(InhibitRule(source, target, equal))
    if problems:
        raise InhibitRuleError(problems)
    return tuple(rules)
