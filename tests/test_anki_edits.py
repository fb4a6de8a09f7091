"""Edits made in Anki to quizmg's notes come back: the visible fields win over the hidden copy."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from anki.collection import (
    Collection,
    DeckIdLimit,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

from quizmg.bank import load_bank
from quizmg.formats.anki.exporter import write_apkg
from quizmg.formats.anki.importer import read_apkg

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


def test_an_edit_in_anki_wins_and_is_reported(tmp_path: Path, sample_deck: Path) -> None:
    bank = load_bank(sample_deck)
    write_apkg([bank], tmp_path / "sample.apkg", now=NOW)
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(tmp_path / "sample.apkg"), options=ImportAnkiPackageOptions()
        ))
        edited = {}
        for note_id in col.find_notes(""):
            note = col.get_note(note_id)
            if '"id":"basic-1"' in note["Quizmg"]:
                note["Back"] = "The <b>sinoatrial</b> node, edited in Anki"
                note["Explanation"] = "A learner's own note."
                edited["basic"] = note_id
            elif '"id":"mcq-1"' in note["Quizmg"]:
                note["Choices"] = "<ol><li>something else</li></ol>"
            elif '"id":"tf-1"' in note["Quizmg"]:
                note["Answer"] = "False"
            else:
                continue
            col.update_note(note)
        out = tmp_path / "from-anki.apkg"
        col.export_anki_package(
            out_path=str(out),
            options=ExportAnkiPackageOptions(with_scheduling=False, legacy=False),
            limit=DeckIdLimit(col.decks.id("Sample deck")),
        )
    finally:
        col.close()
    assert edited
    result = read_apkg(out)
    by_id = {q.id: q for q in result.deck.questions}
    assert by_id["basic-1"].answer_text() == "The sinoatrial node, edited in Anki"
    assert by_id["basic-1"].explanation == "A learner's own note."
    assert by_id["tf-1"].answer is False  # type: ignore[attr-defined]
    assert any("note basic-1: took the edit made in Anki to Back" in w for w in result.warnings)
    assert any("note mcq-1: its Choices field was edited in Anki" in w for w in result.warnings)
    # Everything not edited is as quizmg wrote it.
    original = {q.id: q for q in bank.deck.questions}
    for qid, question in by_id.items():
        if qid not in ("basic-1", "tf-1"):
            assert question == original[qid], qid
