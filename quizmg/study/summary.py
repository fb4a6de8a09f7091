"""What a study session did: its answers as recorded, and the counts the summary shows."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from quizmg.scheduling.memory import Rating


@dataclass
class Answered:
    """One answer of this session, as recorded."""

    key: str
    review_id: int
    rating: int
    correct: bool | None
    reason: str
    seconds: float


@dataclass
class Summary:
    """What the session did."""

    answered: list[Answered] = field(default_factory=list)
    suspended: int = 0
    buried: int = 0
    kept_at_stop: int = 0  # answers whose proposed rating was kept because the learner stopped

    @property
    def studied(self) -> int:
        """Distinct cards answered."""
        return len({answer.key for answer in self.answered})

    @property
    def graded(self) -> int:
        """Answers that were graded (typed or chosen) rather than self-rated."""
        return sum(answer.correct is not None for answer in self.answered)

    @property
    def right(self) -> int:
        """Graded answers that were right, plus self-rated ones not rated Again."""
        return sum(
            answer.correct if answer.correct is not None else answer.rating > Rating.AGAIN for answer in self.answered
        )

    @property
    def accuracy(self) -> float | None:
        """Share of answers that were right (or recalled), None before any answer."""
        return self.right / len(self.answered) if self.answered else None

    def ratings(self) -> dict[int, int]:
        """How many answers got each rating."""
        counts = {int(rating): 0 for rating in Rating}
        for answer in self.answered:
            counts[answer.rating] += 1
        return counts


@dataclass
class Pending:
    """A graded answer already in the log with its proposed rating, the rating not yet settled."""

    answered: Answered
    given: str
    recorded: Any  # the store's Recorded: review id, state before and after
    proposal: Any = None  # quizmg.study.rating.Proposal: the rating proposed and why
