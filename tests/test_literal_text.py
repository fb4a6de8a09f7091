"""Deck text is shown as written: emoji codes such as :warning: stay text, in every view."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quizmg.cli import cli

DECK = """\
id: codes
title: "Codes :warning: deck"
questions:
  - id: q1
    kind: basic
    prompt: "What does :smile: mean?"
    answer: "A :smile: code"
    explanation: "Shown as :thumbs_up: text."
  - id: q2
    kind: truefalse
    statement: "A deck may say :warning: in its text."
    answer: true
"""


def deck_file(tmp_path: Path) -> Path:
    path = tmp_path / "codes.yaml"
    path.write_text(DECK, encoding="utf-8")
    return path


def test_study_shows_emoji_codes_as_text(tmp_path: Path) -> None:
    # Enter reveals the answer and its explanation, 3 rates Good.
    result = CliRunner().invoke(cli, ["study", str(deck_file(tmp_path))], input="\n3\n")
    assert result.exit_code == 0, result.output
    assert "What does :smile: mean?" in result.output
    assert "A :smile: code" in result.output
    assert "Shown as :thumbs_up: text." in result.output
    assert not {"😄", "👍"} & set(result.output)


def test_quiz_shows_emoji_codes_as_text(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["quiz", str(deck_file(tmp_path)), "-n", "1"], input="t\n")
    assert result.exit_code == 0, result.output
    assert "Codes :warning: deck" in result.output
    assert "A deck may say :warning: in its text." in result.output
    assert "Score: 1/1" in result.output
    assert "⚠" not in result.output
