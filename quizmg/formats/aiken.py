"""Aiken: Moodle's simplest multiple-choice format (question, lettered options, `ANSWER: X`)."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from quizmg.errors import DeckError, Problem
from quizmg.formats.importing import ImportResult, deck_id_from_path, title_from_path
from quizmg.formats.left_out import LeftOut
from quizmg.model import Choice, Deck, MultipleChoice, QuestionBase, TrueFalse

# Moodle reads `A)Apple` as an option too: the space after the letter is optional.
_OPTION = re.compile(r"^([A-Z])[.)][ \t]*(\S.*?)\s*$")
_ANSWER = re.compile(r"^ANSWER\s*:\s*([A-Z])\s*$", re.IGNORECASE)


def read_aiken(text: str, path: str | Path = "<aiken>") -> ImportResult:
    """A deck of multiple-choice questions from Aiken text, with every problem named by line."""
    questions: list[MultipleChoice] = []
    problems: list[Problem] = []
    prompt: list[str] = []
    options: list[tuple[str, str]] = []
    start = 0

    def fail(line: int, message: str) -> None:
        problems.append(Problem(str(path), line, message))

    for number, raw in enumerate(text.split("\n"), 1):
        line = raw.strip()
        if not line:
            continue
        answer = _ANSWER.match(line)
        option = _OPTION.match(line)
        if answer:
            letter = answer.group(1).upper()
            letters = [key for key, _ in options]
            if not prompt or len(options) < 2:
                fail(number, "`ANSWER:` must follow a question and at least two options (A. ... B. ...)")
            elif letter not in letters:
                fail(number, f"ANSWER {letter} is not one of the options {', '.join(letters)}")
            else:
                # Moodle counts the letter as a position: B is the second option, whatever its label.
                right = ord(letter) - ord("A")
                if right >= len(options) or letters[right] != letter:
                    fail(number, f"the options are lettered {', '.join(letters)}: letter them A, B, C... in order")
                else:
                    choices = [Choice(text=body, correct=index == right) for index, (_, body) in enumerate(options)]
                    try:
                        questions.append(MultipleChoice(prompt="\n".join(prompt), choices=choices))
                    except ValidationError as error:
                        fail(start, f"this question cannot be read: {error.errors(include_url=False)[0]['msg']}")
            prompt, options = [], []
        elif option and prompt:
            options.append((option.group(1), option.group(2)))
        elif options:
            fail(
                number,
                f"expected another option or `ANSWER:` after the question on line {start}, not {line[:40]!r}",
            )
            prompt, options = [], []
        else:
            if not prompt:
                start = number
            prompt.append(line)
    if prompt:
        fail(start, "this question has no `ANSWER:` line")
    if problems:
        raise DeckError(problems)
    if not questions:
        raise DeckError.single(path, "no Aiken questions found (a question, options A. B. ..., ANSWER: X)")
    deck = Deck(id=deck_id_from_path(path), title=title_from_path(path), questions=questions)
    return ImportResult(deck, [])


def write_aiken(deck: Deck, questions: list[QuestionBase] | None = None) -> tuple[str, list[str]]:
    """Single-answer multiple-choice and true/false questions as Aiken; a warning for each left out.

    Aiken holds one line of question, options A) to Z) on a line each, and `ANSWER: X`: text on
    several lines is joined, and a line that would read as an option or an answer is kept from it.
    """
    warnings: list[str] = []
    blocks = []
    for question in deck.questions if questions is None else questions:
        qid = question.id or ""
        if isinstance(question, TrueFalse):
            prompt, options, right = question.statement, ["True", "False"], 0 if question.answer else 1
        elif isinstance(question, MultipleChoice) and not question.multiple:
            prompt, options = question.prompt, [c.text for c in question.choices]
            right = next(i for i, c in enumerate(question.choices) if c.correct)
            if any(c.credit for c in question.choices if not c.correct):
                warnings.append(f"{qid}: partial credit has no Aiken form and was left out")
        else:
            warnings.append(LeftOut(qid, "Aiken holds only one-answer multiple-choice and true/false questions"))
            continue
        lines = [_one_line(prompt, qid, warnings)]
        lines += [
            f"{'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[i]}) {_one_line(text, qid, warnings)}" for i, text in enumerate(options)
        ]
        lines.append(f"ANSWER: {'ABCDEFGHIJKLMNOPQRSTUVWXYZ'[right]}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else ""), warnings


def _one_line(text: str, qid: str, warnings: list[str]) -> str:
    line = " ".join(text.split())
    if line != text.strip():
        warnings.append(f"{qid}: Aiken keeps text on one line; line breaks became spaces")
    if _OPTION.match(line) or _ANSWER.match(line) or line.startswith("ANSWER:"):
        line = f"({line})"  # a leading `A)` would read as an option
        warnings.append(f"{qid}: text that reads as an Aiken option was put in brackets")
    return line
