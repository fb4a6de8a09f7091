"""Answers across the boundary: quizmg study answers become Anki revlog rows, Anki reviews become
quizmg answers. A review's identity on both sides is its card and its time in milliseconds (Anki's
revlog id is the review time in ms, moved on by a millisecond or two only when another card's
review already holds that id), so running either step again never writes a review twice.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from quizmg.scheduling.log_replay import LogReplayer
from quizmg.store.database import from_ms
from quizmg.store.records import MODE_CODES, Mode
from quizmg.sync.rows import ID_SLACK_MS, QUEUE_DAY_LEARN, TYPE_REVIEW, chunks, latest_and_standing

if TYPE_CHECKING:
    from quizmg.store import Collection

# Revlog kinds (rslib revlog): learning, review, relearning, filtered; beyond are not answers.
REVLOG_KIND = {0: 0, 1: 0, 2: 1, 3: 2}
REVLOG_FILTERED = 3


@dataclass
class Pushed:
    """What went from quizmg into the mirror."""

    answers: int = 0
    touched: set[str] = field(default_factory=set)
    mark: int = 0


def _deck_clause(collection: Collection, decks: Sequence[str]) -> tuple[str, list[Any]]:
    ids = [collection.deck_id(deck) for deck in decks]
    return f"c.deck_id IN ({', '.join('?' * len(ids))})", ids


def new_answers(collection: Collection, decks: Sequence[str], mark: int) -> list[tuple[int, str, int]]:
    """Study answers (review id, card key, time ms) after review id `mark`, not undone, in log order."""
    if not decks:
        return []
    clause, params = _deck_clause(collection, decks)
    return collection.connection.execute(
        "SELECT r.id, c.key, r.time FROM reviews r JOIN cards c ON c.id = r.card_id "
        f"WHERE r.id > ? AND r.mode = ? AND {clause} "
        "AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id) ORDER BY r.id",
        [mark, MODE_CODES["study"], *params],
    ).fetchall()


def _histories(collection: Collection, keys: Sequence[str]) -> dict[str, list[tuple[int, int, int, int, int]]]:
    """Each card's study answers (review id, time ms, rating, duration, phase before), time order."""
    result: dict[str, list[tuple[int, int, int, int, int]]] = defaultdict(list)
    for part in chunks(list(keys)):
        rows = collection.connection.execute(
            "SELECT c.key, r.id, r.time, r.rating, r.duration, r.phase FROM reviews r "
            "JOIN cards c ON c.id = r.card_id "
            f"WHERE c.key IN ({', '.join('?' * len(part))}) AND r.mode = ? "
            "AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id) "
            "ORDER BY r.card_id, r.time, r.id",
            [*part, MODE_CODES["study"]],
        )
        for key, *rest in rows:
            result[key].append(tuple(rest))  # type: ignore[arg-type]
    return result


