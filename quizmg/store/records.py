"""What the collection hands back: plain frozen records, no database handles inside."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

from quizmg.scheduling.memory import CardPhase, CardState

Mode = Literal["study", "cram", "quiz"]
# How modes are stored: small integers cost SQLite 0-1 bytes a row.
MODE_CODES: dict[str, int] = {"study": 0, "cram": 1, "quiz": 2}
MODE_NAMES: dict[int, str] = {code: name for name, code in MODE_CODES.items()}

QueueReason = Literal["learning", "review", "new"]


def stored_phase(value: Any) -> CardPhase:
    """A phase read from the collection; a value no quizmg writes means the file was damaged or edited."""
    try:
        return CardPhase(value)
    except ValueError:
        from quizmg.errors import CollectionDamaged

        raise CollectionDamaged(None, f"a card has the phase {value!r}, which quizmg never writes") from None


def stored_mode(value: Any) -> Mode:
    """A review mode read from the collection (see stored_phase)."""
    try:
        return MODE_NAMES[value]  # type: ignore[return-value]
    except (KeyError, TypeError):
        from quizmg.errors import CollectionDamaged

        raise CollectionDamaged(None, f"a review has the mode {value!r}, which quizmg never writes") from None


@dataclass(frozen=True)
class DeckRecord:
    """A deck registered in the collection."""

    name: str
    title: str
    path: str | None
    content_hash: str
    questions: int
    cards: int
    retired_cards: int
    registered_at: datetime
    synced_at: datetime


@dataclass(frozen=True)
class SyncReport:
    """What syncing a bank changed: cards added, kept, retired and brought back."""

    deck: str
    unchanged: bool
    added: int = 0
    kept: int = 0
    retired: int = 0
    unretired: int = 0
    registered: bool = False
    moved_from: str | None = None


@dataclass(frozen=True)
class CardRecord:
    """A card as the collection holds it: identity, flags and cached scheduling state."""

    key: str
    number: int
    deck: str
    question_id: str
    ordinal: int
    retired: bool
    suspended: bool
    buried_until: date | None
    leech: bool
    state: CardState


@dataclass(frozen=True)
class QueuedCard:
    """One card waiting in the study queue, and why it is there."""

    key: str
    number: int
    deck: str
    question_id: str
    ordinal: int
    reason: QueueReason
    phase: CardPhase
    due: datetime | None


@dataclass(frozen=True)
class DueCounts:
    """How much there is to study now: the counts the queue would show, and what comes next."""

    learning: int
    review: int
    new: int
    next_due: datetime | None

    @property
    def total(self) -> int:
        """All cards waiting now."""
        return self.learning + self.review + self.new


@dataclass(frozen=True)
class Recorded:
    """An answer safely in the log: the card's state before and after, and leech news."""

    review_id: int
    card_key: str
    mode: Mode
    before: CardState
    after: CardState
    became_leech: bool
    suspended: bool


@dataclass(frozen=True)
class Review:
    """One entry of the review log."""

    id: int
    card_key: str
    card_number: int
    deck: str
    time: datetime
    rating: int
    duration_ms: int
    mode: Mode
    phase: CardPhase  # the card's phase before this answer
    answer: str | None
    correct: bool | None
    undone: bool
    device: str | None = None  # where it was made, when synced in from another device


@dataclass(frozen=True)
class Undone:
    """The answer `undo` took back, and the card's state now."""

    review_id: int
    card_key: str
    time: datetime
    rating: int
    mode: Mode
    state: CardState


@dataclass(frozen=True)
class QuizResult:
    """One scored quiz sitting."""

    id: int
    deck: str
    started_at: datetime
    finished_at: datetime
    score: float
    max_score: float
    detail: Any


@dataclass(frozen=True)
class RebuildReport:
    """What replaying the log found: cards replayed, reviews used, and cards whose cache differed."""

    cards: int
    reviews: int
    differing: list[str]
    written: bool
