"""True retention as Anki's table shows it, with the scheduler's predicted retention beside it.

Anki (rslib/src/stats/graphs/retention.rs) counts reviews of graduated cards that affect
scheduling, a pass being any rating above Again; a card is young while the interval it had been
given is under 21 days, mature from 21 on. Periods end with the current study day: today,
yesterday, the last 7, 30 and 365 study days, and all time.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from quizmg.scheduling.days import study_day
from quizmg.scheduling.settings import Settings
from quizmg.stats.history import ReviewMoment

MATURE_DAYS = 21

# (name, first day offset back from today, last day offset back): both ends included.
PERIODS: tuple[tuple[str, int | None, int], ...] = (
    ("today", 0, 0),
    ("yesterday", 1, 1),
    ("week", 6, 0),
    ("month", 29, 0),
    ("year", 364, 0),
    ("all time", None, 0),
)


def _rate(passed: int, failed: int) -> float | None:
    return passed / (passed + failed) if passed + failed else None


@dataclass(frozen=True)
class RetentionRow:
    """Passes and failures of young and mature cards in one period, and what FSRS predicted."""

    period: str
    young_passed: int
    young_failed: int
    mature_passed: int
    mature_failed: int
    predicted: float | None  # mean recall probability FSRS gave those same reviews

    @property
    def young(self) -> float | None:
        """Pass rate of young cards."""
        return _rate(self.young_passed, self.young_failed)

    @property
    def mature(self) -> float | None:
        """Pass rate of mature cards."""
        return _rate(self.mature_passed, self.mature_failed)

    @property
    def total(self) -> float | None:
        """Pass rate of all graduated cards."""
        return _rate(self.young_passed + self.mature_passed, self.young_failed + self.mature_failed)

    @property
    def reviews(self) -> int:
        """Reviews counted."""
        return self.young_passed + self.young_failed + self.mature_passed + self.mature_failed


def true_retention(moments: Iterable[ReviewMoment], today: date, settings: Settings) -> list[RetentionRow]:
    """One row per period of PERIODS, from the review-phase reviews among `moments`."""
    counted = [
        (study_day(moment.review.time, settings), moment)
        for moment in moments
        if moment.is_review_phase and moment.interval_days is not None
    ]
    rows = []
    for name, first_back, last_back in PERIODS:
        tally = [0, 0, 0, 0]  # young passed, young failed, mature passed, mature failed
        predictions: list[float] = []
        for day, moment in counted:
            back = (today - day).days
            if back < last_back or (first_back is not None and back > first_back):
                continue
            mature = moment.interval_days is not None and moment.interval_days >= MATURE_DAYS
            tally[2 * mature + (not moment.passed)] += 1
            if moment.predicted is not None:
                predictions.append(moment.predicted)
        predicted = sum(predictions) / len(predictions) if predictions else None
        rows.append(RetentionRow(name, tally[0], tally[1], tally[2], tally[3], predicted=predicted))
    return rows
