"""The study queue: learning cards when due, then reviews (most overdue first, by
retrievability) with new cards spread evenly among them.

Limits per study day come from the log itself (new cards introduced and reviews done since
the day began), so they survive restarts and are shared by concurrent sessions. A question's
other cards (siblings) wait until the next study day once one of them was answered today,
derived from the log too: undoing the answer brings the sibling straight back.

A study session may also say which questions give each other away (`keep_apart`): a new card
whose question is related to one already studied or gathered today waits, like a sibling,
while other new cards are near enough to take its place (the first `DEFER_SCAN` new cards of
the deck); it is taken after all when nothing else fills the day's limit. The number of new
cards is the same with or without it, so every count agrees with the session's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from collections.abc import Collection as Sized
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from quizmg.scheduling.days import day_start, study_day
from quizmg.scheduling.memory import CardPhase
from quizmg.scheduling.settings import Settings
from quizmg.store.database import from_ms, to_ms
from quizmg.store.records import MODE_CODES, DueCounts, QueuedCard, QueueReason, stored_phase

if TYPE_CHECKING:
    from quizmg.store.collection import Collection

# Rows are fetched in chunks: siblings and buried cards are skipped, so a little more than the
# limit is read; most queues need a single chunk.
CHUNK_SLACK = 64
# How many of a deck's new cards (in deck order) are looked at before a related card is taken anyway.
DEFER_SCAN = 200

# (deck, question id, question ids studied or gathered today in that deck, those of them new
# today) -> True when the question should wait: related to one of them (see quizmg.study.live_queue).
KeepApart = Callable[[str, str, Sized[str], Sized[str]], bool]

SELECT_CARD = (
    "SELECT c.id, c.key, c.number, c.deck_id, c.question_id, c.ordinal, c.phase, c.due, "
    "c.buried_until FROM cards c"
)


@dataclass
class _DeckDay:
    """One deck's settings and study day, and what was already done in it."""

    id: int
    name: str
    settings: Settings
    today: date
    start_ms: int
    tomorrow_ms: int
    new_done: int = 0
    reviews_done: int = 0
    new_left: int = 0
    reviews_left: int = 0
    # Question -> its cards studied or gathered today: they hold back the question's other cards.
    questions_seen: dict[str, set[int]] = field(default_factory=dict)
    questions_today: set[str] = field(default_factory=set)  # studied or gathered, siblings buried or not
    new_today: set[str] = field(default_factory=set)  # of those, the ones first seen today


def _deck_days(collection: Collection, now: datetime, decks: Iterable[str] | None) -> list[_DeckDay]:
    if decks is None:
        rows = collection.connection.execute("SELECT id, name FROM decks ORDER BY name").fetchall()
    else:
        rows = [(collection.deck_id(name), name) for name in dict.fromkeys(decks)]
    result = []
    for deck_id, name in rows:
        settings = collection.settings(name)
        today = study_day(now, settings)
        result.append(
            _DeckDay(
                deck_id,
                name,
                settings,
                today,
                to_ms(day_start(today, settings)),
                to_ms(day_start(today + timedelta(days=1), settings)),
            )
        )
    return result


def _count_today(collection: Collection, days: dict[int, _DeckDay]) -> None:
    """Fill each deck's done counts and answered questions from today's study reviews."""
    earliest = min(day.start_ms for day in days.values())
    rows = collection.connection.execute(
        "SELECT c.deck_id, c.question_id, r.phase, r.time, c.id FROM reviews r "
        "JOIN cards c ON c.id = r.card_id WHERE r.time >= ? AND r.mode = ? "
        "AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id)",
        (earliest, MODE_CODES["study"]),
    )
    for deck_id, question_id, phase, time, card_id in rows:
        day = days.get(deck_id)
        if day is None or time < day.start_ms:
            continue
        if phase == CardPhase.NEW:
            day.new_done += 1
            day.new_today.add(question_id)
        elif phase == CardPhase.REVIEW:
            day.reviews_done += 1
        day.questions_seen.setdefault(question_id, set()).add(card_id)
        day.questions_today.add(question_id)
    for day in days.values():
        day.new_left = max(0, day.settings.new_per_day - day.new_done)
        day.reviews_left = max(0, day.settings.reviews_per_day - day.reviews_done)
        if not day.settings.bury_siblings:
            day.questions_seen.clear()


def _entry(row: tuple[Any, ...], deck: _DeckDay, reason: QueueReason) -> QueuedCard:
    return QueuedCard(
        key=row[1],
        number=row[2],
        deck=deck.name,
        question_id=row[4],
        ordinal=row[5],
        reason=reason,
        phase=stored_phase(row[6]),
        due=from_ms(row[7]),
    )


