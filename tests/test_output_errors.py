"""Files that cannot be written give one clear line and exit 1, never 'a bug in quizmg'."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.cli import cli


@pytest.mark.parametrize(
    "args",
    [
        ["export", "worksheet", "magnesium", "-o", "{missing}/sheet.html"],
        ["export", "gift", "magnesium", "-o", "{missing}/deck.gift"],
        ["export", "anki", "magnesium", "-o", "{missing}/deck.apkg"],
        ["export", "yaml", "magnesium", "-o", "{missing}/deck.yaml"],
        ["new", "{missing}/deck.yaml"],
    ],
)
def test_writing_into_a_missing_folder_is_a_clear_error(tmp_path: Path, args: list[str]) -> None:
    missing = tmp_path / "no" / "such" / "folder"
    # A file where a folder should be: no command can create the path, whatever it tries.
    (tmp_path / "no").write_text("a file, not a folder", encoding="utf-8")
    result = CliRunner().invoke(cli, [a.format(missing=missing) for a in args], prog_name="quizmg")
    assert result.exit_code == 1, result.output
    assert str(tmp_path / "no") in result.output
    assert "bug" not in result.output and "Traceback" not in result.output


def test_quiz_checks_its_json_target_before_asking_anything(tmp_path: Path) -> None:
    target = tmp_path / "missing" / "results.json"
    result = CliRunner().invoke(cli, ["quiz", "magnesium", "-n", "2", "--json", str(target)], input="t\nt\n")
    assert result.exit_code == 1
    assert f"{target}: the folder {target.parent} does not exist" in result.output
    assert "Question 1" not in result.output


def test_many_warnings_of_one_kind_fold_into_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    from quizmg.cli.output import show_warnings

    show_warnings(
        [f"q{i}: a basic card was written as a GIFT short-answer question" for i in range(1, 8)]
        + ["q9: GIFT has no units; the unit was added to the question text", "a plain warning"]
    )
    lines = capsys.readouterr().err.splitlines()
    assert lines == [
        "warning: a basic card was written as a GIFT short-answer question (7 times: q1, q2, q3 and 4 more)",
        "warning: q9: GIFT has no units; the unit was added to the question text",
        "warning: a plain warning",
    ]


def test_gift_export_of_the_built_in_deck_fits_on_one_screen(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["export", "gift", "magnesium", "-o", str(tmp_path / "m.gift")])
    assert result.exit_code == 0
    assert len(result.stderr.splitlines()) <= 20
    assert "(42 times: nmda-block.recall" in result.stderr


@pytest.mark.parametrize("args", [["show", "magnesium", "--json"], ["cards", "magnesium"], ["schema"]])
def test_a_reader_that_goes_away_ends_the_output_quietly(tmp_path: Path, args: list[str]) -> None:
    """`quizmg cards magnesium | head -2`: no 'Broken pipe' message, no traceback."""
    executable = shutil.which("quizmg")
    assert executable is not None
    environment = {**os.environ, "QUIZMG_HOME": str(tmp_path / "home")}
    subprocess.run([executable], env=environment, capture_output=True, check=True)  # the built-in deck, registered
    # The reader is gone before the first write, so every write meets a broken pipe.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        finished = subprocess.run(
            [executable, *args], stdout=write_end, stderr=subprocess.PIPE, env=environment, timeout=60
        )
    finally:
        os.close(write_end)
    errors = finished.stderr.decode()
    assert "Broken pipe" not in errors
    assert "Traceback" not in errors
    assert "Exception ignored" not in errors
    assert errors == ""
