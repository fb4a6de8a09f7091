"""Replaying a whole review log fast: the states apply_review gives, without its per-answer costs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta

import fsrs

from quizmg.errors import QuizmgError
from quizmg.scheduling.days import EPOCH, StudyDays
from quizmg.scheduling.memory import NEW_CARD, CardPhase, CardState
from quizmg.scheduling.scheduler import (
    apply_review,
    fsrs_scheduler,
    fuzz_fraction,
    fuzz_range,
    pick_in_range,
)
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
    (tests hold the two paths together on random and real logs), several times faster: times
    stay integer milliseconds, study days come from a per-zone offset table, and fsrs's memory
    model is called step by step instead of through review_card, which copies the card and
    builds a review log at every answer.
    """

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self._scheduler = fsrs_scheduler(settings)
        self._days = StudyDays(settings)
        # interval in days -> its fuzz range (None: too short to fuzz); a few hundred at most.
        self._fuzz_ranges: dict[int, tuple[int, int] | None] = {}
        self.fast = steps_agree_with_fsrs(self._scheduler, settings)

    def replay(self, reviews: Iterable[tuple[int, int, int]], card_number: int) -> CardState:
        """A card's state from its scheduling reviews (card id, time in epoch ms, rating) in log
        order: store rows pass as they come (the first value is not used)."""
        if self.fast:
            return _replay_steps(
                reviews, card_number, self._scheduler, self.settings, self._days, self._fuzz_ranges
            )
        # fsrs has changed under quizmg: the reference path, slower but always right.
        state = NEW_CARD
        for _, epoch_ms, rating in reviews:
            state = apply_review(state, rating, EPOCH + epoch_ms * _ONE_MS, self.settings, card_number)
        return state

    def states(self, reviews: Iterable[tuple[int, int, int]], card_number: int) -> list[CardState]:
        """The card's state after each of its reviews, in order: what statistics look back on."""
        after: list[CardState] = []
        if self.fast:
            _replay_steps(
                reviews, card_number, self._scheduler, self.settings, self._days, self._fuzz_ranges,
                every_state=after,
            )
            return after
        state = NEW_CARD
        for _, epoch_ms, rating in reviews:
            state = apply_review(state, rating, EPOCH + epoch_ms * _ONE_MS, self.settings, card_number)
            after.append(state)
        return after


def _replay_steps(
    reviews: Iterable[tuple[int, int, int]],
    card_number: int,
    scheduler: fsrs.Scheduler,
    settings: Settings,
    days: StudyDays,
    fuzz_ranges: dict[int, tuple[int, int] | None],
    every_state: list[CardState] | None = None,
) -> CardState:
    """fsrs's Scheduler.review_card unrolled over one card's log, with scheduler._review's
    study-day gaps and seeded fuzz: the memory model (initial, short-term and long-term
    stability, difficulty, interval) is fsrs's own methods, called on plain numbers.

    With `every_state`, the state after each review is appended to it as well."""
    initial_stability = scheduler._initial_stability
    initial_difficulty = scheduler._initial_difficulty
    short_term_stability = scheduler._short_term_stability
    next_stability = scheduler._next_stability
    next_difficulty = scheduler._next_difficulty
    next_interval = scheduler._next_interval
    factor, decay = scheduler._FACTOR, scheduler._DECAY
    learning_steps, relearning_steps = scheduler.learning_steps, scheduler.relearning_steps
    day_number = days.day_number
    fuzz, maximum = settings.fuzz, settings.maximum_interval

    phase, step = _LEARNING, 0
    stability = difficulty = 0.0
    step_wait = _ONE_MS  # how long until due while in (re)learning steps
    interval = 0  # whole days until due once in review
    reps = lapses = last_day = last_ms = 0
    for _, epoch_ms, rating in reviews:
        fsrs_rating = _FSRS_RATINGS.get(rating)
        if fsrs_rating is None:
            raise _bad_rating(rating)
        day = day_number(epoch_ms)
        if not reps:  # the card is new
            stability = initial_stability(rating=fsrs_rating)
            difficulty = initial_difficulty(rating=fsrs_rating, clamp=True)
        else:
            # Elapsed time in whole study days, as scheduler._review shows it to fsrs (see why
            # there); a log that goes back in time counts as the same day.
            gap = day - last_day
            if phase is _REVIEW and fsrs_rating is _AGAIN:
                lapses += 1
            if gap < 1:
                stability = short_term_stability(stability=stability, rating=fsrs_rating)
            else:
                # fsrs's get_card_retrievability: the same expression on the same values.
                recall = (1 + factor * gap / stability) ** decay
                stability = next_stability(
                    difficulty=difficulty, stability=stability, retrievability=recall,
                    rating=fsrs_rating,
                )
            difficulty = next_difficulty(difficulty=difficulty, rating=fsrs_rating)
        if phase is _REVIEW:
            if fsrs_rating is _AGAIN and relearning_steps:
                phase, step, step_wait = _RELEARNING, 0, relearning_steps[0]
            else:
                interval = next_interval(stability=stability)
        else:
            steps = learning_steps if phase is _LEARNING else relearning_steps
            if not steps or (step >= len(steps) and fsrs_rating is not _AGAIN):
                phase, interval = _REVIEW, next_interval(stability=stability)
            elif fsrs_rating is _AGAIN:
                step, step_wait = 0, steps[0]
            elif fsrs_rating is _HARD:  # the step stays; the wait is as fsrs makes it
                if step == 0 and len(steps) == 1:
                    step_wait = steps[0] * 1.5
                elif step == 0:
                    step_wait = (steps[0] + steps[1]) / 2.0
                else:
                    step_wait = steps[step]
            elif fsrs_rating is _GOOD and step + 1 < len(steps):
                step += 1
                step_wait = steps[step]
            else:  # Good on the last step, or Easy: the card graduates
                phase, interval = _REVIEW, next_interval(stability=stability)
        if fuzz and phase is _REVIEW:
            days_range = fuzz_ranges.get(interval, _UNKNOWN)
            if days_range is _UNKNOWN:
                days_range = fuzz_ranges[interval] = fuzz_range(interval, maximum)
            if days_range is not None:
                interval = pick_in_range(days_range, maximum, fuzz_fraction(card_number, reps))  # type: ignore[arg-type]
        reps += 1
        last_day, last_ms = day, epoch_ms
        if every_state is not None:
            every_state.append(
                _card_state(phase, step, stability, difficulty, last_ms, interval, step_wait, reps, lapses)
            )
    if not reps:
        return NEW_CARD
    return _card_state(phase, step, stability, difficulty, last_ms, interval, step_wait, reps, lapses)


