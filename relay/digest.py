"""Fold a storm of alerts into one Digest: counts only, plus the most frequent fingerprints.

Pure: the delivery worker decides *when* to fold and sends the result; this decides *what*
the digest says, so every folded alert is accounted for exactly once.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from relay.model import Alert
from relay.sinks.base import Digest


def should_fold(
    pending: int, oldest_age: float | None, *, threshold: int, max_age: float, min_rows: int
) -> bool:
    """Fold when the backlog is beyond `threshold`, or when at least `min_rows` have waited
    `max_age` (a slow trickle behind a rate limit); never fold a single alert."""
    if pending > max(1, threshold):
        return True
    return pending >= max(2, min_rows) and oldest_age is not None and oldest_age >= max_age


def build_digest(receiver: str, alerts: Sequence[Alert], *, top_n: int = 5) -> Digest:
    if not alerts:
        raise ValueError("a digest needs at least one alert")
    by_fp: Counter[str] = Counter(a.fingerprint for a in alerts)
    titles: dict[str, str] = {}
    for a in alerts:  # the latest title for a fingerprint is the one people recognise
        titles[a.fingerprint] = a.title
    top = tuple(
        (fp, titles[fp], n)
        for fp, n in sorted(by_fp.items(), key=lambda item: (-item[1], item[0]))[:top_n]
    )
    times = [a.received_at.timestamp() for a in alerts]
    return Digest(
        receiver=receiver,
        total=len(alerts),
        by_severity=dict(Counter(a.severity.value for a in alerts)),
        by_service=dict(Counter(a.service for a in alerts)),
        top=top,
        first_at=min(times),
        last_at=max(times),
    )
