"""End to end: the real `quizmg` executable in a pseudo-terminal (pexpect), answering by key.

The answers are worked out by reading the screen, as a learner would; the log is then read
back from the real SQLite collection.
"""

from __future__ import annotations

import os
import re
import signal
import time
from datetime import datetime, timezone
from pathlib import Path

import pexpect
import pytest
from terminal_session import (
    ANSI,
    EOF,
    OVER,
    RATE,
    REVEAL,
    TYPE,
    Screen,
    allow_many_new_cards,
    answer_for,
    card_on_screen,
    reviews,
    spawn,
)

from quizmg.cli.common import collection_path
from quizmg.store import open_collection
from quizmg.ui.keyboard import STRAY_ENTER_SECONDS


def test_a_session_through_every_kind_with_right_and_wrong_answers(quizmg_home: Path, sample_deck: Path) -> None:
    allow_many_new_cards(quizmg_home, sample_deck)
    child = spawn(quizmg_home, "study", str(sample_deck))
    screen = Screen(child)
    wanted = {
        (kind, right) for kind in ("mcq", "truefalse", "short", "numeric", "order", "match") for right in (True, False)
    }
    rated = {(kind, rating) for kind in ("basic", "cloze") for rating in (1, 3)}
    done_graded: set[tuple[str, bool]] = set()
    done_rated: set[tuple[str, int]] = set()
    for _ in range(80):
        which = screen.wait()
        if which in (OVER, EOF):
            break
        if not (wanted - done_graded or rated - done_rated):
            child.send("q")
            continue
        kind, prompt, rest = card_on_screen(screen.text)
        if which == REVEAL:
            child.send(" ")
            assert screen.wait() == RATE
            assert re.search(r"1 Again \S+\s+2 Hard \S+\s+3 Good \S+\s+4 Easy \S+", screen.text)
            # Good first, then Again once, then Good again so the card graduates.
            rating = 1 if (kind, 3) in done_rated and (kind, 1) not in done_rated else 3
            child.send(str(rating))
            done_rated.add((kind, rating))
        elif which == TYPE:
            # Wrong first (Again brings the card back in this session), then right.
            right = (kind, False) in done_graded
            child.sendline(answer_for(kind, prompt, rest, right=right, sample_deck=sample_deck))
            assert screen.wait() == RATE
            assert ("✓ Right" if right else "✗ ") in screen.text
            if not right:
                assert "Answer:" in screen.text
            if kind in ("truefalse", "mcq"):
                time.sleep(STRAY_ENTER_SECONDS)  # the line's own Enter came sooner: taken as habit
            child.send("\r")  # accept the proposed rating
            done_graded.add((kind, right))
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert wanted <= done_graded and rated <= done_rated, screen.all[-3000:]
    assert "Session over" in ANSI.sub("", child.before) or "Session over" in screen.all
    log = reviews(quizmg_home)
    graded = {r.correct for r in log if r.correct is not None}
    assert graded == {True, False}
    assert {r.rating for r in log if r.correct is False} == {1}  # wrong answers proposed Again
    assert all(r.answer for r in log if r.correct is not None)


def test_study_takes_one_key_for_true_false_and_one_answer_choice_cards(
    quizmg_home: Path, sample_deck: Path
) -> None:
    """As in a quiz: t/f or a letter answers at once, no Enter; `:b` still buries where b is a
    choice; other kinds still read a typed line."""
    allow_many_new_cards(quizmg_home, sample_deck)
    child = spawn(quizmg_home, "study", str(sample_deck))
    screen = Screen(child)
    buried = answered = 0
    which = screen.wait()
    for _ in range(60):
        if which in (OVER, EOF) or (buried and answered >= 2):
            break
        kind, prompt, rest = card_on_screen(screen.text)
        key = answer_for(kind, prompt, rest, right=True, sample_deck=sample_deck) if which == TYPE else ""
        one_key = which == TYPE and kind in ("truefalse", "mcq") and " " not in key
        if which == REVEAL:
            child.send(" ")
            assert screen.wait() == RATE
            child.send("3")
        elif one_key and not buried and kind == "mcq":
            child.send(":b")  # a colon makes b a command, not choice b
            which = screen.wait()
            assert "Buried" in screen.text
            buried += 1
            continue
        elif one_key:
            child.send(key)  # the key alone: no Enter
            assert screen.wait() == RATE
            assert "✓ Right" in screen.text
            before = len(reviews(quizmg_home))
            child.send("\r")  # out of habit, at once: not taken as accepting the proposal
            assert screen.wait() == RATE  # the same rating prompt, nothing recorded
            assert len(reviews(quizmg_home)) == before
            time.sleep(STRAY_ENTER_SECONDS)
            child.send("\r")  # a considered Enter accepts it
            answered += 1
        else:
            child.sendline(":s")
        which = screen.wait()
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    assert buried == 1 and answered >= 2, screen.all[-2000:]
    log = reviews(quizmg_home)
    assert sum(r.correct is True for r in log) == answered


