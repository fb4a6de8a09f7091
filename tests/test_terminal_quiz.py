"""Scored quizzes in a pseudo-terminal: the real `quizmg quiz`, a fixed seed, markup shown as written, a countdown."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pexpect
import pytest
from terminal_session import ANSI, spawn

from quizmg.bank import load_bank
from quizmg.cli.common import collection_path
from quizmg.store import open_collection
from quizmg.study.quiz import choose_paper


def test_quiz_with_a_fixed_seed_scores_in_a_terminal(quizmg_home: Path, sample_deck: Path) -> None:
    paper = choose_paper(load_bank(sample_deck), 5, 99)
    child = spawn(quizmg_home, "quiz", str(sample_deck), "-n", "5", "--seed", "99")
    for number, asked in enumerate(paper):
        # A typed answer's prompt ends in ">"; one-key questions say what Enter does instead.
        child.expect(r"(>|Enter: don't know, \? keys)(?:\x1b\[[0-9;]*m)* ")
        child.sendline(
            "zzz 0"
            if number == 0 and asked.kind in ("short", "cloze", "numeric")
            else asked.answer_key()
            if number
            else _wrong_key(asked)
        )
    child.expect("Before you hand in")
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    out = ANSI.sub("", child.before)
    assert child.exitstatus == 0
    assert "Score: 4/5 (80%)" in out
    assert "Mistakes to review (1)" in out
    with open_collection(collection_path(), datetime.now(timezone.utc)) as collection:
        stored = collection.quiz_results("sample")
        assert [(r.score, r.max_score) for r in stored] == [(4.0, 5.0)]
        assert collection.reviews() == []  # a quiz never touches the study log


def _wrong_key(asked) -> str:
    key = asked.answer_key()
    if asked.kind == "truefalse":
        return "f" if key == "t" else "t"
    if asked.kind == "mcq":
        return next(c for c in "abcdefgh"[: len(asked.shown)] if c not in key)
    return " ".join(reversed(key.split()))


MARKUP_DECK = """\
id: odd
title: "Odd [bold red]deck[/bold red]"
questions:
  - id: q1
    kind: truefalse
    statement: "Is [bold]this[/bold] \\e[31mred\\e[0m or [link=http://x]x[/link]?"
    answer: true
    explanation: "[red]no markup[/red] \\e]0;title\\a here"
"""


@pytest.mark.parametrize("columns", [60, 200])
def test_markup_and_escape_sequences_in_a_deck_are_shown_literally(
    quizmg_home: Path, tmp_path: Path, columns: int
) -> None:
    deck = tmp_path / "odd.yaml"
    deck.write_text(MARKUP_DECK, encoding="utf-8")
    child = spawn(quizmg_home, "quiz", str(deck), "--seed", "1", "--feedback", columns=columns)
    child.expect(r"(>|Enter: don't know, \? keys)(?:\x1b\[[0-9;]*m)* ")
    raw = child.before + child.after
    child.sendline("t")
    child.expect("Before you hand in")
    raw += child.before + child.after
    child.sendline("")
    child.expect(pexpect.EOF)
    child.close()
    raw += child.before
    assert child.exitstatus == 0
    text = ANSI.sub("", raw).replace("\r\n", "\n")
    assert "[bold]this[/bold]" in text.replace("\n", "")
    assert "\\x1b[31mred\\x1b[0m" in text.replace("\n", "")
    assert "[red]no markup[/red]" in text.replace("\n", "")
    assert "\x1b[31m" not in raw and "\x1b]0;" not in raw and "\x07" not in raw
    # The "same paper" command is left whole for copying (the terminal wraps it).
    assert max(len(line) for line in text.split("\n") if not line.startswith("quizmg quiz ")) <= columns


def test_timed_quiz_counts_down_live_and_stops_at_zero(quizmg_home: Path, sample_deck: Path) -> None:
    paper = choose_paper(load_bank(sample_deck), 2, 5, kinds=("truefalse",))
    child = spawn(
        quizmg_home, "quiz", str(sample_deck), "--kinds", "truefalse", "-n", "2", "--seed", "5", "--time-limit", "4s"
    )
    child.expect(r"0:0[34] left")
    # Type, rub out with Backspace, and answer the first question right.
    child.send("x\x7f" + paper[0].answer_key() + "\r")
    child.expect(r"Question 2/2")
    child.expect(r"0:01 left")  # the clock is redrawn while the learner thinks
    child.expect(r"Time is up\.")
    child.expect(pexpect.EOF)
    child.close()
    out = ANSI.sub("", child.before)
    assert child.exitstatus == 0
    assert "Score: 1/2 (50%)" in out
    assert "The time limit ran out." in out
