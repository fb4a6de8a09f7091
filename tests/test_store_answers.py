"""Recording answers, cram and quiz modes, undo, leeches, and rebuilding the cache from the log."""

from __future__ import annotations

import random
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from drill_deck import write_deck

from quizmg.bank import load_bank
from quizmg.errors import QuizmgError
from quizmg.scheduling.memory import CardPhase, Rating
from quizmg.scheduling.scheduler import replay
from quizmg.store import Collection, open_collection

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def collection(tmp_path: Path) -> Collection:
    opened = open_collection(tmp_path / "c.sqlite3", NOW)
    opened.sync(load_bank(write_deck(tmp_path / "drill.yaml", 12, reversed_every=3)), NOW)
    opened.set_setting("timezone", "UTC")
    opened.set_setting("fuzz", False)
    yield opened
    opened.close()


def test_answer_moves_the_card_through_learning_steps(collection: Collection) -> None:
    first = collection.record_answer("drill/q1/1", Rating.GOOD, NOW, duration_ms=4200, answer="Answer 1")
    assert first.before.phase is CardPhase.NEW
    assert first.after.phase is CardPhase.LEARNING
    assert first.after.due == NOW + timedelta(minutes=10)  # second learning step
    again = collection.record_answer("drill/q1/1", Rating.AGAIN, NOW + timedelta(minutes=10))
    assert again.after.due == NOW + timedelta(minutes=11)  # back to the first step: 1 minute
    good = collection.record_answer("drill/q1/1", Rating.GOOD, NOW + timedelta(minutes=11))
    final = collection.record_answer("drill/q1/1", Rating.GOOD, NOW + timedelta(minutes=21))
    assert final.after.phase is CardPhase.REVIEW and final.after.reps == 4
    assert final.after.due is not None and final.after.due >= NOW + timedelta(days=1)
    stored = collection.card("drill/q1/1").state
    assert stored == final.after
    assert good.after.phase is CardPhase.LEARNING
    [logged, *_] = collection.reviews()
    assert (logged.card_key, logged.rating, logged.duration_ms, logged.mode) == ("drill/q1/1", 3, 4200, "study")
    assert (logged.answer, logged.correct, logged.phase) == ("Answer 1", None, CardPhase.NEW)


def test_times_are_kept_to_the_millisecond_so_replay_matches(collection: Collection) -> None:
    moment = NOW + timedelta(microseconds=123_456)
    collection.record_answer("drill/q2/1", 3, moment)
    [review] = collection.reviews()
    assert review.time == NOW + timedelta(microseconds=123_000)
    assert collection.rebuild(write=False).differing == []


def test_cram_and_quiz_answers_are_logged_but_never_change_the_schedule(collection: Collection) -> None:
    collection.record_answer("drill/q4/1", Rating.EASY, NOW)
    before = collection.card("drill/q4/1").state
    collection.record_answer("drill/q4/1", Rating.AGAIN, NOW + timedelta(hours=1), mode="cram")
    collection.record_answer("drill/q4/1", Rating.AGAIN, NOW + timedelta(hours=2), mode="quiz",
                             answer="wrong", correct=False)
    assert collection.card("drill/q4/1").state == before
    modes = [(r.mode, r.correct) for r in collection.reviews()]
    assert modes == [("study", None), ("cram", None), ("quiz", False)]
    assert len(collection.histories()[collection.card("drill/q4/1").number]) == 1
    assert collection.rebuild(write=False).differing == []


def test_bad_rating_and_mode_are_refused(collection: Collection) -> None:
    with pytest.raises(QuizmgError, match="a rating is 1"):
        collection.record_answer("drill/q1/1", 5, NOW)
    with pytest.raises(QuizmgError, match="unknown review mode"):
        collection.record_answer("drill/q1/1", 3, NOW, mode="exam")  # type: ignore[arg-type]
    assert collection.reviews() == []


def test_undo_appends_a_record_and_restores_the_previous_state(collection: Collection) -> None:
    collection.record_answer("drill/q5/1", Rating.GOOD, NOW)
    after_first = collection.card("drill/q5/1").state
    collection.record_answer("drill/q5/1", Rating.GOOD, NOW + timedelta(minutes=10))
    undone = collection.undo(NOW + timedelta(minutes=11))
    assert undone is not None and undone.card_key == "drill/q5/1" and undone.rating == 3
    assert collection.card("drill/q5/1").state == after_first == undone.state
    # The review is still in the log, marked undone by a separate record.
    log = collection.reviews(include_undone=True)
    assert [r.undone for r in log] == [False, True]
    rows = collection.connection.execute("SELECT count(*) FROM reviews").fetchone()[0]
    assert rows == 2
    # Undo again takes back the first answer; then there is nothing left.
    collection.undo(NOW + timedelta(minutes=12))
    assert collection.card("drill/q5/1").state.phase is CardPhase.NEW
    assert collection.undo(NOW + timedelta(minutes=13)) is None
    assert collection.rebuild(write=False).differing == []


