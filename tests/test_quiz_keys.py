"""The quiz has the keys of a test, on the real executable in a pty: one-key answers, skip and come
back, "don't know", help, going back before handing in, and a "same paper" command that sets the
same questions in the same order."""

from __future__ import annotations

import json
import shlex
import subprocess
import sys
import time
from pathlib import Path

import pexpect

from quizmg.bank import load_bank
from quizmg.study.quiz import choose_paper, same_paper_command
from quizmg.ui.keyboard import STRAY_ENTER_SECONDS

EXECUTABLE = str(Path(sys.executable).with_name("quizmg"))
KINDS = ("truefalse", "mcq", "short")


def spawn(*args: str) -> pexpect.spawn:
    return pexpect.spawn(EXECUTABLE, list(args), encoding="utf-8", timeout=30, dimensions=(40, 200))


def test_keys_skip_dont_know_and_going_back(sample_deck: Path, tmp_path: Path) -> None:
    paper = choose_paper(load_bank(sample_deck), 6, 43, kinds=KINDS)  # a seed giving these kinds in this order
    assert [asked.kind for asked in paper] == ["mcq", "truefalse", "truefalse", "truefalse", "short", "mcq"]
    key = [asked.answer_key() for asked in paper]
    results = tmp_path / "first.json"
    child = spawn("quiz", str(sample_deck), "-n", "6", "--seed", "43", "--kinds", ",".join(KINDS),
                  "--json", str(results))
    child.expect("Question 1/6")
    child.expect("Enter: don't know")
    child.send("?")  # help, then the same question again
    child.expect("s  skip")
    child.send("s")  # a plain s cannot be an answer to a two-choice question: skip
    child.expect("Skipped")
    child.expect("Question 2/6")
    child.send(key[1])  # one key, no Enter
    child.expect("Question 3/6")
    child.expect("Enter: don't know")
    time.sleep(STRAY_ENTER_SECONDS + 0.1)  # an Enter sooner is taken as meant for the last answer
    child.send("\r")  # don't know
    child.expect("Question 4/6")
    child.send(key[3])
    child.expect("Question 5/6")
    child.expect(">")
    child.sendline(":s")  # a typed answer: the command takes a colon
    child.expect("Skipped")
    child.expect("Question 6/6")
    child.send("1" if key[5] == "a" else "2")  # a digit works as well as a letter
    child.expect("Back to the 2 questions you skipped")
    child.expect("Question 1/6")
    child.send(key[0])
    child.expect("Question 5/6")
    child.expect(">")
    child.sendline(key[4])
    child.expect("Before you hand in")
    child.expect("don't know")
    child.expect("5 answered, 1 skipped or not known")
    child.sendline("3")  # back to the question not known
    child.expect("Question 3/6")
    child.expect("Your answer so far: don't know")
    child.send(key[2])
    child.expect("Before you hand in")
    child.expect("6 answered")
    child.sendline("")  # hand in
    child.expect(r"Score: 6/6 \(100%\)")
    child.expect(r"The same paper again:(?:\x1b\[[0-9;]*m)*\r\n(quizmg quiz [^\r\n\x1b]+)")
    command = child.match.group(1)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert command == same_paper_command(str(sample_deck), 43, 6, KINDS)
    # The printed command sets the same questions in the same order.
    words = shlex.split(command)
    again = subprocess.run([EXECUTABLE, *words[1:], "--json", "-"], input="", capture_output=True,
                           text=True, timeout=60)
    assert again.returncode == 0, again.stderr
    first = [q["card"] for q in json.loads(results.read_text(encoding="utf-8"))["questions"]]
    assert [q["card"] for q in json.loads(again.stdout)["questions"]] == first == [a.key for a in paper]


def test_q_hands_in_and_the_command_names_the_mechanism(sample_deck: Path) -> None:
    bank = load_bank(sample_deck)
    mechanism = bank.deck.mechanisms[0].id
    paper = choose_paper(bank, 3, 8, kinds=("truefalse",), mechanism=mechanism)
    child = spawn("quiz", str(sample_deck), "-n", "3", "--seed", "8", "--kinds", "truefalse",
                  "--mechanism", mechanism)
    child.expect("Question 1/")
    child.send(paper[0].answer_key())
    child.expect("Question 2/")
    child.send("q")  # q cannot be a true/false answer: hand in now
    child.expect("Handed in")
    child.expect(r"Score: 1/\d")
    child.expect(r"The same paper again:(?:\x1b\[[0-9;]*m)*\r\n(quizmg quiz [^\r\n\x1b]+)")
    words = shlex.split(child.match.group(1))
    child.expect(pexpect.EOF)
    assert words[words.index("--mechanism") + 1] == mechanism
    assert words[words.index("--kinds") + 1] == "truefalse" and words[words.index("-n") + 1] == "3"


def test_piped_answers_still_read_lines(sample_deck: Path) -> None:
    """Without a terminal there are no single keys: an empty line is "don't know", :s skips."""
    paper = choose_paper(load_bank(sample_deck), 3, 3, kinds=KINDS)
    answers = f":s\n\n{paper[2].answer_key()}\n{paper[0].answer_key()}\n"
    done = subprocess.run([EXECUTABLE, "quiz", str(sample_deck), "-n", "3", "--seed", "3", "--kinds",
                           ",".join(KINDS)], input=answers, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Skipped" in done.stdout and "Before you hand in" in done.stdout
    assert "Score: 2/3" in done.stdout and "You said: don't know" in done.stdout
