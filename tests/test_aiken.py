"""Aiken import: lettered options and an ANSWER line, with errors that name the line."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizmg.errors import DeckError
from quizmg.formats.aiken import read_aiken
from quizmg.model import MultipleChoice

SOLAR = Path(__file__).parent / "data" / "teacher" / "solar.aiken.txt"


def test_sample_reads_three_questions_with_their_answers() -> None:
    deck = read_aiken(SOLAR.read_text(), SOLAR).deck
    assert [q.answer_text() for q in deck.questions] == ["Mercury", "Saturn", "Gravity"]
    first = deck.questions[0]
    assert isinstance(first, MultipleChoice)
    assert first.prompt == "Which planet is closest to the Sun?"
    assert [c.text for c in first.choices] == ["Venus", "Mercury", "Mars", "Earth"]
    # "A)" options read like "A." ones.
    assert [c.text for c in deck.questions[1].choices] == ["Saturn", "Jupiter", "Neptune"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("Q?\nA. one\nB. two\nANSWER: D\n", 4, "ANSWER D is not one of the options A, B"),
        ("Q?\nA. one\nANSWER: A\n", 3, "at least two options"),
        ("Q?\nA. one\nB. two\n", 1, "no `ANSWER:` line"),
        ("Q?\nA. one\nB. two\nsomething else\n", 4, "expected another option"),
    ],
)
def test_errors_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(DeckError) as caught:
        read_aiken(text, "quiz.txt")
    problem = caught.value.problems[0]
    assert (problem.path, problem.line) == ("quiz.txt", line)
    assert words in problem.message


def test_empty_file_is_refused() -> None:
    with pytest.raises(DeckError, match="no Aiken questions"):
        read_aiken("\n\n", "empty.txt")


def test_options_without_a_space_after_the_letter_are_options() -> None:
    """`A)Apple` (Moodle's own fixture writes one) is an option, not a misleading error."""
    question = read_aiken("Which is a fruit?\nA)Apple\nB.Brick\nANSWER: A\n", "fruit.txt").deck.questions[0]
    assert isinstance(question, MultipleChoice)
    assert [(c.text, c.correct) for c in question.choices] == [("Apple", True), ("Brick", False)]
