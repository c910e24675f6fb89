"""Helpers shared by the ingest parsers: context, severity mapping, user hashing, and
defensive readers for untrusted JSON.

Parsers receive decoded JSON of any shape. Every reader here returns a clean value or
None and never raises, so a parser is a list of look-ups with fallbacks, and only the
parser decides what is malformed enough to reject (`SchemaInvalid`).
"""

from __future__ import annotations

import hashlib
import hmac
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from types import MappingProxyType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from relay.model import Severity


def anonymise_user(user_id: str, key: bytes) -> str:
    """`user_<first 8 hex of HMAC-SHA256(key, id)>`: stable per user, useless without key."""
    mac = hmac.new(key, user_id.encode("utf-8", "surrogatepass"), hashlib.sha256)
    return "user_" + mac.hexdigest()[:8]


_DEFAULT_LEVELS: Mapping[str, Severity] = MappingProxyType({
    "fatal": Severity.CRITICAL,
    "critical": Severity.CRITICAL,
    "error": Severity.WARNING,
    "warning": Severity.WARNING,
    "warn": Severity.WARNING,
    "info": Severity.INFO,
    "debug": Severity.INFO,
    "sample": Severity.INFO,
})
_DEFAULT_METRIC: Mapping[str, Severity] = MappingProxyType({
    "critical": Severity.CRITICAL,
    "warning": Severity.WARNING,
    # IncidentStatus OPEN: the incident exists but no threshold label is attached yet.
    "open": Severity.WARNING,
})
METRIC_PREFIX = "metric."


@dataclass(frozen=True)
class SeverityMap:
    """Sentry level (and metric alert action) → Severity, per DESIGN §5.

    An unknown or missing level maps to `fallback` (warning): an event Sentry alerts on
    is at least worth a look, and a missing level must not silence it.
    """

    levels: Mapping[str, Severity] = field(default_factory=lambda: _DEFAULT_LEVELS)
    metric: Mapping[str, Severity] = field(default_factory=lambda: _DEFAULT_METRIC)
    fallback: Severity = Severity.WARNING

    @classmethod
    def with_overrides(cls, overrides: Mapping[str, str]) -> SeverityMap:
        """Defaults updated by the routing file's `severity_map:`.

        Keys are Sentry levels (`fatal`, `error`, …); `metric.<action>` keys (e.g.
        `metric.warning`) override metric alert actions. Values must be a Severity;
        anything else raises ValueError (config load time, fail closed).
        """
        levels = dict(_DEFAULT_LEVELS)
        metric = dict(_DEFAULT_METRIC)
        for raw_key, raw_value in overrides.items():
            key = str(raw_key).strip().lower()
            value = Severity(str(raw_value).strip().lower())
            if key.startswith(METRIC_PREFIX):
                metric[key.removeprefix(METRIC_PREFIX)] = value
            else:
                levels[key] = value
        return cls(MappingProxyType(levels), MappingProxyType(metric))

    def for_level(self, level: Any) -> Severity:
        if isinstance(level, str):
            return self.levels.get(level.strip().lower(), self.fallback)
        return self.fallback

    def for_metric(self, action: str) -> Severity:
        return self.metric.get(action, self.fallback)


#: Sentry tag keys copied into `Alert.tags`. Only low-cardinality descriptors of the
#: software and runtime: no `user`, `sentry:user`, `url`, `transaction` (often a raw path
#: with record ids), `server_name`/`device` (device and host identifiers can name a
#: person's machine), `request_id`/`replayId`/`trace` (links to captured sessions).
#: Tags are scrubbed again later; this list is the first line, not the only one.
DEFAULT_TAG_ALLOWLIST: frozenset[str] = frozenset({
    "environment", "release", "level", "logger", "handled", "mechanism",
    "runtime", "runtime.name", "browser", "browser.name", "os", "os.name",
    "client_os", "client_os.name", "sdk.name",
})


@dataclass(frozen=True)
class ParseContext:
    """What a parser needs from outside: the user-hash key, the severity table, the time
    the body arrived (parsers never read a clock) and the tag allowlist."""

    hash_key: bytes
    severity_map: SeverityMap
    received_at: datetime
    tag_allowlist: frozenset[str] = DEFAULT_TAG_ALLOWLIST


# -- limits on what one alert may carry ------------------------------------------------------

TITLE_MAX = 500
MESSAGE_MAX = 10_000
CULPRIT_MAX = 500
SERVICE_MAX = 100
ENVIRONMENT_MAX = 64
RELEASE_MAX = 200
LINK_MAX = 2048
TAG_KEY_MAX = 64
TAG_VALUE_MAX = 200
TAGS_MAX = 32
USER_ID_MAX = 256
CORRELATION_MAX = 128

# -- defensive readers -----------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def unsurrogate(value: str) -> str:
    """Lone surrogates (valid in JSON `\\ud800`, invalid in UTF-8) become `?`: they would
    break storage and sinks downstream."""
    return value.encode("utf-8", "replace").decode("utf-8")


