"""The receiver contract: a sink formats and classifies (pure) and sends (I/O), nothing else.

Like Alertmanager's notifiers, a sink never loops or sleeps: retries, pacing, dead letters
and the egress PHI guard belong to the delivery worker, so no sink can skip them.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Protocol

import aiohttp

from relay.model import Alert


class Verdict(enum.StrEnum):
    OK = "ok"
    RETRY = "retry"  # 429, 5xx, timeouts, connection errors
    PERMANENT = "permanent"  # any other 4xx, or a body the receiver rejects


@dataclass(frozen=True)
class Outcome:
    """How one send went. `reason` is a short code from the receiver (never alert content)."""

    verdict: Verdict
    reason: str = ""
    retry_after: float | None = None  # seconds, from Retry-After (seconds or HTTP date)
    status: int | None = None


@dataclass(frozen=True)
class Digest:
    """A storm folded into one message: counts only, plus the top fingerprints."""

    receiver: str
    total: int
    by_severity: Mapping[str, int]
    by_service: Mapping[str, int]
    top: tuple[tuple[str, str, int], ...]  # (fingerprint, title, count), most frequent first
    first_at: float  # unix seconds
    last_at: float


class Sink(Protocol):
    """One configured receiver (a Slack webhook or channel, a PagerDuty routing key)."""

    name: str
    kind: str  # "slack" | "pagerduty"
    #: pacing key: receivers sharing a webhook URL/channel/routing key share one bucket
    pace_key: str

    def format(self, alert: Alert) -> dict[str, Any]:
        """Build the outbound JSON body from the scrubbed alert only (pure)."""
        ...

    def format_digest(self, digest: Digest) -> dict[str, Any] | None:
        """A digest body, or None where this receiver does not fold (PagerDuty)."""
        ...

    def fit(self, body: dict[str, Any]) -> dict[str, Any]:
        """A copy of a body of ours cut to the receiver's limits (pure, idempotent).

        `format` and `format_digest` end with it, and the delivery worker runs it again
        after the egress guard: a redaction can be longer than the value it replaced, and
        a body over a limit is refused for good.
        """
        ...

    def classify(self, status: int, headers: Mapping[str, str], body: bytes) -> Outcome:
        """Turn the receiver's HTTP answer into an Outcome (pure)."""
        ...

    async def send(
        self, session: aiohttp.ClientSession, body: dict[str, Any], timeout: float
    ) -> Outcome:
        """POST the body; network errors and timeouts become Verdict.RETRY outcomes."""
        ...
