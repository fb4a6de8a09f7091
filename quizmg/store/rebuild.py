"""Rebuilding the card-state cache from the review log, the truth it is derived from."""

from __future__ import annotations

from itertools import groupby
from operator import itemgetter
from typing import TYPE_CHECKING, Any

from quizmg.scheduling.log_replay import LogReplayer
from quizmg.scheduling.memory import NEW_CARD, CardState
from quizmg.store.answers import UPDATE_STATE, is_leech
from quizmg.store.card_events import card_rows, events_by_card, replay_with_events
from quizmg.store.card_rows import state_columns
from quizmg.store.database import write_transaction
from quizmg.store.memory_states import memory_by_card
from quizmg.store.origins import given_dues, with_given_due
from quizmg.store.records import MODE_CODES, RebuildReport

if TYPE_CHECKING:
    from quizmg.scheduling.settings import Settings
    from quizmg.store.collection import Collection


def replayed_states(collection: Collection) -> tuple[dict[int, CardState], int]:
    """Every card's state from its scheduling reviews, by card id; and how many reviews were used."""
    db = collection.connection
    replayers: dict[str, LogReplayer] = {}
    cards: dict[int, tuple[int, LogReplayer]] = {}
    for card_id, number, deck in db.execute(
        "SELECT c.id, c.number, d.name FROM cards c JOIN decks d ON d.id = c.deck_id"
    ):
        replayer = replayers.get(deck)
        if replayer is None:
            replayer = replayers[deck] = LogReplayer(collection.settings(deck))
        cards[card_id] = (number, replayer)
    # The reviews_by_card index hands the rows over grouped by card and in log order, without a
    # sort in SQLite; each card's few rows are put in time order on the way into its replay.
    rows = db.execute(
        "SELECT r.card_id, r.time, r.rating FROM reviews r WHERE r.mode = ? "
        "AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id) "
        "ORDER BY r.card_id, r.id",
        (MODE_CODES["study"],),
    )
    states = dict.fromkeys(cards, NEW_CARD)
    given = given_dues(db)
    used = 0
    by_time = itemgetter(1)
    for card_id, reviews in groupby(rows, itemgetter(0)):
        number, replayer = cards[card_id]
        # Folded in time order: an answer synced in late from another device takes its place by
        # its time (sorted() is stable, and a card's log is nearly always in time order already).
        state = replayer.replay(sorted(reviews, key=by_time), number)
        state = states[card_id] = with_given_due(state, given.get(card_id))
        used += state.reps
    # Cards forgotten, given a due date or a memory state replay with those events (a few: read apart).
    events_of = events_by_card(db)
    memory = memory_by_card(db)
    for card_id in sorted(events_of.keys() | memory.keys()):
        if card_id in cards:
            number, replayer = cards[card_id]
            used -= states[card_id].reps
            states[card_id] = replay_with_events(
                card_rows(db, card_id), events_of.get(card_id, []), replayer.settings, number,
                given.get(card_id), memory.get(card_id),
            )
            used += states[card_id].reps
    return states, used


def rebuild(collection: Collection, *, write: bool = True) -> RebuildReport:
    """Replay the whole log; report cards whose cache differs and, if asked, rewrite them."""
    if not write:
        return _rebuild(collection, write=False)
    # Read and rewrite under one write lock, so no answer recorded meanwhile is overwritten.
    with write_transaction(collection.connection):
        return _rebuild(collection, write=True)


def _rebuild(collection: Collection, *, write: bool) -> RebuildReport:
    db = collection.connection
    states, used = replayed_states(collection)
    settings_of: dict[str, Settings] = {}
    differing: list[tuple[int, str, tuple[Any, ...], bool]] = []
    for card_id, key, deck, leech, *stored in db.execute(
        "SELECT c.id, c.key, d.name, c.leech, c.phase, c.step, c.stability, c.difficulty, "
        "c.due, c.last_review, c.reps, c.lapses FROM cards c JOIN decks d ON d.id = c.deck_id"
    ):
        settings = settings_of.get(deck)
        if settings is None:
            settings = settings_of[deck] = collection.settings(deck)
        state = states.get(card_id)
        if state is None:  # synced after the replay read the cards (a check without the lock)
            continue
        # Compared as stored (times in whole ms): what the cache holds is what must agree.
        columns = state_columns(state)
        new_leech = is_leech(state, settings)
        if tuple(stored) != columns or bool(leech) != new_leech:
            differing.append((card_id, key, columns, new_leech))
    if write and differing:
        db.executemany(
            UPDATE_STATE,
            [(*columns, int(leech), card_id) for card_id, _, columns, leech in differing],
        )
    return RebuildReport(
        cards=len(states),
        reviews=used,
        differing=sorted(key for _, key, _, _ in differing),
        written=write and bool(differing),
    )
