"""Check digits and validity rules that turn a digit-shaped match into a confident finding.

Why: a nine-digit number is only an SSN if it could be issued, a 16-digit number only a card
if Luhn agrees, a 17-character token only a VIN if its check digit holds. Validators keep the
patterns broad (high recall) while dropping look-alikes (ids, hashes, counters).
"""

from __future__ import annotations

import ipaddress
import re
from datetime import date
from urllib.parse import unquote


def digits(value: str) -> str:
    return "".join(ch for ch in value if ch.isdigit())


def luhn(number: str) -> bool:
    """Luhn mod-10 over the digits of `number` (cards, IMEI, NPI with prefix)."""
    ds = digits(number)
    if len(ds) < 2:
        return False
    total = 0
    for i, ch in enumerate(reversed(ds)):
        d = ord(ch) - 48
        if i % 2 == 1:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return total % 10 == 0


def card(number: str) -> bool:
    """Payment card: a brand's prefix and length (Visa, Mastercard, Amex, Discover, JCB,
    Diners) and Luhn — so a 14-digit timestamp or an IMEI is not a card."""
    ds = digits(number)
    n = len(ds)
    if not 13 <= n <= 19 or len(set(ds)) < 2:
        return False
    p2, p4 = int(ds[:2]), int(ds[:4])
    ok = ((ds[0] == "4" and n in (13, 16, 19)) or
          ((51 <= p2 <= 55 or 2221 <= p4 <= 2720) and n == 16) or
          (p2 in (34, 37) and n == 15) or
          ((ds.startswith("6011") or p2 == 65 or 644 <= int(ds[:3]) <= 649) and 16 <= n <= 19) or
          (3528 <= p4 <= 3589 and 16 <= n <= 19) or
          ((300 <= int(ds[:3]) <= 305 or p2 in (36, 38)) and n == 14))
    return ok and luhn(ds)


def imei(number: str) -> bool:
    ds = digits(number)
    return len(ds) == 15 and luhn(ds)


def npi(number: str) -> bool:
    """NPI: 10 digits starting 1 or 2, Luhn over the 80840 prefix (CMS rule)."""
    ds = digits(number)
    return len(ds) == 10 and ds[0] in "12" and luhn("80840" + ds)


def dea(value: str) -> bool:
    """DEA registration: 2 letters + 7 digits; (d1+d3+d5) + 2*(d2+d4+d6) ends in d7."""
    v = value.strip().upper()
    if len(v) != 9 or not v[:2].isalpha() or not v[2:].isdigit():
        return False
    d = [int(c) for c in v[2:]]
    return (d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5])) % 10 == d[6]


_VIN_MAP = {
    **{str(i): i for i in range(10)},
    **dict(zip("ABCDEFGH", range(1, 9), strict=True)),
    **dict(zip("JKLMN", range(1, 6), strict=True)),
    "P": 7, "R": 9,
    **dict(zip("STUVWXYZ", range(2, 10), strict=True)),
}
_VIN_WEIGHTS = (8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2)


def vin(value: str) -> bool:
    """17-char VIN (no I, O, Q) with the North American position-9 check digit."""
    v = value.upper()
    if len(v) != 17 or any(c not in _VIN_MAP for c in v):
        return False
    if not any(c.isalpha() for c in v) or not any(c.isdigit() for c in v):
        return False
    total = sum(_VIN_MAP[c] * w for c, w in zip(v, _VIN_WEIGHTS, strict=True))
    check = total % 11
    return v[8] == ("X" if check == 10 else str(check))


def ssn(value: str) -> bool:
    """SSA rules: area not 000/666/9xx, group not 00, serial not 0000, not a known fake."""
    ds = digits(value)
    if len(ds) != 9:
        return False
    area, group, serial = ds[:3], ds[3:5], ds[5:]
    if area in {"000", "666"} or area[0] == "9" or group == "00" or serial == "0000":
        return False
    return ds not in {"123456789", "078051120", "219099999"}


def ymd(year: int, month: int, day: int) -> bool:
    if not 1900 <= year <= 2099:
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def compact_date(value: str) -> bool:
    """HL7/X12 YYYYMMDD."""
    return len(value) == 8 and value.isdigit() and ymd(int(value[:4]), int(value[4:6]),
                                                       int(value[6:]))


