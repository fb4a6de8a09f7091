"""Media in the terminal: shown by file name wherever deck text is printed, and opened with the
system's viewer from the study prompts (key o)."""

from __future__ import annotations

import os
import stat
import time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.cli import cli
from quizmg.ui.media_view import media_files, named_media, open_media

DECK = """id: heart
title: Heart
questions:
  - id: q1
    kind: basic
    prompt: "Which chamber? ![the heart](media/heart.png)"
    answer: "The left ventricle [sound:media/lub dub.mp3]"
  - id: q2
    kind: basic
    prompt: "Plain ![](https://example.org/x.png) here"
    answer: "none"
"""


@pytest.fixture
def deck(tmp_path: Path) -> Path:
    (tmp_path / "media").mkdir()
    (tmp_path / "media" / "heart.png").write_bytes(b"\x89PNG")
    (tmp_path / "media" / "lub dub.mp3").write_bytes(b"ID3")
    path = tmp_path / "heart.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def _fake_viewer(tmp_path: Path) -> tuple[Path, Path]:
    """A folder holding an `xdg-open` that writes each file it is given into the returned file."""
    tools = tmp_path / "bin"
    tools.mkdir()
    opened = tmp_path / "opened.txt"
    viewer = tools / "xdg-open"
    viewer.write_text(f'#!/bin/sh\necho "$1" >> "{opened}"\n', encoding="utf-8")
    viewer.chmod(viewer.stat().st_mode | stat.S_IXUSR)
    return tools, opened


def spawn_study(deck: Path, home: Path, tools: Path) -> Any:
    """The real `quizmg study DECK` in a pty, with the fake viewer's folder first on the PATH."""
    import sys

    import pexpect

    env = {**os.environ, "QUIZMG_HOME": str(home), "TERM": "xterm-256color", "NO_COLOR": "1",
           "PATH": f"{tools}{os.pathsep}{os.environ['PATH']}"}
    env.pop("COLUMNS", None)
    quizmg = str(Path(sys.executable).with_name("quizmg"))
    return pexpect.spawn(quizmg, ["study", str(deck)], env=env, dimensions=(40, 120), encoding="utf-8", timeout=30)


def test_media_are_named_not_shown_as_markdown(deck: Path) -> None:
    assert named_media("See ![the heart](media/heart.png) and [sound:media/lub dub.mp3].") == (
        "See [image: heart.png (the heart)] and [sound: lub dub.mp3]."
    )
    shown = CliRunner().invoke(cli, ["show", str(deck), "--answers"])
    assert shown.exit_code == 0, shown.output
    assert "Which chamber? [image: heart.png (the heart)]" in shown.output
    assert "The left ventricle [sound: lub dub.mp3]" in shown.output
    assert "Plain [image: https://example.org/x.png] here" in shown.output


def test_the_open_key_hands_the_files_to_the_systems_viewer(
    deck: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = load_bank(deck)
    paths = media_files(bank.question("q1"), deck)
    assert [p.name for p in paths] == ["heart.png", "lub dub.mp3"]
    assert media_files(bank.question("q2"), deck) == []  # a web address is not opened

    tools, opened = _fake_viewer(tmp_path)
    monkeypatch.setenv("PATH", str(tools))
    assert open_media(paths) == "Opened heart.png, lub dub.mp3."
    for _ in range(100):  # the viewer runs on its own
        if opened.exists() and len(opened.read_text().splitlines()) == 2:
            break
        time.sleep(0.05)
    assert sorted(opened.read_text().splitlines()) == sorted(str(p) for p in paths)

    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    assert open_media(paths).startswith("No viewer to open heart.png, lub dub.mp3 with here; the files: ")
    assert open_media([]) == "This card has no image or sound to open."
    assert os.environ["PATH"].endswith("nothing")


def test_study_shows_the_image_by_name_and_o_opens_it(deck: Path, tmp_path: Path, quizmg_home: Path) -> None:
    import re

    import pexpect

    tools, opened = _fake_viewer(tmp_path)
    child = spawn_study(deck, quizmg_home, tools)
    try:
        child.expect(r"for keys\)")
        screen = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", child.before)
        assert "Which chamber? [image: heart.png (the heart)]" in screen  # new cards come in deck order
        child.send("o")
        child.expect(r"Opened heart.png, lub dub.mp3\.")
        child.send("q")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    for _ in range(100):
        if opened.exists() and len(opened.read_text().splitlines()) == 2:
            break
        time.sleep(0.05)
    assert sorted(Path(p).name for p in opened.read_text().splitlines()) == ["heart.png", "lub dub.mp3"]
