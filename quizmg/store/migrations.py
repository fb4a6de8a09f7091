"""The collection's schema as a list of small named migrations, each applied with its record
in one transaction. A database that has a migration this quizmg does not know is refused.

Layout notes (measured by benchmarks/bench_scale.py, target <= 120 bytes per review):
times are INTEGER milliseconds since the Unix epoch (UTC); reviews point at cards by the
cards table's integer rowid, not the text key; small codes (mode, phase) are integers,
which SQLite stores in 0-1 bytes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from quizmg.errors import QuizmgError


class SchemaTooNewError(QuizmgError):
    """The collection was written by a newer quizmg: refuse it rather than risk damaging it."""


@dataclass(frozen=True)
class Migration:
    """One named schema step."""

    name: str
    apply: Callable[[sqlite3.Connection], None]


def _run(connection: sqlite3.Connection, *statements: str) -> None:
    # One execute() per statement: executescript() would COMMIT the surrounding transaction.
    for statement in statements:
        connection.execute(statement)


def create_decks_and_cards(connection: sqlite3.Connection) -> None:
    """Registered decks, and their cards with the cached scheduling state."""
    _run(
        connection,
        """CREATE TABLE decks (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,          -- the deck's own id, as written in its file
            path TEXT,                          -- where the file was found when last synced
            title TEXT NOT NULL,
            content_hash TEXT NOT NULL,         -- Bank.content_hash: unchanged file, no work
            questions INTEGER NOT NULL DEFAULT 0,
            registered_at INTEGER NOT NULL,     -- ms since epoch, UTC
            synced_at INTEGER NOT NULL
        )""",
        """CREATE TABLE cards (
            id INTEGER PRIMARY KEY,             -- local number the review log points at
            key TEXT NOT NULL UNIQUE,           -- CardRef.key: deck/question/ordinal
            number INTEGER NOT NULL,            -- CardRef.number: seeds the scheduler's fuzz
            deck_id INTEGER NOT NULL REFERENCES decks(id),
            question_id TEXT NOT NULL,
            ordinal INTEGER NOT NULL,
            position INTEGER NOT NULL,          -- order in the deck: new cards come in this order
            retired INTEGER NOT NULL DEFAULT 0, -- question gone from the file; history kept
            suspended INTEGER NOT NULL DEFAULT 0,
            buried_until INTEGER,               -- study day (date ordinal) the card returns on
            leech INTEGER NOT NULL DEFAULT 0,
            -- The cache: everything below is derived by replaying the review log.
            phase INTEGER NOT NULL DEFAULT 0,   -- CardPhase: 0 new, 1 learning, 2 review, 3 relearning
            step INTEGER,
            stability REAL,
            difficulty REAL,
            due INTEGER,
            last_review INTEGER,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0
        )""",
        "CREATE INDEX cards_by_deck ON cards (deck_id, question_id)",
        # The queue's two searches; partial, so suspended and retired cards cost nothing.
        """CREATE INDEX cards_due ON cards (phase, due)
            WHERE retired = 0 AND suspended = 0 AND phase > 0""",
        """CREATE INDEX cards_new ON cards (deck_id, position)
            WHERE retired = 0 AND suspended = 0 AND phase = 0""",
    )


def create_review_log(connection: sqlite3.Connection) -> None:
    """The append-only review log, and undo records that point into it."""
    _run(
        connection,
        """CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            card_id INTEGER NOT NULL REFERENCES cards(id),
            time INTEGER NOT NULL,              -- ms since epoch, UTC
            rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),
            duration INTEGER NOT NULL DEFAULT 0 CHECK (duration >= 0),  -- ms
            mode INTEGER NOT NULL CHECK (mode IN (0, 1, 2)),  -- 0 study, 1 cram, 2 quiz
            phase INTEGER NOT NULL,             -- the card's phase before this answer
            answer TEXT,                        -- what the learner typed or chose, if anything
            correct INTEGER CHECK (correct IN (0, 1))  -- graded kinds only; NULL = self-rated
        )""",
        # (card_id) alone: the rowid rides along, so one card's reviews come in log order.
        "CREATE INDEX reviews_by_card ON reviews (card_id)",
        "CREATE INDEX reviews_by_time ON reviews (time)",
        # Undo never rewrites a review: it appends a record here. Replays skip undone reviews.
        """CREATE TABLE undone_reviews (
            review_id INTEGER PRIMARY KEY REFERENCES reviews(id),
            undone_at INTEGER NOT NULL
        )""",
    )


def create_settings(connection: sqlite3.Connection) -> None:
    """Settings as JSON values: scope '' is global, any other scope is a deck id."""
    _run(
        connection,
        """CREATE TABLE settings (
            scope TEXT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL CHECK (json_valid(value)),
            PRIMARY KEY (scope, key)
        ) WITHOUT ROWID""",
    )


def create_quiz_results(connection: sqlite3.Connection) -> None:
    """Scored quizzes: one row per sitting, the per-question detail as JSON."""
    _run(
        connection,
        """CREATE TABLE quiz_results (
            id INTEGER PRIMARY KEY,
            deck TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            finished_at INTEGER NOT NULL,
            score REAL NOT NULL,
            max_score REAL NOT NULL,
            detail TEXT NOT NULL CHECK (json_valid(detail))
        )""",
        "CREATE INDEX quiz_results_by_deck ON quiz_results (deck, finished_at)",
    )


def cover_the_review_queue(connection: sqlite3.Connection) -> None:
    """The review queue's index carries what its ordering reads (last review, stability, deck),
    so ranking 24,000 due cards of 100,000 never visits the table: 25 ms became about 3 ms."""
    _run(
        connection,
        "DROP INDEX cards_due",
        """CREATE INDEX cards_due ON cards (phase, due, last_review, stability, deck_id)
            WHERE retired = 0 AND suspended = 0 AND phase > 0""",
    )


def create_card_events(connection: sqlite3.Connection) -> None:
    """Forget and set-due-date events, which replays honour (see quizmg.store.card_events)."""
    from quizmg.store.card_events import create_card_events as create

    create(connection)


def create_review_origins(connection: sqlite3.Connection) -> None:
    """Where answers synced in from other devices were made (see quizmg.store.origins)."""
    from quizmg.store.origins import create_review_origins as create

    create(connection)


def create_memory_states(connection: sqlite3.Connection) -> None:
    """Memory states taken from Anki, which replays honour (see quizmg.store.memory_states)."""
    from quizmg.store.memory_states import create_memory_states as create

    create(connection)


MIGRATIONS: list[Migration] = [
    Migration("0001_create_decks_and_cards", create_decks_and_cards),
    Migration("0002_create_review_log", create_review_log),
    Migration("0003_create_settings", create_settings),
    Migration("0004_create_quiz_results", create_quiz_results),
    Migration("0005_cover_the_review_queue", cover_the_review_queue),
    Migration("0006_create_card_events", create_card_events),
    Migration("0007_create_review_origins", create_review_origins),
    Migration("0008_create_memory_states", create_memory_states),
]


def applied_migrations(connection: sqlite3.Connection) -> list[str]:
    """Names of the migrations already applied, oldest first ([] for a blank database)."""
    has_table = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'"
    ).fetchone()
    if not has_table:
        return []
    return [row[0] for row in connection.execute("SELECT name FROM schema_migrations ORDER BY rowid")]


def check_known(connection: sqlite3.Connection, where: str) -> list[Migration]:
    """The migrations still to apply; SchemaTooNewError if the database is ahead of this quizmg."""
    applied = applied_migrations(connection)
    known = {migration.name for migration in MIGRATIONS}
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise SchemaTooNewError(
            f"{where} was written by a newer version of quizmg (schema step {unknown[-1]!r} "
            "is unknown here). It was left untouched: upgrade quizmg to open it."
        )
    if not applied:
        # schema_migrations alone is a blank collection whose creation stopped half-way.
        user_tables = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name != 'schema_migrations'"
        ).fetchone()[0]
        if user_tables:
            raise QuizmgError(f"{where} is an SQLite database but not a quizmg collection.")
    return [migration for migration in MIGRATIONS if migration.name not in applied]


def apply_migrations(
    connection: sqlite3.Connection, pending: list[Migration], applied_at_ms: int
) -> None:
    """Apply each pending migration and its record in one transaction, in order."""
    connection.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)"
    )
    for migration in pending:
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another process may have applied it since we looked: the write lock is ours now.
            if connection.execute(
                "SELECT 1 FROM schema_migrations WHERE name = ?", (migration.name,)
            ).fetchone():
                connection.execute("COMMIT")
                continue
            migration.apply(connection)
            connection.execute(
                "INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)",
                (migration.name, applied_at_ms),
            )
            position = [m.name for m in MIGRATIONS].index(migration.name) + 1
            connection.execute(f"PRAGMA user_version = {position}")
        except BaseException:
            connection.execute("ROLLBACK")
            raise
        connection.execute("COMMIT")
