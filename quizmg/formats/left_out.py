"""Questions an export leaves out, and why: countable, so an export says what it wrote.

A writer returns its warnings as lines of text. A question it cannot write at all is a `LeftOut`:
still such a line ("q7: Image Occlusion questions have no GIFT form"), but carrying the question's id
and the reason, so the command can say "Wrote 10 of 12 questions" and name the two, by reason.
"""

from __future__ import annotations

from collections.abc import Iterable

from quizmg.words import plural

# The ids a line names before it says "and N more".
SHOWN_IDS = 5


class LeftOut(str):
    """A warning that one question was left out of an export, with its id and the reason."""

    question: str
    reason: str

    def __new__(cls, question: str, reason: str) -> LeftOut:
        line = super().__new__(cls, f"{question}: {reason}")
        line.question = question
        line.reason = reason
        return line


KIND_WORDS = {
    "basic": "basic", "cloze": "cloze", "mcq": "multiple-choice", "truefalse": "true/false",
    "short": "short-answer", "numeric": "numeric", "order": "ordering", "match": "matching",
    "occlusion": "Image Occlusion",
}


def kind_words(question: object) -> str:
    """A question's kind as a person says it: "Image Occlusion", "short-answer"."""
    kind = str(getattr(question, "kind", ""))
    return KIND_WORDS.get(kind, kind or type(question).__name__)


def split_left_out(warnings: Iterable[str]) -> tuple[list[str], dict[str, list[str]]]:
    """(the other warnings, reason -> the ids of the questions left out for it)."""
    others: list[str] = []
    left: dict[str, list[str]] = {}
    for warning in warnings:
        if isinstance(warning, LeftOut):
            left.setdefault(warning.reason, []).append(warning.question)
        else:
            others.append(warning)
    return others, left


def left_out_count(left: dict[str, list[str]]) -> int:
    return sum(len(ids) for ids in left.values())


def written_words(total: int, left: dict[str, list[str]], what: str) -> str:
    """"10 of 12 questions as GIFT" (or "12 questions as GIFT" when none was left out)."""
    written = total - left_out_count(left)
    if written == total:
        return f"{plural(total, 'question')} as {what}"
    return f"{written} of {plural(total, 'question')} as {what}"


def left_out_lines(left: dict[str, list[str]]) -> list[str]:
    """One line per reason: how many were left out, why, and which."""
    lines = []
    for reason, ids in left.items():
        shown = ", ".join(ids[:SHOWN_IDS])
        if len(ids) > SHOWN_IDS:
            shown += f" and {len(ids) - SHOWN_IDS} more"
        lines.append(f"Left out {plural(len(ids), 'question')}: {reason} ({shown}).")
    return lines
