"""Would two processes replay the log faster? The store's serial replay against a 2-process split.

Run: python benchmarks/bench_replay_parallel.py [--cards N] [--reviews N] [--runs N]

Generates the scale benchmark's collection, then times, as the median (and spread) of --runs runs:
  - serial: quizmg.store.rebuild.replayed_states, what a rebuild does before it writes;
  - two processes: each opens the database itself, replays half the cards (by card id) and sends
    back their states' column values.
It checks that both give the same states. This is a measurement only: the store stays serial
(see the note printed at the end).
"""

from __future__ import annotations

import argparse
import multiprocessing
import sqlite3
import statistics
import sys
import tempfile
import time
from itertools import groupby
from operator import itemgetter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))

from bench_scale import generate

from quizmg.scheduling.log_replay import LogReplayer
from quizmg.scheduling.settings import Settings
from quizmg.store.card_rows import state_columns
from quizmg.store.rebuild import replayed_states


def replay_part(job: tuple[str, Settings, int, int]) -> list[tuple[int, tuple[Any, ...]]]:
    """The states of cards low..high, replayed in this process from its own connection."""
    path, settings, low, high = job
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    replayer = LogReplayer(settings)
    numbers = dict(db.execute("SELECT id, number FROM cards WHERE id BETWEEN ? AND ?", (low, high)))
    rows = db.execute(
        "SELECT r.card_id, r.time, r.rating FROM reviews r WHERE r.card_id BETWEEN ? AND ? "
        "AND r.mode = 0 AND NOT EXISTS (SELECT 1 FROM undone_reviews u WHERE u.review_id = r.id) "
        "ORDER BY r.card_id, r.id",
        (low, high),
    )
    states = [
        (card_id, state_columns(replayer.replay(reviews, numbers[card_id])))
        for card_id, reviews in groupby(rows, itemgetter(0))
    ]
    db.close()
    return states


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "collection.sqlite3"
        collection = generate(path, options.cards, options.reviews)
        collection.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        settings = collection.settings("scale")
        half = options.cards // 2
        jobs = [(str(path), settings, 1, half), (str(path), settings, half + 1, options.cards)]
        # spawn: a fresh interpreter per worker, nothing of this process's SQLite state in it;
        # the cost of starting them is part of what is measured.
        context = multiprocessing.get_context("spawn")
        serial, parallel = [], []
        for _ in range(options.runs):
            began = time.perf_counter()
            states, _ = replayed_states(collection)
            expected = {card_id: state_columns(state) for card_id, state in states.items()}
            serial.append(time.perf_counter() - began)
            began = time.perf_counter()
            with context.Pool(2) as pool:
                parts = pool.map(replay_part, jobs)
            parallel.append(time.perf_counter() - began)
            got = {card_id: columns for part in parts for card_id, columns in part}
            assert all(expected[card_id] == columns for card_id, columns in got.items())
        collection.close()

    def spread(runs: list[float]) -> str:
        return f"{statistics.median(runs):.2f} s (runs {', '.join(f'{r:.2f}' for r in runs)})"

    print(f"replay {options.reviews:,} reviews of {options.cards:,} cards")
    print(f"  serial (the store):  {spread(serial)}")
    print(f"  two processes:       {spread(parallel)}")
    print(f"  ratio: {statistics.median(serial) / statistics.median(parallel):.2f}x on "
          f"{multiprocessing.cpu_count()} cores shared with whatever else runs")


if __name__ == "__main__":
    main()
