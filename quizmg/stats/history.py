"""The review log replayed: each scheduling review with the card's memory state just before it."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from quizmg.scheduling.days import days_between
from quizmg.scheduling.log_replay import LogReplayer
from quizmg.scheduling.memory import NEW_CARD, CardPhase, CardState
from quizmg.scheduling.scheduler import apply_review, forgetting_curve
from quizmg.scheduling.settings import Settings
from quizmg.store.database import to_ms
from quizmg.store.records import Review

SettingsFor = Callable[[str], Settings]


@dataclass(frozen=True)
class ReviewMoment:
    """One scheduling review seen with what the scheduler knew when it was given."""

    review: Review
    before: CardState
    after: CardState
    interval_days: int | None  # the interval the card had been given (review phase only)
    elapsed_days: int | None  # study days since the card's previous scheduling review
    predicted: float | None  # FSRS recall probability at that moment; None for a first sight

    @property
    def passed(self) -> bool:
        """Recalled: any rating above Again, as Anki counts a pass."""
        return self.review.rating > 1

    @property
    def is_review_phase(self) -> bool:
        """A review of a card that had graduated (what true retention measures)."""
        return self.before.phase is CardPhase.REVIEW


@dataclass(frozen=True)
class Replay:
    """Every scheduling review with its moment, and each card's state after its last one."""

    moments: list[ReviewMoment]
    states: dict[str, CardState]


def replay_log(reviews: Iterable[Review], settings_for: SettingsFor) -> Replay:
    """Replay the study-mode, not-undone reviews card by card, in log order (review id).

    Log order is the order the store itself applied them, so the states match its cache; the
    states come from the store's fast replay (scheduling.log_replay), which gives exactly what
    folding apply_review over the reviews gives.
    """
    by_card: dict[str, list[Review]] = {}
    for review in reviews:
        if review.mode == "study" and not review.undone:
            by_card.setdefault(review.card_key, []).append(review)
    moments: list[ReviewMoment] = []
    states: dict[str, CardState] = {}
    replayers: dict[str, LogReplayer] = {}
    for key, card_reviews in by_card.items():
        card_reviews.sort(key=lambda r: r.id)
        deck = card_reviews[0].deck
        replayer = replayers.get(deck)
        if replayer is None:
            replayer = replayers[deck] = LogReplayer(settings_for(deck))
        settings = replayer.settings
        parameters = settings.fsrs_parameters()
        after_each = _states_after(replayer, card_reviews)
        before = NEW_CARD
        for review, after in zip(card_reviews, after_each, strict=True):
            moments.append(_moment(review, before, after, settings, parameters))
            before = after
        states[key] = before
    moments.sort(key=lambda m: (m.review.time, m.review.id))
    return Replay(moments, states)


def _states_after(replayer: LogReplayer, reviews: list[Review]) -> list[CardState]:
    """The card's state after each review."""
    card_number = reviews[0].card_number
    if all(review.time.microsecond % 1000 == 0 for review in reviews):
        return replayer.states([(review.id, to_ms(review.time), review.rating) for review in reviews], card_number)
    # Times finer than the store's milliseconds (made outside the store): the reference path.
    after: list[CardState] = []
    state = NEW_CARD
    for review in reviews:
        state = apply_review(state, review.rating, review.time, replayer.settings, card_number)
        after.append(state)
    return after


def _moment(
    review: Review, before: CardState, after: CardState, settings: Settings, parameters: tuple[float, ...]
) -> ReviewMoment:
    if before.last_review is None or before.stability is None:
        return ReviewMoment(review, before, after, None, None, None)
    # Whole study days, as the scheduler itself counts elapsed time (see scheduler._review).
    elapsed = max(0, days_between(before.last_review, review.time, settings))
    interval = None
    if before.phase is CardPhase.REVIEW and before.due is not None:
        interval = max(0, days_between(before.last_review, before.due, settings))
    predicted = forgetting_curve(elapsed, before.stability, parameters)
    return ReviewMoment(review, before, after, interval, elapsed, predicted)
