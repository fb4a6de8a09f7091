"""Streaks and today's count, by the learner's study day (rolling over at 4:00 local)."""

from __future__ import annotations

from datetime import date, datetime, timezone

from quizmg.scheduling.settings import Settings
from quizmg.study.progress import answers_today, days_studied, streak

UTC = Settings(timezone="UTC", rollover_hour=4)


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 3, day, hour, tzinfo=timezone.utc)


def test_streak_counts_days_in_a_row_ending_today_or_yesterday() -> None:
    days = {date(2026, 3, d) for d in (1, 3, 4, 5)}
    assert streak(days, date(2026, 3, 5)) == 3
    assert streak(days, date(2026, 3, 6)) == 3  # not yet studied today: still alive
    assert streak(days, date(2026, 3, 7)) == 0
    assert streak(set(), date(2026, 3, 7)) == 0


def test_an_answer_after_midnight_but_before_rollover_belongs_to_the_day_before() -> None:
    assert days_studied([at(2, 3)], UTC) == {date(2026, 3, 1)}
    assert days_studied([at(2, 5)], UTC) == {date(2026, 3, 2)}


def test_answers_today() -> None:
    times = [at(1, 23), at(2, 3), at(2, 5), at(2, 22)]
    assert answers_today(times, at(2, 23), UTC) == 2
    assert answers_today(times, at(2, 2), UTC) == 2  # study day of 1 March: 23:00 and 03:00
