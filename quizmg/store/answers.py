"""Recording answers and taking them back. Each is one committed transaction: the log row is
appended and the card's cached state updated together, so a crash never leaves them apart."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from quizmg.errors import QuizmgError
from quizmg.scheduling.memory import CardState, Rating
from quizmg.scheduling.scheduler import apply_review
from quizmg.scheduling.settings import Settings
from quizmg.store.card_rows import CARD_COLUMNS, card_from_row, state_columns
from quizmg.store.database import from_ms, to_ms, truncate_to_ms, write_transaction
from quizmg.store.records import MODE_CODES, Mode, Recorded, Undone, stored_mode

if TYPE_CHECKING:
    import sqlite3

    from quizmg.store.collection import Collection

STUDY = MODE_CODES["study"]

UPDATE_STATE = (
    "UPDATE cards SET phase = ?, step = ?, stability = ?, difficulty = ?, due = ?, "
    "last_review = ?, reps = ?, lapses = ?, leech = ? WHERE id = ?"
)


def is_leech(state: CardState, settings: Settings) -> bool:
    """A card forgotten `leech_threshold` times or more (threshold 0: never)."""
    return settings.leech_threshold > 0 and state.lapses >= settings.leech_threshold


def leech_event(before: CardState, after: CardState, settings: Settings) -> bool:
    """True when this lapse makes the card a leech: at the threshold, then every half threshold
    more, as Anki does, so a learner who unsuspends a leech hears of it again."""
    threshold = settings.leech_threshold
    if threshold <= 0 or after.lapses == before.lapses or after.lapses < threshold:
        return False
    return (after.lapses - threshold) % max(1, threshold // 2) == 0


def record_answer(
    collection: Collection,
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
    """Append one answer to the log and, in study mode, move the card's schedule on.

    Cram and quiz answers are logged but never change the schedule. An answer made on another
    `device` (synced in) says so, with the due time that device gave (see quizmg.store.origins);
    one older than the card's latest answer takes its place by its time (the card is replayed).
    """
    if mode not in MODE_CODES:
        raise QuizmgError(f"unknown review mode {mode!r}: use study, cram or quiz")
    try:
        rating = int(Rating(int(rating)))
    except (TypeError, ValueError):
        raise QuizmgError(f"a rating is 1 (Again) to 4 (Easy), not {rating!r}") from None
    with write_transaction(collection.connection):
        return _record(collection, card_key, rating, now, mode, duration_ms, answer, correct, device, device_due)


def _record(
    collection: Collection,
    card_key: str,
    rating: int,
    now: datetime,
    mode: Mode,
    duration_ms: int,
    answer: str | None,
    correct: bool | None,
    device: str | None = None,
    device_due: datetime | None = None,
) -> Recorded:
    """record_answer's work, inside the caller's transaction."""
    # The log keeps whole milliseconds; the scheduler must see exactly what a replay will see.
    when = truncate_to_ms(now)
    db = collection.connection
    row = db.execute(
        f"SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id WHERE c.key = ?",
        (card_key,),
    ).fetchone()
    if row is None:
        raise QuizmgError(f"no card {card_key!r} in the collection.")
    card_id = row[0]
    card = card_from_row(row)
    before = card.state
    after = before
    became_leech = suspended = False
    # Older than the card's latest answer (made elsewhere, synced in late), or scheduled by another
    # device: the card is replayed from its log once the answer is in it.
    replayed = mode == "study" and (
        device_due is not None or (before.last_review is not None and when < before.last_review)
    )
    review_id = _insert_review(db, card_id, when, rating, duration_ms, mode, before, answer, correct)
    if device is not None:
        from quizmg.store.origins import record_origin

        record_origin(db, review_id, device, device_due)
    if mode == "study":
        settings = collection.settings(card.deck)
        if replayed:
            from quizmg.store.card_events import replay_card

            after = replay_card(db, card_id, settings, card.number)
        else:
            after = apply_review(before, rating, when, settings, card.number)
        became_leech = leech_event(before, after, settings)
        suspended = became_leech and settings.leech_action == "suspend"
        db.execute(UPDATE_STATE, (*state_columns(after), int(is_leech(after, settings)), card_id))
        if suspended:
            db.execute("UPDATE cards SET suspended = 1 WHERE id = ?", (card_id,))
    return Recorded(review_id, card_key, mode, before, after, became_leech, suspended)


def _insert_review(
    db: sqlite3.Connection, card_id: int, when: datetime, rating: int, duration_ms: int, mode: Mode,
    before: CardState, answer: str | None, correct: bool | None,
) -> int:
    review_id = db.execute(
        "INSERT INTO reviews (card_id, time, rating, duration, mode, phase, answer, correct) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            card_id,
            to_ms(when),
            rating,
            max(0, int(duration_ms)),
            MODE_CODES[mode],
            int(before.phase),
            answer,
            None if correct is None else int(correct),
        ),
    ).lastrowid
    assert review_id is not None
    return review_id


def undo_review(collection: Collection, now: datetime, review_id: int | None = None) -> Undone | None:
    """Take back the latest answer not yet undone (or `review_id`): an undo record is appended,
    the review itself stays in the log, and the card's state is replayed without it."""
    with write_transaction(collection.connection):
        return _undo(collection, now, review_id)


