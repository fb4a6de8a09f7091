"""Anki's review history, read from a package: each revlog row tied to the quizmg card it becomes."""

from __future__ import annotations

from dataclasses import dataclass, field
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
    resets: int = 0  # Anki's Reset rows, kept as "forget" events
    reset_now: int = 0  # cards new in Anki that the answers had scheduled
    due_moved: int = 0  # cards given Anki's own due date
    memory_states: int = 0  # cards given Anki's own stability and difficulty
    suspended: int = 0
    buried: int = 0
    settings: list[str] = field(default_factory=list)  # what the deck took from Anki's options


@dataclass(frozen=True)
class AnkiReview:
    """One revlog row of a package, tied to a quizmg card key."""

    time: datetime
    card_key: str | None
    rating: int
    duration_ms: int
    kind: int
    factor: int = 0  # 0 on a filtered-deck row: a review that did not reschedule (cramming)
    interval: int = 0


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
            "SELECT id, cid, ease, time, type, factor, ivl FROM revlog ORDER BY id"
        ).fetchall()
    reviews = []
    for revlog_id, card_id, ease, taken, kind, factor, interval in rows:
        key = None
        if card_id in cards:
            note_id, ordinal = cards[card_id]
            if note_id in question_ids:
                key = f"{deck_id}/{question_ids[note_id]}/{ordinal + 1}"
        moment = datetime.fromtimestamp(revlog_id / 1000, timezone.utc)
        reviews.append(AnkiReview(
            moment, key, int(ease), int(taken or 0), int(kind), int(factor or 0), int(interval or 0)
        ))
    return reviews


# --- where each card stands in Anki -------------------------------------------------------------

# Anki's card queues (rslib/src/card/mod.rs): suspended, buried (by the scheduler, by the user),
# new, learning (due in seconds), review, day learning (due in days).
QUEUE_SUSPENDED, QUEUE_SCHED_BURIED, QUEUE_USER_BURIED = -1, -2, -3
QUEUE_NEW, QUEUE_LEARN, QUEUE_REVIEW, QUEUE_DAY_LEARN = 0, 1, 2, 3
TYPE_NEW = 0
DAY = 86400


@dataclass(frozen=True)
class AnkiCard:
    """Where one card stands in the package: new or not, due when, suspended or buried."""

    card_key: str
    new: bool
    due: datetime | None  # None for a new card
    suspended: bool
    buried: bool
    stability: float | None = None  # Anki's FSRS memory state (card data s, d), when it has one
    difficulty: float | None = None


def _memory(data: object) -> tuple[float | None, float | None]:
    """Anki's FSRS memory state from a card's data JSON ({"s": .., "d": ..}), if it holds one."""
    import json

    try:
        value = json.loads(data) if isinstance(data, str) and data.startswith("{") else None
    except ValueError:
        return None, None
    if not isinstance(value, dict):
        return None, None
    s, d = value.get("s"), value.get("d")
    if isinstance(s, int | float) and isinstance(d, int | float) and s > 0 and 1 <= d <= 10:
        return float(s), float(d)
    return None, None


@dataclass
class PackageSchedule:
    """The cards' standing and the FSRS settings of the package's main deck, when it has them."""

    cards: list[AnkiCard]
    parameters: list[float] | None = None  # 21 FSRS-6 weights
    desired_retention: float | None = None


def _float32s(value: object) -> list[float]:
    import struct

    if not isinstance(value, bytes) or len(value) % 4:
        return []
    return list(struct.unpack(f"<{len(value) // 4}f", value))


def _fsrs6(params: list[float]) -> list[float] | None:
    """FSRS-6's 21 weights from what Anki stored: FSRS-5's 19 gain the two FSRS-6 added with the
    values that make FSRS-6 behave as FSRS-5 (no same-day stability damping, decay 0.5)."""
    if len(params) == 21:
        return [round(p, 6) for p in params]
    if len(params) == 19:
        return [round(p, 6) for p in params] + [0.0, 0.5]
    return None