def month_day(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= 31


def public_ip(value: str) -> bool:
    """Client addresses are PHI; infrastructure (10/8, 172.16/12, loopback, unspecified,
    link-local, multicast) is kept so operators can still read topology."""
    if "." in value and ":" not in value:  # fast path for dotted quads
        parts = value.split(".")
        if len(parts) != 4 or not all(p.isdigit() and len(p) <= 3 for p in parts):
            return False
        a, b = int(parts[0]), int(parts[1])
        if a == 10 or a == 127 or (a == 172 and 16 <= b <= 31) or a == 0:
            return False
    try:
        addr = ipaddress.ip_address(value)
    except ValueError:
        return False
    if isinstance(addr, ipaddress.IPv6Address) and addr.ipv4_mapped is not None:
        return public_ip(str(addr.ipv4_mapped))  # "::ffff:172.20.1.9" is the v4 address
    if addr.is_loopback or addr.is_unspecified or addr.is_link_local or addr.is_multicast:
        return False
    if isinstance(addr, ipaddress.IPv4Address):
        first, second = addr.packed[0], addr.packed[1]
        if first == 10 or (first == 172 and 16 <= second <= 31):
            return False
    return True


_EXTENSION = re.compile(r"(?i)\s*(?:x|ext\.?|extension|#)\s*\d{1,6}$")


def nanp(value: str) -> bool:
    """North American number: area and exchange start 2-9 (after an optional leading 1);
    an extension (`x22`, `ext. 22`) does not count."""
    ds = digits(_EXTENSION.sub("", value))
    if len(ds) == 13 and ds.startswith("001"):  # dialled from abroad
        ds = ds[3:]
    if len(ds) == 11 and ds[0] == "1":
        ds = ds[1:]
    return len(ds) == 10 and ds[0] in "23456789" and ds[3] in "23456789"


#: Mailboxes no person reads: a sender's no-reply address or a mail system's own.
SYSTEM_MAILBOXES = frozenset({"noreply", "no-reply", "no_reply", "donotreply", "do-not-reply",
                              "do_not_reply", "mailer-daemon", "postmaster", "bounce", "bounces",
                              "reminders", "notifications", "notify", "alerts", "mailer"})
_OPAQUE_LOCAL = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-"
                           r"[0-9a-fA-F]{12}|[0-9a-fA-F.\-]{16,}")


def person_email(value: str) -> bool:
    """An address that reaches a person: not a no-reply or mail-system mailbox, and not an
    id that merely looks like an address (an iCalendar `UID:<uuid>@host`, a Message-ID)."""
    local = value.rsplit("@", 1)[0].casefold()
    return local not in SYSTEM_MAILBOXES and not (
        _OPAQUE_LOCAL.fullmatch(local) and sum(c.isdigit() for c in local) >= 4)


#: What a template, a route or an upstream masker writes where a value will be or was:
#: `{{patient.email}}`, `{value}`, `${dob}`, `%PATIENT_NAME%`, `<street>`, `[EMAIL]`, `:id`,
#: URL-encoded `%7Bvalue%7D`, and masks like `XXX-XX-XXXX`, `***@***`, `(XXX) XXX-XXXX`,
#: `MM/DD/YYYY`, `MRN-XXXXXXX`.
_PLACEHOLDER = re.compile(
    r"\{\{[^{}]{1,80}\}\}|\{[\w.\- ]{1,60}\}|\$\{[\w.\-]{1,60}\}|%[A-Za-z_][\w.\-]{0,60}%|"
    r"<[A-Za-z_][\w.\- ]{0,40}>|\[[A-Za-z_][\w .\-]{0,40}\]|:[a-z_]\w{0,40}|%7B[\w.%\-]{0,60}%7D|"
    r"(?:MM|DD|YYYY|YY)(?:[/\-.](?:MM|DD|YYYY|YY)){1,2}|[A-Z]{1,5}[-#]?[X*]{3,}",
    re.IGNORECASE)
_MASK_SEPARATORS = re.compile(r"[\s\-().@/+_]")
_PLACEHOLDER_WORDS = frozenset({"redacted", "masked", "hidden", "removed", "filtered", "scrubbed",
                                "omitted", "tbd", "unknown", "n/a", "null", "none", "nil",
                                "undefined", "redacted-email", "redacted_email", "placeholder"})


#: Characters of the bracketed, templated and masked forms; a value with none of them is
#: answered by two set lookups (most values: this runs for every finding).
_PLACEHOLDER_CHARS = frozenset("{}<>[]%:*#•^\\")
_MASK_ONLY = frozenset("xmdy-/. ()+1")


def placeholder(value: str) -> bool:
    """Whether `value` stands where a value would be, and is none (URL-encoded or not; an
    HL7 field's components each)."""
    if _PLACEHOLDER_CHARS.isdisjoint(value) and "XXX" not in value:
        low = value.strip().strip("\"'_").casefold()
        return not low or low in _PLACEHOLDER_WORDS or (
            set(low) <= _MASK_ONLY and sum(c in "xmdy" for c in low) >= 3)
    v = value.strip().strip("\"'\\")
    if "%" in v:
        v = unquote(v)
    if "^" in v:
        return all(len(p) <= 1 or placeholder(p) for p in v.split("^"))
    if not v:
        return True
    if v.casefold().strip("[]<>()_*") in _PLACEHOLDER_WORDS or _PLACEHOLDER.fullmatch(v):
        return True
    core = _MASK_SEPARATORS.sub("", v)
    if core.startswith("1") and len(core) == 11:  # +1XXXXXXXXXX
        core = core[1:]
    return len(core) >= 3 and all(c in "Xx*#•" for c in core)
