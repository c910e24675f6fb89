"""Named time intervals (maintenance windows, business hours), as Alertmanager's
`time_intervals`, so routes can be muted or active only at certain times.

Routing-file shape (Alertmanager's, so its configs can be copied):

    time_intervals:
      - name: nightly-maintenance
        time_intervals:                     # any of these
          - times: [{start_time: "22:00", end_time: "24:00"}]
            weekdays: ["monday:friday"]     # all fields given must hold; absent = any
            location: America/New_York      # IANA zone; default UTC
          - weekdays: [saturday, sunday]
            days_of_month: ["1:7", "-1"]    # -1 is the last day of the month
            months: ["january:march", "12"]
            years: ["2025:2026"]

Semantics follow Alertmanager: times are wall-clock in `location`, start inclusive, end
exclusive, `24:00` allowed as an end, one range never crosses midnight (write two).
Ranges are inclusive; negative days of month count from the end and are clamped to the
month. Deliberate superset: weekday and month ranges may wrap (`friday:monday`,
`november:february`); Alertmanager rejects those, so its valid configs mean the same here.
Across DST, wall-clock is what counts: a window at 02:00–03:00 does not occur on the
spring-forward day and covers both 01:30s on the fall-back day when it includes them.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
MONTHS = tuple(m.lower() for m in calendar.month_name[1:])
_HHMM = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)$")
_SPEC_KEYS = frozenset({"times", "weekdays", "days_of_month", "months", "years", "location"})


class TimeIntervalError(Exception):
    """Every problem in the `time_intervals` section, each naming where it is."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Span:
    """An inclusive range of numbers; `start > end` wraps around a cycle (weekday, month)."""

    start: int
    end: int

    def holds(self, value: int) -> bool:
        if self.start <= self.end:
            return self.start <= value <= self.end
        return value >= self.start or value <= self.end


@dataclass(frozen=True)
class TimeRange:
    """Minutes of the day, [start, end)."""

    start: int
    end: int


@dataclass(frozen=True)
class TimeSpec:
    """One entry of a named interval: every non-empty field must hold."""

    times: tuple[TimeRange, ...] = ()
    weekdays: tuple[Span, ...] = ()  # 0 = monday
    days_of_month: tuple[Span, ...] = ()  # may be negative: -1 = last day
    months: tuple[Span, ...] = ()  # 1 = january
    years: tuple[Span, ...] = ()
    location: tzinfo = UTC

    def contains(self, when: datetime) -> bool:
        local = when.astimezone(self.location)
        minute = local.hour * 60 + local.minute
        if self.times and not any(r.start <= minute < r.end for r in self.times):
            return False
        if self.weekdays and not any(s.holds(local.weekday()) for s in self.weekdays):
            return False
        if self.days_of_month and not any(
            _day_holds(s, local) for s in self.days_of_month
        ):
            return False
        if self.months and not any(s.holds(local.month) for s in self.months):
            return False
        return not self.years or any(s.holds(local.year) for s in self.years)


def _day_holds(span: Span, local: datetime) -> bool:
    """Alertmanager's rule: negative days count back from the month's end (-1 = last day);
    a start past the month's end never holds; the end is clamped to the month."""
    days = calendar.monthrange(local.year, local.month)[1]
    start = span.start if span.start > 0 else days + span.start + 1
    end = span.end if span.end > 0 else days + span.end + 1
    if start > days:
        return False
    return max(start, 1) <= local.day <= min(end, days)


@dataclass(frozen=True)
class TimeInterval:
    name: str
    specs: tuple[TimeSpec, ...]


def in_interval(interval: TimeInterval, when: datetime) -> bool:
    """Whether `when` falls in any of the interval's specs. A naive `when` is taken as UTC."""
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return any(spec.contains(when) for spec in interval.specs)


def unknown_names(names: Iterable[str], intervals: Mapping[str, TimeInterval]) -> list[str]:
    """Names a route refers to that are not defined (for config validation: fail closed)."""
    return [n for n in names if n not in intervals]


