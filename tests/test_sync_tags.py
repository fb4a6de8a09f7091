"""Tags edited on the phone, and edits made there one after another, come back through a real
`python -m anki.syncserver` on 127.0.0.1 (a second client made with the anki library plays the
phone; quizmg runs as its real executable)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

pytest.importorskip("anki")

from sync_server import PhoneDeck, Server, deck_on_phone, run_quizmg, sample_deck, seen_in_quizmg


def test_two_edits_made_on_the_phone_one_after_the_other_both_stay(phone_deck: PhoneDeck) -> None:
    deck, home, phone = phone_deck
    note = phone.note("sample", "basic-1")
    note["Front"] = "Which node sets the heart's rhythm?"
    phone.update_note(note)
    phone.sync()
    assert run_quizmg(home, "sync").returncode == 0
    phone.sync()  # the phone takes what quizmg sent back

    # A second edit, of another field of the same note: the first must not be lost.
    note = phone.note("sample", "basic-1")
    note["Back"] = "The SA node"
    phone.update_note(note)
    phone.sync()
    result = run_quizmg(home, "sync")
    assert result.returncode == 0, result.stderr
    question = seen_in_quizmg(deck, home)["basic-1"]
    assert question.prompt == "Which node sets the heart's rhythm?"
    assert question.answer == "The SA node"
    phone.sync()
    assert "Which node sets" in phone.note("sample", "basic-1")["Front"]


def test_tags_added_and_removed_on_the_phone_come_back(sync_server: Server, tmp_path: Path) -> None:
    deck = sample_deck(tmp_path, tags="cardiac, exam-1")
    home = tmp_path / "home"
    phone = deck_on_phone(home, sync_server, deck, tmp_path / "phone.anki2")
    try:
        note = phone.note("sample", "basic-1")
        assert {"physiology", "cardiac", "exam-1"} <= set(note.tags)
        note.tags = [t for t in note.tags if t != "exam-1"] + ["hard", "Anatomy::Heart"]
        phone.update_note(note)
        phone.sync()

        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "sample/basic-1" in result.stdout
        question = seen_in_quizmg(deck, home)["basic-1"]
        assert set(question.tags) == {"cardiac", "hard", "Anatomy::Heart"}
        assert question.prompt == "What is the heart's pacemaker called?"  # the fields untouched
        assert "tags: [cardiac, exam-1]" in deck.read_text(encoding="utf-8")  # the file as it was

        # The next sync sends the note with the phone's tags: nothing changes back on the phone.
        assert run_quizmg(home, "sync").returncode == 0
        phone.sync()
        tags = set(phone.note("sample", "basic-1").tags)
        assert {"hard", "Anatomy::Heart", "cardiac", "physiology"} <= tags and "exam-1" not in tags
    finally:
        phone.close()


def test_a_deck_tag_removed_from_one_note_on_the_phone_is_named(phone_deck: PhoneDeck) -> None:
    deck, home, phone = phone_deck
    note = phone.note("sample", "tf-1")
    note.tags = [t for t in note.tags if t != "physiology"] + ["review"]
    phone.update_note(note)
    phone.sync()
    result = run_quizmg(home, "sync")
    assert result.returncode == 0, result.stderr
    assert "sample/tf-1: the tag physiology, removed in Anki, is the deck's" in result.stdout
    assert seen_in_quizmg(deck, home)["tf-1"].tags == ["review"]


def test_anki_tag_case_is_not_an_edit(sync_server: Server, tmp_path: Path) -> None:
    """Anki compares tags without case: a tag written in another case on the phone is no edit."""
    deck = sample_deck(tmp_path)
    home = tmp_path / "home"
    phone = deck_on_phone(home, sync_server, deck, tmp_path / "phone.anki2")
    try:
        note = phone.note("sample", "short-1")
        note.tags = ["PHYSIOLOGY"]
        phone.update_note(note)
        phone.sync()
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "sample/short-1" not in result.stdout
        assert seen_in_quizmg(deck, home)["short-1"].tags == []
    finally:
        phone.close()


def test_notes_marked_on_the_phone_stay_marked_when_quizmg_changes_them(sync_server: Server, tmp_path: Path) -> None:
    """Anki's importer drops "marked" and "leech" from a package taken without scheduling; quizmg's
    re-sent notes must not take the learner's marks off."""
    deck = sample_deck(tmp_path)
    home = tmp_path / "home"
    phone = deck_on_phone(home, sync_server, deck, tmp_path / "phone.anki2")
    try:
        for question, mark in (("basic-1", "marked"), ("tf-1", "leech")):
            note = phone.note("sample", question)
            note.tags = [*note.tags, mark]
            phone.update_note(note)
        phone.sync()
        time.sleep(1.1)  # quizmg's change is newer than the phone's, to the second Anki compares
        deck.write_text(
            deck.read_text(encoding="utf-8")
            .replace("What is the heart's pacemaker called?", "What sets the heart's pace?")
            .replace("Arteries carry", "Most arteries carry"),
            encoding="utf-8",
        )
        result = run_quizmg(home, "sync")
        assert result.returncode == 0, result.stderr
        assert "Notes edited in Anki" not in result.stdout, result.stdout  # a mark is no edit
        phone.sync()
        basic, statement = phone.note("sample", "basic-1"), phone.note("sample", "tf-1")
        assert "What sets the heart's pace?" in basic["Front"]
        assert "marked" in basic.tags and "leech" in statement.tags
        assert "Most arteries" in statement["Statement"]
        assert "marked" not in seen_in_quizmg(deck, home)["basic-1"].tags
    finally:
        phone.close()
