"""What both logs share: an event's identity across the boundary, reading rows in chunks, and where a
mirror card stands."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

# An event (an answer, a reset) is its card and its time in ms. Anki's revlog id is that time,
# moved on by a millisecond or two only when another card's row already holds the id: a row may
# sit this many ms after its event's time.
ID_SLACK_MS = 50
# SQLite bounds the number of parameters of one statement.
CHUNK = 500


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    """`items` in slices of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start : start + size]


# Anki card types and queues whose `due` is a day number (review cards; learning across days).
TYPE_REVIEW, QUEUE_DAY_LEARN = 2, 3


def latest_and_standing(
    col: Any, card_ids: Iterable[int]
) -> tuple[dict[int, int], dict[int, tuple[int, int, int]]]:
    """For these mirror cards: each one's latest revlog id, and its (type, queue, due) where it is
    in its home deck (a card in a filtered deck has a place there for its due, and is left out)."""
    latest: dict[int, int] = {}
    standing: dict[int, tuple[int, int, int]] = {}
    for part in chunks(sorted(set(card_ids))):
        marks = ", ".join("?" * len(part))
        latest.update(col.db.all(f"select cid, max(id) from revlog where cid in ({marks}) group by cid", *part))
        for card_id, kind, queue, due in col.db.all(
            f"select id, type, queue, due from cards where odid = 0 and id in ({marks})", *part
        ):
            standing[card_id] = (kind, queue, due)
    return latest, standing
