"""Reading .apkg files: packages Anki itself wrote (legacy and current format) and quizmg's own."""

from __future__ import annotations

import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from anki.collection import (
    Collection,
    DeckIdLimit,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)

from quizmg.bank import load_bank
from quizmg.errors import QuizmgError
from quizmg.formats.anki.exporter import write_apkg
from quizmg.formats.anki.html_text import html_to_text
from quizmg.formats.anki.importer import read_apkg
from quizmg.formats.anki.reader import extract_media, read_package
from quizmg.model import Basic, Cloze, Short

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)
PICTURE = b"\x89PNG\r\n\x1a\nsmall test picture"


def anki_made_collection(folder: Path) -> Collection:
    """A collection filled through Anki's own API with notes of every stock note type."""
    folder.mkdir(parents=True)
    col = Collection(str(folder / "collection.anki2"))
    deck_id = col.decks.id("Biology")
    sub_id = col.decks.id("Biology::Cells")
    col.media.write_data("cell.png", PICTURE)

    def add(type_name: str, values: list[str], tags: list[str], deck: int = deck_id) -> None:
        note = col.new_note(col.models.by_name(type_name))
        for index, value in enumerate(values):
            note.fields[index] = value
        note.tags = tags
        col.add_note(note, deck)

    add("Basic", ["What is <b>ATP</b>?", "The cell's energy&nbsp;currency<br>made in mitochondria"],
        ["energy", "unit::one"])
    add("Basic (and reversed card)", ["mitochondrion", "powerhouse of the cell"], ["cells"], sub_id)
    add("Basic (optional reversed card)", ["ribosome", "makes proteins", ""], [])
    add("Basic (optional reversed card)", ["nucleus", "holds DNA", "y"], [])
    add("Cloze", ["The {{c1::nucleus}} holds {{c2::DNA::molecule}}.", "Extra &amp; more"], [])
    add("Basic (type in the answer)", ["Symbol for sodium?", "Na"], ["chem"])
    add("Basic", ['Which organelle? <img src="cell.png">', "A cell"], [])

    custom = col.models.new("Vocabulary")
    for name in ("Word", "Meaning", "Example"):
        col.models.add_field(custom, col.models.new_field(name))
    template = col.models.new_template("Card 1")
    template["qfmt"] = "{{Word}}"
    template["afmt"] = "{{FrontSide}}<hr id=answer>{{Meaning}}<br>{{Example}}"
    col.models.add_template(custom, template)
    col.models.add(custom)
    add("Vocabulary", ["osmosis", "water moving across a membrane", "a raisin swells"], [])
    return col


def export_from_anki(col: Collection, out: Path, *, legacy: bool, deck: str = "Biology") -> Path:
    options = ExportAnkiPackageOptions(with_scheduling=False, with_media=True, legacy=legacy)
    col.export_anki_package(
        out_path=str(out), options=options, limit=DeckIdLimit(col.decks.id(deck))
    )
    return out


