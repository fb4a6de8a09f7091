"""The collection at scale: 100,000 cards and 1,000,000 reviews, generated here.

Run: python benchmarks/bench_scale.py [--cards N] [--reviews N] [--runs N] [--replay-runs N]
                                      [--compare-cards N] [--no-anki]

Measures, each as the median of several runs, beside its target:
  - building the due queue (collection.queue(now))                      target <= 10 ms
  - recording an answer durably (one committed, fsynced transaction)    target <= 2 ms
  - replaying the whole review log into the card-state cache            target <= 10 s
  - database size per review                                            target <= 120 bytes
  - the next card of a running session (the live queue: the collection asked afresh, new cards
    kept apart by their questions), after 100 answers today            target <= 10 ms
  - the card browser (`quizmg cards`): each search of its help as the command answers it, the
    table and `--json` (each the first 500 cards, its count said), the slowest search's median
                                                                      target <= 300 ms
  - every card as JSON (`--json --all`, a bulk export), beside them, no target
and, where the `anki` package is installed, Anki's own first queue (col.sched.get_queued_cards())
on an Anki collection of the same number of cards, built in the same run.

The log is generated as plain rows (card, time, rating); the card states are then computed by the
first full replay, which is also the replay measurement (with the spread of the runs: the machine
is shared, so one run alone says little). The replay's cost per review is then compared, on the
logs of the first --compare-cards cards, between the fast replay the store uses and the reference
path (scheduler.apply_review folded over the reviews as datetimes, which a rebuild used before).
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import datetime, timedelta, timezone
from itertools import groupby
from operator import itemgetter
from pathlib import Path

from quizmg.model import CardRef
from quizmg.scheduling.log_replay import LogReplayer
from quizmg.scheduling.memory import NEW_CARD
from quizmg.scheduling.scheduler import apply_review
from quizmg.store import Collection, open_collection
from quizmg.store.database import from_ms, to_ms, write_transaction

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)
DAY_MS = 86_400_000


def generate(path: Path, cards: int, reviews: int, seed: int = 1) -> Collection:
    """A collection with one deck of `cards` cards and `reviews` study reviews spread over a year."""
    collection = open_collection(path, NOW, daily_backup=False)
    db = collection.connection
    collection.set_setting("timezone", "UTC")
    chance = random.Random(seed)
    per_card = reviews // cards
    extra = reviews - per_card * cards
    start = to_ms(NOW - timedelta(days=365))
    with write_transaction(db):
        db.execute(
            "INSERT INTO decks (name, path, title, content_hash, questions, registered_at, synced_at) "
            "VALUES ('scale', NULL, 'Scale test', 'generated', ?, ?, ?)",
            (cards, start, start),
        )
        deck_id = db.execute("SELECT id FROM decks WHERE name = 'scale'").fetchone()[0]
        db.executemany(
            "INSERT INTO cards (key, number, deck_id, question_id, ordinal, position) "
            "VALUES (?, ?, ?, ?, 1, ?)",
            (
                (ref.key, ref.number, deck_id, ref.question_id, index)
                for index, ref in enumerate(CardRef("scale", f"q{i}", 1) for i in range(cards))
            ),
        )
    rows = []
    now_ms = to_ms(NOW)
    # A realistic shape: every 25th card is still new (its neighbour has twice the reviews);
    # gaps between reviews grow, a lapse shrinks them; each history ends some days before now.
    for card_id in range(1, cards + 1):
        count = per_card + (1 if card_id <= extra else 0)
        if card_id % 25 == 0:
            continue
        if card_id % 25 == 24:
            count *= 2
        ratings = chance.choices((1, 2, 3, 4), (8, 7, 75, 10), k=count)
        ratings[-1] = 3  # a session ends with the card recalled, as learning steps ensure
        gaps = [DAY_MS // 144]  # ten minutes: the first learning step
        for rating in ratings[:-1]:
            grown = DAY_MS // 2 if rating == 1 else int(gaps[-1] * chance.uniform(1.8, 3.2))
            gaps.append(min(grown, 90 * DAY_MS))
        moment = now_ms - chance.randrange(DAY_MS // 2, 40 * DAY_MS) - sum(gaps[1:])
        for index, rating in enumerate(ratings):
            if index:
                moment += gaps[index]
            rows.append((card_id, moment, rating, chance.randrange(2_000, 20_000), 0,
                         0 if index == 0 else 2))
    with write_transaction(db):
        db.executemany(
            "INSERT INTO reviews (card_id, time, rating, duration, mode, phase) VALUES (?, ?, ?, ?, ?, ?)",
            rows,
        )
    return collection


CARD_SEARCHES = ("", "is:new", "is:learning", "is:review", "is:due", "is:suspended", "is:buried",
                 "is:leech", "mech:m7", "tag:t3", "kind:cloze", "target 42", "deck:scale -is:new is:due tag:t1",
                 "-tag:t1 -mech:m2*")


def question_facts(count: int) -> dict:  # type: ignore[type-arg]
    """Question facts (prompt, kind, mechanism, tags) for the generated deck's questions, as a
    loaded deck file would give them."""
    from quizmg.store.card_query import QuestionFacts

    return {
        f"q{i}": QuestionFacts(f"What does agent {i} do to target {i % 1000}?",
                               "cloze" if i % 7 == 0 else "basic", f"m{i % 100}",
                               frozenset({f"t{i % 10}", "scale"}))
        for i in range(count)
    }


def browse_cards_ms(collection: Collection, runs: int) -> tuple[dict[str, tuple[float, float]], float]:
    """Median ms of each card-browser search as `quizmg cards SEARCH` answers it, as the table and
    as `--json` (both the first 500 cards, the command's window: the count, the cards, the lines
    or the JSON text), and of `--json --all` with no search (every card: a bulk export)."""
    import json

    from quizmg.cli.cards_command import TABLE_LIMIT, card_object, table_lines
    from quizmg.store.card_query import CardQuery, parse_query, select_cards

    db = collection.connection
    with write_transaction(db):  # some of every state the searches ask for
        db.execute("UPDATE cards SET suspended = 1 WHERE id % 50 = 7")
        db.execute("UPDATE cards SET leech = 1 WHERE id % 97 = 3")
        db.execute("UPDATE cards SET buried_until = ? WHERE id % 101 = 5", (NOW.date().toordinal() + 1,))
    facts = question_facts(db.execute("SELECT count(*) FROM cards").fetchone()[0])

    def facts_of(deck: str) -> dict:  # type: ignore[type-arg]
        return facts

    def as_json(query: CardQuery, limit: int | None) -> str:
        found = select_cards(collection, query, NOW, facts_of=facts_of if query.needs_facts else None, limit=limit)
        objects = [card_object(card, NOW, facts.get(card.question_id)) for card in found.cards]
        return json.dumps(objects, indent=2, ensure_ascii=False)

    figures = {}
    for search in CARD_SEARCHES:
        query = parse_query(search)

        def table(query: CardQuery = query) -> None:
            found = select_cards(
                collection, query, NOW, facts_of=facts_of if query.needs_facts else None, limit=TABLE_LIMIT
            )
            table_lines(found.cards, NOW, facts_of)

        figures[search] = (median_ms(table, runs), median_ms(lambda q=query: as_json(q, TABLE_LIMIT), runs))
    return figures, median_ms(lambda: as_json(parse_query(""), None), 3)


def live_queue_ms(collection: Collection, runs: int) -> tuple[float, int]:
    """Median ms a running session takes to choose its next card (the collection asked afresh,
    related questions kept apart), over `runs` cards answered Good one after another, 100 answers
    already given today; and how many new cards the session's plan held."""
    from quizmg.model import Basic
    from quizmg.study.live_queue import LiveQueue
    from quizmg.study.session import waiting_from_queue

    facts = question_facts(collection.connection.execute("SELECT count(*) FROM cards").fetchone()[0])
    questions: dict[str, Basic] = {}

    def question_of(deck: str, question_id: str) -> Basic | None:
        if question_id not in questions and question_id in facts:
            fact = facts[question_id]
            questions[question_id] = Basic(id=question_id, prompt=fact.prompt, answer=f"effect {question_id}",
                                           mechanism=fact.mechanism)
        return questions.get(question_id)

    clock = NOW + timedelta(hours=1)
    live = LiveQueue(collection, ["scale"], waiting_from_queue(collection.queue(clock, ["scale"])),
                     timedelta(minutes=20), question_of)
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        waiting = live.take(clock)
        times.append((time.perf_counter() - began) * 1000)
        if waiting is None:
            break
        collection.record_answer(waiting.key, 3, clock, duration_ms=5000)
        clock += timedelta(seconds=8)
    return statistics.median(times), live.counts()["new"]


