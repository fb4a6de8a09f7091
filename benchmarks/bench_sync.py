"""Sync at scale: quizmg's sync beside the anki library's own sync of the same collection.

Run: python benchmarks/bench_sync.py [--cards N] [--reviews N] [--runs N] [--answers N]

The collection is benchmarks/bench_scale.py's (100,000 cards, 1,000,000 study reviews by default),
with a deck of plain basic questions made up to match its cards (the generated deck has no file).
A `python -m anki.syncserver` runs on 127.0.0.1 with a fresh SYNC_BASE and one account per run
and side, so every first sync starts from an empty account.

Measured, each the median of --runs runs, each beside its anchor from the same run:
  - quizmg's first sync (quizmg.sync.run_sync from nothing: the mirror built, 100,000 notes
    imported through Anki's importer, the review log written as revlog rows, card states, the
    full upload), beside the anki library's own first sync of the same collection (a copy of the
    mirror quizmg built, uploaded to an empty account: sync_collection, then full_upload);
  - quizmg's incremental sync of --answers new answers (recorded through the store), beside the
    anki library's own normal sync of as many answers made with Anki's scheduler on that copy.
Only the sync calls are timed, never the answering.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import NOW, generate

from quizmg.bank import Bank, bank_from_deck
from quizmg.model import Basic, Deck
from quizmg.store import Collection
from quizmg.sync import login, run_sync
from quizmg.sync.state import SyncState, save_state

PASSWORD = "bench"


def start_server(base: Path, users: list[str]) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = dict(os.environ, SYNC_BASE=str(base), SYNC_HOST="127.0.0.1", SYNC_PORT=str(port), RUST_LOG="error")
    for index, user in enumerate(users, 1):
        env[f"SYNC_USER{index}"] = f"{user}:{PASSWORD}"
    process = subprocess.Popen([sys.executable, "-m", "anki.syncserver"], env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), 0.2).close()
            return process, f"http://127.0.0.1:{port}/"
        except OSError:
            time.sleep(0.05)


def scale_bank(cards: int) -> Bank:
    """The plain deck whose cards are bench_scale's: scale/q{i}/1."""
    questions = [Basic(id=f"q{i}", prompt=f"What does agent {i} do?", answer=f"It acts on target {i}.")
                 for i in range(cards)]
    return bank_from_deck(Deck(id="scale", title="Scale test", questions=questions))


def record_answers(collection: Collection, count: int, at: object) -> None:
    """`count` answers on due cards (learning and review), as a study session would give them."""
    queue = collection.queue(at)  # type: ignore[arg-type]
    for index, card in enumerate(queue[:count]):
        collection.record_answer(card.key, 3, at + timedelta(seconds=index), duration_ms=5000)  # type: ignore[operator]


def anki_answers(col: object, count: int) -> None:
    """`count` answers made with Anki's own scheduler on the anchor's copy."""
    sched = col.sched  # type: ignore[attr-defined]
    col.decks.select(col.decks.id_for_name("Scale test"))  # type: ignore[attr-defined]
    for _ in range(count):
        card = sched.getCard()
        if card is None:
            break
        sched.answerCard(card, 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--reviews", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--answers", type=int, default=200)
    args = parser.parse_args()

    from anki.collection import Collection as AnkiCollection
    from anki.sync_pb2 import SyncCollectionResponse as Out

    with tempfile.TemporaryDirectory(prefix="quizmg-bench-sync-") as scratch:
        root = Path(scratch)
        print(f"Building the collection: {args.cards:,} cards, {args.reviews:,} reviews ...", flush=True)
        collection = generate(root / "collection.sqlite3", args.cards, args.reviews)
        collection.rebuild()
        bank = scale_bank(args.cards)
        users = [f"q{run}" for run in range(args.runs)] + [f"a{run}" for run in range(args.runs)]
        server, endpoint = start_server(root / "server", users)
        first_quizmg, first_anki, next_quizmg, next_anki = [], [], [], []
        try:
            for run in range(args.runs):
                folder = root / f"sync-{run}"
                login(folder, f"q{run}", PASSWORD, endpoint)
                save_state(folder, SyncState(decks=["scale"]))
                began = time.perf_counter()
                report = run_sync(folder, collection, [bank], NOW)
                first_quizmg.append(time.perf_counter() - began)
                print(f"  run {run + 1}: quizmg first sync {first_quizmg[-1]:.1f} s "
                      f"({report.answers_sent:,} answers, {report.notes_sent:,} notes, full {report.full})", flush=True)

                # The anchor: the same collection, as Anki has it, sent by the anki library itself.
                copy = root / f"anki-{run}" / "collection.anki2"
                copy.parent.mkdir()
                shutil.copy(folder / "mirror.anki2", copy)
                col = AnkiCollection(str(copy))
                auth = col.sync_login(f"a{run}", PASSWORD, endpoint)
                began = time.perf_counter()
                out = col.sync_collection(auth, False)
                if out.required in (Out.FULL_UPLOAD, Out.FULL_SYNC):
                    col.close_for_full_sync()
                    col.full_upload_or_download(auth=auth, server_usn=out.server_media_usn, upload=True)
                    col.reopen(after_full_sync=True)
                first_anki.append(time.perf_counter() - began)
                print(f"  run {run + 1}: anki library's first sync {first_anki[-1]:.1f} s", flush=True)

                at = NOW + timedelta(days=1 + run)  # a new study day: its reviews are due
                record_answers(collection, args.answers, at)
                began = time.perf_counter()
                report = run_sync(folder, collection, [bank], at + timedelta(minutes=30))
                next_quizmg.append(time.perf_counter() - began)
                anki_answers(col, args.answers)
                began = time.perf_counter()
                col.sync_collection(auth, False)
                next_anki.append(time.perf_counter() - began)
                col.close()
                print(f"  run {run + 1}: incremental, quizmg {next_quizmg[-1]:.2f} s "
                      f"({report.answers_sent} answers) / anki library {next_anki[-1]:.2f} s", flush=True)
        finally:
            server.terminate()
            server.wait()
            collection.close()

    def line(name: str, ours: list[float], anchor: list[float]) -> str:
        mine, theirs = statistics.median(ours), statistics.median(anchor)
        return f"{name:<36} quizmg {mine:8.2f} s   anki library {theirs:8.2f} s   ratio {mine / theirs:5.1f}"

    print(f"\nMedians of {args.runs} runs, {args.cards:,} cards, {args.reviews:,} reviews:")
    print(line("first sync", first_quizmg, first_anki))
    print(line(f"incremental sync of {args.answers} answers", next_quizmg, next_anki))


if __name__ == "__main__":
    main()
