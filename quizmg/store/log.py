"""Reading the review log (for statistics and the optimizer) and storing quiz results."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from quizmg.store.database import from_ms, to_ms, write_transaction
from quizmg.store.records import MODE_CODES, QuizResult, Review, stored_mode, stored_phase

if TYPE_CHECKING:
    from quizmg.store.collection import Collection


def read_reviews(
    collection: Collection,
    deck: str | None = None,
    *,
    since: datetime | None = None,
    include_undone: bool = False,
) -> list[Review]:
    """Reviews oldest first, optionally of one deck, from a time on, with or without undone ones."""
    where: list[str] = []
    params: list[Any] = []
    if deck is not None:
        where.append("c.deck_id = ?")
        params.append(collection.deck_id(deck))
    if since is not None:
        where.append("r.time >= ?")
        params.append(to_ms(since))
    if not include_undone:
        where.append("u.review_id IS NULL")
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    rows = collection.connection.execute(
        "SELECT r.id, c.key, c.number, d.name, r.time, r.rating, r.duration, r.mode, r.phase, "
        "r.answer, r.correct, u.review_id IS NOT NULL, o.device FROM reviews r "
        "JOIN cards c ON c.id = r.card_id JOIN decks d ON d.id = c.deck_id "
        "LEFT JOIN undone_reviews u ON u.review_id = r.id "
        f"LEFT JOIN review_origins o ON o.review_id = r.id {clause} ORDER BY r.time, r.id",
        params,
    )
    return [
        Review(
            id=row[0],
            card_key=row[1],
            card_number=row[2],
            deck=row[3],
            time=from_ms(row[4]),  # type: ignore[arg-type]
            rating=row[5],
            duration_ms=row[6],
            mode=stored_mode(row[7]),
            phase=stored_phase(row[8]),
            answer=row[9],
            correct=None if row[10] is None else bool(row[10]),
            undone=bool(row[11]),
            device=row[12],
        )
        for row in rows
    ]


def histories(
    collection: Collection, deck: str | None = None
) -> dict[int, list[tuple[datetime, int]]]:
    """Scheduling reviews (study mode, not undone) per card number, oldest first: what the
    scheduler replays and the optimizer fits. A forgotten card's history starts after its latest
    forget (quizmg.store.card_events), as Anki's optimizer starts after a reset: the answers
    before it belong to a memory the learner chose to drop."""
    params: list[Any] = [MODE_CODES["study"]]
    deck_clause = ""
    if deck is not None:
        deck_clause = "AND c.deck_id = ?"
        params.append(collection.deck_id(deck))
    rows = collection.connection.execute(
        "SELECT c.number, r.time, r.rating FROM reviews r JOIN cards c ON c.id = r.card_id "
        "WHERE r.mode = ? AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id) "
        "AND r.id > coalesce((SELECT max(e.after_review) FROM card_events e "
        "WHERE e.card_id = r.card_id AND e.kind = 0), 0) "
        f"{deck_clause} ORDER BY r.card_id, r.time, r.id",
        params,
    )
    result: dict[int, list[tuple[datetime, int]]] = {}
    for number, time, rating in rows:
        result.setdefault(number, []).append((from_ms(time), rating))  # type: ignore[arg-type]
    return result


def save_quiz_result(
    collection: Collection,
    deck: str,
    started_at: datetime,
    finished_at: datetime,
    score: float,
    max_score: float,
    detail: Any,
) -> int:
    """Store one quiz sitting; its id."""
    with write_transaction(collection.connection) as db:
        cursor = db.execute(
            "INSERT INTO quiz_results (deck, started_at, finished_at, score, max_score, detail) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (deck, to_ms(started_at), to_ms(finished_at), score, max_score,
             json.dumps(detail, ensure_ascii=False)),
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def quiz_results(collection: Collection, deck: str | None = None) -> list[QuizResult]:
    """Stored quiz sittings, oldest first."""
    query = "SELECT id, deck, started_at, finished_at, score, max_score, detail FROM quiz_results"
    params: tuple[Any, ...] = ()
    if deck is not None:
        query += " WHERE deck = ?"
        params = (deck,)
    rows = collection.connection.execute(query + " ORDER BY finished_at, id", params)
    return [
        QuizResult(row[0], row[1], from_ms(row[2]), from_ms(row[3]), row[4], row[5],  # type: ignore[arg-type]
                   json.loads(row[6]))
        for row in rows
    ]
