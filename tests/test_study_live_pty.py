"""The live queue on the real executable and the real clock: a card failed in one process is
shown in a session started later, within seconds of falling due during it, before that session's
own failed card. Learning steps of a few seconds are set through `quizmg config`."""

from __future__ import annotations

import os
import re
import sys
import time
from pathlib import Path

import pexpect
from click.testing import CliRunner

from quizmg.cli import cli
from quizmg.cli.common import collection_path
from quizmg.store import open_collection

QUIZMG = str(Path(sys.executable).with_name("quizmg"))
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
PROMPTS = [r"for keys\)", r"1-4 rate", r">(?:\x1b\[[0-9;]*m)* ", r"Session over", pexpect.EOF]
REVEAL, RATE, TYPE, OVER, EOF = range(5)
STEP_SECONDS = 3.0


def spawn(home: Path, *args: str) -> pexpect.spawn:
    env = {**os.environ, "QUIZMG_HOME": str(home), "TERM": "xterm-256color", "NO_COLOR": "1"}
    env.pop("COLUMNS", None)
    return pexpect.spawn(QUIZMG, list(args), env=env, dimensions=(50, 160), encoding="utf-8", timeout=30)


def last_card(text: str) -> str:
    """The deck, question and prompt line of the last card on screen."""
    lines = ANSI.sub("", text).replace("\r", "").split("\n")
    start = max(i for i, line in enumerate(lines) if line.startswith("sample · "))
    return lines[start].split("─")[0].strip() + " | " + lines[start + 2].strip()


def test_a_card_failed_in_another_process_shows_in_a_running_session_when_due(quizmg_home, sample_deck) -> None:
    runner = CliRunner()
    for key, value in (("learning_steps", f"[{STEP_SECONDS / 60}]"), ("learn_ahead_minutes", "0")):
        assert runner.invoke(cli, ["config", key, value]).exit_code == 0

    # Process A fails its first card and quits; session B starts at once, before that card is due.
    a = spawn(quizmg_home, "study", str(sample_deck))
    assert a.expect(PROMPTS) == REVEAL
    failed = last_card(a.before + a.after)
    a.send(" ")
    assert a.expect(PROMPTS) == RATE
    a.send("1")
    failed_at = time.monotonic()
    assert a.expect(PROMPTS) in (REVEAL, TYPE)
    a.send("q" if a.after.startswith("for") else ":q\r")
    a.expect(pexpect.EOF)

    b = spawn(quizmg_home, "study", str(sample_deck))
    which = b.expect(PROMPTS)
    assert which in (REVEAL, TYPE)
    b_first = last_card(b.before + b.after)
    assert b_first != failed and which == REVEAL

    # B goes on at a learner's pace: it fails its own first card, buries the graded ones
    # (typed answers are not what is tested here) and rates the rest Good.
    shown: list[tuple[float, str]] = []
    which = REVEAL if "for keys" in b.after else TYPE
    card = b_first
    while True:
        shown.append((time.monotonic(), card))
        if card == failed:
            break
        time.sleep(0.7)
        if which == TYPE:
            b.send(":b\r")
        else:
            b.send(" ")
            assert b.expect(PROMPTS) == RATE
            b.send("1" if card == b_first else "3")
        which = b.expect(PROMPTS)
        assert which in (REVEAL, TYPE), f"the session ended before the failed card came: {shown}"
        card = last_card(b.before + b.after)
    when = shown[-1][0]
    # Shown once due, within a few seconds of it (one card's pace, plus a loaded machine's slack),
    # and before B's own failed card, which fell due later.
    assert failed_at + STEP_SECONDS - 0.5 <= when <= failed_at + STEP_SECONDS + 5.0, shown
    assert [c for _, c in shown].count(b_first) == 1
    # B's own failed card still comes back, after it.
    b.send(" ")
    assert b.expect(PROMPTS) == RATE
    b.send("3")
    later = []
    while True:
        which = b.expect(PROMPTS)
        assert which in (REVEAL, TYPE), f"B's own failed card never came back: {later}"
        card = last_card(b.before + b.after)
        later.append(card)
        if card == b_first:
            break
        time.sleep(0.5)
        b.send(":b\r" if which == TYPE else "b")
    b.sendcontrol("c")
    b.expect(pexpect.EOF)

    with open_collection(collection_path(), _utc()) as collection:
        keys = [r.card_key for r in collection.reviews() if r.mode == "study"]
    assert len(keys) == len(set(keys)) + 1  # the failed card answered twice, once in each process


def _utc():
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


def test_learning_cards_come_early_only_within_the_learn_ahead_limit(quizmg_home, tmp_path) -> None:
    """On the real executable: with nothing else waiting, a card failed a moment ago (due again in
    60 s) is not shown with a 30 s learn-ahead limit (the session ends and says when it is due),
    and is shown at once with a 2 minute limit."""
    runner = CliRunner()
    assert runner.invoke(cli, ["config", "learning_steps", "1m"]).exit_code == 0
    for limit, shown_early in (("0.5", False), ("2", True)):
        deck = tmp_path / f"one{limit.replace('.', '')}.yaml"
        deck.write_text(
            f"id: {deck.stem}\ntitle: One card\nquestions:\n"
            "  - id: q\n    kind: basic\n    prompt: What is the capital of Peru?\n    answer: Lima\n",
            encoding="utf-8",
        )
        assert runner.invoke(cli, ["config", "learn_ahead_minutes", limit]).exit_code == 0
        child = spawn(quizmg_home, "study", str(deck))
        assert child.expect(PROMPTS) == REVEAL
        child.send(" ")
        assert child.expect(PROMPTS) == RATE
        child.send("1")  # Again: due in a minute
        which = child.expect(PROMPTS)
        if shown_early:
            assert which == REVEAL, ANSI.sub("", child.before)
            assert "What is the capital of Peru?" in ANSI.sub("", child.before)
            child.send("q")
            child.expect(pexpect.EOF)
        else:
            assert which == OVER, ANSI.sub("", child.before)
            child.expect(pexpect.EOF)
            said = " ".join(ANSI.sub("", child.before).split())
            assert re.search(r"Next card due in (5\d|60)s|Next card due in 1m", said), said
