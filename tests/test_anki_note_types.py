"""Notes of every kind Anki users write, read through their templates: custom note types keep every
field, clozes across fields, a broken Image Occlusion note refused by itself, empty backs and stub packages
named."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions

from quizmg.errors import QuizmgError
from quizmg.formats.anki.importer import read_apkg
from quizmg.model import Basic, Cloze, Short

PICTURE = b"\x89PNG\r\n\x1a\nsmall test picture"


def _package(tmp_path: Path, fill: object, *, legacy: bool = False) -> Path:
    folder = tmp_path / "col"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    try:
        fill(col)  # type: ignore[operator]
        out = tmp_path / "made.apkg"
        col.export_anki_package(
            out_path=str(out),
            options=ExportAnkiPackageOptions(with_scheduling=False, with_media=True, legacy=legacy),
            limit=DeckIdLimit(col.decks.id("Default")),
        )
        return out
    finally:
        col.close()


def _add(col: Collection, type_name: str, values: list[str]) -> None:
    note = col.new_note(col.models.by_name(type_name))
    for index, value in enumerate(values):
        note.fields[index] = value
    col.add_note(note, col.decks.id("Default"))


def _custom_types(col: Collection) -> None:
    words = col.models.new("Words 4x2")
    for name in ("Word", "Meaning", "Example", "Notes"):
        col.models.add_field(words, col.models.new_field(name))
    forward = col.models.new_template("Forward")
    forward["qfmt"] = "<div>{{Word}}</div>"
    forward["afmt"] = "{{FrontSide}}<hr id=answer>{{Meaning}}<br>{{Example}}"
    backward = col.models.new_template("Backward")
    backward["qfmt"] = "{{Meaning}}"
    backward["afmt"] = "{{FrontSide}}<hr id=answer>{{Word}}"
    col.models.add_template(words, forward)
    col.models.add_template(words, backward)
    col.models.add(words)

    cloze = col.models.copy(col.models.by_name("Cloze"))
    cloze["name"] = "Cloze with notes"
    col.models.add_field(cloze, col.models.new_field("Notes"))
    col.models.add_field(cloze, col.models.new_field("Text 2"))
    template = cloze["tmpls"][0]
    template["qfmt"] = "{{cloze:Text}}<br>{{cloze:Text 2}}"
    template["afmt"] = "{{cloze:Text}}<br>{{cloze:Text 2}}<br>{{Back Extra}}<br>{{Notes}}"
    col.models.update_dict(cloze)


def test_custom_note_types_keep_every_field(tmp_path: Path) -> None:
    def fill(col: Collection) -> None:
        _custom_types(col)
        _add(col, "Words 4x2", ["osmosis", "water across a membrane", "a raisin swells", "see ch. 3"])
        _add(col, "Cloze with notes", ["The {{c1::nucleus}} holds DNA", "extra", "from lecture 2",
                                       "and {{c2::ribosomes}} make proteins"])

    deck = read_apkg(_package(tmp_path, fill)).deck
    word = next(q for q in deck.questions if isinstance(q, Basic))
    assert (word.prompt, word.answer) == ("osmosis", "water across a membrane")
    assert word.explanation == "Example: a raisin swells\nsee ch. 3"  # Notes is an explanation itself
    assert word.reversed  # the second template made a card
    cloze = next(q for q in deck.questions if isinstance(q, Cloze))
    assert cloze.text == "The {{c1::nucleus}} holds DNA\n\nand {{c2::ribosomes}} make proteins"
    assert cloze.extra == "extra\nfrom lecture 2"
    assert cloze.card_ordinals() == [1, 2]


def test_a_broken_image_occlusion_note_is_refused_by_itself_and_an_empty_back_is_named(tmp_path: Path) -> None:
    def fill(col: Collection) -> None:
        col.media.write_data("heart.png", PICTURE)
        _add(col, "Image Occlusion", [
            "{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.1:oi=1}}",
            '<img src="heart.png">', "The heart", "", "",
        ])
        _add(col, "Image Occlusion", ["no masks drawn yet", '<img src="heart.png">', "The lungs", "", ""])
        _add(col, "Basic", ["What is ATP?", ""])
        _add(col, "Basic", ["What is ADP?", "a molecule"])
        _add(col, "Basic (type in the answer)", ["Symbol for sodium?", "Na"])

    result = read_apkg(_package(tmp_path, fill))
    assert [q.prompt_text().split("\n")[0] for q in result.deck.questions] == [
        "The heart", "What is ADP?", "Symbol for sodium?"
    ]
    assert isinstance(result.deck.questions[2], Short)
    assert "note 'The lungs' (Image Occlusion): its Occlusion field holds no shape: skipped" in result.warnings
    assert "note 'What is ATP?' (Basic): the back is empty (its Back field): skipped" in result.warnings
    assert not any("image-occlusion:rect" in q.prompt_text() for q in result.deck.questions)


@pytest.mark.parametrize("legacy", [False, True])
def test_a_package_holding_only_the_stub_is_an_error(tmp_path: Path, legacy: bool) -> None:
    package = _package(tmp_path, lambda col: _add(col, "Basic", ["front", "back"]), legacy=legacy)
    stub_only = tmp_path / "stub.apkg"
    with zipfile.ZipFile(package) as archive, zipfile.ZipFile(stub_only, "w") as out:
        dropped = ("collection.anki21b", "collection.anki21") + (("collection.anki2",) if legacy else ())
        for info in archive.infolist():
            if info.filename not in dropped:
                out.writestr(info, archive.read(info))
        if legacy:  # a legacy export's collection.anki2 is the real one: put the stub newer Anki writes there
            out.writestr("collection.anki2", _stub_collection(tmp_path))
    with pytest.raises(QuizmgError, match="holds only the placeholder"):
        read_apkg(stub_only)


def _stub_collection(tmp_path: Path) -> bytes:
    folder = tmp_path / "stub"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    try:
        _add(col, "Basic", ["Please update to the latest Anki version, then import the .colpkg/.apkg file again.", ""])
    finally:
        col.close(downgrade=True)
    return (folder / "collection.anki2").read_bytes()
