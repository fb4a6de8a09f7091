"""What the learner did, day by day: reviews and time per study day, the heatmap, the streaks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from quizmg.scheduling.days import study_day
from quizmg.scheduling.settings import Settings
from quizmg.store.records import Review


@dataclass(frozen=True)
class DayActivity:
    """One study day's work: answers given (every mode) and the time they took."""

    day: date
    reviews: int
    seconds: float
    by_mode: dict[str, int]


@dataclass(frozen=True)
class Streaks:
    """Runs of consecutive study days with at least one answer."""

    current: int  # ends today, or yesterday when today has no answer yet
    longest: int
    longest_end: date | None
    days_studied: int


@dataclass(frozen=True)
class TimeSpent:
    """Time spent answering, overall and per answer."""

    total_seconds: float
    reviews: int
    days_studied: int

    @property
    def seconds_per_review(self) -> float | None:
        """Mean time for one answer."""
        return self.total_seconds / self.reviews if self.reviews else None

    @property
    def minutes_per_study_day(self) -> float | None:
        """Mean minutes on a day the learner studied."""
        return self.total_seconds / 60 / self.days_studied if self.days_studied else None


def activity_by_day(reviews: Iterable[Review], settings: Settings) -> dict[date, DayActivity]:
    """Answers and time per study day (rollover hour and zone from `settings`), undone ones left out."""
    counts: dict[date, int] = {}
    seconds: dict[date, float] = {}
    modes: dict[date, dict[str, int]] = {}
    for review in reviews:
        if review.undone:
            continue
        day = study_day(review.time, settings)
        counts[day] = counts.get(day, 0) + 1
        seconds[day] = seconds.get(day, 0.0) + review.duration_ms / 1000
        per_mode = modes.setdefault(day, {})
        per_mode[review.mode] = per_mode.get(review.mode, 0) + 1
    return {day: DayActivity(day, counts[day], seconds[day], modes[day]) for day in sorted(counts)}


def heatmap_days(activity: dict[date, DayActivity], today: date, days: int = 365) -> list[tuple[date, int]]:
    """(day, answers) for the `days` study days ending today, oldest first, zeros included."""
    start = today - timedelta(days=days - 1)
    return [
        (day, activity[day].reviews if day in activity else 0)
        for day in (start + timedelta(days=offset) for offset in range(days))
    ]


def streaks(studied: Iterable[date], today: date) -> Streaks:
    """Current and longest runs of consecutive study days.

    A streak is still current on a day the learner has not studied yet: it ends yesterday and
    lives on until today is over, as a learner would expect in the morning.
    """
    days = sorted(set(day for day in studied if day <= today))
    longest = 0
    longest_end: date | None = None
    run = 0
    previous: date | None = None
    for day in days:
        run = run + 1 if previous is not None and (day - previous).days == 1 else 1
        if run > longest:
            longest, longest_end = run, day
        previous = day
    current = 0
    if previous is not None and (today - previous).days <= 1:
        current = run
    return Streaks(current, longest, longest_end, len(days))


def time_spent(activity: dict[date, DayActivity]) -> TimeSpent:
    """Total time, answers and study days of an activity table."""
    return TimeSpent(
        total_seconds=sum(day.seconds for day in activity.values()),
        reviews=sum(day.reviews for day in activity.values()),
        days_studied=len(activity),
    )


def heat_levels(counts: Sequence[int]) -> list[int]:
    """Level 0-4 for each count: 0 for none, then quartiles of the days with answers."""
    active = sorted(count for count in counts if count > 0)
    if not active:
        return [0] * len(counts)
    cuts = [active[min(len(active) - 1, (len(active) * q) // 4)] for q in (1, 2, 3)]
    return [0 if count == 0 else 1 + sum(count > cut for cut in cuts) for count in counts]
