"""PHI scrubber: finds the 18 Safe Harbor identifier kinds (plus secrets) in text and JSON and
replaces each with `[REDACTED:<KIND>]`.

Layout (after Sentry Relay's PII module): *what to match* lives in `rules` (regex rules as
data) and `detectors` (context readers: key=value, URLs, HL7, FHIR, names); *how to redact*
is one function in `redact`; `keys` says which JSON/text keys are sensitive. Three layers:
sensitive keys (the whole value goes), patterns with validators, and context cues.
Fail closed: a configuration the scrubber cannot honour raises `ScrubConfigError`.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from relay.scrub import detectors as d
from relay.scrub import names, redact
from relay.scrub.detectors import Hit
from relay.scrub.keys import KeyTable
from relay.scrub.rules import BUILTIN, Rule

#: Every kind a redaction can carry.
KINDS: tuple[str, ...] = (
    "NAME", "ADDRESS", "CITY", "ZIP", "DATE", "PHONE", "FAX", "EMAIL", "SSN", "MRN",
    "HEALTH_PLAN", "ACCOUNT", "LICENSE", "VEHICLE", "DEVICE", "URL", "IP", "OTHER_ID",
    "AGE_OVER_89", "SECRET", "CARD",
)


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int
    rule: str


@dataclass(frozen=True)
class ScrubConfig:
    #: extra keys whose values always go; "key" (kind OTHER_ID) or "key:KIND"
    sensitive_keys: tuple[str, ...] = ()
    patterns: tuple[tuple[str, str], ...] = ()  # (KIND, regex)
    allowlist: tuple[str, ...] = ()


class ScrubConfigError(ValueError):
    """The configuration names an unknown kind or an invalid regex; every problem is listed."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("invalid scrub configuration: " + "; ".join(problems))


def _compile_config(config: ScrubConfig) -> tuple[tuple[Rule, ...], dict[str, str]]:
    problems: list[str] = []
    rules: list[Rule] = []
    for i, item in enumerate(config.patterns):
        if not (isinstance(item, tuple | list) and len(item) == 2):
            problems.append(f"patterns[{i}]: expected (KIND, regex), got {item!r}")
            continue
        kind, pattern = item
        if kind not in KINDS:
            problems.append(f"patterns[{i}]: unknown kind {kind!r} (known: {', '.join(KINDS)})")
        try:
            rx = re.compile(pattern)
        except (re.error, TypeError) as exc:
            problems.append(f"patterns[{i}]: invalid regex: {exc}")
            continue
        if rx.search("") is not None and rx.fullmatch("") is not None:
            problems.append(f"patterns[{i}]: regex matches the empty string")
            continue
        rules.append(Rule(f"config.{i}", str(kind), rx, None, 3))
    extra: dict[str, str] = {}
    for i, entry in enumerate(config.sensitive_keys):
        if not isinstance(entry, str) or not entry.strip(":").strip():
            problems.append(f"sensitive_keys[{i}]: expected a key name, got {entry!r}")
            continue
        key, _, kind = entry.partition(":")
        kind = kind.strip() or "OTHER_ID"
        if kind not in KINDS:
            problems.append(f"sensitive_keys[{i}]: unknown kind {kind!r}")
            continue
        extra[key.strip()] = kind
    for i, term in enumerate(config.allowlist):
        if not isinstance(term, str) or not term:
            problems.append(f"allowlist[{i}]: expected a non-empty string, got {term!r}")
    if problems:
        raise ScrubConfigError(problems)
    return tuple(rules), extra


_HAS_DIGIT = re.compile(r"\d")


