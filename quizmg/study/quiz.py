"""A scored quiz: choosing a reproducible paper from a bank, and scoring the answers to it.

A quiz never touches the spaced-repetition schedule; its answers are kept as quiz history only.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from quizmg.bank import Bank
from quizmg.errors import QuizmgError
from quizmg.model import KINDS, Cloze, QuestionBase
from quizmg.study.asking import Asked, ask
from quizmg.study.grading import Grade

# Every kind that can be marked without the learner's word. Basic and Image Occlusion cards are
# self-marked, so a quiz includes them only when asked for by name (--kinds basic).
QUIZ_KINDS: tuple[str, ...] = tuple(kind for kind in KINDS if kind not in ("basic", "occlusion"))


def parse_kinds(text: str | None) -> tuple[str, ...]:
    """The kinds named in "mcq,truefalse" (default: every gradable kind)."""
    if not text:
        return QUIZ_KINDS
    kinds = tuple(dict.fromkeys(part.strip().lower() for part in text.split(",") if part.strip()))
    unknown = [kind for kind in kinds if kind not in KINDS]
    if unknown:
        raise QuizmgError(f"unknown kind {unknown[0]!r}: choose from {', '.join(KINDS)}")
    return kinds


def parse_duration(text: str) -> float:
    """Seconds in "10m", "90s", "1h", "1m30s" or a bare number of minutes."""
    total, number = 0.0, ""
    units = {"h": 3600, "m": 60, "s": 1}
    cleaned = text.strip().lower().replace(" ", "")
    try:
        for char in cleaned:
            if char.isdigit() or char == ".":
                number += char
            elif char in units and number:
                total += float(number) * units[char]
                number = ""
            else:
                raise ValueError(char)
        if number:
            total += float(number) * 60
    except ValueError:
        total = 0
    if total <= 0:
        raise QuizmgError(f"cannot read the time {text!r}: write it as 10m, 90s or 1h")
    return total


def choose_paper(
    bank: Bank,
    count: int,
    seed: int,
    *,
    kinds: Sequence[str] = QUIZ_KINDS,
    mechanism: str | None = None,
) -> list[Asked]:
    """Up to `count` questions at random (one card each), the same paper for the same seed."""
    if count < 1:
        raise QuizmgError("a quiz needs at least one question (-n 1 or more)")
    if mechanism and bank.deck.mechanism(mechanism) is None:
        known = ", ".join(m.id for m in bank.deck.mechanisms) or "none"
        raise QuizmgError(f"deck {bank.id!r} has no mechanism {mechanism!r} (it has: {known})")
    pool = [
        question
        for question in bank.questions
        if question.kind in kinds  # type: ignore[attr-defined]
        and (mechanism is None or question.mechanism == mechanism)
    ]
    if not pool:
        wanted = ", ".join(kinds)
        where = f" about {mechanism!r}" if mechanism else ""
        raise QuizmgError(f"deck {bank.id!r} has no {wanted} questions{where}")
    rng = random.Random(seed)
    picked = _apart(rng.sample(pool, len(pool)), count)
    paper = []
    for question in picked:
        ordinal = rng.choice(question.card_ordinals())
        paper.append(ask(bank.id, question, ordinal, seed, typed=isinstance(question, Cloze)))
    return paper


def _apart(shuffled: list[QuestionBase], count: int) -> list[QuestionBase]:
    """`count` questions of a shuffled pool, none giving another away where the pool allows
    (quizmg.model.related), ordered so that related ones are not side by side."""
    from quizmg.model.related import Relations, spread

    relations = Relations()  # texts folded on demand: only the questions looked at
    picked: list[QuestionBase] = []
    for question in shuffled:
        if len(picked) < count and not any(relations.close(question, other) for other in picked):
            picked.append(question)
    for question in shuffled:  # a small pool: fill up with what is left
        if len(picked) < count and all(question is not other for other in picked):
            picked.append(question)
    return spread(picked, lambda question: question, relations)


def same_paper_command(
    deck: str, seed: int, count: int, kinds: Sequence[str] | None = None, mechanism: str | None = None
) -> str:
    """The `quizmg quiz` command that sets exactly this paper again: the deck as it was named,
    the seed, the number asked for, and the kinds and mechanism it was drawn from."""
    import shlex

    words = ["quizmg", "quiz", deck, "--seed", str(seed), "-n", str(count)]
    if kinds is not None and tuple(kinds) != QUIZ_KINDS:
        words += ["--kinds", ",".join(kinds)]
    if mechanism:
        words += ["--mechanism", mechanism]
    return shlex.join(words)


# Moodle's penalty for each wrong try when a question names none: a third of its mark.
DEFAULT_PENALTY = 100 / 3


def penalised(grade: Grade, wrong_tries: int, penalty: float | None) -> Grade:
    """The grade of an answer given after `wrong_tries` wrong ones, marked as Moodle's interactive
    quizzes mark it: less `penalty` percent of the mark (DEFAULT_PENALTY when the question names
    none) for each wrong try, never below nothing."""
    if wrong_tries <= 0:
        return grade
    cut = (DEFAULT_PENALTY if penalty is None else penalty) / 100 * wrong_tries
    tries = "1 wrong try" if wrong_tries == 1 else f"{wrong_tries} wrong tries"
    note = f"after {tries}: {max(0.0, grade.score - cut):.2f} of the mark"
    return replace(grade, score=max(0.0, grade.score - cut), note=f"{grade.note}; {note}" if grade.note else note)


@dataclass(frozen=True)
class QuizAnswer:
    """What the learner gave for one question; no grade when time ran out before an answer.
    `tries` counts the answers given to it (more than one only after hints, with --feedback)."""

    asked: Asked
    given: str
    grade: Grade | None
    seconds: float
    tries: int = 1

    @property
    def correct(self) -> bool:
        """True when graded right."""
        return self.grade is not None and self.grade.correct


@dataclass
class QuizResult:
    """A sat quiz: the paper, the answers, and when."""

    deck_id: str
    seed: int
    paper: list[Asked]
    started: datetime
    answers: list[QuizAnswer] = field(default_factory=list)
    finished: datetime | None = None
    time_limit: float | None = None
    timed_out: bool = False
    same_paper: str = ""  # the command that sets this paper again (see same_paper_command)

    @property
    def right(self) -> int:
        """How many answers were right."""
        return sum(answer.correct for answer in self.answers)

    @property
    def total(self) -> int:
        """How many questions the paper has (unanswered ones count as wrong)."""
        return len(self.paper)

    @property
    def points(self) -> float:
        """The score with partial credit (part of an order, a match, a multi-answer mcq)."""
        return sum(answer.grade.score for answer in self.answers if answer.grade is not None)

    @property
    def percent(self) -> float:
        """Right answers as a percentage of the paper."""
        return 100.0 * self.right / self.total if self.total else 0.0

    def breakdown(self, by: str) -> dict[str, tuple[int, int]]:
        """Right and total per "kind" or per "mechanism" (questions without one: "other")."""
        given = {answer.asked.key: answer for answer in self.answers}
        table: dict[str, tuple[int, int]] = {}
        for asked in self.paper:
            name = asked.kind if by == "kind" else (asked.question.mechanism or "other")
            right, total = table.get(name, (0, 0))
            answer = given.get(asked.key)
            table[name] = (right + int(answer is not None and answer.correct), total + 1)
        return table

    def mistakes(self) -> list[tuple[Asked, QuizAnswer | None]]:
        """Every question not answered right, with the answer given (None if unanswered)."""
        given = {answer.asked.key: answer for answer in self.answers}
        return [
            (asked, given.get(asked.key))
            for asked in self.paper
            if not (asked.key in given and given[asked.key].correct)
        ]

    def as_json(self) -> dict[str, Any]:
        """The whole result for a teacher's records."""
        given = {answer.asked.key: answer for answer in self.answers}
        return {
            "deck": self.deck_id,
            "seed": self.seed,
            "started": self.started.isoformat(),
            "finished": self.finished.isoformat() if self.finished else None,
            "time_limit_seconds": self.time_limit,
            "timed_out": self.timed_out,
            "right": self.right,
            "total": self.total,
            "points": round(self.points, 3),
            "percent": round(self.percent, 1),
            "by_kind": _as_rows(self.breakdown("kind")),
            "by_mechanism": _as_rows(self.breakdown("mechanism")),
            "questions": [_question_row(asked, given.get(asked.key)) for asked in self.paper],
        }


def _as_rows(table: dict[str, tuple[int, int]]) -> dict[str, dict[str, int]]:
    return {name: {"right": right, "total": total} for name, (right, total) in table.items()}


def _question_row(asked: Asked, answer: QuizAnswer | None) -> dict[str, Any]:
    grade = answer.grade if answer else None
    return {
        "card": asked.key,
        "kind": asked.kind,
        "mechanism": asked.question.mechanism,
        "prompt": asked.prompt(),
        "expected": grade.expected if grade else asked.answer(),
        "given": answer.given if answer else None,
        "correct": bool(grade and grade.correct),
        "score": grade.score if grade else 0.0,
        "tries": answer.tries if answer else 0,
        "seconds": round(answer.seconds, 2) if answer else None,
    }
