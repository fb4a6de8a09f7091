"""FSRS memory states taken from elsewhere (Anki's card data: stability and difficulty), kept as
events in the log, as forget and set-due are (see quizmg.store.card_events).

Anki's stability and difficulty come from its own history of the card, which may hold what quizmg's
replay cannot see (answers under other parameters, SM-2 years before FSRS, Anki's recomputations).
Each event records where in the log it was taken (the last review id then). A replay honours the
latest one: the reviews up to it are replayed for the card's phase and times, the stability and
difficulty become the event's, and later answers continue from there, as they would in Anki.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from datetime import datetime
from typing import TYPE_CHECKING

from quizmg.scheduling.memory import NEW_CARD, CardPhase, CardState
from quizmg.store.database import from_ms, to_ms, write_transaction

if TYPE_CHECKING:
    from quizmg.scheduling.settings import Settings
    from quizmg.store.collection import Collection

# (the log's last review id when it was taken, stability, difficulty)
Memory = tuple[int, float, float]


def create_memory_states(connection: sqlite3.Connection) -> None:
    """The migration: the memory_states table."""
    connection.execute(
        """CREATE TABLE memory_states (
            id INTEGER PRIMARY KEY,
            card_id INTEGER NOT NULL REFERENCES cards(id),
            time INTEGER NOT NULL,              -- ms since epoch, UTC
            after_review INTEGER NOT NULL,      -- max(reviews.id) then: its place in log order
            stability REAL NOT NULL,
            difficulty REAL NOT NULL
        )"""
    )
    connection.execute("CREATE INDEX memory_states_by_card ON memory_states (card_id)")


def memory_by_card(db: sqlite3.Connection, card_id: int | None = None) -> dict[int, Memory]:
    """Every card's latest memory state (or one card's)."""
    query = "SELECT card_id, after_review, stability, difficulty FROM memory_states"
    params: tuple[int, ...] = ()
    if card_id is not None:
        query += " WHERE card_id = ?"
        params = (card_id,)
    return {card: (after, s, d) for card, after, s, d in db.execute(query + " ORDER BY id", params)}


def set_memory(collection: Collection, states: dict[int, tuple[float, float]], now: datetime) -> int:
    """Give cards (by internal id) a stability and difficulty; new cards are left alone. How many."""
    db = collection.connection
    with write_transaction(db):
        after = int(db.execute("SELECT coalesce(max(id), 0) FROM reviews").fetchone()[0])
        given = 0
        for card_id, (stability, difficulty) in states.items():
            phase = db.execute("SELECT phase FROM cards WHERE id = ?", (card_id,)).fetchone()
            if phase is None or phase[0] == CardPhase.NEW:
                continue
            db.execute(
                "INSERT INTO memory_states (card_id, time, after_review, stability, difficulty) "
                "VALUES (?, ?, ?, ?, ?)",
                (card_id, to_ms(now), after, stability, difficulty),
            )
            db.execute(
                "UPDATE cards SET stability = ?, difficulty = ? WHERE id = ?", (stability, difficulty, card_id)
            )
            given += 1
    return given


def replay_from_memory(
    rows: list[tuple[int, int, int, int]], memory: Memory, settings: Settings, card_number: int
) -> CardState:
    """A card's state from its reviews (card id, time, rating, review id) with a memory state taken
    at one point of its log: the reviews after that point continue from it."""
    from quizmg.scheduling.log_replay import LogReplayer
    from quizmg.scheduling.scheduler import apply_review

    after, stability, difficulty = memory
    before = [row[:3] for row in rows if row[3] <= after]
    state = LogReplayer(settings).replay(before, card_number) if before else NEW_CARD
    if state.phase is not CardPhase.NEW:
        state = replace(state, stability=stability, difficulty=difficulty)
    for _card, time, rating, review_id in rows:
        when = from_ms(time)
        if review_id > after and when is not None:
            state = apply_review(state, rating, when, settings, card_number)
    return state
