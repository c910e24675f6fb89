"""What every receiver shares: one POST, Retry-After, short reason codes, secret-free keys.

The sinks differ only in how they format a body and read an answer; the mechanics of
sending (one attempt, a total timeout, network trouble as a RETRY outcome, never an
exception) and of reading HTTP headers are the same, so they live here once.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

import aiohttp
import structlog

from relay.scrub import redact
from relay.sinks.base import Outcome, Verdict

log = structlog.get_logger(__name__)

#: Appended where text was cut to fit a receiver's limit, so readers know there was more.
TRUNCATION_MARKER = "…[truncated]"
#: Answers are read up to this size: enough for any error code, bounded against a bad peer.
MAX_ANSWER_BYTES = 64 * 1024
_CODE = re.compile(r"^[a-z0-9_]{1,64}$")
URL_MAX = 3000  # Slack's button/link URL limit; PagerDuty documents none, this is plenty


class SinkConfigError(ValueError):
    """A receiver built with impossible settings (both Slack modes, no routing key …)."""


def pace_key(kind: str, *secret_parts: str) -> str:
    """A pacing key that identifies a receiver without revealing its secret URL or key."""
    digest = hashlib.sha256("\n".join(secret_parts).encode("utf-8")).hexdigest()
    return f"{kind}:{digest[:12]}"


def header(headers: Mapping[str, str], name: str) -> str | None:
    """Case-insensitive header lookup that also works on a plain dict."""
    value = headers.get(name)
    if value is not None:
        return value
    lower = name.lower()
    for key, val in headers.items():
        if key.lower() == lower:
            return val
    return None


def parse_retry_after(
    headers: Mapping[str, str], *, now: float | None = None
) -> float | None:
    """Seconds to wait from `Retry-After` (delta-seconds or an HTTP-date), or None.

    An HTTP-date is measured against `now` when given, else against the answer's own
    `Date` header (the server's clock, so our clock skew does not matter), else our clock.
    A date in the past means "now" (0.0); garbage means "not said" (None).
    """
    raw = header(headers, "Retry-After")
    if raw is None or not raw.strip():
        return None
    raw = raw.strip()
    try:
        seconds = float(raw)
    except ValueError:
        pass
    else:
        return max(0.0, seconds) if seconds == seconds and seconds != float("inf") else None
    when = _http_date(raw)
    if when is None:
        return None
    reference = now
    if reference is None:
        date = _http_date(header(headers, "Date") or "")
        reference = date if date is not None else time.time()
    return max(0.0, when - reference)


def _http_date(value: str) -> float | None:
    try:
        parsed = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


def short_code(value: Any) -> str | None:
    """A receiver's error as a stable code (`invalid event` → `invalid_event`), or None.

    Anything that does not look like a short code is refused: error bodies may echo the
    content we sent, and reasons end up in logs, metrics and the dead letters.
    """
    if not isinstance(value, str):
        return None
    code = re.sub(r"[\s\-]+", "_", value.strip().lower())
    return code if _CODE.match(code) else None


def json_object(body: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return value if isinstance(value, dict) else None


def https_url(value: str | None) -> str | None:
    """The value if it is an absolute https URL with a host and no credentials, else None.

    Only https: a link in an alert is attacker-influenced, and a page's on-call should
    never be one click from `javascript:` or a plain-http phishing page.
    """
    if not value or len(value) > URL_MAX:
        return None
    if any(ch.isspace() or ord(ch) < 0x20 or ord(ch) == 0x7F for ch in value):
        return None
    try:
        parts = urlsplit(value)
        host = parts.hostname
    except ValueError:
        return None
    if parts.scheme.lower() != "https" or not host or "@" in parts.netloc:
        return None
    return value


#: Runs of text a cut must keep whole or drop whole: a redaction (`[REDACTED:EMAIL]` cut to
#: `[REDAC` reads as garbage) and our own truncation marker (a re-cut must not leave half).
ATOMS = re.compile(rf"{redact.MARKER.pattern}|{re.escape(TRUNCATION_MARKER)}")


def truncate(
    text: str, limit: int, marker: str = TRUNCATION_MARKER, atoms: re.Pattern[str] = ATOMS
) -> str:
    """`text` cut to at most `limit` characters, with a visible marker when cut.

    The one cutter behind every receiver limit, at formatting time and again after the
    egress guard. The cut never splits a match of `atoms`: one that straddles it is dropped.
    """
    if len(text) <= limit:
        return text
    if limit < len(marker):
        marker = ""  # no room for it: a bare cut, still never inside an atom
    end = max(0, limit - len(marker))
    for match in atoms.finditer(text):
        if match.start() >= end:
            break
        if match.end() > end:
            end = match.start()
            break
    return text[:end] + marker


def rfc3339(moment: datetime) -> str:
    """UTC RFC 3339 with milliseconds and `Z`; a naive datetime is taken to be UTC."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


Classifier = Callable[[int, Mapping[str, str], bytes], Outcome]


async def post_json(
    session: aiohttp.ClientSession,
    url: str,
    body: dict[str, Any],
    *,
    timeout: float,
    classify: Classifier,
    receiver: str,
    headers: Mapping[str, str] | None = None,
) -> Outcome:
    """One POST of `body` as JSON; the answer goes through `classify`.

    Timeouts and connection trouble become RETRY outcomes with a stable reason; this
    function never raises for network trouble. The URL is never logged (webhook URLs are
    credentials).
    """
    data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    send_headers = {"Content-Type": "application/json"}
    send_headers.update(headers or {})
    try:
        async with session.post(
            url, data=data, headers=send_headers,
            timeout=aiohttp.ClientTimeout(total=timeout), allow_redirects=False,
        ) as resp:
            answer = await resp.content.read(MAX_ANSWER_BYTES)
            return classify(resp.status, resp.headers, answer)
    except TimeoutError:  # aiohttp's timeouts subclass it
        return _network(receiver, "timeout")
    except aiohttp.InvalidURL:
        log.error("sink.invalid_url", receiver=receiver)
        return Outcome(Verdict.PERMANENT, reason="invalid_url")
    except (aiohttp.ClientError, OSError):
        return _network(receiver, "connection_error")


def _network(receiver: str, reason: str) -> Outcome:
    log.warning("sink.network_error", receiver=receiver, reason=reason)
    return Outcome(Verdict.RETRY, reason=reason)
