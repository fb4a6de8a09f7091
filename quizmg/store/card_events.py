"""Forgetting a card and setting its due date, as events in the log (Anki's Reset and Manual rows).

The review log is append-only, so neither rewrites a review. Each appends a row to card_events
that records where in the log it happened (the last review id then). Replaying a card honours
them: reviews before its latest "forget" are history only (the card starts again as new, its
past answers kept); a "set due date" later than every remaining review moves the card's due time.
A review answered after a "set due date" schedules the card afresh, as in Anki.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from quizmg.scheduling.memory import NEW_CARD, CardPhase, CardState
from quizmg.store.database import from_ms, to_ms, write_transaction
from quizmg.store.memory_states import Memory, memory_by_card, replay_from_memory
from quizmg.store.records import MODE_CODES

if TYPE_CHECKING:
    from quizmg.scheduling.settings import Settings
    from quizmg.store.collection import Collection

FORGET, SET_DUE = 0, 1

# (event kind, due in ms or None, the log's last review id when it happened), oldest first.
Event = tuple[int, "int | None", int]


def create_card_events(connection: sqlite3.Connection) -> None:
    """The migration: the card_events table."""
    connection.execute(
        """CREATE TABLE card_events (
            id INTEGER PRIMARY KEY,
            card_id INTEGER NOT NULL REFERENCES cards(id),
            time INTEGER NOT NULL,              -- ms since epoch, UTC
            kind INTEGER NOT NULL CHECK (kind IN (0, 1)),  -- 0 forget, 1 set due date
            due INTEGER,                        -- kind 1: the new due time, ms
            after_review INTEGER NOT NULL       -- max(reviews.id) then: its place in log order
        )"""
    )
    connection.execute("CREATE INDEX card_events_by_card ON card_events (card_id)")


def events_by_card(db: sqlite3.Connection, card_id: int | None = None) -> dict[int, list[Event]]:
    """Every card's events (or one card's), oldest first."""
    query = "SELECT card_id, kind, due, after_review FROM card_events"
    params: tuple[int, ...] = ()
    if card_id is not None:
        query += " WHERE card_id = ?"
        params = (card_id,)
    result: dict[int, list[Event]] = {}
    for card, kind, due, after in db.execute(query + " ORDER BY id", params):
        result.setdefault(card, []).append((kind, due, after))
    return result


def card_rows(db: sqlite3.Connection, card_id: int) -> list[tuple[int, int, int, int]]:
    """A card's scheduling reviews (study mode, not undone) as (card id, time, rating, review id),
    in time order (an answer synced in late from another device takes its place by its time)."""
    return db.execute(
        "SELECT r.card_id, r.time, r.rating, r.id FROM reviews r WHERE r.card_id = ? AND r.mode = ? "
        "AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id) ORDER BY r.time, r.id",
        (card_id, MODE_CODES["study"]),
    ).fetchall()


def replay_with_events(
    rows: list[tuple[int, int, int, int]],
    events: list[Event],
    settings: Settings,
    card_number: int,
    given: dict[int, int] | None = None,
    memory: Memory | None = None,
) -> CardState:
    """A card's state from its reviews (with their ids, in time order) and its events (placed in
    log order); `given`: due times other devices gave (see quizmg.store.origins); `memory`, a
    memory state taken from Anki (quizmg.store.memory_states), unless a later forget undid it."""
    from quizmg.scheduling.log_replay import LogReplayer
    from quizmg.store.origins import with_given_due

    forgotten_after = max((after for kind, _, after in events if kind == FORGET), default=None)
    if forgotten_after is not None:
        rows = [row for row in rows if row[3] > forgotten_after]
    if memory is not None and (forgotten_after is None or memory[0] >= forgotten_after):
        state = replay_from_memory(rows, memory, settings, card_number)
    else:
        state = LogReplayer(settings).replay([row[:3] for row in rows], card_number) if rows else NEW_CARD
    state = with_given_due(state, given)
    last_review = max(row[3] for row in rows) if rows else None
    for kind, due, after in events:
        if kind == SET_DUE and due is not None and (last_review is None or after >= last_review):
            if forgotten_after is not None and after < forgotten_after:
                continue
            if state.phase != CardPhase.NEW:
                state = replace(state, due=from_ms(due))
    return state


def replay_card(db: sqlite3.Connection, card_id: int, settings: Settings, card_number: int) -> CardState:
    """One card's state from the log, its events and the due times other devices gave honoured."""
    from quizmg.store.origins import given_dues

    return replay_with_events(
        card_rows(db, card_id), events_by_card(db, card_id).get(card_id, []), settings, card_number,
        given_dues(db, card_id).get(card_id), memory_by_card(db, card_id).get(card_id),
    )


def _last_review_id(db: sqlite3.Connection) -> int:
    return int(db.execute("SELECT coalesce(max(id), 0) FROM reviews").fetchone()[0])


def card_ids(db: sqlite3.Connection, keys: Iterable[str]) -> dict[str, int]:
    """The internal ids of cards by key (unknown keys are left out)."""
    keys = list(keys)
    found: dict[str, int] = {}
    for start in range(0, len(keys), 500):  # SQLite bounds the number of parameters
        chunk = keys[start:start + 500]
        found.update(db.execute(
            f"SELECT key, id FROM cards WHERE key IN ({', '.join('?' * len(chunk))})", chunk
        ).fetchall())
    return found


def forget(collection: Collection, keys: Iterable[str], now: datetime) -> int:
    """Put cards back to new (their history stays in the log); how many were not new already."""
    from quizmg.store.answers import UPDATE_STATE
    from quizmg.store.card_rows import state_columns

    db = collection.connection
    ids = list(card_ids(db, keys).values())
    with write_transaction(db):
        after = _last_review_id(db)
        changed = 0
        for card_id in ids:
            phase = db.execute("SELECT phase FROM cards WHERE id = ?", (card_id,)).fetchone()
            if phase is None:
                continue
            db.execute(
                "INSERT INTO card_events (card_id, time, kind, due, after_review) VALUES (?, ?, ?, NULL, ?)",
                (card_id, to_ms(now), FORGET, after),
            )
            db.execute(UPDATE_STATE, (*state_columns(NEW_CARD), 0, card_id))
            changed += phase[0] != CardPhase.NEW
    return changed


def set_due(collection: Collection, due_of: dict[str, datetime], now: datetime) -> tuple[int, int]:
    """Move cards' due times (card key -> new due); new cards have no schedule and are left as
    they are. How many were moved, and how many were new."""
    db = collection.connection
    ids = card_ids(db, due_of)
    with write_transaction(db):
        after = _last_review_id(db)
        moved = new = 0
        for key, due in due_of.items():
            card_id = ids[key]
            phase = db.execute("SELECT phase FROM cards WHERE id = ?", (card_id,)).fetchone()
            if phase is None:
                continue
            if phase[0] == CardPhase.NEW:
                new += 1
                continue
            db.execute(
                "INSERT INTO card_events (card_id, time, kind, due, after_review) VALUES (?, ?, ?, ?, ?)",
                (card_id, to_ms(now), SET_DUE, to_ms(due), after),
            )
            db.execute("UPDATE cards SET due = ? WHERE id = ?", (to_ms(due), card_id))
            moved += 1
    return moved, new
