"""Anki's whole cloze syntax: nested deletions, several per field, hints, unclosed openings."""

from __future__ import annotations

from pathlib import Path

import pytest
from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions

from quizmg.formats.anki.importer import read_apkg
from quizmg.model import Cloze


def test_nested_deletions_make_every_card() -> None:
    cloze = Cloze(text="Nested {{c1::outer {{c2::inner}} text}} and {{c3::x::hint}} {{c1::again}}")
    assert cloze.card_ordinals() == [1, 2, 3]
    assert cloze.deletions() == {1: ["outer inner text", "again"], 2: ["inner"], 3: ["x"]}
    assert cloze.render(1) == "Nested [...] and x [...]"
    assert cloze.render(2) == "Nested outer [...] text and x again"
    assert cloze.render(3) == "Nested outer inner text and [hint] again"
    assert cloze.render(None) == "Nested outer inner text and x again"


@pytest.mark.parametrize("text", ["{{c1::}}", "no deletion", "{{c1::never closed"])
def test_a_cloze_without_a_real_deletion_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        Cloze(text=text)


def test_an_unclosed_opening_is_text() -> None:
    cloze = Cloze(text="{{c1::a}} {{c2::b {{c3::c}}")
    assert cloze.card_ordinals() == [1, 3]
    assert cloze.render(None) == "a {{c2::b c"


def test_a_nested_cloze_from_anki_keeps_its_cards(tmp_path: Path) -> None:
    (tmp_path / "col").mkdir()
    col = Collection(str(tmp_path / "col" / "collection.anki2"))
    try:
        note = col.new_note(col.models.by_name("Cloze"))
        note["Text"] = "Nested {{c1::outer {{c2::inner}} text}} and \\(x^2\\)."
        col.add_note(note, col.decks.id("Default"))
        anki_cards = sorted(card.ord + 1 for card in note.cards())
        col.export_anki_package(
            out_path=str(tmp_path / "n.apkg"),
            options=ExportAnkiPackageOptions(with_scheduling=False, legacy=False),
            limit=DeckIdLimit(col.decks.id("Default")),
        )
    finally:
        col.close()
    (cloze,) = read_apkg(tmp_path / "n.apkg").deck.questions
    assert isinstance(cloze, Cloze)
    assert cloze.text == "Nested {{c1::outer {{c2::inner}} text}} and \\(x^2\\)."
    assert cloze.card_ordinals() == anki_cards == [1, 2]
