"""`quizmg check`: problems a deck's model accepts but a teacher would want to fix."""

from quizmg.lint.rules import RULES, lint_bank

__all__ = ["RULES", "lint_bank"]
