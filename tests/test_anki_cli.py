"""`quizmg export anki` through click's runner and through the real executable."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pexpect
import pytest
from click.testing import CliRunner

from quizmg.cli import cli
from quizmg.formats.anki.importer import read_apkg


def test_export_writes_a_package_and_says_what_it_holds(tmp_path: Path, sample_deck: Path) -> None:
    out = tmp_path / "heart.apkg"
    result = CliRunner().invoke(cli, ["export", "anki", str(sample_deck), "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        f"Wrote 21 notes (23 cards) to {out}; 21 new or changed since your earlier exports.\n"
    )
    assert "  quizmg Cloze: 3\n" in result.output
    assert "Import it in Anki with File > Import" in result.output
    assert zipfile.is_zipfile(out)
    assert read_apkg(out).deck.id == "sample"

    refused = CliRunner().invoke(cli, ["export", "anki", str(sample_deck), "-o", str(out)])
    assert refused.exit_code == 1 and "exists already; pass --force" in refused.output
    again = CliRunner().invoke(cli, ["export", "anki", str(sample_deck), "-o", str(out), "--force"])
    assert again.exit_code == 0
    assert "; 0 new or changed since your earlier exports." in again.output


def test_one_note_is_counted_in_the_singular(tmp_path: Path) -> None:
    deck = tmp_path / "one.yaml"
    deck.write_text("id: one\ntitle: One\nquestions:\n  - {id: q1, kind: basic, prompt: Hi?, answer: Hello}\n")
    result = CliRunner().invoke(cli, ["export", "anki", str(deck), "-o", str(tmp_path / "one.apkg")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Wrote 1 note (1 card) to {tmp_path / 'one.apkg'}; ")


def test_default_name_and_subdecks(
    tmp_path: Path, sample_deck: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli, ["export", "anki", str(sample_deck), "--subdecks"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "sample.apkg").is_file()
    assert "to sample.apkg;" in result.output


def test_bad_deck_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("id: bad\ntitle: Bad\nquestions:\n  - kind: basic\n    prompt: no answer\n")
    result = CliRunner().invoke(cli, ["export", "anki", str(bad), "-o", str(tmp_path / "b.apkg")])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {bad}:4")
    assert "Traceback" not in result.output
    assert not (tmp_path / "b.apkg").exists()


def test_wrong_suffix_and_unknown_deck(tmp_path: Path, sample_deck: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "anki", str(sample_deck), "-o", "x.txt"])
    assert result.exit_code == 2
    assert "must end in .apkg" in result.output
    unknown = CliRunner().invoke(cli, ["export", "anki", "no-such-deck", "-o", "x.apkg"])
    assert unknown.exit_code == 1
    assert "Error: no deck called 'no-such-deck'" in unknown.output


def test_unwritable_output_is_one_clear_error(tmp_path: Path, sample_deck: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    target = blocker / "x.apkg"  # a file cannot hold another file, even for root
    result = CliRunner().invoke(cli, ["export", "anki", str(sample_deck), "-o", str(target)])
    assert result.exit_code == 1
    assert result.output.startswith(f"Error: {target}: ")
    assert "Traceback" not in result.output and "bug" not in result.output
    folder = CliRunner().invoke(cli, ["export", "anki", str(sample_deck), "-o", str(tmp_path)])
    assert folder.exit_code == 2  # click refuses a folder before quizmg runs


def test_help_lists_anki_and_stays_light() -> None:
    result = CliRunner().invoke(cli, ["export", "--help"])
    assert result.exit_code == 0 and "anki" in result.output
    code = (
        "import sys, quizmg.cli.export_anki; "
        "print(sorted(m for m in ('genanki', 'rich', 'pydantic', 'anki') if m in sys.modules))"
    )
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def test_progress_bar_for_a_large_export_in_a_terminal(tmp_path: Path) -> None:
    lines = ["id: big", "title: Big deck", "questions:"]
    for number in range(2500):
        lines += [f"  - id: q{number}", "    kind: basic",
                  f"    prompt: Question {number}", f"    answer: Answer {number}"]
    deck = tmp_path / "big.yaml"
    deck.write_text("\n".join(lines) + "\n")
    executable = shutil.which("quizmg", path=str(Path(sys.executable).parent))
    assert executable
    child = pexpect.spawn(
        executable, ["export", "anki", str(deck), "-o", str(tmp_path / "big.apkg")],
        env={"PATH": "/usr/bin:/bin", "TERM": "xterm", "COLUMNS": "100",
             "QUIZMG_HOME": str(tmp_path / "home")},
        encoding="utf-8", timeout=60, dimensions=(24, 100),
    )
    child.expect("Writing notes")
    child.expect(r"Wrote 2500 notes \(2500 cards\)")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_a_learners_edit_survives_an_export_to_a_new_file(tmp_path: Path, quizmg_home: Path) -> None:
    """Anki keeps the learner's edit to a note quizmg did not change, whatever the new file is called,
    and takes quizmg's change to another note."""
    from anki.collection import Collection, ImportAnkiPackageOptions, ImportAnkiPackageRequest

    deck = tmp_path / "d.yaml"
    deck.write_text(
        "id: d\ntitle: D\nquestions:\n- {id: q1, kind: basic, prompt: One?, answer: '1'}\n"
        "- {id: q2, kind: basic, prompt: Two?, answer: '2'}\n",
        encoding="utf-8",
    )
    assert CliRunner().invoke(cli, ["export", "anki", str(deck), "-o", str(tmp_path / "first.apkg")]).exit_code == 0
    (tmp_path / "anki").mkdir()
    col = Collection(str(tmp_path / "anki" / "collection.anki2"))
    try:
        def take(name: str) -> None:
            col.import_anki_package(ImportAnkiPackageRequest(
                package_path=str(tmp_path / name), options=ImportAnkiPackageOptions()
            ))

        take("first.apkg")
        notes = {col.get_note(n)["Front"]: col.get_note(n) for n in col.find_notes("")}
        notes["One?"]["Back"] = "one, as the learner wrote it"
        col.update_note(notes["One?"])
        deck.write_text(deck.read_text(encoding="utf-8").replace("answer: '2'", "answer: 'two'"), encoding="utf-8")
        result = CliRunner().invoke(cli, ["export", "anki", str(deck), "-o", str(tmp_path / "second.apkg")])
        assert result.exit_code == 0 and "1 new or changed since your earlier exports" in result.output
        take("second.apkg")
        backs = {col.get_note(n)["Front"]: col.get_note(n)["Back"] for n in col.find_notes("")}
    finally:
        col.close()
    assert backs == {"One?": "one, as the learner wrote it", "Two?": "two"}