def route_muted(
    mute_names: Iterable[str],
    active_names: Iterable[str],
    intervals: Mapping[str, TimeInterval],
    when: datetime,
) -> bool:
    """A route is muted when `when` is in any of its `mute_time_intervals`, or when it has
    `active_time_intervals` and `when` is in none of them. Names must have been checked with
    `unknown_names` at load time; an unknown one raises KeyError."""
    if any(in_interval(intervals[n], when) for n in mute_names):
        return True
    active = [intervals[n] for n in active_names]
    return bool(active) and not any(in_interval(i, when) for i in active)


# -- parsing --------------------------------------------------------------------------------

class _Problems:
    def __init__(self, origin: str) -> None:
        self.origin = origin
        self.items: list[str] = []

    def add(self, node: Any, where: str, msg: str) -> None:
        line = node.get("__line__") if isinstance(node, dict) else None
        at = f"{self.origin}:{line}" if line else self.origin
        self.items.append(f"{at}: {where}: {msg}")


def _items(raw: Any, where: str, node: Any, problems: _Problems) -> list[Any]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        problems.add(node, where, "must be a list")
        return []
    return raw


def _named(token: str, names: tuple[str, ...], base: int) -> int | None:
    token = token.strip().lower()
    if token in names:
        return names.index(token) + base
    return None


def _number(token: str, low: int, high: int) -> int | None:
    token = token.strip()
    try:
        value = int(token)
    except ValueError:
        return None
    return value if low <= value <= high else None


def _spans(raw: Any, field: str, node: Any, where: str, problems: _Problems) -> tuple[Span, ...]:
    out: list[Span] = []
    for j, item in enumerate(_items(raw, f"{where}.{field}", node, problems)):
        at = f"{where}.{field}[{j}]"
        if isinstance(item, int) and not isinstance(item, bool):
            item = str(item)
        if not isinstance(item, str) or item.count(":") > 1 or not item.strip():
            shown = f"'{item}' " if isinstance(item, str) else ""
            problems.add(node, at, f"{shown}must be a value or a 'start:end' range")
            continue
        parts = item.split(":")
        values = [_parse_one(field, p) for p in parts]
        if any(v is None for v in values):
            problems.add(node, at, f"'{item}' is not {_EXPECTED[field]}")
            continue
        start, end = values[0], values[-1]
        assert start is not None and end is not None
        if field == "days_of_month":
            if start < 0 < end or ((start > 0) == (end > 0) and start > end):
                problems.add(node, at, f"'{item}': start day must not be after end day "
                                       "(a negative start needs a negative end)")
                continue
        elif field == "years" and start > end:
            problems.add(node, at, f"'{item}': start year must not be after end year")
            continue
        out.append(Span(start, end))
    return tuple(out)


_EXPECTED = {
    "weekdays": "a weekday name (monday … sunday)",
    "days_of_month": "a day of the month (1 … 31, or -31 … -1 from the end)",
    "months": "a month (name or 1 … 12)",
    "years": "a year (1 … 9999)",
}


def _parse_one(field: str, token: str) -> int | None:
    if field == "weekdays":
        return _named(token, WEEKDAYS, 0)
    if field == "months":
        return _named(token, MONTHS, 1) or _number(token, 1, 12)
    if field == "years":
        return _number(token, 1, 9999)
    day = _number(token, -31, 31)
    return None if day == 0 else day


def _minutes(value: Any) -> int | None:
    if not isinstance(value, str):
        return None
    m = _HHMM.match(value.strip())
    if not m:
        return None
    minutes = int(m.group(1)) * 60 + int(m.group(2))
    return minutes if minutes <= 24 * 60 else None


