"""quizmg -> Anki -> quizmg gives back the same deck (ids, kinds, every field, media), and the
learner's own changes in Anki (a field added to one of quizmg's note types and filled in) survive
every later export, to any path, without conflicting notes or a stray "quizmg X+" note type."""

from __future__ import annotations

import shutil
from pathlib import Path

from anki.collection import (
    Collection,
    DeckIdLimit,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.cli import cli

PICTURE = b"\x89PNG\r\n\x1a\nthe heart, drawn"
SOUND = b"ID3\x03\x00\x00\x00\x00\x00\x00lub dub"
MORE = """
  - id: media-1
    kind: basic
    prompt: "Which chamber is marked? ![the heart](media/heart.png)"
    answer: "The left ventricle [sound:media/lub dub.mp3]"
  - id: math-1
    kind: cloze
    text: 'Cardiac output {{c1::\\(Q = HR \\times SV\\)}} and {{c2::outer {{c3::inner}} part}}'
    extra: 'In litres per minute: \\[Q \\approx 5\\]'
"""


def _deck(folder: Path, sample_deck: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "media").mkdir()
    (folder / "media" / "heart.png").write_bytes(PICTURE)
    (folder / "media" / "lub dub.mp3").write_bytes(SOUND)
    deck = folder / "heart.yaml"
    deck.write_text(sample_deck.read_text(encoding="utf-8") + MORE, encoding="utf-8")
    return deck


def _through_anki(package: Path, folder: Path, change: object = None) -> Path:
    """Import the package into a fresh Anki collection, let `change` act on it, export it again."""
    folder.mkdir(parents=True)
    col = Collection(str(folder / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(package), options=ImportAnkiPackageOptions(with_scheduling=False)
        ))
        if change is not None:
            change(col)  # type: ignore[operator]
        out = folder / "from-anki.apkg"
        col.export_anki_package(
            out_path=str(out),
            options=ExportAnkiPackageOptions(with_scheduling=False, with_media=True, legacy=False),
            limit=DeckIdLimit(col.decks.id("Sample deck")),
        )
        return out
    finally:
        col.close()


def _run(*args: str) -> None:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, result.output


def test_quizmg_to_anki_to_quizmg_keeps_ids_kinds_fields_and_media(tmp_path: Path, sample_deck: Path) -> None:
    deck = _deck(tmp_path / "mine", sample_deck)
    _run("export", "anki", str(deck), "-o", str(tmp_path / "heart.apkg"))
    package = _through_anki(tmp_path / "heart.apkg", tmp_path / "anki")
    back = tmp_path / "back" / "heart.yaml"
    back.parent.mkdir()
    _run("import", str(package), "-o", str(back))
    _run("check", str(back))
    original, again = load_bank(deck).deck, load_bank(back).deck
    assert [(q.id, q.kind) for q in again.questions] == [(q.id, q.kind) for q in original.questions]  # type: ignore[attr-defined]
    assert again.model_dump() == original.model_dump()
    for name in ("heart.png", "lub dub.mp3"):
        assert (back.parent / "media" / name).read_bytes() == (deck.parent / "media" / name).read_bytes()


def _add_a_field(col: Collection) -> None:
    """The learner adds a Mnemonic field to quizmg's Basic note type and fills it in on one note,
    and restyles the note type."""
    note_type = col.models.by_name("quizmg Basic (and reversed card)")
    col.models.add_field(note_type, col.models.new_field("Mnemonic"))
    note_type["css"] += "\n.card { color: purple; }"
    col.models.update_dict(note_type)
    note = col.get_note(col.find_notes('"Front:What is the heart*"')[0])
    note["Mnemonic"] = "SA = Start Address"
    col.update_note(note)


def test_a_field_the_learner_added_survives_every_re_export(tmp_path: Path, sample_deck: Path) -> None:
    deck = _deck(tmp_path / "mine", sample_deck)
    _run("export", "anki", str(deck), "-o", str(tmp_path / "heart.apkg"))
    (tmp_path / "learner").mkdir()
    col = Collection(str(tmp_path / "learner" / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(
            package_path=str(tmp_path / "heart.apkg"), options=ImportAnkiPackageOptions()
        ))
        _add_a_field(col)
        from_anki = tmp_path / "from-anki.apkg"
        col.export_anki_package(
            out_path=str(from_anki),
            options=ExportAnkiPackageOptions(with_scheduling=False, with_media=True, legacy=False),
            limit=DeckIdLimit(col.decks.id("Sample deck")),
        )
        shutil.copytree(deck.parent / "media", tmp_path / "back" / "media")
        back = tmp_path / "back" / "heart.yaml"
        _run("import", str(from_anki), "-o", str(back), "--force")
        types_before = sorted(t.name for t in col.models.all_names_and_ids())
        notes_before = col.note_count()
        css = col.models.by_name("quizmg Basic (and reversed card)")["css"]
        for out in (tmp_path / "again.apkg", tmp_path / "elsewhere" / "renamed.apkg"):
            _run("export", "anki", str(back), "-o", str(out))
            log = col.import_anki_package(ImportAnkiPackageRequest(
                package_path=str(out), options=ImportAnkiPackageOptions(with_scheduling=False)
            )).log
            assert len(log.conflicting) == 0 and len(log.new) == 0
            assert col.note_count() == notes_before
            assert sorted(t.name for t in col.models.all_names_and_ids()) == types_before
            assert not any(name.endswith("+") for name in types_before)
            assert col.models.by_name("quizmg Basic (and reversed card)")["css"] == css
            note = col.get_note(col.find_notes('"Front:What is the heart*"')[0])
            assert note["Mnemonic"] == "SA = Start Address"
        # The deck the learner first exported, never imported back, goes under the learner's
        # version too (quizmg learnt it on import): unchanged, and with a question changed.
        text = deck.read_text(encoding="utf-8")
        for step, out in enumerate((tmp_path / "mine-again.apkg", tmp_path / "mine-changed.apkg")):
            if step:
                deck.write_text(text.replace("answer: The sinoatrial node", "answer: The SA node"), encoding="utf-8")
            _run("export", "anki", str(deck), "-o", str(out))
            log = col.import_anki_package(ImportAnkiPackageRequest(
                package_path=str(out), options=ImportAnkiPackageOptions(with_scheduling=False)
            )).log
            assert len(log.conflicting) == 0 and len(log.new) == 0
            assert sorted(t.name for t in col.models.all_names_and_ids()) == types_before
            assert col.models.by_name("quizmg Basic (and reversed card)")["css"] == css
            note = col.get_note(col.find_notes('"Front:What is the heart*"')[0])
            assert note["Mnemonic"] == "SA = Start Address"
            assert note["Back"] == ("The SA node" if step else "The sinoatrial node")
    finally:
        col.close()
