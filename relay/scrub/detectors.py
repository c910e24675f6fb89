"""Context detectors that need more than one regex: key=value text, URLs, HL7, FHIR, pydantic
errors, SQL literals, names, and cities that follow a street line.

Why separate from `rules`: these read structure (a segment's field number, a FHIR identifier's
system, the key a value sits under), not just a shape. Each is a small named function that
yields hits; none redacts anything itself.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from relay.scrub import names
from relay.scrub import validators as v
from relay.scrub.keys import (
    EXACT,
    PLAN_GROUP_KEYS,
    SPACED_KINDS,
    KeyTable,
    longest_first,
    normalise,
    person_container,
    unaccented,
)
from relay.scrub.rules import (
    AGE_WORDS,
    KEPT_RX,
    MONTH,
    SCRIPT_LABEL_WORDS,
    cloud_account,
    login,
    town_words,
)


class Hit(NamedTuple):
    start: int
    end: int
    kind: str
    rule: str
    priority: int


# ---------------------------------------------------------------- key = value in free text
_QUOTED = r"'(?:[^'\\\n]|\\.|''){0,400}'|\"(?:[^\"\\\n]|\\.){0,400}\""
_QUOTED_RX = re.compile(_QUOTED)
_KV_TAIL = re.compile(
    r"(?P<q>\\?[\"'`]?[\])]?)[ \t]{0,24}(?:=>|=|:|(?i:i?like)(?=[ \t])|\.{3,})"  # LIKE, leaders
    r"[ \t]{0,24}"  # aligned: `UDID:      …`
    r"(?:\n[ \t]{0,12}(?=string\()|)(?:string\(\d{1,6}\)[ \t]?)?"  # PHP var_dump
    r"(?P<val>"
    rf"N?(?P<str>{_QUOTED})"  # T-SQL writes Unicode literals N'…'
    # JSON written inside a JSON string (a container's log line): \"member_id\": \"…\"
    r'|\\"(?P<estr>(?:[^"\\\n]|\\[^"\n]){0,400})\\"'
    # (a list a log cut short: `["E1570152","9150601" … (4784 more)]`)
    rf"|(?P<list>\[\s*(?:{_QUOTED})(?:\s*,\s*(?:{_QUOTED}))*\s*(?:(?:…|\.\.\.)[^\]\n]{{0,40}})?\])"
    r"|(?P<call>(?:datetime\.)?date\([^)\n]{0,40}\))"
    r"|(?P<bare>[^\s,;&)}\]'\"<>|{\[][^\s,;&)}\]'\"<>|]{0,199})"
    r")"
)
_RAILS_PART = re.compile(r"\(\di\)")
_SPACED_KEY = re.compile(r"(?:[A-Za-z][A-Za-z.#]{0,15} ){1,3}\Z")
#: SQL functions that only change how a column's text compares (`lower(last_name) = '…'`).
_SQL_TEXT_FN = re.compile(r"(?i)(?:lower|upper|trim|btrim|ltrim|rtrim|unaccent|lcase|ucase|"
                          r"normalize|coalesce)\Z")
_KEY_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-")
_LINE_VALUE_KEYS = frozenset({"authorization", "cookie", "setcookie", "proxyauthorization"})
# a nickname may sit inside ("Efua (Bubba) Kowalczyk", "Lavinia 'Pip' Cervantes")
_NAMEISH = re.compile(rf"^\s*(?:{names.WORD}|{names.WORD}\.)"
                      rf"(?:[ ,]+(?:{names.WORD}\.?|[(\"'‘“]{names.WORD}[)\"'’”]))*\s*$")


def key_values(text: str, separators: list[int], keys: KeyTable) -> Iterator[Hit]:
    """`dob=…`, `'ssn': '…'`, `last_name = '…'`, `"given": ["…"]`, `Cookie: …`.

    `separators` are positions of the `=`/`:` after a word of the key table (found by the
    prefilter or `KeyTable.term_regex`); the key is read backwards from there."""
    seen: set[int] = set()
    for sep in separators:
        e = sep
        spaced = text[sep] in "'\"" or text[sep].isdigit()  # `phone '209-758-481' too short`
        if spaced:
            while sep > 0 and (text[sep - 1].isalpha() or text[sep - 1] in "-."):
                sep -= 1  # `chart MH13-26662`, `MRN NSP.231.5265`: the number's letters
            e = sep - 1
        elif text[sep] == ".":  # a dot leader: `patient.mrn ........ 4363474`
            while e > 0 and text[e - 1] == ".":
                e -= 1
        elif text[sep] in " \t":  # `first_name LIKE 'Marzena%'`: the key ends before LIKE
            e = sep - 4
            if e > 0 and text[e - 1] in "iI":
                e -= 1
        while e > 0 and text[e - 1] in " \t":
            e -= 1
        quote = ""
        if e == sep and e > 1 and text[e - 1] == "]" and text[sep] == "=" and \
                text[sep:sep + 2] != "=>" and \
                (lb := text.rfind("[", max(0, e - 42), e - 1)) > 0 and \
                text[lb + 1:e - 1].replace("_", "").isalnum():
            e -= 1  # a form's nested field: `q3_fullName[first]=…` is read as `first`
            s = lb + 1
            key = text[s:e]
            kind = keys.kind(key)
            tail = _KV_TAIL.match(text, e + 1) if kind not in (None, "IP") else None
            if tail is not None and kind is not None and s not in seen:
                seen.add(s)
                yield from _kv_value(text, tail, key, kind, keys, s)
            continue
        if e > 1 and text[e - 1] == "]" and text[e - 2] in "\"'":  # PHP `["ssn"]=>`
            e -= 1
        elif e > 1 and text[e - 1] in "])" and (text[e - 1] == ")" or
                                                 text[sep:sep + 2] == "=>"):
            # print_r's `[ssn] =>`; SQL's `lower(clients.last_name) = '…'`
            e -= 1
            s = e
            while s > 0 and (text[s - 1] in _KEY_CHARS or text[s - 1].isalpha()):
                s -= 1
            if s == 0 or text[s - 1] != ("[" if text[e] == "]" else "(") or (
                    text[e] == ")" and not _SQL_TEXT_FN.search(text, max(0, s - 12), s - 1)):
                continue  # `count(ssn) = 5` is a count
        if e > 0 and text[e - 1] in "\"'`":  # `city` = …: MySQL's quoted column
            quote = text[e - 1]
            e -= 1
            if e > 0 and text[e - 1] == "\\":  # \"member_id\": an escaped quote
                e -= 1
        part = 4 if quote and e > 4 and text[e - 1] == ")" and _RAILS_PART.match(text, e - 4) \
            else 0  # Rails' date select: `"dob(1i)"=>"1952", "dob(2i)"=>"10"`
        e -= part
        s = e
        while s > 0 and (text[s - 1] in _KEY_CHARS or text[s - 1].isalpha()):
            s -= 1
        if quote and s > 1 and text[s - 1] == " ":  # a quoted key of words: a CSV row read
            words = _SPACED_KEY.search(text, max(0, s - 32), s)  # as a dict ('Last Name')
            if words is not None and words.start() > 0 and text[words.start() - 1] == quote:
                s = words.start()
        if s == e or s in seen:
            continue
        seen.add(s)
        if quote and (s == 0 or text[s - 1] != quote):
            continue
        if quote and text[e] == "\\" and (s < 2 or text[s - 2] != "\\"):
            continue  # an escaped closing quote needs an escaped opening one
        key = text[s:e].strip(".-")
        kind = keys.kind(key)
        # `req.SubscriberName = …`: the member's own name (an assignment; a logger's
        # "practice.portal.auth: 5 failed logins" is no key)
        if kind is None and "." in key and text[sep] == "=":
            key = key.rsplit(".", 1)[1]
            kind = keys.kind(key)
        if kind is None or keys.normalised(key) in WEAK_NAME_KEYS:
            written = _written_key(text, s, key, keys)  # "Preferred name:", "Date of birth:"
            if written is not None:
                key, kind = written
        if kind is None and keys.normalised(key) in PLAN_GROUP_KEYS and \
                _PLAN_CONTEXT.search(text, max(0, s - 160), s + 160):
            kind = "HEALTH_PLAN"  # `{payer: Humana, member_id: …, group: "G1631203"}`
        record_id = kind is None and keys.normalised(key).endswith(_RECORD_ID_KEYS)
        if record_id:
            kind = "MRN"
        if kind is None or kind == "IP":  # IPs go through the IP rule (infrastructure kept)
            continue
        if spaced:
            found = _spaced_value(text, sep, kind)
            if record_id:  # a database's key stays (`for patientid 148545`)
                found = (h for h in found if not _OPAQUE.match(text[h.start:h.end]))
            yield from found
            continue
        tail = _KV_TAIL.match(text, e + part)
        if tail is None:
            continue
        found = _kv_value(text, tail, key, kind, keys, s - (1 if quote else 0))
        if record_id:  # a database's key stays; a number people see is the record's
            found = (h for h in found if not _OPAQUE.match(text[h.start:h.end]) and
                     not _TOKEN.fullmatch(text[h.start:h.end]))
        norm = keys.normalised(key)
        shape = _VALUE_SHAPES.get("dsn" if norm.endswith("dsn") else
                                  "location" if norm == "geo" else norm)
        if norm in ("location", "geo"):  # `location: North Cheshire, NC`: the town only
            place = shape.match(text, tail.start("val") + (1 if tail.group("str") else 0)) \
                if shape is not None else None
            if place is not None:
                comma = place.group().index(",")
                yield Hit(place.start(), place.start() + comma, "CITY", "key.city", 3)
            continue
        if shape is not None:
            found = (h for h in found if shape.fullmatch(text[h.start:h.end]))
        yield from found


#: Of `SPACED_KINDS`, those whose key, followed by a bare number, is followed by theirs
#: (`mobilephone 670-852-287 is not a valid US number`; "license 2 of 5" has too few digits).
_SPACED_BARE_KINDS = frozenset({"PHONE", "FAX", "SSN", "MRN", "HEALTH_PLAN", "ACCOUNT", "ZIP"})
_QUOTED_TOWN = re.compile(r"[A-Z][\w'’.\-]*(?:[ ][A-Z][\w'’.\-]*){0,2}")
#: Numbers with a letter prefix (a fax job's `FX-07645B4C8E` is no fax number).
_LETTERED_KINDS = frozenset({"MRN", "HEALTH_PLAN", "ACCOUNT", "LICENSE"})
#: A licence number that starts with digits and has letters in it (`Lic. 95MF325248`).
_MIXED_ID = re.compile(r"\d{1,4}[A-Za-z]{1,4}\d{3,12}(?![\w\-])")
#: A record number's digits and what follows them, in dotted groups too (`NSP.231.5265`).
_RECORD_TAIL = r"\d[\dA-Za-z\-]{0,20}(?:\.[\dA-Za-z\-]{1,20}){0,3}(?![\w\-]|\.\w)"
_LETTERED_ID = re.compile(rf"[A-Za-z]{{1,4}}[-.]?{_RECORD_TAIL}")
_BARE_NUMBER = re.compile(r"\d[\d\-.]{3,20}\d(?![\w\-]|\.\d)")


def _spaced_value(text: str, at: int, kind: str) -> Iterator[Hit]:
    """The value right after a key and a blank, in a message's words rather than an
    assignment: `phone '209-758-481' too short`, `could not parse dob "13/45/1990"`, a bare
    number of five digits or more for the kinds in `_SPACED_BARE_KINDS`."""
    if kind not in SPACED_KINDS:
        return
    if text[at].isalpha():  # a record number with a letter prefix: `chart MH13-26662`
        m = _LETTERED_ID.match(text, at)
        if m and kind in _LETTERED_KINDS and sum(c.isdigit() for c in m.group()) >= 4:
            yield Hit(m.start(), m.end(), kind, "key." + kind.lower(), 2)
        return
    if text[at].isdigit() and kind == "LICENSE" and (x := _MIXED_ID.match(text, at)):
        yield Hit(x.start(), x.end(), kind, "key.license", 2)
        return
    if text[at].isdigit():
        b = _BARE_NUMBER.match(text, at)
        digits = sum(c.isdigit() for c in b.group()) if b is not None else 0
        # a number in groups, or ten digits ("inbound fax 7796459" is a job's id)
        phone_like = digits >= 10 or (b is not None and digits >= 7 and "-" in b.group())
        if kind in _SPACED_BARE_KINDS and b is not None and digits >= 5 and (
                phone_like or kind not in ("PHONE", "FAX")) and plausible(kind, b.group()) \
                and not (kind == "ACCOUNT" and cloud_account(text, b.start(), b.end())):
            yield Hit(b.start(), b.end(), kind, "key." + kind.lower(), 2)
        return
    q = _QUOTED_RX.match(text, at)
    if q is None or q.end() - q.start() < 3:
        return
    value = text[q.start() + 1:q.end() - 1]
    if kind == "CITY":  # `does not match city "Port Orrin"`: a town's capitalised words
        if _QUOTED_TOWN.fullmatch(value) and town_words(value):
            yield Hit(q.start() + 1, q.end() - 1, kind, "key.city", 2)
        return
    if any(c.isdigit() for c in value) and plausible(kind, value):
        yield Hit(q.start() + 1, q.end() - 1, kind, "key." + kind.lower(), 2)


#: Keys that are sensitive only with a value of their own shape: `rx=4701026-03` is a
#: prescription's number, `rx=12345 tx=678` an interface's byte counter.
_VALUE_SHAPES = {"rx": re.compile(r"(?i:rx)?[#\- ]?\d{5,}[\-/]\d{1,3}|(?i:rx)[#\- ]?\d{5,}"),
                 # a DSN is a secret when it carries a key or a password (`https://<key>@…`);
                 # postfix's `dsn=4.4.1` is a delivery status, `odbc://host/DB` an address
                 "dsn": re.compile(r"[^\s@]{3,}@\S+"),
                 # a place, not a region or a rack: `location="Saltmarsh, GA"`
                 # (or a geo-IP's `geo="Bangor, United States"`)
                 "location": re.compile(r"[A-Z][a-z]+(?:[ \-][A-Z][a-z]+){0,2},[ \t]?"
                                        r"(?:[A-Z]{2}\b|United States|USA)")}


#: A plan's group number, named only `group` beside the member's coverage (a bare `group`
#: is a worker pool, a log group or a permission elsewhere).
_PLAN_CONTEXT = re.compile(r"(?i)member|subscriber|payer|insur|coverage|policy|medicaid|"
                           r"medicare|eligib")


#: Keys that hold a database id in one system and a chart number in another: an integer of
#: up to seven digits or a UUID stays, anything else (`"A7886193"`, `MR-2798355`) goes.
_RECORD_NUMBER = re.compile(r"[A-Za-z]{0,4}[-#]?\d{5,12}")
#: (as a key's end: `X-Patient-Id`)
_RECORD_ID_KEYS = ("patientid", "clientid", "chartid", "patient", "ptid")
#: An opaque token (an OAuth `client_id`): twenty characters or more of mixed-case letters
#: and digits.
_TOKEN = re.compile(r"(?=[A-Za-z0-9]*[a-z])(?=[A-Za-z0-9]*[A-Z])[A-Za-z0-9]{20,}")
_WORD_BEFORE_KEY = re.compile(r"(?<![\w.\-])([A-Za-z]{2,20})[ \t]\Z")


def _written_key(text: str, start: int, key: str, keys: KeyTable) -> tuple[str, str] | None:
    """A key written as words ("Preferred name", "Date of birth", "Member ID"): with up to
    two words before the last one, the longest that names a kind of its own."""
    best: tuple[str, str] | None = None
    pos = start
    for _ in range(2):
        m = _WORD_BEFORE_KEY.search(text, max(0, pos - 22), pos)
        if m is None or text[m.start() - 1:m.start()] == "<":
            break  # `<Account id=824818 …>`: a repr's class, not a word of the key
        key = f"{m.group(1)} {key}"
        pos = m.start()
        kind = keys.kind(key)
        if kind is not None and keys.normalised(key) not in WEAK_NAME_KEYS:
            best = (key, kind)
    return best


def _kv_value(text: str, m: re.Match[str], key: str, kind: str,
              keys: KeyTable, key_start: int) -> Iterator[Hit]:
    rule = "key." + kind.lower()
    if m.group("str") is not None or m.group("estr") is not None:
        if m.group("str") is not None:
            s, e = m.start("str") + 1, m.end("str") - 1
            if "like" in text[m.start():m.start("val")].lower():
                while s < e and text[e - 1] == "%":  # a LIKE pattern's wildcards: `'Marzena%'`
                    e -= 1
                while s < e and text[s] == "%":
                    s += 1
        else:
            s, e = m.start("estr"), m.end("estr")
        if kind == "OTHER_ID" and " " in text[s:e] and _name_shaped(text[s:e]):
            kind, rule = "NAME", "key.name"  # `User name: "Meredith Heller"`: no handle
        elif kind == "NAME" and _RECORD_NUMBER.fullmatch(text[s:e]):
            kind, rule = "MRN", "key.mrn"  # `"patient": "MR-2798355"`: the record's number
        if keys.normalised(key) in LOGIN_KEYS and kind == "OTHER_ID" and \
                not login(text[s:e]):
            return
        like = m.group("str") is not None and "like" in text[m.start():m.start("val")].lower()
        if s < e and (_written_name_ok(text, key_start, key, text[s:e], keys) if kind == "NAME"
                      # a LIKE pattern holds part of an address: `email LIKE 'schroder.jamal%'`
                      else (kind == "EMAIL" and like and any(c.isalpha() for c in text[s:e]))
                      or plausible(kind, text[s:e])):
            yield Hit(s, e, kind, rule, 3)
        return
    if m.group("list") is not None:
        for q in _QUOTED_RX.finditer(m.group("list")):
            s, e = m.start("list") + q.start() + 1, m.start("list") + q.end() - 1
            if s < e and plausible(kind, text[s:e]):
                yield Hit(s, e, kind, rule, 3)
        return
    if m.group("call") is not None:
        yield Hit(m.start("call"), m.end("call"), kind, rule, 3)
        return
    s, e = m.start("bare"), m.end("bare")
    if keys.normalised(key) in _LINE_VALUE_KEYS:
        e = text.find("\n", s)
        e = len(text) if e < 0 else e
        yield Hit(s, e, kind, rule, 3)
        return
    value = text[s:e]
    if value.lower() in {"null", "none", "nil", "true", "false", "undefined", "n/a", "-"}:
        return
    if value[-1] == "(" and e < len(text) and text[e] in "'\"":  # Rust's `mrn: Mrn("E148…")`
        wrapped = _QUOTED_RX.match(text, e)
        if wrapped is not None and plausible(kind, text[wrapped.start() + 1:wrapped.end() - 1]):
            yield Hit(wrapped.start() + 1, wrapped.end() - 1, kind, rule, 3)
        return
    if kind == "NAME" and "+" in value and _PLUS_NAME.fullmatch(value):
        yield Hit(s, e, kind, rule, 3)  # form-encoded: `guarantor_name=Jo%C3%A3o+Pierre-Louis`
        return
    if kind == "NAME" and value.islower() and keys.normalised(key) not in WEAK_NAME_KEYS:
        low = _LOWER_WORDS.match(text, s)  # `caller_name: efua adeyemi-clarke`
        if low is not None and not _ordinary_word(low.group().split(" ")[0]):
            yield Hit(s, low.end(), kind, rule, 3)
            return
    if kind == "NAME":
        span = names.grab(text, s, strong=True)
        go = _NEXT_GO_FIELD.match(text, e)
        if span is not None and go:  # Go's %+v: `{First:Ana Last:…}`, one word a field
            span = names.Span(s, e) if names.is_capitalised(value) else None
        # a generic `name:` judges the whole name read there, not its first word; beside
        # another name field it is one half of a name
        if span is not None and (keys.normalised(key) not in WEAK_NAME_KEYS or
                                 _known_name(text[span.start:span.end]) or
                                 (go and keys.kind(go.group(1)) == "NAME")):
            yield Hit(span.start, span.end, kind, rule, 3)
        return
    if keys.normalised(key) in LOGIN_KEYS and not login(value):
        return
    if kind in ("LICENSE", "VEHICLE") and value in names.STATE_CODE_SET:
        issued = _ISSUED_ID.match(text, e)  # `license: WA WDL9Z8XK2B1`: the state issued it
        if issued and plausible(kind, issued.group("v")):
            yield Hit(issued.start("v"), issued.end("v"), kind, rule, 3)
        return
    if kind in ("PHONE", "FAX") and value[-1].isdigit():
        more = _MORE_DIGIT_GROUPS.match(text, e)  # `ph: 021 555 0192`: groups of digits
        if more:
            e = more.end()
    if kind == "CITY":  # `city` = Westerlo Falls, …: a town of several words, unquoted
        more = _MORE_CAPITALISED.match(text, e)
        if more:
            e = more.end()
    if plausible(kind, text[s:e]):
        yield Hit(s, e, kind, rule, 3)


_NEXT_GO_FIELD = re.compile(r" ([A-Z][A-Za-z0-9]{0,30}):")
_MORE_DIGIT_GROUPS = re.compile(r"(?:[ ]\d{2,5}){1,3}(?![\w.:/\-])")
_ISSUED_ID = re.compile(r"[ \t\-]{1,3}(?P<v>(?=[A-Z\-]*\d)[A-Z0-9][A-Z0-9\-]{3,19})(?![\w\-])")
#: A name typed in lower case under a name key, to the end of its words on the line.
_LOWER_WORD = r"[^\W\d_A-Z](?:[^\W\d_A-Z]|['’\-](?=[^\W\d_A-Z]))*"
_LOWER_WORDS = re.compile(rf"{_LOWER_WORD}(?:[ ]{_LOWER_WORD}){{0,3}}(?=[ \t]*(?:$|[\n,;|)\"']))",
                          re.MULTILINE)
#: Words of a name joined by `+` (a form-encoded space), percent-escapes allowed.
_PLUS_NAME = re.compile(r"(?:[^\W\d_]|%[0-9A-Fa-f]{2})(?:[^\W\d_'’\-]|%[0-9A-Fa-f]{2}|['’\-])*"
                        r"(?:\+(?:[^\W\d_]|%[0-9A-Fa-f]{2})(?:[^\W\d_'’\-]|%[0-9A-Fa-f]{2}|['’\-])*)+")
_MORE_CAPITALISED = re.compile(r"(?:[ ][A-Z][a-z][\w'’.\-]*){1,3}")


#: Keys that hold a person's name in health data but a product's or thing's name elsewhere
#: (`"name": "Chrome"` in a Sentry context): their values must look like a known name.
WEAK_NAME_KEYS = frozenset({"name", "first", "displayname", "display", "nickname", "holder",
                            "contact",
                            "client", "subscriber", "guarantor", "owner",
                            "patient", "doctor", "physician", "therapist", "clinician"})


def name_value_ok(key: str, value: str, keys: KeyTable, person: bool = False) -> bool:
    """Whether `value` under the NAME key `key` is a person's name to redact. `person`: the
    object holding the key describes a person (`keys.person_container`), so a generic `name`
    needs only the shape of a name, not the dictionary's word."""
    if not plausible("NAME", value):
        return False
    if keys.normalised(key) not in WEAK_NAME_KEYS or _known_name(value):
        return True
    return person and _name_shaped(value)


def _written_name_ok(text: str, key_start: int, key: str, value: str, keys: KeyTable) -> bool:
    """`name_value_ok` for a quoted value in written-out text; the container is read only
    when the dictionary alone would keep the value."""
    if name_value_ok(key, value, keys):
        return True
    if keys.normalised(key) not in WEAK_NAME_KEYS or not plausible("NAME", value):
        return False
    owner = _OWNER_DOT.match(text, key_start)  # `patient.display_name = …`
    if owner is not None and person_container(owner.group(1)):
        return name_value_ok(key, value, keys, True)
    parent, siblings = _written_container(text, key_start)
    return name_value_ok(key, value, keys, person_container(parent, siblings))


_OWNER_DOT = re.compile(r"(?:[A-Za-z_]\w{0,40}\.)*?([A-Za-z_]\w{0,40})\.[A-Za-z_]\w{0,40}\b(?!\.)")


def _name_shaped(value: str) -> bool:
    """One to five capitalised words (surname particles aside), none a log/stop word or a
    code identifier, not all ordinary English words ("Default Queue")."""
    words = [w for w in names.WORD_RX.findall(value) if w.casefold() not in names.PARTICLES]
    return 0 < len(words) <= 5 and all(
        names.is_capitalised(w) and w.casefold() not in names.STOP_WORDS and
        not names.is_code_like(w) for w in words) and not all(map(_ordinary_word, words))


def _ordinary_word(word: str) -> bool:
    """An English word that the name list does not know as a name only."""
    flags = names.known(word)
    return word.casefold() in names.english() and (not flags or "E" in flags)


#: A bracket, or a key in written-out objects: `"key":`, `'key':`, `key=` (JSON, Python and
#: JS reprs).
_WRITTEN_TOKEN = re.compile(r"""[{}()\[\]]|['"]?([A-Za-z_][\w\-]{0,40})['"]?[ \t]*(?::|=(?!=))""")
_OPENERS, _CLOSERS = "{([", "})]"


