"""`quizmg study` and the dashboard through click's runner (answers piped in, line by line)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime, timezone
from pathlib import Path

from click.testing import CliRunner

from quizmg.cli import cli
from quizmg.cli.common import collection_path
from quizmg.store import open_collection

QUIZMG = str(Path(sys.executable).with_name("quizmg"))


def log_of(home: Path) -> list:
    with open_collection(collection_path(), datetime.now(timezone.utc)) as collection:
        return collection.reviews()


def test_study_piped_answers_are_recorded_and_summarised(quizmg_home: Path, sample_deck: Path) -> None:
    # The sample queue opens with two basic cards: reveal with Enter, then rate.
    result = CliRunner().invoke(cli, ["study", str(sample_deck), "--limit", "2"], input="\n3\n\n4\n")
    assert result.exit_code == 0, result.output
    assert "1 Again" in result.output and "4 Easy" in result.output
    assert "2 cards in" in result.output
    assert "Session over" in result.output and "the limit of 2 cards" in result.output
    assert [r.rating for r in log_of(quizmg_home)] == [3, 4]


def test_study_never_hangs_at_the_end_of_piped_input(quizmg_home: Path, sample_deck: Path) -> None:
    done = subprocess.run(
        [QUIZMG, "study", str(sample_deck)],
        input="",
        capture_output=True,
        text=True,
        timeout=20,
        env={**os.environ, "QUIZMG_HOME": str(quizmg_home)},
    )
    assert done.returncode == 0, done.stderr
    assert "No cards answered (you stopped)" in done.stdout
    assert "Traceback" not in done.stderr


def test_cram_is_logged_as_cram_and_schedules_nothing(quizmg_home: Path, sample_deck: Path) -> None:
    result = CliRunner().invoke(cli, ["study", str(sample_deck), "--cram", "--limit", "1"], input="\n3\n")
    assert result.exit_code == 0, result.output
    assert "cram" in result.output
    assert [(r.mode, r.rating) for r in log_of(quizmg_home)] == [("cram", 3)]
    with open_collection(collection_path(), datetime.now(timezone.utc)) as collection:
        assert all(card.state.reps == 0 for card in collection.cards("sample"))


def test_new_limit_and_nothing_due(quizmg_home: Path, sample_deck: Path) -> None:
    result = CliRunner().invoke(cli, ["study", str(sample_deck), "--new", "1"], input="\n4\n")
    assert result.exit_code == 0, result.output
    assert "1 card in" in result.output and "no more cards" in result.output
    again = CliRunner().invoke(cli, ["study", str(sample_deck), "--new", "0"])
    assert again.exit_code == 0
    assert "No cards answered (nothing is due)" in again.output


def test_study_an_unknown_deck_is_one_clear_error(quizmg_home: Path) -> None:
    result = CliRunner().invoke(cli, ["study", "no-such-deck"])
    assert result.exit_code == 1
    assert "Error: no deck called 'no-such-deck'" in result.output
    assert "Traceback" not in result.output


def test_study_typed_commands_and_help(quizmg_home: Path, sample_deck: Path) -> None:
    # Bury the first card from the reveal prompt, ask for help, then quit.
    result = CliRunner().invoke(cli, ["study", str(sample_deck)], input="b\n?\nq\n")
    assert result.exit_code == 0, result.output
    # The message names the card it buried.
    assert '"What does adrenaline do to beta-1 receptors?" (sample/adrenaline-heart.recall/1) until tomorrow' in (
        " ".join(result.output.split())
    )
    assert "While typing an answer, commands take a colon" in result.output
    assert "(you stopped)" in result.output
    assert log_of(quizmg_home) == []


def test_dashboard_is_what_quizmg_shows_with_no_arguments(quizmg_home: Path, sample_deck: Path) -> None:
    first = CliRunner().invoke(cli, [])
    assert first.exit_code == 0, first.output
    assert "magnesium" in first.output
    assert "Streak: 0 days" in first.output
    assert "Next: quizmg study magnesium" in first.output
    CliRunner().invoke(cli, ["study", str(sample_deck), "--limit", "2"], input="\n3\n\n3\n")
    after = CliRunner().invoke(cli, [])
    assert after.exit_code == 0, after.output
    assert re.search(r"sample\s+Sample deck\s+\d+\s+\d+\s+\d+", after.output)
    assert "Today: 2 answered" in after.output
    assert "Streak: 1 day." in after.output
    assert "Next: quizmg study" in after.output


def test_ascii_only_terminal_gets_ascii(quizmg_home: Path, sample_deck: Path) -> None:
    env = {**os.environ, "QUIZMG_HOME": str(quizmg_home), "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [QUIZMG, "quiz", str(sample_deck), "-n", "9", "--seed", "3", "--feedback"],
        input="t\nt\nt\n",
        capture_output=True,
        text=True,
        timeout=20,
        env=env,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    assert "Question 1/9 - " in done.stdout
    assert "->" in done.stdout  # an order answer, its arrows made ASCII
    dashboard = subprocess.run([QUIZMG], capture_output=True, text=True, timeout=20, env=env)
    assert dashboard.returncode == 0 and dashboard.stdout.isascii()
