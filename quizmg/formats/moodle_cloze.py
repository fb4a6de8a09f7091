"""Moodle's embedded answers (its "Cloze" question type) as a quizmg cloze: one card per gap.

Moodle writes each gap in the text as `{weight:TYPE:alternatives}`: `{1:SHORTANSWER:=Paris#Yes~%50%paris}`,
`{2:MULTICHOICE:~=blue~red}`, `{1:NUMERICAL:=37:0.5}`. Alternatives are split by `~`, marked right
by `=` or given a `%percent%`, with `#feedback`; `\\}`, `\\~`, `\\#` and `\\\\` are escaped characters.
Each gap becomes a deletion whose answer is its first full-credit alternative; a choice gap shows
its choices as the hint. What a deletion cannot hold (other accepted answers, partial credit,
feedback, a numeric tolerance) is left out, and the reader says so.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from quizmg.formats.moodle_text import from_moodle

# The gap types Moodle's multianswer parser knows (question/type/multianswer), long and short names.
_CHOICE_TYPES = ("MULTICHOICE", "MC", "MULTIRESPONSE", "MR")
_NUMERIC_TYPES = ("NUMERICAL", "NM")
_TYPES = "SHORTANSWER|SA|MW|SHORTANSWER_C|SAC|MWC|NUMERICAL|NM|MULTICHOICE|MC|MULTIRESPONSE|MR"
GAP = re.compile(r"\{(\d*):((?:" + _TYPES + r")(?:_[A-Z]+)?):((?:\\.|[^\\}])*)\}", re.I)
_PERCENT = re.compile(r"^%(-?\d+(?:[.,]\d*)?)%")


@dataclass(frozen=True)
class EmbeddedCloze:
    """The cloze text (deck text, with `{{cN::answer::hint}}` deletions) and what was left out."""

    text: str
    left_out: list[str]


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def _alternatives(answers: str, literal: Callable[[str], str]) -> list[tuple[str, float, str]]:
    """A gap's alternatives as (text, credit in percent, feedback)."""
    found = []
    for piece in re.split(r"(?<!\\)~", answers):
        piece = piece.strip()
        if not piece:
            continue
        credit = 0.0
        if piece.startswith("="):
            credit, piece = 100.0, piece[1:]
        elif weight := _PERCENT.match(piece):
            credit, piece = float(weight.group(1).replace(",", ".")), piece[weight.end() :]
        body, feedback = ([*re.split(r"(?<!\\)#", piece, maxsplit=1), ""])[:2]
        found.append((literal(body).strip(), credit, literal(feedback).strip()))
    return found


def embedded_cloze(
    text: str, text_format: str, literal: Callable[[str], str] | None = None
) -> EmbeddedCloze | None:
    """The text's gaps as cloze deletions; None when a gap has no full-credit answer a deletion can hold.

    `literal` turns a piece of text into what it says: by default Moodle's backslash escapes inside
    the gaps; a GIFT reader, whose escapes are already taken out, gives its own (used outside too)."""
    left_out: set[str] = set()
    number = 0

    def deletion(match: re.Match[str]) -> str:
        nonlocal number
        kind = match.group(2).upper()
        alternatives = _alternatives(match.group(3), literal or _unescape)
        right = [value for value, credit, _ in alternatives if credit >= 100 and value]
        if not right:
            raise ValueError("no right answer")
        answer = right[0]
        if kind.startswith(_NUMERIC_TYPES):
            answer, _, tolerance = answer.partition(":")
            if tolerance.strip() not in ("", "0"):
                left_out.add("numeric tolerances")
        if len(right) > 1 and not kind.startswith(("MULTIRESPONSE", "MR")):
            left_out.add("other accepted answers")
        elif len(right) > 1:
            answer = ", ".join(right)
        if any(0 < credit < 100 for _, credit, _ in alternatives):
            left_out.add("partial credit")
        if any(feedback for _, _, feedback in alternatives):
            left_out.add("feedback")
        hint = ""
        if kind.startswith(_CHOICE_TYPES):
            hint = " / ".join(value for value, _, _ in alternatives if value)
        if any(mark in part for part in (answer, hint) for mark in ("::", "{{", "}}")):
            raise ValueError("an answer a deletion cannot hold")
        number += 1
        return f"{{{{c{number}::{answer}" + (f"::{hint}" if hint else "") + "}}"

    pieces, last = [], 0
    try:
        for match in GAP.finditer(text):
            pieces += [literal(text[last : match.start()]) if literal else text[last : match.start()], deletion(match)]
            last = match.end()
    except ValueError:
        return None
    marked = "".join(pieces) + (literal(text[last:]) if literal else text[last:])
    if not number:
        return None
    return EmbeddedCloze(from_moodle(marked, text_format), sorted(left_out))


def cloze_note(made: EmbeddedCloze) -> str:
    """What the reader says about an embedded-answers question it kept as a cloze."""
    note = "an embedded-answers (cloze) question became a quizmg cloze, one card per gap"
    return note + (f"; left out: {', '.join(made.left_out)}" if made.left_out else "")