def _object_keys(text: str, opener: int, end: int) -> list[str]:
    """The keys written directly in the object opened at `opener` (not in nested ones),
    reading no further than `end`."""
    out: list[str] = []
    depth = 0
    for m in _WRITTEN_TOKEN.finditer(text, opener + 1, end):
        c = m.group()
        if c in _OPENERS:
            depth += 1
        elif c in _CLOSERS:
            if depth == 0:
                break
            depth -= 1
        elif depth == 0:
            out.append(m.group(1))
    return out


_BRACKET = re.compile(r"[{}()\[\]]")


def _unclosed_opener(text: str, at: int, stop: int) -> int:
    """Position of the innermost bracket left open before `at` (not before `stop`), or -1.
    Brackets are few, so the regex finds them and only they are walked back."""
    depth = 0
    for m in reversed(list(_BRACKET.finditer(text, stop, at))):
        if m.group() in _CLOSERS:
            depth += 1
        elif depth == 0:
            return m.start()
        else:
            depth -= 1
    return -1


def _key_before(text: str, opener: int) -> str | None:
    """The key or class name that owns the bracket at `opener`: `Contact(`, `"guardian": {`,
    `contacts=[`; None when the bracket follows something else (a list item's `{`)."""
    j = opener
    if text[opener] != "(":
        j = opener - 1
        while j >= 0 and text[j] in " \t\r\n":
            j -= 1
        if j < 0 or text[j] not in ":=":
            return None
        while j > 0 and text[j - 1] in " \t\"'":
            j -= 1
    start = j
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in "_-"):
        start -= 1
    return text[start:j]


def _written_container(text: str, at: int) -> tuple[str, list[str]]:
    """For the key starting at `at` inside a written-out object (`{'applicant': {'name': …`,
    `Contact(name='…', relationship='sister')`, `"contacts": [{"name": …`): the key or class
    that owns the object (or the list holding it) and the keys written in the object. Reads
    at most 400 characters back and 600 forward."""
    stop = max(0, at - 400)
    opener = _unclosed_opener(text, at, stop)
    if opener < 0:
        return "", []
    siblings = _object_keys(text, opener, opener + 600)
    parent = _key_before(text, opener)
    if parent is None and text[opener] == "{":  # an object in a list: the list's key
        outer = _unclosed_opener(text, opener, stop)
        if outer >= 0 and text[outer] == "[":
            parent = _key_before(text, outer)
    return parent or "", siblings


def _known_name(value: str) -> bool:
    """A generic `name` value that reads as a person: capitalised words, none a log/stop
    word, and either the first a known given name that is not also an ordinary English word
    ("Meredith Heller"), or two to four name-shaped words, none an acronym or code, one a
    known name that is not an English word ("Chidi Ramirez": no dictionary knows every
    given name). "Chrome", "Mac OS X", "Too many errors", "Relay Worker" stay."""
    words = [w for w in names.WORD_RX.findall(value) if w.casefold() not in names.PARTICLES
             or names.is_capitalised(w)]  # "Philomena ter Haar": particles aside
    if not words or len(words) > 5:
        return False
    if _one_case_name(words):
        return True
    if not all(names.is_capitalised(w) and w.casefold() not in names.STOP_WORDS for w in words):
        return False
    flags = names.known(words[0])
    if "F" in flags and "E" not in flags:
        return True
    return 2 <= len(words) <= 4 and all(
        len(w) > 1 and not w.isupper() and not names.is_code_like(w) for w in words) and any(
        (f := names.known(w)) and "E" not in f for w in words)


def _one_case_name(words: list[str]) -> bool:
    """A name typed in one case, as forms and card readers send them ("FAIRWEATHER LAVINIA",
    "percival hakimi"): two to four words, none an English or log word, and either one a
    known name or all four letters or longer and unknown to both lists. "BAD REQUEST",
    "AWS EKS", "linux kernel" stay."""
    if not 2 <= len(words) <= 4 or not (all(w.isupper() for w in words) or
                                        all(w.islower() for w in words)):
        return False
    if any(len(w) < 2 or w.casefold() in names.english() or w.casefold() in names.STOP_WORDS
           for w in words):
        return False
    return any("E" not in f for w in words if (f := names.known(w))) or all(
        len(w) >= 4 and names.unknown_word(w, caps=True) for w in words)


_AGE_WORDS_RX = re.compile(AGE_WORDS, re.IGNORECASE)
_MONTH_WORD = re.compile(rf"(?<![A-Za-z]){MONTH}(?![a-z])", re.IGNORECASE)


_NEXT_LABEL = re.compile(r"[A-Za-z_][\w.\-]{0,40}:")


_HEX_ID = re.compile(r"[A-Za-z]{0,3}[0-9a-f]{24,64}")
_UNIT_LINE = re.compile(r"#[ ]?\d{1,6}[A-Za-z]?")
_LONG_HEX = re.compile(r"[0-9a-fA-F]{24,}")
_HEX_RUN = re.compile(r"[0-9a-f]{12,}")


#: Keys that name a login in an audit line (`user=chaddad`) and a system's account in a
#: connection log (`user=postgres`): only a login-shaped value is someone's.
LOGIN_KEYS = frozenset({"user", "usr"})


#: A value that is an expression, not data: `os.environ[…]`, `process.env.X`, `getenv(…)`.
_CODE_VALUE = re.compile(r"(?:os\.environ|process\.env|ENV|getenv|System\.getenv|settings|"
                         r"config|Rails\.application\.credentials)\b[.\[(]?")


def plausible(kind: str, value: str) -> bool:
    """Values under a sensitive key that are clearly not data (placeholders, code)."""
    stripped = value.strip()
    if v.placeholder(stripped):  # `[Filtered]`, `<redacted>`, `{{patient.dob}}`, `***`
        return False
    if stripped.startswith("[REDACTED:") or _NEXT_LABEL.fullmatch(stripped):
        return False  # `Phone: Email:}`: an empty field, then the next field's label
    if kind == "NAME":
        stripped = stripped.replace("''", "'")
        return bool(_NAMEISH.match(stripped)) and not any(
            names.is_code_like(w.strip("()")) for w in stripped.split()) and \
            not ORG_LAST.search(stripped)  # `From: Juniper Ridge Psychiatry <…>`
    if kind == "SECRET" and _CODE_VALUE.match(stripped):
        return False  # `TOKEN = os.environ["TOKEN"]`: where the secret comes from
    if kind == "ADDRESS":  # a street line has letters; a second line may be a unit ("#172")
        return any(c.isalpha() for c in stripped) or bool(_UNIT_LINE.fullmatch(stripped))
    if kind == "AGE_OVER_89":  # an age under a key is PHI from 90 on; younger ones stay
        return (stripped.isdigit() and 90 <= int(stripped) <= 125) or \
            _AGE_WORDS_RX.fullmatch(stripped) is not None  # `age=ninety eight`
    if kind == "DATE":  # a date has digits or a month's name ("then retry" under `dob`)
        if stripped.startswith(("0001-01-01", "0000-00-00")):
            return False  # a zero value (Go's time.Time{}, MySQL's zero date)
        return any(c.isdigit() for c in stripped) or bool(_MONTH_WORD.search(stripped))
    if kind == "EMAIL":  # an address has an @ ("emailSubject": "Please sign…" is a subject)
        return ("@" in stripped or " at " in stripped) and v.person_email(stripped)
    if kind == "ACCOUNT":  # `"account": "locked"` is a state, not a number; a Twilio
        # `account_sid` (AC + 32 hex) is the service's account, no one's number
        return any(c.isdigit() for c in stripped) and not _HEX_ID.fullmatch(stripped)
    if kind == "ZIP":  # `"gzip": "true"` is a setting
        return sum(c.isdigit() for c in stripped) >= 5
    if kind == "HEALTH_PLAN":  # a member, group or policy number has digits
        return any(c.isdigit() for c in stripped)
    if kind == "DEVICE" and _LONG_HEX.fullmatch(stripped):
        return False  # `serial=FECE2AE33E29…` of a TLS certificate, a hash
    if kind in {"PHONE", "FAX"}:  # `FAX ====…` is a banner, `pH: 7.4` a lab's value
        return sum(c.isdigit() for c in stripped) >= 4
    if kind == "LICENSE":  # a licence has digits (`tidewellNPI: attribute type undefined`)
        return any(c.isdigit() for c in stripped)
    if kind in {"SSN", "MRN"}:
        return any(c.isdigit() for c in stripped) or (
            len(stripped) >= 4 and any(c.isalpha() for c in stripped))
    return True


def labelled_kind(key: str, value: str, keys: KeyTable) -> str | None:
    """The kind of `value` shown under the label `key` (a form's field, a table's column, a
    question), when the label is sensitive and the value could be one of its kind. IPs go
    through the IP rule, which keeps infrastructure addresses."""
    kind = keys.kind(key)
    if kind is None or kind == "IP":
        return None
    ok = name_value_ok(key, value, keys) if kind == "NAME" else plausible(kind, value)
    return kind if ok else None


def _labelled_values(text: str, rx: re.Pattern[str], keys: KeyTable,
                     rule: str) -> Iterator[Hit]:
    """Each match's `v` under its label `k`, read by `labelled_kind`."""
    for m in rx.finditer(text):
        kind = labelled_kind(m.group("k").rstrip("?:* "), m.group("v"), keys)
        if kind is not None:
            yield Hit(m.start("v"), m.end("v"), kind, rule, 3)


# ---------------------------------------------------------------- URLs
#: What is someone's by its number (their records, devices, coverage): a segment after one
#: of these words is theirs when it is an id with four digits or more (`/policies/default`
#: is a setting, `eligibility/availity_client.rb:44` a source file).
_THING_WORDS = (r"records?|devices?|eligibility|coverages?|enrollments?|polic(?:y|ies)|providers?|"
                r"clinicians?|therapists?|prescribers?")
_THING = re.compile(rf"/?(?:{_THING_WORDS})/", re.IGNORECASE)
#: A chart's number is the number people see (an MRN), however short: `/charts/4571278/notes`.
_CHART = re.compile(r"/?charts?/", re.IGNORECASE)
_THING_ID = re.compile(r"(?=(?:[^0-9]*[0-9]){4})[A-Za-z0-9][A-Za-z0-9\-]{3,30}")
_PERSON_WORDS = (r"patients?|clients?|members?|persons?|people|users?|u|residents?|guardians?|"
                 r"contacts?|individuals?|charts?|profiles?|subscribers?|beneficiar(?:y|ies)|"
                 + _THING_WORDS)
# a path may start at its first word (an object key: `key=patients/MR-709134/intake/…`)
PERSON_PATH_TRIGGER = rf"[/=\s\"'](?:{_PERSON_WORDS})/"
_PERSON_PATH = re.compile(rf"(?i:(?:/|(?<=[=\s\"']))(?:{_PERSON_WORDS})/)"
                          r"(?P<v>[^/\s?#\"'<>;,)]+)")
#: A lookup segment before the id it looks up: `/clients/by-chart/MR-541984/overview`.
_LOOKUP_SEGMENT = re.compile(r"(?i)by[-_][a-z]{2,12}|lookup|find")
_NEXT_SEGMENT = re.compile(r"/(?P<v>[^/\s?#\"'<>;,)]+)")
_OPAQUE = re.compile(
    r"^(?:\d{1,7}|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
    r"|[0-9a-fA-F]{16,64}|me|self|new|search|list|export|import|bulk|batch|create|edit|count|"
    r"sync|all|current|\{[^}]*\}|:\w+|\$[\w\-]+|<[^>]*>|\[REDACTED:[A-Z_]+\])$")
_QUERY = re.compile(r"[?&;](?P<k>[\w.\-\[\]%]{1,40})=(?P<v>(?:[^&#\s\"'<>;]|'(?=[a-z]))*)")
_IDENTIFIER_SYSTEMS = (("mrn", "MRN"), ("ssn", "SSN"), ("member", "HEALTH_PLAN"),
                       ("mbi", "HEALTH_PLAN"), ("npi", "LICENSE"), ("dl", "LICENSE"))
#: Query keys whose value may be the patient's record number (`?pt=01029714`).
_PATIENT_QUERY_KEYS = frozenset(_RECORD_ID_KEYS) | {"pt", "client", "chart"}
_SEARCH_KEYS = frozenset({"q", "query", "search", "term", "s", "filter", "keyword", "lookup"})


#: `/srv/app/clients/merge.py`: a source file in a package named after people, not a person.
_SOURCE_FILE = re.compile(r"\.(?:py|pyc|rb|js|mjs|ts|tsx|jsx|go|java|kt|php|erl|ex|exs|cs|"
                          r"swift|scala|rs|c|h|cpp|html|css|vue)$")


#: A portal's or a visit link's path names its user: `/portal/sbaek49/documents`,
#: `/telehealth/join/hmelnyk7?t=…`, `/j/calexan77`.
_HANDLE_PATH = re.compile(r"(?:/(?:portal|join|j)|(?<![\w.\-])uploads)/"
                          r"(?P<v>[A-Za-z][\w.\-]{2,40})"
                          r"(?<!\.[a-z]{2})(?<!\.[a-z]{3})(?<!\.[a-z]{4})(?=[/?#\"'\s)]|$)")


#: The rest of a URL or path after the identifier in it: its further segments and query
#: (`/u/santos.p/messages/486602`, `/join/cletus.rahimi?t=a893c7e4…`: a message of theirs,
#: a visit's token). What comes before (host, route) stays.
_URL_TAIL = re.compile(r"[^\s\"'<>\[\]{}|\\^`]*")


def _with_tail(text: str, start: int, end: int, rule: str) -> Iterator[Hit]:
    """The identifier's hit, and one from it to the end of its URL."""
    yield Hit(start, end, "URL", rule, 3)
    m = _URL_TAIL.match(text, end)  # matches at least the empty string
    tail = m.end() if m else end
    while tail > end and text[tail - 1] in ".,;:)!?":
        tail -= 1
    if tail > end:
        yield Hit(start, tail, "URL", "url.tail", 3)


def handle_paths(text: str) -> Iterator[Hit]:
    """The login in a portal's or a visit link's path: only a login-shaped segment with a
    digit, a dot or an underscore in it (`/portal/login`, `/join/room` stay)."""
    for m in _HANDLE_PATH.finditer(text):
        if marked_login(m.group("v")) and not _SOURCE_FILE.search(m.group("v")):
            yield from _with_tail(text, m.start("v"), m.end("v"), "url.handle")


def marked_login(value: str) -> bool:
    """A login with a digit, a dot or an underscore in it (`sbaek49`, `mulcahy_fio`): where
    nothing else says a login is meant (a path, a bare `?u=`), a plain word is a page."""
    return any(c.isdigit() or c in "._" for c in value) and login(value) and \
        not _HEX_RUN.fullmatch(value)  # `targetgroup/portal/c55206a8ce72d0f9` is an id


def person_paths(text: str) -> Iterator[Hit]:
    """`/patients/jane-doe-1980-02-10/notes`: a path segment naming a person (database ids
    up to seven digits and UUIDs are opaque keys and stay; eight digits and more are a
    record or member number: `/members/54226688498/coverage`, and so is a chart's number of
    four digits and more; `/home/user/…` is a file system, not a person)."""
    for m in _PERSON_PATH.finditer(text):
        if text[max(0, m.start() - 5):m.start()] == "/home":
            continue
        seg = m.group("v")
        if _LOOKUP_SEGMENT.fullmatch(seg):
            nxt = _NEXT_SEGMENT.match(text, m.end("v"))
            if nxt and not _OPAQUE.match(nxt.group("v")):
                yield from _with_tail(text, nxt.start("v"), nxt.end("v"), "url.person_path")
            continue
        if seg in ("-", "~", "_") or (_THING.match(m.group()) and not _THING_ID.fullmatch(seg)):
            continue
        if _CHART.match(m.group()) and not any(c.isdigit() for c in seg):
            continue  # a chart has a number; `./charts/worker` is a Helm chart's folder
        if m.group()[0] != "/" and not any(c.isdigit() for c in seg):
            continue  # a relative path's segment names a folder (`patients/tmp`) unless an id
        chart_number = _CHART.match(m.group()) and seg.isdigit() and len(seg) >= 4
        if (chart_number or not _OPAQUE.match(seg)) and not _SOURCE_FILE.search(seg):
            yield from _with_tail(text, m.start("v"), m.end("v"), "url.person_path")


def query_values(text: str, keys: KeyTable) -> Iterator[Hit]:
    """`?mrn=…&dob=…&q=…`: sensitive or free-text query parameters."""
    for m in _QUERY.finditer(text):
        if not m.group("v"):
            continue
        key = m.group("k")
        value = m.group("v")
        if keys.normalised(key) == "identifier" and ("|" in value or any(
                c.isdigit() for c in value)):
            # FHIR search `identifier=<system>|<value>`: the system says what the value is;
            # with no system, an identifier is still someone's (`Patient?identifier=E5691…`)
            system, _, ident = value.rpartition("|")
            low = system.lower()
            id_kind = next((k for w, k in _IDENTIFIER_SYSTEMS if w in low), "OTHER_ID")
            if ident:
                yield Hit(m.end("v") - len(ident), m.end("v"), id_kind, "url.query", 3)
            continue
        kind = keys.kind(key)
        if keys.normalised(key) in _PATIENT_QUERY_KEYS and not _OPAQUE.match(value) and \
                sum(c.isdigit() for c in value) >= 5 and _RECORD_NUMBER.fullmatch(value):
            kind = "MRN"  # `?pt=01029714`: the patient's record number (an id of 7 digits or
            # fewer is a database's)
        if kind is None and "[" in key:  # a form's nested field: `q3_fullName[first]=…`
            kind = next((k for k in (keys.kind(p) for p in reversed(
                re.split(r"[\[\]]", key)) if p) if k), None)
        if kind is None and keys.normalised(key) in _SEARCH_KEYS:
            kind = "URL"
        if kind is None and key in ("u", "uid") and marked_login(value):  # `reset?u=…&t=…`:
            yield Hit(m.start("v"), m.end("v"), "OTHER_ID", "url.query", 3)  # the login, and
            yield from _with_tail(text, m.start("v"), m.end("v"), "url.query")  # its token
            continue
        if kind is None or (kind == "IP" and not v.public_ip(m.group("v"))):
            continue
        yield Hit(m.start("v"), m.end("v"), kind, "url.query", 3)


# ---------------------------------------------------------------- HL7 v2
#: Segments that carry a person (the trigger in `relay.scrub` lists the same names).
HL7_SEGMENTS = ("PID", "PD1", "NK1", "GT1", "IN1", "PV1", "ORC", "OBR", "OBX", "AIP", "SCH")
_SEGMENT = re.compile(rf"(?P<seg>{'|'.join(HL7_SEGMENTS)})\|")
#: segment -> {field number: kind}; names, addresses and phones by their HL7 v2.5 position.
_HL7_FIELDS: dict[str, dict[int, str]] = {
    "PID": {2: "MRN", 3: "MRN", 4: "MRN", 5: "NAME", 6: "NAME", 7: "DATE", 9: "NAME",
            11: "ADDRESS", 13: "PHONE", 14: "PHONE", 18: "ACCOUNT", 19: "SSN", 20: "LICENSE",
            21: "NAME", 29: "DATE"},
    "NK1": {2: "NAME", 4: "ADDRESS", 5: "PHONE", 6: "PHONE", 30: "NAME", 31: "PHONE",
            32: "ADDRESS", 33: "OTHER_ID"},
    "GT1": {2: "OTHER_ID", 3: "NAME", 4: "NAME", 5: "ADDRESS", 6: "PHONE", 7: "PHONE",
            8: "DATE", 12: "SSN"},
    # IN1-2 is the plan's product code ("EPO", "HMO01"), no one's number
    "IN1": {16: "NAME", 18: "DATE", 19: "ADDRESS", 36: "HEALTH_PLAN", 49: "HEALTH_PLAN",
            8: "HEALTH_PLAN"},
    "PV1": {7: "NAME", 8: "NAME", 9: "NAME", 17: "NAME", 19: "ACCOUNT", 52: "NAME"},
    # providers (XCN: id^family^given): primary care, ordering, entered/verified by,
    # result copies, responsible observer
    "PD1": {4: "NAME"},
    "ORC": {10: "NAME", 11: "NAME", 12: "NAME"},
    "OBR": {16: "NAME", 28: "NAME"},
    "OBX": {16: "NAME"},
    "AIP": {3: "NAME"},  # SIU: the appointment's clinician
    "SCH": {},  # SIU: the appointment's timing is read by its shape (`_SCH_TIME`)
}
_ADDR_COMPONENT_KIND = {0: "ADDRESS", 1: "ADDRESS", 2: "CITY", 4: "ZIP"}
#: Where a segment ends: a line break, the `<CR>` that logs print for one, or the next
#: segment's name glued on (`…|M<CR>OBR|`, `…||PV1|`).
_SEG_BREAK = (r"[\r\n]|<CR>|(?<![A-Za-z])(?=(?:MSH|MSA|EVN|ERR|PID|PD1|NK1|PV1|PV2|OBR|OBX|ORC|"
              r"IN1|GT1|AL1|DG1|NTE|ZPD)\|)")
_SEG_END = re.compile(_SEG_BREAK)


def hl7(text: str) -> Iterator[Hit]:
    """HL7 v2 fields by position: PID-3 MRN, PID-5 name, PID-7 birth date, PID-11 address
    (street, city, ZIP; state and country kept), PID-13 phone, PID-19 SSN; relatives,
    guarantors and insureds; providers in PV1, PD1, ORC, OBR and OBX (their NPI too)."""
    for m in _SEGMENT.finditer(text):
        s = m.start()
        if s and text[s - 1].isalpha():  # "XPID|" is not a segment; "\rPID|", "2.5.1PID|" are
            continue
        fields_of = _HL7_FIELDS[m.group("seg")]
        start = m.end()
        end_m = _SEG_END.search(text, start)
        end = end_m.start() if end_m else len(text)
        pos = start
        person = m.group("seg") in _PERSON_SEGMENTS
        fields = text[start:end].split("|")
        if m.group("seg") == "OBX":
            yield from _obx_age(fields, start)
        if m.group("seg") == "SCH":  # the appointment's start and end: `…|^^^202607251800`
            for t in _SCH_TIME.finditer(text, start, end):
                yield Hit(t.start(), t.end(), "DATE", "hl7.field", 3)
        for number, field in enumerate(fields, 1):
            kind = fields_of.get(number)
            if kind and field:
                yield from _hl7_field(field, pos, kind, xcn=not person)
            elif person and field and number > 1:
                yield from _hl7_by_shape(m.group("seg"), number, field, pos)
            elif _XCN.match(field):  # a provider out of the standard place
                yield from _hl7_field(field, pos, "NAME", xcn=True)
            pos += len(field) + 1


#: A date and time in an SIU schedule's timing (SCH-11, its components' start and end).
_SCH_TIME = re.compile(r"(?<=[\^|])(?:19|20)\d{6}(?:\d{4}(?:\d{2})?)?(?=[\^|~\r\n]|$)")


#: OBX-3 codes of a person's age: LOINC 30525-0 (Age), 21612-7 (Age - Reported), 29553-5
#: (Age calculated); or a text that says age (`^Age^`, `^Patient age^`, `^AGE AT DEATH^`).
_AGE_CODES = frozenset({"30525-0", "21612-7", "29553-5"})
_AGE_TEXT = re.compile(r"(?i)(?:patient(?:'?s)?[ _])?age\b")
_OBX_NUMBER = re.compile(r"[ ]*(?P<v>\d{1,5}(?:\.\d+)?)[ ]*")
#: OBX-6 unit (UCUM, or as written) -> units per year; anything else is read as years.
_AGE_UNITS = {"mo": 12.0, "month": 12.0, "months": 12.0, "wk": 52.18, "week": 52.18,
              "weeks": 52.18, "d": 365.25, "day": 365.25, "days": 365.25}


def _obx_age(fields: list[str], start: int) -> Iterator[Hit]:
    """An observation of the patient's age (OBX-3 an age code) whose value (OBX-5) is 90
    years or more: Safe Harbor lets ages through only up to 89."""
    if len(fields) < 5 or not any(c in _AGE_CODES or _AGE_TEXT.match(c.strip())
                                  for c in fields[2].split("^")[:5]):
        return
    value = fields[4]
    comps = value.split("^")  # NM `92`, or SN `^92` (comparator, number)
    pos = start + sum(len(f) + 1 for f in fields[:4])
    for comp in comps[:2]:
        num = _OBX_NUMBER.fullmatch(comp)
        if num:
            unit = fields[5].split("^")[0].strip().lower() if len(fields) > 5 else ""
            if float(num.group("v")) / _AGE_UNITS.get(unit, 1.0) >= 90:
                yield Hit(pos + num.start("v"), pos + num.end("v"), "AGE_OVER_89", "hl7.age", 3)
            return
        pos += len(comp) + 1


#: HL7 segments about the message, not a person: sender and receiver, control ids (10
#: digits read as a phone number), acknowledgement codes and error locations.
_HL7_HEADER = re.compile(r"(?:^|(?<=[\r\n])|(?<=<CR>))(?:MSH|MSA|EVN|ERR|BHS|BTS|FHS|FTS)\|"
                         rf"(?:(?!{_SEG_BREAK}).)*")


def hl7_header_lines(text: str) -> list[tuple[int, int]]:
    """Spans of the message's header segments: nothing in them is redacted."""
    return [m.span() for m in _HL7_HEADER.finditer(text)]


