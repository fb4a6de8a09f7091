"""The card search (quizmg.store.card_query) and the forget / set-due events, on a fixed clock."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from quizmg.bank import load_bank
from quizmg.errors import QuizmgError
from quizmg.scheduling.memory import CardPhase, Rating
from quizmg.store import Collection, open_collection
from quizmg.store.card_events import forget, set_due
from quizmg.store.card_query import QuestionFacts, check_names, parse_query, select_cards

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def collection(tmp_path: Path) -> Collection:
    opened = open_collection(tmp_path / "c.sqlite3", NOW)
    opened.set_setting("timezone", "UTC")
    opened.set_setting("fuzz", False)
    opened.sync(load_bank(DATA / "sample.yaml"), NOW)
    yield opened
    opened.close()


def facts_of(deck: str) -> dict[str, QuestionFacts]:
    bank = load_bank(DATA / "sample.yaml")
    return {
        q.id or "": QuestionFacts(q.prompt_text(), q.kind, q.mechanism, frozenset([*bank.deck.tags, *q.tags]))  # type: ignore[attr-defined]
        for q in bank.questions
    }


def keys(collection: Collection, search: str, when: datetime = NOW, **options: object) -> list[str]:
    query = parse_query(search)
    return select_cards(collection, query, when, facts_of=facts_of, **options).keys  # type: ignore[arg-type]


def test_parse_reads_fields_negation_quotes_and_card_names() -> None:
    query = parse_query('is:due -tag:sleep "two words" deck/q-1 Mech:x*')
    assert [str(t) for t in query.terms] == ["is:due", "-tag:sleep", "two words", "card:deck/q-1", "mech:x*"]
    assert query.needs_facts


@pytest.mark.parametrize("bad", ["is:sleeping", "flag:1", "tag:", 'unclosed "quote'])
def test_parse_refuses_what_it_cannot_read(bad: str) -> None:
    with pytest.raises(QuizmgError):
        parse_query(bad)


def test_every_state_filter(collection: Collection) -> None:
    everything = keys(collection, "")
    assert len(everything) == 23 and keys(collection, "is:new") == everything
    collection.record_answer("sample/tf-1/1", Rating.AGAIN, NOW)  # learning, due in a minute
    for minute in (0, 1, 2):  # graduates: review, due in days
        collection.record_answer("sample/mcq-1/1", Rating.GOOD, NOW + timedelta(minutes=10 * minute))
    collection.set_suspended(["sample/basic-1/1"], True)
    collection.bury(["sample/short-1/1"], NOW)
    collection.connection.execute("UPDATE cards SET leech = 1 WHERE key = 'sample/order-1/1'")
    assert keys(collection, "is:learning") == ["sample/tf-1/1"]
    assert keys(collection, "is:review") == ["sample/mcq-1/1"]
    assert keys(collection, "is:suspended") == ["sample/basic-1/1"]
    assert keys(collection, "is:buried") == ["sample/short-1/1"]
    assert keys(collection, "is:leech") == ["sample/order-1/1"]
    assert keys(collection, "is:due") == []  # the learning card waits a minute
    assert keys(collection, "is:due", NOW + timedelta(minutes=2)) == ["sample/tf-1/1"]
    review_due = collection.card("sample/mcq-1/1").state.due
    assert sorted(keys(collection, "is:due", review_due)) == ["sample/mcq-1/1", "sample/tf-1/1"]
    assert len(keys(collection, "is:new -is:suspended -is:buried -is:leech")) == 23 - 5


def test_deck_facts_text_and_sorting(collection: Collection) -> None:
    true_false = keys(collection, "kind:truefalse")
    assert "sample/tf-1/1" in true_false and all(".true/" in k or ".false/" in k or "tf-" in k for k in true_false)
    assert keys(collection, "deck:sam*") == keys(collection, "")
    assert keys(collection, "deck:other") == []
    assert keys(collection, "tag:physiology") == keys(collection, "")  # the deck's own tag
    by_mechanism = keys(collection, "mech:adrenaline-heart")
    assert by_mechanism and all(k.startswith("sample/adrenaline-heart.") for k in by_mechanism)
    heart = facts_of("sample")["tf-1"].prompt.split()[1]
    assert "sample/tf-1/1" in keys(collection, heart.upper())  # text, any case
    assert "sample/tf-1/1" not in keys(collection, f"-{heart}")
    collection.record_answer("sample/tf-1/1", Rating.AGAIN, NOW)
    assert keys(collection, "", sort="due", limit=1) == ["sample/tf-1/1"]
    assert keys(collection, "", sort="reps", reverse=True)[0] == "sample/tf-1/1"
    assert keys(collection, "", sort="card") == sorted(keys(collection, ""))


def test_a_question_id_names_all_its_cards(collection: Collection) -> None:
    cloze = keys(collection, "sample/cloze-1")
    assert cloze and all(k.startswith("sample/cloze-1/") for k in cloze)
    assert keys(collection, "sample/tf-1") == ["sample/tf-1/1"]
    assert keys(collection, "sample/tf-1/1") == ["sample/tf-1/1"]
    with pytest.raises(QuizmgError, match="no card 'sample/tf-9'"):
        check_names(collection, parse_query("sample/tf-9"))


def test_forget_puts_a_card_back_to_new_and_replays_agree(collection: Collection) -> None:
    key = "sample/mcq-1/1"
    for minute in (0, 10, 20):
        collection.record_answer(key, Rating.GOOD, NOW + timedelta(minutes=minute))
    assert forget(collection, [key], NOW + timedelta(hours=1)) == 1
    card = collection.card(key)
    assert card.state.phase is CardPhase.NEW and card.state.reps == 0
    assert len(collection.reviews()) == 3  # the history is kept
    assert collection.rebuild(write=False).differing == []
    # Answered again, the card starts afresh; undoing that answer gives the forgotten card back.
    again = collection.record_answer(key, Rating.GOOD, NOW + timedelta(hours=2))
    assert again.before.phase is CardPhase.NEW and again.after.reps == 1
    assert collection.rebuild(write=False).differing == []
    collection.undo(NOW + timedelta(hours=2, minutes=1))
    assert collection.card(key).state.phase is CardPhase.NEW
    assert collection.rebuild(write=False).differing == []


def test_the_optimizer_sees_a_forgotten_cards_history_from_its_latest_forget(collection: Collection) -> None:
    key = "sample/mcq-1/1"
    number = collection.card(key).number
    for minute in (0, 10, 20):
        collection.record_answer(key, Rating.AGAIN, NOW + timedelta(minutes=minute))
    assert len(collection.histories()[number]) == 3
    forget(collection, [key], NOW + timedelta(hours=1))
    assert number not in collection.histories()  # nothing to fit until it is answered again
    collection.record_answer(key, Rating.GOOD, NOW + timedelta(hours=2))
    assert [rating for _, rating in collection.histories()[number]] == [Rating.GOOD]
    assert len(collection.reviews()) == 4  # every answer still in the log, for statistics


def test_set_due_moves_a_scheduled_card_and_leaves_new_ones(collection: Collection) -> None:
    key = "sample/mcq-1/1"
    for minute in (0, 10, 20):
        collection.record_answer(key, Rating.GOOD, NOW + timedelta(minutes=minute))
    target = NOW + timedelta(days=30)
    assert set_due(collection, {key: target, "sample/tf-1/1": target}, NOW) == (1, 1)
    assert collection.card(key).state.due == target
    assert collection.card("sample/tf-1/1").state.phase is CardPhase.NEW
    assert collection.rebuild(write=False).differing == []
    # Messing up the cache: the rebuild restores the moved due date from the event.
    collection.connection.execute("UPDATE cards SET due = 0 WHERE key = ?", (key,))
    assert collection.rebuild().differing == [key]
    assert collection.card(key).state.due == target
    # A later answer schedules the card afresh, as in Anki.
    collection.record_answer(key, Rating.GOOD, target)
    assert collection.card(key).state.due != target
    assert collection.rebuild(write=False).differing == []
