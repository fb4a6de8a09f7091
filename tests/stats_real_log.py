"""The real review log in ../shared/data, as quizmg data: reviews, replayed card states, a deck
with one basic question per card, and (for the CLI) a real collection holding every review."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from quizmg.model import CardRef
from quizmg.scheduling.settings import Settings
from quizmg.stats.history import replay_log
from quizmg.store.records import CardRecord, Review

REAL_LOG = Path(__file__).resolve().parents[2] / "shared" / "data" / "fsrs-review-log-sample.csv"
DECK_ID = "real-log"
# The log's times are UTC and the learner's zone is unknown: study days are counted in UTC.
LOG_SETTINGS = Settings(timezone="UTC")


@dataclass(frozen=True)
class LogRow:
    """One line of the CSV: card id, rating 1-4, UTC time, milliseconds spent."""

    card_id: int
    rating: int
    time: datetime
    duration_ms: int


def read_log(path: Path = REAL_LOG) -> list[LogRow]:
    """The CSV's rows, in file (time) order."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            LogRow(int(row["card_id"]), int(row["review_rating"]), datetime.fromisoformat(row["review_time"]),
                   int(row["review_duration"]))
            for row in csv.DictReader(handle)
        ]


def card_ref(card_id: int) -> CardRef:
    """The quizmg card standing for one card id of the log."""
    return CardRef(DECK_ID, f"c{card_id}", 1)


def reviews_from_log(rows: list[LogRow]) -> list[Review]:
    """The rows as study-mode Review records (phase left NEW: the stats replay works it out)."""
    from quizmg.scheduling.memory import CardPhase

    refs = {row.card_id: card_ref(row.card_id) for row in rows}
    return [
        Review(
            id=index + 1, card_key=refs[row.card_id].key, card_number=refs[row.card_id].number, deck=DECK_ID,
            time=row.time, rating=row.rating, duration_ms=row.duration_ms, mode="study", phase=CardPhase.NEW,
            answer=None, correct=None, undone=False,
        )
        for index, row in enumerate(rows)
    ]


def cards_from_log(reviews: list[Review], settings: Settings = LOG_SETTINGS) -> list[CardRecord]:
    """Every card of the log with the state replaying its reviews gives (as the store would cache)."""
    states = replay_log(reviews, lambda _deck: settings).states
    numbers = {review.card_key: review.card_number for review in reviews}
    return [
        CardRecord(key=key, number=numbers[key], deck=DECK_ID, question_id=key.split("/")[1], ordinal=1,
                   retired=False, suspended=False, buried_until=None, leech=False, state=state)
        for key, state in states.items()
    ]


def write_log_deck(rows: list[LogRow], path: Path) -> Path:
    """A deck file with one basic question per card id of the log (the log has no card text)."""
    card_ids = sorted({row.card_id for row in rows})
    lines = [
        f"id: {DECK_ID}",
        "title: Real review log (fsrs test data)",
        "description: One placeholder question per card of a published review log.",
        "questions:",
    ]
    for card_id in card_ids:
        lines += [f"  - id: c{card_id}", "    kind: basic", f"    prompt: Card {card_id} of the log",
                  "    answer: (not published)"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def load_into_collection(rows: list[LogRow], deck_path: Path, collection_path: Path) -> int:
    """Record every row through the store API in a collection at `collection_path`; reviews recorded."""
    from quizmg.bank import load_bank
    from quizmg.store import open_collection

    write_log_deck(rows, deck_path)
    with open_collection(collection_path, rows[0].time) as collection:
        collection.set_setting("timezone", "UTC")
        collection.sync(load_bank(deck_path), rows[0].time)
        for row in rows:
            collection.record_answer(card_ref(row.card_id).key, row.rating, row.time, duration_ms=row.duration_ms)
    return len(rows)


if __name__ == "__main__":  # build a collection by hand: python tests/stats_real_log.py DIR
    import sys
    import time

    from quizmg.cli.common import COLLECTION_FILE

    target = Path(sys.argv[1])
    target.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    count = load_into_collection(read_log(), target / "real-log.yaml", target / COLLECTION_FILE)
    print(f"{count} reviews recorded in {time.perf_counter() - started:.1f} s")
