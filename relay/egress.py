"""The egress guard: the last PHI check on an outbound body, run by the delivery worker.

Alerts are scrubbed at ingest; this pass catches what a sink's formatting might have
assembled into something identifying (or what a detector learned since the row was queued).
It runs the scrubber over every string of the body except the values of structural keys —
routing keys, dedup keys, enum-like fields, block ids, configured URLs — which are ours,
not the alert's, and which the receiver needs byte-exact (a redacted `dedup_key` would
orphan a PagerDuty incident; a redacted `routing_key` would bounce every event).
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Protocol

#: Values under these keys are passed through untouched (at any depth).
STRUCTURAL_KEYS: frozenset[str] = frozenset({
    # PagerDuty Events v2
    "routing_key", "dedup_key", "event_action", "severity", "client_url", "client",
    # Slack
    "type", "color", "channel", "block_id", "action_id", "style", "icon_url", "icon_emoji",
    "username", "mrkdwn", "unfurl_links", "unfurl_media", "emoji", "verbatim",
})


class JsonScrubber(Protocol):
    """What the guard needs of relay.scrub.Scrubber."""

    def scrub_json(self, value: Any, *, keys: bool = True) -> tuple[Any, Counter[str]]: ...


def guard(
    body: dict[str, Any], scrubber: JsonScrubber, *, keep: frozenset[str] = STRUCTURAL_KEYS
) -> tuple[dict[str, Any], Counter[str]]:
    """Return the body with every non-structural string scrubbed, and what was redacted.

    `keys=False`: body keys are the sink's schema, not data, so the scrubber's
    sensitive-key rule (drop the whole value under `password`, `email`, …) must not fire on
    them; every string value is still scanned by the detectors.
    """
    counts: Counter[str] = Counter()
    clean = _walk(body, scrubber, keep, counts)
    assert isinstance(clean, dict)
    return clean, counts


def _walk(value: Any, scrubber: JsonScrubber, keep: frozenset[str], counts: Counter[str]) -> Any:
    if isinstance(value, str):
        out, found = scrubber.scrub_json(value, keys=False)
        counts.update(found)
        return out
    if isinstance(value, dict):
        return {
            k: v if k in keep else _walk(v, scrubber, keep, counts) for k, v in value.items()
        }
    if isinstance(value, list | tuple):
        return [_walk(v, scrubber, keep, counts) for v in value]
    return value