@pytest.mark.parametrize("seed", [5, 11])
def test_the_printed_summary_equals_the_log_after_undo_override_and_a_stop_at_a_proposal(
    quizmg_home: Path, sample_deck: Path, seed: int
) -> None:
    """A learner's mix of keys on the real executable (rate, override a proposal, undo an answer
    or a suspension, bury, suspend), stopped with `q` at a proposal: the summary's rating counts
    are the study rows standing in the log, and its suspended and buried counts the cards'."""
    import random

    allow_many_new_cards(quizmg_home, sample_deck)
    rng = random.Random(seed)
    child = spawn(quizmg_home, "study", str(sample_deck))
    screen = Screen(child)
    which = screen.wait()
    stopped = False
    for step in range(40):
        assert which in (REVEAL, TYPE), screen.all[-2000:]
        kind, prompt, rest = card_on_screen(screen.text)
        command = rng.choice(["answer"] * 5 + ["undo", "bury", "suspend"])
        if command != "answer":
            child.send(command[0] if which == REVEAL else f":{command[0]}\r")
            which = screen.wait()
            continue
        if which == REVEAL:
            child.send(" ")
        else:
            key = answer_for(kind, prompt, rest, right=rng.random() < 0.7, sample_deck=sample_deck)
            one_key = kind in ("truefalse", "mcq") and " " not in key
            child.send(key if one_key else key + "\r")
        assert screen.wait() == RATE
        if which == TYPE and step >= 12:
            child.send("q")  # stop at a proposal: it is kept and counted
            stopped = True
            break
        choice = rng.choice(["\r", "1", "2", "3", "4", "u"]) if which == TYPE else rng.choice("1234")
        if choice == "\r" and one_key:
            time.sleep(STRAY_ENTER_SECONDS + 0.1)  # sooner, it is taken as typed out of habit
        child.send(choice)
        which = screen.wait()
    assert stopped
    child.expect(pexpect.EOF)
    summary = " ".join(ANSI.sub("", child.before).split())
    printed = dict(re.findall(r"(Again|Hard|Good|Easy) (\d+)", summary))
    with open_collection(collection_path(), datetime.now(timezone.utc)) as collection:
        log = [r for r in collection.reviews() if r.mode == "study"]
        cards = collection.cards("sample")
    names = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}
    assert {name: str(sum(r.rating == value for r in log)) for value, name in names.items()} == printed
    assert "The answer you gave before stopping is counted" in summary
    counted = re.search(r"Suspended (\d+), buried (\d+)", summary)
    suspended, buried = (int(n) for n in counted.groups()) if counted else (0, 0)
    assert suspended == sum(card.suspended for card in cards)
    assert buried == sum(card.buried_until is not None for card in cards)


def test_s_names_the_card_and_u_undoes_the_suspension_not_the_answer_before(
    quizmg_home: Path, sample_deck: Path
) -> None:
    """Seen: `s` then `u` undid the previous answer, not the suspension, and `s` did not say which card."""
    child = spawn(quizmg_home, "study", str(sample_deck))
    screen = Screen(child)
    assert screen.wait() == REVEAL
    child.send(" ")
    assert screen.wait() == RATE
    child.send("3")  # an answer that must stay
    assert screen.wait() == REVEAL
    _, prompt, _ = card_on_screen(screen.text)
    child.send("s")
    screen.wait()
    told = " ".join(screen.text.split())
    named = re.search(r'Suspended "([^"]+)" \((sample/[^)]+)\)', told)
    assert named and prompt.startswith(named.group(1).rstrip("…")), told
    key = named.group(2)
    assert f"quizmg unsuspend {key}" in told
    child.send("u") if screen.child.after and "for keys" in screen.child.after else child.sendline(":u")
    assert screen.wait() == REVEAL
    assert f"Undone: the suspension of {key}" in " ".join(screen.text.split())
    assert card_on_screen(screen.text)[1] == prompt  # the suspended card comes again
    child.send("q")
    child.expect(pexpect.EOF)
    with open_collection(collection_path(), datetime.now(timezone.utc)) as collection:
        assert not any(card.suspended for card in collection.cards("sample"))
    assert len(reviews(quizmg_home)) == 1  # the answer before the suspension stands


