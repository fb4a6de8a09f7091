"""The learner's study day: rollover at 4 a.m. local time, across zones and DST changes."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from quizmg.scheduling.days import day_start, days_between, next_day_start, study_day
from quizmg.scheduling.settings import Settings

BERLIN = Settings(timezone="Europe/Berlin")
NEW_YORK = Settings(timezone="America/New_York")


def utc(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=timezone.utc)  # type: ignore[misc]


def test_berlin_day_rolls_over_at_four_local() -> None:
    # Winter: Berlin is UTC+1, so 04:00 local is 03:00 UTC.
    assert study_day(utc(2024, 1, 10, 2, 59), BERLIN) == date(2024, 1, 9)
    assert study_day(utc(2024, 1, 10, 3, 0), BERLIN) == date(2024, 1, 10)
    assert day_start(date(2024, 1, 10), BERLIN) == utc(2024, 1, 10, 3, 0)
    # Summer: UTC+2, so 04:00 local is 02:00 UTC.
    assert study_day(utc(2024, 7, 10, 1, 59), BERLIN) == date(2024, 7, 9)
    assert day_start(date(2024, 7, 10), BERLIN) == utc(2024, 7, 10, 2, 0)


def test_new_york_evening_is_still_the_local_day() -> None:
    # 23:30 in New York is already tomorrow in UTC; the learner's day has not changed.
    assert study_day(utc(2024, 3, 1, 4, 30), NEW_YORK) == date(2024, 2, 29)
    assert study_day(utc(2024, 3, 1, 9, 0), NEW_YORK) == date(2024, 3, 1)


def test_spring_forward_day_is_23_hours_long() -> None:
    # Berlin moved its clocks from 02:00 to 03:00 early on 2024-03-31, inside study day 03-30.
    start = day_start(date(2024, 3, 30), BERLIN)
    end = day_start(date(2024, 3, 31), BERLIN)
    assert (start, end) == (utc(2024, 3, 30, 3, 0), utc(2024, 3, 31, 2, 0))
    assert end - start == timedelta(hours=23)
    assert study_day(end - timedelta(seconds=1), BERLIN) == date(2024, 3, 30)
    assert study_day(end, BERLIN) == date(2024, 3, 31)


def test_fall_back_day_is_25_hours_long_in_new_york() -> None:
    # New York moved its clocks from 02:00 back to 01:00 early on 2024-11-03 (study day 11-02).
    start = day_start(date(2024, 11, 2), NEW_YORK)
    end = day_start(date(2024, 11, 3), NEW_YORK)
    assert (start, end) == (utc(2024, 11, 2, 8, 0), utc(2024, 11, 3, 9, 0))
    assert end - start == timedelta(hours=25)
    # The repeated hour (01:xx twice) belongs to the previous study day both times.
    assert study_day(utc(2024, 11, 3, 5, 30), NEW_YORK) == date(2024, 11, 2)
    assert study_day(utc(2024, 11, 3, 6, 30), NEW_YORK) == date(2024, 11, 2)


def test_rollover_inside_the_skipped_hour() -> None:
    # With the day rolling at 02:00, the spring day begins at the first instant after the gap.
    settings = Settings(timezone="Europe/Berlin", rollover_hour=2)
    start = day_start(date(2024, 3, 31), settings)
    assert start == utc(2024, 3, 31, 1, 0)  # 03:00 summer time
    assert study_day(start, settings) == date(2024, 3, 31)
    assert study_day(start - timedelta(seconds=1), settings) == date(2024, 3, 30)


@pytest.mark.parametrize("hour", [0, 4, 12, 23])
def test_day_start_and_study_day_agree(hour: int) -> None:
    settings = Settings(timezone="America/New_York", rollover_hour=hour)
    for offset in range(0, 400, 7):
        day = date(2024, 1, 1) + timedelta(days=offset)
        start = day_start(day, settings)
        assert study_day(start, settings) == day
        assert study_day(start - timedelta(microseconds=1), settings) == day - timedelta(days=1)


def test_next_day_start_and_days_between() -> None:
    now = utc(2024, 1, 10, 22, 0)
    assert next_day_start(now, BERLIN) == utc(2024, 1, 11, 3, 0)
    assert days_between(utc(2024, 1, 10, 2, 0), utc(2024, 1, 10, 4, 0), BERLIN) == 1
    assert days_between(utc(2024, 1, 10, 4, 0), utc(2024, 1, 10, 22, 0), BERLIN) == 0


def test_machine_zone_is_used_when_none_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")  # UTC+9, no DST
    time.tzset()
    try:
        local = Settings()
        assert study_day(utc(2024, 5, 1, 18, 59), local) == date(2024, 5, 1)
        assert study_day(utc(2024, 5, 1, 19, 0), local) == date(2024, 5, 2)
        assert day_start(date(2024, 5, 2), local) == utc(2024, 5, 1, 19, 0)
    finally:
        monkeypatch.undo()
        time.tzset()


def test_naive_now_is_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        study_day(datetime(2024, 1, 1, 12), BERLIN)
