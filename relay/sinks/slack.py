"""Slack receiver: an incoming webhook or chat.postMessage with a bot token.

The message is Block Kit inside one coloured attachment (the colour bar carries the
severity) plus a plain top-level `text` for notifications and screen readers. Every
string that came from an alert is escaped (relay.sinks.mrkdwn), and each part has a
budget so the whole message stays well inside Slack's limits (FACTS §4) whatever the
alert or digest holds:

    header 150 + 9 fields × (label + 300) + message 3000 + context ≈ 7,000 chars
    of block text, under the 12,000 cumulative cap, 50 blocks and 10 fields.

Slack's hard limits themselves live in one place, `fit_message`: `format` ends with it,
and the delivery worker runs it again after the egress guard, whose `[REDACTED:KIND]` can
be longer than what it replaced (a 151-character header is a permanent `invalid_blocks`).
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, Literal

import aiohttp

from relay.model import Action, Alert, Severity
from relay.sinks.base import Digest, Outcome, Verdict
from relay.sinks.http import (
    SinkConfigError,
    json_object,
    pace_key,
    parse_retry_after,
    post_json,
    short_code,
)
from relay.sinks.mrkdwn import cut, escape, fit, link, one_line

# Block Kit limits (FACTS §4), enforced by fit_message
HEADER_MAX = 150
SECTION_TEXT_MAX = 3000
SECTION_FIELD_MAX = 2000
CONTEXT_TEXT_MAX = 3000
BLOCK_TEXT_TOTAL_MAX = 12_000  # cumulative block text: undocumented, ~13,200 seen refused
# our budgets, well inside those
FIELD_VALUE_MAX = 300  # identifiers, not prose: keeps 9 fields far below 2000 each/12k total
FALLBACK_MAX = 4000  # Slack truncates top-level text at 40,000; ~4,000 is its advice
DIGEST_TITLE_MAX = 200
DIGEST_TOP_MAX = 10
DIGEST_SERVICES_MAX = 15
LINK_LABEL = "View in Sentry"

#: Web API errors that say "not now" rather than "never" (ok:false at HTTP 200).
TRANSIENT_ERRORS = frozenset({
    "rate_limited", "ratelimited", "internal_error", "fatal_error", "service_unavailable",
    "request_timeout",
})

_COLOR = {Severity.CRITICAL: "#E01E5A", Severity.WARNING: "warning", Severity.INFO: "#439FE0"}
_RESOLVED_COLOR = "good"
_EMOJI = {
    Severity.CRITICAL: ":rotating_light:",
    Severity.WARNING: ":warning:",
    Severity.INFO: ":information_source:",
}
_RESOLVED_EMOJI = ":white_check_mark:"
_SEVERITY_ORDER = (Severity.CRITICAL, Severity.WARNING, Severity.INFO)


class SlackSink:
    """One Slack destination: exactly one of an incoming webhook or a bot token + channel.

    In webhook mode `channel` is ignored: Slack app webhooks always post to the channel
    they were created for and cannot override it.
    """

    kind = "slack"

    def __init__(
        self,
        name: str,
        *,
        webhook_url: str | None = None,
        bot_token: str | None = None,
        channel: str | None = None,
        api_url: str = "https://slack.com/api",
    ) -> None:
        if bool(webhook_url) == bool(bot_token):
            raise SinkConfigError(
                f"Slack receiver {name!r}: configure exactly one of webhook_url or bot_token"
            )
        if bot_token and not channel:
            raise SinkConfigError(f"Slack receiver {name!r}: a bot token needs a channel")
        self.name = name
        self.mode: Literal["webhook", "bot"] = "webhook" if webhook_url else "bot"
        self._token = bot_token
        self.channel = channel if self.mode == "bot" else None
        if webhook_url:
            self.url = webhook_url
            self.pace_key = pace_key("slack", webhook_url)
        else:
            assert channel is not None
            self.url = api_url.rstrip("/") + "/chat.postMessage"
            self.pace_key = pace_key("slack", api_url.rstrip("/"), channel)

    def __repr__(self) -> str:  # never the URL or token: both are credentials
        return f"SlackSink(name={self.name!r}, mode={self.mode!r})"

    # -- formatting (pure) -------------------------------------------------------------

    def format(self, alert: Alert) -> dict[str, Any]:
        resolved = alert.action is Action.RESOLVE
        emoji = _RESOLVED_EMOJI if resolved else _EMOJI[alert.severity]
        title = one_line(alert.title) or "(no title)"
        # Sentry's own resolve titles already say so ("Resolved: Too many errors")
        prefix = "Resolved: " if resolved and not title.lower().startswith("resolved") else ""
        head = f"{emoji} {prefix}"
        blocks: list[dict[str, Any]] = [_header(head + escape(title))]
        fields = [_field(label, value) for label, value in _alert_fields(alert)
                  if value and one_line(value)]
        if fields:
            blocks.append({"type": "section", "fields": fields})
        message = (alert.message or "").strip()
        if message:
            blocks.append({"type": "section", "text": _mrkdwn(escape(message))})
        blocks.append({"type": "context", "elements": _context(alert)})
        fallback = escape(one_line(f"{prefix}[{alert.severity.value}] {alert.service} "
                                   f"({alert.environment}): {title}"))
        color = _RESOLVED_COLOR if resolved else _COLOR[alert.severity]
        return self._message(fallback, color, blocks)

    def format_digest(self, digest: Digest) -> dict[str, Any] | None:
        total = max(0, digest.total)
        head = ":bell: Alert storm: "
        blocks: list[dict[str, Any]] = [
            _header(escape(f"{head}{total} alerts folded into one message"))
        ]
        fields = [
            _field(label, str(count))
            for label, count in _severity_counts(digest.by_severity)
        ][:8]
        fields.append(_field("Services", str(len(digest.by_service))))
        fields.append(_field("Time span", _span(digest.first_at, digest.last_at)))
        blocks.append({"type": "section", "fields": fields})
        top = [
            f"• ×{count} — {fit(one_line(title) or '(no title)', DIGEST_TITLE_MAX)}"
            for _fp, title, count in digest.top[:DIGEST_TOP_MAX]
        ]
        more = len(digest.top) - DIGEST_TOP_MAX
        if top:
            blocks.append({"type": "section", "text": _mrkdwn(
                _lines("*Most frequent*", top, more, "more alert kinds"))})
        services = sorted(digest.by_service.items(), key=lambda kv: (-kv[1], kv[0]))
        if services:
            lines = [
                f"• {fit(one_line(svc) or '(none)', FIELD_VALUE_MAX)}: {n}"
                for svc, n in services[:DIGEST_SERVICES_MAX]
            ]
            blocks.append({"type": "section", "text": _mrkdwn(_lines(
                "*By service*", lines, len(services) - DIGEST_SERVICES_MAX, "more services"))})
        blocks.append({"type": "context", "elements": [_mrkdwn(
            "Repeats were folded because this receiver fell behind; "
            "each alert is counted once.")]})
        counts = ", ".join(f"{n} {label.lower()}"
                           for label, n in _severity_counts(digest.by_severity))
        fallback = escape(f"Alert storm: {total} alerts folded ({counts})")
        return self._message(fallback, _digest_color(digest.by_severity), blocks)

    def _message(self, fallback: str, color: str, blocks: list[dict[str, Any]]) -> dict[str, Any]:
        body: dict[str, Any] = {
            "text": fallback,
            "attachments": [{"color": color, "fallback": fallback, "blocks": blocks}],
        }
        if self.mode == "bot":
            body["channel"] = self.channel
            body["unfurl_links"] = False
            body["unfurl_media"] = False
        return self.fit(body)

    def fit(self, body: dict[str, Any]) -> dict[str, Any]:
        return fit_message(body)

    # -- answers (pure) -------------------------------------------------------------------

    def classify(
        self, status: int, headers: Mapping[str, str], body: bytes, *, now: float | None = None
    ) -> Outcome:
        """Slack's answer as an Outcome (FACTS §2–§3).

        Webhook success is 200 with the plain body `ok`; chat.postMessage success is
        `{"ok": true}` and its failures usually come at HTTP 200 as `{"ok": false}`.
        """
        if status == 429:
            return Outcome(Verdict.RETRY, reason="rate_limited", status=status,
                           retry_after=_retry_after(headers, body, now))
        if status >= 500:
            return Outcome(Verdict.RETRY, reason=_error_code(body) or f"http_{status}",
                           status=status)
        if 200 <= status < 300:
            if self.mode == "webhook" and body.strip() == b"ok":
                return Outcome(Verdict.OK, status=status)
            doc = json_object(body)
            if doc is not None and doc.get("ok") is True and self.mode == "bot":
                return Outcome(Verdict.OK, status=status)
            if doc is not None and doc.get("ok") is False:
                code = short_code(doc.get("error")) or "unknown_error"
                if code in TRANSIENT_ERRORS:
                    return Outcome(Verdict.RETRY, reason=code, status=status,
                                   retry_after=_retry_after(headers, body, now))
                return Outcome(Verdict.PERMANENT, reason=code, status=status)
            return Outcome(Verdict.PERMANENT, reason="unexpected_response", status=status)
        return Outcome(Verdict.PERMANENT, reason=_error_code(body) or f"http_{status}",
                       status=status)

    # -- I/O ------------------------------------------------------------------------------

    async def send(
        self, session: aiohttp.ClientSession, body: dict[str, Any], timeout: float
    ) -> Outcome:
        headers: dict[str, str] = {}
        if self.mode == "bot":
            headers = {"Authorization": f"Bearer {self._token}",
                       "Content-Type": "application/json; charset=utf-8"}
        return await post_json(session, self.url, body, timeout=timeout,
                               classify=self.classify, receiver=self.name, headers=headers)


# -- Slack's limits, applied to a finished body -----------------------------------------


def fit_message(body: dict[str, Any]) -> dict[str, Any]:
    """A copy of a message body (escaped text, as we build it) cut to Slack's limits.

    Each text object is cut to the limit of where it sits, then, if the block text adds
    up to more than Slack takes in one message, the longest texts are cut to a common cap
    so the short ones (header, labels, the link) stay whole. Idempotent; a body already
    within the limits comes back equal.
    """
    out: dict[str, Any] = copy.deepcopy(body)
    texts: list[dict[str, Any]] = []
    if isinstance(out.get("text"), str):
        out["text"] = cut(out["text"], FALLBACK_MAX)
    _fit_blocks(out.get("blocks"), texts)
    for attachment in out.get("attachments") or ():
        if isinstance(attachment, dict):
            if isinstance(attachment.get("fallback"), str):
                attachment["fallback"] = cut(attachment["fallback"], FALLBACK_MAX)
            _fit_blocks(attachment.get("blocks"), texts)
    cap = _common_cap([len(t["text"]) for t in texts], BLOCK_TEXT_TOTAL_MAX)
    if cap is not None:
        for t in texts:
            t["text"] = cut(t["text"], cap)
    return out


def _fit_blocks(blocks: Any, texts: list[dict[str, Any]]) -> None:
    """Cut each text object of `blocks` in place to its limit; collect them in `texts`."""
    if not isinstance(blocks, list):
        return
    for block in blocks:
        if not isinstance(block, dict):
            continue
        kind = block.get("type")
        if kind == "header":
            _fit_text(block.get("text"), HEADER_MAX, texts)
        elif kind == "section":
            _fit_text(block.get("text"), SECTION_TEXT_MAX, texts)
            for fld in block.get("fields") or ():
                _fit_text(fld, SECTION_FIELD_MAX, texts)
        elif kind == "context":
            for element in block.get("elements") or ():
                _fit_text(element, CONTEXT_TEXT_MAX, texts)


def _fit_text(obj: Any, limit: int, texts: list[dict[str, Any]]) -> None:
    if isinstance(obj, dict) and isinstance(obj.get("text"), str):
        obj["text"] = cut(obj["text"], limit)
        texts.append(obj)


def _common_cap(lengths: list[int], total: int) -> int | None:
    """The largest cap with sum(min(n, cap)) <= total, or None when nothing needs cutting."""
    if sum(lengths) <= total:
        return None
    rest = total
    ordered = sorted(lengths)
    for i, n in enumerate(ordered):
        share = rest // (len(ordered) - i)
        if n > share:
            return share
        rest -= n
    return None  # unreachable: the lengths add up to more than `total`


# -- building blocks --------------------------------------------------------------------


def _header(text: str) -> dict[str, Any]:
    return {"type": "header", "text": {"type": "plain_text", "text": text, "emoji": True}}


def _mrkdwn(text: str) -> dict[str, Any]:
    """A mrkdwn text object; `verbatim` stops Slack auto-linking names and `@here`."""
    return {"type": "mrkdwn", "text": text, "verbatim": True}


def _field(label: str, value: str) -> dict[str, Any]:
    return _mrkdwn(f"*{fit(label, 100)}*\n{fit(one_line(value), FIELD_VALUE_MAX)}")


def _alert_fields(alert: Alert) -> list[tuple[str, str | None]]:
    return [
        ("Service", alert.service),
        ("Environment", alert.environment),
        ("Severity", alert.severity.value.capitalize()),
        ("Source", alert.source.value),
        ("Correlation ID", alert.correlation_id),
        ("User", alert.user),
        ("Occurrences", str(alert.occurrences) if alert.occurrences > 1 else None),
        ("Release", alert.release),
        ("Culprit", alert.culprit),
    ]


def _context(alert: Alert) -> list[dict[str, Any]]:
    elements: list[dict[str, Any]] = []
    sentry = link(alert.link, LINK_LABEL)
    if sentry is not None:
        elements.append(_mrkdwn(sentry))
    moment = alert.occurred_at or alert.received_at
    elements.append(_mrkdwn(f"Occurred {_utc(moment)}"))
    return elements


def _utc(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _span(first_at: float, last_at: float) -> str:
    first, last = sorted((first_at, last_at))
    try:
        minutes, sec = divmod(round(last - first), 60)
        hours, minutes = divmod(minutes, 60)
        length = f"{hours}h {minutes}m" if hours else f"{minutes}m {sec}s"
    except (OverflowError, ValueError):
        return "unknown"
    try:
        start = datetime.fromtimestamp(first, UTC)
        end = datetime.fromtimestamp(last, UTC)
    except (OverflowError, OSError, ValueError):
        return length
    same_day = start.date() == end.date()
    until = end.strftime("%H:%M:%S" if same_day else "%Y-%m-%d %H:%M:%S")
    return f"{start.strftime('%Y-%m-%d %H:%M:%S')} – {until} UTC ({length})"


def _severity_counts(by_severity: Mapping[str, int]) -> list[tuple[str, int]]:
    """Known severities first (most severe first), then anything else by name."""
    known = [s.value for s in _SEVERITY_ORDER]
    names = [n for n in known if n in by_severity]
    names += sorted(n for n in by_severity if n not in known)
    return [(one_line(n).capitalize()[:40] or "Unknown", by_severity[n]) for n in names]


def _digest_color(by_severity: Mapping[str, int]) -> str:
    for severity in _SEVERITY_ORDER:
        if by_severity.get(severity.value):
            return _COLOR[severity]
    return _COLOR[Severity.INFO]


def _lines(title: str, lines: list[str], more: int, noun: str) -> str:
    """A titled list of already-escaped lines that stays within one section's limit."""
    more = max(0, more)
    tail = f"…and {more} {noun}" if more else ""
    budget = SECTION_TEXT_MAX - len(title) - len(tail) - 64
    kept: list[str] = []
    used = 0
    for line in lines:
        if used + len(line) + 1 > budget:
            tail = f"…and {more + len(lines) - len(kept)} {noun}"
            break
        kept.append(line)
        used += len(line) + 1
    return "\n".join([title, *kept, *([tail] if tail else [])])


def _retry_after(headers: Mapping[str, str], body: bytes, now: float | None) -> float | None:
    after = parse_retry_after(headers, now=now)
    if after is None:
        doc = json_object(body)
        value = doc.get("retry_after") if doc else None
        if isinstance(value, int | float) and not isinstance(value, bool) and value >= 0:
            after = float(value)
    return after


def _error_code(body: bytes) -> str | None:
    """The short code in a Slack error body: JSON `error`, or the plain-text webhook code."""
    doc = json_object(body)
    if doc is not None:
        return short_code(doc.get("error"))
    try:
        return short_code(body[:64].decode("utf-8"))
    except UnicodeDecodeError:
        return None
