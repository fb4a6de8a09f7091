"""Card state and suspensions across the boundary.

A card's schedule in the mirror is always quizmg's replay of the merged log with the learner's
parameters (due day, interval, FSRS memory state), written after every review either side made;
a suspension made on either side since the last sync wins, and reaches the other side.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quizmg.scheduling.memory import CardPhase

if TYPE_CHECKING:
    from quizmg.scheduling.settings import Settings
    from quizmg.store import CardRecord, Collection

QUEUE_SUSPENDED = -1
# The queue a card of each type returns to when unsuspended (relearning cards sit in learning).
QUEUE_OF_TYPE = {0: 0, 1: 1, 2: 2, 3: 1}


# Beyond this many cards, read whole decks at once rather than card by card.
BULK = 1000


def _records(collection: Collection, keys: set[str]) -> list[CardRecord]:
    if len(keys) <= BULK:
        return [collection.card(key) for key in sorted(keys)]
    decks = sorted({key.split("/", 1)[0] for key in keys})
    return [card for deck in decks for card in collection.cards(deck) if card.key in keys]


def write_states(
    collection: Collection,
    col: Any,
    keys: Iterable[str],
    cards: dict[str, int],
    days_of: dict[str, Any],
    settings_of: dict[str, Settings],
    now_s: int,
) -> int:
    """Write quizmg's state of these cards into the mirror (where it differs); how many changed."""
    from quizmg.formats.anki.progress_out import CardProgress, card_columns

    wanted: dict[int, dict[str, Any]] = {}
    for record in _records(collection, {key for key in keys if key in cards}):
        if record.state.phase is CardPhase.NEW:
            continue
        progress = CardProgress(
            record.deck, record.question_id, record.ordinal, record.state, record.suspended, (),
            settings_of[record.deck],
        )
        wanted[cards[record.key]] = card_columns(progress, days_of[record.deck])
    if not wanted:
        return 0
    names = sorted({name for columns in wanted.values() for name in columns})
    ids = list(wanted)
    current: dict[int, dict[str, Any]] = {}
    for start in range(0, len(ids), 500):
        part = ids[start : start + 500]
        for row in col.db.all(
            f"select id, {', '.join(names)} from cards where id in ({', '.join('?' * len(part))})", *part
        ):
            current[row[0]] = dict(zip(names, row[1:], strict=True))
    updates: dict[tuple[str, ...], list[tuple[Any, ...]]] = {}
    for card_id, columns in wanted.items():
        have = current.get(card_id)
        if have is None or all(have[name] == value for name, value in columns.items()):
            continue
        updates.setdefault(tuple(columns), []).append((*columns.values(), now_s, card_id))
    for columns_names, rows in updates.items():
        assignments = ", ".join(f"{name} = ?" for name in columns_names)
        col.db.executemany(f"update cards set {assignments}, mod = ?, usn = -1 where id = ?", rows)
    return sum(len(rows) for rows in updates.values())


@dataclass
class Suspensions:
    """Suspensions that crossed, each way."""

    to_quizmg: int = 0
    to_anki: int = 0
    now_suspended: frozenset[str] = frozenset()


def merge_suspensions(
    collection: Collection, col: Any, cards: dict[str, int], before: set[str], now_s: int
) -> Suspensions:
    """Each card's suspension: the side that changed it since the last sync wins (`before` is the
    set of suspended keys then); both sides end with the same value."""
    result = Suspensions()
    decks = sorted({key.split("/", 1)[0] for key in cards})
    quizmg_side = {
        key
        for (key,) in collection.connection.execute(
            "SELECT c.key FROM cards c JOIN decks d ON d.id = c.deck_id "
            f"WHERE c.suspended = 1 AND d.name IN ({', '.join('?' * len(decks))})",
            decks,
        )
        if key in cards
    }
    key_of = {card_id: key for key, card_id in cards.items()}
    anki_side = {
        key_of[card_id]
        for card_id, queue in col.db.all("select id, queue from cards where queue = ?", QUEUE_SUSPENDED)
        if card_id in key_of and queue == QUEUE_SUSPENDED
    }
    final: set[str] = set()
    for key in cards:
        was, in_quizmg, in_anki = key in before, key in quizmg_side, key in anki_side
        wanted = in_quizmg if in_quizmg != was else in_anki
        if wanted:
            final.add(key)
        if in_quizmg != wanted:
            collection.set_suspended([key], wanted)
            result.to_quizmg += 1
        if in_anki != wanted:
            if wanted:
                col.db.execute(
                    "update cards set queue = ?, mod = ?, usn = -1 where id = ?", QUEUE_SUSPENDED, now_s, cards[key]
                )
            else:
                (kind,) = col.db.first("select type from cards where id = ?", cards[key])
                col.db.execute(
                    "update cards set queue = ?, mod = ?, usn = -1 where id = ?",
                    QUEUE_OF_TYPE.get(kind, 0), now_s, cards[key],
                )
            result.to_anki += 1
    result.now_suspended = frozenset(final)
    return result
