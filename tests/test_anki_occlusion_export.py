"""Image Occlusion notes go back to Anki as the same notes: under the note type they came with, the
same note and card ids, the masks unchanged (or changed as edited in quizmg), and a note written in
quizmg goes in under quizmg's own Image Occlusion note type with one card per region."""

from __future__ import annotations

from pathlib import Path

from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from click.testing import CliRunner
from occlusion_deck import export_deck, occlusion_collection, png, study_some

from quizmg.cli import cli


def _anki_import(col: Collection, package: Path) -> object:
    request = ImportAnkiPackageRequest(package_path=str(package), options=ImportAnkiPackageOptions())
    return col.import_anki_package(request).log


def _snapshot(col: Collection) -> dict[str, object]:
    """What must not move: notes, their note types and fields, card ids, the IO data Anki reads."""
    notes = {}
    for note_id in col.find_notes(""):
        note = col.get_note(note_id)
        notes[note_id] = (note.mid, list(note.fields), sorted(col.card_ids_of_note(note_id)))
    occlusion = next(n for n in notes if col.get_note(n).note_type()["name"] == "Image Occlusion")  # type: ignore[index]
    data = col.get_image_occlusion_note(occlusion).note
    return {
        "notes": notes,
        "types": sorted(col.models.all_names_and_ids(), key=lambda t: t.id),
        "masks": {
            o.ordinal: [(s.shape, [(p.name, p.value) for p in s.properties]) for s in o.shapes]
            for o in data.occlusions
        },
        "io": (data.header, data.back_extra, data.image_file_name, data.occlude_inactive),
    }


def _imported(tmp_path: Path) -> tuple[Collection, Path]:
    col = occlusion_collection(tmp_path / "anki")
    study_some(col, answers=2)
    package = export_deck(col, tmp_path / "anatomy.apkg")
    deck = tmp_path / "quizmg" / "anatomy.yaml"
    deck.parent.mkdir()
    result = CliRunner().invoke(cli, ["import", str(package), "-o", str(deck)])
    assert result.exit_code == 0, result.output
    return col, deck


def _export(deck: Path, out: Path) -> Path:
    result = CliRunner().invoke(cli, ["export", "anki", str(deck), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_the_note_goes_back_as_itself(tmp_path: Path) -> None:
    col, deck = _imported(tmp_path)
    try:
        before = _snapshot(col)
        log = _anki_import(col, _export(deck, tmp_path / "back.apkg"))
        assert len(log.new) == 0 and len(log.conflicting) == 0  # type: ignore[attr-defined]
        assert len(log.updated) == 2  # type: ignore[attr-defined]  # the IO note and the Basic one
        assert _snapshot(col) == before  # same notes, card ids, note types, masks, image
        assert col.media.check().missing == []
    finally:
        col.close()


def test_an_edit_in_quizmg_moves_the_mask_in_anki(tmp_path: Path) -> None:
    col, deck = _imported(tmp_path)
    try:
        before = _snapshot(col)
        text = deck.read_text(encoding="utf-8")
        assert "header: The heart" in text and "left: 0.1\n" in text
        text = text.replace("header: The heart", "header: The human heart").replace("left: 0.1\n", "left: 0.15\n", 1)
        deck.write_text(text, encoding="utf-8")
        log = _anki_import(col, _export(deck, tmp_path / "back.apkg"))
        assert len(log.new) == 0 and len(log.conflicting) == 0  # type: ignore[attr-defined]
        after = _snapshot(col)
        assert after["types"] == before["types"]
        assert {n: c for n, (_m, _f, c) in after["notes"].items()} == {  # type: ignore[attr-defined]
            n: c for n, (_m, _f, c) in before["notes"].items()  # type: ignore[attr-defined]
        }
        assert after["io"][0] == "The human heart"  # type: ignore[index]
        masks, masks_before = dict(after["masks"]), dict(before["masks"])  # type: ignore[call-overload]
        assert masks.pop(1) == [("rect", [("left", ".15"), ("top", ".2"), ("width", ".3"), ("height", ".25"),
                                          ("oi", "1")])]
        del masks_before[1]
        assert masks == masks_before  # the other regions as they were
    finally:
        col.close()


HAND_WRITTEN = """\
id: heart
title: The heart
questions:
  - id: chambers
    kind: occlusion
    image: ![](media/heart.png)
    header: Name the chamber
    shapes:
      - {ordinal: 1, shape: rect, left: 0.1, top: 0.1, width: 0.3, height: 0.3, label: Right atrium}
      - {ordinal: 2, shape: ellipse, left: 0.5, top: 0.5, rx: 0.2, ry: 0.1, hide_all: true}
      - {ordinal: 2, shape: polygon, points: [[0.5, 0.1], [0.9, 0.1], [0.7, 0.4]]}
"""


def test_an_occlusion_written_in_quizmg_goes_in_with_a_card_per_region(tmp_path: Path) -> None:
    deck = tmp_path / "heart.yaml"
    deck.write_text(HAND_WRITTEN.replace("image: ![](media/heart.png)", "image: '![](media/heart.png)'"))
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "heart.png").write_bytes(png(20, 20))
    out = _export(deck, tmp_path / "heart.apkg")
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        log = _anki_import(col, out)
        assert len(log.new) == 1  # type: ignore[attr-defined]
        note = col.get_note(col.find_notes("")[0])
        assert note.note_type()["name"] == "quizmg Image Occlusion"  # type: ignore[index]
        assert note["Occlusion"] == (
            "{{c1::image-occlusion:rect:left=.1:top=.1:width=.3:height=.3}}<br>"
            "{{c2::image-occlusion:ellipse:left=.5:top=.5:rx=.2:ry=.1:oi=1}}<br>"
            "{{c2::image-occlusion:polygon:points=.5,.1 .9,.1 .7,.4}}<br>"
        )
        assert note["Image"].startswith('<img src="heart.png"') and note["Header"] == "Name the chamber"
        assert [card.ord for card in note.cards()] == [0, 1]
        assert col.media.have("heart.png")
        # Anki's own renderer reads the masks: card 2 draws its ellipse and polygon as the asked region.
        front = note.cards()[1].question()
        assert front.count('data-shape="ellipse"') + front.count('data-shape="polygon"') == 2, front
        assert "cloze-inactive" in front  # card 1's rectangle is there too, not asked
    finally:
        col.close()
