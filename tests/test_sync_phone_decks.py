"""What the phone does to quizmg's decks, through a real `python -m anki.syncserver` on 127.0.0.1 (a
second client made with the anki library plays the phone; quizmg runs as its real executable): notes
added there are named once, as they arrive, and left on the phone whatever quizmg sends later; a card
moved to another deck there stays where the learner put it, and its answers still come back."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

pytest.importorskip("anki")

from sync_server import Phone, PhoneDeck, change_deck_file, seen_in_quizmg, synced

from quizmg.store import open_collection


def add_on_phone(phone: Phone, deck_name: str, front: str, back: str) -> int:
    note = phone.col.new_note(phone.col.models.by_name("Basic"))
    note["Front"], note["Back"] = front, back
    phone.col.add_note(note, phone.col.decks.id(deck_name))
    return int(note.id)


def test_a_note_added_on_the_phone_is_named_once_and_stays_there(phone_deck: PhoneDeck) -> None:
    deck, home, phone = phone_deck
    questions = set(seen_in_quizmg(deck, home))
    added = add_on_phone(phone, "Sample deck", "What does the <b>aortic valve</b> stop?", "Backflow")
    add_on_phone(phone, "Sample deck::Notes on the heart", "Where does the vena cava end?", "Right atrium")
    add_on_phone(phone, "Default", "Capital of France?", "Paris")  # not a deck quizmg syncs
    phone.sync()

    out = synced(home)
    assert (
        "sample: 2 notes in its Anki deck are not in the deck file ('What does the aortic valve stop?', "
        "'Where does the vena cava end?'): studied in Anki only; write them into"
    ) in out
    assert str(deck) in out
    assert "Capital of France" not in out
    assert set(seen_in_quizmg(deck, home)) == questions  # quizmg's deck is its file

    # Said once: the next sync has nothing new to say.
    assert "not in the deck file" not in synced(home)

    # quizmg sends its deck again after a change of the file: the phone keeps its own notes.
    change_deck_file(deck)
    out = synced(home)
    assert "not in the deck file" not in out
    phone.sync()
    assert phone.col.get_note(added)["Back"] == "Backflow"
    assert phone.col.db.scalar("select count() from notes where flds like '%vena cava%'") == 1


def test_an_edit_on_the_phone_of_an_added_note_names_it_again(phone_deck: PhoneDeck) -> None:
    _, home, phone = phone_deck
    added = add_on_phone(phone, "Sample deck", "One note", "made on the phone")
    phone.sync()
    assert "sample: 1 note in its Anki deck is not in the deck file ('One note'): studied in Anki only" in (
        synced(home)
    )
    note = phone.col.get_note(added)
    note["Front"] = "One note, edited"
    phone.update_note(note)
    phone.sync()
    assert "('One note, edited')" in synced(home)


def test_a_card_moved_on_the_phone_stays_there_and_its_answers_come_back(phone_deck: PhoneDeck) -> None:
    deck, home, phone = phone_deck
    cards = [card.id for card in phone.note("sample", "basic-1").cards()]
    elsewhere = phone.col.decks.id("Elsewhere")
    phone.col.set_deck(cards, elsewhere)
    phone.sync()
    synced(home)
    change_deck_file(deck)  # quizmg sends its notes again: the move is not undone
    assert "Sent 0 answer(s) and 1 new or changed note(s)" in synced(home)
    phone.sync()
    assert {phone.col.get_card(card).did for card in cards} == {elsewhere}

    (answered,) = phone.study("Elsewhere", 1)
    phone.sync()
    assert "received 1 answer(s) made on other devices" in synced(home)
    with open_collection(home / "collection.sqlite3", datetime.now(timezone.utc)) as collection:
        reviewed = [card for card in collection.cards("sample") if card.state.reps]
    assert [(card.question_id, card.state.reps) for card in reviewed] == [("basic-1", 1)]
    assert answered[0] in cards
