"""Packages that update instead of duplicate: re-imports, edits, GUIDs and note type ids, proved in real Anki."""

from __future__ import annotations

import zipfile
from datetime import timedelta
from pathlib import Path

import genanki
from anki.collection import Collection
from anki_collection import ANKI_NOW as NOW
from anki_collection import deck_file, import_package, new_collection, note_by_question

from quizmg.bank import bank_from_deck, load_bank
from quizmg.formats.anki.exporter import build_package, write_apkg
from quizmg.formats.anki.notetypes import SPECS
from quizmg.model import Deck


def test_reimport_of_the_same_file_adds_nothing(sample_col: tuple[Collection, Path]) -> None:
    col, out = sample_col
    log = import_package(col, out)
    assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 0, 21)
    assert col.note_count() == 21 and col.card_count() == 23


def test_reexport_after_an_edit_updates_that_note_only(tmp_path: Path, sample_deck: Path) -> None:
    source = sample_deck.read_text(encoding="utf-8")
    path = deck_file(tmp_path, source, "sample.yaml")
    out = tmp_path / "out.apkg"
    write_apkg([load_bank(path)], out, now=NOW)
    col = new_collection(tmp_path / "anki")
    try:
        import_package(col, out)
        path.write_text(source.replace("answer: The sinoatrial node", "answer: The SA node"))
        # Even with a clock that went back, the edited note must come out newer.
        summary = write_apkg([load_bank(path)], out, now=NOW - timedelta(days=1))
        assert summary.changed == 1
        log = import_package(col, out)
        assert (len(log.new), len(log.updated), len(log.duplicate)) == (0, 1, 20)
        assert note_by_question(col, "basic-1")["Back"] == "The SA node"
        assert col.note_count() == 21
    finally:
        col.close()


def test_edit_exported_to_a_new_file_still_updates(tmp_path: Path, sample_deck: Path) -> None:
    source = sample_deck.read_text(encoding="utf-8")
    path = deck_file(tmp_path, source, "sample.yaml")
    write_apkg([load_bank(path)], tmp_path / "first.apkg", now=NOW)
    col = new_collection(tmp_path / "anki")
    try:
        import_package(col, tmp_path / "first.apkg")
        path.write_text(source.replace("Arteries carry blood", "Arteries always carry blood"))
        write_apkg([load_bank(path)], tmp_path / "second.apkg", now=NOW + timedelta(hours=1))
        log = import_package(col, tmp_path / "second.apkg")
        # Without the earlier file every note is stamped `now`: all are refreshed, none added.
        assert len(log.new) == 0 and col.note_count() == 21
        assert note_by_question(col, "tf-1")["Statement"].startswith("Arteries always")
    finally:
        col.close()


def test_identity_guids_and_note_type_ids(tmp_path: Path, sample_deck: Path) -> None:
    package, summary = build_package([load_bank(sample_deck)], now=NOW)
    notes = [note for deck in package.decks for note in deck.notes]
    assert len(notes) == summary.notes == 21
    basic = next(n for n in notes if "heart's pacemaker" in n.fields[0])
    assert basic.guid == genanki.guid_for("quizmg", "sample", "basic-1")
    assert len({n.guid for n in notes}) == 21

    ids = [spec.model_id for spec in SPECS.values()]
    assert len(set(ids)) == len(ids) and 1 not in ids
    col = new_collection(tmp_path / "anki")
    try:
        stock = {model["id"] for model in col.models.all()}
        assert not stock & set(ids)
    finally:
        col.close()
    assert all(deck.deck_id != 1 for deck in package.decks)


def test_two_decks_in_one_package(tmp_path: Path, sample_deck: Path) -> None:
    other = bank_from_deck(Deck(id="other", title="Other", questions=[
        {"kind": "basic", "id": "o1", "prompt": "Front", "answer": "Back"}]))
    out = tmp_path / "two.apkg"
    summary = write_apkg([load_bank(sample_deck), other], out, now=NOW)
    assert summary.notes == 22
    with zipfile.ZipFile(out) as archive:
        assert "collection.anki2" in archive.namelist()
    col = new_collection(tmp_path / "anki")
    try:
        import_package(col, out)
        assert col.note_count() == 22
        assert "Other" in [d.name for d in col.decks.all_names_and_ids()]
    finally:
        col.close()


def test_learner_edits_in_anki_survive_an_unchanged_reexport(
    tmp_path: Path, sample_deck: Path
) -> None:
    out = tmp_path / "sample.apkg"
    write_apkg([load_bank(sample_deck)], out, now=NOW)
    col = new_collection(tmp_path / "anki")
    try:
        import_package(col, out)
        note = note_by_question(col, "tf-1")
        note["Explanation"] = "My own mnemonic"
        col.update_note(note)
        # Exported again a day later with nothing changed: every note keeps its earlier time.
        summary = write_apkg([load_bank(sample_deck)], out, now=NOW + timedelta(days=1))
        assert summary.changed == 0
        log = import_package(col, out)
        assert (len(log.new), len(log.updated)) == (0, 0)
        assert note_by_question(col, "tf-1")["Explanation"] == "My own mnemonic"
    finally:
        col.close()