def _buried(row: tuple[Any, ...], deck: _DeckDay) -> bool:
    return row[8] is not None and row[8] > deck.today.toordinal()


def _take(deck: _DeckDay, row: tuple[Any, ...]) -> bool:
    """True if the card may join the queue; marks its question as seen today."""
    if _buried(row, deck) or _sibling_seen(deck, row):
        return False
    if deck.settings.bury_siblings:
        deck.questions_seen.setdefault(row[4], set()).add(row[0])
    deck.questions_today.add(row[4])
    return True


def _sibling_seen(deck: _DeckDay, row: tuple[Any, ...]) -> bool:
    """True when another card of the row's question was studied or gathered today (a card is
    never held back by its own answers: a forgotten card is new again the same day)."""
    seen = deck.questions_seen.get(row[4])
    return seen is not None and row[0] not in seen


def _in_decks(days: dict[int, _DeckDay]) -> tuple[str, list[int]]:
    ids = list(days)
    return f"c.deck_id IN ({', '.join('?' * len(ids))})", ids


def _learning(collection: Collection, now_ms: int, days: dict[int, _DeckDay]) -> list[QueuedCard]:
    deck_clause, ids = _in_decks(days)
    rows = collection.connection.execute(
        f"{SELECT_CARD} WHERE c.retired = 0 AND c.suspended = 0 AND c.phase > 0 "
        f"AND c.phase IN (1, 3) AND c.due <= ? AND {deck_clause} ORDER BY c.due, c.id",
        (now_ms, *ids),
    )
    queue = []
    for row in rows:
        deck = days[row[3]]
        if _buried(row, deck):
            continue
        # Learning cards are never held back by their siblings, but they do hold their siblings.
        if deck.settings.bury_siblings:
            deck.questions_seen.setdefault(row[4], set()).add(row[0])
        deck.questions_today.add(row[4])
        queue.append(_entry(row, deck, "learning"))
    return queue


def _reviews(collection: Collection, now_ms: int, days: dict[int, _DeckDay]) -> list[QueuedCard]:
    wanted = sum(day.reviews_left for day in days.values())
    if not wanted:
        return []
    deck_clause, ids = _in_decks(days)
    latest_due = max(day.tomorrow_ms for day in days.values())
    # FSRS retrievability falls as (time since last review) / stability grows, for any weights,
    # so ordering by that ratio is ordering by retrievability, lowest first, inside SQLite.
    # Ranked on the covering index cards_due alone; the chosen cards' details come after.
    ranking = (
        "SELECT c.id FROM cards c WHERE c.retired = 0 AND c.suspended = 0 AND c.phase > 0 "
        f"AND c.phase = 2 AND c.due < ? AND {deck_clause} "
        "ORDER BY CAST(? - c.last_review AS REAL) / c.stability DESC, c.id LIMIT ? OFFSET ?"
    )
    queue: list[QueuedCard] = []
    offset = 0
    chunk = min(wanted * 2 + CHUNK_SLACK, 5000)  # SQLite allows 32766 bound parameters
    while len(queue) < wanted:
        ranked = [row[0] for row in collection.connection.execute(
            ranking, (latest_due, *ids, now_ms, chunk, offset)
        )]
        details = {
            row[0]: row
            for row in collection.connection.execute(
                f"{SELECT_CARD} WHERE c.id IN ({', '.join('?' * len(ranked))})", ranked
            )
        } if ranked else {}
        for card_id in ranked:
            row = details[card_id]
            deck = days[row[3]]
            if deck.reviews_left and row[7] < deck.tomorrow_ms and _take(deck, row):
                deck.reviews_left -= 1
                queue.append(_entry(row, deck, "review"))
        if len(ranked) < chunk:
            break
        offset += chunk
    return queue


