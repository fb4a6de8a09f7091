"""Forgetting a card across the boundary: quizmg's `cards forget` and Anki's Reset (Forget).

Both sides keep a forget as an event in their log: quizmg as a card_events row, Anki as a Manual
revlog row with no rating, no interval and no ease factor, at its time (a due date set keeps the
factor: quizmg.sync.due_dates). Its identity is its card and its time in
milliseconds (as for answers: quizmg.sync.answers), so each crosses once however often sync runs.
A card forgotten in quizmg is reset in the mirror (new again, its memory state gone, its reviews
kept), and one reset in Anki is forgotten in quizmg.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from quizmg.sync.rows import ID_SLACK_MS, chunks

if TYPE_CHECKING:
    from quizmg.store import Collection

REVLOG_MANUAL = 4
FORGET = 0  # quizmg.store.card_events.FORGET
TYPE_NEW, QUEUE_NEW, QUEUE_SUSPENDED = 0, 0, -1


@dataclass
class Resets:
    """quizmg's forgets that went into the mirror."""

    to_anki: int = 0
    mark: int = 0  # quizmg card_events up to here are in the mirror
    touched: set[str] = field(default_factory=set)


def event_times(collection: Collection, keys: Iterable[str], kind: int = FORGET) -> dict[str, list[int]]:
    """Each card's times (ms) of card events of `kind` (forgets, or set due dates) in quizmg's log."""
    found: dict[str, list[int]] = {}
    for part in chunks(sorted(set(keys))):
        for key, time in collection.connection.execute(
            "SELECT c.key, e.time FROM card_events e JOIN cards c ON c.id = e.card_id "
            f"WHERE e.kind = ? AND c.key IN ({', '.join('?' * len(part))})",
            [kind, *part],
        ):
            found.setdefault(key, []).append(time)
    return found


def near(times: Iterable[int], moment: int) -> bool:
    """True when one of `times` is the same event as `moment` (a revlog id may be moved on a little)."""
    return any(0 <= moment - time < ID_SLACK_MS for time in times)


def resets_from_anki(collection: Collection, col: Any, cards: dict[str, int], since_usn: int) -> dict[int, str]:
    """Cards reset in Anki and not yet forgotten in quizmg, by the reset's revlog id (its time):
    Manual rows without rating, interval or factor sent by the server since `since_usn`. A bare Manual row
    counts as a reset when the card is new in Anki now or was answered after it (as on import)."""
    key_of = {card_id: key for key, card_id in cards.items()}
    rows = [
        (revlog_id, card_id)
        for revlog_id, card_id in col.db.all(
            "select id, cid from revlog where usn >= ? and type = ? and ease = 0 and ivl = 0 and factor = 0 "
            "order by id",
            since_usn, REVLOG_MANUAL,
        )
        if card_id in key_of
    ]
    if not rows:
        return {}
    ids = sorted({card_id for _, card_id in rows})
    new_now: set[int] = set()
    answered_last: dict[int, int] = {}
    for part in chunks(ids):
        marks = ", ".join("?" * len(part))
        new_now.update(col.db.list(f"select id from cards where type = {TYPE_NEW} and id in ({marks})", *part))
        answered_last.update(
            col.db.all(f"select cid, max(id) from revlog where ease > 0 and cid in ({marks}) group by cid", *part)
        )
    known = event_times(collection, (key_of[card_id] for _, card_id in rows))
    found: dict[int, str] = {}
    for revlog_id, card_id in rows:
        key = key_of[card_id]
        if near(known.get(key, ()), revlog_id):
            continue
        if card_id in new_now or answered_last.get(card_id, 0) > revlog_id:
            found[revlog_id] = key
    return found


def forgets_after(collection: Collection, decks: Sequence[str], mark: int) -> list[tuple[int, str, int]]:
    """quizmg's forgets of these decks' cards after card event `mark`: (event id, card key, time ms)."""
    if not decks:
        return []
    ids = [collection.deck_id(deck) for deck in decks]
    return collection.connection.execute(
        "SELECT e.id, c.key, e.time FROM card_events e JOIN cards c ON c.id = e.card_id "
        f"WHERE e.id > ? AND e.kind = ? AND c.deck_id IN ({', '.join('?' * len(ids))}) ORDER BY e.id",
        [mark, FORGET, *ids],
    ).fetchall()


def push_resets(
    collection: Collection, col: Any, decks: Sequence[str], mark: int, cards: dict[str, int]
) -> Resets:
    """Write quizmg's forgets after card event `mark` into the mirror's revlog (usn -1: to send);
    the cards themselves are reset by reset_cards once their state is written."""
    result = Resets(mark=mark)
    events = forgets_after(collection, decks, mark)
    if not events:
        return result
    result.mark = events[-1][0]
    rows = []
    for _, key, time in events:
        card_id = cards.get(key)
        if card_id is None:
            continue
        result.touched.add(key)
        present = col.db.list(
            "select id from revlog where cid = ? and type = ? and id between ? and ?",
            card_id, REVLOG_MANUAL, time, time + ID_SLACK_MS - 1,
        )
        if present:
            continue
        revlog_id = time
        while col.db.scalar("select 1 from revlog where id = ?", revlog_id):
            revlog_id += 1
        rows.append((revlog_id, card_id))
        result.to_anki += 1
    if rows:
        col.db.executemany(
            "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
            f"values (?, ?, -1, 0, 0, 0, 0, 0, {REVLOG_MANUAL})",
            rows,
        )
    return result


def reset_cards(col: Any, card_ids: Sequence[int], now_s: int) -> int:
    """Make these mirror cards new again, as Anki's Forget does (its reviews and counts kept, its
    memory state gone, back at its first place among new cards); how many changed."""
    changed = 0
    next_position = int(col.db.scalar(f"select coalesce(max(due), 0) + 1 from cards where type = {TYPE_NEW}") or 1)
    for card_id, kind, queue, data in col.db.all(
        f"select id, type, queue, data from cards where id in ({', '.join(map(str, card_ids))})"
    ) if card_ids else []:
        if kind == TYPE_NEW:
            continue
        try:
            extra = json.loads(data or "{}")
        except ValueError:
            extra = {}
        position = extra.get("pos")
        if not isinstance(position, int):
            position, next_position = next_position, next_position + 1
        kept = {name: value for name, value in extra.items() if name not in ("s", "d", "dr", "decay", "lrt", "pos")}
        col.db.execute(
            "update cards set type = ?, queue = ?, due = ?, ivl = 0, factor = 0, left = 0, odue = 0, "
            "data = ?, mod = ?, usn = -1 where id = ?",
            TYPE_NEW, QUEUE_SUSPENDED if queue == QUEUE_SUSPENDED else QUEUE_NEW, position,
            json.dumps(kept, separators=(",", ":")) if kept else "", now_s, card_id,
        )
        changed += 1
    return changed
