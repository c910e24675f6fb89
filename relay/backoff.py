"""Retry timing and the per-receiver circuit breaker: pure policy, no clock, no I/O.

The delivery worker owns the loop; these functions only answer "when next?" and "may I
send now?", with `now` passed in, so every branch is testable without sockets or sleeps.
"""

from __future__ import annotations

import enum
import random
from collections.abc import Callable
from dataclasses import dataclass, replace

Uniform = Callable[[float, float], float]


def backoff_delay(
    attempts: int, *, base: float, cap: float, uniform: Uniform = random.uniform
) -> float:
    """Full-jitter exponential backoff: uniform(0, min(cap, base * 2**attempts)).

    Full jitter (rather than equal or decorrelated jitter) spreads a herd of rows that failed
    together across the whole window, which is what an outage of one receiver produces.
    """
    if base <= 0 or cap <= 0:
        raise ValueError("backoff base and cap must be positive")
    # 2**attempts overflows float long before it matters; clamp the exponent.
    ceiling = min(cap, base * 2.0 ** min(max(attempts, 0), 62))
    return uniform(0.0, ceiling)


def next_attempt_at(
    now: float,
    attempts: int,
    *,
    base: float,
    cap: float,
    retry_after: float | None = None,
    uniform: Uniform = random.uniform,
) -> float:
    """When a row that just failed with a retryable outcome may be tried again.

    Never earlier than the receiver's Retry-After (which may exceed `cap`: the receiver's word
    beats our ceiling), otherwise the jittered backoff.
    """
    delay = backoff_delay(attempts, base=base, cap=cap, uniform=uniform)
    if retry_after is not None and retry_after > delay:
        delay = retry_after
    return now + delay


class BreakerState(enum.StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


@dataclass(frozen=True)
class Breaker:
    """A circuit breaker as an immutable value; each transition returns a new one.

    CLOSED counts consecutive retryable failures; at `threshold` it OPENs for `cooldown`
    seconds (doubling on each failed probe, up to `max_cooldown`). After the cool-down the
    next `before_send` turns it HALF_OPEN: exactly one probe goes out; success closes it,
    failure re-opens it. A receiver that is down therefore costs one request per cool-down
    instead of one per queued row.
    """

    threshold: int = 5
    cooldown: float = 30.0
    max_cooldown: float = 300.0
    state: BreakerState = BreakerState.CLOSED
    failures: int = 0  # consecutive retryable failures
    opened_at: float | None = None
    reopen_count: int = 0  # failed probes since the breaker first opened

    @property
    def current_cooldown(self) -> float:
        return min(self.max_cooldown, self.cooldown * 2.0 ** min(self.reopen_count, 30))

    def wait(self, now: float) -> float:
        """Seconds until a send is allowed (0.0: go ahead)."""
        if self.state is BreakerState.OPEN and self.opened_at is not None:
            return max(0.0, self.opened_at + self.current_cooldown - now)
        return 0.0

    def before_send(self, now: float) -> Breaker:
        """Call when a send is about to go out; an OPEN breaker past its cool-down probes."""
        if self.state is BreakerState.OPEN and self.wait(now) == 0.0:
            return replace(self, state=BreakerState.HALF_OPEN)
        return self

    def on_success(self) -> Breaker:
        return replace(
            self, state=BreakerState.CLOSED, failures=0, opened_at=None, reopen_count=0
        )

    def on_failure(self, now: float) -> Breaker:
        failures = self.failures + 1
        if self.state is BreakerState.HALF_OPEN:
            return replace(
                self, state=BreakerState.OPEN, failures=failures, opened_at=now,
                reopen_count=self.reopen_count + 1,
            )
        if self.state is BreakerState.CLOSED and failures >= self.threshold:
            return replace(self, state=BreakerState.OPEN, failures=failures, opened_at=now)
        return replace(self, failures=failures)
