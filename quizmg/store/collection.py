"""Opening a collection: migrations, automatic backups, settings, and reading decks and cards."""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizmg.errors import CollectionDamaged, QuizmgError, describe_sqlite_error
from quizmg.scheduling.memory import CardState
from quizmg.scheduling.settings import Settings, settings_from_mapping
from quizmg.store import backups
from quizmg.store.database import connect, from_ms, to_ms, use_wal
from quizmg.store.migrations import apply_migrations, check_known
from quizmg.store.records import CardRecord, DeckRecord, stored_phase

if TYPE_CHECKING:
    from quizmg.bank import Bank
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

GLOBAL_SCOPE = ""

CARD_COLUMNS = (
    "c.id, c.key, c.number, d.name, c.question_id, c.ordinal, c.retired, c.suspended, "
    "c.buried_until, c.leech, c.phase, c.step, c.stability, c.difficulty, c.due, "
    "c.last_review, c.reps, c.lapses"
)


def state_from_row(row: tuple[Any, ...]) -> CardState:
    """The cached CardState in columns phase..lapses of a row (the last eight values)."""
    phase, step, stability, difficulty, due, last_review, reps, lapses = row[-8:]
    return CardState(
        phase=stored_phase(phase),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=from_ms(due),
        last_review=from_ms(last_review),
        reps=reps,
        lapses=lapses,
    )


def state_columns(state: CardState) -> tuple[Any, ...]:
    """A CardState as the eight cached column values, phase..lapses."""
    return (
        int(state.phase),
        state.step,
        state.stability,
        state.difficulty,
        to_ms(state.due) if state.due else None,
        to_ms(state.last_review) if state.last_review else None,
        state.reps,
        state.lapses,
    )


def card_from_row(row: tuple[Any, ...]) -> CardRecord:
    """A CardRecord from a row selected with CARD_COLUMNS."""
    return CardRecord(
        key=row[1],
        number=row[2],
        deck=row[3],
        question_id=row[4],
        ordinal=row[5],
        retired=bool(row[6]),
        suspended=bool(row[7]),
        buried_until=date.fromordinal(row[8]) if row[8] else None,
        leech=bool(row[9]),
        state=state_from_row(row),
    )


