"""A learner's collection: decks and cards read, and every other part of the store reached
through one object (answers, the queue, settings, the log, upkeep each in their own module).
Opening it is quizmg.store.opening."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizmg.errors import QuizmgError
from quizmg.store import backups, card_flags, stored_settings
from quizmg.store.card_rows import CARD_COLUMNS, card_from_row, state_columns, state_from_row
from quizmg.store.database import from_ms
from quizmg.store.records import CardRecord, DeckRecord

if TYPE_CHECKING:
    import sqlite3

    from quizmg.bank import Bank
    from quizmg.scheduling.settings import Settings
    from quizmg.store.queue import KeepApart
    from quizmg.store.records import (
        DueCounts,
        Mode,
        QueuedCard,
        QuizResult,
        RebuildReport,
        Recorded,
        Review,
        SyncReport,
        Undone,
    )

# Kept here too: other modules read cards through these names.
__all__ = ["CARD_COLUMNS", "Collection", "card_from_row", "state_columns", "state_from_row"]


class Collection:
    """One learner's collection: registered decks, cards, the review log, settings.

    Every write is one short BEGIN IMMEDIATE transaction, committed before the method returns.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.connection = connection
        self.path = path
        self._settings_cache: dict[tuple[Any, ...], Settings] = {}

    # -- lifetime ---------------------------------------------------------------------------

    def close(self) -> None:
        """Close the database connection."""
        self.connection.close()

    def __enter__(self) -> Collection:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    # -- decks and cards ----------------------------------------------------------------------

    def sync(self, bank: Bank, now: datetime) -> SyncReport:
        """Register `bank` if new and bring its cards up to date (see quizmg.store.sync)."""
        from quizmg.store.sync import sync_bank

        return sync_bank(self, bank, now)

    def decks(self) -> list[DeckRecord]:
        """Every registered deck, by name."""
        rows = self.connection.execute(
            """SELECT d.name, d.title, d.path, d.content_hash, d.questions,
                      (SELECT count(*) FROM cards c WHERE c.deck_id = d.id AND c.retired = 0),
                      (SELECT count(*) FROM cards c WHERE c.deck_id = d.id AND c.retired = 1),
                      d.registered_at, d.synced_at
               FROM decks d ORDER BY d.name"""
        ).fetchall()
        return [
            DeckRecord(r[0], r[1], r[2], r[3], r[4], r[5], r[6], from_ms(r[7]), from_ms(r[8]))  # type: ignore[arg-type]
            for r in rows
        ]

    def deck_paths(self) -> dict[str, Path]:
        """Registered deck names and the files they were last synced from."""
        rows = self.connection.execute("SELECT name, path FROM decks WHERE path IS NOT NULL")
        return {name: Path(path) for name, path in rows}

    def deck_id(self, name: str) -> int:
        """The internal id of a registered deck; QuizmgError if it is not registered."""
        row = self.connection.execute("SELECT id FROM decks WHERE name = ?", (name,)).fetchone()
        if row is None:
            known = ", ".join(d.name for d in self.decks()) or "none yet"
            raise QuizmgError(
                f"deck {name!r} is not in the collection (registered: {known}). "
                "Add it with `quizmg add PATH`."
            )
        return int(row[0])

    def card(self, key: str) -> CardRecord:
        """One card by its key (deck/question/ordinal)."""
        row = self.connection.execute(
            f"SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.key = ?",
            (key,),
        ).fetchone()
        if row is None:
            raise QuizmgError(f"no card {key!r} in the collection.")
        return card_from_row(row)

    def cards(self, deck: str | None = None, *, include_retired: bool = False) -> list[CardRecord]:
        """Cards of one deck (or all), in deck order."""
        where = [] if include_retired else ["c.retired = 0"]
        params: list[Any] = []
        if deck is not None:
            where.append("c.deck_id = ?")
            params.append(self.deck_id(deck))
        clause = f"WHERE {' AND '.join(where)}" if where else ""
        rows = self.connection.execute(
            f"SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id {clause} "
            "ORDER BY d.name, c.position",
            params,
        )
        return [card_from_row(row) for row in rows]

    def leeches(self, deck: str | None = None) -> list[CardRecord]:
        """Cards forgotten so often they were marked as leeches."""
        return [card for card in self.cards(deck) if card.leech]

    def set_suspended(self, keys: Iterable[str], suspended: bool) -> int:
        """Suspend (or unsuspend) cards by key; how many changed (quizmg.store.card_flags)."""
        return card_flags.set_suspended(self, keys, suspended)

    def bury(self, keys: Iterable[str], now: datetime) -> int:
        """Hide cards until the next study day; how many were buried."""
        return card_flags.bury(self, keys, now)

    def unbury(self, keys: Iterable[str]) -> int:
        """Bring buried cards back today (an undone burial); how many were buried."""
        return card_flags.unbury(self, keys)

    # -- settings (quizmg.store.stored_settings) ------------------------------------------------

    def setting_overrides(self, deck: str | None = None) -> dict[str, Any]:
        """The values set in the collection for the whole collection (or one deck's overrides)."""
        return stored_settings.overrides(self, deck)

    def settings(self, deck: str | None = None) -> Settings:
        """The settings in force for a deck: defaults, then global values, then the deck's own."""
        return stored_settings.in_force(self, deck, self._settings_cache)

    def set_setting(self, key: str, value: Any, deck: str | None = None) -> Settings:
        """Set one setting (globally or for a deck), validated before it is stored."""
        return stored_settings.set_value(self, key, value, deck)

    def unset_setting(self, key: str, deck: str | None = None) -> bool:
        """Remove a stored value so the default (or the global value) applies again."""
        return stored_settings.unset_value(self, key, deck)

    # -- studying -------------------------------------------------------------------------------

    def queue(
        self,
        now: datetime,
        decks: Iterable[str] | None = None,
        *,
        new_allowance: int | None = None,
        keep_apart: KeepApart | None = None,
    ) -> list[QueuedCard]:
        """The cards to study now, in order (see quizmg.store.queue)."""
        from quizmg.store.queue import build_queue

        return build_queue(self, now, decks, new_allowance=new_allowance, keep_apart=keep_apart)

    def learning_ahead(self, now: datetime, until: datetime, decks: Iterable[str] | None = None) -> list[QueuedCard]:
        """Learning cards due after now and by `until`, earliest first (see quizmg.store.queue)."""
        from quizmg.store.queue import learning_ahead

        return learning_ahead(self, now, until, decks)

    def due_counts(self, now: datetime, decks: Iterable[str] | None = None) -> DueCounts:
        """Learning, review and new cards waiting now, and the next due time."""
        from quizmg.store.queue import due_counts

        return due_counts(self, now, decks)

    def record_answer(
        self,
        card_key: str,
        rating: int,
        now: datetime,
        *,
        mode: Mode = "study",
        duration_ms: int = 0,
        answer: str | None = None,
        correct: bool | None = None,
        device: str | None = None,
        device_due: datetime | None = None,
    ) -> Recorded:
        """Log one answer and update the card, in one committed transaction (`device`: made
        elsewhere, with the due time it gave; see quizmg.store.origins)."""
        from quizmg.store.answers import record_answer

        return record_answer(
            self, card_key, rating, now, mode=mode, duration_ms=duration_ms,
            answer=answer, correct=correct, device=device, device_due=device_due,
        )

    def undo(self, now: datetime, review_id: int | None = None) -> Undone | None:
        """Take back the latest answer (or a given one); None when there is nothing to undo."""
        from quizmg.store.answers import undo_review

        return undo_review(self, now, review_id)

    def replace_answer(self, review_id: int, rating: int, now: datetime, *, duration_ms: int = 0) -> Recorded:
        """The same answer with another rating, in one transaction (see quizmg.store.answers)."""
        from quizmg.store.answers import replace_answer

        return replace_answer(self, review_id, rating, now, duration_ms=duration_ms)

    # -- the log --------------------------------------------------------------------------------

    def reviews(
        self,
        deck: str | None = None,
        *,
        since: datetime | None = None,
        include_undone: bool = False,
    ) -> list[Review]:
        """The review log, oldest first."""
        from quizmg.store.log import read_reviews

        return read_reviews(self, deck, since=since, include_undone=include_undone)

    def histories(self, deck: str | None = None) -> dict[int, list[tuple[datetime, int]]]:
        """Each card's scheduling reviews (study mode, not undone), keyed by card number."""
        from quizmg.store.log import histories

        return histories(self, deck)

    def save_quiz_result(
        self,
        deck: str,
        started_at: datetime,
        finished_at: datetime,
        score: float,
        max_score: float,
        detail: Any,
    ) -> int:
        """Store one scored quiz (detail: any JSON value); its id."""
        from quizmg.store.log import save_quiz_result

        return save_quiz_result(self, deck, started_at, finished_at, score, max_score, detail)

    def quiz_results(self, deck: str | None = None) -> list[QuizResult]:
        """Stored quiz results, oldest first."""
        from quizmg.store.log import quiz_results

        return quiz_results(self, deck)

    # -- upkeep ---------------------------------------------------------------------------------

    def rebuild(self, *, write: bool = True) -> RebuildReport:
        """Recompute every card's state from the log; write it unless `write` is False."""
        from quizmg.store.rebuild import rebuild

        return rebuild(self, write=write)

    def integrity_problems(self) -> list[str]:
        """What PRAGMA integrity_check and foreign_key_check report ([] when sound)."""
        problems = [
            row[0]
            for row in self.connection.execute("PRAGMA integrity_check")
            if row[0] != "ok"
        ]
        problems += [
            f"{table} row {rowid} points at a missing {parent}"
            for table, rowid, parent, _ in self.connection.execute("PRAGMA foreign_key_check")
        ]
        return problems

    def backup(self, now: datetime, reason: str = "manual") -> backups.Backup:
        """Write a consistent copy of the collection to the backups folder."""
        return backups.take_backup(self.connection, self.path, now, reason)


def __getattr__(name: str) -> Any:
    # open_collection lived here before quizmg.store.opening: older imports keep working.
    if name == "open_collection":
        from quizmg.store.opening import open_collection

        return open_collection
    raise AttributeError(name)
