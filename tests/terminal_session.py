"""Driving the real `quizmg` executable in a pseudo-terminal: spawning it, reading its screen, answering."""

from __future__ import annotations

import os
import re
import sys
from datetime import datetime, timezone
from pathlib import Path

import pexpect

from quizmg.bank import load_bank
from quizmg.cli.common import collection_path
from quizmg.store import open_collection

QUIZMG = str(Path(sys.executable).with_name("quizmg"))
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
# Where the program waits for the learner: reveal, rating, a typed answer, or the end.
PROMPTS = [r"for keys\)", r"1-4 rate", r">(?:\x1b\[[0-9;]*m)* ", r"Session over", pexpect.EOF]
REVEAL, RATE, TYPE, OVER, EOF = range(5)


def spawn(home: Path, *args: str, columns: int = 160) -> pexpect.spawn:
    env = {**os.environ, "QUIZMG_HOME": str(home), "TERM": "xterm-256color", "NO_COLOR": "1"}
    env.pop("COLUMNS", None)  # the pseudo-terminal's own size decides
    return pexpect.spawn(QUIZMG, list(args), env=env, dimensions=(50, columns), encoding="utf-8", timeout=20)


class Screen:
    """What the program printed since the last prompt, with ANSI styling removed."""

    def __init__(self, child: pexpect.spawn) -> None:
        self.child = child
        self.text = ""
        self.all = ""

    def wait(self) -> int:
        which = self.child.expect(PROMPTS)
        self.text = ANSI.sub("", self.child.before + (self.child.after if isinstance(self.child.after, str) else ""))
        self.all += self.text
        return which


def card_on_screen(text: str) -> tuple[str, str, list[str]]:
    """The kind, the prompt, and the lines after it, of the last card shown."""
    lines = text.replace("\r", "").split("\n")
    start = max(i for i, line in enumerate(lines) if re.match(r"^sample · ", line))
    kind = re.search(r"· (basic|cloze|mcq|truefalse|short|numeric|order|match)", lines[start]).group(1)
    assert lines[start + 1].startswith("done ")  # the progress line under the header
    return kind, lines[start + 2], lines[start + 3 :]


def answer_for(kind: str, prompt: str, rest: list[str], *, right: bool, sample_deck: Path) -> str:
    """The key or text a learner types to answer this card right (or wrong)."""
    bank = load_bank(sample_deck)
    question = next(q for q in bank.questions if q.prompt_text() == prompt)
    if kind == "truefalse":
        truth = question.answer
        return "t" if truth == right else "f"
    if kind == "mcq":
        shown = {m.group(1): m.group(2) for m in (re.match(r"^\s+([a-h])\) (.*)$", line) for line in rest) if m}
        good = {choice.text for choice in question.choices if choice.correct}
        letters = [letter for letter, text in shown.items() if (text in good) == right]
        return letters[0] if not right else " ".join(letters)
    if kind == "order":
        shown = {m.group(2): m.group(1) for m in (re.match(r"^\s+(\d+)\. (.*)$", line) for line in rest) if m}
        numbers = [shown[item] for item in question.items]
        return " ".join(numbers if right else numbers[::-1])
    if kind == "match":
        letters = {m.group(2): m.group(1) for m in (re.match(r"^\s+([a-h])\) (.*)$", line) for line in rest) if m}
        pairs = [letters[pair.right] for pair in question.pairs]
        return " ".join(pairs if right else pairs[::-1])
    if kind == "numeric":
        return f"{question.answer:g} {question.unit or ''}".strip() if right else "-1"
    return question.answer if right else "nothing like it"


def reviews(home: Path) -> list:
    with open_collection(collection_path(), datetime.now(timezone.utc)) as collection:
        return collection.reviews()


def allow_many_new_cards(home: Path, sample_deck: Path) -> None:
    now = datetime.now(timezone.utc)
    with open_collection(collection_path(), now) as collection:
        collection.sync(load_bank(sample_deck), now)
        collection.set_setting("new_per_day", 100)
