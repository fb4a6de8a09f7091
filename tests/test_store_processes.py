"""Real processes: one killed with SIGKILL mid-session, two recording into one collection at once."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timezone
from pathlib import Path

from quizmg.bank import load_bank
from quizmg.store import open_collection

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)

# Records answers through the store API and reports each one only after record_answer returned.
RECORDER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timedelta, timezone
    from quizmg.store import open_collection

    path, worker, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    start = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)
    collection = open_collection(path, start, daily_backup=False)
    keys = [card.key for card in collection.cards()]
    for index in range(count):
        moment = start + timedelta(seconds=index, milliseconds=worker)
        key = keys[(index * 7 + worker) % len(keys)]
        recorded = collection.record_answer(key, 1 + index % 4, moment, duration_ms=index,
                                            answer=f"worker {worker} answer {index}")
        print(recorded.review_id, flush=True)
    print("done", flush=True)
    """
)


def prepare(tmp_path: Path, sample_deck: Path) -> tuple[Path, Path]:
    """A collection with the sample deck synced, and the recorder script."""
    database = tmp_path / "collection.sqlite3"
    with open_collection(database, NOW) as collection:
        collection.sync(load_bank(sample_deck), NOW)
    script = tmp_path / "recorder.py"
    script.write_text(RECORDER, encoding="utf-8")
    return database, script


def logged_ids(database: Path) -> set[int]:
    connection = sqlite3.connect(database)
    try:
        return {row[0] for row in connection.execute("SELECT id FROM reviews")}
    finally:
        connection.close()


def integrity(database: Path) -> str:
    connection = sqlite3.connect(database)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


def test_killed_mid_session_loses_nothing_it_reported(tmp_path: Path, sample_deck: Path) -> None:
    database, script = prepare(tmp_path, sample_deck)
    process = subprocess.Popen(
        [sys.executable, str(script), str(database), "1", "100000"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    assert process.stdout is not None
    reported: list[int] = []
    deadline = time.monotonic() + 20
    while len(reported) < 300 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        reported.append(int(line))
    process.send_signal(signal.SIGKILL)  # no chance to clean up, as with kill -9
    process.wait()
    assert process.returncode == -signal.SIGKILL
    assert len(reported) >= 300, process.stderr.read() if process.stderr else ""

    assert set(reported) <= logged_ids(database)
    assert integrity(database) == "ok"
    with open_collection(database, NOW, daily_backup=False) as collection:
        assert collection.integrity_problems() == []
        # The cache and the log still agree: each answer and its card update were one transaction.
        assert collection.rebuild(write=False).differing == []


def test_two_processes_recording_at_once_lose_nothing(tmp_path: Path, sample_deck: Path) -> None:
    database, script = prepare(tmp_path, sample_deck)
    count = 250
    workers = [
        subprocess.Popen(
            [sys.executable, str(script), str(database), str(worker), str(count)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for worker in (1, 2)
    ]
    outputs = [worker.communicate(timeout=120) for worker in workers]
    for worker, (out, err) in zip(workers, outputs, strict=True):
        assert worker.returncode == 0, err
        assert "database is locked" not in err
        assert out.splitlines()[-1] == "done"
    reported = [int(line) for out, _ in outputs for line in out.splitlines()[:-1]]
    assert len(reported) == len(set(reported)) == 2 * count
    assert set(reported) == logged_ids(database)
    with open_collection(database, NOW, daily_backup=False) as collection:
        answers = {r.answer for r in collection.reviews()}
        assert answers == {f"worker {w} answer {i}" for w in (1, 2) for i in range(count)}
        assert collection.rebuild(write=False).differing == []