def clean_text(value: str, limit: int) -> str:
    """Drop control characters and lone surrogates, strip, and cut to `limit` characters."""
    value = _CONTROL.sub("", unsurrogate(value)).strip()
    if len(value) > limit:
        value = value[: limit - 1].rstrip() + "…"
    return value


def text(value: Any, limit: int) -> str | None:
    """A non-empty cleaned string, or None for anything else (numbers are not text)."""
    if not isinstance(value, str):
        return None
    return clean_text(value, limit) or None


def dig(obj: Any, *path: str | int) -> Any:
    """obj[p0][p1]… or None as soon as a step does not fit (wrong type, missing)."""
    for step in path:
        if isinstance(step, str) and isinstance(obj, dict):
            obj = obj.get(step)
        elif isinstance(step, int) and isinstance(obj, list) and -len(obj) <= step < len(obj):
            obj = obj[step]
        else:
            return None
    return obj


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def first(*values: Any) -> Any:
    """The first value that is not None (empty strings count as missing)."""
    for value in values:
        if value is not None and value != "":
            return value
    return None


_IDENT = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}")


def ident(value: Any) -> str | None:
    """An id or slug (str or int) in a safe charset, else None. Ids go into fingerprints,
    so free text must never pass for one."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, str) and _IDENT.fullmatch(value):
        return value
    return None


_TOKEN = re.compile(rf"[\x21-\x7e]{{1,{CORRELATION_MAX}}}")


def token(value: Any) -> str | None:
    """A correlation id: printable ASCII without spaces, bounded; free text is refused."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        value = str(value)
    if isinstance(value, str) and _TOKEN.fullmatch(value.strip()):
        return value.strip()
    return None


def user_key(value: Any) -> str | None:
    """A user id/e-mail/name as the string to hash (ints allowed), else None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return str(value)
    if isinstance(value, str) and value.strip():
        return value.strip()[:USER_ID_MAX]
    return None


def positive_int(value: Any, default: int = 1, cap: int = 10**9) -> int:
    """An occurrence count from an int or a numeric string (Sentry sends `count` as str)."""
    if isinstance(value, bool):
        return default
    if isinstance(value, str) and value.strip().isdigit() and len(value) < 20:
        value = int(value)
    if isinstance(value, int) and value >= 1:
        return min(value, cap)
    return default


_EPOCH_MIN, _EPOCH_MAX = 0.0, 253402300799.0  # 1970 … 9999-12-31


def parse_datetime(value: Any) -> datetime | None:
    """Any of Sentry's datetime shapes as an aware UTC datetime, else None:
    `…T21:06:17.677000Z`, `…+00:00`, epoch seconds as int/float or numeric string."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        raw = value.strip()
        if not raw or len(raw) > 64:
            return None
        try:
            number = float(raw)
        except ValueError:
            try:
                parsed = datetime.fromisoformat(raw)
            except ValueError:
                return None
            if parsed.tzinfo is None:
                return parsed.replace(tzinfo=UTC)
            try:
                return parsed.astimezone(UTC)
            except (OverflowError, ValueError):
                return None
        value = number
    if isinstance(value, int | float):
        seconds = float(value)
        if not math.isfinite(seconds) or not _EPOCH_MIN <= seconds <= _EPOCH_MAX:
            return None
        try:
            return datetime.fromtimestamp(seconds, UTC)
        except (OverflowError, OSError, ValueError):
            return None
    return None


def http_link(value: Any) -> str | None:
    """An absolute http(s) URL with a host, without whitespace or credentials, else None."""
    if not isinstance(value, str) or len(value) > LINK_MAX or not value:
        return None
    if any(ch.isspace() or ord(ch) < 0x20 for ch in value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not host or "@" in parts.netloc:
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))


def pairs(value: Any) -> Iterable[tuple[str, Any]]:
    """Sentry tags as (key, value): a list of [k, v] pairs, a dict (legacy), or nothing."""
    if isinstance(value, dict):
        yield from ((k, v) for k, v in value.items() if isinstance(k, str))
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, list | tuple) and len(item) == 2 and isinstance(item[0], str):
                yield item[0], item[1]


def tag_text(value: Any) -> str | None:
    """A tag value as text: strings and plain scalars, nothing nested."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value) if math.isfinite(value) else None
    return text(value, TAG_VALUE_MAX)


def allowed_tags(value: Any, allowlist: frozenset[str]) -> dict[str, str]:
    """The allowlisted tags of a Sentry tag list, capped in count and length."""
    out: dict[str, str] = {}
    for key, raw in pairs(value):
        if key in allowlist and key not in out and len(out) < TAGS_MAX:
            clean = tag_text(raw)
            if clean is not None:
                out[key] = clean
    return out


def tag_index(value: Any) -> dict[str, Any]:
    """A Sentry tag list (any shape) as a dict, first occurrence winning; build it once per
    event, since real events carry thousands of tags."""
    index: dict[str, Any] = {}
    for key, raw in pairs(value):
        index.setdefault(key, raw)
    return index


def tag_lookup(index: Mapping[str, Any], *keys: str) -> Any:
    """The value of the first of `keys` present in a `tag_index`, else None."""
    return first(*(index.get(k) for k in keys))
