"""Anki's review history, read from a package: each revlog row tied to the quizmg card it becomes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from quizmg.formats.anki.ids import guid_digest
from quizmg.formats.anki.importer import quizmg_question
from quizmg.formats.anki.reader import open_collection, read_package, refusing_damage

# Revlog kinds: learning, review, relearning, filtered (cram), manual, rescheduled.
REVLOG_LEARN, REVLOG_REVIEW, REVLOG_RELEARN, REVLOG_FILTERED, REVLOG_MANUAL, REVLOG_RESCHED = range(6)

@dataclass
class ImportedProgress:
    """What `import --with-progress` recorded."""

    deck: str
    recorded: int = 0
    already_there: int = 0
    without_card: int = 0
    not_answers: int = 0
    cards: int = 0
    crammed: int = 0


@dataclass(frozen=True)
class AnkiReview:
    """One revlog row of a package, tied to a quizmg card key."""

    time: datetime
    card_key: str | None
    rating: int
    duration_ms: int
    kind: int


def question_ids_by_note(path: Any) -> dict[int, str]:
    """The quizmg question id each note of a package becomes on import (see importer)."""
    package = read_package(path)
    ids: dict[int, str] = {}
    for note in package.notes:
        note_type = package.note_types.get(note.type_id)
        stored = quizmg_question(note, note_type) if note_type is not None else None
        ids[note.id] = str(stored[1].get("id")) if stored else f"anki-{guid_digest(note.guid)}"
    return ids


def package_reviews(path: Any, deck_id: str) -> list[AnkiReview]:
    """The package's revlog, oldest first, each row tied to the quizmg card it becomes."""
    with refusing_damage(Path(path)):
        return _package_reviews(Path(path), deck_id)


def _package_reviews(path: Path, deck_id: str) -> list[AnkiReview]:
    question_ids = question_ids_by_note(path)
    with open_collection(path) as (connection, _archive):
        cards = {
            card_id: (note_id, ordinal)
            for card_id, note_id, ordinal in connection.execute("SELECT id, nid, ord FROM cards")
        }
        rows = connection.execute(
            "SELECT id, cid, ease, time, type FROM revlog ORDER BY id"
        ).fetchall()
    reviews = []
    for revlog_id, card_id, ease, taken, kind in rows:
        key = None
        if card_id in cards:
            note_id, ordinal = cards[card_id]
            if note_id in question_ids:
                key = f"{deck_id}/{question_ids[note_id]}/{ordinal + 1}"
        moment = datetime.fromtimestamp(revlog_id / 1000, timezone.utc)
        reviews.append(AnkiReview(moment, key, int(ease), int(taken or 0), int(kind)))
    return reviews
