"""Cards: the schedulable units a question makes, with ids that never depend on wording."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


def card_key(deck_id: str, question_id: str, ordinal: int) -> str:
    """The text key of a card: deck, question and ordinal, never the question's wording."""
    return f"{deck_id}/{question_id}/{ordinal}"


def stable_number(text: str, bits: int = 62) -> int:
    """A positive integer derived from `text`, the same on every machine and run."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") >> (64 - bits) or 1


@dataclass(frozen=True)
class CardRef:
    """Which card of which question of which deck."""

    deck_id: str
    question_id: str
    ordinal: int

    @property
    def key(self) -> str:
        """The card's stable text key."""
        return card_key(self.deck_id, self.question_id, self.ordinal)

    @property
    def number(self) -> int:
        """The card's stable integer id (for Anki and for seeding the scheduler's fuzz)."""
        return stable_number(self.key)
