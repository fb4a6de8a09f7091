"""Honest ratings: the documented rule (quizmg.study.rating), what a session proposes, undo of any
action, stopping at a proposal, and a summary that always equals the log."""

from __future__ import annotations

import contextlib
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizmg.bank import load_bank
from quizmg.scheduling.memory import CardPhase, Rating
from quizmg.store import Collection, open_collection
from quizmg.study.grading import Unreadable
from quizmg.study.rating import GUESSABLE_KINDS, propose
from quizmg.study.session import SessionOver, StudySession, waiting_from_queue

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
KINDS = ["mcq", "truefalse", "short", "numeric", "order", "match", "cloze"]


def rule(**overrides):
    values = dict(
        correct=True, near_miss=False, seconds=2.0, hard_seconds=25.0, easy_seconds=6.0,
        phase=CardPhase.REVIEW, kind="short", after_undo=False,
    )
    values.update(overrides)
    return propose(**values)


def test_the_rule_case_by_case() -> None:
    assert rule().rating == Rating.EASY  # fast, in review, typed exactly
    assert rule(correct=False).rating == Rating.AGAIN
    assert rule(seconds=30).rating == Rating.HARD
    assert rule(seconds=10).rating == Rating.GOOD
    for case in (
        dict(phase=CardPhase.NEW),
        dict(phase=CardPhase.LEARNING),
        dict(phase=CardPhase.RELEARNING),
        dict(kind="mcq"),
        dict(kind="truefalse"),
        dict(near_miss=True),
        dict(after_undo=True),
    ):
        proposal = rule(**case)
        assert proposal.rating == Rating.GOOD, case
        assert proposal.why  # always a reason in words


@settings(max_examples=200, deadline=None)
@given(
    correct=st.booleans(),
    near_miss=st.booleans(),
    seconds=st.floats(0, 100),
    phase=st.sampled_from(list(CardPhase)),
    kind=st.sampled_from(KINDS),
    after_undo=st.booleans(),
)
def test_easy_only_when_every_condition_holds(correct, near_miss, seconds, phase, kind, after_undo) -> None:
    proposal = rule(
        correct=correct, near_miss=near_miss, seconds=seconds, phase=phase, kind=kind, after_undo=after_undo
    )
    if proposal.rating == Rating.EASY:
        assert correct and not near_miss and seconds <= 6.0 and phase is CardPhase.REVIEW
        assert kind not in GUESSABLE_KINDS and not after_undo
    if phase is CardPhase.NEW:
        assert proposal.rating != Rating.EASY


@pytest.fixture
def collection(tmp_path: Path, sample_deck: Path) -> Collection:
    opened = open_collection(tmp_path / "collection.sqlite", NOW)
    opened.sync(load_bank(sample_deck), NOW)
    yield opened
    opened.close()


def start(collection: Collection, sample_deck: Path, now: datetime = NOW) -> StudySession:
    waiting = waiting_from_queue(collection.queue(now, ["sample"]))
    return StudySession(collection, {"sample": load_bank(sample_deck)}, waiting, now)


def test_no_first_review_is_proposed_easy_whatever_the_speed(collection, sample_deck) -> None:
    session = start(collection, sample_deck)
    proposals = []
    while True:
        try:
            asked = session.next_card(NOW)
        except SessionOver:
            break
        if asked.self_rated:
            session.rate(3, 1.0, NOW)
            continue
        _grade, proposed = session.grade_answer(asked.answer_key(), 0.5, NOW)
        proposals.append((asked.kind, proposed, session.proposal.why))
        session.rate(proposed, 0.5, NOW)
    assert proposals and all(rating == Rating.GOOD for _, rating, _ in proposals), proposals


