"""Real Anki collections for the tests: a fresh one, a package imported as Anki desktop does, a note found."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

ANKI_NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)  # when the sample packages are written


def new_collection(folder: Path) -> Collection:
    """A fresh, empty Anki collection in its own folder."""
    folder.mkdir(parents=True, exist_ok=True)
    return Collection(str(folder / "collection.anki2"))


def import_package(col: Collection, path: Path):  # type: ignore[no-untyped-def]
    """Import an .apkg the way Anki desktop does by default; the import log."""
    request = ImportAnkiPackageRequest(package_path=str(path), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


def note_by_question(col: Collection, question_id: str):  # type: ignore[no-untyped-def]
    """The Anki note whose Quizmg field holds this question id."""
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        if json.loads(_unescape(note["Quizmg"]))["question"]["id"] == question_id:
            return note
    raise AssertionError(f"no note for {question_id}")


def _unescape(value: str) -> str:
    import html

    return html.unescape(value)


def deck_file(tmp_path: Path, text: str, name: str = "deck.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
