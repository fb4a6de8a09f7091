"""Errors the core raises for the CLI to show as one clear screen."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


class QuizmgError(Exception):
    """An error meant for the user: its message is shown as it is, exit status 1."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in a file, with where it is."""

    path: str
    line: int | None
    message: str
    field: str = ""
    question_id: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        subject = " ".join(part for part in (self.question_id, self.field) if part)
        return f"{where}: {subject}: {self.message}" if subject else f"{where}: {self.message}"


class DeckError(QuizmgError):
    """A deck file that cannot be loaded: every problem found, each with file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = problems[:20]
        lines = [str(problem) for problem in shown]
        if len(problems) > len(shown):
            more = len(problems) - len(shown)
            lines.append(f"... and {more} more problem{'s' if more != 1 else ''}")
        super().__init__("\n".join(lines))

    @classmethod
    def single(cls, path: str | Path, message: str, line: int | None = None) -> DeckError:
        """An error about the file as a whole, or one line of it."""
        return cls([Problem(str(path), line, message)])