def _deck_configs(connection: Any) -> tuple[dict[int, tuple[list[float] | None, float | None]], dict[int, int]]:
    """Each deck config's (FSRS-6 weights, desired retention), and each deck's config id."""
    import json
    import struct

    from quizmg.formats.anki.reader import _first, protobuf_fields

    configs: dict[int, tuple[list[float] | None, float | None]] = {}
    deck_config: dict[int, int] = {}
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if "deck_config" in tables:  # schema 18: protobuf (anki/deck_config.proto, DeckConfig.Config)
        for config_id, blob in connection.execute("SELECT id, config FROM deck_config"):
            message = protobuf_fields(blob or b"")
            params = next((p for n in (6, 5) if (p := _fsrs6(_float32s(_first(message, n))))), None)
            retention = _first(message, 37, 0)
            value = struct.unpack("<f", int(retention).to_bytes(4, "little"))[0] if retention else None
            configs[int(config_id)] = (params, round(value, 4) if value else None)
        for deck_id, kind in connection.execute("SELECT id, kind FROM decks"):
            normal = _first(protobuf_fields(kind or b""), 1)
            if isinstance(normal, bytes):
                deck_config[int(deck_id)] = int(_first(protobuf_fields(normal), 1, 1))
        return configs, deck_config
    dconf_text, decks_text = connection.execute("SELECT dconf, decks FROM col").fetchone()
    for key, conf in (json.loads(dconf_text or "{}") or {}).items():
        raw = conf.get("fsrsParams6") or conf.get("fsrsParams5") or conf.get("fsrsWeights") or []
        params = _fsrs6([float(p) for p in raw])
        retention = conf.get("desiredRetention")
        configs[int(key)] = (params, float(retention) if retention else None)
    for key, deck in (json.loads(decks_text or "{}") or {}).items():
        if not deck.get("dyn"):
            deck_config[int(key)] = int(deck.get("conf", 1))
    return configs, deck_config


def package_schedule(path: Any, deck_id: str) -> PackageSchedule:
    """Each card's standing in the package (its own due date, as Anki computed it), and the FSRS
    settings of the deck most of its cards are in."""
    with refusing_damage(Path(path)):
        return _package_schedule(Path(path), deck_id)


def _package_schedule(path: Path, deck_id: str) -> PackageSchedule:
    from collections import Counter

    question_ids = question_ids_by_note(path)
    with open_collection(path) as (connection, _archive):
        (crt,) = connection.execute("SELECT crt FROM col").fetchone()
        rows = connection.execute(
            "SELECT nid, ord, did, odid, type, queue, due, odue, data FROM cards ORDER BY id"
        ).fetchall()
        configs, deck_config = _deck_configs(connection)
    cards = []
    homes: Counter[int] = Counter()
    for note_id, ordinal, did, odid, kind, queue, due, odue, data in rows:
        if note_id not in question_ids:
            continue
        homes[odid or did] += 1
        if odid:  # in a filtered deck: its own schedule is kept in odue
            due = odue or due
        moment: datetime | None = None
        if kind != TYPE_NEW:
            if queue == QUEUE_LEARN or (due and due > 1_000_000_000):  # seconds since the epoch
                moment = datetime.fromtimestamp(int(due), timezone.utc)
            else:  # days since the collection's creation, which was at its day's rollover
                moment = datetime.fromtimestamp(int(crt) + int(due) * DAY, timezone.utc)
        cards.append(AnkiCard(
            f"{deck_id}/{question_ids[note_id]}/{int(ordinal) + 1}", kind == TYPE_NEW, moment,
            queue == QUEUE_SUSPENDED, queue in (QUEUE_SCHED_BURIED, QUEUE_USER_BURIED),
            *(_memory(data) if kind != TYPE_NEW else (None, None)),
        ))
    schedule = PackageSchedule(cards)
    if homes:
        home = homes.most_common(1)[0][0]
        schedule.parameters, schedule.desired_retention = configs.get(deck_config.get(home, 1), (None, None))
    return schedule
