"""Media in decks and across Anki: images and sounds by reference, confined to the deck's folder,
written out on import, carried by packages; MathJax kept from the Markdown renderer both ways."""

from __future__ import annotations

import os
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import pytest
from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.cli import cli
from quizmg.formats.anki.exporter import write_apkg
from quizmg.formats.anki.importer import read_apkg
from quizmg.formats.anki.reader import read_media, read_package
from quizmg.formats.media import MediaError, deck_media

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)
PICTURE = b"\x89PNG\r\n\x1a\nsmall test picture"
SOUND = b"ID3 small test sound"


def _deck(folder: Path, questions: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    deck = folder / "deck.yaml"
    deck.write_text("id: media-deck\ntitle: Media deck\nquestions:\n" + questions, encoding="utf-8")
    return deck


def _export(deck: Path, out: Path, *extra: str) -> object:
    return CliRunner().invoke(cli, ["export", "anki", str(deck), "-o", str(out), *extra])


# --- confinement (an export packs nothing from outside the deck's folder) ------------------------


@pytest.mark.parametrize(
    "reference",
    ["../secret.txt", "../../../../../../etc/hostname", "/etc/hostname", "<../secret dir/s.txt>"],
)
def test_export_refuses_media_outside_the_deck_folder(tmp_path: Path, reference: str) -> None:
    (tmp_path / "secret.txt").write_text("do not pack me")
    (tmp_path / "secret dir").mkdir()
    (tmp_path / "secret dir" / "s.txt").write_text("nor me")
    deck = _deck(tmp_path / "teacher", f"- {{id: q1, kind: basic, prompt: 'Q: ![]({reference})', answer: A}}\n")
    out = tmp_path / "share.apkg"
    result = _export(deck, out)
    assert result.exit_code == 1  # type: ignore[attr-defined]
    message = result.output  # type: ignore[attr-defined]
    assert "question q1" in message and str(deck) in message
    assert "refused" in message or "no such file" in message
    assert "Traceback" not in message and not out.exists()


def test_a_symlink_pointing_out_is_refused_and_a_named_media_folder_is_allowed(tmp_path: Path) -> None:
    outside = tmp_path / "shared-media"
    outside.mkdir()
    (outside / "cell.png").write_bytes(PICTURE)
    deck = _deck(tmp_path / "teacher", "- {id: q1, kind: basic, prompt: '![a cell](link.png)', answer: A}\n"
                 "- {id: q2, kind: basic, prompt: '![a cell](cell.png)', answer: B}\n")
    os.symlink(outside / "cell.png", deck.parent / "link.png")
    result = _export(deck, tmp_path / "a.apkg")
    assert result.exit_code == 1 and "question q1" in result.output and "refused" in result.output  # type: ignore[attr-defined]
    # Named explicitly, the folder is allowed: both references find the file there.
    result = _export(deck, tmp_path / "b.apkg", "--media-dir", str(outside))
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    assert read_media(tmp_path / "b.apkg") == {"cell.png": PICTURE}


def test_an_imported_note_cannot_smuggle_a_file_out(tmp_path: Path) -> None:
    """A note holding <img src="../secret.txt"> imports as visible text and exports nothing."""
    (tmp_path / "secret.txt").write_text("do not pack me")
    folder = tmp_path / "anki"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    try:
        note = col.new_note(col.models.by_name("Basic"))
        note.fields[0] = 'Look <img src="../secret.txt">'
        note.fields[1] = "answer"
        col.add_note(note, col.decks.id("Default"))
        from anki.collection import DeckIdLimit, ExportAnkiPackageOptions

        col.export_anki_package(
            out_path=str(tmp_path / "in.apkg"),
            options=ExportAnkiPackageOptions(with_scheduling=False, with_media=True, legacy=False),
            limit=DeckIdLimit(col.decks.id("Default")),
        )
    finally:
        col.close()
    work = tmp_path / "work"
    work.mkdir()
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "in.apkg"), "-o", str(work / "d.yaml")])
    assert result.exit_code == 0, result.output
    assert "../secret.txt" in result.output  # the warning names it
    result = _export(work / "d.yaml", tmp_path / "out.apkg")
    assert result.exit_code == 0, result.output  # type: ignore[attr-defined]
    with zipfile.ZipFile(tmp_path / "out.apkg") as archive:
        assert all(archive.read(name) != b"do not pack me" for name in archive.namelist())


# --- check, import and export of media -----------------------------------------------------------


def test_check_reports_a_missing_file_as_an_error(tmp_path: Path) -> None:
    deck = _deck(tmp_path, "- {id: q1, kind: basic, prompt: 'Hear [sound:media/gone.mp3]', answer: A}\n")
    result = CliRunner().invoke(cli, ["check", str(deck)])
    assert result.exit_code == 1
    assert "question q1: sound 'media/gone.mp3': no such file" in result.output
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "gone.mp3").write_bytes(SOUND)
    assert CliRunner().invoke(cli, ["check", str(deck)]).exit_code == 0


