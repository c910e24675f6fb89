"""Time intervals: Alertmanager semantics, midnight, DST, every config problem listed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import yaml

from relay.timeintervals import (
    TimeInterval,
    TimeIntervalError,
    in_interval,
    parse_time_intervals,
    route_muted,
    unknown_names,
)

NY = ZoneInfo("America/New_York")


def one(spec: dict[str, Any]) -> TimeInterval:
    return parse_time_intervals([{"name": "x", "time_intervals": [spec]}])["x"]


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def test_times_start_inclusive_end_exclusive() -> None:
    iv = one({"times": [{"start_time": "09:00", "end_time": "17:30"}]})
    assert not in_interval(iv, utc(2024, 5, 1, 8, 59, 59))
    assert in_interval(iv, utc(2024, 5, 1, 9, 0))
    assert in_interval(iv, utc(2024, 5, 1, 17, 29, 59))
    assert not in_interval(iv, utc(2024, 5, 1, 17, 30))


def test_night_window_across_midnight_as_two_ranges() -> None:
    iv = one({"times": [{"start_time": "22:00", "end_time": "24:00"},
                        {"start_time": "00:00", "end_time": "06:00"}]})
    hits = [h for h in range(24) if in_interval(iv, utc(2024, 5, 1, h, 30))]
    assert hits == [0, 1, 2, 3, 4, 5, 22, 23]
    assert in_interval(iv, utc(2024, 5, 1, 23, 59, 59))
    assert in_interval(iv, utc(2024, 5, 2, 0, 0))


def test_weekday_night_belongs_to_its_own_day() -> None:
    """Friday 22:00–24:00 is Friday; the Saturday small hours are not in a monday:friday
    window (as in Alertmanager: each range is evaluated on the local day it falls in)."""
    iv = one({"weekdays": ["monday:friday"],
              "times": [{"start_time": "22:00", "end_time": "24:00"}]})
    friday = utc(2024, 5, 3, 23, 0)
    assert friday.weekday() == 4
    assert in_interval(iv, friday)
    assert not in_interval(iv, friday + timedelta(hours=2))  # saturday 01:00
    assert not in_interval(iv, utc(2024, 5, 4, 23, 0))  # saturday 23:00


def test_location_wall_clock_and_weekday_shift() -> None:
    iv = one({"weekdays": ["monday"], "times": [{"start_time": "20:00", "end_time": "24:00"}],
              "location": "America/New_York"})
    # Monday 21:00 in New York (EDT, UTC-4) is Tuesday 01:00 UTC
    assert in_interval(iv, utc(2024, 5, 7, 1, 0))
    assert not in_interval(iv, utc(2024, 5, 6, 21, 0))  # Monday 17:00 in New York


def test_dst_spring_forward_window_does_not_occur() -> None:
    """2024-03-10 in New York: 02:00 jumps to 03:00, so a 02:00–03:00 window is empty that
    day, while the day before it lasts one hour."""
    iv = one({"times": [{"start_time": "02:00", "end_time": "03:00"}],
              "location": "America/New_York"})

    def minutes_in(day: datetime) -> int:
        return sum(in_interval(iv, day + timedelta(minutes=m)) for m in range(0, 24 * 60))

    assert minutes_in(datetime(2024, 3, 9, tzinfo=NY).astimezone(UTC)) == 60
    assert minutes_in(datetime(2024, 3, 10, tzinfo=NY).astimezone(UTC)) == 0


def test_dst_fall_back_window_covers_both_hours() -> None:
    """2024-11-03 in New York: 01:00–02:00 happens twice; both are in the window."""
    iv = one({"times": [{"start_time": "01:00", "end_time": "02:00"}],
              "location": "America/New_York"})
    first = datetime(2024, 11, 3, 1, 30, tzinfo=NY, fold=0).astimezone(UTC)
    second = datetime(2024, 11, 3, 1, 30, tzinfo=NY, fold=1).astimezone(UTC)
    assert second - first == timedelta(hours=1)
    assert in_interval(iv, first) and in_interval(iv, second)
    start = datetime(2024, 11, 3, 0, 0, tzinfo=NY).astimezone(UTC)
    inside = sum(in_interval(iv, start + timedelta(minutes=m)) for m in range(25 * 60))
    assert inside == 120


def test_days_of_month_negative_and_clamped() -> None:
    last = one({"days_of_month": ["-1"]})
    assert in_interval(last, utc(2024, 2, 29, 12))  # leap year
    assert not in_interval(last, utc(2024, 2, 28, 12))
    assert in_interval(last, utc(2023, 2, 28, 12))
    first_week = one({"days_of_month": ["1:7"]})
    assert [d for d in range(1, 31) if in_interval(first_week, utc(2024, 4, d))] == list(
        range(1, 8))
    to_end = one({"days_of_month": ["25:31"]})
    assert in_interval(to_end, utc(2024, 2, 29)) and not in_interval(to_end, utc(2024, 2, 24))
    past_end = one({"days_of_month": ["30:31"]})
    assert not any(in_interval(past_end, utc(2023, 2, d)) for d in range(1, 29))
    whole = one({"days_of_month": ["1:-1"]})
    assert all(in_interval(whole, utc(2024, 2, d)) for d in range(1, 30))


def test_months_years_weekdays_and_wrap() -> None:
    winter = one({"months": ["november:february"]})
    assert [m for m in range(1, 13) if in_interval(winter, utc(2024, m, 1))] == [1, 2, 11, 12]
    assert one({"months": ["3", "june"]}).specs[0].months[0].start == 3
    weekend = one({"weekdays": ["saturday:sunday"]})
    assert [d for d in range(6, 13) if in_interval(weekend, utc(2024, 5, d))] == [11, 12]
    long_weekend = one({"weekdays": ["friday:monday"]})
    assert [utc(2024, 5, d).weekday() for d in range(6, 13)
            if in_interval(long_weekend, utc(2024, 5, d))] == [0, 4, 5, 6]
    years = one({"years": ["2025:2026", 2030]})
    assert [y for y in (2024, 2025, 2026, 2027, 2030) if in_interval(years, utc(y, 1, 1))] == [
        2025, 2026, 2030]


def test_all_fields_must_hold_and_any_spec_may() -> None:
    iv = parse_time_intervals([{"name": "m", "time_intervals": [
        {"weekdays": ["saturday"], "times": [{"start_time": "10:00", "end_time": "12:00"}]},
        {"days_of_month": ["15"]},
    ]}])["m"]
    assert in_interval(iv, utc(2024, 5, 11, 11))  # saturday 11:00
    assert not in_interval(iv, utc(2024, 5, 11, 13))  # saturday 13:00
    assert not in_interval(iv, utc(2024, 5, 10, 11))  # friday 11:00
    assert in_interval(iv, utc(2024, 5, 15, 3))  # the 15th, any time
    assert in_interval(one({}), utc(2024, 1, 1))  # an empty spec is always (as Alertmanager)


def test_naive_datetime_is_utc() -> None:
    iv = one({"times": [{"start_time": "09:00", "end_time": "10:00"}]})
    assert in_interval(iv, datetime(2024, 5, 1, 9, 30))


def test_route_muted() -> None:
    ivs = parse_time_intervals([
        {"name": "night", "time_intervals": [{"times": [{"start_time": "00:00",
                                                         "end_time": "06:00"}]}]},
        {"name": "office", "time_intervals": [{"weekdays": ["monday:friday"],
                                               "times": [{"start_time": "09:00",
                                                          "end_time": "17:00"}]}]},
    ])
    night, tue_noon, sat_noon = utc(2024, 5, 7, 3), utc(2024, 5, 7, 12), utc(2024, 5, 11, 12)
    assert route_muted(["night"], [], ivs, night)
    assert not route_muted(["night"], [], ivs, tue_noon)
    assert not route_muted([], [], ivs, night)
    assert route_muted([], ["office"], ivs, sat_noon)
    assert not route_muted([], ["office"], ivs, tue_noon)
    assert route_muted(["office"], ["office"], ivs, tue_noon)  # mute wins
    assert unknown_names(["night", "nope"], ivs) == ["nope"]
    with pytest.raises(KeyError):
        route_muted(["nope"], [], ivs, night)


def test_yaml_with_lines_and_every_problem_listed() -> None:
    from relay.config import _LineLoader  # the routing file's loader adds __line__

    text = """\
