"""Route an alert to receivers: ordered routes, first match wins unless `continue`.

Pure: takes the scrubbed alert and the validated table, returns receiver names in order
(each at most once) and the names of the routes that matched, for `relay routes test`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from relay.config import Matcher, Route
from relay.model import Alert


@dataclass(frozen=True)
class RouteResult:
    receivers: tuple[str, ...]
    routes: tuple[str, ...]
    muted: tuple[str, ...] = ()  # matched routes whose time intervals mute them now


def matches(m: Matcher, alert: Alert) -> bool:
    checks = (
        (m.severity, alert.severity.value),
        (m.service, alert.service),
        (m.environment, alert.environment),
        (m.source, alert.source.value),
    )
    if any(allowed and value not in allowed for allowed, value in checks):
        return False
    return all(alert.tags.get(key) in allowed for key, allowed in m.tags)


def route(
    alert: Alert, routes: Iterable[Route], usable: frozenset[str] | None = None,
    muted: Callable[[Route], bool] | None = None,
) -> RouteResult:
    """Receivers for `alert`; `usable` (configured receivers) filters out unconfigured ones.

    A muted route still matches (and stops the walk unless `continue`), like Alertmanager's
    `mute_time_intervals`: the alert is not sent to its receivers rather than falling through.
    """
    receivers: list[str] = []
    matched: list[str] = []
    silent: list[str] = []
    for r in routes:
        if not matches(r.match, alert):
            continue
        matched.append(r.name)
        if muted is not None and muted(r):
            silent.append(r.name)
            if not r.cont:
                break
            continue
        for name in r.receivers:
            if name not in receivers and (usable is None or name in usable):
                receivers.append(name)
        if not r.cont:
            break
    return RouteResult(tuple(receivers), tuple(matched), tuple(silent))
