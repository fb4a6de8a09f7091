"""Moodle's hints in a quiz with --feedback, on the real executable in a pty: a wrong answer to a
question with hints shows the next hint and asks again, and the mark loses the question's penalty
for each wrong try (a third when it names none). Without --feedback a quiz is marked at the end,
one try each, as Moodle's deferred feedback is."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pexpect

from quizmg.bank import load_bank
from quizmg.study.quiz import choose_paper

EXECUTABLE = str(Path(sys.executable).with_name("quizmg"))

DECK = """\
id: hinted
title: Hinted
questions:
  - id: capital
    kind: mcq
    prompt: Which city is the capital of Norway?
    choices:
      - {text: Oslo, correct: true}
      - {text: Bergen}
      - {text: Tromso}
    hints: [It lies at the head of a fjord., Its name has four letters.]
    penalty: 25
  - id: river
    kind: mcq
    prompt: Which river flows through Vienna?
    choices:
      - {text: Danube, correct: true}
      - {text: Rhine}
      - {text: Elbe}
    hints: [It ends in the Black Sea.]
"""


def _paper(deck: Path) -> tuple[dict[str, tuple[str, list[str]]], list[str]]:
    """Each question's right key and wrong keys on the paper of seed 5, and their order."""
    paper = choose_paper(load_bank(deck), 2, 5)
    keys = {
        asked.question.id: (asked.answer_key(), [key for key in "abc" if key != asked.answer_key()])
        for asked in paper
    }
    return keys, [asked.question.id for asked in paper]


def _quiz(deck: Path, results: Path, *extra: str) -> pexpect.spawn:
    return pexpect.spawn(
        EXECUTABLE, ["quiz", str(deck), "-n", "2", "--seed", "5", "--json", str(results), *extra],
        encoding="utf-8", timeout=30, dimensions=(40, 160), env={"QUIZMG_HOME": str(results.parent / "home"),
                                                                 "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )


def test_hints_give_more_tries_and_each_wrong_try_costs_the_penalty(tmp_path: Path) -> None:
    deck = tmp_path / "hinted.yaml"
    deck.write_text(DECK)
    keys, order = _paper(deck)
    results = tmp_path / "result.json"
    child = _quiz(deck, results, "--feedback")
    for question in order:
        right, wrong = keys[question]
        child.expect("Enter: don't know")
        if question == "capital":  # wrong, wrong, then right on the third try
            child.send(wrong[0])
            child.expect("Hint:.*head of a fjord")
            child.expect("takes 25% off")
            child.expect("Enter: don't know")
            child.send("s")  # no skipping a question under way
            child.expect("under way")
            child.send(wrong[1])
            child.expect("Hint:.*four letters")
            child.expect("Enter: don't know")
            child.send(right)
            child.expect("after 2 wrong tries: 0.50 of the mark")
        else:  # one hint: wrong, wrong, and no third try
            child.send(wrong[0])
            child.expect("Hint:.*Black Sea")
            child.expect("takes 33% off")
            child.expect("Enter: don't know")
            child.send(wrong[1])
            child.expect("Wrong")
    child.expect("Enter to hand in")
    child.send("\r")
    child.expect("Score: 1/2")
    child.expect("with partial credit and penalties for wrong tries: 0.50")
    child.expect(pexpect.EOF)
    rows = {row["card"].split("/")[1]: row for row in json.loads(results.read_text())["questions"]}
    assert (rows["capital"]["tries"], rows["capital"]["correct"], rows["capital"]["score"]) == (3, True, 0.5)
    assert (rows["river"]["tries"], rows["river"]["correct"], rows["river"]["score"]) == (2, False, 0.0)


def test_without_feedback_there_is_one_try_and_no_hint(tmp_path: Path) -> None:
    deck = tmp_path / "hinted.yaml"
    deck.write_text(DECK)
    keys, order = _paper(deck)
    results = tmp_path / "result.json"
    child = _quiz(deck, results)
    for question in order:
        child.expect("Enter: don't know")
        child.send(keys[question][1][0])  # wrong
    child.expect("Enter to hand in")
    assert "Hint" not in child.before
    child.send("\r")
    child.expect("Score: 0/2")
    child.expect(pexpect.EOF)
    assert [row["tries"] for row in json.loads(results.read_text())["questions"]] == [1, 1]