def push_answers(
    collection: Collection,
    col: Any,
    decks: Sequence[str],
    mark: int,
    cards: dict[str, int],
    days_of: dict[str, Any],
) -> Pushed:
    """Write quizmg's study answers after review `mark` into the mirror's revlog (usn -1: to send)."""
    from quizmg.formats.anki.progress_out import revlog_difficulty, revlog_interval

    pushed = Pushed(mark=mark)
    answers = new_answers(collection, decks, mark)
    if not answers:
        return pushed
    pushed.mark = answers[-1][0]
    wanted = {review_id for review_id, key, _ in answers if key in cards}
    keys = sorted({key for _, key, _ in answers if key in cards})
    if not keys:
        return pushed
    times = [time for _, _, time in answers]
    # Every revlog row in the window these answers can occupy: identity and free ids in one read.
    taken: dict[int, int] = dict(
        col.db.all(
            "select id, cid from revlog where id between ? and ?", min(times), max(times) + ID_SLACK_MS
        )
    )
    by_card: dict[int, list[int]] = defaultdict(list)
    for revlog_id, card_id in sorted(taken.items()):
        by_card[card_id].append(revlog_id)
    numbers = dict(
        collection.connection.execute(
            f"SELECT key, number FROM cards WHERE key IN ({', '.join('?' * len(keys))})", keys
        ).fetchall()
    ) if len(keys) <= 900 else dict(collection.connection.execute("SELECT key, number FROM cards"))
    replayers: dict[str, LogReplayer] = {}
    rows: list[tuple[Any, ...]] = []
    for key, history in _histories(collection, keys).items():
        deck = key.split("/", 1)[0]
        replayer = replayers.get(deck)
        if replayer is None:
            replayer = replayers[deck] = LogReplayer(collection.settings(deck))
        states = replayer.states(((0, time, rating) for _, time, rating, _, _ in history), numbers[key])
        card_id = cards[key]
        last_interval = 0
        days = days_of[deck]
        for (review_id, time, rating, duration, phase), after in zip(history, states, strict=True):
            # The replay's last review is this answer's time (no second datetime built for it).
            interval = revlog_interval(after, after.last_review or from_ms(time), days)  # type: ignore[arg-type]
            if review_id in wanted and not _present(by_card.get(card_id, ()), time):
                revlog_id = time
                while revlog_id in taken:
                    revlog_id += 1
                taken[revlog_id] = card_id
                by_card.setdefault(card_id, []).append(revlog_id)
                by_card[card_id].sort()
                rows.append(
                    (revlog_id, card_id, rating, interval, last_interval,
                     revlog_difficulty(after.difficulty), max(0, duration), REVLOG_KIND[phase])
                )
            last_interval = interval
        pushed.touched.add(key)
    if rows:
        col.db.executemany(
            "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
            "values (?, ?, -1, ?, ?, ?, ?, ?, ?)",
            rows,
        )
    pushed.answers = len(rows)
    return pushed


def _present(card_revlog_ids: Sequence[int], time: int) -> bool:
    """True when the card has a revlog row for the review at `time` (its ms, or just after)."""
    index = bisect_left(card_revlog_ids, time)
    return index < len(card_revlog_ids) and card_revlog_ids[index] < time + ID_SLACK_MS


@dataclass
class Pulled:
    """What came from the mirror into quizmg."""

    answers: int = 0
    crammed: int = 0
    resets: int = 0  # cards reset in Anki, forgotten in quizmg
    due_dates: int = 0  # due dates set in Anki, set in quizmg
    late: int = 0  # older than an answer quizmg already had on the same card
    touched: set[str] = field(default_factory=set)


def _given_dues(
    col: Any, rows: Sequence[tuple[int, int, int, int, int, int]], key_of: dict[int, str],
    days_of: dict[str, Any],
) -> dict[int, datetime]:
    """revlog id -> the due time the answering device gave. A card's latest answer gives the
    card's own due in the mirror (to the second for learning cards, whose steps Anki fuzzes; to
    Anki's day for review cards); earlier ones, and cards now in a filtered deck (whose due is a
    place in it), their row's interval (days, or -seconds)."""
    from datetime import timedelta

    latest, standing = latest_and_standing(col, (row[1] for row in rows))
    given: dict[int, datetime] = {}
    for revlog_id, card_id, _ease, _taken, _kind, interval in rows:
        when = from_ms(revlog_id)
        assert when is not None
        card = standing.get(card_id)
        if latest.get(card_id) == revlog_id and card is not None and card[0] > 0:
            card_type, queue, due = card
            if card_type == TYPE_REVIEW or queue == QUEUE_DAY_LEARN:
                given[revlog_id] = days_of[key_of[card_id].split("/", 1)[0]].moved_to(when, int(due))
            else:
                given[revlog_id] = from_ms(int(due) * 1000)  # type: ignore[assignment]
        elif interval > 0:
            given[revlog_id] = when + timedelta(days=interval)
        elif interval < 0:
            given[revlog_id] = when + timedelta(seconds=-interval)
    return given