def _times(raw: Any, node: Any, where: str, problems: _Problems) -> tuple[TimeRange, ...]:
    out: list[TimeRange] = []
    for j, item in enumerate(_items(raw, f"{where}.times", node, problems)):
        at = f"{where}.times[{j}]"
        if not isinstance(item, dict):
            problems.add(node, at, "must be {start_time: 'HH:MM', end_time: 'HH:MM'}")
            continue
        extra = sorted(set(item) - {"start_time", "end_time", "__line__"})
        if extra:
            problems.add(item, at, f"unknown key '{extra[0]}' (start_time, end_time)")
        start, end = _minutes(item.get("start_time")), _minutes(item.get("end_time"))
        if start is None or end is None:
            problems.add(item, at, "start_time and end_time must be 'HH:MM' (00:00 … 24:00)")
            continue
        if start >= end:
            problems.add(item, at, "start_time must be before end_time; a range cannot "
                                   "cross midnight (split it: …–24:00 and 00:00–…)")
            continue
        out.append(TimeRange(start, end))
    return tuple(out)


def _location(raw: Any, node: Any, where: str, problems: _Problems) -> tzinfo:
    if raw is None:
        return UTC
    if not isinstance(raw, str) or raw.strip().lower() == "local":
        problems.add(node, f"{where}.location", "must be an IANA time zone name "
                                                "(e.g. Europe/Berlin); 'Local' is not allowed")
        return UTC
    if raw.strip().upper() == "UTC":
        return UTC
    try:
        return ZoneInfo(raw.strip())
    except (ZoneInfoNotFoundError, ValueError):
        problems.add(node, f"{where}.location", f"unknown time zone '{raw}'")
        return UTC


def _spec(raw: Any, where: str, problems: _Problems) -> TimeSpec | None:
    if not isinstance(raw, dict):
        problems.add(None, where, "must be a mapping of times, weekdays, days_of_month, "
                                  "months, years, location")
        return None
    before = len(problems.items)
    for key in raw:
        if key != "__line__" and key not in _SPEC_KEYS:
            problems.add(raw, where, f"unknown key '{key}' (one of "
                                     f"{', '.join(sorted(_SPEC_KEYS))})")
    spec = TimeSpec(
        times=_times(raw.get("times"), raw, where, problems),
        weekdays=_spans(raw.get("weekdays"), "weekdays", raw, where, problems),
        days_of_month=_spans(raw.get("days_of_month"), "days_of_month", raw, where, problems),
        months=_spans(raw.get("months"), "months", raw, where, problems),
        years=_spans(raw.get("years"), "years", raw, where, problems),
        location=_location(raw.get("location"), raw, where, problems),
    )
    return spec if len(problems.items) == before else None


def parse_time_intervals(raw: Any, *, origin: str = "time_intervals") -> dict[str, TimeInterval]:
    """The routing file's `time_intervals` list (YAML-loaded; `__line__` keys, as
    relay.config's loader adds them, are used for locations) → {name: TimeInterval}.
    Raises TimeIntervalError listing every problem, each as `origin[:line]: where: what`."""
    problems = _Problems(origin)
    out: dict[str, TimeInterval] = {}
    if raw is None:
        return out
    if not isinstance(raw, list):
        raise TimeIntervalError([f"{origin}: time_intervals must be a list of "
                                 "{name, time_intervals}"])
    for i, entry in enumerate(raw):
        where = f"time_intervals[{i}]"
        if not isinstance(entry, dict):
            problems.add(None, where, "must be a mapping with name and time_intervals")
            continue
        for key in entry:
            if key not in {"__line__", "name", "time_intervals"}:
                problems.add(entry, where, f"unknown key '{key}' (name, time_intervals)")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            problems.add(entry, where, "name must be a non-empty string")
            name = None
        elif name in out:
            problems.add(entry, where, f"duplicate name '{name}'")
        else:
            where = f"time_intervals[{i}] '{name}'"
        specs_raw = entry.get("time_intervals")
        if not isinstance(specs_raw, list) or not specs_raw:
            problems.add(entry, where, "time_intervals must be a non-empty list")
            continue
        specs = [_spec(s, f"{where}.time_intervals[{j}]", problems)
                 for j, s in enumerate(specs_raw)]
        if name is not None and name not in out and all(s is not None for s in specs):
            out[name] = TimeInterval(name, tuple(s for s in specs if s is not None))
    if problems.items:
        raise TimeIntervalError(problems.items)
    return out
