"""Replaying a whole review log fast: the states apply_review gives, without its per-answer costs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

import fsrs

from quizmg.errors import QuizmgError
from quizmg.scheduling.days import EPOCH, StudyDays
from quizmg.scheduling.memory import NEW_CARD, CardPhase, CardState
from quizmg.scheduling.scheduler import fsrs_scheduler, fuzz_fraction, fuzz_range, pick_in_range
from quizmg.scheduling.settings import Settings

# Looked up, not built, per review (an enum call costs more than the lookup).
_FSRS_RATINGS = {int(rating): rating for rating in fsrs.Rating}
_AGAIN, _HARD, _GOOD = fsrs.Rating.Again, fsrs.Rating.Hard, fsrs.Rating.Good
_LEARNING, _REVIEW, _RELEARNING = CardPhase.LEARNING, CardPhase.REVIEW, CardPhase.RELEARNING
_ONE_DAY = timedelta(days=1)
_UNKNOWN = object()
_ONE_MS = timedelta(milliseconds=1)


def _bad_rating(rating: object) -> QuizmgError:
    return QuizmgError(f"a rating is 1 (Again) to 4 (Easy), not {rating!r}")


class LogReplayer:
    """Replays cards' review logs under one set of settings; build one, replay every card with it.

    Gives exactly the CardState that folding scheduler.apply_review over the same reviews gives
    (a test holds the two paths together), at a fraction of the cost: times stay integer
    milliseconds, study days come from a per-zone offset table, and one fsrs card is carried
    through a card's whole history.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._scheduler = fsrs_scheduler(settings)
        self._days = StudyDays(settings)
        # interval in days -> its fuzz range (None: too short to fuzz); a few hundred at most.
        self._fuzz_ranges: dict[int, tuple[int, int] | None] = {}

    def replay(self, reviews: Iterable[tuple[int, int, int]], card_number: int) -> CardState:
        """A card's state from its scheduling reviews (row id, time in epoch ms, rating) in log order.

        The first value of each review is not used: it lets store rows be passed as they come.
        """
        # The steps below are fsrs's Scheduler.review_card, unrolled: the memory model (initial,
        # short-term and long-term stability, difficulty, interval) is fsrs's own methods; what
        # is skipped is its per-review copy of the card, datetime arithmetic and review log.
        scheduler = self._scheduler
        initial_stability = scheduler._initial_stability
        initial_difficulty = scheduler._initial_difficulty
        short_term_stability = scheduler._short_term_stability
        next_stability = scheduler._next_stability
        next_difficulty = scheduler._next_difficulty
        next_interval = scheduler._next_interval
        factor, decay = scheduler._FACTOR, scheduler._DECAY
        learning_steps, relearning_steps = scheduler.learning_steps, scheduler.relearning_steps
        day_number = self._days.day_number
        fuzz = self.settings.fuzz
        maximum = self.settings.maximum_interval
        fuzz_ranges = self._fuzz_ranges

        phase = _LEARNING
        step: int | None = 0
        stability = difficulty = 0.0
        interval: timedelta | int = 0  # a learning step, or whole days once in review
        reps = lapses = last_day = last_ms = 0
        for _, epoch_ms, rating in reviews:
            fsrs_rating = _FSRS_RATINGS.get(rating)
            if fsrs_rating is None:
                raise _bad_rating(rating)
            day = day_number(epoch_ms)
            if not reps:  # first review: the card is new
                stability = initial_stability(rating=fsrs_rating)
                difficulty = initial_difficulty(rating=fsrs_rating, clamp=True)
            else:
                # Elapsed time in study days, as scheduler._review counts it (see there why).
                gap = day - last_day
                if phase is _REVIEW and fsrs_rating is _AGAIN:
                    lapses += 1
                if gap < 1:
                    stability = short_term_stability(stability=stability, rating=fsrs_rating)
                else:
                    # fsrs's get_card_retrievability, the same expression on the same values.
                    recall = (1 + factor * gap / stability) ** decay
                    stability = next_stability(
                        difficulty=difficulty,
                        stability=stability,
                        retrievability=recall,
                        rating=fsrs_rating,
                    )
                difficulty = next_difficulty(difficulty=difficulty, rating=fsrs_rating)
            if phase is _REVIEW:
                if fsrs_rating is _AGAIN and relearning_steps:
                    phase, step, interval = _RELEARNING, 0, relearning_steps[0]
                else:
                    interval = next_interval(stability=stability)
            else:
                steps = learning_steps if phase is _LEARNING else relearning_steps
                assert step is not None
                if not steps or (step >= len(steps) and fsrs_rating is not _AGAIN):
                    phase, step, interval = _REVIEW, None, next_interval(stability=stability)
                elif fsrs_rating is _AGAIN:
                    step, interval = 0, steps[0]
                elif fsrs_rating is _HARD:
                    if step == 0 and len(steps) == 1:
                        interval = steps[0] * 1.5
                    elif step == 0:
                        interval = (steps[0] + steps[1]) / 2.0
                    else:
                        interval = steps[step]
                elif fsrs_rating is _GOOD and step + 1 < len(steps):
                    step += 1
                    interval = steps[step]
                else:  # Good on the last step, or Easy: the card graduates
                    phase, step, interval = _REVIEW, None, next_interval(stability=stability)
            if fuzz and phase is _REVIEW:
                days_range = fuzz_ranges.get(interval, _UNKNOWN)
                if days_range is _UNKNOWN:
                    days_range = fuzz_ranges[interval] = fuzz_range(interval, maximum)
                if days_range is not None:
                    interval = pick_in_range(days_range, maximum, fuzz_fraction(card_number, reps))
            reps += 1
            last_day, last_ms = day, epoch_ms
        if not reps:
            return NEW_CARD
        when = EPOCH + last_ms * _ONE_MS
        return CardState(
            phase=phase,
            step=step,
            stability=stability,
            difficulty=difficulty,
            due=when + (interval if phase is not _REVIEW else interval * _ONE_DAY),
            last_review=when,
            reps=reps,
            lapses=lapses,
        )