RESET, DUE_DATE = -1, -2  # a reset, a due date set, among the answers pulled (not revlog kinds)


def _with_events(
    rows: list[tuple[int, int, int, int, int, int]], resets: dict[int, str],
    due_dates: dict[int, tuple[str, datetime]], cards: dict[str, int],
) -> list[tuple[int, int, int, int, int, int]]:
    """The answer rows, the resets (as rows of kind RESET) and the due dates set (DUE_DATE), in
    time order."""
    marked = [(revlog_id, cards[key], 0, 0, RESET, 0) for revlog_id, key in resets.items()]
    marked += [(revlog_id, cards[key], 0, 0, DUE_DATE, 0) for revlog_id, (key, _) in due_dates.items()]
    return sorted([*rows, *marked])


def pull_answers(
    collection: Collection, col: Any, cards: dict[str, int], since_usn: int,
    days_of: dict[str, Any], device: str,
) -> Pulled:
    """Record the mirror's reviews made elsewhere (usn >= `since_usn`) as quizmg answers, oldest first,
    each once: a review already in quizmg's log (same card, same ms) is not recorded again. Each
    says where it was made (`device`) and the due time the device gave (quizmg.store.origins)."""
    from quizmg.store.card_events import forget, set_due
    from quizmg.sync.due_dates import due_dates_from_anki
    from quizmg.sync.resets import resets_from_anki

    pulled = Pulled()
    key_of = {card_id: key for key, card_id in cards.items()}
    resets = resets_from_anki(collection, col, cards, since_usn)
    due_dates = due_dates_from_anki(collection, col, cards, since_usn, days_of)
    rows = [
        row
        for row in col.db.all(
            "select id, cid, ease, time, type, ivl from revlog where usn >= ? order by id", since_usn
        )
        if row[1] in key_of and row[4] <= REVLOG_FILTERED and 1 <= row[2] <= 4
    ]
    if not rows and not resets and not due_dates:
        return pulled
    keys = sorted({key_of[row[1]] for row in rows})
    known: dict[str, set[int]] = defaultdict(set)
    for part in chunks(keys):
        for key, time in collection.connection.execute(
            "SELECT c.key, r.time FROM reviews r JOIN cards c ON c.id = r.card_id "
            f"WHERE c.key IN ({', '.join('?' * len(part))})",
            part,
        ):
            known[key].add(time)
    fresh = [row for row in rows if not any(row[0] - slack in known[key_of[row[1]]] for slack in range(ID_SLACK_MS))]
    given = _given_dues(col, fresh, key_of, days_of)
    # Answers, resets and due dates in the order they were made: a reset forgets the answers before
    # it only, and an answer after a due date set schedules the card afresh.
    for revlog_id, card_id, ease, taken_ms, kind, _interval in _with_events(fresh, resets, due_dates, cards):
        key = key_of[card_id]
        if kind in (RESET, DUE_DATE):
            when = from_ms(revlog_id)
            assert when is not None
            if kind == RESET:
                forget(collection, [key], when)
                pulled.resets += 1
            else:
                pulled.due_dates += set_due(collection, {key: due_dates[revlog_id][1]}, when)[0]
            pulled.touched.add(key)
            continue
        # One older than the card's latest answer in quizmg takes its place by its time (the store
        # replays the card); reported, so the learner knows.
        pulled.late += any(time > revlog_id for time in known[key])
        mode: Mode = "cram" if kind == REVLOG_FILTERED else "study"
        when = from_ms(revlog_id)
        assert when is not None
        collection.record_answer(
            key, int(ease), when, mode=mode, duration_ms=max(0, int(taken_ms or 0)), device=device,
            device_due=given.get(revlog_id) if mode == "study" else None,
        )
        known[key].add(revlog_id)
        pulled.answers += 1
        pulled.crammed += mode == "cram"
        pulled.touched.add(key)
    return pulled
