"""A card's memory state: where it is in learning, and what FSRS knows of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import IntEnum
from typing import Any


class CardPhase(IntEnum):
    """Where a card stands: never seen, in its first steps, in long-term review, or relearning."""

    NEW = 0
    LEARNING = 1
    REVIEW = 2
    RELEARNING = 3


class Rating(IntEnum):
    """The learner's answer to "how well did you know it?"."""

    AGAIN = 1
    HARD = 2
    GOOD = 3
    EASY = 4


def _time_text(moment: datetime | None) -> str | None:
    return moment.isoformat() if moment is not None else None


def _time_value(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text is not None else None


@dataclass(frozen=True)
class CardState:
    """Everything the scheduler needs about one card; a cache of its review log."""

    phase: CardPhase
    step: int | None  # learning or relearning step; None outside those phases
    stability: float | None  # days until recall probability falls to 90 %
    difficulty: float | None  # 1 (easy) .. 10 (hard)
    due: datetime | None  # UTC; None for a new card
    last_review: datetime | None  # UTC
    reps: int
    lapses: int  # times the card was forgotten in the review phase

    def to_dict(self) -> dict[str, Any]:
        """A JSON-friendly dict (datetimes as ISO-8601 text)."""
        return {
            "phase": int(self.phase),
            "step": self.step,
            "stability": self.stability,
            "difficulty": self.difficulty,
            "due": _time_text(self.due),
            "last_review": _time_text(self.last_review),
            "reps": self.reps,
            "lapses": self.lapses,
        }

    @classmethod
    def from_dict(cls, values: dict[str, Any]) -> CardState:
        """The state `to_dict` wrote."""
        return cls(
            phase=CardPhase(int(values["phase"])),
            step=values.get("step"),
            stability=values.get("stability"),
            difficulty=values.get("difficulty"),
            due=_time_value(values.get("due")),
            last_review=_time_value(values.get("last_review")),
            reps=int(values.get("reps", 0)),
            lapses=int(values.get("lapses", 0)),
        )


NEW_CARD = CardState(
    phase=CardPhase.NEW,
    step=None,
    stability=None,
    difficulty=None,
    due=None,
    last_review=None,
    reps=0,
    lapses=0,
)
