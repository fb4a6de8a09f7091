"""The study session's state machine on a real SQLite collection, with the time passed in."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from quizmg.bank import load_bank
from quizmg.scheduling.memory import CardPhase
from quizmg.store import Collection, open_collection
from quizmg.study.grading import Unreadable
from quizmg.study.session import (
    SessionOver,
    StudySession,
    waiting_for_cram,
    waiting_from_queue,
)

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def collection(tmp_path: Path, sample_deck: Path) -> Collection:
    opened = open_collection(tmp_path / "collection.sqlite", NOW)
    opened.sync(load_bank(sample_deck), NOW)
    yield opened
    opened.close()


def session_for(collection: Collection, sample_deck: Path, **options) -> StudySession:
    bank = load_bank(sample_deck)
    waiting = waiting_from_queue(collection.queue(NOW, ["sample"]))
    return StudySession(collection, {"sample": bank}, waiting, NOW, **options)


def next_graded(session: StudySession, now: datetime = NOW):
    """Bury self-rated cards until a graded one comes up."""
    asked = session.next_card(now)
    while asked.self_rated:
        session.bury(now)
        asked = session.next_card(now)
    return asked


def test_a_graded_answer_is_in_the_log_before_the_rating_is_chosen(collection, sample_deck) -> None:
    session = session_for(collection, sample_deck)
    asked = next_graded(session)
    grade, proposed = session.grade_answer(asked.answer_key(), 10.0, NOW)
    assert grade.correct and proposed == 3  # right in 10 s, between easy (6) and hard (25)
    log = collection.reviews("sample")
    assert [(r.card_key, r.rating, r.answer, r.correct) for r in log] == [(asked.key, 3, asked.answer_key(), True)]


def test_accepting_the_proposed_rating_adds_nothing_more(collection, sample_deck) -> None:
    session = session_for(collection, sample_deck)
    asked = next_graded(session)
    session.grade_answer(asked.answer_key(), 2.0, NOW)
    session.rate(4, 2.0, NOW)
    assert [r.rating for r in collection.reviews("sample")] == [4]
    assert session.summary.right == 1


def test_overriding_the_rating_replaces_the_review_and_keeps_the_answer(collection, sample_deck) -> None:
    session = session_for(collection, sample_deck)
    asked = next_graded(session)
    session.grade_answer(asked.answer_key(), 10.0, NOW)
    session.rate(2, 10.0, NOW)
    kept = collection.reviews("sample")
    assert [(r.rating, r.answer, r.correct) for r in kept] == [(2, asked.answer_key(), True)]
    assert len(collection.reviews("sample", include_undone=True)) == 2
    assert collection.card(asked.key).state.reps == 1


def test_unreadable_input_records_nothing(collection, sample_deck) -> None:
    session = session_for(collection, sample_deck)
    asked = next_graded(session)
    with pytest.raises(Unreadable):
        session.grade_answer("", 1.0, NOW)
    assert collection.reviews("sample") == []
    assert session.next_card(NOW) is asked


def test_wrong_answer_proposes_again_and_the_card_comes_back_in_the_session(collection, sample_deck) -> None:
    session = session_for(collection, sample_deck)
    asked = next_graded(session)
    grade, proposed = _wrong(session, asked)
    assert not grade.correct and proposed == 1
    session.rate(proposed, 3.0, NOW)
    assert collection.card(asked.key).state.phase in (CardPhase.LEARNING, CardPhase.RELEARNING)
    assert session.counts()["learning"] == 1
    # Once everything else is done (or its step is due), the card returns.
    later = NOW + timedelta(minutes=2)
    seen = []
    while True:
        try:
            card = session.next_card(later)
        except SessionOver:
            break
        seen.append(card.key)
        if card.key == asked.key:
            break
        session.bury(later)
    assert seen[-1] == asked.key


def _wrong(session: StudySession, asked):
    """Give a readable but wrong answer to the current card."""
    if asked.kind in ("short", "cloze"):
        return session.grade_answer("zzzz 999 x", 3.0, NOW)
    if asked.kind == "truefalse":
        return session.grade_answer("f" if asked.answer_key() == "t" else "t", 3.0, NOW)
    if asked.kind == "numeric":
        return session.grade_answer("123456", 3.0, NOW)
    if asked.kind == "mcq":
        letter = next(c for c in "abcdefgh"[: len(asked.shown)] if c not in asked.answer_key())
        return session.grade_answer(letter, 3.0, NOW)
    if asked.kind == "order":
        numbers = asked.answer_key().split()
        return session.grade_answer(" ".join(numbers[1:] + numbers[:1]), 3.0, NOW)
    letters = [pair[-1] for pair in asked.answer_key().split()]
    return session.grade_answer(" ".join(letters[1:] + letters[:1]), 3.0, NOW)


def test_self_rated_card_is_recorded_by_its_rating(collection, sample_deck) -> None:
    session = session_for(collection, sample_deck)
    asked = session.next_card(NOW)
    assert asked.self_rated  # the sample queue starts with a basic card
    intervals = session.intervals(NOW)
    assert sorted(intervals) == [1, 2, 3, 4]
    assert intervals[1] < intervals[3] < intervals[4]
    session.rate(3, 8.0, NOW)
    review = collection.reviews("sample")[0]
    assert (review.card_key, review.rating, review.answer, review.correct) == (
        asked.key,
        3,
        None,
        None,
    )


def test_undo_takes_back_the_last_answer_and_asks_that_card_again(collection, sample_deck) -> None:
    session = session_for(collection, sample_deck)
    first = session.next_card(NOW)
    session.rate(3, 5.0, NOW)
    second = session.next_card(NOW)
    assert second.key != first.key
    assert session.undo(NOW) is not None
    assert collection.reviews("sample") == []
    assert collection.card(first.key).state.phase == CardPhase.NEW
    assert session.next_card(NOW).key == first.key
    session.rate(3, 5.0, NOW)
    assert session.next_card(NOW).key == second.key  # the card on screen was not lost
    assert session.undo(NOW) is not None
    assert session.undo(NOW) is None  # nothing older than this session is undone


def test_undo_of_a_graded_answer_before_rating_asks_it_again(collection, sample_deck) -> None:
    session = session_for(collection, sample_deck)
    asked = next_graded(session)
    session.grade_answer(asked.answer_key(), 4.0, NOW)
    session.undo(NOW)
    assert collection.reviews("sample") == []
    assert session.next_card(NOW).key == asked.key


def test_suspend_and_bury_reach_the_collection(collection, sample_deck) -> None:
    session = session_for(collection, sample_deck)
    first = session.next_card(NOW)
    session.suspend(NOW)
    second = session.next_card(NOW)
    session.bury(NOW)
    assert collection.card(first.key).suspended
    assert collection.card(second.key).buried_until is not None
    keys = {q.key for q in collection.queue(NOW, ["sample"])}
    assert first.key not in keys and second.key not in keys
    assert (session.summary.suspended, session.summary.buried) == (1, 1)
    assert collection.reviews("sample") == []


def test_suspending_after_a_graded_answer_keeps_the_answer(collection, sample_deck) -> None:
    session = session_for(collection, sample_deck)
    asked = next_graded(session)
    session.grade_answer(asked.answer_key(), 10.0, NOW)
    session.suspend(NOW)
    assert [r.card_key for r in collection.reviews("sample")] == [asked.key]
    assert collection.card(asked.key).suspended


def test_card_and_new_limits(collection, sample_deck) -> None:
    session = session_for(collection, sample_deck, card_limit=2)
    for _ in range(2):
        session.next_card(NOW)
        session.rate(4, 1.0, NOW)
    with pytest.raises(SessionOver, match="limit of 2 cards"):
        session.next_card(NOW)
    fresh = session_for(collection, sample_deck, new_limit=1)
    fresh.next_card(NOW)
    fresh.rate(4, 1.0, NOW)
    assert fresh.counts()["new"] == 0
    with pytest.raises(SessionOver):
        fresh.next_card(NOW)


def test_time_limit(collection, sample_deck) -> None:
    session = session_for(collection, sample_deck, time_limit=timedelta(minutes=5))
    session.next_card(NOW)
    session.rate(3, 1.0, NOW + timedelta(minutes=1))
    with pytest.raises(SessionOver, match="time limit of 5 minutes"):
        session.next_card(NOW + timedelta(minutes=6))


@pytest.mark.parametrize(
    ("limits", "said"),
    [
        ({"time_limit": timedelta(minutes=1)}, "the time limit of 1 minute"),
        ({"time_limit": timedelta(seconds=90)}, "the time limit of 1.5 minutes"),
        ({"card_limit": 1}, "the limit of 1 card"),
    ],
)
def test_a_limit_of_one_is_said_in_the_singular(collection, sample_deck, limits, said) -> None:
    session = session_for(collection, sample_deck, **limits)
    session.next_card(NOW)
    session.rate(3, 1.0, NOW)
    with pytest.raises(SessionOver) as over:
        session.next_card(NOW + timedelta(minutes=2))
    assert str(over.value) == said


def test_cram_logs_cram_reviews_and_leaves_the_schedule_alone(collection, sample_deck) -> None:
    bank = load_bank(sample_deck)
    waiting = waiting_for_cram(collection.cards("sample"), NOW)
    assert len(waiting) == len(bank.cards())
    session = StudySession(collection, {"sample": bank}, waiting, NOW, cram=True)
    first = session.next_card(NOW)
    assert session.intervals(NOW) == {}
    session.rate(1, 2.0, NOW)
    log = collection.reviews("sample")
    assert [(r.mode, r.rating) for r in log] == [("cram", 1)]
    assert collection.card(first.key).state.phase == CardPhase.NEW
    assert collection.queue(NOW, ["sample"])[0].key == first.key  # still new for real study
    # Forgotten in cram: it comes again at the end of the cram list.
    keys = []
    while True:
        try:
            keys.append(session.next_card(NOW).key)
        except SessionOver:
            break
        session.rate(3, 1.0, NOW)
    assert keys[-1] == first.key


def test_deck_order_groups_cards_by_deck() -> None:
    class Queued:
        def __init__(self, deck: str, key: str) -> None:
            self.deck, self.key, self.question_id, self.ordinal = deck, key, key, 1
            self.reason, self.number = "new", 1

    queued = [Queued("b", "1"), Queued("a", "2"), Queued("b", "3"), Queued("a", "4")]
    assert [w.key for w in waiting_from_queue(queued)] == ["1", "2", "3", "4"]
    assert [w.key for w in waiting_from_queue(queued, deck_order=True)] == ["2", "4", "1", "3"]