def _card_state(
    phase: CardPhase, step: int, stability: float, difficulty: float, last_ms: int, interval: int,
    step_wait: timedelta, reps: int, lapses: int,
) -> CardState:
    when = EPOCH + last_ms * _ONE_MS
    in_review = phase is _REVIEW
    return CardState(
        phase=phase,
        step=None if in_review else step,
        stability=stability,
        difficulty=difficulty,
        due=when + (interval * _ONE_DAY if in_review else step_wait),
        last_review=when,
        reps=reps,
        lapses=lapses,
    )


# One card's log through every branch of review_card: Again, Hard and Good on learning steps,
# graduation, Hard, Easy and Good in review, a same-day review, a lapse, relearning steps, and a
# learning card answered days later. Minutes since the first review, and ratings.
_CHECK_LOG = [
    (0, 1), (1, 2), (7, 3), (17, 3), (2 * 1440, 2), (2 * 1440 + 300, 3), (7 * 1440, 4),
    (50 * 1440, 1), (50 * 1440 + 3, 2), (50 * 1440 + 13, 3), (51 * 1440, 3), (90 * 1440, 1),
    (92 * 1440, 4), (300 * 1440, 3),
]
_CHECKED: dict[int, tuple[fsrs.Scheduler, bool]] = {}


def steps_agree_with_fsrs(scheduler: fsrs.Scheduler, settings: Settings) -> bool:
    """Whether the step-by-step replay gives what fsrs's own review_card gives, on a log that
    takes every branch (and a few first ratings): the fast path relies on fsrs methods that are
    not its public interface, so it proves itself once per scheduler rather than trust them."""
    known = _CHECKED.get(id(scheduler))
    if known is not None and known[0] is scheduler:
        return known[1]
    days = StudyDays(settings)
    start = 1_700_000_000_000  # any instant: both paths count the same study days from it
    agree = True
    for first_rating in (1, 2, 3, 4):
        rows = [(0, start + minutes * 60_000, rating) for minutes, rating in _CHECK_LOG]
        rows[0] = (0, start, first_rating)
        reference = NEW_CARD
        # Every prefix of the log, so a difference that a later review would hide still shows.
        for end in range(1, len(rows) + 1):
            _, epoch_ms, rating = rows[end - 1]
            reference = apply_review(
                reference, rating, EPOCH + epoch_ms * _ONE_MS, settings, 1, scheduler=scheduler
            )
            try:
                fast = _replay_steps(rows[:end], 1, scheduler, settings, days, {})
            except (AttributeError, TypeError):  # a method renamed, or its arguments changed
                fast = None
            if fast != reference:
                agree = False
                break
        if not agree:
            break
    if len(_CHECKED) >= 64:  # settings come and go in a long process; keep the memo small
        _CHECKED.clear()
    _CHECKED[id(scheduler)] = (scheduler, agree)
    return agree