def test_an_answer_given_again_after_an_undo_is_not_fast(collection, sample_deck) -> None:
    collection.set_setting("learning_steps", [1.0])
    session = start(collection, sample_deck)
    while (asked := session.next_card(NOW)).kind != "short":
        session.rate(3, 1.0, NOW)  # one step: Good graduates
    session.rate(3, 1.0, NOW)
    later = NOW + timedelta(days=30)  # the short card is in review now
    session = start(collection, sample_deck, later)
    while (asked := session.next_card(later)).kind != "short":
        session.rate(3, 1.0, later)
    assert session.grade_answer(asked.answer_key(), 1.0, later)[1] == Rating.EASY  # fast, in review
    assert session.undo(later) == ("answer", asked.key)
    again = session.next_card(later)
    assert again.key == asked.key
    assert session.grade_answer(again.answer_key(), 1.0, later)[1] == Rating.GOOD
    assert session.proposal.why == "answered again after an undo"


def test_undo_takes_back_the_last_action_whatever_it_was(collection, sample_deck) -> None:
    session = start(collection, sample_deck)
    first = session.next_card(NOW).key
    session.rate(3, 1.0, NOW)
    second = session.next_card(NOW).key
    assert session.suspend(NOW) == second
    assert collection.card(second).suspended
    # u after s: the suspension is undone, not the answer before it.
    assert session.undo(NOW) == ("suspend", second)
    assert not collection.card(second).suspended
    assert session.next_card(NOW).key == second
    assert session.bury(NOW) == second
    assert collection.card(second).buried_until is not None
    assert session.undo(NOW) == ("bury", second)
    assert collection.card(second).buried_until is None
    assert session.next_card(NOW).key == second
    # And then the answer.
    assert session.undo(NOW) == ("answer", first)
    assert collection.reviews("sample") == []
    assert session.next_card(NOW).key == first
    assert session.summary.answered == [] and session.summary.suspended == session.summary.buried == 0


def test_stopping_at_a_proposal_keeps_and_counts_it(collection, sample_deck) -> None:
    session = start(collection, sample_deck)
    while (asked := session.next_card(NOW)).self_rated:
        session.rate(3, 1.0, NOW)
    session.grade_answer(asked.answer_key(), 8.0, NOW)
    assert session.keep_at_stop(NOW)
    assert session.summary.kept_at_stop == 1
    log = [r for r in collection.reviews("sample")]
    assert [(r.card_key, r.rating) for r in log][-1] == (asked.key, Rating.GOOD)
    assert session.summary.ratings()[Rating.GOOD] == len(log)
    assert not session.keep_at_stop(NOW)  # nothing pending: nothing more kept


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_summary_equals_the_log_whatever_the_learner_does(collection, sample_deck, seed) -> None:
    rng = random.Random(seed)
    session = start(collection, sample_deck)
    clock = NOW
    for _ in range(40):
        clock += timedelta(seconds=rng.randint(1, 90))
        try:
            asked = session.next_card(clock)
        except SessionOver:
            break
        if not asked.self_rated:
            given_text = asked.answer_key() if rng.random() < 0.7 else "zzz 9"
            with contextlib.suppress(Unreadable):  # not an answer to this kind: rated by hand
                session.grade_answer(given_text, rng.uniform(0.5, 40), clock)
        action = rng.choice(["accept", "override", "undo", "suspend", "bury", "accept", "override"])
        if action == "undo":
            session.undo(clock)
        elif action == "suspend":
            session.suspend(clock)
        elif action == "bury":
            session.bury(clock)
        elif action == "override" or session.proposal is None:
            session.rate(rng.randint(1, 4), 5.0, clock)
        else:
            session.rate(session.proposal.rating, 5.0, clock)
    session.keep_at_stop(clock)
    log = [r for r in collection.reviews("sample") if r.mode == "study"]
    counts = {int(rating): 0 for rating in Rating}
    for review in log:
        counts[review.rating] += 1
    assert session.summary.ratings() == counts
    assert len(session.summary.answered) == len(log)
    assert session.summary.suspended == sum(card.suspended for card in collection.cards("sample"))
