"""The first sync of a long history, step by step, beside the same collection's plain `quizmg due`.

Run: python benchmarks/bench_first_sync.py [--cards N] [--reviews N] [--runs N]

A collection of N cards and M study reviews (benchmarks/bench_scale.py's generator, its deck of
plain basic questions) syncs for the first time with a fresh account on a `python -m
anki.syncserver` on 127.0.0.1. Each run uses its own account and sync folder, so each is a first
sync. Printed, each the median of --runs runs:
  - the whole first sync (quizmg.sync.run_sync), and its steps: the network syncs (the empty
    account's first exchange and the full upload), the notes imported into the mirror, the answers
    written as revlog rows (each card's history replayed for the intervals), the card states;
  - the anchor, measured in the same run before each sync: the real executable's plain
    `quizmg due` on the same collection (a process start, the collection opened, the due counts).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import NOW, generate
from bench_sync import PASSWORD, scale_bank, start_server

import quizmg.sync.run as sync_run
from quizmg.sync import login, run_sync
from quizmg.sync.state import SyncState, save_state

# The steps of a sync run timed, by the name run.py calls them under.
STEPS = ("_network_sync", "import_decks", "push_answers", "write_states", "_sync_media")


def timed_steps(spent: dict[str, float]) -> Callable[[], None]:
    """Wrap the sync's steps so each adds its time to `spent`; returns the undo."""
    originals: dict[str, Any] = {name: getattr(sync_run, name) for name in STEPS}

    def wrap(name: str, function: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            began = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - began

        return timed

    for name, function in originals.items():
        setattr(sync_run, name, wrap(name, function))

    def undo() -> None:
        for name, function in originals.items():
            setattr(sync_run, name, function)

    return undo


def quizmg_due_s(home: Path) -> float:
    """One `quizmg due` of the real executable on the collection in `home`."""
    executable = Path(sys.executable).parent / "quizmg"
    command = str(executable) if executable.exists() else (shutil.which("quizmg") or "quizmg")
    env = dict(os.environ, QUIZMG_HOME=str(home), NO_COLOR="1")
    began = time.perf_counter()
    subprocess.run([command, "due"], env=env, check=True, capture_output=True)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=20_000)
    parser.add_argument("--reviews", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="quizmg-bench-first-sync-") as scratch:
        root = Path(scratch)
        print(f"Building the collection: {args.cards:,} cards, {args.reviews:,} reviews ...", flush=True)
        collection = generate(root / "collection.sqlite3", args.cards, args.reviews)
        collection.rebuild()
        bank = scale_bank(args.cards)
        users = [f"q{run}" for run in range(args.runs)]
        server, endpoint = start_server(root / "server", users)
        totals: list[float] = []
        anchors: list[float] = []
        steps: dict[str, list[float]] = defaultdict(list)
        try:
            quizmg_due_s(root)  # once untimed: the first opening of the day makes the daily backup
            for run in range(args.runs):
                anchors.append(quizmg_due_s(root))
                folder = root / f"sync-{run}"
                login(folder, f"q{run}", PASSWORD, endpoint)
                save_state(folder, SyncState(decks=["scale"]))
                spent: dict[str, float] = defaultdict(float)
                undo = timed_steps(spent)
                began = time.perf_counter()
                try:
                    report = run_sync(folder, collection, [bank], NOW)
                finally:
                    undo()
                totals.append(time.perf_counter() - began)
                for name in STEPS:
                    steps[name].append(spent[name])
                print(
                    f"  run {run + 1}: first sync {totals[-1]:.2f} s ({report.answers_sent:,} answers, "
                    f"{report.notes_sent:,} notes, full {report.full}); quizmg due {anchors[-1]:.2f} s",
                    flush=True,
                )
        finally:
            server.terminate()
            server.wait()
            collection.close()

    total, anchor = statistics.median(totals), statistics.median(anchors)
    print(f"\nMedians of {args.runs} runs, {args.cards:,} cards, {args.reviews:,} reviews:")
    print(f"{'first sync':<44} {total:8.2f} s   quizmg due {anchor:6.2f} s   ratio {total / anchor:6.1f}")
    labels = {
        "_network_sync": "network syncs (first exchange, full upload)",
        "import_decks": "notes into the mirror (Anki's importer)",
        "push_answers": "answers as revlog rows (replay, intervals)",
        "write_states": "card states into the mirror",
        "_sync_media": "media sync",
    }
    for name in STEPS:
        share = statistics.median(steps[name])
        print(f"  {labels[name]:<42} {share:8.2f} s   {100 * share / total:5.1f}%")
    rest = total - sum(statistics.median(steps[name]) for name in STEPS)
    print(f"  {'the rest (edits, settings, card ids, pulls)':<42} {rest:8.2f} s   {100 * rest / total:5.1f}%")


if __name__ == "__main__":
    main()
