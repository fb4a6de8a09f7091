"""The learner's progress for the dashboard: today's reviews and the streak of study days."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta

from quizmg.scheduling.days import study_day
from quizmg.scheduling.settings import Settings


def days_studied(times: Iterable[datetime], settings: Settings) -> set[date]:
    """The study days (rolling over at the learner's rollover hour) with at least one answer."""
    return {study_day(moment, settings) for moment in times}


def streak(days: set[date], today: date) -> int:
    """Study days in a row up to today; a streak still counts today before today's first answer."""
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def answers_today(times: Iterable[datetime], now: datetime, settings: Settings) -> int:
    """How many answers were given in the current study day."""
    today = study_day(now, settings)
    return sum(1 for moment in times if study_day(moment, settings) == today)
