"""Aiken: Moodle's simplest multiple-choice format (question, lettered options, `ANSWER: X`)."""

from __future__ import annotations

import re
from pathlib import Path

from pydantic import ValidationError

from quizmg.errors import DeckError, Problem
from quizmg.formats.importing import ImportResult, deck_id_from_path, title_from_path
from quizmg.model import Choice, Deck, MultipleChoice

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
