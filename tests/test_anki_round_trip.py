"""Anki -> quizmg -> Anki updates every note in place: each note goes back under the note type it came
with (same id, fields, templates, CSS), so Anki finds no conflict, adds no note and no note type, and
every field comes back byte for byte (MathJax, LaTeX, HTML, media references included).

Proven with the `anki` library on packages Anki itself writes (every stock note type, clozes nested
and across fields, a custom note type with four fields and two templates, type-in, reversed and
optional reversed, Image Occlusion, images and sounds, sub-decks) and on the real packages of
../shared/corpus/apkg/ (skipped where that folder is absent).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from anki.collection import (
    Collection,
    DeckIdLimit,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from click.testing import CliRunner

from quizmg.cli import cli

CORPUS = Path(__file__).parents[1] / ".." / "shared" / "corpus" / "apkg"
PICTURE = b"\x89PNG\r\n\x1a\nsmall test picture"
SOUND = b"ID3\x03\x00\x00\x00\x00\x00\x00a short beat"


def _add(col: Collection, type_name: str, values: list[str], deck: str = "Biology", tags: str = "") -> None:
    note = col.new_note(col.models.by_name(type_name))
    for index, value in enumerate(values):
        note.fields[index] = value
    note.tags = tags.split()
    col.add_note(note, col.decks.id(deck))


def _custom_types(col: Collection) -> None:
    words = col.models.new("Words 4x2")
    for name in ("Word", "Meaning", "Example", "Notes"):
        col.models.add_field(words, col.models.new_field(name))
    for name, front, back in (
        ("Forward", "<div>{{Word}}</div>", "{{FrontSide}}<hr id=answer>{{Meaning}}<br>{{Example}}"),
        ("Backward", "{{Meaning}}", "{{FrontSide}}<hr id=answer>{{Word}}<br>{{Notes}}"),
    ):
        template = col.models.new_template(name)
        template["qfmt"], template["afmt"] = front, back
        col.models.add_template(words, template)
    words["css"] = ".card { font-family: serif; color: #222; }"
    col.models.add(words)

    cloze = col.models.copy(col.models.by_name("Cloze"))
    cloze["name"] = "Cloze across fields"
    col.models.add_field(cloze, col.models.new_field("Text 2"))
    col.models.add_field(cloze, col.models.new_field("Notes"))
    cloze["tmpls"][0]["qfmt"] = "{{cloze:Text}}<br>{{cloze:Text 2}}"
    cloze["tmpls"][0]["afmt"] = "{{cloze:Text}}<br>{{cloze:Text 2}}<br>{{Back Extra}}<br>{{Notes}}"
    col.models.update_dict(cloze)


def fill_every_kind(col: Collection) -> None:
    """Notes of every stock note type and of two custom ones, with MathJax, LaTeX, HTML and media."""
    col.decks.id("Biology")
    col.decks.id("Biology::Cells")
    col.media.write_data("cell.png", PICTURE)
    col.media.write_data("beat.mp3", SOUND)
    _custom_types(col)
    _add(col, "Basic", [r"What does \(k\)-means minimise?", r"The sum \[\sum_i \lVert x_i - \mu \rVert^2\]"])
    _add(col, "Basic", ["What is <b>ATP</b>?", "The cell's energy&nbsp;currency<br>made in <i>mitochondria</i>"],
         tags="energy unit::one")
    _add(col, "Basic", ['Which organelle? <img src="cell.png">', "A cell [sound:beat.mp3]"])
    _add(col, "Basic", ["Area of a circle", "[latex]$\\pi r^2$[/latex]"])
    _add(col, "Basic (and reversed card)", ["mitochondrion", "powerhouse of the cell"], deck="Biology::Cells")
    _add(col, "Basic (optional reversed card)", ["ribosome", "makes proteins", ""])
    _add(col, "Basic (optional reversed card)", ["nucleus", "holds DNA", "y"])
    _add(col, "Basic (type in the answer)", ["Symbol for sodium?", "Na"], tags="chem")
    _add(col, "Cloze", ["The {{c1::nucleus}} holds {{c2::DNA::molecule}}.", "Extra &amp; more"])
    _add(col, "Cloze", [r"{{c1::outer {{c2::inner}} text}} and {{c3::\(x^2\)}}", ""])
    _add(col, "Cloze across fields", ["{{c1::Osmosis}} moves water", "across a {{c2::membrane}}", "", "ch. 3"])
    _add(col, "Words 4x2", ["osmosis", "water across a membrane", "a raisin swells", "see ch. 3"])
    _add(col, "Image Occlusion", [
        "{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.1:oi=1}}",
        '<img src="cell.png">', "The cell", "", "",
    ])


def _fields_by_guid(col: Collection) -> dict[str, tuple[int, list[str], list[str]]]:
    found = {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        found[note.guid] = (note.mid, list(note.fields), sorted(note.tags))
    return found


def _anki_import(col: Collection, package: Path) -> object:
    request = ImportAnkiPackageRequest(
        package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=False)
    )
    return col.import_anki_package(request).log


def round_trip(col: Collection, package: Path, folder: Path) -> tuple[object, int]:
    """`quizmg import` the package, `quizmg check` and `quizmg export anki` the deck, and import the
    result into `col`; Anki's log and the number of questions."""
    folder.mkdir(parents=True, exist_ok=True)
    deck = folder / "deck.yaml"
    runner = CliRunner()
    imported = runner.invoke(cli, ["import", str(package), "-o", str(deck)])
    assert imported.exit_code == 0, imported.output
    checked = runner.invoke(cli, ["check", str(deck)])
    assert checked.exit_code == 0, checked.output
    back = folder / "back.apkg"
    exported = runner.invoke(cli, ["export", "anki", str(deck), "-o", str(back)])
    assert exported.exit_code == 0, exported.output
    from quizmg.bank import load_bank

    return _anki_import(col, back), len(load_bank(deck).deck.questions)


