"""Syncing banks into the collection: new, kept, retired and returning cards."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from quizmg.bank import load_bank
from quizmg.errors import QuizmgError
from quizmg.scheduling.memory import CardPhase
from quizmg.store import open_collection

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


def write_deck(path: Path, prompts: dict[str, str], deck_id: str = "capitals") -> Path:
    """A deck of basic questions: id -> prompt (answers are fixed, they do not matter here)."""
    lines = [f"id: {deck_id}", "title: Capitals", "questions:" if prompts else "questions: []"]
    for question_id, prompt in prompts.items():
        lines += [f"  - id: {question_id}", "    kind: basic", f"    prompt: {prompt}",
                  "    answer: an answer"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_sync_creates_one_card_per_card_ref(tmp_path: Path, sample_deck: Path) -> None:
    bank = load_bank(sample_deck)
    with open_collection(tmp_path / "c.sqlite3", NOW) as collection:
        report = collection.sync(bank, NOW)
        assert report.registered and report.added == len(bank.cards()) and not report.unchanged
        cards = collection.cards("sample")
        assert [c.key for c in cards] == [ref.key for ref in bank.cards()]
        assert [c.number for c in cards] == [ref.number for ref in bank.cards()]
        assert all(c.state.phase is CardPhase.NEW for c in cards)
        [deck] = collection.decks()
        assert (deck.name, deck.questions, deck.cards) == ("sample", len(bank.questions), len(cards))


def test_unchanged_file_costs_one_select(tmp_path: Path, sample_deck: Path) -> None:
    bank = load_bank(sample_deck)
    with open_collection(tmp_path / "c.sqlite3", NOW) as collection:
        collection.sync(bank, NOW)
        statements: list[str] = []
        collection.connection.set_trace_callback(statements.append)
        report = collection.sync(load_bank(sample_deck), NOW + timedelta(hours=1))
        collection.connection.set_trace_callback(None)
        assert report.unchanged
        assert len(statements) == 1 and statements[0].startswith("SELECT")


def test_edited_deck_keeps_progress_retires_and_brings_back(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "capitals.yaml", {"fr": "Capital of France?", "de": "Capital of Germany?"})
    with open_collection(tmp_path / "c.sqlite3", NOW) as collection:
        collection.sync(load_bank(deck), NOW)
        collection.record_answer("capitals/fr/1", 3, NOW)
        collection.record_answer("capitals/de/1", 3, NOW)
        progress = collection.card("capitals/fr/1").state

        # Reworded France, Germany removed, Italy added.
        write_deck(deck, {"fr": "Which city is the capital of France?", "it": "Capital of Italy?"})
        report = collection.sync(load_bank(deck), NOW + timedelta(minutes=5))
        assert (report.added, report.kept, report.retired, report.unretired) == (1, 1, 1, 0)
        assert collection.card("capitals/fr/1").state == progress
        germany = collection.card("capitals/de/1")
        assert germany.retired and germany.state.reps == 1
        assert len(collection.reviews()) == 2  # retiring never deletes history
        assert "capitals/de/1" not in {c.key for c in collection.queue(NOW + timedelta(days=9))}

        write_deck(deck, {"fr": "Capital of France?", "it": "Capital of Italy?", "de": "Capital of Germany?"})
        report = collection.sync(load_bank(deck), NOW + timedelta(minutes=10))
        assert (report.added, report.kept, report.retired, report.unretired) == (0, 2, 0, 1)
        back = collection.card("capitals/de/1")
        assert not back.retired and back.state.reps == 1


def test_moved_deck_file_updates_its_path(tmp_path: Path) -> None:
    first = write_deck(tmp_path / "a.yaml", {"fr": "Capital of France?"})
    second = write_deck(tmp_path / "b.yaml", {"fr": "Capital of France?"})
    with open_collection(tmp_path / "c.sqlite3", NOW) as collection:
        collection.sync(load_bank(first), NOW)
        first.unlink()  # moved: while the first file exists, the second is refused (one id, two decks)
        report = collection.sync(load_bank(second), NOW)
        assert report.moved_from == str(first.resolve())
        assert collection.deck_paths() == {"capitals": second.resolve()}


def test_unknown_deck_and_card_are_clear_errors(tmp_path: Path) -> None:
    with open_collection(tmp_path / "c.sqlite3", NOW) as collection:
        with pytest.raises(QuizmgError, match="deck 'nope' is not in the collection"):
            collection.cards("nope")
        with pytest.raises(QuizmgError, match="no card 'x/y/1'"):
            collection.record_answer("x/y/1", 3, NOW)


def test_retired_cards_are_never_deleted(tmp_path: Path) -> None:
    deck = write_deck(tmp_path / "d.yaml", {"fr": "France?", "de": "Germany?"})
    path = tmp_path / "c.sqlite3"
    with open_collection(path, NOW) as collection:
        collection.sync(load_bank(deck), NOW)
        write_deck(deck, {})
        collection.sync(load_bank(deck), NOW)
    count = sqlite3.connect(path).execute("SELECT count(*), sum(retired) FROM cards").fetchone()
    assert count == (2, 2)