def hl7_control_ids(text: str) -> set[str]:
    """The message control ids (MSH-10, MSA-2): the same number in prose ("sent ACK AR for
    4558420331") is the message's, not a phone."""
    ids: set[str] = set()
    for m in _HL7_HEADER.finditer(text):
        fields = m.group().split("|")
        at = 9 if fields[0] == "MSH" else 2 if fields[0] == "MSA" else 0
        if at and len(fields) > at and fields[at]:
            ids.add(fields[at])
    return ids


#: Segments about a person, where a field found out of its standard place is still read by
#: its shape: senders shift fields, and in these segments nearly every field is PHI.
_PERSON_SEGMENTS = frozenset({"PID", "NK1", "GT1", "IN1"})
_XPN = re.compile(r"[A-Za-z][A-Za-z' \-]+\^[A-Za-z][A-Za-z' \-]+(?:\^[A-Za-z' .\-]*)?")
_HL7_DATE = re.compile(r"(?:19|20)\d{6}")
#: A person with an id, as HL7 writes providers: `1543390565^POPESCU^FARHAN^^^^MD`.
_XCN = re.compile(r"[A-Za-z]?\d{6,}\^[A-Za-z][A-Za-z' \-]+\^[A-Za-z]")
_HL7_ID = re.compile(r"(?=[A-Za-z0-9\-]*\d)(?=[A-Za-z0-9\-]*[A-Za-z])[A-Za-z0-9\-]{6,20}")


def _hl7_by_shape(seg: str, number: int, field: str, pos: int) -> Iterator[Hit]:
    """A person's name (FAMILY^GIVEN), a date of birth or an id with letters and digits in a
    field of a person's segment that its standard place did not claim. IN1's plan and company
    ids (fields 2 to 4) stay."""
    first = field.split("~")[0]
    if _XPN.fullmatch(first):
        yield from _hl7_field(first, pos, "NAME")
    elif _HL7_DATE.fullmatch(first) and v.compact_date(first):
        yield Hit(pos, pos + len(first), "DATE", "hl7.shape", 2)
    elif _HL7_ID.fullmatch(first) and not (seg == "IN1" and number <= 4):
        yield Hit(pos, pos + len(first), "HEALTH_PLAN" if seg == "IN1" else "OTHER_ID",
                  "hl7.shape", 2)


def _hl7_field(field: str, pos: int, kind: str, xcn: bool = False) -> Iterator[Hit]:
    """`xcn`: a provider's name field, whose first component may be the provider's id."""
    for rep in field.split("~"):
        comps = rep.split("^")
        cpos = pos
        for i, comp in enumerate(comps):
            sub = comp.split("&")[0]
            if sub.strip():
                ck = kind
                if kind == "ADDRESS":
                    ck = _ADDR_COMPONENT_KIND.get(i, "")
                elif kind in {"MRN", "HEALTH_PLAN", "ACCOUNT", "OTHER_ID"} and i > 0:
                    ck = ""  # assigning authority, id type: not identifying
                elif kind == "NAME" and i >= 4:
                    ck = ""  # suffix/degree/name type code
                elif kind == "NAME" and i == 0 and sub[:1].isdigit():
                    ck = "LICENSE" if xcn else ""  # XCN: provider id then family/given
                elif kind == "PHONE" and not any(c.isdigit() for c in sub) and "@" not in sub:
                    ck = ""
                if ck:
                    yield Hit(cpos, cpos + len(sub), ck, "hl7.field", 3)
            cpos += len(comp) + 1
        pos += len(rep) + 1


# ---------------------------------------------------------------- DICOM attribute dumps
#: The prefilter's gate: a tag of the groups that hold people and dates of service (0008
#: study, 0010 patient, 0032 study request, 0038 visit, 0040 procedure step).
DICOM_TRIGGER = r"\(00(?:08|10|32|38|40),[ ]?[0-9A-Fa-f]{4}\)"
#: One element as a dump prints it: dcmdump/gdcmdump `(0010,0010) PN [DOE^JANE]  # 8, 1
#: PatientName`, or pydicom `(0010, 0010) Patient's Name   PN: 'DOE^JANE'` (a description,
#: then the VR and a colon; the value is a Python repr, a list of them, or bare).
_DICOM_ELEMENT = re.compile(
    r"\((?P<g>[0-9A-Fa-f]{4}),[ ]?(?P<e>[0-9A-Fa-f]{4})\)[ \t]+"
    r"(?:(?P<vr>[A-Z]{2})[ \t]+\[(?P<b>[^\]\r\n]{0,400})\]"
    r"|(?P<desc>[^\r\n:]{1,80}?)[ \t](?P<vr2>[A-Z]{2}):[ \t]*(?P<p>[^\r\n]{0,400}))")
_PY_STRING = re.compile(r"'(?:[^'\\\r\n]|\\.)*'|\"(?:[^\"\\\r\n]|\\.)*\"")
#: (group, element) -> kind, for the patient's identifiers and particulars whatever their VR.
_DICOM_TAGS = {
    ("0010", "0020"): "MRN",  # Patient ID
    ("0010", "1000"): "MRN",  # Other Patient IDs
    ("0010", "1090"): "MRN",  # Medical Record Locator
    ("0010", "0030"): "DATE",  # Patient's Birth Date
    ("0010", "1040"): "ADDRESS",  # Patient's Address
    ("0010", "2154"): "PHONE",  # Patient's Telephone Numbers
    ("0008", "0050"): "OTHER_ID",  # Accession Number
    ("0038", "0010"): "OTHER_ID",  # Admission ID
}
#: Dates of service: Study, Series, Acquisition and Content Date (and Acquisition DateTime).
_DICOM_SERVICE_DATES = frozenset({"0020", "0021", "0022", "0023", "002A"})
_DICOM_AGE = re.compile(r"(\d{3})([DWMY])")
_AGE_UNIT_YEARS = {"D": 365.25, "W": 52.18, "M": 12.0, "Y": 1.0}


def _dicom_kind(group: str, element: str, vr: str) -> str | None:
    if vr == "PN":  # a person's name: the patient, a physician, an operator
        return "NAME"
    kind = _DICOM_TAGS.get((group, element))
    if kind is not None:
        return kind
    if vr in {"DA", "DT"} and (group == "0010" or (
            group == "0008" and element in _DICOM_SERVICE_DATES)):
        return "DATE"
    if (group, element, vr) == ("0010", "1010", "AS"):
        return "AGE_OVER_89"
    return None


def _dicom_values(m: re.Match[str]) -> Iterator[tuple[int, str]]:
    """(offset, value) of each non-empty value of one element (multiple values are split by
    a backslash in dcmdump and listed in pydicom)."""
    if m.group("b") is not None:
        pos = m.start("b")
        for value in m.group("b").split("\\"):
            yield pos, value
            pos += len(value) + 1
        return
    raw = m.group("p")
    start = m.start("p")
    if raw[:1] in "'\"[":
        for q in _PY_STRING.finditer(raw):
            yield start + q.start() + 1, q.group()[1:-1]
    elif raw.strip() not in {"", "None"}:
        yield start, raw.rstrip()


def dicom_descriptions(text: str) -> list[tuple[int, int]]:
    """Spans of the attribute names pydicom prints (`Patient's Birth Date`, `Referring
    Physician's Name`): the dictionary's words, never a value; nothing in them is redacted."""
    return [m.span("desc") for m in _DICOM_ELEMENT.finditer(text) if m.group("desc")]


def dicom(text: str) -> Iterator[Hit]:
    """DICOM attributes as dcmdump, gdcmdump and pydicom print them. The tag says what a
    value is, so no shape needs guessing: any person name (VR PN: the patient, referring,
    performing and reading physicians), the patient's dates and the study's dates of service,
    Patient ID, address, telephone, an age of 90 or more (`094Y`) and the accession number.
    UIDs, modality, institution and device attributes stay; so does an empty value."""
    for m in _DICOM_ELEMENT.finditer(text):
        vr = m.group("vr") or m.group("vr2")
        kind = _dicom_kind(m.group("g"), m.group("e").upper(), vr)
        if kind is None:
            continue
        for pos, value in _dicom_values(m):
            stripped = value.strip()
            if not stripped or not any(c.isalnum() for c in stripped):
                continue
            if kind == "AGE_OVER_89":
                age = _DICOM_AGE.fullmatch(stripped)
                if not age or int(age.group(1)) / _AGE_UNIT_YEARS[age.group(2)] < 90:
                    continue
            elif kind != "NAME" and not plausible(kind, stripped):
                continue
            s = pos + value.index(stripped)
            yield Hit(s, s + len(stripped), kind, "dicom.element", 3)


# ---------------------------------------------------------------- HL7 v3 / C-CDA identifiers
#: The prefilter's gate: an instance identifier's attribute (`<id root="…" extension="…"/>`).
CDA_ID_TRIGGER = r"(?:root|extension)[ \t]*=[ \t]*['\"]"
#: An II's root OID -> kind of its extension, for the national registries of people:
#: SSA (SSN), NPPES (a provider's NPI), state DMVs (2.16.840.1.113883.4.3.<FIPS>: driver's
#: licences), CMS Medicare numbers (HICN, MBI). CLIA (4.7) names a lab: its number stays.
_OID_KINDS = {"2.16.840.1.113883.4.1": "SSN", "2.16.840.1.113883.4.6": "LICENSE",
              "2.16.840.1.113883.4.572": "HEALTH_PLAN", "2.16.840.1.113883.4.927": "HEALTH_PLAN",
              "2.16.840.1.113883.4.7": ""}
_DL_OID = re.compile(r"2\.16\.840\.1\.113883\.4\.3\.\d{1,2}")
#: Every tag, to know the element an `<id>` belongs to (`<hl7:id …/>` too).
_XML_TAG = re.compile(r"<(?P<close>/?)(?:[A-Za-z_][\w.\-]*:)?(?P<name>[A-Za-z_][\w.\-]*)"
                      r"(?P<attrs>[^<>]{0,600}?)(?P<empty>/?)>")
_XML_ATTR = re.compile(r"(?P<k>[A-Za-z_][\w.\-:]*)[ \t\r\n]*=[ \t\r\n]*"
                       r"(?:\"(?P<d>[^\"<>]*)\"|'(?P<s>[^'<>]*)')")
#: The elements whose own `<id>` is the patient's record number at whatever organisation
#: assigned it (CDA `recordTarget/patientRole`, v3 messages' `patient`).
_PATIENT_ELEMENTS = frozenset({"patientRole", "patient"})


def oid_kind(root: str) -> str | None:
    """The kind an identifier's root OID gives its extension ("" for one that stays)."""
    root = root.strip()
    if root.startswith("urn:oid:"):
        root = root[8:]
    if root in _OID_KINDS:
        return _OID_KINDS[root]
    return "LICENSE" if _DL_OID.fullmatch(root) else None


def cda_ids(text: str) -> Iterator[Hit]:
    """HL7 v3 and C-CDA instance identifiers, `<id root="OID" extension="value"/>`: the root
    says whose number the extension is. National registries by their OID (SSN, NPI, a
    state's driver's licence, Medicare); any other id of the patient's own element
    (`<patientRole>`, `<patient>`) is their record number at the assigning organisation.
    Ids of documents, orders, labs and organisations stay; only the extension goes."""
    stack: list[str] = []
    for m in _XML_TAG.finditer(text):
        name = m.group("name")
        if m.group("close"):
            if name in stack:  # a fragment may close what it never opened
                del stack[len(stack) - 1 - stack[::-1].index(name):]
            continue
        if name == "id":
            attrs = {a.group("k"): (a.start() + m.start("attrs"), a.group("d"), a.group("s"))
                     for a in _XML_ATTR.finditer(m.group("attrs"))}
            ext = attrs.get("extension")
            root = attrs.get("root")
            if ext is not None and root is not None:
                kind = oid_kind(root[1] if root[1] is not None else root[2] or "")
                priority = 4  # the registry's OID says what the number is
                if kind is None and stack and stack[-1] in _PATIENT_ELEMENTS:
                    kind, priority = "MRN", 3
                value = ext[1] if ext[1] is not None else ext[2] or ""
                if kind and value.strip() and plausible(kind, value):
                    at = text.index(value, ext[0] + len("extension"))
                    s = at + len(value) - len(value.lstrip())
                    yield Hit(s, s + len(value.strip()), kind, "cda.id", priority)
        if not m.group("empty"):
            stack.append(name)


# ---------------------------------------------------------------- X12 (270/271, 837, 835)
#: Segments that carry a person's particulars (the trigger in `relay.scrub` uses the list).
X12_SEGMENTS = ("NM1", "N3", "N4", "DMG", "REF", "PER", "CLP", "CLM", "IK4", "CTX", "SBR")
# a segment starts a line, follows the previous one's `~`, or a space, colon or quote where
# a message quotes it (`subscriber not found: NM1*IL*…`); in `IK3*N4*26*2010CA*8~` the N4 is
# the name of the segment an error is about, not a segment
_X12_SEGMENT = re.compile(r"(?<![^~\s\x00:\"'=(\[])"
                          rf"(?P<seg>{'|'.join(X12_SEGMENTS)})\*(?P<body>[^~\r\n]{{1,500}})")
#: NM1-08 id qualifier -> kind of NM1-09 for a person (NM1-02 = 1)
_X12_NM1_ID = {"MI": "HEALTH_PLAN", "II": "HEALTH_PLAN", "N": "HEALTH_PLAN", "XX": "LICENSE",
               "34": "SSN", "MR": "MRN"}
#: REF-01 qualifier -> kind of REF-02 (other qualifiers are payer and trace references)
_X12_REF = {"SY": "SSN", "6P": "HEALTH_PLAN", "1L": "HEALTH_PLAN", "IG": "HEALTH_PLAN",
            "1W": "HEALTH_PLAN", "HJ": "HEALTH_PLAN", "49": "HEALTH_PLAN", "IL": "HEALTH_PLAN",
            "EA": "MRN", "EJ": "ACCOUNT", "0B": "LICENSE", "1G": "LICENSE", "LU": "OTHER_ID",
            # the subscriber's number, a Medicare claim number (HICN), a client's number
            "0F": "HEALTH_PLAN", "F6": "HEALTH_PLAN", "23": "OTHER_ID", "Q4": "OTHER_ID"}
#: PER communication qualifier -> kind of the number after it
_X12_PER = {"TE": "PHONE", "CP": "PHONE", "HP": "PHONE", "WP": "PHONE", "EX": "PHONE",
            "FX": "FAX", "EM": "EMAIL"}


_AMOUNT = re.compile(r"-?\d{1,9}\.\d{2}")


def _x12_kinds(seg: str, els: list[str]) -> dict[int, str]:
    """Element number -> kind for one segment (its elements `els`, els[0] the segment id)."""
    def el(i: int) -> str:
        return els[i] if i < len(els) else ""

    if seg == "NM1":
        if el(2) != "1":  # a payer, a clinic: an organisation's name and id stay
            return {}
        out = {3: "NAME", 4: "NAME", 5: "NAME"}
        if el(8) in _X12_NM1_ID:
            out[9] = _X12_NM1_ID[el(8)]
        return out
    if seg == "N3":
        return {1: "ADDRESS", 2: "ADDRESS"}
    if seg == "N4":
        return {1: "CITY", 3: "ZIP"}
    if seg == "DMG":
        return {2: "DATE"} if el(1) == "D8" else {}
    if seg == "REF":
        return {2: _X12_REF[el(1)]} if el(1) in _X12_REF else {}
    if seg == "SBR":  # 837: SBR03 is the subscriber's group or policy number
        return {3: "HEALTH_PLAN"}
    if seg == "CLM":  # 837: CLM01 is the patient control number (the practice's account)
        return {1: "ACCOUNT"}
    if seg == "IK4":  # 999: IK404 is a copy of the element the payer rejected (a ZIP, a name;
        # an amount, `474.92`, is no one's)
        return {} if _AMOUNT.fullmatch(el(4)) else {4: "OTHER_ID"}
    if seg == "CTX":  # 999: `CTX*CLM01:<patient control number>`
        return {1: "ACCOUNT"} if el(1).startswith("CLM01:") else {}
    if seg == "CLP":  # 835: CLP01 is the patient control number the claim was billed under
        return {1: "OTHER_ID"}  # (CLP07, the payer's own number for the claim, is a
        # transaction's key and stays, like REF*1K)
    out = {2: "NAME"}  # PER: a contact's name, then (qualifier, number) pairs
    for q in (3, 5, 7):
        if el(q) in _X12_PER:
            out[q + 1] = _X12_PER[el(q)]
    return out


def x12(text: str) -> Iterator[Hit]:
    """ASC X12 segments by element position: `NM1*IL*1*LAST*FIRST*M***MI*ID~` (a person's
    name and member id), `N3`/`N4` (street, city, ZIP), `DMG*D8*<birth date>`, `REF*SY`
    (SSN) and other person references, `PER` contacts and numbers."""
    for m in _X12_SEGMENT.finditer(text):
        seg = m.group("seg")
        els = [seg, *m.group("body").split("*")]
        kinds = _x12_kinds(seg, els)
        pos = m.start("body")
        for i, value in enumerate(els[1:], 1):
            kind = kinds.get(i)
            if kind and value.strip():
                skip = 6 if seg == "CTX" else 0  # the context's name stays: `CLM01:`
                yield Hit(pos + skip, pos + len(value), kind, "x12.element", 3)
            pos += len(value) + 1


# ---------------------------------------------------------------- FHIR identifiers/telecom
_FHIR_VALUE = re.compile(r"\"value\"\s*:\s*\"(?P<v>[^\"\n]{1,80})\"")
_FHIR_HINTS: tuple[tuple[str, str], ...] = (
    ("2.16.840.1.113883.4.1", "SSN"), ("2.16.840.1.113883.4.6\"", "LICENSE"),
    ("2.16.840.1.113883.4.3.", "LICENSE"), ("2.16.840.1.113883.4.572\"", "HEALTH_PLAN"),
    ("2.16.840.1.113883.4.927\"", "HEALTH_PLAN"),
    ("2.16.840.1.113883.4.7\"", ""),  # CLIA: a lab's number, kept
    ("us-ssn", "SSN"), ('"ss"', "SSN"), ('"mr"', "MRN"),
    ('"mrn"', "MRN"), ('"mb"', "HEALTH_PLAN"), ('"sn"', "HEALTH_PLAN"),
    ('"dl"', "LICENSE"), ('"npi"', "LICENSE"), ("us-npi", "LICENSE"),
    ('"system": "fax"', "FAX"), ('"system":"fax"', "FAX"), ('"system": "phone"', "PHONE"),
    ('"system":"phone"', "PHONE"), ('"system": "sms"', "PHONE"), ('"system": "email"', "EMAIL"),
    ('"system":"email"', "EMAIL"), ('"identifier"', "OTHER_ID"),
    # Coverage.class: the plan's group, plan and subgroup numbers
    ('"code":"group"', "HEALTH_PLAN"), ('"code": "group"', "HEALTH_PLAN"),
    ('"code":"plan"', "HEALTH_PLAN"), ('"code": "plan"', "HEALTH_PLAN"),
    ('"code":"subgroup"', "HEALTH_PLAN"), ('"code": "subgroup"', "HEALTH_PLAN"),
)


def fhir_values(text: str, lower: str) -> Iterator[Hit]:
    """FHIR `{"system": …, "value": "…"}`: the value's kind comes from the nearest system or
    type code before it (SSN OID, MR, MB, fax/phone/email); any other identifier is OTHER_ID.
    A Python repr of the resource (`{'system': …, 'value': '…'}`) is read with its quotes
    made double: the offsets stay."""
    yield from _fhir_values(text, lower)
    if "'value'" in text:
        yield from _fhir_values(text.replace("'", '"'), lower.replace("'", '"'))


def _fhir_values(text: str, lower: str) -> Iterator[Hit]:
    for m in _FHIR_VALUE.finditer(text):
        s = m.start()
        window = lower[max(0, s - 160):s]
        brace = window.rfind('"value"')
        if brace >= 0:
            window = window[brace + 7:]
        best: tuple[int, str] | None = None
        for hint, kind in _FHIR_HINTS:
            at = window.rfind(hint)
            if at >= 0 and (best is None or at > best[0] or
                            (kind != "OTHER_ID" and best[1] == "OTHER_ID")):
                best = (at, kind)
        if best is not None and best[1]:
            yield Hit(m.start("v"), m.end("v"), best[1], "fhir.value", 3)
    for m in _FHIR_AGE.finditer(text):  # an Age: `"valueAge": {"value": 100, "unit": "a"}`
        if 90 <= int(m.group("v")) <= 125:
            yield Hit(m.start("v"), m.end("v"), "AGE_OVER_89", "fhir.age", 3)


_FHIR_AGE = re.compile(r'"(?:valueAge|age)"\s*:\s*\{[^{}]{0,80}?"value"\s*:\s*(?P<v>\d{2,3})\b')


# ---------------------------------------------------------------- validation errors as JSON
#: Where a validator reports the value it rejected (express-validator and most others
#: `value`, Apollo's `argumentValue`, Spring's `rejectedValue`), quoted or a bare number …
REJECTED_VALUE_TRIGGER = r"[\"'](?:value|argumentValue|rejectedValue|invalidValue)[\"']"
_REJECTED_VALUE = re.compile(r'"(?:value|argumentValue|rejectedValue|invalidValue)"\s*:\s*'
                             r'(?:"(?P<v>(?:[^"\\\n]|\\.){1,200})"|(?P<n>\d{1,12})(?![\d.]))')
#: … and the field it belongs to: express-validator `path`, class-validator `property`, Joi
#: `key`, Laravel `field`, `param`, `attribute`, JSON:API's `pointer`, Apollo's `argumentName`.
_REJECTED_FIELD = re.compile(r'"(?:path|param|parameter|field|property|attribute|key|loc|pointer|'
                             r'argumentName)"\s*:\s*"(?P<f>[\w.\[\]\-/]{1,80})"')
_FIELD_PARTS = re.compile(r"[./\[\]]")


def _object_end(text: str, opener: int) -> int:
    """Where the object opened at `opener` closes (read at most 800 characters)."""
    depth, end = 0, min(len(text), opener + 800)
    for b in _BRACKET.finditer(text, opener + 1, end):
        if b.group() in _OPENERS:
            depth += 1
        elif depth == 0:
            return b.start()
        else:
            depth -= 1
    return end


def rejected_values(text: str, keys: KeyTable) -> Iterator[Hit]:
    """`{"value": "85346", "msg": "…", "path": "postalCode"}`, `{"argumentName": "age",
    "argumentValue": 95}`: the value a validator rejected takes the kind of the field named
    in its object, or, when its object holds no value, in the object around it (JSON:API's
    `{"source": {"pointer": "/data/attributes/ssn"}, "meta": {"value": …}}`). Read from the
    fields, whose kind is known at once: most objects with a `key` (Sentry's tags) name none."""
    for f in _REJECTED_FIELD.finditer(text):
        parts = [p for p in _FIELD_PARTS.split(f.group("f")) if p]
        kind = next((k for k in (keys.kind(p) for p in reversed(parts)) if k), None)
        if kind is None or kind == "IP":
            continue
        opener = _unclosed_opener(text, f.start(), max(0, f.start() - 600))
        if opener < 0 or text[opener] != "{":
            continue
        values = list(_REJECTED_VALUE.finditer(text, opener, _object_end(text, opener)))
        if not values:
            outer = _unclosed_opener(text, opener, max(0, opener - 600))
            if outer >= 0 and text[outer] == "{":
                values = list(_REJECTED_VALUE.finditer(text, outer, _object_end(text, outer)))
        if not values:
            continue
        m = min(values, key=lambda v: abs(v.start() - f.start()))
        group = "v" if m.group("v") is not None else "n"
        if plausible(kind, m.group(group)):
            yield Hit(m.start(group), m.end(group), kind, "json.rejected_value", 3)


#: A form tool's answers, each under its question (Typeform, Jotform, Google Forms):
#: `{"question": "Date of birth", "answer": "Apr-24-1973"}`.
ANSWER_TRIGGER = r"\"(?:question|label|field_label)\"[ \t]*:"
_ANSWER = re.compile(r'"(?:question|label|field_label)"\s*:\s*"(?P<k>[^"\n]{2,80})"\s*,\s*'
                     r'"(?:answer|value|response)"\s*:\s*"(?P<v>[^"\n]{1,200})"')


def form_answers(text: str, keys: KeyTable) -> Iterator[Hit]:
    """An answer takes the kind its question names ("Date of birth", "Phone number",
    "Insurance member ID"), read as a key."""
    return _labelled_values(text, _ANSWER, keys, "form.answer")


#: graphql-js: `Variable "$input" got invalid value "760354056" at "input.ssn"; Expected …`
#: (quotes escaped when the message sits inside JSON).
GRAPHQL_TRIGGER = r"got invalid value "
_GRAPHQL_REJECTED = re.compile(
    r'Variable \\?"\$(?P<var>\w{1,60})\\?" (?:of type \\?"[^"\n]{1,60}?\\?" )?'
    r'got invalid value (?P<q>\\?")(?P<v>[^"\\\n]{1,200})(?P=q)'
    r'(?: at \\?"(?P<path>[\w.\[\]]{1,120})\\?")?')


def graphql_rejected(text: str, keys: KeyTable) -> Iterator[Hit]:
    """The value a GraphQL server rejected takes the kind of the field its path ends in (or
    of the variable, when the path is missing)."""
    for m in _GRAPHQL_REJECTED.finditer(text):
        path = [p for p in re.split(r"[.\[\]]", m.group("path") or "") if p]
        kind = next((k for k in (keys.kind(f) for f in reversed([*path, m.group("var")]))
                     if k), None)
        if kind is not None and kind != "IP" and plausible(kind, m.group("v")):
            yield Hit(m.start("v"), m.end("v"), kind, "graphql.rejected_value", 3)