class Scrubber:
    def __init__(self, config: ScrubConfig | None = None) -> None:
        self.config = config or ScrubConfig()
        extra_rules, extra_keys = _compile_config(self.config)
        self._rules: tuple[Rule, ...] = BUILTIN + extra_rules
        self._keys = KeyTable(extra_keys)
        self._allow = tuple(self.config.allowlist)
        names.dictionary()  # load once, up front, not on the first event

    # ------------------------------------------------------------------ detection
    def _hits(self, text: str, known_names: frozenset[str] = frozenset()) -> list[Hit]:
        lower = text.lower()
        hits: list[Hit] = []
        has_digit = _HAS_DIGIT.search(text) is not None
        for r in self._rules:
            if r.needs and not any(n in lower for n in r.needs):
                continue
            if not has_digit and r.priority < 3 and r.kind not in ("NAME", "EMAIL", "SECRET"):
                # shape rules all need a digit; context/config rules always run
                if r.name.startswith(("phone", "ssn", "date", "ip", "zip", "card", "device",
                                      "vehicle", "license", "address", "health_plan",
                                      "city", "age")):
                    continue
            for m in r.regex.finditer(text):
                if "v" in r.regex.groupindex:
                    s, e = m.span("v")
                else:
                    s, e = m.span()
                if s == e:
                    continue
                value = text[s:e]
                if r.validator is not None and not r.validator(value):
                    continue
                kind = r.kind_of(text, s) if r.kind_of else r.kind
                hits.append(Hit(s, e, kind, r.name, r.priority))
        if "=" in text or ":" in text:
            hits.extend(d.key_values(text, self._keys))
        if "=" in text and ("?" in text or "&" in text):
            hits.extend(d.query_values(text, self._keys))
        if "/" in text:
            hits.extend(d.person_paths(text))
        if "|" in text:
            hits.extend(d.hl7(text))
        if '"value"' in text:
            hits.extend(d.fhir_values(text, lower))
        if "input_value=" in text:
            hits.extend(d.pydantic_inputs(text, self._keys))
        if "insert" in lower:
            hits.extend(d.sql_inserts(text, self._keys))
        hits.extend(d.cued_names(text))
        hits.extend(d.dictionary_names(text))
        if "'" in text or '"' in text:
            hits.extend(d.quoted_names(text))
        streets = [h for h in hits if h.kind == "ADDRESS"]
        if streets:
            hits.extend(d.cities_after(text, streets))
        wanted = set(known_names)
        for h in hits:
            if h.kind == "NAME" or h.rule == "url.person_path":
                wanted |= names.parts(text[h.start:h.end])
        if wanted:
            hits.extend(Hit(sp.start, sp.end, "NAME", "name.mention", 2)
                        for sp in names.mentions(text, wanted))
        return hits

    def _spans(self, text: str, known_names: frozenset[str] = frozenset()) -> list[Hit]:
        if not text:
            return []
        protected = redact.protected_spans(text, self._allow)
        return redact.merge(self._hits(text, known_names), text, protected)

    # ------------------------------------------------------------------ public API
    def find(self, text: str) -> list[Finding]:
        """Non-overlapping findings, sorted by position (for `relay scrub --explain`)."""
        return [Finding(h.kind, h.start, h.end, h.rule) for h in self._spans(text)]

    def scrub(self, text: str) -> tuple[str, Counter[str]]:
        """Clean text and the number of redactions by kind (never the values)."""
        return self._scrub(text, frozenset())

    def _scrub(self, text: str, known_names: frozenset[str]) -> tuple[str, Counter[str]]:
        return redact.apply(text, self._spans(text, known_names))

    def scrub_json(self, value: Any, *, keys: bool = True) -> tuple[Any, Counter[str]]:
        """Same shape back. With `keys`, a value under a sensitive key goes whole (strings,
        numbers, containers); names found under name keys are chased in every string."""
        counts: Counter[str] = Counter()
        known = frozenset(self._names_under_keys(value)) if keys else frozenset()
        return self._walk(value, keys, known, counts), counts

    def _names_under_keys(self, value: Any, depth: int = 0) -> set[str]:
        out: set[str] = set()
        if depth > 64:
            return out
        if isinstance(value, dict):
            for k, item in value.items():
                if isinstance(k, str) and isinstance(item, str) and self._keys.kind(k) == "NAME":
                    out |= names.parts(item)
                elif isinstance(item, dict | list):
                    out |= self._names_under_keys(item, depth + 1)
        elif isinstance(value, list):
            for item in value:
                out |= self._names_under_keys(item, depth + 1)
        return out

    def _walk(self, value: Any, keys: bool, known: frozenset[str], counts: Counter[str]) -> Any:
        if isinstance(value, str):
            clean, c = self._scrub(value, known)
            counts.update(c)
            return clean
        if value is None or isinstance(value, bool | int | float):
            return value
        if isinstance(value, dict):
            out: dict[Any, Any] = {}
            for k, item in value.items():
                new_key = k
                if isinstance(k, str):
                    new_key, c = self._scrub(k, known)
                    counts.update(c)
                    n = 2
                    while new_key in out:
                        new_key = f"{new_key}~{n}"
                        n += 1
                kind = self._keys.kind(k) if keys and isinstance(k, str) else None
                if kind is not None and item is not None and self._whole(kind, item):
                    out[new_key] = redact.marker(kind)
                    counts[kind] += 1
                else:
                    out[new_key] = self._walk(item, keys, known, counts)
            return out
        if isinstance(value, list | tuple):
            items = [self._walk(item, keys, known, counts) for item in value]
            return items if isinstance(value, list) else tuple(items)
        clean, c = self._scrub(str(value), known)  # unknown type: its text, scrubbed
        counts.update(c)
        return clean

    @staticmethod
    def _whole(kind: str, item: Any) -> bool:
        """Whether a value under a key of `kind` goes whole (markers and placeholders stay)."""
        if isinstance(item, str):
            if redact.MARKER.fullmatch(item) or not item.strip():
                return False
            if kind == "IP":
                return d.v.public_ip(item.strip())
            if kind == "NAME":
                return d._plausible("NAME", item)
        if isinstance(item, bool):
            return kind not in {"NAME", "IP"}
        return True


@lru_cache(maxsize=1)
def default_scrubber() -> Scrubber:
    return Scrubber()


__all__ = ["KINDS", "Finding", "ScrubConfig", "ScrubConfigError", "Scrubber",
           "default_scrubber"]