def assert_updated_in_place(col: Collection, package: Path, folder: Path) -> None:
    """The round trip: every question's note updated, nothing new, conflicting or skipped, every
    field and tag as it was, no note type added, the media check as clean as before."""
    before = _fields_by_guid(col)
    types_before = sorted(col.models.all_names_and_ids(), key=lambda t: t.id)
    media_before = col.media.check()
    log, questions = round_trip(col, package, folder)
    assert questions > 0
    assert len(log.new) == 0  # type: ignore[attr-defined]
    assert len(log.conflicting) == 0  # type: ignore[attr-defined]
    assert len(log.duplicate) == 0  # type: ignore[attr-defined]
    assert len(log.updated) == questions  # type: ignore[attr-defined]
    assert _fields_by_guid(col) == before
    assert sorted(col.models.all_names_and_ids(), key=lambda t: t.id) == types_before
    media = col.media.check()
    assert sorted(media.missing) == sorted(media_before.missing)
    assert sorted(media.unused) == sorted(media_before.unused)


def anki_made(tmp_path: Path, *, legacy: bool) -> tuple[Collection, Path]:
    """A collection holding notes of every kind (fill_every_kind), and Anki's package of them."""
    (tmp_path / "col").mkdir()
    col = Collection(str(tmp_path / "col" / "collection.anki2"))
    fill_every_kind(col)
    package = tmp_path / "from-anki.apkg"
    col.export_anki_package(
        out_path=str(package),
        options=ExportAnkiPackageOptions(with_scheduling=False, with_media=True, legacy=legacy),
        limit=DeckIdLimit(col.decks.id("Biology")),
    )
    return col, package


@pytest.mark.parametrize("legacy", [False, True])
def test_every_note_type_goes_back_as_an_update(tmp_path: Path, legacy: bool) -> None:
    col, package = anki_made(tmp_path, legacy=legacy)
    try:
        assert_updated_in_place(col, package, tmp_path / "quizmg")
    finally:
        col.close()


def test_an_edit_made_in_quizmg_goes_into_its_own_field(tmp_path: Path) -> None:
    col, package = anki_made(tmp_path, legacy=False)
    try:
        before = _fields_by_guid(col)
        deck = tmp_path / "deck.yaml"
        assert CliRunner().invoke(cli, ["import", str(package), "-o", str(deck)]).exit_code == 0
        text = deck.read_text(encoding="utf-8")
        assert "answer: powerhouse of the cell" in text
        text = text.replace("answer: powerhouse of the cell", "answer: the cell's *power* plant")
        assert "    see ch. 3'" in text  # the Notes field, in the explanation
        text = text.replace("    see ch. 3'", "    see chapter 3'")
        deck.write_text(text, encoding="utf-8")
        out = tmp_path / "back.apkg"
        assert CliRunner().invoke(cli, ["export", "anki", str(deck), "-o", str(out)]).exit_code == 0
        log = _anki_import(col, out)
        assert len(log.conflicting) == 0 and len(log.new) == 0  # type: ignore[attr-defined]
        after = _fields_by_guid(col)
        changed = {guid for guid in before if before[guid] != after[guid]}
        assert len(changed) == 2
        fields = sorted(after[guid][1] for guid in changed)
        assert ["mitochondrion", "the cell's <em>power</em> plant"] in fields
        assert ["osmosis", "water across a membrane", "a raisin swells", "see chapter 3"] in fields
    finally:
        col.close()


def test_an_edit_made_in_anki_after_the_export_survives_a_re_export(tmp_path: Path) -> None:
    col, package = anki_made(tmp_path, legacy=False)
    try:
        deck = tmp_path / "deck.yaml"
        assert CliRunner().invoke(cli, ["import", str(package), "-o", str(deck)]).exit_code == 0
        # The learner edits a note in Anki after the export quizmg read (a later second).
        note = col.get_note(col.find_notes('"Front:Symbol for sodium?"')[0])
        note["Back"] = "Na (natrium)"
        col.update_note(note)
        col.db.execute("update notes set mod = mod + 5 where id = ?", note.id)
        for name in ("one.apkg", "elsewhere/two.apkg"):
            out = tmp_path / name
            assert CliRunner().invoke(cli, ["export", "anki", str(deck), "-o", str(out)]).exit_code == 0
            log = _anki_import(col, out)
            assert len(log.conflicting) == 0 and len(log.new) == 0  # type: ignore[attr-defined]
            assert col.get_note(note.id)["Back"] == "Na (natrium)"
    finally:
        col.close()


CORPUS_PACKAGES = sorted(CORPUS.glob("*.apkg")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not CORPUS_PACKAGES, reason="../shared/corpus/apkg is not here")
@pytest.mark.parametrize("package", CORPUS_PACKAGES, ids=lambda p: p.stem)
def test_real_packages_go_back_as_updates(tmp_path: Path, package: Path) -> None:
    (tmp_path / "col").mkdir()
    col = Collection(str(tmp_path / "col" / "collection.anki2"))
    try:
        copy = tmp_path / package.name
        shutil.copyfile(package, copy)
        _anki_import(col, copy)
        assert_updated_in_place(col, copy, tmp_path / "quizmg")
    finally:
        col.close()