def open_collection(path: str | Path, now: datetime, *, daily_backup: bool = True) -> Collection:
    """Open (creating or upgrading if needed) the collection at `path`.

    A database with a schema step this quizmg does not know is refused and left untouched.
    A new collection is built in a temporary file and renamed into place, so it is complete or
    absent. An existing one is backed up before any migration, and at most once a day; a
    damaged one raises CollectionDamaged (the daily backup checks it).
    """
    from quizmg.store.creation import create_collection
    from quizmg.store.health import file_problem

    path = Path(path)
    problem = file_problem(path)
    if problem:
        raise CollectionDamaged(path, problem)
    created = False
    if not path.exists() or path.stat().st_size == 0:
        created = create_collection(path, now)
    try:
        connection = connect(path)
    except sqlite3.Error as error:
        raise QuizmgError(
            describe_sqlite_error(error, path) or f"{path}: cannot open the collection ({error})."
        ) from None
    try:
        # Check before anything writes, so a newer or foreign database stays byte for byte as it was.
        pending = check_known(connection, str(path))
        use_wal(connection)
        if pending:
            backups.take_backup(connection, path, now, "before-migration")
            apply_migrations(connection, pending, to_ms(now))
        elif not created and daily_backup and backups.daily_backup_due(path, now):
            # No room or no write access for a copy: the command may still work; tried again next time.
            with contextlib.suppress(OSError, sqlite3.OperationalError):
                backups.take_backup(connection, path, now, "daily")
    except sqlite3.DatabaseError as error:
        connection.close()
        message = describe_sqlite_error(error, path)
        raise QuizmgError(message or f"{path}: not a usable quizmg collection ({error}).") from None
    except UnicodeDecodeError:  # SQLite's message quotes damaged schema text that is not UTF-8
        connection.close()
        raise CollectionDamaged(path, "its schema is unreadable (damaged bytes in table definitions)") from None
    except BaseException:
        connection.close()
        raise
    return Collection(connection, path)


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
        """Suspend (or unsuspend) cards by key; how many changed."""
        from quizmg.store.database import write_transaction

        keys = list(keys)
        with write_transaction(self.connection) as db:
            for key in keys:
                self.card(key)  # unknown keys are an error, not silently ignored
            changed = sum(
                db.execute(
                    "UPDATE cards SET suspended = ? WHERE key = ? AND suspended != ?",
                    (int(suspended), key, int(suspended)),
                ).rowcount
                for key in keys
            )
        return changed

    def bury(self, keys: Iterable[str], now: datetime) -> int:
        """Hide cards until the next study day; how many were buried."""
        from quizmg.scheduling.days import study_day
        from quizmg.store.database import write_transaction

        keys = list(keys)
        with write_transaction(self.connection) as db:
            count = 0
            for key in keys:
                card = self.card(key)
                tomorrow = study_day(now, self.settings(card.deck)).toordinal() + 1
                count += db.execute(
                    "UPDATE cards SET buried_until = ? WHERE key = ?", (tomorrow, key)
                ).rowcount
        return count

    def unbury(self, keys: Iterable[str]) -> int:
        """Bring buried cards back today (an undone burial); how many were buried."""
        from quizmg.store.database import write_transaction

        with write_transaction(self.connection) as db:
            return sum(
                db.execute(
                    "UPDATE cards SET buried_until = NULL WHERE key = ? AND buried_until IS NOT NULL", (key,)
                ).rowcount
                for key in keys
            )

    # -- settings -----------------------------------------------------------------------------

    def setting_overrides(self, deck: str | None = None) -> dict[str, Any]:
        """The values set in the collection for the whole collection (or one deck's overrides)."""
        scope = GLOBAL_SCOPE if deck is None else deck
        rows = self.connection.execute(
            "SELECT key, value FROM settings WHERE scope = ? ORDER BY key", (scope,)
        )
        return {key: json.loads(value) for key, value in rows}

    def settings(self, deck: str | None = None) -> Settings:
        """The settings in force for a deck: defaults, then global values, then the deck's own."""
        rows = tuple(
            self.connection.execute(
                "SELECT scope, key, value FROM settings WHERE scope IN (?, ?) ORDER BY scope, key",
                (GLOBAL_SCOPE, deck if deck is not None else GLOBAL_SCOPE),
            )
        )
        cached = self._settings_cache.get(rows)
        if cached is None:
            values: dict[str, Any] = {}
            for _scope, key, value in rows:  # '' sorts first: deck values override global ones
                values[key] = json.loads(value)
            where = "the collection's settings" if deck is None else f"deck {deck!r}'s settings"
            try:
                cached = settings_from_mapping(values)
            except QuizmgError as error:
                raise QuizmgError(
                    f"{where} are invalid; fix them with `quizmg config`:\n{error}"
                ) from None
            self._settings_cache[rows] = cached
        return cached

    def set_setting(self, key: str, value: Any, deck: str | None = None) -> Settings:
        """Set one setting (globally or for a deck), validated before it is stored."""
        from quizmg.store.database import write_transaction

        if deck is not None:
            self.deck_id(deck)
        trial = {**self.setting_overrides(None)}
        if deck is not None:
            trial.update(self.setting_overrides(deck))
        trial[key] = value
        settings = settings_from_mapping(trial)  # raises QuizmgError naming the bad value
        with write_transaction(self.connection) as db:
            db.execute(
                "INSERT INTO settings (scope, key, value) VALUES (?, ?, ?) "
                "ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value",
                (GLOBAL_SCOPE if deck is None else deck, key, json.dumps(value)),
            )
        return settings

    def unset_setting(self, key: str, deck: str | None = None) -> bool:
        """Remove a stored value so the default (or the global value) applies again."""
        from quizmg.store.database import write_transaction

        with write_transaction(self.connection) as db:
            cursor = db.execute(
                "DELETE FROM settings WHERE scope = ? AND key = ?",
                (GLOBAL_SCOPE if deck is None else deck, key),
            )
        return cursor.rowcount > 0

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