def test_images_and_sounds_in_any_field_travel_to_anki(tmp_path: Path) -> None:
    deck = _deck(
        tmp_path / "d",
        "- {id: q1, kind: basic, prompt: 'Which organelle? ![cell](img/cell.png)', answer: '[sound:audio/say.mp3]'}\n"
        "- {id: q2, kind: cloze, text: 'The {{c1::nucleus}}', extra: '![](<img/my cell.png>)'}\n"
        "- {id: q3, kind: mcq, prompt: Pick, choices: [{text: '![](img/cell.png)', correct: true}, "
        "{text: none}]}\n",
    )
    (deck.parent / "img").mkdir()
    (deck.parent / "audio").mkdir()
    (deck.parent / "img" / "cell.png").write_bytes(PICTURE)
    (deck.parent / "img" / "my cell.png").write_bytes(PICTURE + b"2")
    (deck.parent / "audio" / "say.mp3").write_bytes(SOUND)
    out = tmp_path / "m.apkg"
    summary = write_apkg([load_bank(deck)], out, now=NOW)
    assert summary.media == ["cell.png", "my cell.png", "say.mp3"]
    package = read_package(out)
    fields = {note.fields[0]: note.fields for note in package.notes}
    assert fields['Which organelle? <img src="cell.png" alt="cell" />'][1] == "[sound:say.mp3]"
    # Anki itself finds every file and misses none.
    folder = tmp_path / "anki"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(out), options=ImportAnkiPackageOptions()))
        check = col.media.check()
        assert list(check.missing) == [] and list(check.unused) == []
        assert sorted(os.listdir(col.media.dir())) == ["cell.png", "my cell.png", "say.mp3"]
    finally:
        col.close()
    # ... and quizmg reads them back into a media folder beside the deck.
    result = CliRunner().invoke(cli, ["import", str(out), "-o", str(tmp_path / "back" / "m.yaml")])
    assert result.exit_code == 0, result.output
    media = tmp_path / "back" / "media"
    assert sorted(p.name for p in media.iterdir()) == ["cell.png", "my cell.png", "say.mp3"]
    assert CliRunner().invoke(cli, ["check", str(tmp_path / "back" / "m.yaml")]).exit_code == 0
    back = load_bank(tmp_path / "back" / "m.yaml").deck
    assert back.questions[0].answer_text() == "[sound:media/say.mp3]"


def test_import_keeps_media_that_is_there_and_refuses_to_replace_other_content(tmp_path: Path) -> None:
    deck = _deck(tmp_path / "d", "- {id: q1, kind: basic, prompt: '![](cell.png)', answer: A}\n")
    (deck.parent / "cell.png").write_bytes(PICTURE)
    write_apkg([load_bank(deck)], tmp_path / "m.apkg", now=NOW)
    target = tmp_path / "out"
    target.mkdir()
    (target / "media").mkdir()
    (target / "media" / "cell.png").write_bytes(b"someone else's picture")
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "m.apkg"), "-o", str(target / "m.yaml")])
    assert result.exit_code == 1 and "cell.png exists already" in result.output
    assert not (target / "m.yaml").exists()
    result = CliRunner().invoke(cli, ["import", str(tmp_path / "m.apkg"), "-o", str(target / "m.yaml"), "--force"])
    assert result.exit_code == 0, result.output
    assert (target / "media" / "cell.png").read_bytes() == PICTURE


def test_deck_media_without_a_folder_is_a_problem_not_a_crash() -> None:
    from quizmg.model import Basic

    files, problems = deck_media([Basic(id="q", prompt="![](x.png)", answer="a")], None)
    assert files == {} and problems == ["question q: image 'x.png': the deck has no folder"]
    assert issubclass(MediaError, Exception)


# --- MathJax and LaTeX -------------------------------------------------------------------------------


MATH = [
    r"e. g. \(k\)-means",
    r"\[\sum_{i=1}^n a_i * b_i\]",
    r"[latex]$x_1 * y_2$[/latex]",
    r"[$]a_b[/$] and [$$]c_d[/$$]",
]


def test_mathjax_survives_export_and_import(tmp_path: Path) -> None:
    import yaml

    items = [{"id": f"m{n}", "kind": "basic", "prompt": text, "answer": "x < y"} for n, text in enumerate(MATH)]
    items.append({"id": "c1", "kind": "cloze", "text": r"Square: {{c1::\(x^2\)}} and {{c2::\(y_1\)}}"})
    questions = yaml.safe_dump(items)
    deck = _deck(tmp_path, questions)
    bank = load_bank(deck)
    assert [q.prompt_text() for q in bank.questions[: len(MATH)]] == MATH
    out = tmp_path / "m.apkg"
    write_apkg([bank], out, now=NOW)
    fronts = [note.fields[0] for note in read_package(out).notes]
    assert fronts[: len(MATH)] == MATH  # no HTML escaping needed here, and no Markdown applied
    assert fronts[-1] == r"Square: {{c1::\(x^2\)}} and {{c2::\(y_1\)}}"
    # Through Anki and back: the visible fields read as the same text.
    folder = tmp_path / "anki"
    folder.mkdir()
    col = Collection(str(folder / "collection.anki2"))
    try:
        col.import_anki_package(ImportAnkiPackageRequest(package_path=str(out), options=ImportAnkiPackageOptions()))
        texts = sorted(col.get_note(nid).fields[0] for nid in col.find_notes(""))
    finally:
        col.close()
    assert sorted(fronts) == texts
    assert [q.prompt_text() for q in read_apkg(out).deck.questions] == [q.prompt_text() for q in bank.questions]