time_intervals:
  - name: ok
    time_intervals:
      - weekdays: [monday]
  - name: bad
    time_intervals:
      - times: [{start_time: "22:00", end_time: "06:00"}, {start_time: "9", end_time: "10:00"}]
        weekdays: [funday, "monday:tuesday:wednesday"]
        days_of_month: ["0", "-1:5", "10:2"]
        months: [smarch, 13]
        years: ["2026:2025"]
        location: Mars/Olympus
        hours: [1]
  - name: ok
    time_intervals: []
  - time_intervals: [3]
"""
    doc = yaml.load(text, Loader=_LineLoader)
    with pytest.raises(TimeIntervalError) as info:
        parse_time_intervals(doc["time_intervals"], origin="routing.yaml")
    problems = info.value.problems
    joined = "\n".join(problems)
    for expected in ("cross midnight", "'HH:MM'", "'funday' is not a weekday",
                     "monday:tuesday:wednesday", "'0' is not a day", "'-1:5'", "'10:2'",
                     "'smarch' is not a month", "'13' is not a month", "'2026:2025'",
                     "unknown time zone 'Mars/Olympus'", "unknown key 'hours'",
                     "duplicate name 'ok'", "name must be a non-empty string",
                     "time_intervals[3].time_intervals[0]: must be a mapping"):
        assert expected in joined, expected
    assert len(problems) == 16
    assert all(p.startswith("routing.yaml") for p in problems)
    assert any(p.startswith("routing.yaml:7: time_intervals[1] 'bad'") for p in problems)


@pytest.mark.parametrize("raw", ["x", {"a": 1}, 3])
def test_top_level_must_be_a_list(raw: Any) -> None:
    with pytest.raises(TimeIntervalError):
        parse_time_intervals(raw)


def test_absent_section_is_empty() -> None:
    assert parse_time_intervals(None) == {}


def test_local_location_refused() -> None:
    with pytest.raises(TimeIntervalError, match="Local"):
        one({"location": "Local"})