def _undo(collection: Collection, now: datetime, review_id: int | None) -> Undone | None:
    """undo_review's work, inside the caller's transaction."""
    db = collection.connection
    query = (
        "SELECT r.id, r.card_id, r.time, r.rating, r.mode FROM reviews r "
        "WHERE NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id) "
    )
    if review_id is None:
        found = db.execute(query + "ORDER BY r.id DESC LIMIT 1").fetchone()
    else:
        found = db.execute(query + "AND r.id = ?", (review_id,)).fetchone()
        if found is None:
            raise QuizmgError(f"review {review_id} does not exist or was already undone.")
    if found is None:
        return None
    undone_id, card_id, time, rating, mode = found
    db.execute(
        "INSERT INTO undone_reviews (review_id, undone_at) VALUES (?, ?)",
        (undone_id, to_ms(now)),
    )
    card = card_from_row(
        db.execute(
            f"SELECT {CARD_COLUMNS} FROM cards c JOIN decks d ON d.id = c.deck_id "
            "WHERE c.id = ?",
            (card_id,),
        ).fetchone()
    )
    state = card.state
    if mode == STUDY:
        from quizmg.store.card_events import replay_card

        settings = collection.settings(card.deck)
        state = replay_card(db, card_id, settings, card.number)  # forget/set-due honoured
        leech = is_leech(state, settings)
        db.execute(UPDATE_STATE, (*state_columns(state), int(leech), card_id))
        # The answer that made the card a leech is taken back: so is its suspension.
        if card.leech and not leech and settings.leech_action == "suspend":
            db.execute("UPDATE cards SET suspended = 0 WHERE id = ?", (card_id,))
    return Undone(undone_id, card.key, from_ms(time), rating, stored_mode(mode), state)  # type: ignore[arg-type]


def replace_answer(
    collection: Collection,
    review_id: int,
    rating: int,
    now: datetime,
    *,
    duration_ms: int = 0,
) -> Recorded:
    """Replace a logged answer's rating (the learner overrode the proposed one) in ONE
    transaction: the old review is marked undone and the same answer logged with the new
    rating together, so a crash leaves either the old rating or the new, never neither."""
    rating = int(Rating(int(rating)))
    db = collection.connection
    with write_transaction(db):
        found = db.execute(
            "SELECT c.key, r.mode, r.answer, r.correct FROM reviews r JOIN cards c ON c.id = r.card_id "
            "WHERE r.id = ?",
            (review_id,),
        ).fetchone()
        if found is None:
            raise QuizmgError(f"review {review_id} does not exist.")
        key, mode, answer, correct = found
        _undo(collection, now, review_id)
        return _record(
            collection,
            key,
            rating,
            now,
            stored_mode(mode),
            duration_ms,
            answer,
            None if correct is None else bool(correct),
        )
