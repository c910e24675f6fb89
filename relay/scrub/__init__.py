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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial
from typing import Any
from urllib.parse import unquote_plus

from relay.scrub import detectors as d
from relay.scrub import escapes, names, redact
from relay.scrub import validators as v
from relay.scrub.detectors import Hit
from relay.scrub.keys import KeyTable, longest_first, person_container
from relay.scrub.prefilter import Prefilter, ascii_shadow
from relay.scrub.rules import (
    BUILTIN,
    DIGIT_START,
    KEPT_PATTERN,
    KEPT_RX,
    TRIGGER_WINDOW,
    TRIGGER_WINDOW_FOR,
    TRIGGERS,
    Rule,
    login,
)
from relay.scrub.validators import placeholder

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


#: Strings no detector can match (one lower-case token without digits, or a short number):
#: most JSON leaves of an event ("error", "javascript", "1"), skipped without a scan.
_TRIVIAL = re.compile(r"[a-z_.\-]{0,64}|\d{0,4}")


#: A marker glued to its neighbour by anything but a space or common punctuation. Every
#: branch starts with a bracket (the left neighbour is checked by a look-behind after it), so
#: `re` skips from bracket to bracket instead of trying every position of the text.
_GLUED = re.compile(r"\][\w(+]|\]['\"\-.]\w|\[(?<=[\w).[]\[)REDACTED:|"
                    r"\[(?<=\w['\"\-]\[)REDACTED:")


#: Keys of opaque internal ids; a digit-only string under one is kept as it is.
_ID_KEY = re.compile(r"(?:^|_|-|[a-z])(?:id|Id|ID)$|^id$")


#: How far past a match the rules' look-aheads read (a time of day after a date, a unit after
#: a number): a match this close to its window's end is judged again on the whole text.
_LOOKAHEAD = 24

#: What the prefilter found in a text: trigger name -> (start, end) spans.
Found = dict[str, list[tuple[int, int]]]


def _trivial(text: str, known_names: frozenset[str]) -> bool:
    return _TRIVIAL.fullmatch(text) is not None and text.casefold() not in known_names


def _safe_lower(text: str) -> str:
    """Lower-case text with the same length (offsets must line up with the original)."""
    lower = text.lower()
    if len(lower) == len(text):
        return lower
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def _merge_windows(windows: list[tuple[int, int]]) -> list[tuple[int, int]]:
    windows.sort()
    out: list[tuple[int, int]] = []
    for s, e in windows:
        if out and s <= out[-1][1]:
            if e > out[-1][1]:
                out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


#: longest first: an alternation takes the first that fits ("… Blue Shield" before "… Blue
#: Shield of Texas" would leave "Texas" unprotected), where Hyperscan reports every match


def _kept_names(text: str) -> list[tuple[int, int]]:
    """Where KEPT_NAMES occur (the prefilter finds them itself when it runs)."""
    return [m.span() for m in KEPT_RX.finditer(text)]


