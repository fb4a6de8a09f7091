"""Answers made on another device: where each was made, and the due time that device gave.

An answer synced in from elsewhere (a phone studying through Anki) joins the log like any other,
and a row here says where it was made. The card's memory state is replayed from the log as always,
with the learner's parameters; but its due time after an answer made elsewhere is the one that
device scheduled (Anki fuzzes, balances load and steps learning cards its own way), so both sides
show the same due date by construction, not by imitating the other's scheduler. The next answer,
here or anywhere, schedules the card afresh.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime

from quizmg.scheduling.memory import CardPhase, CardState
from quizmg.store.database import from_ms, to_ms

# card id -> {time of an answer made elsewhere (ms): the due time its device gave (ms)}
GivenDues = dict[int, dict[int, int]]


def create_review_origins(connection: sqlite3.Connection) -> None:
    """The migration: the review_origins table (no row: the answer was made here)."""
    connection.execute(
        """CREATE TABLE review_origins (
            review_id INTEGER PRIMARY KEY REFERENCES reviews(id),
            device TEXT NOT NULL,               -- where the answer was made, in words
            due INTEGER                         -- ms: the due time that device gave; NULL unknown
        )"""
    )


def record_origin(db: sqlite3.Connection, review_id: int, device: str, due: datetime | None) -> None:
    """Say where review `review_id` was made (inside the caller's transaction)."""
    db.execute(
        "INSERT INTO review_origins (review_id, device, due) VALUES (?, ?, ?)",
        (review_id, device, None if due is None else to_ms(due)),
    )


def given_dues(db: sqlite3.Connection, card_id: int | None = None) -> GivenDues:
    """The due times other devices gave after their answers, per card (or for one card)."""
    query = (
        "SELECT r.card_id, r.time, o.due FROM review_origins o JOIN reviews r ON r.id = o.review_id "
        "WHERE o.due IS NOT NULL"
    )
    params: tuple[int, ...] = ()
    if card_id is not None:
        query += " AND r.card_id = ?"
        params = (card_id,)
    result: GivenDues = {}
    for card, time, due in db.execute(query, params):
        result.setdefault(card, {})[time] = due
    return result


def with_given_due(state: CardState, given: dict[int, int] | None) -> CardState:
    """The card's state, due when the device that took its latest answer said (if elsewhere)."""
    if not given or state.last_review is None or state.phase is CardPhase.NEW:
        return state
    due = given.get(to_ms(state.last_review))
    return state if due is None else replace(state, due=from_ms(due))


def devices(db: sqlite3.Connection, review_ids: Iterable[int]) -> dict[int, str]:
    """Where each of these reviews was made, for those made elsewhere."""
    ids = list(review_ids)
    found: dict[int, str] = {}
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        found.update(
            db.execute(
                f"SELECT review_id, device FROM review_origins WHERE review_id IN ({', '.join('?' * len(part))})",
                part,
            ).fetchall()
        )
    return found
