"""Suspending and burying cards: flags on the cards table, outside the review log."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from quizmg.scheduling.days import study_day
from quizmg.store.database import write_transaction

if TYPE_CHECKING:
    from quizmg.store.collection import Collection


def set_suspended(collection: Collection, keys: Iterable[str], suspended: bool) -> int:
    """Suspend (or unsuspend) cards by key; how many changed. An unknown key is an error."""
    keys = list(keys)
    with write_transaction(collection.connection) as db:
        for key in keys:
            collection.card(key)  # unknown keys are an error, not silently ignored
        return sum(
            db.execute(
                "UPDATE cards SET suspended = ? WHERE key = ? AND suspended != ?",
                (int(suspended), key, int(suspended)),
            ).rowcount
            for key in keys
        )


def bury(collection: Collection, keys: Iterable[str], now: datetime) -> int:
    """Hide cards until their deck's next study day; how many were buried."""
    with write_transaction(collection.connection) as db:
        count = 0
        for key in list(keys):
            card = collection.card(key)
            tomorrow = study_day(now, collection.settings(card.deck)).toordinal() + 1
            count += db.execute("UPDATE cards SET buried_until = ? WHERE key = ?", (tomorrow, key)).rowcount
    return count


def unbury(collection: Collection, keys: Iterable[str]) -> int:
    """Bring buried cards back today (an undone burial); how many were buried."""
    with write_transaction(collection.connection) as db:
        return sum(
            db.execute(
                "UPDATE cards SET buried_until = NULL WHERE key = ? AND buried_until IS NOT NULL", (key,)
            ).rowcount
            for key in keys
        )
