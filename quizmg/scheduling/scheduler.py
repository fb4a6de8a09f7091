"""FSRS-6 reviews through the `fsrs` package, reproducible to the day: fuzz is seeded per review."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta, timezone
from functools import lru_cache

import fsrs
from fsrs.scheduler import FUZZ_RANGES

from quizmg.errors import QuizmgError
from quizmg.scheduling.days import study_day
from quizmg.scheduling.memory import NEW_CARD, CardPhase, CardState, Rating
from quizmg.scheduling.settings import Settings

DAY_SECONDS = 86400.0


@lru_cache(maxsize=32)
def _fsrs_scheduler(
    parameters: tuple[float, ...],
    desired_retention: float,
    learning_steps: tuple[float, ...],
    relearning_steps: tuple[float, ...],
    maximum_interval: int,
) -> fsrs.Scheduler:
    # Fuzz stays off inside fsrs: it draws from the global `random`, which would make a replay
    # depend on whatever else ran before it. quizmg fuzzes afterwards with a seeded generator.
    return fsrs.Scheduler(
        parameters=parameters,
        desired_retention=desired_retention,
        learning_steps=[timedelta(minutes=step) for step in learning_steps],
        relearning_steps=[timedelta(minutes=step) for step in relearning_steps],
        maximum_interval=maximum_interval,
        enable_fuzzing=False,
    )


def fsrs_scheduler(settings: Settings) -> fsrs.Scheduler:
    """The (cached) fsrs scheduler for these settings, with its own fuzz turned off."""
    return _fsrs_scheduler(
        settings.fsrs_parameters(),
        settings.desired_retention,
        tuple(settings.learning_steps),
        tuple(settings.relearning_steps),
        settings.maximum_interval,
    )


def _as_rating(rating: Rating | int) -> Rating:
    try:
        return Rating(int(rating))
    except ValueError:
        raise QuizmgError(f"a rating is 1 (Again) to 4 (Easy), not {rating!r}") from None


def _as_utc(moment: datetime) -> datetime:
    if moment.tzinfo is timezone.utc:
        return moment
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"review time must be timezone-aware (UTC), got naive {moment!r}")
    # fsrs insists on the `timezone.utc` object itself, not merely a zero offset.
    return moment.astimezone(timezone.utc)


_MASK64 = (1 << 64) - 1


def fuzz_fraction(card_number: int, reps: int) -> float:
    """A number in [0, 1) fixed by the card and how many reviews it had (Anki seeds alike)."""
    # splitmix64 over (card, reps): the same on every run and machine, no global `random`
    # touched, and ~20x cheaper than building a seeded random.Random for every review.
    value = (card_number * 0x9E3779B97F4A7C15 + reps * 0xBF58476D1CE4E5B9) & _MASK64
    value = ((value ^ (value >> 30)) * 0xBF58476D1CE4E5B9) & _MASK64
    value = ((value ^ (value >> 27)) * 0x94D049BB133111EB) & _MASK64
    value ^= value >> 31
    return (value >> 11) / float(1 << 53)


def fuzz_range(days: int, maximum_interval: int) -> tuple[int, int] | None:
    """The whole days (low, high) fuzz may move a `days` interval to; None: it stays as it is."""
    if days < 2.5:  # fsrs and Anki leave intervals under 2.5 days alone
        return None
    delta = 1.0
    for band in FUZZ_RANGES:
        delta += band["factor"] * max(min(float(days), band["end"]) - band["start"], 0.0)
    low = max(2, round(days - delta))
    high = min(round(days + delta), maximum_interval)
    return min(low, high), high


def pick_in_range(days_range: tuple[int, int], maximum_interval: int, fraction: float) -> int:
    """The day `fraction` (0 <= fraction < 1) picks in a fuzz range."""
    low, high = days_range
    # floor, as Anki does: every whole day in low..high equally likely (fsrs's round() can
    # step one day past `high`).
    return min(int(fraction * (high - low + 1)) + low, maximum_interval)


def fuzzed_days(days: int, maximum_interval: int, fraction: float) -> int:
    """An interval spread a little around `days` (fsrs's fuzz ranges); `fraction` picks the day."""
    days_range = fuzz_range(days, maximum_interval)
    return days if days_range is None else pick_in_range(days_range, maximum_interval, fraction)


def _to_fsrs_card(state: CardState, card_number: int, when: datetime) -> fsrs.Card:
    if state.phase is CardPhase.NEW:
        return fsrs.Card(card_id=card_number, state=fsrs.State.Learning, step=0, due=when)
    return fsrs.Card(
        card_id=card_number,  # always given: without it fsrs sleeps 1 ms to invent one
        state=fsrs.State(int(state.phase)),
        step=state.step,
        stability=state.stability,
        difficulty=state.difficulty,
        due=state.due or when,
        last_review=state.last_review,
    )


def _review(
    scheduler: fsrs.Scheduler,
    card: fsrs.Card,
    rating: Rating,
    when: datetime,
    settings: Settings,
    reps: int,
) -> fsrs.Card:
    """One fsrs review counted in study days, then quizmg's seeded fuzz on a review interval."""
    last_review = card.last_review
    if last_review is not None:
        # fsrs measures the time since the last review in whole 24-hour periods; Anki and the
        # fsrs-rs optimizer count study days (rollover hour, local zone). Showing fsrs a last
        # review exactly that many days back makes both agree: a card seen at 23:00 and again
        # at 09:00 the next study day gets a long-term update, as the fitted weights assume.
        gap = max(0, (study_day(when, settings) - study_day(last_review, settings)).days)
        card.last_review = when - timedelta(days=gap)
    reviewed, _ = scheduler.review_card(card, fsrs.Rating(int(rating)), when)
    if settings.fuzz and reviewed.state is fsrs.State.Review:
        days = round((reviewed.due - when).total_seconds() / DAY_SECONDS)
        fraction = fuzz_fraction(card.card_id, reps)
        reviewed.due = when + timedelta(days=fuzzed_days(days, settings.maximum_interval, fraction))
    return reviewed


def _to_state(card: fsrs.Card, reps: int, lapses: int) -> CardState:
    return CardState(
        phase=CardPhase(int(card.state)),
        step=card.step,
        stability=card.stability,
        difficulty=card.difficulty,
        due=card.due,
        last_review=card.last_review,
        reps=reps,
        lapses=lapses,
    )


def apply_review(
    state: CardState,
    rating: Rating | int,
    when: datetime,
    settings: Settings,
    card_number: int,
    *,
    scheduler: fsrs.Scheduler | None = None,
) -> CardState:
    """The card's state after the learner rates it at `when` (UTC-aware).

    `scheduler` is the fsrs scheduler to review with; by default, the one for `settings`.
    """
    rating = _as_rating(rating)
    when = _as_utc(when)
    card = _to_fsrs_card(state, card_number, when)
    scheduler = scheduler or fsrs_scheduler(settings)
    reviewed = _review(scheduler, card, rating, when, settings, state.reps)
    forgotten = state.phase is CardPhase.REVIEW and rating is Rating.AGAIN
    return _to_state(reviewed, state.reps + 1, state.lapses + forgotten)


def replay(
    reviews: Iterable[tuple[datetime, int]], settings: Settings, card_number: int
) -> CardState:
    """A card's state from its scheduling reviews (time, rating), taken in time order.

    The same result as folding apply_review over them, only faster: the fsrs card is carried
    from review to review instead of being converted each time.
    """
    scheduler = fsrs_scheduler(settings)
    # sorted() is stable: two reviews at the same instant keep the order they were logged in.
    timeline = sorted(((_as_utc(when), rating) for when, rating in reviews), key=lambda r: r[0])
    if not timeline:
        return NEW_CARD
    card = _to_fsrs_card(NEW_CARD, card_number, timeline[0][0])
    reps = lapses = 0
    for when, given in timeline:
        rating = _as_rating(given)
        lapses += card.state is fsrs.State.Review and rating is Rating.AGAIN
        card = _review(scheduler, card, rating, when, settings, reps)
        reps += 1
    return _to_state(card, reps, lapses)


def preview(
    state: CardState, now: datetime, settings: Settings, card_number: int
) -> dict[Rating, datetime]:
    """The due time each rating would give now (the same fuzz as the real answer)."""
    return {
        rating: apply_review(state, rating, now, settings, card_number).due  # type: ignore[misc]
        for rating in Rating
    }


def forgetting_curve(elapsed_days: float, stability: float, parameters: Sequence[float]) -> float:
    """FSRS-6 recall probability `elapsed_days` after a review of a memory of this stability."""
    decay = -parameters[20]
    factor = 0.9 ** (1 / decay) - 1
    return (1 + factor * max(0.0, elapsed_days) / stability) ** decay


def retrievability(state: CardState, now: datetime, settings: Settings) -> float | None:
    """The probability of recalling the card at `now` (FSRS-6 forgetting curve); None if unseen."""
    if state.stability is None or state.last_review is None:
        return None
    # Fractional days, so cards in learning and cards overdue by hours still order sensibly.
    elapsed = (_as_utc(now) - state.last_review).total_seconds() / DAY_SECONDS
    return forgetting_curve(elapsed, state.stability, settings.fsrs_parameters())


def interval_text(delta: timedelta) -> str:
    """A short human interval for answer buttons: 45s, 10m, 3h, 4d, 2.5mo, 1.2y."""
    seconds = max(0.0, delta.total_seconds())
    if seconds < 60:
        return f"{round(seconds)}s"
    if seconds < 3600:
        return f"{round(seconds / 60)}m"
    if seconds < DAY_SECONDS:
        return f"{round(seconds / 3600)}h"
    days = seconds / DAY_SECONDS
    if days < 30:
        return f"{round(days)}d"
    if days < 365:
        return f"{days / 30:.1f}mo"
    return f"{days / 365:.1f}y"