@pytest.fixture(scope="module")
def anki_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The same Anki-made deck exported by Anki in the legacy and in the current format."""
    folder = tmp_path_factory.mktemp("anki-made")
    col = anki_made_collection(folder / "col")
    try:
        return {
            "legacy": export_from_anki(col, folder / "legacy.apkg", legacy=True),
            "current": export_from_anki(col, folder / "current.apkg", legacy=False),
        }
    finally:
        col.close()


def test_anki_wrote_both_formats(anki_packages: dict[str, Path]) -> None:
    with zipfile.ZipFile(anki_packages["legacy"]) as archive:
        assert "collection.anki21" in archive.namelist()
        assert "collection.anki21b" not in archive.namelist()
    with zipfile.ZipFile(anki_packages["current"]) as archive:
        assert "collection.anki21b" in archive.namelist()
        assert archive.read("collection.anki21b").startswith(b"\x28\xb5\x2f\xfd")  # zstd


@pytest.mark.parametrize("form", ["legacy", "current"])
def test_anki_package_becomes_a_deck(anki_packages: dict[str, Path], form: str) -> None:
    result = read_apkg(anki_packages[form])
    deck = result.deck
    assert (deck.id, deck.title) == ("biology", "Biology")
    by_prompt = {q.prompt_text(): q for q in deck.questions}
    assert len(deck.questions) == 8

    atp = by_prompt["What is ATP?"]
    assert isinstance(atp, Basic) and not atp.reversed
    assert atp.answer == "The cell's energy currency\nmade in mitochondria"
    assert atp.tags == ["energy", "unit::one"]

    mito = by_prompt["mitochondrion"]
    assert isinstance(mito, Basic) and mito.reversed
    assert mito.tags == ["cells"] and mito.anki_deck == "Biology::Cells"
    assert atp.anki_deck is None and atp.guid
    assert not by_prompt["ribosome"].reversed  # type: ignore[attr-defined]
    assert by_prompt["nucleus"].reversed  # type: ignore[attr-defined]

    cloze = next(q for q in deck.questions if isinstance(q, Cloze))
    assert cloze.text == "The {{c1::nucleus}} holds {{c2::DNA::molecule}}."
    assert cloze.extra == "Extra & more"
    assert cloze.card_ordinals() == [1, 2]

    short = by_prompt["Symbol for sodium?"]
    assert isinstance(short, Short) and short.answer == "Na" and short.tags == ["chem"]

    picture = by_prompt["Which organelle? ![](media/cell.png)"]
    assert result.media == {"media/cell.png": PICTURE}
    assert picture.answer_text() == "A cell"

    vocab = by_prompt["osmosis"]
    assert isinstance(vocab, Basic) and vocab.answer == "water moving across a membrane"
    assert vocab.explanation == "Example: a raisin swells"
    assert result.warnings == [
        "note type 'Vocabulary' is not one of Anki's stock types: in its 1 note(s), the fields "
        "beyond the question and the answer went into the explanation, each by name"
    ]
    # Ids come from the Anki note's GUID: importing again gives the same ids.
    assert [q.id for q in read_apkg(anki_packages[form]).deck.questions] == [
        q.id for q in deck.questions
    ]


@pytest.mark.parametrize("form", ["legacy", "current"])
def test_media_of_an_anki_package(anki_packages: dict[str, Path], form: str, tmp_path: Path) -> None:
    package = read_package(anki_packages[form])
    assert "cell.png" in package.media
    written = extract_media(anki_packages[form], tmp_path / "media")
    assert [p.name for p in written] == ["cell.png"]
    assert written[0].read_bytes() == PICTURE


def test_own_export_reads_back_as_the_same_deck(tmp_path: Path, sample_deck: Path) -> None:
    bank = load_bank(sample_deck)
    out = tmp_path / "sample.apkg"
    write_apkg([bank], out, now=NOW, subdecks=True)
    result = read_apkg(out)
    assert result.warnings == []
    assert result.deck.model_dump() == bank.deck.model_dump()


def test_own_export_through_anki_reads_back(tmp_path: Path, sample_deck: Path) -> None:
    """quizmg -> Anki -> Anki's current-format export -> quizmg gives the deck back."""
    bank = load_bank(sample_deck)
    write_apkg([bank], tmp_path / "sample.apkg", now=NOW)
    (tmp_path / "col").mkdir()
    col = Collection(str(tmp_path / "col" / "collection.anki2"))
    try:
        request = ImportAnkiPackageRequest(
            package_path=str(tmp_path / "sample.apkg"), options=ImportAnkiPackageOptions()
        )
        col.import_anki_package(request)
        out = export_from_anki(col, tmp_path / "from-anki.apkg", legacy=False, deck="Sample deck")
    finally:
        col.close()
    result = read_apkg(out)
    assert result.deck.model_dump() == bank.deck.model_dump()


def test_html_to_text() -> None:
    assert html_to_text("a<br>b<div>c</div>") == "a\nb\nc"
    assert html_to_text("&lt;tag&gt; &amp; <b>bold</b>") == "<tag> & bold"
    assert html_to_text('<img src="x.png"> <script>alert(1)</script>done') == "![](x.png) done"
    assert html_to_text("plain") == "plain"


def test_not_a_package_is_a_clear_error(tmp_path: Path) -> None:
    text = tmp_path / "notes.apkg"
    text.write_text("hello")
    with pytest.raises(QuizmgError, match=r"notes.apkg: not an Anki package \(an .apkg is a zip"):
        read_apkg(text)
    empty = tmp_path / "empty.apkg"
    with zipfile.ZipFile(empty, "w") as archive:
        archive.writestr("readme.txt", "nothing")
    with pytest.raises(QuizmgError, match="holds no collection file"):
        read_apkg(empty)
    with pytest.raises(QuizmgError, match="no such file"):
        read_apkg(tmp_path / "missing.apkg")
    broken = tmp_path / "broken.apkg"
    with zipfile.ZipFile(broken, "w") as archive:
        archive.writestr("collection.anki2", b"not sqlite at all" * 100)
    with pytest.raises(QuizmgError, match="damaged"):
        read_apkg(broken)
