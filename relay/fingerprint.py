"""Fingerprints: the dedup key of an alert and the PagerDuty `dedup_key`.

A fingerprint names *the problem*, not one delivery of it: Sentry sends the same issue as
`event_alert`, `error`, `issue.*` and legacy-plugin bodies, and retries with a fresh
Request-ID, so every shape of one issue must land on the same string (that is also how a
resolve finds the PagerDuty incident its trigger opened). Pure functions, no I/O.
"""

from __future__ import annotations

import hashlib
import re

#: Variable parts of a title: 0x-prefixed hex, word-bounded hex runs that contain a digit
#: (ids, hashes, uuids), long all-letter hex runs ("deadbeef"), and any digit run (counts,
#: durations, ids glued to words). Real words ("added", "face") survive: the letters-only
#: alternative needs eight or more hex letters.
_VARIABLE = re.compile(
    r"0[xX][0-9a-fA-F]+"
    r"|\b(?=[0-9a-fA-F]*\d)[0-9a-fA-F]+\b"
    r"|\b[0-9a-fA-F]{8,}\b"
    r"|\d+"
)
_SPACE = re.compile(r"\s+")


def mask_variable(text: str) -> str:
    """The title with digits and hex runs replaced by `#`, whitespace collapsed."""
    return _SPACE.sub(" ", _VARIABLE.sub("#", text)).strip()


def _digest(*parts: str) -> str:
    joined = "\x1f".join(parts).encode("utf-8", "surrogatepass")
    return hashlib.sha256(joined).hexdigest()[:32]


def sentry_issue(project: str, issue_id: str) -> str:
    """One Sentry issue (group), whatever envelope carried it."""
    return f"sentry:{project}:{issue_id}"


def sentry_untracked(project: str, title: str) -> str:
    """A Sentry event whose issue id cannot be found (an old `event_alert` without
    `issue_id` and without any issue URL): the masked title stands in for the issue, so
    repeats still fold together; it cannot match the `issue.*` webhooks of that issue."""
    return f"sentry:{project}:~{_digest(mask_variable(title))}"


def sentry_metric(rule_id: str) -> str:
    """One metric alert rule: critical, warning and resolved share it."""
    return f"sentry-metric:{rule_id}"


def direct(service: str, environment: str, title: str) -> str:
    """A direct alert without `dedup_key`: the same service, environment and title
    (numbers and hex masked) is the same problem."""
    return "direct:" + _digest(service, environment, mask_variable(title))


def alertmanager(fp: str) -> str:
    """Alertmanager already computes a stable per-alert fingerprint."""
    return f"am:{fp}"
