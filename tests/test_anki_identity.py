"""Identity both ways: a note that came from Anki goes back as the same note, into the same sub-deck."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from test_anki_import import anki_made_collection, export_from_anki

from quizmg.bank import load_bank
from quizmg.formats.anki.exporter import write_apkg
from quizmg.formats.anki.importer import read_apkg
from quizmg.formats.anki.reader import read_package
from quizmg.formats.media import write_media
from quizmg.formats.yaml_deck import dump_yaml_deck

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


def _import_into(col: Collection, package: Path) -> object:
    request = ImportAnkiPackageRequest(
        package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=False)
    )
    return col.import_anki_package(request).log


@pytest.mark.parametrize("legacy", [False, True])
def test_anki_to_quizmg_to_anki_adds_no_note(tmp_path: Path, legacy: bool) -> None:
    col = anki_made_collection(tmp_path / "col")
    try:
        first = export_from_anki(col, tmp_path / "from-anki.apkg", legacy=legacy)
        original = {note.guid: note.id for note in read_package(first).notes}
        deck_file = tmp_path / "biology.yaml"
        imported = read_apkg(first)
        deck_file.write_text(dump_yaml_deck(imported.deck), encoding="utf-8")
        write_media(deck_file, imported.media)
        back = tmp_path / "back.apkg"
        write_apkg([load_bank(deck_file)], back, now=NOW)

        written = read_package(back)
        assert {note.guid for note in written.notes} == set(original)
        decks = {note.guid: note.deck for note in written.notes}
        cells = next(n.guid for n in written.notes if n.fields[0] == "mitochondrion")
        assert decks[cells] == "Biology::Cells"
        assert {deck for guid, deck in decks.items() if guid != cells} == {"Biology"}

        notes_before = col.note_count()
        log = _import_into(col, back)
        assert len(log.new) == 0  # type: ignore[attr-defined]
        assert len(log.duplicate) == 0  # type: ignore[attr-defined]
        assert col.note_count() == notes_before
        assert sorted(written.media) == ["cell.png"]
        check = col.media.check()
        assert not check.missing and not check.unused
    finally:
        col.close()


def test_guid_survives_the_deck_file_and_a_second_import(tmp_path: Path) -> None:
    col = anki_made_collection(tmp_path / "col")
    try:
        package = export_from_anki(col, tmp_path / "a.apkg", legacy=False)
    finally:
        col.close()
    imported = read_apkg(package)
    deck = imported.deck
    deck_file = tmp_path / "d.yaml"
    deck_file.write_text(dump_yaml_deck(deck), encoding="utf-8")
    write_media(deck_file, imported.media)
    again = load_bank(deck_file).deck
    assert [(q.guid, q.anki_deck) for q in again.questions] == [(q.guid, q.anki_deck) for q in deck.questions]
    # quizmg -> Anki package -> quizmg keeps the GUIDs too (the hidden field holds the question).
    write_apkg([load_bank(deck_file)], tmp_path / "b.apkg", now=NOW)
    back = read_apkg(tmp_path / "b.apkg").deck.model_dump()
    # Each note went out one second newer than Anki's copy (so Anki updates it in place): that
    # time is all that differs.
    for question in back["questions"]:
        question["anki"]["mod"] -= 1
    assert back == again.model_dump()