def median_ms(action, runs: int) -> float:  # type: ignore[no-untyped-def]
    """Median wall time of `action()` over `runs` runs, in milliseconds."""
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def replay_microseconds(collection: Collection, cards: int, runs: int) -> tuple[float, float, int]:
    """Median microseconds per review of the reference path and of the fast replay, and how many
    reviews were timed, over the first `cards` cards' logs (read from the database beforehand)."""
    db = collection.connection
    settings = collection.settings("scale")
    numbers = dict(db.execute("SELECT id, number FROM cards WHERE id <= ?", (cards,)))
    rows = db.execute(
        "SELECT card_id, time, rating FROM reviews WHERE card_id <= ? AND mode = 0 "
        "ORDER BY card_id, id", (cards,)
    ).fetchall()
    logs = [(numbers[card_id], list(group)) for card_id, group in groupby(rows, itemgetter(0))]
    as_datetimes = [(number, [(from_ms(t), r) for _, t, r in log]) for number, log in logs]

    def reference() -> list:  # type: ignore[type-arg]
        states = []
        for number, log in as_datetimes:
            state = NEW_CARD
            for when, rating in log:
                state = apply_review(state, rating, when, settings, number)  # type: ignore[arg-type]
            states.append(state)
        return states

    def fast() -> list:  # type: ignore[type-arg]
        replayer = LogReplayer(settings)  # built per run, as a rebuild does
        return [replayer.replay(log, number) for number, log in logs]

    assert reference() == fast(), "the fast replay must give exactly the reference states"
    count = len(rows)
    return (median_ms(reference, runs) * 1000 / count, median_ms(fast, runs) * 1000 / count, count)


