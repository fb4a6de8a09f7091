"""Quiz history: each scored sitting, with its percentage."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from quizmg.store.records import QuizResult


@dataclass(frozen=True)
class QuizRow:
    """One quiz sitting as the report shows it."""

    deck: str
    finished_at: datetime
    score: float
    max_score: float
    minutes: float

    @property
    def percent(self) -> float | None:
        """The score as a percentage of the maximum."""
        return 100 * self.score / self.max_score if self.max_score else None


def quiz_history(results: Iterable[QuizResult], since: datetime | None = None) -> list[QuizRow]:
    """Quiz sittings oldest first, from `since` on."""
    return [
        QuizRow(r.deck, r.finished_at, r.score, r.max_score, (r.finished_at - r.started_at).total_seconds() / 60)
        for r in results
        if since is None or r.finished_at >= since
    ]
