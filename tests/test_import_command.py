"""`quizmg import`: every format through the real command, detection, --format, and errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.cli import cli
from quizmg.formats.importing import detect_format, detect_text_format

TEACHER = Path(__file__).parent / "data" / "teacher"


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(
    ("name", "found", "count"),
    [
        ("rivers.gift", "gift", 11),
        ("solar.aiken.txt", "aiken", 3),
        ("quizlet-plants.csv", "csv", 3),
        ("quizlet-cells.tsv", "tsv", 3),
        ("anki-notes.txt", "tsv", 3),
        ("plants.md", "markdown", 9),
    ],
)
def test_import_writes_a_deck_that_checks(tmp_path: Path, name: str, found: str, count: int) -> None:
    out = tmp_path / "deck.yaml"
    code, stdout, _ = run("import", str(TEACHER / name), "-o", str(out))
    assert code == 0, stdout
    assert f"Imported {count} questions from {TEACHER / name} ({found}) into {out}." in stdout
    assert f"Next: quizmg check {out}" in stdout
    bank = load_bank(out)
    assert len(bank.deck.questions) == count
    code, stdout, _ = run("check", str(out))
    assert code == 0 and f"{count} questions" in stdout


def test_import_gift_prints_its_warnings(tmp_path: Path) -> None:
    code, _, stderr = run("import", str(TEACHER / "rivers.gift"), "-o", str(tmp_path / "r.yaml"))
    assert code == 0
    assert "warning: " in stderr and "an essay question was skipped" in stderr


def test_import_to_markdown(tmp_path: Path) -> None:
    out = tmp_path / "rivers.md"
    code, stdout, _ = run("import", str(TEACHER / "rivers.gift"), "-o", str(out))
    assert code == 0, stdout
    text = out.read_text()
    assert "- [x] The Nile" in text and "  > It carries more water, but is shorter." in text
    assert len(load_bank(out).deck.questions) == 11


def test_default_output_name_and_no_overwrite(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    source = tmp_path / "Solar quiz.txt"
    shutil.copy(TEACHER / "solar.aiken.txt", source)
    code, stdout, _ = run("import", str(source))
    assert code == 0 and (tmp_path / "Solar quiz.yaml").exists(), stdout
    code, _, stderr = run("import", str(source))
    assert code == 1 and "exists already; pass --force" in stderr
    code, _, _ = run("import", str(source), "--force")
    assert code == 0


def test_format_option_overrides_detection(tmp_path: Path) -> None:
    source = tmp_path / "words.txt"
    source.write_text("sol,sun\nluna,moon\n")
    code, stdout, _ = run("import", str(source), "--format", "tsv", "-o", str(tmp_path / "a.yaml"))
    # Read as TSV, each line is one column: not a card.
    assert code == 1 and "two columns" in stdout + _
    code, stdout, _ = run("import", str(source), "--format", "csv", "-o", str(tmp_path / "b.yaml"))
    assert code == 0 and "Imported 2 questions" in stdout


def test_bad_input_is_one_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.gift"
    broken.write_text("// a quiz\n\n::q1::What? {=yes\n")
    code, stdout, stderr = run("import", str(broken), "-o", str(tmp_path / "x.yaml"))
    assert code == 1
    assert f"{broken}:3: unbalanced braces" in stderr and "Traceback" not in stdout + stderr
    code, _, stderr = run("import", str(tmp_path / "missing.gift"))
    assert code == 1 and "no such file" in stderr
    unknown = tmp_path / "notes.txt"
    unknown.write_text("just some words\nwith nothing to split\n")
    code, _, stderr = run("import", str(unknown), "-o", str(tmp_path / "n.yaml"))
    assert code == 1 and "cannot tell the format" in stderr
    code, _, stderr = run("import", str(TEACHER / "rivers.gift"), "-o", str(tmp_path / "x.json"))
    assert code == 2 and ".yaml or .md" in stderr


def test_anki_package_round_trip(tmp_path: Path, sample_deck: Path) -> None:
    package = tmp_path / "sample.apkg"
    code, stdout, _ = run("export", "anki", str(sample_deck), "-o", str(package))
    assert code == 0, stdout
    out = tmp_path / "back.yaml"
    code, stdout, stderr = run("import", str(package), "-o", str(out))
    assert code == 0, stdout + stderr
    assert "(apkg)" in stdout
    back = load_bank(out)
    original = load_bank(sample_deck)
    assert {q.id for q in original.questions} <= {q.id for q in back.questions}


def test_detection_by_extension_and_content() -> None:
    assert detect_format("deck.apkg", b"PK\x03\x04") == "apkg"
    assert detect_format("x.gift", b"") == "gift"
    assert detect_format("x.csv", b"") == "csv"
    assert detect_text_format("Q?\nA. a\nB. b\nANSWER: A\n") == "aiken"
    assert detect_text_format("Who? {=me ~you}\n") == "gift"
    assert detect_text_format("::t:: Is it? {T}\n") == "gift"
    assert detect_text_format("#separator:tab\na\tb\n") == "tsv"
    assert detect_text_format("a\tb\nc\td\n") == "tsv"
    assert detect_text_format("a,b\nc,d\n") == "csv"
