"""Custom study and counts that agree: `--new` past today's limit (said so), the summary after a
cram, stats' "New today" with a deck's own limit, and `decks` suggesting only what can be studied."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner

from quizmg.cli import cli


def run(*args: str, input: str = "") -> str:
    result = CliRunner().invoke(cli, list(args), input=input)
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


def due_total(deck: str) -> int:
    return int(re.search(r"Due now: (\d+)", run("due", deck)).group(1))


def test_new_past_todays_limit_when_asked_and_said(quizmg_home: Path, sample_deck: Path) -> None:
    run("add", str(sample_deck))
    run("config", "new_per_day", "2", "--deck", "sample")
    out = run("study", "sample", "--new", "5", input="q\n")
    assert "5 new cards this session: 3 more than today's limit lets in (--new 5)." in out
    assert "new 5" in out  # the progress line counts them
    within = run("study", "sample", input="q\n")
    assert "more than today's limit" not in within and "new 2" in within


def test_the_summary_after_a_limited_cram_says_what_due_says(quizmg_home: Path, sample_deck: Path) -> None:
    run("add", str(sample_deck))
    out = run("study", "sample", "--cram", "--limit", "2", input="\n3\n\n3\n")
    assert "Nothing else is due." not in out
    assert f"Still due now: {due_total('sample')}." in out


def test_stats_new_today_honours_the_decks_own_limit(quizmg_home: Path, sample_deck: Path) -> None:
    run("add", str(sample_deck))
    run("config", "new_per_day", "3", "--deck", "sample")
    assert "(0 learning, 0 review, 3 new)" in run("due", "sample")
    assert re.search(r"New today 3/\d+", run("stats", "sample"))


def test_decks_suggests_only_a_deck_with_something_to_study(quizmg_home: Path, sample_deck: Path) -> None:
    run("add", str(sample_deck))
    assert "Next: quizmg study magnesium" in run("decks")
    run("config", "new_per_day", "0")
    out = run("decks")
    assert "Next: quizmg study" not in out
    assert "Nothing to study now" in out
