"""How a lint rule reports what it finds."""

from __future__ import annotations

from quizmg.bank import Bank
from quizmg.errors import Problem
from quizmg.model import QuestionBase


def warning(bank: Bank, question: QuestionBase, message: str, field: str = "") -> Problem:
    """A warning about one question, at its line in the deck file."""
    return Problem(
        str(bank.path or bank.id),
        bank.line_of_question(question.id or ""),
        message,
        field,
        question.id,
        severity="warning",
    )