#: go-playground/validator, with the value a handler added: `Key: 'Demographics.Age'
#: Error:Field validation for 'Age' failed on the 'lte' tag (value=97, param=89)`.
GO_VALIDATOR_TRIGGER = r"Field validation for '"
_GO_VALIDATOR = re.compile(r"Field validation for '(?P<f>\w{1,60})' failed on the '\w{1,30}' "
                           r"tag \((?:value|val)=(?P<v>[^,)\n]{1,80})")


def go_validator_values(text: str, keys: KeyTable) -> Iterator[Hit]:
    """The value a Go struct validator rejected takes the kind of the field it names."""
    for m in _GO_VALIDATOR.finditer(text):
        kind = keys.kind(m.group("f"))
        value = m.group("v").strip("'\" ")
        if kind is not None and kind != "IP" and value and plausible(kind, value):
            s = m.start("v") + m.group("v").find(value)
            yield Hit(s, s + len(value), kind, "go.rejected_value", 3)


# ---------------------------------------------------------------- pydantic errors
_PYD_INPUT = re.compile(r"input_value=(?P<v>'(?:[^'\\\n]|\\.)*'|\"(?:[^\"\\\n]|\\.)*\"|[^,\]\s]+)")
_PYD_LOC = re.compile(r"^\s*(?P<loc>[A-Za-z_][\w]*(?:[.\[][\w\]]+)*)\s*$", re.M)


def pydantic_inputs(text: str, keys: KeyTable) -> Iterator[Hit]:
    """`insurance.member_id\\n  String should match … input_value='…'`: the rejected input
    takes the kind of the field named on the error's location line."""
    for m in _PYD_INPUT.finditer(text):
        head = text[max(0, m.start() - 400):m.start()]
        locs = list(_PYD_LOC.finditer(head))
        if not locs:
            continue
        field = re.split(r"[.\[\]]", locs[-1].group("loc").rstrip("]"))
        kind = next((k for k in (keys.kind(f) for f in reversed(field) if f) if k), None)
        if kind is None:
            continue
        s, e = m.start("v"), m.end("v")
        if text[s] in "'\"":
            s, e = s + 1, e - 1
        if s < e:
            yield Hit(s, e, kind, "pydantic.input", 3)


# ---------------------------------------------------------------- PDF form fields
#: A PDF form's field, as its dictionary prints: `/T (PatientName) /V (Dakota Florida)`.
PDF_FIELD_TRIGGER = r"/T[ \t]?\("
_PDF_FIELD = re.compile(r"/T[ \t]?\((?P<k>[^()\\\n]{1,60})\)[ \t]*/V[ \t]?"
                        r"\((?P<v>(?:[^()\\\n]|\\.){1,200})\)")


def pdf_fields(text: str, keys: KeyTable) -> Iterator[Hit]:
    """A filled-in PDF form dumped by its library: each value takes the kind of its field's
    name (`PatientName`, `DOB`, `GuardianPhone`)."""
    return _labelled_values(text, _PDF_FIELD, keys, "pdf.field")


# ---------------------------------------------------------------- form inputs in test output
#: A browser test's or an audit's view of a form: `input[name=billing_zip] "38047"`.
INPUT_VALUE_TRIGGER = r"input\[name="
_INPUT_VALUE = re.compile(r"input\[name=[\"']?(?P<k>[\w\-]{1,60})[\"']?\][ \t:=]*"
                          r"\"(?P<v>[^\"\n]{1,200})\"")


def input_values(text: str, keys: KeyTable) -> Iterator[Hit]:
    """A form field's value shown beside its selector takes the kind of the field's name."""
    return _labelled_values(text, _INPUT_VALUE, keys, "html.input")


# ---------------------------------------------------------------- SQL INSERT … VALUES
#: A quoted literal; a quote between two letters is an apostrophe a message printed raw
#: (`'O'SULLIVAN'`), not the literal's end.
_SQL_QUOTED = r"'(?:[^'\\]|\\.|''|(?<=\w)'(?=[^\W\d_]))*'"
_INSERT = re.compile(r"(?is)\binsert\s+into\s+[\w.\"`\[\]]+\s*\((?P<cols>[^)]{1,800})\)\s*values\s*"
                     rf"\((?P<vals>(?:[^()']|{_SQL_QUOTED}|\([^()]*\))*)\)")
#: One value of a VALUES list: literals, calls (`TO_DATE('…','DD-MON-YYYY')`) and bare words,
#: split only at commas outside quotes and parentheses.
_SQL_VALUE = re.compile(rf"(?:{_SQL_QUOTED}|\([^()]*\)|[^,'()])+")
_SQL_LITERAL = re.compile(_SQL_QUOTED)
_SQL_WORDS = frozenset({"NULL", "DEFAULT", "TRUE", "FALSE", "CURRENT_TIMESTAMP", "CURRENT_DATE"})


def sql_inserts(text: str, keys: KeyTable) -> Iterator[Hit]:
    """`INSERT INTO patients (first_name, dob) VALUES ('Jane', '1980-02-10')`: literals by
    their column name."""
    for m in _INSERT.finditer(text):
        cols = [c.strip().strip('"`') for c in m.group("cols").split(",")]
        base = m.start("vals")
        vals = all_vals = list(_SQL_VALUE.finditer(m.group("vals")))
        if len(vals) != len(cols):
            # one marker (masked `[###…]` in the detectors' view) may stand for two values
            # (`Ava, Tsosie` -> one NAME): past it, values and columns no longer line up
            marked = next((i for i, val in enumerate(vals) if "[###" in val.group()), None)
            if marked is not None:
                vals = vals[:marked]
        for col, val in zip(cols, vals, strict=False):
            kind = keys.kind(col)
            if kind is None or kind == "IP":
                continue
            # the literal itself, or a call's first literal (`TO_DATE('1980-02-10', …)`)
            lit = _SQL_LITERAL.search(val.group())
            if lit is not None:
                s = base + val.start() + lit.start() + 1
                e = base + val.start() + lit.end() - 1
            else:  # a driver's message that prints the bindings bare: `values (jdoe82, …)`
                bare = val.group().strip()
                if not bare or "(" in bare or _PLACEHOLDER.fullmatch(bare) or \
                        bare.upper() in _SQL_WORDS or not plausible(kind, bare):
                    continue
                s = base + val.start() + val.group().index(bare)
                e = s + len(bare)
            if s < e:
                yield Hit(s, e, kind, "sql.insert", 3)
        if all(_PLACEHOLDER.fullmatch(val.group().strip()) for val in all_vals):
            yield from _bound_parameters(text, m.end(), cols, keys)
            yield from _jdbc_binds(text, cols, keys)


#: A bound-parameter placeholder: `?`, `%s`, `%(dob)s`, `:dob`, `$1`, `@p1`.
_PLACEHOLDER = re.compile(r"\?|%s|%\([\w.]+\)s|:\w+|\$\d+|@\w+")
#: SQLAlchemy's error text: `[SQL: INSERT … VALUES (?, ?)]\n[parameters: ('…', None)]`, one
#: tuple, or a list of them for executemany.
_PARAMETERS = re.compile(r"\]?\s{0,4}\[parameters: (?P<p>\[?\((?:[^()'\"]|'(?:[^'\\]|\\.)*'|"
                         r"\"(?:[^\"\\]|\\.)*\"|\([^()]*\))*\)(?:, \((?:[^()'\"]|"
                         r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|\([^()]*\))*\))*\]?)")
_PARAMETER_TUPLE = re.compile(r"\((?P<t>(?:[^()'\"]|'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|"
                              r"\([^()]*\))*)\)")
_PY_VALUE = re.compile(r"'(?:[^'\\]|\\.)*'|\"(?:[^\"\\]|\\.)*\"|[^,'\"]+")


#: A JDBC bind in Hibernate's trace log: 6 writes `binding parameter (3:VARCHAR) <- [Sandoval]`,
#: 5 wrote `binding parameter [3] as [VARCHAR] - [Sandoval]`.
_JDBC_BIND = re.compile(r"binding parameter (?:\((?P<n>\d{1,3}):\w+\) <- |"
                        r"\[(?P<m>\d{1,3})\] as \[\w+\] - )\[(?P<v>[^\]\n]{1,200})\]")


def _jdbc_binds(text: str, cols: list[str], keys: KeyTable) -> Iterator[Hit]:
    """The values a statement's `?`s were bound to, by their column's name (without the
    statement, only names the list knows)."""
    if "binding parameter" not in text:
        return
    for b in _JDBC_BIND.finditer(text):
        n = int(b.group("n") or b.group("m"))
        if not 1 <= n <= len(cols):  # no statement to read (`SQL [n/a]`): a listed name
            if _known_name(b.group("v")):
                yield Hit(b.start("v"), b.end("v"), "NAME", "sql.binds", 2)
            continue
        kind = keys.kind(cols[n - 1])
        if kind is not None and kind != "IP" and plausible(kind, b.group("v")):
            yield Hit(b.start("v"), b.end("v"), kind, "sql.binds", 3)


def statementless_binds(text: str, keys: KeyTable) -> Iterator[Hit]:
    """JDBC binds logged with no INSERT to read (`could not execute statement; SQL [n/a]`)."""
    if "insert" not in text.lower():
        yield from _jdbc_binds(text, [], keys)


def _bound_parameters(text: str, at: int, cols: list[str], keys: KeyTable) -> Iterator[Hit]:
    """The values bound to an INSERT's placeholders, by their column names."""
    m = _PARAMETERS.match(text, at)
    if m is None:
        return
    for tup in _PARAMETER_TUPLE.finditer(text, m.start("p"), m.end("p")):
        values = [v for v in _PY_VALUE.finditer(text, tup.start("t"), tup.end("t"))
                  if v.group().strip()]
        for col, val in zip(cols, values, strict=False):
            kind = keys.kind(col)
            raw = val.group()
            if kind is None or kind == "IP" or raw[:1] not in "'\"" or len(raw) < 3:
                continue
            if plausible(kind, raw[1:-1]):
                yield Hit(val.start() + 1, val.end() - 1, kind, "sql.parameters", 3)


# ---------------------------------------------------------------- names
#: What follows a cue word: `Patient Jane`, `patient: 'Jane'`, `sister's Jane`. Runs of
#: blanks are bounded: the prefilter tracks where each cue starts, and Hyperscan's
#: start-of-match tracking is ~5x cheaper over bounded repeats (past 32 blanks a word is not
#: a cue for the next one; the name detectors that need no cue still apply).
CUE_TAIL = r"(?:'s)?(?:[ \t]{0,32}[=:][ \t]{0,32}['\"]?|[ \t]{1,32})"
CUE_RX = re.compile("(?:" + "|".join(sorted(
    names.STRONG_CUES | names.WEAK_CUES, key=longest_first)) + ")" + CUE_TAIL)
TITLE = r"(?:Dr|Mr|Mrs|Ms|Mx|Miss|Prof|Atty|Rev|Hon|DR|MR|MRS|MS|Dra|Sra|Srta|dr)\.?[ \t]{1,32}"
TITLE_RX = re.compile(TITLE)
#: Whom a greeting addresses when it is no one person.
_GREETED_GROUPS = frozenset({"team", "all", "everyone", "everybody", "folks", "there", "support",
                             "staff", "guys", "friends", "both", "billing", "admin", "admins",
                             "colleagues", "teammates", "crew", "y'all", "you", "world"})
_GREETINGS = frozenset({"hi", "hello", "hey", "dear", "hola", "buenos", "buenas", "estimado",
                        "estimada", "bonjour", "ciao", "olá", "oi"})


def _particle_then_capital(text: str, pos: int) -> bool:
    """`for da Rocha-Martins`: a lower-case name particle, then a capitalised word."""
    sp = text.find(" ", pos, pos + 5)
    return (sp > pos and text[pos:sp] in names.PARTICLES and sp + 1 < len(text)
            and text[sp + 1].isupper())


_STREET_BEFORE = re.compile(r"(?<![\w.\-/])\d{1,6}[A-Za-z]?[ \t]+(?:[A-Z][\w'’.\-]*[ \t]+){1,4}\Z")


_ONE_NAME_THEN = re.compile(rf"(?P<v>{names.CAP_WORD})"
                            r"(?::[ \t]+(?=[Yy]our?\b)|[ \t]+(?=re:?[ \t]|is[ \t])|"
                            r"(?=[.!?][\"']?(?:\s|$)))")


def cued_names(text: str, lower: str, cues: list[tuple[int, int]],
               titles: list[tuple[int, int]]) -> Iterator[Hit]:
    """`Dr. Smith`, `Patient Jane Doe`, `sister Margaret`, `to Alina Turchi-Cuda`.

    `cues`/`titles` are (start, end) spans of CUE_RX/TITLE_RX matches (lower/original text)."""
    n = len(text)
    for s, e in titles:
        if (s and (text[s - 1].isalnum() or text[s - 1] in "._")) or e >= n:
            continue
        if _STREET_BEFORE.search(text, max(0, s - 48), s):
            continue  # "30608 Kittiwake Dr Bldg 4": a street's Drive, no doctor
        if text[s] == "d" and not text[e].isupper():  # "dr kebede said" typed in lower case:
            w = _LOWER_SURNAME.match(text, e)  # one word the lists know as a name
            word = w.group() if w else ""
            if w and names.known(word).strip("E") and word not in names.english() and \
                    word not in names.STOP_WORDS:
                yield Hit(s, w.end(), "NAME", "name.title", 3)
            continue
        span = names.grab(text, e, strong=True, after_title=True)
        if span is not None:
            yield Hit(s, span.end, "NAME", "name.title", 3)
    todo = [s for s, _ in reversed(cues)]
    while todo:
        s = todo.pop()
        if s and (lower[s - 1].isalnum() or lower[s - 1] in "._"):
            continue
        cm = CUE_RX.match(lower, s)  # the prefilter's span may include the next letter
        if cm is None or cm.end() >= n:
            continue
        e = cm.end()
        nxt = text[e]
        if nxt.islower() and CUE_RX.match(lower, e):
            todo.append(e)  # "notified by Dmitri": a cue's trigger hides the cue after it
        if not nxt.isalpha() and nxt not in "'\"(":  # "Her father (Dawit Mahmoudi)"
            continue
        cue = lower[s:e].split("'")[0].rstrip(" \t=:\"")
        if cue not in names.STRONG_CUES and cue not in names.WEAK_CUES:
            continue
        strong = cue in names.STRONG_CUES
        if not strong and not names.is_capitalised(nxt) and not _particle_then_capital(text, e):
            low = names.lower_pair(text, e)  # "call back giulia müller re her appt"
            if low is not None:
                yield Hit(low.start, low.end, "NAME", "name.cue_lower", 2)
            elif cue == "this is":  # "this is jolene, can i move my appt": a given name
                one = _LOWER_GIVEN.match(text, e)
                if one and "F" in names.known(one.group("v")) and \
                        one.group("v") not in names.english():
                    yield Hit(one.start("v"), one.end("v"), "NAME", "name.cue_lower", 2)
            continue
        span = names.grab(text, e, strong=strong)
        if cue in _GREETINGS and span is not None and all(
                w.casefold() in _GREETED_GROUPS
                for w in names.WORD_RX.findall(text[span.start:span.end])):
            continue  # "Hi Team,", "Hi all": whom it greets is no one person
        if cue in _GREETINGS and not text[s].isupper() and (
                span is None or text[span.end:span.end + 1] != ","):
            continue  # "hi Sukhwinder, since …" is a greeting; "hi Res" is not
        if span is not None and cue in _GREETINGS:
            comma = text.find(",", span.start, span.end)  # "Hi Tyrone, Riverstone Counseling
            if comma > span.start:  # reminds you": whom it greets ends at the comma
                span = names.Span(span.start, comma)
        if strong and not names.is_capitalised(nxt):
            # "hi this is jiwoo freeman", "patient d'andre cruz": the pair, if longer
            low = names.lower_pair(text, e, strong=True)
            if low is not None and (span is None or low.end > span.end):
                span = low
        if span is not None:
            yield Hit(span.start, span.end, "NAME", "name.cue", 3 if strong else 2)
        elif not strong:  # one word, then what is said to or about them: "LVM for Angharad
            # re: missed appt", "Reminder for Ousmane: your visit", "your session with Tsosie
            # is …", "su cita es … con Kariuki."
            m = _ONE_NAME_THEN.match(text, e)
            if m and m.end() == m.end("v") and cue not in ("with", "con"):
                m = None  # a sentence's end alone marks a person only after "with"
            if m and _could_be_given(m.group("v")) and (
                    names.unknown_word(m.group("v")) or "F" in names.known(m.group("v"))):
                yield Hit(m.start("v"), m.end("v"), "NAME", "name.cue", 2)


_LOWER_SURNAME = re.compile(r"[a-zà-ÿ][a-zà-ÿ'’\-]{1,30}(?![\w'’\-])")
_LOWER_GIVEN = re.compile(r"(?P<v>[a-z][a-z'\-]{1,20})(?=[,.!])")


#: A practice's or a company's name goes on with what it is ("Riverstone Counseling",
#: "Quiet Pines Therapy"): a guessed name right before such a word is the organisation's.
_ORG_WORDS = (r"(?:Counse(?:l)?ling|Therap(?:y|ies)|Psychiatr(?:y|ic)|Psychology|Behaviou?ral|"
              r"Wellness|Clinics?|Cent(?:er|re)s?|Associates|Group|Hospital|Medical|Pharmacy|"
              r"Practice|Partners|Institute|Services|Health(?:care)?|LLC|Inc|PLLC|Recovery)\b")
ORG_AFTER = re.compile(rf"(?:[ \t]+[A-Z][a-z]+){{0,2}}[ \t]+{_ORG_WORDS}")  # "… Trauma Recovery"
#: The same word ending a guessed name ("this is Cedar Grove Counseling").
ORG_LAST = re.compile(rf"[ \t]{_ORG_WORDS}\.?\Z")


# ---------------------------------------------------------------- names in file names
#: Documents and recordings: their paths are named after the people they are about
#: (`statement_vongsavath_gianfranco.pdf`, `consents/TAKAHASHI_IDIL_19310902/signed.pdf`).
DOCUMENT_EXTENSIONS = ("pdf|png|jpe?g|tiff?|gif|heic|bmp|docx?|xlsx?|csv|tsv|txt|rtf|hl7|eml|"
                       "msg|zip|wav|mp3|m4a|mp4|webm|xml|vtt|ccd|ccda")
_DOCUMENT_EXT = re.compile(rf"\.(?:{DOCUMENT_EXTENSIONS})(?![\w.])", re.IGNORECASE)
_PATH_STOP = frozenset(" \t\r\n'\"<>|(){}[],;=")
#: A telehealth room named after its clinician: `doxy.me/dr.cpierrelouis`.
_DOCTOR_ROOM = re.compile(r"/dr[._\-](?P<v>[A-Za-z][A-Za-z\-]{2,40})(?![\w.])", re.IGNORECASE)
_SEGMENT_SPLIT = re.compile(r"/|\\+|%2[Ff]")  # and Windows paths, escaped or not
_PATH_ID = re.compile(r"(?=[A-Za-z0-9\-_]*\d{5})[A-Za-z]{0,4}[\-_]?\d[\dA-Za-z\-_]{4,20}")
_FILE_TOKEN = re.compile(rf"{names.LETTER}+|\d+")
#: Words of document names that are not in the English list.
#: An id inside a file name's segment: a short prefix and five digits or more.
_SEGMENT_ID = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]{0,4}\d{5,12}(?![A-Za-z0-9])")
#: What a person's document is before its record number: `records_HX212379.pdf`.
_RECORD_FILE = re.compile(r"(?i:records?|chart|charts|intake|consent|referral|roi|superbill|"
                          r"statement|labs?|notes?|fax)[_\-]")
_DOCUMENT_WORDS = frozenset("""
pdf img scan scans doc docs dob ssn mrn id ids dx rx hipaa roi phi pii tmp temp prod dev qa ccd
uat stg sig esig outbound inbound
""".split())  # noqa: SIM905
_FILE_DATE = re.compile(r"(?<![0-9])(?:(?:19|20)\d{6}|\d{2}[\-_.]\d{2}[\-_.](?:19|20)\d{2}|"
                        r"(?:19|20)\d{2}[\-_.]\d{2}[\-_.]\d{2})(?![0-9])")


def _name_token(word: str) -> int:
    """How surely a file-name token is a name: 2, a known name that is not an ordinary word
    or a word of three letters or more that neither list knows; 1, a known name that is also
    an ordinary word ("reddy", "park"); 0, anything else."""
    low = word.casefold()
    if low in _DOCUMENT_WORDS or low in names.STOP_WORDS or low in names.TITLES:
        return 0
    flags = names.known(word)
    if flags:
        return 1 if "E" in flags else 2
    return 2 if len(word) >= 3 and low not in names.english() else 0


_EPOCH = re.compile(r"1[5-9]\d{8}(?:\d{3})?")  # a Unix time in seconds or milliseconds


_HEX_STEM = re.compile(r"[0-9a-fA-F]{4,}(?:[-_][0-9a-fA-F]{4,})+(?:\.\w{1,5})?")


def file_names(text: str) -> Iterator[Hit]:
    """Names and dates in the path of a document: each path segment whose words include two
    names, or a name and a date, loses them; `report_final_v2.pdf` and dated batch files
    (`export_20240101.csv`) stay."""
    for m in _DOCUMENT_EXT.finditer(text):
        base = m.start()  # back from the extension over the path's characters
        while base > 0 and text[base - 1] not in _PATH_STOP:
            base -= 1
        path = text[base:m.end()]
        stop = m.start() - base
        host = path.find("://")  # a URL's host or a bucket is not named after a person
        start = path.find("/", host + 3) + 1 if host >= 0 else 0
        if host >= 0 and start == 0:
            continue
        base += start
        segments = list(_segments(path[start:stop]))
        named_path = False
        for seg in segments:
            s0, seg_text = seg
            if _HEX_STEM.fullmatch(seg_text):  # `8280bea5-e182-….jpg`: a UUID's "bea" is no one
                continue
            tokens = [(t.start(), t.end(), t.group()) for t in _FILE_TOKEN.finditer(seg_text)]
            named = [(t, _name_token(t[2])) for t in tokens if not t[2].isdigit()]
            sure = sum(1 for _, level in named if level == 2)
            maybe = sum(1 for _, level in named if level == 1)
            dates = [d for d in _FILE_DATE.finditer(seg_text) if _file_date_ok(d.group())]
            ssns = [t for t in tokens if len(t[2]) == 9 and t[2].isdigit() and v.ssn(t[2])]
            # two names, or a name and a date or an SSN; at least one name no ordinary word
            if (sure >= 2 or (sure and (maybe or dates or ssns)) or (maybe >= 2 and dates)):
                named_path = True
                for (ts, te, _), level in named:
                    if not level:
                        continue
                    yield Hit(base + s0 + ts, base + s0 + te, "NAME", "name.file", 2)
                for d in dates:
                    yield Hit(base + s0 + d.start(), base + s0 + d.end(), "DATE", "date.file", 2)
                for ts, te, _ in ssns:  # `WISNIEWSKA_024976323_1746313148.csv`
                    yield Hit(base + s0 + ts, base + s0 + te, "SSN", "ssn.file", 2)
                for i in _SEGMENT_ID.finditer(seg_text):  # `E5937149-<name>-<dob>.tif`
                    if not _FILE_DATE.fullmatch(i.group()) and not _EPOCH.fullmatch(i.group()):
                        yield Hit(base + s0 + i.start(), base + s0 + i.end(), "OTHER_ID",
                                  "id.file", 2)
        if named_path:  # the path of a person's document: its record-number folders too
            for s0, seg_text in segments:
                if _PATH_ID.fullmatch(seg_text):
                    yield Hit(base + s0, base + s0 + len(seg_text), "OTHER_ID", "id.file", 2)
        elif segments:  # a document named by its record number: `statements/AR32308912.pdf`,
            s0, seg_text = segments[-1]  # `records_HX212379.pdf`
            kind_word = _RECORD_FILE.match(seg_text)
            if kind_word is not None:
                s0, seg_text = s0 + kind_word.end(), seg_text[kind_word.end():]
            core = seg_text.lstrip("_-")  # after a marker: `[…]_1746313148.csv`
            if _PATH_ID.fullmatch(seg_text) and not _FILE_DATE.fullmatch(core) and \
                    not _EPOCH.fullmatch(core) and not seg_text[:1].islower():
                # (`run-53603.csv` is a batch's file, `AR32308912.pdf` a person's)
                yield Hit(base + s0, base + s0 + len(seg_text), "OTHER_ID", "id.file", 2)
    for m in _DOCTOR_ROOM.finditer(text):
        word = m.group("v")
        if _name_token(word.replace("-", "")) == 2:
            yield Hit(m.start("v"), m.end("v"), "NAME", "name.file", 2)