def test_undo_of_a_cram_answer_leaves_the_schedule_alone(collection: Collection) -> None:
    collection.record_answer("drill/q6/1", Rating.EASY, NOW)
    state = collection.card("drill/q6/1").state
    collection.record_answer("drill/q6/1", Rating.AGAIN, NOW + timedelta(hours=1), mode="cram")
    undone = collection.undo(NOW + timedelta(hours=1))
    assert undone is not None and undone.mode == "cram"
    assert collection.card("drill/q6/1").state == state


def lapse_until_leech(collection: Collection, key: str, lapses: int) -> datetime:
    """Graduate the card, then forget and relearn it `lapses` times; the time reached."""
    moment = NOW
    collection.record_answer(key, Rating.EASY, moment)
    for _ in range(lapses):
        moment += timedelta(days=30)
        collection.record_answer(key, Rating.AGAIN, moment)  # a lapse
        moment += timedelta(minutes=10)
        collection.record_answer(key, Rating.GOOD, moment)  # relearned
    return moment


def test_eighth_lapse_makes_a_leech_and_suspends_it(collection: Collection) -> None:
    lapse_until_leech(collection, "drill/q7/1", 7)
    assert not collection.card("drill/q7/1").leech
    moment = NOW + timedelta(days=400)
    recorded = collection.record_answer("drill/q7/1", Rating.AGAIN, moment)
    assert recorded.after.lapses == 8 and recorded.became_leech and recorded.suspended
    card = collection.card("drill/q7/1")
    assert card.leech and card.suspended
    assert [c.key for c in collection.leeches()] == ["drill/q7/1"]
    assert "drill/q7/1" not in {c.key for c in collection.queue(moment + timedelta(days=5))}
    # Undoing the lapse that made it a leech lifts the suspension too.
    collection.undo(moment)
    card = collection.card("drill/q7/1")
    assert not card.leech and not card.suspended and card.state.lapses == 7


def test_leech_action_tag_keeps_the_card_in_play(collection: Collection) -> None:
    collection.set_setting("leech_threshold", 2)
    collection.set_setting("leech_action", "tag")
    lapse_until_leech(collection, "drill/q8/1", 2)
    card = collection.card("drill/q8/1")
    assert card.leech and not card.suspended


def test_suspend_and_unsuspend(collection: Collection) -> None:
    assert collection.set_suspended(["drill/q0/1"], True) == 1
    assert collection.card("drill/q0/1").suspended
    assert "drill/q0/1" not in {c.key for c in collection.queue(NOW)}
    assert collection.set_suspended(["drill/q0/1"], False) == 1
    assert "drill/q0/1" in {c.key for c in collection.queue(NOW)}
    with pytest.raises(QuizmgError):
        collection.set_suspended(["drill/nope/1"], True)


def test_rebuild_after_a_random_session_gives_identical_state(tmp_path: Path) -> None:
    with open_collection(tmp_path / "c.sqlite3", NOW) as collection:
        collection.sync(load_bank(write_deck(tmp_path / "drill.yaml", 40, reversed_every=4)), NOW)
        collection.set_setting("timezone", "UTC")  # fuzz stays on: seeded, so still reproducible
        chance = random.Random(7)
        moment = NOW
        for _ in range(400):
            moment += timedelta(minutes=chance.choice([1, 5, 30, 600, 3000]),
                                microseconds=chance.randrange(1_000_000))
            card = chance.choice(collection.cards())
            mode = chance.choice(["study"] * 8 + ["cram", "quiz"])
            collection.record_answer(card.key, chance.choice([1, 2, 3, 3, 3, 4]), moment, mode=mode)
            if chance.random() < 0.05:
                collection.undo(moment)
        cached = {c.key: c.state for c in collection.cards()}
        check = collection.rebuild(write=False)
        assert check.differing == [] and check.cards == len(cached)

        # Damage the cache; the rebuild restores exactly what the incremental updates gave.
        collection.connection.execute("UPDATE cards SET stability = 1.0, due = 0, reps = 99")
        report = collection.rebuild()
        assert report.written and len(report.differing) == len(cached)
        assert {c.key: c.state for c in collection.cards()} == cached
        # And replay through the scheduler directly agrees with the cache, card by card.
        settings = collection.settings("drill")
        histories = collection.histories()
        for card in collection.cards():
            if card.number in histories:
                assert replay(histories[card.number], settings, card.number) == card.state