def _whole_words(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that are whole words ("Optum", not the start of "Optumization")."""
    n = len(text)
    return [(s, e) for s, e in spans
            if not (s and text[s - 1].isalnum()) and not (e < n and text[e].isalnum())]


def _detector_view(text: str) -> str:
    """What the detectors read: existing markers masked as opaque "[####]" ("[REDACTED:SSN]
    123…" must not read as the cue "SSN" before a number); offsets stay the same."""
    return redact.mask_markers(text) if "[REDACTED:" in text else text


_CASELESS_TRIGGERS = frozenset({"date.day_month", "age.years_old", "date.month_day_time",
                                "date.compact_month", "phone.spoken", "date.month_day_vi",
                                "date.day_month_i18n", "age.words_i18n"})


def _detector_triggers(keys: KeyTable) -> list[tuple[str, str, bool, bool, bool]]:
    """Where each context detector could fire: (name, expression, caseless, start offsets,
    first match only). Gate-only triggers need one match; positional ones need them all."""
    # the scan sees every non-ASCII letter as `a` (`mamá de` as `mama de`)
    strong_cues = sorted({ascii_shadow(c) for c in names.STRONG_CUES}, key=longest_first)
    weak = "|".join(sorted({ascii_shadow(c) for c in names.WEAK_CUES - names.STRONG_CUES},
                           key=longest_first))
    tail = d.CUE_TAIL
    return [
        ("kv", keys.term_pattern(), True, False, False),
        ("kvspaced", keys.spaced_pattern(), True, False, False),
        # at a word's start: Hyperscan reports one (leftmost) start per match end, and "it"
        # inside "visit" must not hide the "with" of "visit with R. Xiong"
        # (in two expressions: one is past what Hyperscan compiles with start offsets)
        *(("cue", rf"\b(?:{'|'.join(strong_cues[half::2])}){tail}", True, True, False)
          for half in (0, 1)),
        # a weak cue ("for", "to") matters only before a capital letter
        ("cue", rf"\b(?i:{weak}){tail}(?:[A-Z'\"]|[a-z]{{1,4}} [A-Z])", False, True, False),
        # …or before two lower-case words that may be a name typed in lower case
        ("cue", rf"\b(?i:{weak})[ \t][a-z]{{2,20}} [a-z]", False, True, False),
        # …or, after "this is", one given name typed in lower case ("this is jolene, can i")
        ("cue", r"\b(?i:this is)[ \t][a-z]{2,20}[,.!]", False, True, False),
        ("title", d.TITLE, False, True, False),
        ("caprun", r"[A-Z][A-Za-z'\-]*[ \t]+(?:(?:[a-z]{2,4}|['?]t)[ \t]+)*(?:[a-z]{2,4}-|t)?[A-Z]",
         False, False, True),
        ("initial", r"(?:^|[^A-Za-z0-9_.])[A-Z]\.(?:[A-Z]\.)?[ \t](?:[a-z]{2,4}[ \t])*"
                    r"(?:(?:al|el|ben|bin|bint|abu|ibn)-)?[A-Z]", False, False,
         True),
        ("addressed", d.VOCATIVE_TRIGGER, False, False, True),
        ("kept", KEPT_PATTERN, True, True, False),
        ("file", rf"\.(?:{d.DOCUMENT_EXTENSIONS})|/dr[._\-][A-Za-z]", True, False, True),
        ("lastfirst", r"[A-Z][A-Za-z'\-]*, [A-Z]|[A-Z][A-Z'\-]+,[A-Z][A-Z]", False, False, True),
        ("quoted", d.QUOTED_TRIGGER, False, False, False),
        ("particulars", d.PARTICULARS_TRIGGER, True, False, True),
        ("csv", d.CSV_HEADER_TRIGGER, False, False, True),
        ("xml", r"</[A-Za-z_]", False, False, True),
        ("x12", "(?:" + "|".join(d.X12_SEGMENTS) + r")\*", False, False, True),
        ("vcard", r"BEGIN:VCARD", True, False, True),
        ("ncpdp", d.NCPDP_TRIGGER, False, False, True),
        ("cachekey", d.CACHE_KEY_TRIGGER, False, False, True),
        ("redishash", d.REDIS_HASH_TRIGGER, False, False, True),
        ("pairline", d.PAIR_LINE_TRIGGER, False, False, True),
        ("aligned", d.ALIGNED_TRIGGER, False, False, True),
        ("dupentry", r"Duplicate entry '", False, False, True),
        ("dupkey", r"The duplicate key value is \(", False, False, True),
        ("columns", d.COLUMN_MESSAGE_TRIGGER, False, False, True),
        ("namequote", d.NAME_QUOTED_TRIGGER, False, False, True),
        ("display", d.DISPLAY_NAME_TRIGGER, False, False, True),
        ("query", r"[?&;][\w.\-\[\]%]{1,40}=[^&\s]", False, False, True),
        ("path", d.PERSON_PATH_TRIGGER, True, False, True),
        ("handlepath", r"(?:/(?:portal|join|j)|uploads)/[A-Za-z]", False, False, True),
        ("hl7", "(?:" + "|".join(d.HL7_SEGMENTS) + r")\|", False, False, True),
        ("dicom", d.DICOM_TRIGGER, False, False, True),
        ("cdaid", d.CDA_ID_TRIGGER, False, False, True),
        ("jsonvalue", d.REJECTED_VALUE_TRIGGER, False, False, True),
        ("pydantic", r"input_value=", False, False, True),
        ("pdf", d.PDF_FIELD_TRIGGER, False, False, True),
        ("govalidator", d.GO_VALIDATOR_TRIGGER, False, False, True),
        ("answer", d.ANSWER_TRIGGER, False, False, True),
        ("input", d.INPUT_VALUE_TRIGGER, False, False, True),
        ("graphql", d.GRAPHQL_TRIGGER, False, False, True),
        ("sql", r"insert\s+into", True, False, True),
        ("binds", r"binding parameter ", False, False, True),
        ("pgrow", r"Failing row contains \(", False, False, True),
    ]


#: A regex that can only match where a word starts: `\b…` or `(?<![\w…])`, under an
#: optional case-insensitive group.
_WORD_START = re.compile(r"(?:\(\?i:)?(?:\\b|\(\?<!\[\\w)")


def _keyword_trigger(lit: str, rules: list[Rule]) -> str:
    """The prefilter expression for a keyword literal. When every rule it gates is tried at
    the literal and can only match where a word starts, the literal must start a word too:
    `pt` then fires for "pt 00123" but not inside "script" or "except"."""
    if lit[0].isalnum() and all(r.at_keyword and _WORD_START.match(r.regex.pattern)
                                for r in rules):
        return r"(?:^|[^A-Za-z0-9_])" + re.escape(lit)
    return re.escape(lit)


#: Context detectors run when their prefilter trigger (or its pure-`re` gate) fired:
#: trigger name -> detector of (text, lower-cased text, key table).
_GATED_DETECTORS: tuple[tuple[str, Callable[[str, str, KeyTable], Iterable[Hit]]], ...] = (
    ("path", lambda t, lo, k: d.person_paths(t)),
    ("handlepath", lambda t, lo, k: d.handle_paths(t)),
    ("hl7", lambda t, lo, k: d.hl7(t)),
    ("dicom", lambda t, lo, k: d.dicom(t)),
    ("cdaid", lambda t, lo, k: d.cda_ids(t)),
    ("jsonvalue", lambda t, lo, k: d.fhir_values(t, lo)),
    ("jsonvalue", lambda t, lo, k: d.rejected_values(t, k)),
    ("pydantic", lambda t, lo, k: d.pydantic_inputs(t, k)),
    ("pdf", lambda t, lo, k: d.pdf_fields(t, k)),
    ("govalidator", lambda t, lo, k: d.go_validator_values(t, k)),
    ("answer", lambda t, lo, k: d.form_answers(t, k)),
    ("input", lambda t, lo, k: d.input_values(t, k)),
    ("graphql", lambda t, lo, k: d.graphql_rejected(t, k)),
    ("sql", lambda t, lo, k: d.sql_inserts(t, k)),
    ("binds", lambda t, lo, k: d.statementless_binds(t, k)),
    ("pgrow", lambda t, lo, k: d.failing_rows(t)),
    ("file", lambda t, lo, k: d.file_names(t)),
    ("addressed", lambda t, lo, k: d.addressed_names(t)),
    ("caprun", lambda t, lo, k: d.dictionary_names(t)),
    ("initial", lambda t, lo, k: d.initial_names(t)),
    ("lastfirst", lambda t, lo, k: d.last_first_names(t)),
    ("dupentry", lambda t, lo, k: d.duplicate_entries(t, k)),
    ("dupkey", lambda t, lo, k: d.duplicate_key_values(t, k)),
    ("columns", lambda t, lo, k: d.column_messages(t, k)),
    ("namequote", lambda t, lo, k: d.quoted_after_name_key(t, lo)),
    ("display", lambda t, lo, k: d.display_names(t)),
    ("x12", lambda t, lo, k: d.x12(t)),
    ("vcard", lambda t, lo, k: d.vcard(t)),
    ("ncpdp", lambda t, lo, k: d.ncpdp(t)),
    ("cachekey", lambda t, lo, k: d.cache_keys(t)),
    ("redishash", lambda t, lo, k: d.redis_hash_fields(t, k)),
    ("pairline", lambda t, lo, k: d.pair_lines(t, k)),
    ("aligned", lambda t, lo, k: d.aligned_columns(t, k)),
    ("xml", lambda t, lo, k: d.xml_values(t, k)),
    ("xml", lambda t, lo, k: d.html_tables(t, k)),
    ("csv", lambda t, lo, k: d.csv_rows(t, k)),
    ("particulars", lambda t, lo, k: d.names_before_particulars(t)),
)


#: A parameter whose value is encoded text: words joined by `+` or `%20`, or an encoded `+`,
#: `/` or `@` (`From=%2B18853277679`, `dob=4%2F26%2F67`).
_ENCODED_VALUE = re.compile(r"[?&](?P<k>[\w.\-]{1,40})=(?P<v>[^&\s\"'<>]*"
                            r"(?:\+|%20|%2[BbFf]|%40)[^&\s\"'<>]*)")


class _Plan:
    """Rules sorted by how they are anchored, compiled once per Scrubber."""

    _digit_rx: re.Pattern[str] | None = None

    @property
    def digit_rx(self) -> re.Pattern[str] | None:
        """Where any digit rule can start (full-scan path only; compiled on first use, as
        Python's compiler takes a while over the union of all digit rules)."""
        if self._digit_rx is None and self.digit:
            union = "|".join("(?:" + r.regex.pattern.replace("(?P<v>", "(?:") + ")"
                             for r in self.digit)
            self._digit_rx = re.compile(rf"{DIGIT_START}(?={union})")
        return self._digit_rx

    def __init__(self, rules: tuple[Rule, ...], keys: KeyTable) -> None:
        self.scan = [r for r in rules if r.anchor == "scan"]
        self.digit = [r for r in rules if r.anchor == "digit"]
        keyword = [r for r in rules if r.anchor == "keyword"]
        literals = sorted({n for r in keyword for n in r.needs}, key=longest_first)
        self.keyword_rx = re.compile("|".join(re.escape(n) for n in literals)) if literals \
            else None
        self.by_literal: dict[str, list[Rule]] = {
            lit: [r for r in keyword if lit in r.needs] for lit in literals}
        self.triggered = [r for r in self.scan + self.digit if r.name in TRIGGERS]
        self.untriggered = [r for r in self.scan if r.name not in TRIGGERS]
        triggers: list[tuple[str, str, bool, bool, bool]] = [
            (f"rule:{r.name}", TRIGGERS[r.name], r.name in _CASELESS_TRIGGERS, False, False)
            for r in self.triggered]
        triggers += [(f"kw:{lit}", _keyword_trigger(lit, self.by_literal[lit]), True, False,
                      False) for lit in literals]
        detector_triggers = _detector_triggers(keys)
        #: trigger names that gate a context detector (the others only gate rules)
        self.detector_gates = frozenset(t[0] for t in detector_triggers)
        triggers += detector_triggers
        self.triggers = triggers  # (name, expression, caseless, start offsets, first only)
        self.prefilter = Prefilter(triggers)
        # trigger name -> (rule, chars before the trigger's end, chars after it); a negative
        # "before" means: try the rule with one `match` at (end + before)
        self.trigger_targets: dict[str, list[tuple[Rule, int, int]]] = {
            f"rule:{r.name}": [(r, *TRIGGER_WINDOW_FOR.get(r.name, TRIGGER_WINDOW))]
            for r in self.triggered}
        for lit, lit_rules in self.by_literal.items():
            self.trigger_targets[f"kw:{lit}"] = [
                (r, -len(lit), 0) if r.at_keyword else (r, len(lit) + r.back, r.ahead)
                for r in lit_rules]


_ALIGNED = re.compile(d.ALIGNED_TRIGGER)
_NAME_QUOTE = re.compile(d.NAME_QUOTED_TRIGGER)
#: Without the prefilter, cheap substring checks stand in for the detector triggers:
#: trigger name -> check of (text, lower-cased text). A trigger not listed always passes.
_PURE_GATES: dict[str, Callable[[str, str], bool]] = {
    "query": lambda t, _: "=" in t and ("?" in t or "&" in t or ";" in t),
    "path": lambda t, _: "/" in t,
    "handlepath": lambda t, _: "/" in t,
    "hl7": lambda t, _: "|" in t and any(f"{seg}|" in t for seg in d.HL7_SEGMENTS),
    "dicom": lambda t, _: "(00" in t,
    "cdaid": lambda t, _: "root" in t or "extension" in t,
    "jsonvalue": lambda t, _: "alue\"" in t or "alue'" in t,
    "pydantic": lambda t, _: "input_value=" in t,
    "pdf": lambda t, _: "/T" in t and "/V" in t,
    "govalidator": lambda t, _: d.GO_VALIDATOR_TRIGGER in t,
    "answer": lambda t, _: '"question"' in t or '"label"' in t or '"field_label"' in t,
    "input": lambda t, _: "input[name=" in t,
    "graphql": lambda t, _: d.GRAPHQL_TRIGGER in t,
    "sql": lambda _, lo: "insert" in lo,
    "binds": lambda t, _: "binding parameter " in t,
    "dupentry": lambda t, _: "Duplicate entry '" in t,
    "dupkey": lambda t, _: "The duplicate key value is (" in t,
    "columns": lambda t, _: "Key (" in t or "rejected value [" in t or \
    "Truncated value: '" in t or "Actual value was " in t or "description:" in t or \
    "field" in t,
    "namequote": lambda _, lo: _NAME_QUOTE.search(lo) is not None,  # (a tab: Django's table)
    "display": lambda t, _: "@" in t and ("<" in t or "(" in t),
    "x12": lambda t, _: "*" in t and any(f"{seg}*" in t for seg in d.X12_SEGMENTS),
    "xml": lambda t, _: "</" in t,
    "vcard": lambda _, lo: "begin:vcard" in lo,
    "ncpdp": lambda t, _: "AM0" in t,
    "cachekey": lambda t, _: ":" in t,
    "redishash": lambda t, _: "SET\" \"" in t or "set\" \"" in t,
    "pairline": lambda t, _: "  " in t,
    "aligned": lambda t, _: "  " in t and _ALIGNED.search(t) is not None,
    "csv": lambda t, _: "\n" in t and ("," in t or "\t" in t),
    "particulars": lambda t, _: "(" in t or "," in t,
    "addressed": lambda t, _: "," in t or " -" in t or "]" in t,
    "file": lambda t, _: "." in t or "/dr" in t,
    "pgrow": lambda t, _: "Failing row contains (" in t,
}


def _pure_gate(text: str, lower: str, name: str) -> bool:
    check = _PURE_GATES.get(name)
    return check is None or check(text, lower)


class Scrubber:
    def __init__(self, config: ScrubConfig | None = None) -> None:
        self.config = config or ScrubConfig()
        extra_rules, extra_keys = _compile_config(self.config)
        self._keys = KeyTable(extra_keys)
        self._plan = _Plan(BUILTIN + extra_rules, self._keys)
        self.use_prefilter = self._plan.prefilter.enabled
        #: re-scrub only when a marker is glued to a neighbour (False: whenever anything
        #: was redacted — slower, and the reference for the idempotence tests)
        self.fast_repass = True
        #: scan all strings of a JSON document in one prefilter call (False: one call per
        #: string — the reference for the test that compares both)
        self.batch_json = True
        self._allow = tuple(self.config.allowlist)
        names.dictionary()  # load once, up front, not on the first event
        names.english()
        names.plain_given_names()

    # ------------------------------------------------------------------ detection
    @staticmethod
    def _emit(r: Rule, m: re.Match[str], text: str, hits: list[Hit]) -> bool:
        s, e = m.span("v") if "v" in r.regex.groupindex else m.span()
        if s == e:
            return False
        if r.validator is not None and not r.validator(text[s:e]):
            return False
        kind = r.kind_of(text, s, e) if r.kind_of else r.kind
        if kind is None:
            return False
        hits.append(Hit(s, e, kind, r.name, r.priority))
        return True

    def _run(self, r: Rule, text: str, start: int, end: int, hits: list[Hit],
             seen: set[tuple[int, int]] | None = None) -> None:
        """All matches of `r` in text[start:end]. After a match its validator rejects, the
        search resumes one character later, not after the match: `00000-0000 4111…` must
        still find the card that starts inside the rejected run."""
        search = r.regex.search
        pos = start
        n = len(text)
        while pos < end:
            m = search(text, pos, end)
            if m is None:
                return
            if end < n and m.end() + _LOOKAHEAD >= end:
                # a window's end is the string's end to `re`: a look-ahead past it ("not a
                # time of day follows") saw nothing. Judge the match on the whole text.
                whole = r.regex.match(text, m.start())
                if whole is None:
                    pos = m.start() + 1
                    continue
                m = whole
            if seen is not None:
                if m.span() in seen:
                    pos = m.end() if m.end() > m.start() else m.start() + 1
                    continue
                seen.add(m.span())
            ok = self._emit(r, m, text, hits)
            pos = m.end() if ok and m.end() > m.start() else m.start() + 1

    def _triggered_rule_hits(self, text: str, found: dict[str, list[tuple[int, int]]]
                             ) -> list[Hit]:
        """Each rule runs only in windows around its triggers (same hits as a full scan)."""
        plan = self._plan
        hits: list[Hit] = []
        n = len(text)
        windows: dict[int, list[tuple[int, int]]] = {}
        by_id: dict[int, Rule] = {}
        emit = self._emit
        for trigger, spans in found.items():
            targets = plan.trigger_targets.get(trigger)
            if not targets:
                continue
            for r, back, ahead in targets:
                if back < 0:  # the match starts where the keyword starts
                    match = r.regex.match
                    for _, e in spans:
                        m = match(text, e + back)
                        if m is not None:
                            emit(r, m, text, hits)
                    continue
                w = windows.get(id(r))
                if w is None:
                    w = windows[id(r)] = []
                    by_id[id(r)] = r
                w.extend((e - back if e > back else 0, e + ahead if e + ahead < n else n)
                         for _, e in spans)
        run = self._run
        for rid, spans in windows.items():
            r = by_id[rid]
            if len(spans) == 1:
                run(r, text, spans[0][0], spans[0][1], hits)
                continue
            seen: set[tuple[int, int]] = set()
            for ws, we in _merge_windows(spans):
                run(r, text, ws, we, hits, seen)
        for r in plan.untriggered:
            run(r, text, 0, n, hits)
        return hits

    def _rule_hits(self, text: str, lower: str) -> list[Hit]:
        plan = self._plan
        hits: list[Hit] = []
        emit = self._emit
        for r in plan.scan:
            self._run(r, text, 0, len(text), hits)
        if plan.digit_rx is not None:
            for c in plan.digit_rx.finditer(text):
                p = c.start()
                for r in plan.digit:
                    dm = r.regex.match(text, p)
                    if dm is not None:
                        emit(r, dm, text, hits)
        if plan.by_literal:
            n = len(text)
            windows: dict[str, list[tuple[int, int]]] = {}
            rules_by_name: dict[str, Rule] = {}
            find = lower.find
            for lit, rules in plan.by_literal.items():
                at = find(lit)
                while at >= 0:  # str.find beats a many-literal regex alternation by far
                    end = at + len(lit)
                    for r in rules:
                        windows.setdefault(r.name, []).append(
                            (max(0, at - r.back), min(n, end + r.ahead)))
                        rules_by_name[r.name] = r
                    at = find(lit, end)
            for name, spans in windows.items():
                r = rules_by_name[name]
                seen: set[tuple[int, int]] = set()
                for ws, we in _merge_windows(spans):
                    self._run(r, text, ws, we, hits, seen)
        return hits

    def _hits(self, text: str, known_names: frozenset[str] = frozenset(),
              found: dict[str, list[tuple[int, int]]] | None = None) -> list[Hit]:
        """Every detector's hits (overlapping, unsorted). `found`: the prefilter's scan of
        `text` when the caller already has it."""
        lower = _safe_lower(text)
        if self.use_prefilter:
            if found is None:
                found = self._plan.prefilter.scan(text)
            hits = self._triggered_rule_hits(text, found)
            if not hits and not known_names and self._plan.detector_gates.isdisjoint(found) \
                    and not names.may_hold_lower_name(text):
                return hits  # only rule triggers ("User-Agent" holds "age"), none matched
            kv_seps = [e - 1 for _, e in found.get("kv", ())] + \
                [e - 1 for _, e in found.get("kvspaced", ())]
            cues = found.get("cue", [])
            titles = found.get("title", [])
            quoted: list[tuple[int, int]] | None = found.get("quoted", [])
            gate: Callable[[str], bool] = found.__contains__
        else:
            hits = self._rule_hits(text, lower)
            shadow = ascii_shadow(lower)  # what the prefilter reads (`teléfono:` as `telafono:`)
            kv_seps = [m.end() - 1 for m in self._keys.term_regex().finditer(shadow)] + \
                [m.end() - 1 for m in self._keys.spaced_regex().finditer(shadow)]
            cues = [m.span() for m in d.CUE_RX.finditer(lower)]
            titles = [m.span() for m in d.TITLE_RX.finditer(text)]
            gate = partial(_pure_gate, text, lower)
            quoted = None if "'" in text or '"' in text else []
        if kv_seps:
            hits.extend(d.key_values(text, kv_seps, self._keys))
        if gate("query"):
            hits.extend(d.query_values(text, self._keys))
            hits.extend(self._encoded_values(text))
        if cues or titles:
            hits.extend(d.cued_names(text, lower, cues, titles))
        for name, detector in _GATED_DETECTORS:
            if gate(name):
                hits.extend(detector(text, lower, self._keys))
        hits.extend(d.lower_case_names(text))
        if quoted is None:
            hits.extend(d.quoted_names(text))
        elif quoted:
            hits.extend(d.quoted_names(text, (e for _, e in quoted)))
        streets = [h for h in hits if h.kind == "ADDRESS"]
        if streets:
            hits.extend(d.cities_after(text, streets))
            if "\n" in text or "'" in text or '"' in text:
                hits.extend(d.addressees(text, streets))
        zips = [h for h in hits if h.rule in ("zip.state", "zip.state_name", "zip.context")]
        if zips:
            hits.extend(d.cities_before_zip(text, zips))
        found_names = [h for h in hits if h.kind == "NAME"]
        if found_names:
            hits.extend(d.name_neighbours(text, found_names))
        if "," in text or "(" in text:
            hits.extend(d.ages_after(text, [h for h in hits if h.kind in ("NAME", "DATE")]))
        if found_names:  # with the given names the neighbour step added
            named = [h for h in hits if h.kind == "NAME"]
            hits.extend(d.ids_after_names(text, named))
            hits.extend(d.name_logins(text, named))
            if "'" in text or '"' in text:
                hits.extend(d.ids_beside_names(text, named))
        if hits and ("|" in text or "\t" in text or ";" in text or "," in text or
                     "=" in text):
            hits.extend(d.table_cells(text, hits))
        if found_names:
            hits.extend(d.person_line_ids(text, hits))
        if hits:  # what a found value says about the text around it
            hits.extend(d.compared_values(text, hits))
            hits.extend(d.joined_dates(text, hits))
            hits.extend(d.plates_beside_vins(text, hits))
            hits.extend(d.listed_dates(text, hits))
            if "/" in text:
                hits.extend(d.message_dates(text, hits))
            hits.extend(d.repeated_values(text, hits))
            ips = [h for h in hits if h.kind == "IP"]
            if ips:
                hits.extend(d.ip_places(text, ips))
            phones = [h for h in hits if h.kind == "PHONE"]
            if phones and "(" in text:
                hits.extend(d.phone_owners(text, phones))
            cities = [h for h in hits if h.kind == "CITY"]
            if cities:
                hits.extend(d.city_mentions(text, cities))
        hits = [h for h in hits if h.kind != "NAME" or h.priority >= 3 or not (
                d.ORG_AFTER.match(text, h.end) or d.ORG_LAST.search(text, h.start, h.end))]
        n = len(text)
        wanted: dict[str, list[tuple[int, int]]] = {p: [(0, n)] for p in known_names}
        reach = names.MENTION_REACH
        for h in hits:
            # a neighbour is a guess beside a found name: it is not chased elsewhere; an
            # address is chased by the name parts it spells
            value = text[h.start:h.end]
            if ((h.kind == "NAME" and h.rule != "name.neighbour") or
                    h.rule == "url.person_path") and not placeholder(value):
                chased = names.parts(value)
            elif h.kind == "EMAIL" and "@" in value:
                chased = names.address_parts(value)
            else:
                continue
            window = (max(0, h.start - reach), min(n, h.end + reach))
            for p in chased:
                wanted.setdefault(p, []).append(window)
        if wanted:
            mentions = names.mentions(text, lower, {p: _merge_windows(w) for p, w in
                                                    wanted.items()})
            hits.extend(Hit(sp.start, sp.end, "NAME", "name.mention", 2) for sp in mentions)
        return hits

    def _encoded_values(self, text: str) -> list[Hit]:
        """A form- or URL-encoded parameter that is free text (`Body=Hi+this+is+giovanni+
        rahman+dob+4%2F26%2F67`): decoded, it is scrubbed like any text, and a value with
        anything in it goes whole (offsets in the decoded text are not the encoded ones)."""
        out: list[Hit] = []
        for m in _ENCODED_VALUE.finditer(text):
            decoded = unquote_plus(m.group("v"))
            spans = self._spans(decoded) if len(decoded) >= 6 else []
            if spans:
                out.append(Hit(m.start("v"), m.end("v"), spans[0].kind, "url.encoded_text", 2))
        return out

    def _spans(self, text: str, known_names: frozenset[str] = frozenset(),
               found: Found | None = None) -> list[Hit]:
        """Merged hits; `found`: the prefilter's scan of the detector view, when the caller
        scanned many texts at once (`scrub_json`)."""
        if not text:
            return []
        seen = _detector_view(text)
        hits: list[Hit] = []
        if self.use_prefilter:
            if found is None:
                found = self._plan.prefilter.scan(seen)
            if found or not self._nothing_untriggered(seen, known_names):
                hits = self._hits(seen, known_names, found)
        else:
            hits = self._hits(seen, known_names, found)
        if "\\" in text:
            hits.extend(self._escaped_hits(text, known_names))
        if not hits:
            return []
        protected = redact.protected_spans(text, self._allow)
        kept = found.get("kept") if found is not None else _kept_names(text)
        if kept:
            protected = sorted(protected + _whole_words(text, kept))
        if "(00" in text and (found is None or "dicom" in found):
            protected = sorted(protected + d.dicom_descriptions(text))
        if "|" in text and ("MSH|" in text or "MSA|" in text):
            protected = sorted(protected + d.hl7_header_lines(text))
            control = d.hl7_control_ids(text)
            hits = [h for h in hits if text[h.start:h.end] not in control]
        # a template's placeholder or an upstream mask (`{{patient.email}}`, `XXX-XX-XXXX`)
        # holds no value: redacting it would only change the text
        hits = [h for h in hits if not placeholder(text[h.start:h.end])]
        return redact.merge(hits, text, protected)

    def _escaped_hits(self, text: str, known_names: frozenset[str]) -> list[Hit]:
        """What the detectors find around the text's JSON escapes, decoded (`02\\/20\\/2005`,
        `\\u00c9milie`, HL7 split by a literal `\\r`), mapped back onto the escaped text.
        Escapes inside escapes are read by the same call one level down."""
        parts: list[str] = []
        starts: list[int] = []
        ends: list[int] = []
        for rs, re_ in escapes.escaped_regions(text):
            escaped = escapes.unescape(text[rs:re_])
            if escaped is None:
                continue
            decoded, st, en = escaped
            parts.append(decoded + "\n\n")  # regions apart stay apart
            starts.extend([rs + i for i in st] + [re_, re_])
            ends.extend([rs + i for i in en] + [re_, re_])
        if not parts:
            return []
        return [Hit(starts[h.start], ends[h.end - 1], h.kind, h.rule, h.priority)
                for h in self._spans("".join(parts), known_names)]

    def _nothing_untriggered(self, seen: str, known_names: frozenset[str]) -> bool:
        """With no trigger in `seen`, whether nothing else can hit either: no rule runs
        without a trigger, no word is a given name typed in lower case, and no name found
        elsewhere in a JSON document occurs in it. Most leaves of an event
        ("Illuminate\\Http", "prod-eu-1", "1.15.0") stop here."""
        if self._plan.untriggered or names.may_hold_lower_name(seen):
            return False
        if not known_names:
            return True
        lower = _safe_lower(seen)
        return not any(p in lower for p in known_names)

    # ------------------------------------------------------------------ public API
    def find(self, text: str) -> list[Finding]:
        """Non-overlapping findings, sorted by position (for `relay scrub --explain`)."""
        return [Finding(h.kind, h.start, h.end, h.rule) for h in self._spans(text)]

    def scrub(self, text: str) -> tuple[str, Counter[str]]:
        """Clean text and the number of redactions by kind (never the values)."""
        counts: Counter[str] = Counter()
        return self._scrub_into(text, frozenset(), counts), counts

    def _scrub_into(self, text: str, known_names: frozenset[str], total: Counter[str],
                    found: Found | None = None) -> str:
        """Clean text; its redactions are added to `total` (one counter for a whole JSON
        document rather than one per leaf)."""
        if _trivial(text, known_names):
            return text  # "error", "production", "sentry.python", "42": no rule fits
        spans = self._spans(text, known_names, found)
        if not spans:
            return text
        clean, counts = redact.apply(text, spans)
        # A marker glued to a letter or digit ("Doe118-65-3614" -> "[REDACTED:NAME]118-65-3614")
        # changes what the neighbour looks like; scrub again until nothing changes, so that
        # scrubbing scrubbed text is a no-op. Only the lines holding such a marker are redone.
        for _ in range(3):
            if not counts:
                break
            if not self.fast_repass:
                again, more = redact.apply(clean, self._spans(clean, known_names))
            else:
                if not _GLUED.search(clean):
                    break
                again, more = self._rescrub_glued_lines(clean, known_names)
            if not more:
                break
            clean = again
            counts.update(more)
        total.update(counts)
        return clean

    def _rescrub_glued_lines(self, text: str, known_names: frozenset[str]
                             ) -> tuple[str, Counter[str]]:
        counts: Counter[str] = Counter()
        lines = text.splitlines(keepends=True)
        for i, line in enumerate(lines):
            if _GLUED.search(line):
                lines[i], more = redact.apply(line, self._spans(line, known_names))
                counts.update(more)
        return "".join(lines), counts

    def scrub_json(self, value: Any, *, keys: bool = True) -> tuple[Any, Counter[str]]:
        """Same shape back. With `keys`, a value under a sensitive key goes whole (strings,
        numbers, containers); names found under name keys are chased in every string."""
        counts: Counter[str] = Counter()
        texts: dict[str, None] = {}
        name_parts: set[str] = set()
        self._survey(value, texts, name_parts if keys else None, "", 0)
        known = frozenset(name_parts)
        pre = self._prescan(texts, known) if self.use_prefilter and self.batch_json else None
        return self._walk(value, keys, known, counts, pre), counts

    def _survey(self, value: Any, texts: dict[str, None], name_parts: set[str] | None,
                parent: str, depth: int) -> None:
        """One walk before the real one: every string (value or key) `_walk` will meet, in
        `texts`, and the parts of every name under a name key (to depth 64), in
        `name_parts`."""
        if isinstance(value, str):
            texts[value] = None
        elif isinstance(value, dict):
            person: bool | None = None  # read once per object, when a name key asks
            for k, item in value.items():
                if not isinstance(k, str):
                    self._survey(item, texts, name_parts, "", depth + 1)
                    continue
                texts[k] = None
                if isinstance(item, str):
                    texts[item] = None
                    if name_parts is not None and depth <= 64 and \
                            self._keys.kind(k, parent) == "NAME":
                        if person is None:
                            person = person_container(parent, value)
                        if d.name_value_ok(k, item, self._keys, person):
                            name_parts |= names.parts(item)
                elif item is not None and not isinstance(item, bool | int | float):
                    self._survey(item, texts, name_parts, k, depth + 1)
        elif isinstance(value, list | tuple):
            for item in value:
                self._survey(item, texts, name_parts, parent, depth + 1)

    def _prescan(self, texts: dict[str, None], known: frozenset[str]) -> dict[str, Found]:
        """The prefilter's findings for every string of a JSON document that needs a closer
        look, from one scan: each scan call has a fixed cost and an event has hundreds of
        string leaves. A string of the document that is not in the answer stays as it is
        (trivial, or no trigger and nothing else that could hit)."""
        wanted = [t for t in texts if not _trivial(t, known)]
        if not wanted:
            return {}
        views = [_detector_view(t) for t in wanted]
        found = self._plan.prefilter.scan_many(views)
        return {t: f for t, view, f in zip(wanted, views, found, strict=True)
                if f or not self._nothing_untriggered(view, known)}

    def _leaf(self, text: str, known: frozenset[str], counts: Counter[str],
              pre: dict[str, Found] | None) -> str:
        if pre is None:
            return self._scrub_into(text, known, counts)
        found = pre.get(text)
        return text if found is None else self._scrub_into(text, known, counts, found)

    def _walk(self, value: Any, keys: bool, known: frozenset[str], counts: Counter[str],
              pre: dict[str, Found] | None, parent: str = "") -> Any:
        """`pre`: the document's `_prescan`, or None (each string scanned on its own);
        `parent`: the key of the object (or list of objects) being walked."""
        if isinstance(value, str):
            return self._leaf(value, known, counts, pre)
        if isinstance(value, dict):
            out: dict[Any, Any] = {}
            person: bool | None = None  # read once per object, when a name key asks
            for k, item in value.items():
                if not isinstance(k, str):
                    out[k] = self._walk(item, keys, known, counts, pre)
                    continue
                # most keys need no look (the prescan left them out): no call for them
                new_key = k if pre is not None and k not in pre else \
                    self._leaf(k, known, counts, pre)
                n = 2
                while new_key in out:
                    new_key = f"{new_key}~{n}"
                    n += 1
                kind = self._keys.kind(k, parent) if keys else None
                if kind == "NAME" and person is None:
                    person = person_container(parent, value)
                if kind is not None and item is not None and \
                        self._whole(k, kind, item, bool(person)):
                    out[new_key] = redact.marker(kind)
                    counts[kind] += 1
                elif isinstance(item, str):
                    if (pre is not None and item not in pre) or (
                            kind is None and item.isdigit() and _ID_KEY.search(k)):
                        out[new_key] = item  # nothing to look at, or an opaque key
                    else:
                        out[new_key] = self._leaf(item, known, counts, pre)
                elif item is None or isinstance(item, bool | int | float):
                    out[new_key] = item
                else:
                    out[new_key] = self._walk(item, keys, known, counts, pre, k)
            return out
        if isinstance(value, list):
            return [self._walk(item, keys, known, counts, pre, parent) for item in value]
        if value is None or isinstance(value, bool | int | float):
            return value
        if isinstance(value, tuple):
            return tuple(self._walk(item, keys, known, counts, pre, parent) for item in value)
        return self._scrub_into(str(value), known, counts)  # unknown type: its text, scrubbed

    def _whole(self, key: str, kind: str, item: Any, person: bool) -> bool:
        """Whether a value under a key of `kind` goes whole (markers and placeholders stay).
        `person`: the object holding the key describes a person."""
        if self._keys.normalised(key) in d.LOGIN_KEYS:  # Sentry's `"user": {…}`: walked
            return isinstance(item, str) and login(item.strip())
        if isinstance(item, str):
            if redact.MARKER.fullmatch(item) or not item.strip():
                return False
            if kind == "IP":
                return v.public_ip(item.strip())
            if kind == "NAME":
                return d.name_value_ok(key, item, self._keys, person)
        if isinstance(item, bool):
            return kind not in {"NAME", "IP", "AGE_OVER_89"}
        if kind == "AGE_OVER_89":
            return isinstance(item, int | float | str) and d.plausible(kind, str(item))
        # nothing to hide in an empty container
        return not (isinstance(item, dict | list | tuple) and not item)


@lru_cache(maxsize=1)
def default_scrubber() -> Scrubber:
    return Scrubber()


__all__ = ["KINDS", "Finding", "ScrubConfig", "ScrubConfigError", "Scrubber",
           "default_scrubber"]