def test_undo_suspend_and_quit_with_ctrl_c(quizmg_home: Path, sample_deck: Path) -> None:
    child = spawn(quizmg_home, "study", str(sample_deck))
    screen = Screen(child)
    assert screen.wait() == REVEAL
    _, first_prompt, _ = card_on_screen(screen.text)
    child.send("\r")
    assert screen.wait() == RATE
    child.send("3")
    which = screen.wait()
    _, second_prompt, _ = card_on_screen(screen.text)
    assert second_prompt != first_prompt
    child.send("u") if which == REVEAL else child.sendline(":u")
    assert screen.wait() == REVEAL
    assert "Undone" in screen.text
    assert card_on_screen(screen.text)[1] == first_prompt
    child.send("s")
    screen.wait()
    assert "Suspended" in screen.text
    child.sendcontrol("c")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    tail = ANSI.sub("", child.before)
    assert "Session over" in tail and "Traceback" not in tail
    assert reviews(quizmg_home) == []  # the one answer was undone
    with open_collection(collection_path(), datetime.now(timezone.utc)) as collection:
        suspended = [card for card in collection.cards("sample") if card.suspended]
    assert len(suspended) == 1


def test_kill_9_keeps_every_answer_given(quizmg_home: Path, sample_deck: Path) -> None:
    child = spawn(quizmg_home, "study", str(sample_deck))
    screen = Screen(child)
    given = 0
    graded_pending = False
    for _ in range(30):
        which = screen.wait()
        kind, prompt, rest = card_on_screen(screen.text)
        if which == REVEAL:
            child.send(" ")
            screen.wait()
            child.send("3")
            given += 1
        elif which == TYPE:
            # A graded answer, then killed while the rating is still on screen.
            child.sendline(answer_for(kind, prompt, rest, right=True, sample_deck=sample_deck))
            assert screen.wait() == RATE
            given += 1
            graded_pending = True
            break
    assert graded_pending and given >= 2
    os.kill(child.pid, signal.SIGKILL)
    child.expect(pexpect.EOF)
    child.close()
    assert child.signalstatus == signal.SIGKILL
    log = reviews(quizmg_home)
    assert len(log) == given
    assert log[-1].correct is True


def test_closing_the_terminal_keeps_the_answers(quizmg_home: Path, sample_deck: Path) -> None:
    child = spawn(quizmg_home, "study", str(sample_deck))
    screen = Screen(child)
    assert screen.wait() == REVEAL
    child.send(" ")
    assert screen.wait() == RATE
    child.send("4")
    screen.wait()
    child.close(force=True)  # hang up the pseudo-terminal, as closing a window does
    assert [r.rating for r in reviews(quizmg_home)] == [4]


def test_plain_q_quits_where_it_cannot_be_an_answer(quizmg_home: Path, sample_deck: Path) -> None:
    """At a true/false or choice prompt `q` is no answer, so it quits; the answers before it stay."""
    child = spawn(quizmg_home, "study", str(sample_deck))
    screen = Screen(child)
    given = 0
    for _ in range(30):
        which = screen.wait()
        kind, _, _ = card_on_screen(screen.text)
        if which == REVEAL:
            child.send(" ")
            screen.wait()
            child.send("3")
            given += 1
        elif which == TYPE and kind in ("truefalse", "mcq"):
            child.sendline("q")
            break
        elif which == TYPE:
            child.sendline(":s")  # suspend the typed kinds we are not testing here
    assert screen.wait() == OVER
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(reviews(quizmg_home)) == given