def test_every_answer_is_committed_before_record_returns(collection: Collection) -> None:
    collection.record_answer("drill/q9/1", 3, NOW)
    other = sqlite3.connect(collection.path)
    assert other.execute("SELECT count(*) FROM reviews").fetchone()[0] == 1
    other.close()
    assert not collection.connection.in_transaction


def test_quiz_results_round_trip(collection: Collection) -> None:
    detail = {"questions": [{"id": "q1", "correct": True}, {"id": "q2", "correct": False}]}
    result_id = collection.save_quiz_result("drill", NOW, NOW + timedelta(minutes=5), 1, 2, detail)
    [result] = collection.quiz_results("drill")
    assert (result.id, result.score, result.max_score, result.detail) == (result_id, 1, 2, detail)
    assert result.finished_at == NOW + timedelta(minutes=5)
    assert collection.quiz_results("other") == []


def test_settings_layers_and_validation(collection: Collection) -> None:
    assert collection.settings().new_per_day == 20
    collection.set_setting("new_per_day", 5)
    collection.set_setting("new_per_day", 2, deck="drill")
    assert collection.settings().new_per_day == 5
    assert collection.settings("drill").new_per_day == 2
    with pytest.raises(QuizmgError, match="desired_retention"):
        collection.set_setting("desired_retention", 1.5)
    with pytest.raises(QuizmgError, match="is not a setting"):
        collection.set_setting("colour", "blue")
    assert collection.unset_setting("new_per_day", deck="drill")
    assert collection.settings("drill").new_per_day == 5


def test_a_step_of_a_fraction_of_a_millisecond_is_not_reported_as_differing(
    collection: Collection,
) -> None:
    # 1.00001 minutes is 60.0006 s: the due time has microseconds the cache (whole ms) drops.
    # The rebuild compares what is stored, so an untouched cache is not reported as damaged.
    collection.set_setting("learning_steps", [1.00001, 10.0])
    recorded = collection.record_answer("drill/q3/1", Rating.AGAIN, NOW)
    assert recorded.after.due is not None and recorded.after.due.microsecond % 1000 == 600
    assert collection.rebuild(write=False).differing == []


def test_rebuild_replays_each_deck_under_its_own_settings(tmp_path: Path) -> None:
    with open_collection(tmp_path / "c.sqlite3", NOW) as collection:
        collection.sync(load_bank(write_deck(tmp_path / "drill.yaml", 10)), NOW)
        other = write_deck(tmp_path / "other.yaml", 10)
        other.write_text(other.read_text(encoding="utf-8").replace("id: drill", "id: other", 1),
                         encoding="utf-8")
        collection.sync(load_bank(other), NOW)
        collection.set_setting("timezone", "UTC")
        # Tokyo's study day rolls over at 19:00 UTC, and the other deck has no learning steps:
        # replaying its cards with the drill deck's settings would give other states.
        collection.set_setting("timezone", "Asia/Tokyo", deck="other")
        collection.set_setting("learning_steps", [], deck="other")
        chance = random.Random(11)
        moment = NOW
        for _ in range(200):
            moment += timedelta(hours=chance.choice([1, 7, 20, 60]))
            card = chance.choice(collection.cards())
            collection.record_answer(card.key, chance.choice([1, 3, 3, 4]), moment)
        cached = {c.key: c.state for c in collection.cards()}
        collection.connection.execute("UPDATE cards SET stability = 2.0, reps = 50")
        report = collection.rebuild()
        assert report.reviews == 200 and len(report.differing) == len(cached) == 20
        assert {c.key: c.state for c in collection.cards()} == cached
        assert collection.rebuild(write=False).differing == []


def test_replacing_a_rating_is_one_transaction(collection: Collection, monkeypatch: pytest.MonkeyPatch) -> None:
    proposed = collection.record_answer("drill/q1/1", Rating.GOOD, NOW, answer="Answer 1", correct=True)
    replaced = collection.replace_answer(proposed.review_id, Rating.HARD, NOW + timedelta(seconds=3))
    standing = collection.reviews()
    assert [(r.rating, r.answer, r.correct) for r in standing] == [(Rating.HARD, "Answer 1", True)]
    assert collection.card("drill/q1/1").state == replaced.after
    assert replaced.before == proposed.before  # scheduled from the state before the answer

    # A failure half-way (after the undo, before the new rating) leaves the first rating standing.
    import quizmg.store.answers as answers

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("crash between the two halves")

    monkeypatch.setattr(answers, "_record", broken)
    with pytest.raises(RuntimeError):
        collection.replace_answer(replaced.review_id, Rating.EASY, NOW + timedelta(seconds=5))
    standing = collection.reviews()
    assert [(r.rating, r.answer) for r in standing] == [(Rating.HARD, "Answer 1")]
    assert collection.card("drill/q1/1").state == replaced.after
