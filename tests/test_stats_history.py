"""The statistics replay: every scheduling review with the states around it, exactly as folding
apply_review over the log gives them, on logs of several decks with their own settings."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

from quizmg.scheduling.days import days_between
from quizmg.scheduling.memory import NEW_CARD, CardPhase
from quizmg.scheduling.scheduler import apply_review, forgetting_curve
from quizmg.scheduling.settings import Settings
from quizmg.stats.history import replay_log
from quizmg.store.records import Review

DECK_SETTINGS = {
    "berlin": Settings(timezone="Europe/Berlin", learning_steps=[1.0, 10.0]),
    "tokyo": Settings(timezone="Asia/Tokyo", rollover_hour=2, relearning_steps=[], desired_retention=0.85),
}
START = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)


def random_log(chance: random.Random, cards: int, *, sub_millisecond: bool) -> list[Review]:
    """Interleaved reviews of many cards in two decks, with a few quiz and undone answers mixed in."""
    reviews: list[Review] = []
    for number in range(cards):
        deck = ("berlin", "tokyo")[number % 2]
        moment = START + timedelta(minutes=chance.randrange(0, 60 * 24 * 30))
        for _ in range(chance.randrange(1, 15)):
            if sub_millisecond:
                moment += timedelta(microseconds=chance.randrange(1, 1000))
            reviews.append(Review(
                id=0, card_key=f"{deck}/q{number}/1", card_number=number, deck=deck, time=moment,
                rating=chance.choices((1, 2, 3, 4), (15, 10, 60, 15))[0], duration_ms=4000,
                mode=chance.choices(("study", "quiz"), (9, 1))[0], phase=CardPhase.NEW,
                answer=None, correct=None, undone=chance.random() < 0.05,
            ))
            moment += chance.choice((timedelta(minutes=chance.randrange(1, 30)),
                                     timedelta(days=chance.randrange(1, 90), hours=chance.randrange(24))))
    chance.shuffle(reviews)  # log order is time order across cards: ids follow the times
    reviews.sort(key=lambda r: r.time)
    return [Review(**{**vars(r), "id": index + 1}) for index, r in enumerate(reviews)]


def reference_moments(reviews: list[Review]) -> list[tuple]:
    """Each moment's figures from a plain apply_review fold, card by card."""
    rows = []
    states = {}
    for review in sorted(reviews, key=lambda r: r.id):
        if review.mode != "study" or review.undone:
            continue
        settings = DECK_SETTINGS[review.deck]
        before = states.get(review.card_key, NEW_CARD)
        after = apply_review(before, review.rating, review.time, settings, review.card_number)
        states[review.card_key] = after
        elapsed = interval = predicted = None
        if before.last_review is not None and before.stability is not None:
            elapsed = max(0, days_between(before.last_review, review.time, settings))
            if before.phase is CardPhase.REVIEW and before.due is not None:
                interval = max(0, days_between(before.last_review, before.due, settings))
            predicted = forgetting_curve(elapsed, before.stability, settings.fsrs_parameters())
        rows.append((review.id, before, after, interval, elapsed, predicted))
    return sorted(rows, key=lambda row: row[0])


def test_replay_gives_the_fold_for_store_times_and_finer_ones() -> None:
    chance = random.Random(5)
    for sub_millisecond in (False, True):
        reviews = random_log(chance, 300, sub_millisecond=sub_millisecond)
        replay = replay_log(reviews, DECK_SETTINGS.__getitem__)
        got = sorted(((m.review.id, m.before, m.after, m.interval_days, m.elapsed_days, m.predicted)
                      for m in replay.moments), key=lambda row: row[0])
        expected = reference_moments(reviews)
        assert len(got) == len(expected) > 1000
        assert got == expected
        last = {row[0]: row[2] for row in expected}
        by_card = {}
        for review in sorted(reviews, key=lambda r: r.id):
            if review.id in last:
                by_card[review.card_key] = last[review.id]
        assert replay.states == by_card
        assert [m.review.time for m in replay.moments] == sorted(m.review.time for m in replay.moments)
