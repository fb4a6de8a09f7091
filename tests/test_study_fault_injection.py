"""Fault injection on the real executable: every fsync is slowed by strace, and the session is
killed with SIGKILL at moments spread over an override of a proposed rating. Whenever it dies,
the answer is in the log exactly once, with the proposed rating or the chosen one. Also: stopping
at a proposal keeps it, and the summary says so. Skipped where strace is missing or not allowed."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import pexpect
import pytest

from quizmg.store import open_collection

QUIZMG = str(Path(sys.executable).with_name("quizmg"))
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")
PROMPTS = [r"for keys\)", r"1-4 rate", r">(?:\x1b\[[0-9;]*m)* ", r"Session over", pexpect.EOF]
REVEAL, RATE, TYPE, OVER, EOF = range(5)
FSYNC_DELAY_US = 400_000


def _strace_works() -> bool:
    strace = shutil.which("strace")
    if strace is None:
        return False
    probe = subprocess.run(
        [strace, "-f", "-o", "/dev/null", "-e", "inject=fsync:delay_exit=1", "true"], capture_output=True
    )
    return probe.returncode == 0


def spawn(home: Path, *args: str, slow: bool = False) -> pexpect.spawn:
    env = {**os.environ, "QUIZMG_HOME": str(home), "TERM": "xterm-256color", "NO_COLOR": "1"}
    command = [QUIZMG, *args]
    if slow:
        command = ["strace", "-f", "-o", "/dev/null", "-e", f"inject=fsync,fdatasync:delay_exit={FSYNC_DELAY_US}",
                   *command]
    return pexpect.spawn(command[0], command[1:], env=env, dimensions=(50, 160), encoding="utf-8", timeout=60)


def to_choice_card(child: pexpect.spawn) -> str:
    """Bury cards until a multiple-choice or true/false card asks for its answer; its header."""
    while True:
        which = child.expect(PROMPTS)
        header = [line for line in ANSI.sub("", child.before).splitlines() if line.startswith("sample · ")][-1]
        if which == TYPE and (" · mcq" in header or " · truefalse" in header):
            return header
        child.send(":b\r" if which == TYPE else "b")


def quizmg_pid(strace_pid: int) -> int:
    """The traced quizmg process (strace's child), to kill it rather than the tracer."""
    children = Path(f"/proc/{strace_pid}/task/{strace_pid}/children").read_text().split()
    return int(children[0])


def study_log(home: Path) -> list:
    with open_collection(home / "collection.sqlite3", datetime.now(timezone.utc)) as collection:
        return [r for r in collection.reviews(include_undone=True) if r.mode == "study"]


@pytest.fixture
def prepared(tmp_path: Path, sample_deck: Path) -> Path:
    """A home whose collection already holds the deck (set up without slowing)."""
    home = tmp_path / "prepared"
    child = spawn(home, "study", str(sample_deck))
    child.expect(PROMPTS)
    child.send("q")
    child.expect(pexpect.EOF)
    return home


@pytest.mark.skipif(not _strace_works(), reason="strace is not installed or cannot trace here")
@pytest.mark.parametrize("kill_after", [0.05, 0.25, 0.5, 1.0])
def test_an_override_survives_kill_9_at_any_moment(tmp_path, prepared, sample_deck, kill_after) -> None:
    home = tmp_path / "home"
    shutil.copytree(prepared, home)
    child = spawn(home, "study", str(sample_deck), slow=True)
    header = to_choice_card(child)
    child.send("a\r" if " · mcq" in header else "t\r")
    assert child.expect(PROMPTS) == RATE
    proposed = re.search(r"Enter: (\w+)", ANSI.sub("", child.before + child.after))
    override = "1" if proposed is None or proposed.group(1) != "Again" else "3"
    child.send(override)
    time.sleep(kill_after)
    os.kill(quizmg_pid(child.pid), signal.SIGKILL)
    child.expect(pexpect.EOF)
    log = study_log(home)
    answered = [r for r in log if r.answer is not None]
    kept = [r for r in answered if not r.undone]
    # The answer is never lost: exactly one standing review holds it, with one rating or the other.
    assert len(kept) == 1, [(r.rating, r.answer, r.undone) for r in log]
    assert kept[0].answer in ("a", "t")
    assert len(answered) in (1, 2)


def test_stopping_at_a_proposal_records_it_and_the_summary_says_so(tmp_path, prepared, sample_deck) -> None:
    home = tmp_path / "home"
    shutil.copytree(prepared, home)
    child = spawn(home, "study", str(sample_deck))
    header = to_choice_card(child)
    child.send("a\r" if " · mcq" in header else "t\r")
    assert child.expect(PROMPTS) == RATE
    screen = ANSI.sub("", child.before + child.after)
    proposed = re.search(r"Enter: (\w+)", screen).group(1)
    assert re.search(rf"Proposed {proposed}: \w", screen)  # the reason, in words
    assert proposed != "Easy"  # a choice on a new card
    child.send("q")
    child.expect(pexpect.EOF)
    summary = " ".join(ANSI.sub("", child.before).split())
    assert f"{proposed} 1" in summary
    assert f"The answer you gave before stopping is counted, with its proposed rating ({proposed})" in summary
    kept = [r for r in study_log(home) if not r.undone and r.answer is not None]
    assert len(kept) == 1


@pytest.mark.parametrize("stop", ["ctrl-c", "hang-up"])
def test_ctrl_c_or_closing_the_terminal_at_a_proposal_records_it(tmp_path, prepared, sample_deck, stop) -> None:
    """The answer was given: Ctrl-C at its proposal keeps it and the summary counts it and says
    so; a closed terminal keeps it too (no summary can be read then)."""
    home = tmp_path / "home"
    shutil.copytree(prepared, home)
    child = spawn(home, "study", str(sample_deck))
    header = to_choice_card(child)
    child.send("a" if " · mcq" in header else "t")
    assert child.expect(PROMPTS) == RATE
    proposed = re.search(r"Enter: (\w+)", ANSI.sub("", child.before + child.after)).group(1)
    if stop == "ctrl-c":
        child.sendcontrol("c")
        child.expect(pexpect.EOF)
        summary = " ".join(ANSI.sub("", child.before).split())
        assert f"{proposed} 1" in summary
        assert f"The answer you gave before stopping is counted, with its proposed rating ({proposed})" in summary
    else:
        child.close(force=True)  # hang up the pseudo-terminal, as closing a window does
    kept = [r for r in study_log(home) if not r.undone and r.answer is not None]
    assert [r.answer for r in kept] == ["a" if " · mcq" in header else "t"]
    assert {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}[kept[0].rating] == proposed
