"""Every file quizmg writes: never the input, never an existing file without --force, never half a
file (a full disk leaves the old file or nothing), and a one-line message naming the file."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.cli import cli
from quizmg.errors import QuizmgError
from quizmg.safe_files import check_output, read_bytes, write_text

QUIZMG = [sys.executable, "-m", "quizmg"]


def _deck(tmp_path: Path, sample_deck: Path, name: str = "unit4.yaml") -> Path:
    deck = tmp_path / name
    shutil.copy(sample_deck, deck)
    return deck


@pytest.mark.parametrize(
    "args",
    [
        ["export", "gift"],
        ["export", "yaml"],
        ["export", "markdown"],
        ["export", "worksheet"],
        ["export", "anki"],
    ],
)
def test_no_export_overwrites_its_input_even_with_force(tmp_path: Path, sample_deck: Path, args: list[str]) -> None:
    deck = _deck(tmp_path, sample_deck)
    before = deck.read_bytes()
    for extra in ([], ["--force"]):
        result = CliRunner().invoke(cli, [*args, str(deck), "-o", str(deck), *extra])
        assert result.exit_code != 0, result.output
        assert deck.read_bytes() == before
        assert "Traceback" not in result.output and "bug" not in result.output


def test_the_answer_key_never_replaces_the_deck(tmp_path: Path, sample_deck: Path) -> None:
    deck = _deck(tmp_path, sample_deck, "sheet-key.html.yaml")
    # The key of sheet.html is sheet-key.html: make that name the deck itself through a link.
    (tmp_path / "sheet-key.html").symlink_to(deck)
    before = deck.read_bytes()
    result = CliRunner().invoke(
        cli, ["export", "worksheet", str(deck), "-o", str(tmp_path / "sheet.html"), "--answer-key", "file", "--force"]
    )
    assert result.exit_code == 1 and "being read" in result.output
    assert deck.read_bytes() == before


@pytest.mark.parametrize("fmt", ["gift", "yaml", "markdown", "worksheet", "anki"])
def test_exports_replace_an_existing_file_only_with_force(tmp_path: Path, sample_deck: Path, fmt: str) -> None:
    target = tmp_path / ("out.apkg" if fmt == "anki" else "out.txt")
    target.write_text("the teacher's own file\n")
    refused = CliRunner().invoke(cli, ["export", fmt, str(sample_deck), "-o", str(target)])
    assert refused.exit_code == 1 and "exists already; pass --force" in refused.output
    assert target.read_text() == "the teacher's own file\n"
    replaced = CliRunner().invoke(cli, ["export", fmt, str(sample_deck), "-o", str(target), "--force"])
    assert replaced.exit_code == 0, replaced.output
    assert target.read_bytes() != b"the teacher's own file\n"


def test_the_answer_key_file_is_not_replaced_without_force(tmp_path: Path, sample_deck: Path) -> None:
    key = tmp_path / "sheet-key.html"
    key.write_text("kept")
    result = CliRunner().invoke(
        cli, ["export", "worksheet", str(sample_deck), "-o", str(tmp_path / "sheet.html"), "--answer-key", "file"]
    )
    assert result.exit_code == 1 and str(key) in result.output
    assert key.read_text() == "kept" and not (tmp_path / "sheet.html").exists()


def _limited(limit: int):  # type: ignore[no-untyped-def]
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return apply


def _run_full_disk(args: list[str], cwd: Path, limit: int = 2000) -> subprocess.CompletedProcess[str]:
    """Run quizmg with writes limited to `limit` bytes a file: what a full disk looks like to it."""
    return subprocess.run(
        [*QUIZMG, *args], cwd=cwd, capture_output=True, text=True, timeout=120, preexec_fn=_limited(limit),
        env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.mark.parametrize(
    "args",
    [
        ["export", "worksheet", "DECK", "-o", "out.html", "--force"],
        ["export", "gift", "DECK", "-o", "out.html", "--force"],
        ["new", "out.yaml", "--force"],
    ],
)
def test_a_full_disk_leaves_the_old_file_whole_and_no_partial(
    tmp_path: Path, sample_deck: Path, args: list[str]
) -> None:
    deck = _deck(tmp_path, sample_deck)
    name = args[args.index("-o") + 1] if "-o" in args else args[1]
    (tmp_path / name).write_text("old\n")
    result = _run_full_disk([str(deck) if a == "DECK" else a for a in args], tmp_path, limit=1000)
    assert result.returncode == 1, result.stderr
    assert "disk is full" in result.stderr and name in result.stderr
    assert "Traceback" not in result.stderr and "bug" not in result.stderr
    assert (tmp_path / name).read_text() == "old\n"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".partial")]


def test_new_on_a_full_disk_leaves_no_empty_deck(tmp_path: Path) -> None:
    result = _run_full_disk(["new", "fresh.yaml"], tmp_path, limit=500)
    assert result.returncode == 1 and "disk is full" in result.stderr
    assert not (tmp_path / "fresh.yaml").exists()
    assert os.listdir(tmp_path) == []


def test_write_text_replaces_whole_and_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "deck.yaml"
    target.write_text("one")
    target.chmod(0o640)
    write_text(target, "two")
    assert target.read_text() == "two" and (target.stat().st_mode & 0o777) == 0o640
    assert os.listdir(tmp_path) == ["deck.yaml"]


def test_check_output_refuses_the_input_through_a_link(tmp_path: Path) -> None:
    source = tmp_path / "deck.yaml"
    source.write_text("x")
    link = tmp_path / "link.yaml"
    link.symlink_to(source)
    with pytest.raises(QuizmgError, match="being read"):
        check_output(link, force=True, inputs=[source])
    with pytest.raises(QuizmgError, match="folder"):
        check_output(tmp_path, force=True)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
@pytest.mark.parametrize("command", [["check"], ["import"], ["generate"], ["show"]])
def test_a_fifo_is_refused_not_waited_on(tmp_path: Path, command: list[str]) -> None:
    suffix = ".txt" if command == ["generate"] else ".yaml"
    fifo = tmp_path / f"pipe{suffix}"
    os.mkfifo(fifo)
    extra = ["-o", str(tmp_path / "out.yaml")] if command[0] in ("import", "generate") else []
    result = subprocess.run([*QUIZMG, *command, str(fifo), *extra], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1
    assert f"{fifo}: this is a named pipe" in result.stderr
    assert "Traceback" not in result.stderr


def test_dev_zero_behind_a_link_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "z.yaml"
    link.symlink_to("/dev/zero")
    result = subprocess.run([*QUIZMG, "check", str(link)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "a device, not a regular file" in result.stderr


def test_reading_is_bounded(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 5000)
    assert read_bytes(big, limit=5000) == b"a" * 5000
    with pytest.raises(QuizmgError, match="over"):
        read_bytes(big, limit=4999)