def _segments(path: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for sep in _SEGMENT_SPLIT.finditer(path):
        yield pos, path[pos:sep.start()]
        pos = sep.end()
    yield pos, path[pos:]


def _file_date_ok(value: str) -> bool:
    digits = re.sub(r"\D", "", value)
    if value[:2] in ("19", "20") and len(value) in (8, 10):
        return v.ymd(int(digits[:4]), int(digits[4:6]), int(digits[6:8]))
    return v.ymd(int(digits[4:8]), int(digits[:2]), int(digits[2:4]))


# ---------------------------------------------------------------- people addressed by name
#: "Valentina, you have a visit…", "Saanvi - your session…" at the start of a message;
#: "Your intake packet, Dmitri" at the end of a line that speaks to someone;
#: "[Apr 14 04:54:47] Olusegun: …", a chat export's speaker. Only a name the dictionary
#: knows (and that is not also an ordinary word; "Abebe" is listed as a surname), or a word
#: neither list knows, is taken: "Sorry, you…", "Chrome, Firefox, Safari" and "[12:00:01]
#: Worker: …" stay.
# each form starts with a plain character class or literal, so `re` skips ahead in C
_SALUTATION = re.compile(
    rf"(?P<v>{names.CAP_WORD}(?:[ ](?:(?:de|del|da|das|dos|di|la|las|los|van|von|der)[ ])*"
    rf"{names.CAP_WORD}){{0,2}})(?:,|[ \t]+-)[ \t]+"
    r"(?=(?i:you|your|you're|we|we're|our|please|this|just|thank|i|i'm|i've|hope|"
    r"le|les|te|su|sus|usted|gracias|por favor|recuerde|hola|dr|about|can|could|did|do|are|"
    r"fyi|quick|any)\b)")  # "Wendell, Dr. X moved…", "Rania, about the …"
_CLOSING = re.compile(rf"[Yy]our?\b[^\n,]{{0,80}}, (?P<v>{names.CAP_WORD})[ \t]*(?=$|[\n\"'])",
                      re.MULTILINE)
_SPEAKER = re.compile(rf"^\[[^\]\n]{{3,40}}\][ \t]+(?P<v>{names.CAP_WORD}(?: {names.CAP_WORD})?):"
                      r"[ \t]|"
                      # a chat export's quoted reply ("  > Yousef: on it") and its header
                      # ("#front-desk | Lorna 07:21")
                      rf"^[ \t]*>[ \t]*(?P<q>{names.CAP_WORD}):[ \t]|"
                      rf"\|[ \t]+(?P<t>{names.CAP_WORD})[ \t]+\d{{1,2}}:\d{{2}}"
                      r"(?:[ \t]?[AP]M)?[ \t]*$",
                      re.MULTILINE)
#: "… after the session. — Calogero": a message signed with a dash at its end.
_DASH_SIGNOFF = re.compile(rf"(?:—|–|--|(?<=[ \t\n])-(?=[ \t]?[A-Za-z]))[ \t]?"
                           rf"(?P<v>{names.CAP_WORD}(?: {names.CAP_WORD})?|[a-z][a-z'’\-]{{2,20}})"
                           r"[ \t]*(?=$|[\n\"'])", re.MULTILINE)  # "… tmrw - bram"
#: The prefilter's gate for it (Hyperscan has no look-around; NUL joins batched texts).
VOCATIVE_TRIGGER = (r"(?:^|[\x00\n\"'>:])[ \t]*[A-Z][A-Za-z'\-]{1,30}(?:[ ][A-Za-z'\-]{1,30}){0,4}"
                    r"(?:,|[ \t]+-)[ \t]+"
                    r"(?:[Yy]ou|[Ww]e|[Oo]ur|[Pp]lease|[Tt]his|[Jj]ust|[Tt]hank|[Ii]\b|[Ii]'|"
                    r"[Hh]ope|[Ll]es?\b|[Tt]e\b|[Ss]us?\b|[Uu]sted|[Gg]racias|[Pp]or favor|"
                    r"[Rr]ecuerde|[Hh]ola|[Dd]r\.|[Aa]bout|[Cc]an|[Cc]ould|[Dd]id|[Dd]o|[Aa]re|"
                    r"[Ff]yi|FYI|[Qq]uick|[Aa]ny)"
                    r"|[Yy]our?[^\n,]{0,80},[ \t][A-Z][A-Za-z'\-]{1,30}[ \t]*(?:$|[\x00\n\"'])"
                    r"|\][ \t]+[A-Z][A-Za-z'\-]{1,30}(?:[ \t][A-Z][A-Za-z'\-]{1,30})?:[ \t]"
                    r"|>[ \t]*[A-Z][A-Za-z'\-]{1,30}:[ \t]"
                    r"|\|[ \t]+[A-Z][A-Za-z'\-]{1,30}[ \t]+\d{1,2}:\d\d"
                    r"|(?:\?|--)[ \t]?[A-Z]|[ \t\n]-[A-Z]"  # a non-ASCII dash scans as '?'
                    # "… Salamat po! - Alofa", "… tmrw - bram": a sign-off ends its line
                    r"|[ \t\n]-[ \t][A-Za-z][A-Za-z'\-]{1,30}(?:[ \t][A-Z][A-Za-z'\-]{1,30})?"
                    r"[ \t]*(?:$|[\x00\n\"'])"
                    # a letter's closing on its own line, the name on the next: "Best,\nDeshawn"
                    r"|[A-Za-z!,.][ \t]*\n(?:[ \t]*\n)?[ \t]*[A-Z][A-Za-z'\-]{1,30}"
                    r"(?:[ \t][A-Z][A-Za-z'\-]{1,30})?[ \t]*(?:$|[\x00\n])")
#: "Best,\nDeshawn", "Sent from my iPhone\n\nYusuf": the line before a lone name closes a
#: message.
_CLOSING_LINE = re.compile(
    rf"(?im)^[ \t]*(?:best|thanks|thank you|thx|regards|best regards|kind regards|warm regards|"
    rf"many thanks|cheers|sincerely|warmly|take care|love|respectfully|gracias|saludos|"
    rf"atentamente|cordialement|merci|sent from my (?:iphone|ipad|android|phone|mobile)"
    rf"(?:[ \t]\w+)?)[ \t]*[,!.]?[ \t]*\n(?:[ \t]*\n)?[ \t]*"
    rf"(?-i:(?P<v>{names.CAP_WORD}(?:[ ]{names.CAP_WORD})?))[ \t]*$")


_SIGN_OFF_WORDS = ("thanks", "thank you", "thx", "ty", "best", "cheers", "regards", "warmly",
                   "sincerely", "take care", "talk soon", "see you")


def _signs_off(text: str, dash: int) -> bool:
    """A dash that signs a message: after a sentence's end, a line's start or a closing
    word ("Thanks — Meseret"), not inside a sentence ("step 3 — Kubernetes")."""
    before = text[max(0, dash - 24):dash]
    if before and before[-1] not in " \t\n\"'":
        return False
    before = before.rstrip(" \t")
    return not before or before[-1] in ".!?\n\"'" or \
        before.casefold().rstrip(",").endswith(_SIGN_OFF_WORDS)


def _opens_message(before: str) -> bool:
    """Whether a salutation starts its message: at a line's start, after a quote, or after
    a label ("Subject: Appointment reminder: Tigist, you have a visit")."""
    before = before.strip(" \t")
    return before in ("", '"', "'", ">") or (before.endswith(":") and len(before) <= 80)


def addressed_names(text: str) -> Iterator[Hit]:
    found = [m for m in _SALUTATION.finditer(text)
             if _opens_message(text[_line_start(text, m.start()):m.start()])]
    found += _CLOSING.finditer(text)
    found += _CLOSING_LINE.finditer(text)
    found += _SPEAKER.finditer(text)
    text_end = len(text.rstrip())
    for m in _DASH_SIGNOFF.finditer(text):
        if m.group("v")[0].islower():  # "… will try again tmrw - bram": a given name that is
            # no word, signing the end of the message, with or without a full stop before it
            if m.group("v") in names.plain_given_names() and m.end() >= text_end:
                yield Hit(m.start("v"), m.end("v"), "NAME", "name.addressed", 2)
        elif _signs_off(text, m.start()):
            found.append(m)
    for m in found:
        g = next((n for n in ("v", "q", "t") if n in m.re.groupindex and m.group(n)), "v")
        start, words = m.start(g), m.group(g).split(" ")
        if len(words) > 1 and words[0].casefold() in _GREETINGS:  # "Hola Ana, …"
            start += len(words[0]) + 1
            words = words[1:]
        first = words[0]
        flags = names.known(first)
        if first.casefold() not in names.STOP_WORDS and first.casefold() not in _GREETINGS and (
                (flags and "E" not in flags) or (not flags and names.unknown_word(first))):
            yield Hit(start, m.end(g), "NAME", "name.addressed", 2)


def _line_start(text: str, pos: int) -> int:
    """Where the message holding `pos` starts: its line, or the quote or `>` before it."""
    lo = max(0, pos - 200)  # bounded: a long text holds many candidates
    return max(text.rfind("\n", lo, pos), text.rfind('"', lo, pos), text.rfind("'", lo, pos),
               text.rfind(">", lo, pos), lo - 1) + 1


def initial_names(text: str) -> Iterator[Hit]:
    for span in names.initial_surnames(text):
        yield Hit(span.start, span.end, "NAME", "name.initial", 2)


def dictionary_names(text: str) -> Iterator[Hit]:
    for span in names.dictionary_runs(text):
        yield Hit(span.start, span.end, "NAME", "name.dictionary", 2)


def lower_case_names(text: str) -> Iterator[Hit]:
    for span in names.lower_names(text):
        yield Hit(span.start, span.end, "NAME", "name.lower", 2)


def last_first_names(text: str) -> Iterator[Hit]:
    for span in names.last_first(text):
        yield Hit(span.start, span.end, "NAME", "name.last_first", 2)


# ---------------------------------------------------------------- Postgres failing rows
_FAILING_ROW = re.compile(r"Failing row contains \((?P<row>[^\n]{0,2000}?)\)\.?(?:\n|$)")
_ROW_TEXT = re.compile(r"[^\W\d_][^\W\d_'’ .\-]*(?:[ '’.\-][^\W\d_]+)*")


def failing_rows(text: str) -> Iterator[Hit]:
    """`DETAIL: Failing row contains (8812, Anastasie, Gilles, null, 1980-02-10)`: a whole
    table row; its free-text columns (names, cities) go, literals and numbers stay to the
    other detectors."""
    for m in _FAILING_ROW.finditer(text):
        pos = m.start("row")
        for cell in m.group("row").split(","):
            stripped = cell.strip()
            lead = len(cell) - len(cell.lstrip())
            if (_ROW_TEXT.fullmatch(stripped) and stripped.lower() not in
                    {"null", "t", "f", "true", "false", "now", "default"}):
                yield Hit(pos + lead, pos + lead + len(stripped), "NAME", "sql.failing_row", 2)
            pos += len(cell) + 1


_QUOTED_WORDS = re.compile(
    rf"(['\"])(?P<v>(?:{names.CAP_WORD}|{names.UPPER}\.|(?:[a-z]{{1,3}} ){{1,2}}{names.CAP_WORD})"
    rf"(?:,?[ ](?:{names.WORD}|[^\W\d_]\.|St\.|'t)){{0,4}})\1"  # 'Underwood, Mirela' too
    r"(?P<sep>\s*,\s*)?")


#: Where a quoted name can be: a quote, at most two short lower-case words, a capital (the
#: prefilter's "quoted" trigger; the ASCII shadow it scans turns every capital into one it
#: knows). Only its end is tracked: Hyperscan's start-of-match tracking over a character as
#: common as a quote costs more than finding the quote again here.
QUOTED_TRIGGER = r"['\"](?:[a-z]{1,3} ){0,2}[A-Z]"


def _quoted_matches(text: str, ends: Iterable[int] | None) -> Iterator[re.Match[str]]:
    """`_QUOTED_WORDS.finditer(text)`, or the same matches tried only where a trigger ended
    (just past the capital): a JSON text has a quote every few characters and few quoted
    names. The match starts at the nearest quote before that capital, as the words between
    hold none."""
    if ends is None:
        yield from _QUOTED_WORDS.finditer(text)
        return
    starts = set()
    for e in ends:
        lo = e - 10 if e > 10 else 0
        s = max(text.rfind("'", lo, e - 1), text.rfind('"', lo, e - 1))
        if s >= 0:
            starts.add(s)
    match = _QUOTED_WORDS.match
    resume = 0
    for s in sorted(starts):
        if s >= resume:
            m = match(text, s)
            if m is not None:
                resume = m.end()
                yield m


def quoted_names(text: str, ends: Iterable[int] | None = None) -> Iterator[Hit]:
    """`args=('…', 'Yuridia', 'Bravo')`: quoted strings that look like names. One alone must
    be all dictionary names (not all ordinary English words); in a tuple/list of quoted
    strings, one sure name vouches for its name-shaped neighbours ('Kamila', 'Jenek').
    `ends`: where the prefilter's "quoted" trigger ended, else the whole text is searched."""
    # (start, end, level): 0 name-shaped, 1 known given name, 2 known and not an English word
    groups: list[list[tuple[int, int, int]]] = []
    last_end = -10
    for m in _quoted_matches(text, ends):
        words = [w.rstrip(",") for w in m.group("v").split(" ")
                 if w.casefold() not in names.PARTICLES and w not in ("'t", "St.")]
        shaped = bool(words) and all(names.is_capitalised(w) and not names.is_code_like(w)
                                     for w in words)
        if not shaped:
            last_end = -10
            continue
        flags = [names.known(w) for w in words]
        known = all(flags) and not any(w.casefold() in names.STOP_WORDS and "F" not in f
                                       for w, f in zip(words, flags, strict=True))
        level = 2 if known and any("E" not in f for f in flags) else int(
            known and any("F" in f for f in flags))
        if level == 2 and all(w.isupper() and len(w) > 1 for w in words):
            level = 1  # 'KAISER', 'AETNA': payer codes; alone they are not names
        entry = (m.start("v"), m.end("v"), level)
        if m.start() == last_end and groups:
            groups[-1].append(entry)
        else:
            groups.append([entry])
        last_end = m.end() if m.group("sep") else -10
    for group in groups:
        vouched = len(group) >= 2 and any(level for _, _, level in group)
        for s, e, level in group:
            if level == 2 or (vouched and text[s:e] not in names.STATE_CODE_SET and
                              text[s:e].casefold() not in names.STATES):
                yield Hit(s, e, "NAME", "name.quoted", 2)


# ---------------------------------------------------------------- duplicate-key errors
_DUPLICATE_ENTRY = re.compile(
    r"Duplicate entry '(?P<v>[^'\n]{1,200})' for key '(?P<k>[^'\n]{1,120})'")


def duplicate_entries(text: str, keys: KeyTable) -> Iterator[Hit]:
    """MySQL's `Duplicate entry 'PT-386047-2024-10-06' for key 'appointments.uq_appt_mrn_day'`:
    the entry is the unique key's columns joined; when a column is sensitive the whole entry
    goes, under the first sensitive column's kind."""
    for m in _DUPLICATE_ENTRY.finditer(text):
        table, _, index = m.group("k").rpartition(".")
        # the index's own name first (`portal_account.uk_login` is a login), then the table's
        parts = re.split(r"[_\-]", index) + re.split(r"[_\-.]", table)
        kinds = [k for k in (keys.kind(p) for p in parts if len(p) >= 2) if k and k != "IP"]
        if kinds and plausible(kinds[0], m.group("v")):
            yield Hit(m.start("v"), m.end("v"), kinds[0], "sql.duplicate_entry", 3)


#: Messages that name the column of the value they quote: PostgreSQL's unique and foreign
#: key details, Spring's binding errors, SQL Server's truncation warnings.
_COLUMN_MESSAGES = (
    # (an expression index names its column inside a function: `Key (lower(username::text))`)
    re.compile(r"Key \((?P<cols>(?:[^()\n]|\([^()\n]{1,80}\)){1,300})\)=\((?P<vals>[^\n]{0,600}?)\)"
               r"(?= already exists| is not present| is still referenced| conflicts)"),
    re.compile(r"on field '(?P<cols>[\w.\[\]]{1,80})': rejected value "
               r"\[(?P<vals>[^\]\n]{0,300})\]"),
    re.compile(r"column '(?P<cols>\w{1,80})'\. Truncated value: '(?P<vals>[^'\n]{0,300})'"),
    # gRPC BadRequest: {field:"mrn" description:"CHT-4004-8562 is not valid for …"}
    re.compile(r"field:\s?\"(?P<cols>[\w.]{1,80})\"\s{0,4}description:\s?\""
               r"(?P<vals>[^\"\s]{1,80})"),
    # .NET: "… (Parameter 'accountNumber')\nActual value was G948764."
    re.compile(r"\(Parameter '(?P<cols>\w{1,80})'\)\s{0,4}Actual value was "
               r"(?P<vals>[^\s][^\n]{0,200}?)\.?(?=\n|$)"),
    # a parse error naming its field: `ParseError { field: "subscriber_id", raw: "SGN07…" }`,
    # `{"field": "dob", "value": "…"}`
    re.compile(r"\bfield\"?\s?[:=]\s?\"(?P<cols>[\w.]{1,80})\",\s{0,4}\"?(?:raw|value|input|got|"
               r"received|actual|given)\"?\s?[:=]\s?\"(?P<vals>[^\"\n]{1,120})\""),
)
_TRAILING_STATE = re.compile(r",\s*[A-Z]{2}(?:\s+\d{5}(?:-\d{4})?)?$")
_SQL_FN_COLUMN = re.compile(r"^\w+\(([\w.\"]+)(?:::\w+)?\)$")  # `lower(username::text)`
#: The prefilter's gate for them.
COLUMN_MESSAGE_TRIGGER = (r"Key \(|rejected value \[|Truncated value: '|Actual value was |"
                          r"description:|field\"?[ ]?[:=][ ]?\"")


def column_messages(text: str, keys: KeyTable) -> Iterator[Hit]:
    """`Key (account_no, period)=(PA020683, 2018-Q3) already exists`, `on field 'postalCode':
    rejected value [67747]`, `column 'EmployerCity'. Truncated value: 'Amarillo'`: each value
    by its column's kind (a composite key's values by position); other columns stay."""
    for rx in _COLUMN_MESSAGES:
        for m in rx.finditer(text):
            cols = [_SQL_FN_COLUMN.sub(r"\1", c.strip()) for c in m.group("cols").split(",")]
            vals = m.group("vals").split(",") if len(cols) > 1 else [m.group("vals")]
            if len(vals) != len(cols):
                cols, vals = cols[:1], [m.group("vals")]
            pos = m.start("vals")
            for col, raw in zip(cols, vals, strict=True):
                value = raw.strip()
                start = pos + raw.find(value) if value else pos
                pos += len(raw) + 1
                kind = keys.kind(re.split(r"[.\[\]]", col.strip('"`[]'))[-1] or col)
                if kind is None or not value or value.lower() == "null":
                    continue
                if kind == "IP" and not v.public_ip(value):
                    continue
                if kind == "NAME" and not name_value_ok(col, value, keys, True):
                    continue
                if kind != "NAME" and not plausible(kind, value):
                    continue
                if kind == "ADDRESS":  # "75258 Kittiwake St, Hialeah, FL": the state stays
                    value = _TRAILING_STATE.sub("", value)
                yield Hit(start, start + len(value), kind, "sql.column_value", 3)


#: SQL Server: "Cannot insert duplicate key … The duplicate key value is (U0127397995, G886)."
_DUPLICATE_KEY_VALUE = re.compile(r"The duplicate key value is \((?P<v>[^()\n]{1,300})\)")


#: The index or constraint a SQL Server message names: `IX_Guarantors_Ssn` (prefix, table,
#: then the key's columns).
_SQLSERVER_INDEX = re.compile(r"(?:unique index|constraint) '(?P<i>[A-Za-z0-9_.]{1,128})'")


def duplicate_key_values(text: str, keys: KeyTable) -> Iterator[Hit]:
    """The values of a violated unique key in SQL Server's message. The index's name ends in
    its columns (`IX_Guarantors_Ssn`): a value under a sensitive column takes its kind, a
    number included. Otherwise a unique key that is not an integer id identifies someone
    (member, login, e-mail); integer ids and NULL stay."""
    for m in _DUPLICATE_KEY_VALUE.finditer(text):
        named = list(_SQLSERVER_INDEX.finditer(text, max(0, m.start() - 300), m.start()))
        index = named[-1] if named else None
        parts = m.group("v").split(",")
        columns = index.group("i").rsplit(".", 1)[-1].split("_")[-len(parts):] if index else []
        kinds = [keys.kind(c) for c in columns] if len(columns) == len(parts) else []
        pos = m.start("v")
        for i, part in enumerate(parts):
            value = part.strip()
            start = pos + part.find(value) if value else pos
            pos += len(part) + 1
            kind = kinds[i] if kinds else None
            if kind is not None and kind != "IP" and value.upper() != "NULL" and \
                    plausible(kind, value):
                yield Hit(start, start + len(value), kind, "sql.duplicate_key", 3)
            elif value and not value.isdigit() and value.upper() != "NULL" and \
                    any(c.isalnum() for c in value) and not _OPAQUE.match(value):
                yield Hit(start, start + len(value), "OTHER_ID", "sql.duplicate_key", 3)


# ---------------------------------------------------------------- XML elements
_XML_ELEMENT = re.compile(r"<(?P<tag>[A-Za-z_][\w.\-:]{0,80})(?:\s[^<>]{0,300})?>"
                          r"(?P<v>[^<>]{1,300})</(?P=tag)>")


#: An HTML element's class, id or field name that says what it holds (`class="pt-name"`).
_HTML_FIELD = re.compile(r"""\b(?:class|id|name|data-field|itemprop)=["']([\w\-]{2,40})["']""")


def xml_values(text: str, keys: KeyTable) -> Iterator[Hit]:
    """`<LastName>Kavanagh</LastName>`, `<ns:City>…</ns:City>`: an element named like a
    sensitive key (NCPDP SCRIPT, CCD, SOAP) holds that kind of value, as a JSON key does;
    so does an HTML element whose class or id is such a key (`<td class="pt-name">…</td>`)."""
    for m in _XML_ELEMENT.finditer(text):
        local = m.group("tag").rpartition(":")[2]
        kind = keys.kind(local)
        if kind is None and "=" in m.group():
            attr = _HTML_FIELD.search(text, m.start(), m.start("v"))
            if attr is not None:
                local = attr.group(1)
                kind = keys.kind(local)
        if kind is None:
            continue
        value = m.group("v")
        if kind == "NAME":
            ok = name_value_ok(local, value, keys)
        elif kind == "IP":
            ok = v.public_ip(value.strip())
        else:
            ok = plausible(kind, value)
        if ok:
            yield Hit(m.start("v"), m.end("v"), kind, "xml.element", 3)


# ---------------------------------------------------------------- HTML tables under a header
_HTML_ROW = re.compile(r"<tr\b[^<>]{0,200}>(?P<row>.{0,4000}?)</tr>", re.IGNORECASE | re.DOTALL)
_HTML_CELL = re.compile(r"<t(?P<t>[hd])\b[^<>]{0,200}>(?P<v>[^<]{0,200})</t[hd]>", re.IGNORECASE)


def html_tables(text: str, keys: KeyTable) -> Iterator[Hit]:
    """A table rendered in HTML (a report, a statement, a template's output): each cell
    below a header row takes the kind of its column's header (`<th>Client</th><th>Age</th>`),
    as a CSV row does under its header line."""
    if "<tr" not in text and "<TR" not in text:
        return
    headers: list[str] = []
    for r in _HTML_ROW.finditer(text):
        cells = list(_HTML_CELL.finditer(text, r.start("row"), r.end("row")))
        if cells and all(c.group("t") in "hH" for c in cells):
            headers = [c.group("v").strip() for c in cells]
            continue
        if not headers or len(cells) != len(headers):
            continue
        for c, header in zip(cells, headers, strict=True):
            value = c.group("v").strip()
            kind = labelled_kind(header, value, keys) if value and "[REDACTED:" not in value \
                else None
            if kind is None:
                continue
            start = c.start("v") + c.group("v").find(value)
            yield Hit(start, start + len(value), kind, "html.table", 2)


# ---------------------------------------------------------------- delimited rows under a header
#: A header line: two or more column names separated by commas or tabs (the prefilter's gate;
#: `csv_rows` checks that a column is sensitive).
CSV_HEADER_TRIGGER = (r"[A-Za-z_][A-Za-z0-9_ .\-\"]{0,40}"
                      r"(?:[,\t][ \t\"]{0,3}[A-Za-z_][A-Za-z0-9_ .\-\"]{0,40})+\r?\n")
_LINE_LABEL = re.compile(r"[\s=:]+")
_ROW_LABEL = re.compile(r"[A-Za-z_][\w\-]{0,20}[ \t]*[=:][ \t]*(?=\S)")
_HEADER_CELL = re.compile(r"[ \t]*\"?(?P<k>[A-Za-z_][A-Za-z0-9_ .\-]{0,40}?)\"?[ \t]*")
_CELL = {",": re.compile(r'[ \t]*(?:"(?P<q>(?:[^"\n]|"")*)"|(?P<b>[^,\n"]*?))[ \t]*(?=,|$)',
                         re.MULTILINE),
         "\t": re.compile(r'(?P<b>[^\t\n]*)(?=\t|$)', re.MULTILINE)}


def _cells(text: str, start: int, end: int, sep: str) -> list[tuple[int, int]]:
    """(start, end) of each cell's value in text[start:end] (quotes excluded)."""
    out: list[tuple[int, int]] = []
    pos = start
    rx = _CELL[sep]
    while pos <= end:
        m = rx.match(text, pos, end)
        if m is None:
            return []
        out.append(m.span("q" if sep == "," and m.group("q") is not None else "b"))
        pos = m.end() + 1
    return out


_HEADER_NUMBER = re.compile(r"(?<![\w.])\d{3,}(?![\w.])")  # …columns; a number is data


def csv_rows(text: str, keys: KeyTable) -> Iterator[Hit]:
    """`last_name,first_name,dob\nOkafor,Chidi,04/12/1987`: an export or import row quoted
    in an error. Under a header naming a sensitive column, that column's cells go whole in
    every row that follows with the same number of cells."""
    lines: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        lines.append((pos, pos + len(line.rstrip("\r"))))
        pos += len(line) + 1
    i = 0
    while i < len(lines):
        s, e = lines[i]
        sep = "\t" if "\t" in text[s:e] else ","
        header = text[s:e].split(sep)
        if header and not _HEADER_CELL.fullmatch(header[0]):
            header[0] = _LINE_LABEL.split(header[0])[-1]
            # "import rejected: last_name,…", "header=last,…": the log's words before the
            # first column name
        kinds: list[str | None] = []
        columns: list[str] = []
        if len(header) >= 2 and not _HEADER_NUMBER.search(text, s, e):  # a header names
            for cell in header:
                m = _HEADER_CELL.fullmatch(cell)
                columns.append(m.group("k") if m else "")
                kinds.append(keys.kind(m.group("k")) if m else "-")
        if "-" in kinds or not any(kinds):
            i += 1
            continue
        person = person_container("", columns)  # a `name` column beside `dob` is a person's
        i += 1
        while i < len(lines):
            rs, re_ = lines[i]
            cells = _cells(text, rs, re_, sep)
            # a row one cell short or long is what many import errors are about ("expected
            # 10 columns, got 9"): with four columns or more, its cells are read from the left
            if not cells or (len(cells) != len(kinds) and
                             (len(kinds) < 4 or abs(len(cells) - len(kinds)) > 1)):
                break
            label = _ROW_LABEL.match(text, cells[0][0], cells[0][1])
            if label:  # "row=Adeyemi,Thandiwe,…": the log's label is not in the first cell
                cells[0] = (label.end(), cells[0][1])
            for (cs, ce), kind, column in zip(cells, kinds, columns, strict=False):
                value = text[cs:ce]
                if kind is None or kind == "-" or not (
                        name_value_ok(column, value, keys, person) if kind == "NAME"
                        else plausible(kind, value)):
                    continue  # a `name` column of packages or jobs is not a person's
                if kind == "IP" and not v.public_ip(value.strip()):
                    continue
                yield Hit(cs, ce, kind, "csv.column", 3)
            i += 1


# ---------------------------------------------------------------- a name before its particulars
#: What identifies the words before it as a person: an age, a date of birth or a record
#: number right after a name (`Fatima Kowalczyk, a 92-year-old`, `Ximena Thibodeaux (age 97)`,
#: `Chidi Okafor (DOB 4/12/1987)`, `J. Alvarez, MRN 00123456`).
PARTICULARS = (r"[ \t]{0,2}(?:,|\()[ \t]{0,3}(?:(?:a|an)[ \t]{1,3})?(?:"
               r"(?:age|aged|edad|idade)[ \t:=]{0,3}\d{1,3}\b"
               r"(?![ \t]{0,2}(?:ms|s|secs?|min|mins|h|hrs?|hours?|d|days?|weeks?|months?)\b"
               r"|[.:/%])|"
               r"dob\b|d\.o\.b|mrn\b|born\b|"
               r"\d{1,3}[ \t]{0,2}-?[ \t]{0,2}(?:years?\b|yrs?\b|yo\b|y/o|y\.o\.)|"
               # a clinician's credential, as written: "Jarrah Benally, LPC", "…, PsyD"
               r"(?-i:" + "|".join(names.CREDENTIALS_AS_WRITTEN) + r")(?![\w\-]))")
#: The prefilter's gate for it: the same words without the look-ahead Hyperscan lacks.
PARTICULARS_TRIGGER = (r"(?:,|\()[ \t]{0,3}(?:(?:a|an)[ \t]{1,3})?"
                       r"(?:age|edad|idade|dob|d\.o\.b|mrn|born|"
                       r"\d{1,3}[ \t]{0,2}-?[ \t]{0,2}(?:y|yrs?|yo)|"
                       + "|".join(names.CREDENTIALS_AS_WRITTEN) + ")")
#: A surname particle inside a name: "Meron del Castillo", "ANSELMO TER HAAR".
_PARTICLE = rf"(?i:{names.PARTICLE})(?=[ ][A-Z])"
_BEFORE_PARTICULARS = re.compile(
    rf"(?P<v>{names.CAP_WORD}(?:[ ](?:{names.CAP_WORD}|[A-Z]\.(?=[ ])|St\.(?=[ ][A-Z])|"
    rf"{_PARTICLE})){{0,4}})"
    rf"(?=(?i:{PARTICULARS}))")  # a middle initial too: "Jadwiga G. Kowalczyk, 104-year-old"


#: Words of a team or an organisation, never of a person's name.
_ORGANISATION_WORDS = frozenset("""
team care group clinic center centre health services service department dept office staff
support unit practice associates partners hospital medical behavioral behavioural wellness
pharmacy desk intake billing admin administrator system systems
""".split())  # noqa: SIM905


def names_before_particulars(text: str) -> Iterator[Hit]:
    """Capitalised words right before an age, a DOB or an MRN are a person's name even when
    no dictionary knows them; leading cue or sentence words are left to their detectors."""
    for m in _BEFORE_PARTICULARS.finditer(text):
        s = m.start()
        if s and (text[s - 1].isalnum() or text[s - 1] in "._-/@"):
            continue
        words = [(w.start(), w.end(), w.group()) for w in names.WORD_RX.finditer(m.group())]
        while words and (words[0][2].casefold() in names.STOP_WORDS or
                         words[0][2].casefold() in names.STRONG_CUES or
                         "E" in names.known(words[0][2])):
            words.pop(0)
        shouting = len(words) >= 2 and all(w.isupper() or w.casefold() in names.PARTICLES
                                           for _, _, w in words) and not all(
            _ordinary_word(w) for _, _, w in words)  # "TALLULAH HIGGINBOTHAM, DOB …"
        if not words or any((w.casefold() in names.STOP_WORDS and w != "St") or  # St. Clair
                            names.is_code_like(w) or
                            (w.isupper() and len(w) > 1 and not shouting) for _, _, w in words):
            continue
        after = text[m.end():m.end() + 12].lstrip(" \t,").split()
        credential = after[0].rstrip(".,;)") if after else ""
        if len(words) == 1 and not names.known(words[0][2]).strip("E") and not (
                credential in names.CREDENTIALS_AS_WRITTEN and
                names.unknown_word(words[0][2])):
            continue  # one word alone must be a known name ("Fatima (age 97)"), or a word
            # neither list knows before a credential ("Kahananui, LMHC")
        if any(w.casefold() in _ORGANISATION_WORDS for _, _, w in words):
            continue  # "Care Team, MD", "Intake Office (DOB check)"
        yield Hit(s + words[0][0], s + words[-1][1], "NAME", "name.before_particulars", 2)


# ---------------------------------------------------------------- the rest of a found name
_NICK_SURNAME = re.compile(rf"['\"]?[ ]?{names.NICKNAME} (?P<v>{names.CAP_WORD})(?![\w\-]|['’]\w)")
_COMMA_GIVEN = re.compile(rf", (?P<v>{names.CAP_WORD}(?: [A-Z]\.?)?)(?![\w'’\-])")
#: Lower-case surname particles, one or more ("de la", "van den", "ter").
_WORD_BEFORE = re.compile(rf"(?<![\w.\-/@])(?P<v>{names.CAP_WORD})(?: {names.PARTICLE})* \Z")
#: A surname and a comma right before a found given name: "billed for Kondapalli, [Maria]".
_SURNAME_COMMA_BEFORE = re.compile(rf"(?<![\w.\-/@,])(?P<v>{names.CAP_WORD}), \Z")
#: A surname after particles right after a found given name: "[Freya] de la Cruz-Ybarra".
_PARTICLES_AFTER = re.compile(rf"(?: {names.PARTICLE})+ (?P<v>{names.CAP_WORD})(?![\w\-]|['’]\w)")
#: A handoff or a reassignment between two people: "Bilal -> Rodelio", "Ana → K. Ortiz".
_ARROW = r"[ \t]*(?:->|→|=>)[ \t]*"
_TWO_WORDS = rf"{names.CAP_WORD}(?: {names.CAP_WORD})?"
_QUOTED_NEXT = re.compile(rf"(?P<q>[\"'])[ \t]*,[ \t]*(?P=q)(?P<v>{_TWO_WORDS})(?=[\"' (])")


def _has_arrow(text: str) -> bool:
    """Whether `_ARROW` can match at all (most texts have none: the arrow readers skip)."""
    return "->" in text or "→" in text or "=>" in text


_ARROW_AFTER = re.compile(rf"{_ARROW}(?P<v>{_TWO_WORDS})(?![\w\-]|['’]\w)")
_ARROW_BEFORE = re.compile(rf"(?<![\w.\-/@])(?P<v>{_TWO_WORDS}){_ARROW}\Z")


def _could_be_given(word: str) -> bool:
    """A capitalised word beside a found surname that may be its given name: not a sentence,
    log or cue word, not code, not an English word (unknown names count: no list has them
    all)."""
    low = word.casefold()
    flags = names.known(word)
    if low in names.english() and "F" not in flags:
        return False  # "FAIL S. Quiñones": a log word
    return (names.is_capitalised(word) and not names.is_code_like(word) and "E" not in flags
            and low not in names.STOP_WORDS and low not in names.STRONG_CUES
            and low not in names.WEAK_CUES and low not in names.TITLES
            and low not in names.CREDENTIALS and word not in names.STATE_CODE_SET
            and low not in names.COUNTRIES
            and low not in names.STATES and word not in SCRIPT_LABEL_WORDS)


def name_neighbours(text: str, found: list[Hit]) -> Iterator[Hit]:
    """The given name the detectors left beside a name they found: `[Breathnach], Chaturika`
    (Last, First after a surname), `dependent Oluwaseun [Häkkinen]` (a given name no
    dictionary knows, right before a found surname), and the nickname and surname after a
    given name (`[Ignacio] 'Beto' Sandoval`), and the other side of a handoff's arrow
    (`[Bilal] -> Rodelio`). Lowest priority: where a city or
    street detector also claims the word, its kind wins."""
    arrows = _has_arrow(text)
    for h in found:
        m = _COMMA_GIVEN.match(text, h.end)
        given = m.group("v").split(" ")[0] if m else ""
        if m and _could_be_given(given) and not (  # "Altima, VIN": capitals after a name
                given.isupper() and len(given) > 1 and not text[h.start:h.end].isupper()):
            yield Hit(m.start("v"), m.end("v"), "NAME", "name.neighbour", 1)
        m = _WORD_BEFORE.search(text, max(0, h.start - 40), h.start)
        if m and _could_be_given(m.group("v")):
            yield Hit(m.start("v"), h.start, "NAME", "name.neighbour", 1)
        m = _SURNAME_COMMA_BEFORE.search(text, max(0, h.start - 40), h.start)
        if m and "F" in names.known(text[h.start:h.end].split(" ")[0]) and \
                _could_be_given(m.group("v")):
            yield Hit(m.start("v"), m.end("v"), "NAME", "name.neighbour", 1)
        m = _PARTICLES_AFTER.match(text, h.end)
        if m:
            yield Hit(h.end, m.end("v"), "NAME", "name.neighbour", 1)
        m = _NICK_SURNAME.match(text, h.end)  # name='Ignacio 'Beto' Sandoval' cut at a quote
        if m and _could_be_given(m.group("v")):
            yield Hit(h.end, m.end("v"), "NAME", "name.neighbour", 1)
        end = h.end  # the next names of a quoted list: `"[found]", "Yer Yang", "Zhiwei (new)"`
        while (m := _QUOTED_NEXT.match(text, end)) is not None and all(
                _could_be_given(w) for w in m.group("v").split(" ")) and any(
                names.known(w).strip("E") for w in m.group("v").split(" ")):
            yield Hit(m.start("v"), m.end("v"), "NAME", "name.neighbour", 1)
            end = m.end("v")
        if not arrows:
            continue
        for m in (_ARROW_AFTER.match(text, h.end),
                  _ARROW_BEFORE.search(text, max(0, h.start - 60), h.start)):
            if m and all(_could_be_given(w) for w in m.group("v").split(" ")):
                yield Hit(m.start("v"), m.end("v"), "NAME", "name.neighbour", 1)


# ---------------------------------------------------------------- age after a name
_AGE_AFTER = re.compile(r"(?:,\s*|[ \t]*\((?=\d{2,3}\)))(?P<v>\d{2,3})"
                        r"(?![\d%:/.\-]|\s*(?:ms|s|%|kb|mb)\b)")
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def ages_after(text: str, found: list[Hit]) -> Iterator[Hit]:
    """An age of 90 or more right after a name (`Mrs. Eleanor Whitfield, 95`, `Jericho Dela
    Rosa (101)`), or after a birth date it agrees with (a row's `1926-03-12, 97`: born then,
    that old between 2000 and 2030)."""
    for h in found:
        m = _AGE_AFTER.match(text, h.end)
        if m is None or not 90 <= (age := int(m.group("v"))) <= 125:
            continue
        if h.kind == "DATE":
            year = _YEAR.search(text, h.start, h.end)
            if year is None or not 2000 <= int(year.group()) + age <= 2030:
                continue
        yield Hit(m.start("v"), m.end("v"), "AGE_OVER_89", "age.after_name", 3)


#: An id right after a person's name: "Rodríguez, Ysolde (93919000)", "QUISPE, NNAMDI id
#: DL-27456-71" — a record or member number of that person.
_ID_AFTER = re.compile(r"(?:[ \t]*\([ \t]*(?:#|MRN|ID|id)?[ \t]*:?[ \t]*|"
                       r"[ \t]+(?:id|ID|#)[ \t]*:?[ \t]*|"
                       # the name and its record in parentheses: "(Nizhoni Yazzie, CH40-04782)"
                       r",[ \t]*(?=[A-Za-z]{0,4}[\-.]?\d[\dA-Za-z\-.]{4,20}\)))"
                       rf"(?P<v>[A-Za-z]{{0,4}}[\-.]?{_RECORD_TAIL})")


#: A login in lower case (`dariush_66_t`, `pham.hien`, `jhardcastledvorak`), taken whole: not
#: the start of an address or a file's name.
_LOGIN_TOKEN = re.compile(r"(?<![\w.@/\\\-])[a-z][a-z0-9._\-]{3,31}+(?![\w@/\\]|\.\w)")
_LOGIN_REACH = 80
_LOGIN_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789._-")


def name_logins(text: str, found: list[Hit]) -> Iterator[Hit]:
    """A login made of a name found beside it: `clinician Dariush Tehrani (dariush_66_t)`,
    `user pham.hien (Hiền Phạm)`: a portal username is the person's identifier. The login
    must hold a part of four letters or more of that very name (accents aside)."""
    n = len(text)
    done: set[int] = set()
    for h in found:
        lo, hi = max(0, h.start - _LOGIN_REACH), min(n, h.end + _LOGIN_REACH)
        for part in names.parts(text[h.start:h.end]):
            part = unaccented(part)
            at = text.find(part, lo, hi) if len(part) >= 4 else -1
            while at >= 0:  # the part in lower case: in a login, or the name typed so
                s = at
                while s > lo and text[s - 1] in _LOGIN_CHARS:
                    s -= 1
                m = _LOGIN_TOKEN.match(text, s)
                if m is not None and m.end() > at and s not in done and \
                        not (s < h.end and m.end() > h.start):
                    done.add(s)
                    yield Hit(s, s + len(m.group().rstrip(".-_")), "OTHER_ID", "name.login", 2)
                at = text.find(part, at + len(part), hi)


#: An ICD-10 diagnosis code (`Z62.820`, `F43.10`): kept, like a CPT code.
_ICD10 = re.compile(r"[A-TV-Z]\d[0-9A-Z](?:\.[0-9A-Z]{1,4})?")


def ids_after_names(text: str, found: list[Hit]) -> Iterator[Hit]:
    for h in found:
        m = _ID_AFTER.match(text, h.end)
        if m and sum(c.isdigit() for c in m.group("v")) >= 5 and not (
                len(m.group("v")) == 5 and m.group("v").isdigit()) and \
                not _ICD10.fullmatch(m.group("v")) and not _DATE_SHAPED.fullmatch(m.group("v")):
            # (a CPT code, 90846, an ICD-10 code and a date are not a record's number)
            yield Hit(m.start("v"), m.end("v"), "OTHER_ID", "id.after_name", 2)


#: "scanned DL … name 'FARIDA M ACHTERBERG'", "does not match surname 'Guðmundsson'": a name
#: key with its value quoted and no separator between them.
# run on lower-cased text: a literal start lets `re` skip ahead to each "name"
_NAME_QUOTED = re.compile(r"name[ \t]+(?P<q>['\"])(?P<v>[^'\"\n]{2,60})(?P=q)")
NAME_QUOTED_TRIGGER = r"(?i)name[ \t]+['\"]"


def quoted_after_name_key(text: str, lower: str) -> Iterator[Hit]:
    for m in _NAME_QUOTED.finditer(lower):
        if m.start() and lower[m.start() - 1].isalnum() and not lower.endswith(
                ("first", "last", "given", "family", "full", "legal", "sur"), 0, m.start()):
            continue  # "username 'x'", "filename 'x'": not a person's name key
        value = text[m.start("v"):m.end("v")]
        words = names.WORD_RX.findall(value)
        if words and plausible("NAME", value) and all(
                names.is_capitalised(w) for w in words) and not all(map(_ordinary_word, words)):
            yield Hit(m.start("v"), m.end("v"), "NAME", "name.key_quoted", 3)


#: RFC 5322's display name before an address: `T. Lefebvre <tadeo.l@comcast.net>`,
#: `"Okafor, Chidi" <c@x.org>`.
_DISPLAY_NAME = re.compile(
    rf"(?:\"(?P<q>[^<>\n\"]{{2,60}})\"|(?P<v>(?:(?:{names.CAP_WORD}|[A-Z]\.)[ \t]+){{0,4}}"
    rf"{names.CAP_WORD}))[ \t]*<[^<>@\s]{{1,64}}@[^<>\s.]{{1,63}}\.[^<>\s]{{1,200}}>")
#: …and the older comment form after it: `hue.ly@example.org (Hue Ly)`.
_COMMENT_NAME = re.compile(rf"[^\s<>()@]{{1,64}}@[A-Za-z0-9.\-]{{1,200}}\.[A-Za-z]{{2,24}}[ \t]+"
                           rf"\((?P<v>(?:(?:{names.CAP_WORD}|[A-Z]\.)[ \t]+){{0,4}}"
                           rf"{names.CAP_WORD})\)")
DISPLAY_NAME_TRIGGER = r"[A-Za-z.\"][ \t]*<[^<>@\s]{1,64}@|@[A-Za-z0-9.\-]{1,200}[ \t]+\([A-Z]"


def display_names(text: str) -> Iterator[Hit]:
    """The name in front of an e-mail address in angle brackets, when it is shaped like one
    (not "Relay Alerts" or "no-reply")."""
    for m in [*_DISPLAY_NAME.finditer(text), *_COMMENT_NAME.finditer(text)]:
        group = "q" if "q" in m.re.groupindex and m.group("q") is not None else "v"
        value = m.group(group).strip()
        words = names.WORD_RX.findall(value)
        if len(words) == 1 and "F" not in names.known(words[0]):
            continue  # one word is a person only when it is a given name ("Cron" is not)
        if value and plausible("NAME", value) and words and all(
                names.is_capitalised(w) or w.casefold() in names.PARTICLES for w in words) \
                and not all(map(_ordinary_word, words)) and \
                not any(w.casefold() in _ORGANISATION_WORDS for w in words):
            start = m.start(group) + m.group(group).find(value)
            yield Hit(start, start + len(value), "NAME", "name.display", 3)


_ARG_ID = re.compile(r"(?=[A-Za-z\-]*\d)(?:[A-Za-z]{1,4}-?\d[\dA-Za-z\-]{4,20}|\d{9,20})")


def ids_beside_names(text: str, found: list[Hit]) -> Iterator[Hit]:
    """The ids in an argument list that holds a person's name: `__construct('PA-56776063',
    'Dąbrowska, Miroslav', …)`, `"args": [7, "Tadeo O'Brien", "PA-44890386"]` — an account or
    member number passed with that person. Short integers (database ids) stay."""
    done: set[int] = set()
    for h in found:
        opener = _unclosed_opener(text, h.start, max(0, h.start - 200))
        if opener < 0 or opener in done or text[opener] not in "([":
            continue
        done.add(opener)
        closer = text.find(")" if text[opener] == "(" else "]", h.end, h.end + 400)
        if closer < 0:
            continue
        for m in _QUOTED_RX.finditer(text, opener + 1, closer):
            value = m.group()[1:-1]
            if _ARG_ID.fullmatch(value) and sum(c.isdigit() for c in value) >= 5:
                yield Hit(m.start() + 1, m.end() - 1, "OTHER_ID", "id.beside_name", 2)


#: A caller's name in brackets after the number: `voicemail from +1 415… (Dalia)`.
_AFTER_NUMBER_NAME = re.compile(rf"[ \t]*\((?P<v>{names.CAP_WORD}(?:[ ]{names.CAP_WORD})?)\)")


def phone_owners(text: str, phones: list[Hit]) -> Iterator[Hit]:
    """The name a caller id shows in brackets after a number, when it is no ordinary word
    ("(Dalia)", not "(Mobile)", "(Home)")."""
    for h in phones:
        m = _AFTER_NUMBER_NAME.match(text, h.end)
        if m is None:
            continue
        words = m.group("v").split(" ")
        if not all(_ordinary_word(w) for w in words) and not any(
                w.casefold() in _ORGANISATION_WORDS or w.casefold() in names.STOP_WORDS
                for w in words) and (names.known(words[0]).strip("E") or
                                     names.unknown_word(words[0])):
            yield Hit(m.start("v"), m.end("v"), "NAME", "name.caller_id", 2)


def city_mentions(text: str, found: list[Hit]) -> Iterator[Hit]:
    """The other mentions of a city found in an address ("…, Bozeman 59723. Wellness check
    requested via Bozeman PD"), as whole words."""
    n = len(text)
    for city in {text[h.start:h.end] for h in found}:
        if len(city) < 3:
            continue
        at = text.find(city)
        while at >= 0:
            end = at + len(city)
            if not (at and text[at - 1].isalnum()) and not (end < n and text[end].isalnum()):
                yield Hit(at, end, "CITY", "city.mention", 1)
            at = text.find(city, end)


# ---------------------------------------------------------------- cities after a street line
#: Between two quoted arguments: a comma, or a bind's name (Oracle `:2 = `, SQL Server
#: `@p2=`, PostgreSQL `$2 = `).
_NEXT_ARG = r"[ \t]*,?[ \t]*(?:(?::\w{1,12}|@\w{1,12}|\$\d{1,3})[ \t]*=[ \t]*)?"
#: The state and ZIP arguments after a city's: `'Medford'  :3 = 'OR'  :4 = '35251'`, or
#: the ZIP's alone (`"ESPANOLA", "87554"`, `"…, Hamtramck MI","48275"`).
_STATE_ZIP_ARGS = re.compile(rf"(?:[ \t]+[A-Z]{{2}})?[\"']{_NEXT_ARG}[\"']"
                             rf"(?:[A-Z]{{2}}[\"']{_NEXT_ARG}[\"'])?"
                             r"(?P<v>\d{5}(?:-\d{4})?)[\"']")
#: One to three words of a town's name: "Winston-Salem", "St. Paul", "Coeur d'Alene".
_TOWN_WORD = r"(?:[A-Z][\w.\-]*(?:['’][\w.\-]+)*|d['’][A-Z][\w\-]*)"
_TOWN_WORDS = rf"[A-Z][\w.\-]*(?:['’][\w.\-]+)*(?:[ \t](?![A-Z]{{2}}\b){_TOWN_WORD}){{0,2}}"
_CITY_AFTER_LOWER = re.compile(r",[ \t]*(?P<v>[a-z][a-z'\-]+(?:[ \t][a-z][a-z'\-]+)?)"
                               r"(?=[ \t]*(?:[-,.;\n]|$))")
#: …or typed on with its unit and ZIP and no comma: "…street unit 245 laredo 78091",
#: "…ponderosa pl, spc 41 Peculiar 62126".
_TOWN_ZIP_LOWER = re.compile(r"(?:,?[ \t]+(?:apt\.?|unit|lot|ste|suite|spc|space|trlr|#)[ \t]*"
                             r"\w{1,6})?,?[ \t]+"
                             r"(?P<v>[A-Za-z][a-z'\-]+(?:[ \t][A-Za-z][a-z'\-]+)?)[ \t]+"
                             r"(?P<zip>\d{5}(?:-\d{4})?)(?![\w\-])")
_CITY_AFTER = re.compile(
    # ", City", "^City" (HL7), "\, City" (iCalendar), " in City", " / City", or the next
    # line of a label ("3004 E COLFAX ST\nWinston-Salem NC 84525"; LDAP's `$` in a
    # postalAddress)
    r"(?:,\s*|\^{1,2}|\\,\s*|[ \t]+in[ \t]+|[ \t]*[/|$][ \t]*|[ \t]*\n[ \t]*|"
    rf"[\"']{_NEXT_ARG}[\"'])"  # the next quoted argument: "… Rd Apt 3B" "Tuscaloosa"
    rf"(?P<v>{_TOWN_WORDS})"
    r"(?=[ \t]*(?:[,;^)'\"\n\\.—–|]|$|"
    r"[ \t]+(?:[A-Z]{2}\b|\d{5}(?!\d)|and\b|with\b|but\b|w/|since\b|"
    # what mail to it did: "…Loop, Boring returned undeliverable"
    r"(?:returned|bounced|undeliverable)\b|"
    r"-[ \t])))")
#: A town right after a street line with no comma, before its state and ZIP
#: ("4634 S Wild Plum Hwy The Dalles OR 97070", "…Apt 88 Kalispell MT 59951").
_CITY_STATE_ZIP = re.compile(rf"[ \t]*[;,]?[ \t]+(?P<v>{_TOWN_WORDS})"
                             r"(?=[ \t]*,?[ \t]+[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?(?![\w\-]))")


#: Looser places for a town after a street line, so its words must not all be ordinary
#: English: in brackets ("at 44 Quarry Ln (Whitcombe) tonight"), in the next table cell
#: (`<td>44 Quarry Ln</td><td>Yardley Pond</td>`), or with no comma before a bare ZIP
#: ("12 Birch Hollow Rd Yardley Pond, 54996").
_CITY_LOOSE = re.compile(
    rf"(?:[ \t]*\([ \t]*(?P<p>{_TOWN_WORDS})(?=[ \t]*\))|"
    rf"[ \t]*</t[dh]>[ \t]*<t[dh][^<>]{{0,60}}>[ \t]*(?P<c>{_TOWN_WORDS})(?=[ \t]*</t[dh]>)|"
    rf"[ \t]+(?P<z>{_TOWN_WORDS})(?=,?[ \t]+\d{{5}}(?:-\d{{4}})?(?![\w\-])))")
#: A European line: the postcode before the town ("Lindenweg 14, 25360 Havilland").
_ZIP_THEN_TOWN = re.compile(rf",[ \t]*(?P<zip>\d{{5}})[ \t]+(?P<v>{_TOWN_WORDS})"
                            r"(?=[ \t]*(?:[,;.)\n]|$))")
_COMMA_ZIP = re.compile(r"(?:,?[ \t]+|[ \t]*\|[ \t]*)(?P<v>\d{5}(?:-\d{4})?)(?![\w\-])")


#: "moved to P.O. Box 6277 in Lowell last month": the town a street line is in, then prose.
_CITY_IN = re.compile(r"[ \t]+in[ \t]+(?!(?:Building|Bldg|Suite|Unit|Room|Apt|Floor|Lot|Space|"
                      r"The)\b)(?P<v>[A-Z][\w.\-]*(?:[ \t][A-Z][\w.\-]*){0,2})"
                      r"(?=[ \t]+[a-z])")
#: "…, Flint, MI 48502", and "…, Apt 3-C, Kalamazoo MI 49085" (no comma before the state).
_CITY_BEFORE = re.compile(
    r"(?:^|[\s,;(\"'^|])(?P<v>[A-Z][\w'’.\-]*(?:\s[A-Z][\w'’.\-]*){0,2}),\s+"
    r"(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?),?\s+$|"
    r"(?:,|^|\n)[ \t]*(?P<w>[A-Z][a-z][\w'’.\-]*(?:[ \t][A-Z][a-z][\w'’.\-]*){0,2})[ \t]+"
    r"[A-Z]{2}[ \t]+$|"
    # a label in capitals, the town alone on its line or after a comma: "SPRINGFIELD IL 62704"
    r"(?:^|[\n,])[ \t]*(?P<u>[A-Z]{3,}(?:[ \t][A-Z]{3,}){0,2})[ \t]+[A-Z]{2}[ \t]+$|"
    # a Mexican or Spanish line: "…, 2º B, Holloway Creek, CP 12496"
    r",[ \t]*(?P<w2>[A-Z][a-z][\w'’.\-]*(?:[ \t][A-Z][a-z][\w'’.\-]*){0,2}),[ \t]+C\.?P\.?[ \t]+$")


#: Where an address was looked up: `29.33.144.127 (Westbury Flats, NM)`.
_IP_PLACE = re.compile(rf"[ \t]*\((?P<v>{_TOWN_WORDS}),[ \t]*(?:[A-Z]{{2}}|[A-Z][a-z]+)\)")


def ip_places(text: str, ips: list[Hit]) -> Iterator[Hit]:
    """The town a client's address was placed in, in brackets after it."""
    for h in ips:
        m = _IP_PLACE.match(text, h.end)
        if m:
            yield Hit(m.start("v"), m.end("v"), "CITY", "city.ip_place", 2)


def cities_before_zip(text: str, zips: list[Hit]) -> Iterator[Hit]:
    """`…, Flint, MI 48502`: the words between the last comma and the state code."""
    for h in zips:
        head = text[max(0, h.start - 60):h.start]
        m = _CITY_BEFORE.search(head)
        if m:
            base = h.start - len(head)
            g = next(n for n in ("v", "w", "u", "w2") if m.group(n) is not None)
            if g != "v" and not town_words(m.group(g)):
                continue  # "ERROR CODE IL 62704": words, no town
            yield Hit(base + m.start(g), base + m.end(g), "CITY", "city.before_state_zip", 2)


#: The line above a street line on a label: the addressee ("TYREEK HUỲNH\n45492 ARROYO …").
_LABEL_NAME = re.compile(rf"(?:^|(?<=\n))[ \t]*(?P<v>{names.CAP_WORD}(?:[ ](?:{names.CAP_WORD}|"
                         rf"[A-Z]\.?)){{1,3}})[ \t]*\n[ \t]*\Z")


#: The argument before a street's in a call: `["JOAQUÍN SZYMBORSKA" "31 Elm St" …]`.
_ARG_NAME = re.compile(rf"[\"'](?P<v>{names.CAP_WORD}(?:[ ](?:{names.CAP_WORD}|[A-Z]\.?)){{1,3}})"
                       rf"[\"']{_NEXT_ARG}[\"']\Z")


def addressees(text: str, streets: list[Hit]) -> Iterator[Hit]:
    """A line of two to four capitalised words right above a street line is its addressee,
    and so is the argument right before a street's; unless the words are all ordinary
    English words or name an organisation."""
    for h in streets:
        m = _LABEL_NAME.search(text, max(0, h.start - 80), h.start) or \
            _ARG_NAME.search(text, max(0, h.start - 80), h.start)
        if m is None:
            continue
        words = names.WORD_RX.findall(m.group("v"))
        if words and not all(map(_ordinary_word, words)) and not any(
                w.casefold() in _ORGANISATION_WORDS or w.casefold() in names.STOP_WORDS or
                w.casefold() in names.STATES for w in words):
            yield Hit(m.start("v"), m.end("v"), "NAME", "name.addressee", 2)


def cities_after(text: str, streets: list[Hit]) -> Iterator[Hit]:
    """`2811 Washington Blvd, Frazierside;` — the words after a street line and a comma (and
    the direction letter before a rural grid number, which the street rule leaves out)."""
    for h in streets:
        if h.start and text[h.start - 1] in "NSEW" and (
                h.start == 1 or not text[h.start - 2].isalnum()):
            yield Hit(h.start - 1, h.end, "ADDRESS", h.rule, h.priority)
        if h.rule == "address.street_lower":  # "…ridgeview ave, boulder - statement bounced"
            m = _CITY_AFTER_LOWER.match(text, h.end)
            z = None if m else _TOWN_ZIP_LOWER.match(text, h.end)
            m = m or z
            if m and not any(w in names.STOP_WORDS for w in m.group("v").split()):
                yield Hit(m.start("v"), m.end("v"), "CITY", "city.after_street", 3)
                if z is not None:
                    yield Hit(z.start("zip"), z.end("zip"), "ZIP", "zip.after_city_arg", 3)
            continue
        zt = _ZIP_THEN_TOWN.match(text, h.end)
        if zt and town_words(zt.group("v")):
            yield Hit(zt.start("zip"), zt.end("zip"), "ZIP", "zip.before_town", 3)
            yield Hit(zt.start("v"), zt.end("v"), "CITY", "city.after_street", 3)
            continue
        end = h.end
        m = _CITY_AFTER.match(text, end)
        if m and _UNIT_CELL.fullmatch(m.group("v")):  # `"… BEND CT", "APT", "ESPANOLA"`
            yield Hit(m.start("v"), m.end("v"), "ADDRESS", h.rule, h.priority)
            end = m.end("v")
            m = _CITY_AFTER.match(text, end)
        m = m or _CITY_IN.match(text, end) or _CITY_STATE_ZIP.match(text, end)
        group = "v"
        if m is None:
            m = _CITY_LOOSE.match(text, end)
            group = next((g for g in ("p", "c", "z") if m and m.group(g)), "")
            if m is None or not town_words(m.group(group)):
                continue
        if m.group(group).casefold() not in {"usa", "us", "united states"}:
            yield Hit(m.start(group), m.end(group), "CITY", "city.after_street", 3)
            z = _STATE_ZIP_ARGS.match(text, m.end(group)) or \
                _COMMA_ZIP.match(text, m.end(group))
            if z:
                yield Hit(z.start("v"), z.end("v"), "ZIP", "zip.after_city_arg", 3)


#: A line of a delimited table: three or more cells split by one separator (five or more
#: by commas, which prose has too). HL7 segments (`PID|…`) and X12 (`NM1*…`) have their own
#: readers.
_ROW_SEPARATORS = "|\t;,"
#: An id in a person's row: digits with a short prefix ("G6988650", "256-447053-14"), or
#: capitals and digits mixed ("2M3GG5CA84", a member id; lower-case hex is a hash and stays).
_ROW_ID = re.compile(r"[A-Za-z]{0,4}-?\d[\d\-]{4,24}[A-Za-z]?|"
                     r"(?=(?:[A-Z]*\d){3})(?=\d*[A-Z]\d*[A-Z])[A-Z0-9]{8,20}")
_DATE_SHAPED = re.compile(r"\d{4}-\d{2}-\d{2}|\d{1,2}[/\-]\d{1,2}[/\-]\d{2,4}")
_NAME_CELL = re.compile(rf"{names.WORD}(?:[ ,.'’\-]{{1,2}}{names.WORD}){{0,4}}\.?")
#: A list of bound values printed by name: Oracle `:1='TEHRANI' :2=…`, SQL Server
#: `@p1='…', @p2=…`, PostgreSQL `$1 = '…'`.
_BIND = r"(?::\w{1,12}|@\w{1,12}|\$\d{1,3})[ \t]*=[ \t]*(?P<v>'[^'\n]*'|\"[^\"\n]*\"|[^\s,;]+)"
_BIND_LIST = re.compile(rf"(?:{_BIND}[ \t,;]*){{2,}}")
_BIND_VALUE = re.compile(_BIND)


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\"'":
        s += 1
    while e > s and text[e - 1] in " \t\"'\r":
        e -= 1
    return s, e


def _line_cells(text: str, start: int, end: int,
                sep: str | None = None) -> tuple[str, list[tuple[int, int]]] | None:
    """The separator and cell spans of text[start:end] when it reads as a table line."""
    for cand in (sep,) if sep else _ROW_SEPARATORS:
        if text.count(cand, start, end) < (4 if cand == "," else 2):
            continue
        if cand == ",":  # quoted cells may hold commas; an unbalanced quote: no row, unless
            # it is the one quote of a field the CSV reader says is unterminated
            cells = [_trim(text, s, e) for s, e in _cells(text, start, end, ",")]
            if not cells and text.count('"', start, end) == 1:
                cells, at = [], start
                for cut in [i for i in range(start, end) if text[i] == ","] + [end]:
                    cells.append(_trim(text, at, cut))
                    at = cut + 1
            if any(e - s > 48 or text.count(" ", s, e) > 6 for s, e in cells):
                cells = []  # prose with commas, not a record
        elif _SEGMENT.search(text, start, end):
            cells = []
        else:
            cells, at = [], start
            for cut in [i for i in range(start, end) if text[i] == cand] + [end]:
                cells.append(_trim(text, at, cut))
                at = cut + 1
        if cells:  # a label before the row is not part of its first cell (`raw='DOE|…`)
            label = _CELL_LABEL.match(text, *cells[0])
            if label:
                cells[0] = _trim(text, label.end(), cells[0][1])
        return (cand, cells) if len(cells) >= 3 else None
    return None


_CELL_LABEL = re.compile(r"[A-Za-z_][\w.\-]{0,30}[ \t]*[=:][ \t]*")


def _rows(text: str, hits: list[Hit]) -> Iterator[list[list[tuple[int, int]]]]:
    """The tables around the hits: runs of consecutive lines with the same separator and
    cell count, then each bind list as a table of one row; each row a list of cell spans,
    trimmed of blanks and quotes. Only lines with a hit and their neighbours are read (a
    Sentry event is hundreds of lines with commas)."""
    n = len(text)
    done = -1
    for h in hits:  # sorted by start
        if h.start <= done:
            continue
        ls = text.rfind("\n", 0, h.start) + 1
        le = text.find("\n", h.start)
        le = n if le < 0 else le
        got = _line_cells(text, ls, le)
        done = le
        if got is None:
            continue
        sep, cells = got
        table = [cells]
        top = ls
        while top > 0:
            prev = text.rfind("\n", 0, top - 1) + 1
            above = _line_cells(text, prev, top - 1, sep)
            if above is None or len(above[1]) != len(cells):
                break
            table.insert(0, above[1])
            top = prev
        while done < n:
            nxt = text.find("\n", done + 1)
            nxt = n if nxt < 0 else nxt
            below = _line_cells(text, done + 1, nxt, sep)
            if below is None or len(below[1]) != len(cells):
                break
            table.append(below[1])
            done = nxt
        yield table
    if "=" in text:
        for m in _BIND_LIST.finditer(text):
            row = [_trim(text, *v.span("v"))
                   for v in _BIND_VALUE.finditer(text, m.start(), m.end())]
            if row:
                yield [row]


def _covering_kind(cell: tuple[int, int], hits: list[Hit]) -> str | None:
    """The kind of a hit that holds most of the cell."""
    s, e = cell
    for h in hits:
        if h.start <= s + 1 and h.end >= e - 1 and e > s:
            return h.kind
    return None


#: Kinds that make a row a person's record when a detector found one in a cell.
_PERSON_KINDS = frozenset({"NAME", "DATE", "SSN", "PHONE", "EMAIL", "ADDRESS", "MRN", "ZIP"})


def table_cells(text: str, hits: list[Hit]) -> Iterator[Hit]:
    """Cells of a delimited export or a bind list whose column or row gives them away. A
    column is one kind of data: when one row's cell in it was found as a name or an
    identifier, the same column in the other rows is one too (`G6988650|KALINOWSKI NGOZI|…`
    under a row whose name was found). A row that holds a person's particulars (a name, or
    two of date, phone, e-mail, SSN, street, MRN; one beside bound values) is that person's
    record: its name-shaped cells are names (`983811,Kristiansen,Karim,1966-12-23,+1 701…`,
    `:1='TEHRANI' :2='HYUN-WOO' :3='13-FEB-61'`), a word after its street is the city and
    five digits after a state the ZIP, and its id-shaped cells (eight digits, or a letter
    prefix and five, or hyphenated six) are identifiers. Amounts, short codes (CPT 90837),
    database ids of up to seven digits and English words stay."""
    ordered = sorted(hits, key=lambda h: h.start)
    starts = [h.start for h in ordered]
    for table in _rows(text, ordered):
        lo, hi = table[0][0][0], table[-1][-1][1]  # only the hits inside: bisect, not a scan
        in_table = [h for h in ordered[bisect_left(starts, lo):bisect_left(starts, hi)]
                    if h.end <= hi]
        if not in_table:
            continue
        kinds = [[_covering_kind(c, in_table) for c in row] for row in table]
        found: list[Hit] = []
        _fill_under_header(text, table, kinds, found)
        _fill_columns(text, table, kinds, found)
        for row, row_kinds in zip(table, kinds, strict=True):
            person = [k for k in row_kinds if k in _PERSON_KINDS]
            if "NAME" not in person and len(person) < (1 if len(table) == 1 and
                                                       len(row) <= 6 else 2):
                continue
            _fill_person_row(text, row, row_kinds, found)
        _fill_columns(text, table, kinds, found)
        yield from found


def _fill_under_header(text: str, table: list[list[tuple[int, int]]],
                       kinds: list[list[str | None]], found: list[Hit]) -> None:
    """A table whose first row names its columns (`| client_id | full_name | dob | zip |`):
    each cell under a sensitive column's name that could be its kind (`NULL` is no e-mail)."""
    if len(table) < 2:
        return
    names_ = [normalise(text[s:e]) for s, e in table[0]]
    header = [EXACT.get(n) for n in names_]
    if sum(k is not None for k in header) < 2 or any(kinds[0]):
        return
    if "HEALTH_PLAN" in header:  # `member_id  group  name`: the plan's group number
        header = [k or ("HEALTH_PLAN" if n in PLAN_GROUP_KEYS else None)
                  for k, n in zip(header, names_, strict=True)]
    for row, row_kinds in zip(table[1:], kinds[1:], strict=True):
        for col, (s, e) in enumerate(row):
            kind = header[col]
            if kind is not None and kind != "IP" and row_kinds[col] is None and s < e and \
                    plausible(kind, text[s:e]) and \
                    (kind != "NAME" or _same_shape("NAME", text[s:e])):
                row_kinds[col] = kind
                found.append(Hit(s, e, kind, "table.header", 2))


#: A unit's cell after a street's (`"738 N WILLOW BEND CT", "APT", "ESPANOLA"`): the address
#: goes on, and the city is the cell after it.
_UNIT_CELL = re.compile(r"(?i:apt|apartment|unit|ste|suite|fl|floor|rm|room|bldg|trlr|lot)"
                        r"\.?(?:[ #]*[\w\-]{1,6})?|#[ ]?[\w\-]{1,6}")
_ZIP_CELL = re.compile(r"\d{5}(?:-?\d{4})?")


def _fill_person_row(text: str, row: list[tuple[int, int]], row_kinds: list[str | None],
                     found: list[Hit]) -> None:
    after_street = False
    upper_street = False  # a street in capitals: its town is in capitals too
    for col, (s, e) in enumerate(row):
        cell = text[s:e]
        kind = row_kinds[col]
        if after_street and kind is None and _UNIT_CELL.fullmatch(cell):
            row_kinds[col] = "ADDRESS"
            found.append(Hit(s, e, "ADDRESS", "table.person_row", 2))
            continue
        if kind is not None or s >= e:
            after_street = kind == "ADDRESS"
            upper_street = after_street and (cell.isupper() or upper_street)
            continue
        new: str | None = None
        placed = col > 0 and (row_kinds[col - 1] in ("ADDRESS", "CITY") or
                              text[row[col - 1][0]:row[col - 1][1]] in names.STATE_CODE_SET)
        if placed and _ZIP_CELL.fullmatch(cell):  # after a street, a town or a state
            new = "ZIP"
        elif _ROW_ID.fullmatch(cell) and not _DATE_SHAPED.fullmatch(cell) and _id_digits(cell):
            new = "SSN" if len(cell) == 9 and v.ssn(cell) else "OTHER_ID"
        elif after_street and _same_shape("CITY", cell) and (not cell.isupper() or upper_street):
            new = "CITY"
        elif _same_shape("NAME", cell) and len(cell) > 2 and \
                not (col == 0 and cell.isupper() and len(cell) <= 4) and \
                cell not in names.STATE_CODE_SET and cell.casefold() not in names.STATES and \
                normalise(cell) not in EXACT:  # a column's name (`dob, ssn, zip`), no value
            new = "NAME"
        after_street = False
        if new is not None:
            row_kinds[col] = new
            found.append(Hit(s, e, new, "table.person_row", 2))


def _fill_columns(text: str, table: list[list[tuple[int, int]]],
                  kinds: list[list[str | None]], found: list[Hit]) -> None:
    """Give each column's kind to its cells of the same shape that no detector found."""
    if len(table) < 2:
        return
    for col in range(len(table[0])):
        seen = [k for row_kinds in kinds if (k := row_kinds[col])]
        if not seen:
            continue
        kind = max(set(seen), key=seen.count)
        for row, row_kinds in zip(table, kinds, strict=True):
            s, e = row[col]
            if row_kinds[col] is None and s < e and _same_shape(kind, text[s:e]):
                row_kinds[col] = kind
                found.append(Hit(s, e, kind, "table.column", 2))


def _id_digits(cell: str) -> bool:
    """Enough digits to be a person's number, not a database id (those stay)."""
    digits = sum(c.isdigit() for c in cell)
    if cell.isdigit():
        return digits >= 8
    if cell.isalnum() and sum(c.isalpha() for c in cell) >= 2:
        return digits >= 3  # capitals and digits mixed
    return digits >= 6 or (digits >= 5 and cell[0].isalpha())


def _same_shape(kind: str, cell: str) -> bool:
    """Whether a cell can hold what its column holds elsewhere: a name column's cell is
    words (not all English ones), an identifier column's cell has digits."""
    if kind == "NAME":  # a payer's or a drug's name is kept ("TRICARE West")
        return bool(_NAME_CELL.fullmatch(cell)) and not all(
            w.casefold() in names.english() for w in names.WORD_RX.findall(cell)) and \
            KEPT_RX.search(cell) is None
    if kind in ("CITY", "ADDRESS"):
        return any(c.isalpha() for c in cell) and len(cell) <= 80
    return sum(c.isdigit() for c in cell) >= 4 and " " not in cell.strip() and len(cell) <= 40


#: The other side of a comparison: `'M445-7456-1802' != entered 'M445-7456-1820'`,
#: `dob 1990-01-02 does not match 1990-02-01`, `expected X, got Y`.
_COMPARED = re.compile(
    r"['\"]?[ \t]*(?:!=|<>|≠|vs\.?|versus|does not match|doesn't match|, got|but got|but was)"
    r"[ \t]+(?:(?:entered|expected|got|stored|on file|submitted|ocr|scanned)[ \t:]+)?"
    r"['\"]?(?P<v>[^'\"\s,;()]{3,40})")
_COMPARED_KINDS = frozenset({"DATE", "SSN", "MRN", "HEALTH_PLAN", "ACCOUNT", "LICENSE",
                             "PHONE", "FAX", "EMAIL", "ZIP", "VEHICLE", "DEVICE", "OTHER_ID"})


_LISTED_KINDS = frozenset({"MRN", "HEALTH_PLAN", "ACCOUNT", "OTHER_ID"})
_CHANGEABLE_KINDS = _COMPARED_KINDS | {"NAME", "ADDRESS", "CITY"}
_AND_NEXT = re.compile(r"[ \t]+(?:and|&|or)[ \t]+(?P<v>[A-Z]{0,4}-?\d[\d\-]{4,20})(?![\w\-])")


#: An audit log's change of a quoted value: `address.city: "Eureka" -> "Mobile"`.
_CHANGED_TO = re.compile(rf"(?P<q>['\"]){_ARROW}(?P=q)(?P<v>[^'\"\n]{{1,80}})(?P=q)")
_CHANGED_FROM = re.compile(rf"(?P<q>['\"])(?P<v>[^'\"\n]{{1,80}})(?P=q){_ARROW}['\"]\Z")


#: What stands before a Ruby or PHP hash's entry (`{"first_name"=>"Yael", "ssn"=>…`): its
#: `=>` joins a key to its value, not an old value to a new one.
_ENTRY_START = re.compile(r"[{,(\[][ \t]*\Z")


def compared_values(text: str, hits: list[Hit]) -> Iterator[Hit]:
    """A value compared with a found identifier is one of the same kind: a mismatch error
    prints both the value on file and the value entered; and so is the next of a pair
    ("matches charts 92334633 and 46101516"), and the other side of an audit log's change
    (`"[old town]" -> "Mobile"`). (Reads the hits as given: the caller extends the list.)"""
    arrows = _has_arrow(text)
    for h in tuple(hits):
        if arrows and h.kind in _CHANGEABLE_KINDS:
            m = _CHANGED_TO.match(text, h.end)
            left = h.start - 1
            if m is None and h.start >= 1:
                m = _CHANGED_FROM.search(text, max(0, h.start - 90), h.start)
                left = m.start() if m else left
            if m and not text[m.start("v"):m.end("v")].startswith("[REDACTED:") and not (
                    "=>" in m.group() and _ENTRY_START.search(text, max(0, left - 16), left)):
                yield Hit(m.start("v"), m.end("v"), h.kind, "compared", 2)
        if h.kind not in _COMPARED_KINDS:
            continue
        m = _COMPARED.match(text, h.end)
        if m and (any(c.isdigit() for c in m.group("v")) or
                  (h.kind == "EMAIL" and "@" in m.group("v"))):
            yield Hit(m.start("v"), m.end("v"), h.kind, "compared", 2)
        elif h.kind in _LISTED_KINDS:
            m = _AND_NEXT.match(text, h.end)
            if m and sum(c.isdigit() for c in m.group("v")) >= 5:
                yield Hit(m.start("v"), m.end("v"), h.kind, "compared", 2)


#: A plate beside a found VIN in the same list of arguments (`"AV495CF", "JN8VX6752PD404673"`).
_PLATE_CELL = r"['\"](?P<v>(?=[A-Z0-9]{0,7}\d)(?=[A-Z0-9]{0,7}[A-Z])[A-Z0-9]{5,8})['\"]"
_PLATE_BEFORE = re.compile(rf"{_PLATE_CELL}[ \t]*,[ \t\n]*['\"]\Z")
_PLATE_AFTER = re.compile(rf"['\"][ \t]*,[ \t\n]*{_PLATE_CELL}")


def plates_beside_vins(text: str, hits: list[Hit]) -> Iterator[Hit]:
    """A car's plate in the cell before or after its VIN in a job's arguments or a row."""
    for h in hits:
        if h.kind != "VEHICLE" or h.end - h.start != 17:
            continue
        for m in (_PLATE_BEFORE.search(text, max(0, h.start - 24), h.start),
                  _PLATE_AFTER.match(text, h.end)):
            if m is not None:
                yield Hit(m.start("v"), m.end("v"), "VEHICLE", "vehicle.beside_vin", 2)


#: A date joined to a found identifier or name in a key or a path (`W668383134:19930226`,
#: `recordings/hien-nguyen/2025-11-10.webm`): that person's date.
_JOINED_DATE = re.compile(r"[:|_/](?P<y>(?:19|20)\d{2})-?(?P<m>\d{2})-?(?P<d>\d{2})"
                          r"(?![\w\-:]|\.\d)")
_JOINED_KINDS = frozenset({"NAME", "MRN", "HEALTH_PLAN", "OTHER_ID", "ACCOUNT", "SSN"})


def joined_dates(text: str, hits: list[Hit]) -> Iterator[Hit]:
    """The date right after a found identifier or name, joined to it by `:`, `|`, `_`
    or `/` (a composite key, a per-person file); a real calendar day only."""
    for h in hits:
        if h.kind in _JOINED_KINDS and (m := _JOINED_DATE.match(text, h.end)) and \
                v.ymd(int(m.group("y")), int(m.group("m")), int(m.group("d"))):
            yield Hit(m.start("y"), m.end(), "DATE", "date.joined", 2)


#: The next dates of a list or range after a found one: "attended 6/4, 5/22, 6/9",
#: "OOO 2/8–3/26", "missed 10/23 and 11/6".
_NEXT_DATE = re.compile(r"(?:,[ \t]*|[ \t]+(?:and|&|or|y|to)[ \t]+|[ \t]*[–—\-][ \t]*)"
                        r"(?P<v>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])(?:/(?:\d{4}|\d{2}))?)"
                        r"(?![\w/]|\.\d)")


def listed_dates(text: str, hits: list[Hit]) -> Iterator[Hit]:
    """The dates listed after a found one, each in month/day form (a range's end too)."""
    for h in hits:
        if h.kind != "DATE" or "/" not in text[h.start:h.end]:
            continue
        end = h.end
        while (m := _NEXT_DATE.match(text, end)) is not None:
            yield Hit(m.start("v"), m.end("v"), "DATE", "date.listed", 2)
            end = m.end()


#: A bare month/day in words, not a ratio or a count ("2/3 replicas", "attempt 3/5").
_BARE_MONTH_DAY = re.compile(r"(?<![\w/.:\-])(?P<v>(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01]))"
                             r"(?![\w/%]|\.\d|[ \t]+(?:of|replicas?|nodes?|pods?|retries|attempts?|"
                             r"tries|pages?|items?|passed|failed|ok|done|complete|succeeded)\b)")
_COUNT_BEFORE = re.compile(r"(?i:attempt|retry|retries|try|tries|page|step|item|batch|shard|"
                           r"part|round|run|no\.|#)[ \t:]*\Z")


_FULL_DATE = re.compile(r"(?:19|20)\d\d|\d/\d{1,2}/\d\d")


def message_dates(text: str, hits: list[Hit]) -> Iterator[Hit]:
    """In a person's own message (one that names someone and gives a full date, as a birth
    date, in any language), a bare month/day is a day of theirs: "Mwen pa ka vini 4/6",
    "yom 7/5", "Ballantayda 5/22"."""
    if not any(h.kind == "NAME" for h in hits) or not any(
            h.kind == "DATE" and _FULL_DATE.search(text, h.start, h.end) for h in hits):
        return
    for m in _BARE_MONTH_DAY.finditer(text):
        if not _COUNT_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            yield Hit(m.start("v"), m.end("v"), "DATE", "date.in_message", 1)


#: Kinds whose values are unique to a person: found once, every other copy in the same text
#: is the same identifier (an MRN in `mrn: "HC-617681"` and in the portal link beside it).
_REPEATED_KINDS = frozenset({"MRN", "HEALTH_PLAN", "ACCOUNT", "SSN", "LICENSE", "OTHER_ID",
                             "DEVICE", "VEHICLE", "EMAIL", "PHONE", "FAX"})


def repeated_values(text: str, hits: list[Hit]) -> Iterator[Hit]:
    """Every other copy of an identifier found elsewhere in the text, wherever it stands (a
    URL, a cache key, a file name, a sentence). Only values of five characters or more with a
    digit or an `@` in them: a copy of `91` or of a word is not the same thing."""
    kinds: dict[str, str] = {}
    for h in hits:
        value = text[h.start:h.end]
        if (h.kind in _REPEATED_KINDS and value not in kinds and len(value) >= 5 and
                "[REDACTED" not in value and any(c.isdigit() or c == "@" for c in value)):
            kinds[value] = h.kind
    spans = {(h.start, h.end) for h in hits}
    for at, value in _copies(text, kinds):
        if (at, at + len(value)) not in spans:
            yield Hit(at, at + len(value), kinds[value], "repeated", 2)


_ALNUM_RUN = re.compile(r"[^\W_]+")
#: Characters `str.find` may read before one pass over the text's words is cheaper.
_FIND_BUDGET = 1 << 22


def _copies(text: str, values: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(start, value) of every copy of the values that stands alone (no letter or digit
    either side). A `find` per value reads the text once per value: quadratic in a megabyte
    log of identifiers. Past a budget, each value is looked up by its first run of letters
    and digits, which in a copy standing alone is a whole word of the text: one reading."""
    values = list(values)
    if len(values) * len(text) <= _FIND_BUDGET:
        for value in values:
            at = text.find(value)
            while at >= 0:
                end = at + len(value)
                if not (at and text[at - 1].isalnum()) and \
                        not (end < len(text) and text[end].isalnum()):
                    yield at, value
                at = text.find(value, end)
        return
    by_lead: dict[str, list[tuple[int, str]]] = {}
    for value in values:
        lead = _ALNUM_RUN.search(value)
        if lead is not None:
            by_lead.setdefault(lead.group(), []).append((lead.start(), value))
    for word in _ALNUM_RUN.finditer(text):
        for offset, value in by_lead.get(word.group(), ()):
            at = word.start() - offset
            end = at + len(value)
            if at >= 0 and text.startswith(value, at) and \
                    not (at and text[at - 1].isalnum()) and \
                    not (end < len(text) and text[end].isalnum()):
                yield at, value


# ---------------------------------------------------------------- vCard
_VCARD_LINE = re.compile(r"^(?P<prop>FN|N|ADR|BDAY|ANNIVERSARY|NICKNAME|TEL|EMAIL|LABEL)"
                         r"(?:;[^:\n]*)?:(?P<v>[^\r\n]*)", re.MULTILINE | re.IGNORECASE)
#: The kind of each component of a structured property (None: kept: a region, a country).
_VCARD_PARTS: dict[str, tuple[str | None, ...]] = {
    "N": ("NAME", "NAME", "NAME", None, None),  # family; given; additional; prefix; suffix
    "ADR": ("ADDRESS", "ADDRESS", "ADDRESS", "CITY", None, "ZIP", None),
}
_VCARD_WHOLE = {"FN": "NAME", "NICKNAME": "NAME", "BDAY": "DATE", "ANNIVERSARY": "DATE",
                "TEL": "PHONE", "EMAIL": "EMAIL", "LABEL": "ADDRESS"}


def vcard(text: str) -> Iterator[Hit]:
    """A contact card (`BEGIN:VCARD`) is a person's particulars, field by field: `N:` and
    `ADR:` by their `;`-separated components, the rest whole. A `NOTE:` is free text for
    the other detectors."""
    for m in _VCARD_LINE.finditer(text):
        prop = m.group("prop").upper()
        start = m.start("v")
        if prop in _VCARD_PARTS:
            for kind, part in zip(_VCARD_PARTS[prop], m.group("v").split(";"), strict=False):
                value = part.strip()
                if kind is not None and value and plausible(kind, value):
                    s = start + part.index(value)
                    yield Hit(s, s + len(value), kind, "vcard", 3)
                start += len(part) + 1
        else:
            value = m.group("v").strip()
            if value and plausible(_VCARD_WHOLE[prop], value):
                s = start + m.group("v").index(value)
                yield Hit(s, s + len(value), _VCARD_WHOLE[prop], "vcard", 3)


# ---------------------------------------------------------------- NCPDP Telecommunication D.0
#: Field id -> kind, for the fields of the patient, insurance, claim and prescriber segments
#: that carry a person's particulars (`AM01|C4=19450712|CA=THANDIWE|CB=DELVALLE|CP=33359`).
#: Product (D7: NDC), quantities, BIN/PCN/group (C1: the plan's, not the member's) and the
#: pharmacy's own ids stay.
_NCPDP_FIELDS = {
    # patient; CY is the patient id of whatever type CX qualifies (SSN, licence, a
    # pharmacy's own), so no narrower kind fits it
    "CY": "OTHER_ID", "C4": "DATE", "CA": "NAME", "CB": "NAME", "CM": "ADDRESS", "CN": "CITY",
    "CP": "ZIP", "CQ": "PHONE", "HN": "EMAIL",
    "C2": "HEALTH_PLAN", "CC": "NAME", "CD": "NAME", "N5": "HEALTH_PLAN",
    "2A": "HEALTH_PLAN",  # insurance
    "D2": "OTHER_ID",  # the prescription's reference number
    "DB": "LICENSE", "DR": "NAME", "2J": "NAME", "PM": "PHONE", "2K": "ADDRESS", "2M": "CITY",
    "2P": "ZIP",  # prescriber
}
_NCPDP_FIELD = re.compile(rf"(?:^|(?<=[|\x1c\x1d\x1e]))(?P<f>{'|'.join(_NCPDP_FIELDS)})="
                          r"(?P<v>[^|\x1c\x1d\x1e\r\n]{1,80})", re.MULTILINE)
#: The prefilter's gate: a segment id of the standard, before or after a separator.
NCPDP_TRIGGER = r"AM[0-3][0-9]:?[| ]|\|AM[0-3][0-9]"
#: Decoded logs print a segment's fields separated by blanks (`AM01 C2=GY902412V CA=AYESHA
#: CB=SØNDERGAARD | AM07 D2=6359244`): a segment id, then `ID=value` words.
_NCPDP_BLANK_SEGMENT = re.compile(r"(?<![\w=])AM[0-3]\d:?(?= [A-Z0-9]{2}=)")  # "AM29: CA=…"
_NCPDP_BLANK_FIELD = re.compile(r" +(?P<f>[A-Z0-9]{2})=(?P<v>[^\s|\x1c\x1d\x1e]{0,80})")
#: A further word of a name or street in a blank-separated segment (`CB=VAN DER BERG`).
_NCPDP_MORE = re.compile(r"(?: (?![A-Z0-9]{2}=)[^\W\d_][^\W\d_'\-]{0,30}(?=[ |\r\n]|$))+")
_NCPDP_WORDY = frozenset({"NAME", "ADDRESS", "CITY"})


def ncpdp(text: str) -> Iterator[Hit]:
    """An NCPDP D.0 claim or response, field by field: its segments (`AM01` patient, `AM04`
    insurance, `AM07` claim, `AM03` prescriber) name each field with a two-character id.
    Fields are separated by the standard's 0x1C (logs often print `|`) or, where a log
    prints the decoded claim, by blanks."""
    for m in _NCPDP_FIELD.finditer(text):
        kind = _NCPDP_FIELDS[m.group("f")]
        value = m.group("v").strip()
        if value and plausible(kind, value):
            yield Hit(m.start("v"), m.start("v") + len(value), kind, "ncpdp.field", 3)
    if " " not in text:
        return
    for seg in _NCPDP_BLANK_SEGMENT.finditer(text):
        pos = seg.end()
        while (f := _NCPDP_BLANK_FIELD.match(text, pos)) is not None:
            pos = f.end()
            field_kind = _NCPDP_FIELDS.get(f.group("f"))
            if field_kind is None or not f.group("v"):
                continue
            kind = field_kind
            if kind in _NCPDP_WORDY and (more := _NCPDP_MORE.match(text, pos)) and \
                    all(w.isupper() for w in more.group().split()):
                pos = more.end()
            value = text[f.start("v"):pos]
            if plausible(kind, value):
                yield Hit(f.start("v"), pos, kind, "ncpdp.field", 3)


# ---------------------------------------------------------------- space-aligned reports
_ALIGNED_CELL = re.compile(r"\S+(?: \S+)*")  # cells are split by two spaces or more
#: The prefilter's gate: a line of three or more columns.
#: One field a line, its name then its value after a run of blanks: a pandas Series, a
#: `kubectl describe`, a printed record (`city             Bland`).
PAIR_LINE_TRIGGER = r"(?:^|[\n\x00])[ \t]*[A-Za-z_][A-Za-z0-9_.\-]{1,40} {2,}[^ \n]"
_PAIR_LINE = re.compile(r"^[ \t]*(?P<k>[A-Za-z_][\w.\-]{1,40}) {2,}"
                        r"(?P<v>[^ \n][^\n]{0,80}?)[ \t]*$", re.MULTILINE)


def pair_lines(text: str, keys: KeyTable) -> Iterator[Hit]:
    """The value of each such line under a sensitive field name, written as code names a
    field (`city`, `zip9`, `display_name`; a report's `Medicaid   ok=2299 err=68` is a payer's
    row, `LINE  HUMANA` a block's type), with no further columns or `k=v` pairs after it."""
    for m in _PAIR_LINE.finditer(text):
        k, val = m.group("k"), m.group("v")
        if not (k[0].islower() or "_" in k) or "  " in val or "=" in val:
            continue
        kind = labelled_kind(k, val, keys)
        if kind is not None and not val.startswith("[REDACTED:"):
            yield Hit(m.start("v"), m.end("v"), kind, "pair.line", 3)


ALIGNED_TRIGGER = r"[^ \n] {2,}[^ \n]+ {2,}[^ \n]"
_REPORT_END = re.compile(r"(?i)^\s*(?:total|end|trl|---|===)")


def aligned_columns(text: str, keys: KeyTable) -> Iterator[Hit]:
    """A report printed in columns under a header (`PATIENT NAME   ACCT NO   MEMBER ID
    DOS`): each cell below takes the kind of the header it starts under. A header needs
    three columns, one of them a sensitive key; the rows end at a blank line or a total."""
    lines = [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", text)]
    i = 0
    while i < len(lines):
        line = lines[i][1]
        i += 1
        cols = [(c.start(), None if "[#" in c.group() or "[REDACTED:" in c.group() else  # data
                 keys.kind(c.group()) or _header_kind(c.group()))
                for c in _ALIGNED_CELL.finditer(line)]
        if len(cols) < 3 or not any(k for _, k in cols) or "  " not in line or "[#" in line:
            continue  # a header with a marker in it was scrubbed: its columns moved
        starts = [c for c, _ in cols]
        while i < len(lines) and lines[i][1].strip() and not _REPORT_END.match(lines[i][1]):
            row_start, row = lines[i]
            i += 1
            if "[#" in row:  # scrubbed already, and its cells no longer under their headers
                continue
            for cs, ce in _row_cells(row, starts):
                kind = _column_at(cols, cs)
                value = row[cs:ce]
                if kind and kind != "IP" and plausible(kind, value) and (
                        kind != "NAME" or _name_shaped(value.replace(",", " ")) or
                        _one_case_name(names.WORD_RX.findall(value))):
                    yield Hit(row_start + cs, row_start + ce, kind, "report.column", 2)


def _row_cells(row: str, starts: list[int]) -> Iterator[tuple[int, int]]:
    """A row's cells: runs split by two spaces, and split again where a header column starts
    after a single space (a value that fills its column: `01/16/2025 AETNA`)."""
    for cell in _ALIGNED_CELL.finditer(row):
        s = cell.start()
        for p in starts:
            if s < p < cell.end() and row[p - 1] == " " and row[p] != " ":
                yield s, p - 1
                s = p
        yield s, cell.end()


def _column_at(cols: list[tuple[int, str | None]], pos: int) -> str | None:
    """The kind of the column a cell starting at `pos` sits under (within two characters
    of the header's start, or after it and before the next one)."""
    kind: str | None = None
    for start, k in cols:
        if start <= pos + 2:
            kind = k
        else:
            break
    return kind


#: Report headers the key table does not hold as keys: a date of service, a DOB column.
_HEADER_KINDS = {"dos": "DATE", "dateofservice": "DATE", "patient": "NAME", "acctno": "ACCOUNT",
                 "acct": "ACCOUNT", "accountno": "ACCOUNT", "memberno": "HEALTH_PLAN"}


def _header_kind(header: str) -> str | None:
    return _HEADER_KINDS.get(KeyTable.normalised(header))


_UPPER_HEX = re.compile(r"[0-9A-F]{12,}")  # a request id (S3, CloudFront), no one's number
_LINE_TOKEN = re.compile(r"(?<!\S)[A-Za-z0-9][A-Za-z0-9\-]{6,24}(?!\S)")


def person_line_ids(text: str, hits: list[Hit]) -> Iterator[Hit]:
    """A fixed-width line holding a person's name and date (`DTL REYES   SHIRA
    LAG6H937010   19690828 M 78461 237927352`) holds their numbers: its id-shaped tokens
    (as in a table's person row) are identifiers; compact stamps and database ids stay."""
    lines: dict[int, set[str]] = {}
    for h in hits:
        if h.kind in ("NAME", "DATE"):
            ls = text.rfind("\n", 0, h.start) + 1
            lines.setdefault(ls, set()).add(h.kind)
    for ls, kinds in lines.items():
        le = text.find("\n", ls)
        le = len(text) if le < 0 else le
        if len(kinds) < 2 or text.find("   ", ls, le) < 0:
            continue  # a line laid out in fixed-width columns, not a sentence
        for m in _LINE_TOKEN.finditer(text, ls, le):
            token = m.group()
            if _ROW_ID.fullmatch(token) and _id_digits(token) and not _UPPER_HEX.fullmatch(
                    token) and not _DATE_SHAPED.fullmatch(
                    token) and not (token.isdigit() and len(token) in (8, 12, 14) and
                                    v.compact_date(token[:8])) and not any(
                    h.start <= m.start() < h.end for h in hits):
                kind = "SSN" if len(token) == 9 and v.ssn(token) else "OTHER_ID"
                yield Hit(m.start(), m.end(), kind, "id.person_line", 2)


# ---------------------------------------------------------------- Redis hash fields
#: Redis MONITOR's quoted arguments of a hash write: `"HSET" "session:…" "email" "…" "chart"
#: "MH18-84129"`, field then value after the hash's key.
REDIS_HASH_TRIGGER = r"\"(?:HSET|HMSET|hset|hmset)\" \""
_REDIS_HASH = re.compile(r"\"(?:HSET|HMSET|hset|hmset)\"((?: \"(?:[^\"\\\n]|\\.)*\")+)")
_REDIS_ARG = re.compile(r" \"((?:[^\"\\\n]|\\.)*)\"")


def redis_hash_fields(text: str, keys: KeyTable) -> Iterator[Hit]:
    """Each value of a hash write under a sensitive field, as a JSON object's would be."""
    for m in _REDIS_HASH.finditer(text):
        args = list(_REDIS_ARG.finditer(text, m.start(1), m.end(1)))
        for f, val in zip(args[1::2], args[2::2], strict=False):
            kind = labelled_kind(f.group(1), val.group(1), keys)
            if kind is not None:
                yield Hit(val.start(1), val.end(1), kind, "redis.hash", 3)


# ---------------------------------------------------------------- cache and queue keys
#: A key of colon-separated segments (`appt:cache:E1381171:2025-03-10`, `pt:lookup:demir_
#: marquis`, `ratelimit:login:ivy.castillo.3`): the first segments name what is stored.
_CACHE_KEY = re.compile(r"(?<![\w:/.\-@])[a-z][\w\-]{0,24}(?::[^\s\"':\[\]{}(),;=<>|]{1,60}){1,6}")
# three parts, or two after a person's word (`"HGETALL" "patient:CH99675-9"`)
CACHE_KEY_TRIGGER = (r"[a-z][A-Za-z0-9_\-]{0,24}:[A-Za-z0-9_\-]{1,24}:[A-Za-z0-9]|"
                     r"(?:^|[^A-Za-z0-9_:/.\-@])(?:pt|patients?|clients?|members?|person|"
                     r"eligibility|coverage|chart|mrn|claimant|subscriber|policy):"
                     r"[A-Za-z0-9]")
_KEY_DATE = re.compile(r"(?:19|20)\d\d-\d\d-\d\d|(?:19|20)\d{6}")
_PERSON_KEY_WORDS = frozenset({"pt", "patient", "patients", "client", "clients", "member",
                               "lookup", "name", "person", "guardian", "subscriber"})
_LOGIN_KEY_WORDS = frozenset({"login", "user", "username", "users", "session", "otp"})
#: A two-part key whose second part is someone's number: `eligibility:ZGP7643374529`.
_RECORD_KEY_WORDS = frozenset({"eligibility", "coverage", "chart", "mrn", "member", "claimant",
                               "subscriber", "policy"})
_HANDLE = re.compile(r"[a-z][a-z0-9]*(?:[._][a-z0-9]+)+")


_CHECK_SUFFIX = re.compile(r"-\d{1,2}\Z")
_GROUPED_RECORD = re.compile(r"[A-Z]{1,4}-\d{2,4}-\d{3,8}")


def _key_id(seg: str) -> bool:
    """A record or member number in a key: `MR-9190365`, `367273399A` (not a hash, and not
    a bare integer: `sentry:billing:1635244907` is a database's id)."""
    digits = sum(c.isdigit() for c in seg)
    if seg.isdigit():
        return False
    if _RECORD_NUMBER.fullmatch(_CHECK_SUFFIX.sub("", seg)):  # `CH99675-9`: a check digit
        return digits >= 6
    if _GROUPED_RECORD.fullmatch(seg):  # `pt:RB-823-5078`
        return True
    return seg.isalnum() and not seg.isdigit() and not seg.islower() and digits >= 5 and \
        not _UPPER_HEX.fullmatch(seg)


def _key_name(seg: str) -> bool:
    """A lower-case segment that is a name the lists know and no English word."""
    return seg.isalpha() and seg.islower() and len(seg) >= 3 and \
        bool(names.known(seg).strip("E")) and seg not in names.english()


def cache_keys(text: str) -> Iterator[Hit]:
    """The segments of a cache, queue or rate-limit key that identify someone: a date, a
    record or member number, a `last_first` under a patient lookup, a login under a
    login counter. Hosts, ports, URLs and times (`10:15:30`) are no keys."""
    for m in _CACHE_KEY.finditer(text):
        parts = m.group().split(":")
        if parts[0] in ("http", "https", "urn", "arn", "s3", "redis", "postgres", "mailto") or \
                (len(parts) == 2 and parts[0] not in _PERSON_KEY_WORDS | _RECORD_KEY_WORDS):
            continue
        pos = m.start() + len(parts[0]) + 1
        seen_words = {parts[0].casefold()}
        if len(parts) == 2 and parts[0] in _RECORD_KEY_WORDS and _key_id(parts[1]):
            yield Hit(pos, pos + len(parts[1]), "OTHER_ID", "cache.key", 2)  # `eligibility:…`
            continue
        # a key built from someone's particulars (`ptsearch:winslow:yusuf:1961-07-02:91939`):
        # beside a birth date, the names the lists know and a ZIP are theirs too
        dated = any(_KEY_DATE.fullmatch(p) for p in parts[1:])
        for seg in parts[1:]:
            kind: str | None = None
            if _KEY_DATE.fullmatch(seg) and (len(seg) == 10 or v.compact_date(seg)):
                kind = "DATE"
            elif _key_id(seg):
                kind = "OTHER_ID"
            elif dated and len(seg) == 5 and seg.isdigit():
                kind = "ZIP"
            elif (seen_words & _PERSON_KEY_WORDS and _HANDLE.fullmatch(seg) and "_" in seg) or \
                    (dated and _key_name(seg) and text[pos + len(seg):pos + len(seg) + 1] != "="):
                kind = "NAME"
            elif (seen_words & _LOGIN_KEY_WORDS and _HANDLE.fullmatch(seg)) or (
                    # a login under a person's word: `participant_identity=patient:calexan77`
                    seen_words & _PERSON_KEY_WORDS and any(c.isdigit() for c in seg) and
                    login(seg)):
                kind = "OTHER_ID"
            if kind:
                yield Hit(pos, pos + len(seg), kind, "cache.key", 2)
            seen_words.add(seg.casefold())
            pos += len(seg) + 1
