"""PagerDuty Events API v2 receiver: a trigger per alert, a resolve that closes it.

The dedup key is the alert's fingerprint, so repeats update one incident and a resolve
closes the incident its trigger opened. Only an allowlist of alert fields goes into
`custom_details`; each value is bounded so the body stays far below PagerDuty's 512 KB.
PagerDuty pages people one incident at a time, so it never receives digests.

The bounds live in one place, `fit_event`: `format` ends with it, and the delivery worker
runs it again after the egress guard, whose `[REDACTED:KIND]` can be longer than what it
replaced (a 1,025-character summary is a permanent 400).
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Mapping
from typing import Any

import aiohttp

from relay.model import Action, Alert
from relay.sinks.base import Digest, Outcome, Verdict
from relay.sinks.http import (
    SinkConfigError,
    https_url,
    json_object,
    pace_key,
    parse_retry_after,
    post_json,
    rfc3339,
    short_code,
    truncate,
)

SUMMARY_MAX = 1024
DEDUP_KEY_MAX = 255
DETAIL_MAX = 1024
SOURCE_MAX = 255
CLIENT = "Relay"
LINK_TEXT = "View in Sentry"

#: Alert fields copied into custom_details; nothing else (tags, message) rides along.
DETAIL_FIELDS = (
    "correlation_id", "user", "occurrences", "sentry_issue_id", "sentry_event_id",
    "sentry_project", "release", "environment",
)


def dedup_key(fingerprint: str) -> str:
    """The fingerprint when it fits in 255 characters, else a readable prefix + its sha256.

    Deterministic, so the resolve finds the trigger's incident.
    """
    if len(fingerprint) <= DEDUP_KEY_MAX:
        return fingerprint
    digest = hashlib.sha256(fingerprint.encode("utf-8")).hexdigest()
    return f"{fingerprint[: DEDUP_KEY_MAX - len(digest) - 1]}:{digest}"


#: payload text fields and their bounds (summary's is PagerDuty's; the others are ours)
PAYLOAD_MAX = {"summary": SUMMARY_MAX, "source": SOURCE_MAX, "component": SOURCE_MAX,
               "group": SOURCE_MAX}


def fit_event(body: dict[str, Any]) -> dict[str, Any]:
    """A copy of an event body with every text field cut to its bound (idempotent)."""
    out: dict[str, Any] = copy.deepcopy(body)
    payload = out.get("payload")
    if not isinstance(payload, dict):
        return out  # acknowledge/resolve: keys only
    for name, limit in PAYLOAD_MAX.items():
        if isinstance(payload.get(name), str):
            payload[name] = truncate(payload[name], limit)
    details = payload.get("custom_details")
    if isinstance(details, dict):
        for name, value in details.items():
            if isinstance(value, str):
                details[name] = truncate(value, DETAIL_MAX)
    return out


class PagerDutySink:
    kind = "pagerduty"

    def __init__(
        self,
        name: str,
        *,
        routing_key: str,
        events_url: str = "https://events.pagerduty.com/v2/enqueue",
    ) -> None:
        if not routing_key:
            raise SinkConfigError(f"PagerDuty receiver {name!r}: a routing key is required")
        self.name = name
        self.url = events_url
        self._routing_key = routing_key
        self.pace_key = pace_key("pagerduty", routing_key)

    def __repr__(self) -> str:  # never the routing key: it is the credential
        return f"PagerDutySink(name={self.name!r})"

    def format(self, alert: Alert) -> dict[str, Any]:
        key = dedup_key(alert.fingerprint)
        if alert.action is Action.RESOLVE:
            return {"routing_key": self._routing_key, "dedup_key": key,
                    "event_action": "resolve"}
        details: dict[str, Any] = {}
        for name in DETAIL_FIELDS:
            value = getattr(alert, name)
            if value is not None and value != "":
                details[name] = value
        body: dict[str, Any] = {
            "routing_key": self._routing_key,
            "event_action": "trigger",
            "dedup_key": key,
            "payload": {
                "summary": " ".join(alert.title.split()) or "(no title)",
                "source": f"{alert.service}/{alert.environment}",
                "severity": alert.severity.value,
                "timestamp": rfc3339(alert.occurred_at or alert.received_at),
                "component": alert.service,
                "group": alert.environment,
                "class": alert.source.value,
                "custom_details": details,
            },
            "client": CLIENT,
        }
        href = https_url(alert.link)
        if href is not None:
            body["links"] = [{"href": href, "text": LINK_TEXT}]
        return self.fit(body)

    def fit(self, body: dict[str, Any]) -> dict[str, Any]:
        return fit_event(body)

    def format_digest(self, digest: Digest) -> dict[str, Any] | None:
        return None

    def classify(
        self, status: int, headers: Mapping[str, str], body: bytes, *, now: float | None = None
    ) -> Outcome:
        """PagerDuty's answer as an Outcome (FACTS §1): 202 + status success is the only OK."""
        if status == 429:
            return Outcome(Verdict.RETRY, reason="rate_limited", status=status,
                           retry_after=parse_retry_after(headers, now=now))
        doc = json_object(body)
        code = short_code(doc.get("status")) if doc else None
        if status >= 500:
            return Outcome(Verdict.RETRY, reason=f"http_{status}", status=status,
                           retry_after=parse_retry_after(headers, now=now))
        if 200 <= status < 300:
            if doc is not None and doc.get("status") == "success":
                return Outcome(Verdict.OK, status=status)
            return Outcome(Verdict.PERMANENT, reason="unexpected_response", status=status)
        return Outcome(Verdict.PERMANENT, reason=code or f"http_{status}", status=status)

    async def send(
        self, session: aiohttp.ClientSession, body: dict[str, Any], timeout: float
    ) -> Outcome:
        return await post_json(session, self.url, body, timeout=timeout,
                               classify=self.classify, receiver=self.name)
