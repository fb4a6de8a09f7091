"""Deck text never reaches a terminal as control characters, formatting characters or markup."""

from __future__ import annotations

import json
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.cli import cli
from quizmg.ui.terminal_text import UNSAFE, json_text, markup_safe, visible

HOSTILE_TITLE = "\x1b]0;PWNED\x07 \x1b[2J \u202e abc \u200b \u009b"
DECK = (
    "id: evil\n"
    'title: "\\e]0;PWNED\\a \\e[2J \\u202e abc \\u200b \\u009b"\n'
    "questions:\n"
    "  - kind: numeric\n"
    "    id: n1\n"
    '    prompt: "Mass? \\u202e \\u2066"\n'
    "    answer: 3\n"
    '    unit: "kg [link=https://evil.example]x[/link] [/bold]"\n'
    "    explanation: because\n"
)


def _raw_unsafe(text: str) -> list[str]:
    """Every control (but tab/newline) or formatting character left raw in `text`."""
    return sorted({f"U+{ord(c):04X}" for c in text if UNSAFE.fullmatch(c)})


def test_every_control_and_format_character_is_covered() -> None:
    missing = [
        f"U+{code:04X}"
        for code in range(sys.maxunicode + 1)
        if unicodedata.category(chr(code)) in ("Cc", "Cf", "Zl", "Zp")
        and chr(code) not in "\t\n"
        and not UNSAFE.fullmatch(chr(code))
    ]
    assert missing == []


def test_visible_and_markup_safe() -> None:
    assert visible(HOSTILE_TITLE) == "\\x1b]0;PWNED\\x07 \\x1b[2J <U+202E> abc <U+200B> \\x9b"
    assert visible("tab\tand\nnewline stay, é and 中 too") == "tab\tand\nnewline stay, é and 中 too"
    assert markup_safe("kg[/bold]") == "kg\\[/bold]"
    decoded = json.loads(json_text({"t": HOSTILE_TITLE}))
    assert decoded["t"] == HOSTILE_TITLE and not _raw_unsafe(json_text({"t": HOSTILE_TITLE}))
    assert json_text({"t": "é 中"}) == '{"t": "é 中"}'


@pytest.fixture
def evil(tmp_path: Path) -> Path:
    path = tmp_path / "evil.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "args",
    [["add", "DECK"], ["decks"], ["show", "DECK"], ["show", "DECK", "--answers"], ["show", "DECK", "--json"],
     ["decks", "--json"]],
)
def test_no_command_writes_deck_controls_or_markup(evil: Path, args: list[str]) -> None:
    CliRunner().invoke(cli, ["add", str(evil)])
    result = CliRunner().invoke(cli, [str(evil) if a == "DECK" else a for a in args])
    assert result.exit_code == 0, result.output
    assert _raw_unsafe(result.output) == []
    assert "PWNED" in result.output


def test_a_quiz_shows_a_unit_as_text_not_markup(evil: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "quizmg", "quiz", str(evil), "-n", "1", "--json", "-"],
        input="3\n", capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "MarkupError" not in result.stderr and "[link=https://evil.example]" in result.stderr
    assert _raw_unsafe(result.stdout) == [] and _raw_unsafe(result.stderr) == []
    assert json.loads(result.stdout)["deck"] == "evil"