def _new(
    collection: Collection,
    days: dict[int, _DeckDay],
    allowance: int | None = None,
    keep_apart: KeepApart | None = None,
) -> list[QueuedCard]:
    """New cards in deck order; `allowance` (when given) replaces the daily limits: at most that
    many new cards in all, whatever was already introduced today (Anki's custom study).
    With `keep_apart`, a card related to today's questions waits while others can be taken."""
    queue: list[QueuedCard] = []
    for deck in days.values():
        if allowance is not None:
            deck.new_left = max(0, allowance - len(queue))
        offset = 0
        chunk = deck.new_left * 2 + CHUNK_SLACK
        waiting: list[tuple[Any, ...]] = []  # related to today's questions: taken last, if need be
        while deck.new_left:
            rows = collection.connection.execute(
                f"{SELECT_CARD} WHERE c.retired = 0 AND c.suspended = 0 AND c.phase = 0 "
                "AND c.deck_id = ? ORDER BY c.position LIMIT ? OFFSET ?",
                (deck.id, chunk, offset),
            ).fetchall()
            for scanned, row in enumerate(rows, start=offset):
                if not deck.new_left:
                    break
                if (
                    keep_apart is not None
                    and scanned < DEFER_SCAN
                    and not _buried(row, deck)
                    and not _sibling_seen(deck, row)
                    and keep_apart(deck.name, row[4], deck.questions_today, deck.new_today)
                ):
                    waiting.append(row)
                elif _take(deck, row):
                    deck.new_left -= 1
                    deck.new_today.add(row[4])
                    queue.append(_entry(row, deck, "new"))
            if len(rows) < chunk:
                break
            offset += chunk
        for row in waiting:
            if deck.new_left and _take(deck, row):
                deck.new_left -= 1
                queue.append(_entry(row, deck, "new"))
    return queue


def interleave(reviews: list[QueuedCard], new: list[QueuedCard]) -> list[QueuedCard]:
    """New cards spread evenly among the reviews (a new card after every few reviews)."""
    if not reviews or not new:
        return reviews + new
    merged: list[QueuedCard] = []
    total = len(reviews) + len(new)
    review_index = new_index = 0
    for position in range(total):
        # Place new card k where it keeps pace with (k + 1) / (len(new) + 1) of the queue.
        due_new = (new_index + 1) * total / (len(new) + 1)
        if new_index < len(new) and (position + 1 >= due_new or review_index >= len(reviews)):
            merged.append(new[new_index])
            new_index += 1
        else:
            merged.append(reviews[review_index])
            review_index += 1
    return merged


def build_queue(
    collection: Collection,
    now: datetime,
    decks: Iterable[str] | None = None,
    *,
    new_allowance: int | None = None,
    keep_apart: KeepApart | None = None,
) -> list[QueuedCard]:
    """The cards to study now, in the order to show them.

    `new_allowance` replaces the decks' daily new-card limits with one total (`study --new N`);
    `keep_apart` holds back new cards related to today's questions (see the module's docstring).
    """
    days = {day.id: day for day in _deck_days(collection, now, decks)}
    if not days:
        return []
    now_ms = to_ms(now)
    _count_today(collection, days)
    learning = _learning(collection, now_ms, days)
    reviews = _reviews(collection, now_ms, days)
    new = _new(collection, days, new_allowance, keep_apart)
    return learning + interleave(reviews, new)


def due_counts(
    collection: Collection, now: datetime, decks: Iterable[str] | None = None
) -> DueCounts:
    """What the queue holds now, and when the next scheduled card falls due after now."""
    queue = build_queue(collection, now, decks)
    counts = {"learning": 0, "review": 0, "new": 0}
    for card in queue:
        counts[card.reason] += 1
    days = _deck_days(collection, now, decks)
    next_due = None
    if days:
        ids = [day.id for day in days]
        row = collection.connection.execute(
            "SELECT min(c.due) FROM cards c WHERE c.retired = 0 AND c.suspended = 0 "
            f"AND c.phase > 0 AND c.due > ? AND c.deck_id IN ({', '.join('?' * len(ids))})",
            (to_ms(now), *ids),
        ).fetchone()
        next_due = from_ms(row[0])
    return DueCounts(counts["learning"], counts["review"], counts["new"], next_due)


def learning_ahead(
    collection: Collection, now: datetime, until: datetime, decks: Iterable[str] | None = None
) -> list[QueuedCard]:
    """Learning and relearning cards due after `now` and by `until`, earliest first: what a
    session may show early when nothing else is left (Anki's learn-ahead limit)."""
    days = {day.id: day for day in _deck_days(collection, now, decks)}
    if not days:
        return []
    deck_clause, ids = _in_decks(days)
    # `phase > 0` lets SQLite use the partial index cards_due (it cannot tell that IN (1, 3) implies it).
    rows = collection.connection.execute(
        f"{SELECT_CARD} WHERE c.retired = 0 AND c.suspended = 0 AND c.phase > 0 AND c.phase IN (1, 3) "
        f"AND c.due > ? AND c.due <= ? AND {deck_clause} ORDER BY c.due, c.id",
        (to_ms(now), to_ms(until), *ids),
    )
    return [_entry(row, days[row[3]], "learning") for row in rows if not _buried(row, days[row[3]])]