def database_bytes(collection: Collection) -> int:
    """The collection file's size with the write-ahead log folded in."""
    collection.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return collection.path.stat().st_size


def anki_first_queue_ms(cards: int, runs: int) -> float | None:
    """Anki's first get_queued_cards() on a collection of `cards` review cards, median of `runs`."""
    try:
        from anki.collection import Collection as AnkiCollection
    except ImportError:
        return None
    times = []
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.anki2"
        col = AnkiCollection(str(path))
        model = col.models.by_name("Basic")
        deck_id = col.decks.id("Scale test")
        chance = random.Random(2)
        today = col.sched.today
        note_rows, card_rows = [], []
        base = 1_600_000_000_000
        for index in range(cards):
            note_id = base + index
            note_rows.append((note_id, f"g{index}", model["id"], 0, 0, "", f"Front {index}\x1fBack",
                              f"Front {index}", 0, 0, ""))
            new = index % 25 == 0
            due = index if new else today + chance.randrange(-30, 60)
            interval = 0 if new else chance.randrange(1, 200)
            card_rows.append((note_id, note_id, deck_id, 0, 0, 0, 0 if new else 2, 0 if new else 2,
                              due, interval, 0 if new else 2500, 0 if new else 5, 0, 0, 0, 0, 0, ""))
        col.db.executemany(
            "INSERT INTO notes (id, guid, mid, mod, usn, tags, flds, sfld, csum, flags, data) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", note_rows)
        col.db.executemany(
            "INSERT INTO cards (id, nid, did, ord, mod, usn, type, queue, due, ivl, factor, reps, "
            "lapses, left, odue, odid, flags, data) VALUES "
            "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", card_rows)
        col.decks.select(deck_id)
        col.close()
        for _ in range(runs):
            col = AnkiCollection(str(path))  # a fresh open each time: Anki's *first* queue
            col.decks.select(deck_id)
            began = time.perf_counter()
            col.sched.get_queued_cards(fetch_limit=1)
            times.append((time.perf_counter() - began) * 1000)
            col.close()
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--replay-runs", type=int, default=3)
    parser.add_argument("--compare-cards", type=int, default=5_000,
                        help="Cards whose logs time the replay per review, both paths (0: skip).")
    parser.add_argument("--no-anki", action="store_true", help="Skip building the Anki collection.")
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        began = time.perf_counter()
        collection = generate(Path(folder) / "collection.sqlite3", options.cards, options.reviews)
        print(f"generated {options.cards:,} cards and {options.reviews:,} reviews "
              f"in {time.perf_counter() - began:.1f} s")

        replays = []
        for run in range(options.replay_runs):
            if run:  # later runs start from a cache that matches; make them rewrite it all
                collection.connection.execute("UPDATE cards SET reps = -1 WHERE reps > 0")
            began = time.perf_counter()
            report = collection.rebuild()
            replays.append(time.perf_counter() - began)
        assert report.reviews == options.reviews, report.reviews
        replay_s = statistics.median(replays)
        compared = (replay_microseconds(collection, options.compare_cards, options.replay_runs)
                    if options.compare_cards else None)

        now = NOW
        queue = collection.queue(now)
        queue_ms = median_ms(lambda: collection.queue(now), options.runs)
        reasons = {r: sum(c.reason == r for c in queue) for r in ("learning", "review", "new")}

        review_keys = [c.key for c in queue if c.reason == "review"] or [c.key for c in queue]
        answers = iter(range(10**9))

        def answer() -> None:
            index = next(answers)
            collection.record_answer(review_keys[index % len(review_keys)], 3,
                                     now + timedelta(seconds=index), duration_ms=5000)

        record_ms = median_ms(answer, max(options.runs, 100))
        size = database_bytes(collection)
        per_review = size / options.reviews
        browse, every_json_ms = browse_cards_ms(collection, options.runs)
        collection.set_setting("new_per_day", 20)
        live_ms, live_new = live_queue_ms(collection, max(options.runs, 30))
        collection.close()

    anki_ms = None if options.no_anki else anki_first_queue_ms(options.cards, options.runs)

    print(f"queue holds {reasons['learning']} learning, {reasons['review']} review, "
          f"{reasons['new']} new cards")
    print(f"{'measure':34}{'quizmg':>12}{'target':>12}{'Anki':>12}")
    anki_text = "n/a" if anki_ms is None else f"{anki_ms:.1f} ms"
    print(f"{'build the due queue':34}{queue_ms:>9.2f} ms{'<= 10 ms':>12}{anki_text:>12}")
    print(f"{'next card in a running session':34}{live_ms:>9.2f} ms{'<= 10 ms':>12}")
    print(f"  (the live queue: the collection asked afresh before each card, {live_new} new cards kept "
          "apart by their questions, 100+ answers today)")
    for shape, column in (("table", 0), ("JSON", 1)):
        slowest = max(browse, key=lambda search: browse[search][column])
        every = [figures[column] for figures in browse.values()]
        print(f"{f'browse cards, {shape} (slowest search)':34}{browse[slowest][column]:>9.2f} ms{'<= 300 ms':>12}")
        print(f"  ({slowest!r}; median of all {len(browse)} searches {statistics.median(every):.1f} ms; "
              "the first 500 cards, as the command shows them)")
    print(f"{'every card as JSON (--json --all)':34}{every_json_ms:>9.0f} ms{'(export)':>12}")
    print(f"{'record an answer durably':34}{record_ms:>9.2f} ms{'<= 2 ms':>12}")
    print(f"{'replay the whole log':34}{replay_s:>10.2f} s{'<= 10 s':>12}")
    print(f"  ({replay_s * 1e6 / options.reviews:.2f} us per review, store included; runs "
          f"{', '.join(f'{run:.2f}' for run in replays)} s)")
    if compared is not None:
        reference_us, fast_us, count = compared
        print(f"  replay alone on {count:,} reviews: {fast_us:.2f} us per review, against "
              f"{reference_us:.2f} us folding apply_review ({reference_us / fast_us:.1f}x)")
    print(f"{'database size per review':34}{per_review:>7.1f} bytes{'<= 120':>12}")
    print(f"(database {size / 1e6:.1f} MB for {options.reviews:,} reviews and {options.cards:,} cards)")


if __name__ == "__main__":
    main()
