"""Due dates set in Anki (its Set Due Date), brought into quizmg as its own "set due date" events.

Anki logs one as a Manual revlog row with no rating that keeps the card's ease factor (or FSRS
difficulty) and its new interval, 0 for a card that was learning (a reset is the same row with the
factor cleared: quizmg.sync.resets). While no answer has followed it, the card's due day in
the mirror is the day the learner chose; quizmg records the event at the row's time, so a later
answer schedules the card afresh on both sides, as in Anki. A new card given a date in Anki has no
schedule in quizmg to move and stays new there (quizmg.store.card_events.set_due).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any

from quizmg.store.card_events import SET_DUE
from quizmg.store.database import from_ms
from quizmg.sync.resets import REVLOG_MANUAL, event_times, near
from quizmg.sync.rows import TYPE_REVIEW, latest_and_standing

if TYPE_CHECKING:
    from quizmg.store import Collection


def due_dates_from_anki(
    collection: Collection, col: Any, cards: dict[str, int], since_usn: int, days_of: dict[str, Any]
) -> dict[int, tuple[str, datetime]]:
    """Due dates set in Anki and not yet in quizmg, by the row's revlog id (its time): the card's
    key and the due time, sent by the server since `since_usn`."""
    key_of = {card_id: key for key, card_id in cards.items()}
    rows = [
        (revlog_id, card_id, interval)
        for revlog_id, card_id, interval in col.db.all(
            "select id, cid, ivl from revlog where usn >= ? and type = ? and ease = 0 and factor > 0 order by id",
            since_usn, REVLOG_MANUAL,
        )
        if card_id in key_of
    ]
    if not rows:
        return {}
    latest, standing = latest_and_standing(col, (card_id for _, card_id, _ in rows))
    known = event_times(collection, (key_of[card_id] for _, card_id, _ in rows), SET_DUE)
    found: dict[int, tuple[str, datetime]] = {}
    for revlog_id, card_id, interval in rows:
        key = key_of[card_id]
        if near(known.get(key, ()), revlog_id):
            continue
        when = from_ms(revlog_id)
        assert when is not None
        card = standing.get(card_id)
        if latest.get(card_id) == revlog_id and card is not None and card[0] == TYPE_REVIEW:
            # The date the learner chose, as the mirror holds it (Anki's interval for "today" is 1).
            due = days_of[key.split("/", 1)[0]].moved_to(when, int(card[2]))
        else:
            due = when + timedelta(days=interval)  # answered since: only history
        found[revlog_id] = (key, due)
    return found
