"""Scored quizzes: choosing the paper, scoring it, and `quizmg quiz` through click's runner."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.cli import cli
from quizmg.errors import QuizmgError
from quizmg.study.asking import Asked
from quizmg.study.quiz import (
    QUIZ_KINDS,
    QuizAnswer,
    QuizResult,
    choose_paper,
    parse_duration,
    parse_kinds,
)

START = datetime(2026, 3, 1, 9, 0, tzinfo=timezone.utc)


def test_same_seed_same_paper_and_layout(sample_deck: Path) -> None:
    bank = load_bank(sample_deck)
    first = choose_paper(bank, 6, seed=42)
    again = choose_paper(bank, 6, seed=42)
    other = choose_paper(bank, 6, seed=43)
    assert [(a.key, a.shown) for a in first] == [(a.key, a.shown) for a in again]
    assert [(a.key, a.shown) for a in first] != [(a.key, a.shown) for a in other]
    assert len({a.key for a in first}) == 6


def test_paper_never_longer_than_the_pool_and_skips_basic_by_default(sample_deck: Path) -> None:
    bank = load_bank(sample_deck)
    paper = choose_paper(bank, 500, seed=1)
    gradable = [q for q in bank.questions if q.kind != "basic"]
    assert len(paper) == len(gradable)
    assert all(asked.kind in QUIZ_KINDS and not asked.self_rated for asked in paper)


def test_kinds_and_mechanism_filters(sample_deck: Path) -> None:
    bank = load_bank(sample_deck)
    paper = choose_paper(bank, 50, seed=1, kinds=parse_kinds("mcq, truefalse"))
    assert {a.kind for a in paper} == {"mcq", "truefalse"}
    about = choose_paper(bank, 50, seed=1, mechanism="acetylcholine-heart")
    assert about and {a.question.mechanism for a in about} == {"acetylcholine-heart"}


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda bank: choose_paper(bank, 0, 1), "at least one question"),
        (lambda bank: choose_paper(bank, 5, 1, mechanism="nope"), "no mechanism 'nope'"),
        (lambda bank: parse_kinds("mcq,essay"), "unknown kind 'essay'"),
        (
            lambda bank: choose_paper(bank, 5, 1, kinds=("numeric",), mechanism="adrenaline-heart"),
            "no numeric questions about 'adrenaline-heart'",
        ),
    ],
)
def test_bad_quiz_requests_say_what_is_wrong(sample_deck: Path, call, message: str) -> None:
    with pytest.raises(QuizmgError, match=message):
        call(load_bank(sample_deck))


@pytest.mark.parametrize(("text", "seconds"), [("10m", 600), ("90s", 90), ("1h", 3600), ("1m30s", 90), ("2", 120)])
def test_parse_duration(text: str, seconds: float) -> None:
    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text", ["", "ten minutes", "0m", "5x"])
def test_parse_duration_refuses_nonsense(text: str) -> None:
    with pytest.raises(QuizmgError, match="cannot read the time"):
        parse_duration(text)


def test_result_scores_breakdowns_and_mistakes(sample_deck: Path) -> None:
    bank = load_bank(sample_deck)
    paper = choose_paper(bank, 4, seed=7)
    result = QuizResult(bank.id, 7, paper, START)
    right, wrong, partial = paper[0], paper[1], paper[2]
    result.answers.append(QuizAnswer(right, right.answer_key(), right.grade(right.answer_key()), 3.0))
    wrong_answer = "f" if wrong.kind == "truefalse" and wrong.answer_key() == "t" else "zzz"
    result.answers.append(QuizAnswer(wrong, wrong_answer, None, 2.0))
    result.answers.append(QuizAnswer(partial, partial.answer_key(), partial.grade(partial.answer_key()), 1.0))
    assert (result.right, result.total, result.percent) == (2, 4, 50.0)
    by_kind = result.breakdown("kind")
    assert sum(total for _, total in by_kind.values()) == 4
    assert sum(right for right, _ in by_kind.values()) == 2
    assert [asked.key for asked, _ in result.mistakes()] == [wrong.key, paper[3].key]
    data = result.as_json()
    assert data["right"] == 2 and data["total"] == 4 and data["seed"] == 7
    assert [q["correct"] for q in data["questions"]] == [True, False, True, False]
    assert data["questions"][3]["given"] is None


def _answers(sample_deck: Path, seed: int, count: int, *, wrong: int = 0) -> str:
    """Typed answers for the paper of this seed: all right except the first `wrong` ones."""
    lines = []
    for number, asked in enumerate(choose_paper(load_bank(sample_deck), count, seed)):
        lines.append(_wrong_answer(asked) if number < wrong else asked.answer_key())
    return "\n".join(lines) + "\n"


def _wrong_answer(asked: Asked) -> str:
    """A readable answer that is wrong for this card."""
    key = asked.answer_key()
    if asked.kind == "truefalse":
        return "f" if key == "t" else "t"
    if asked.kind in ("short", "cloze"):
        return "zzzz"
    if asked.kind == "numeric":
        return "99999"
    if asked.kind == "mcq":
        return next(letter for letter in "abcdefgh"[: len(asked.shown)] if letter not in key)
    if asked.kind == "order":
        numbers = key.split()
        return " ".join(numbers[1:] + numbers[:1])
    pairs = key.split()  # match: give every left item the next item's letter
    letters = [pair[-1] for pair in pairs]
    return " ".join(letters[1:] + letters[:1])


def test_quiz_command_all_right(sample_deck: Path) -> None:
    result = CliRunner().invoke(
        cli, ["quiz", str(sample_deck), "-n", "7", "--seed", "5"], input=_answers(sample_deck, 5, 7)
    )
    assert result.exit_code == 0, result.output
    assert "Score: 7/7 (100%)" in result.output
    assert "No mistakes." in result.output
    assert f"quizmg quiz {sample_deck} --seed 5 -n 7\n" in result.output


def test_quiz_command_reviews_mistakes_with_explanations(sample_deck: Path, tmp_path: Path) -> None:
    out = tmp_path / "result.json"
    result = CliRunner().invoke(
        cli,
        ["quiz", str(sample_deck), "-n", "9", "--seed", "11", "--json", str(out)],
        input=_answers(sample_deck, 11, 9, wrong=3),
    )
    assert result.exit_code == 0, result.output
    assert "Score: 6/9 (67%)" in result.output
    assert "Mistakes to review (3)" in result.output
    assert "Right" not in result.output.split("Result")[0]  # no feedback before the end
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["right"], data["total"], data["seed"]) == (6, 9, 11)
    paper = choose_paper(load_bank(sample_deck), 9, 11)
    for asked in paper[:3]:
        if asked.question.explanation:
            assert asked.question.explanation.split(".")[0] in result.output


def test_quiz_feedback_after_each_answer_and_unreadable_answers_asked_again(sample_deck: Path) -> None:
    # The paper of truefalse only differs from the general one: answer it from its own key.
    bank = load_bank(sample_deck)
    key = choose_paper(bank, 1, 2, kinds=("truefalse",))[0].answer_key()
    result = CliRunner().invoke(
        cli,
        ["quiz", str(sample_deck), "--kinds", "truefalse", "-n", "1", "--seed", "2", "--feedback"],
        input=f"maybe\n{key}\n",
    )
    assert result.exit_code == 0, result.output
    assert "answer t (true) or f (false)" in result.output
    assert "✓ Right" in result.output.split("Result")[0]
    assert "Score: 1/1 (100%)" in result.output


def test_quiz_json_to_stdout_keeps_the_session_on_stderr(sample_deck: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(
        cli, ["quiz", str(sample_deck), "-n", "3", "--seed", "4", "--json", "-"], input=_answers(sample_deck, 4, 3)
    )
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["right"] == 3
    assert "Score: 3/3" in result.stderr


def test_quiz_ends_cleanly_when_piped_answers_run_out(sample_deck: Path) -> None:
    result = CliRunner().invoke(cli, ["quiz", str(sample_deck), "-n", "5", "--seed", "4"], input="")
    assert result.exit_code == 0
    assert "Quiz stopped" in result.output
    assert "Score: 0/5 (0%)" in result.output
    assert "(not answered)" in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["quiz", "no-such-deck"], "no deck called 'no-such-deck'"),
        (["quiz", "{deck}", "--kinds", "essay"], "unknown kind 'essay'"),
        (["quiz", "{deck}", "--time-limit", "soon"], "cannot read the time 'soon'"),
        (["quiz", "{deck}", "--mechanism", "nope"], "deck 'sample' has no mechanism 'nope'"),
    ],
)
def test_quiz_bad_arguments_are_one_clear_error(sample_deck: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(cli, [a.replace("{deck}", str(sample_deck)) for a in args])
    assert result.exit_code == 1
    assert f"Error: {message}" in result.output
    assert "Traceback" not in result.output


def test_quiz_time_limit_stops_the_paper(sample_deck: Path) -> None:
    # 1 second for the whole quiz: the fake learner is slow because the input never comes in time.
    import os
    import subprocess
    import sys

    exe = Path(sys.executable).with_name("quizmg")
    read_end, write_end = os.pipe()  # an open pipe that never delivers an answer
    try:
        done = subprocess.run(
            [str(exe), "quiz", str(sample_deck), "-n", "3", "--seed", "1", "--time-limit", "1s"],
            stdin=read_end,
            capture_output=True,
            text=True,
            timeout=20,
        )
    finally:
        os.close(read_end)
        os.close(write_end)
    assert done.returncode == 0, done.stderr
    assert "0:01 left" in done.stdout
    assert "Time is up." in done.stdout
    assert "Score: 0/3 (0%)" in done.stdout


def test_basic_cards_are_self_marked_only_when_asked_for(sample_deck: Path) -> None:
    result = CliRunner().invoke(
        cli, ["quiz", str(sample_deck), "--kinds", "basic", "-n", "2", "--seed", "1"], input="\ny\n\nn\n"
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("Did you know it? y / n") == 2
    assert "Score: 1/2 (50%)" in result.output
    assert "You said: n" in result.output
