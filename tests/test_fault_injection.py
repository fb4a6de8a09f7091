"""Fault injection on the real executable and real SQLite files: kill -9 at random moments (half
of the runs with fsync slowed by strace so a kill lands mid-transaction), a full disk, a
read-only home. Each asserts: nothing confirmed is lost, the collection stays usable (or
`restore` brings it back), exit status 1 with one message naming the file, no traceback.

CI runs a few of each; QUIZMG_FAULT_RUNS=60 (study) / 40 (creation) runs the long versions.
"""

from __future__ import annotations

import contextlib
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

RUNS = int(os.environ.get("QUIZMG_FAULT_RUNS", "0"))
STUDY_RUNS = RUNS or 6
CREATION_RUNS = RUNS or 6
STRACE = shutil.which("strace")
PYTHON = sys.executable

# A study session at the store level, in its own process: each answer is printed once committed
# (what a screen would confirm), then the next is recorded.
STUDY_DRIVER = textwrap.dedent(
    """
    import sys
    from datetime import datetime, timedelta, timezone
    from pathlib import Path
    from quizmg.bank import load_bank
    from quizmg.store import open_collection

    database, deck = Path(sys.argv[1]), Path(sys.argv[2])
    now = datetime(2025, 3, 1, 12, tzinfo=timezone.utc)
    with open_collection(database, now) as collection:
        collection.sync(load_bank(deck), now)
        keys = [card.key for card in collection.cards()]
        for number in range(10_000):
            moment = now + timedelta(seconds=number)
            collection.record_answer(keys[number % len(keys)], 1 + number % 4, moment)
            print(number, flush=True)
    """
)


def _slowed(command: list[str]) -> list[str]:
    """`command` under strace with every fsync delayed 20 ms: kills land inside transactions."""
    assert STRACE
    return [STRACE, "-f", "-qq", "-o", os.devnull, "-e", "trace=fsync,fdatasync",
            "-e", "inject=fsync,fdatasync:delay_enter=20000", *command]


def _kill_after(command: list[str], delay: float, env: dict[str, str] | None = None) -> str:
    """Start `command`, kill -9 its whole process group after `delay` seconds; its stdout."""
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                               env=env, start_new_session=True)
    time.sleep(delay)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    out, _ = process.communicate(timeout=60)
    return out


def _modes(runs: int) -> Iterator[bool]:
    """Half the runs slowed (when strace is here), half at full speed."""
    for index in range(runs):
        yield bool(STRACE) and index % 2 == 1


def _quizmg(*args: str, home: Path, cwd: Path | None = None, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QUIZMG_HOME": str(home), "NO_COLOR": "1"}
    return subprocess.run([PYTHON, "-m", "quizmg", *args], capture_output=True, text=True, env=env, cwd=cwd,
                          input=stdin, timeout=180)


def _no_bug(result: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in result.stderr and "This is a bug" not in result.stderr, result.stderr


def test_kill_9_during_study_loses_no_confirmed_answer(tmp_path: Path, sample_deck: Path) -> None:
    rng = random.Random(13)
    driver = tmp_path / "driver.py"
    driver.write_text(STUDY_DRIVER)
    lost_total = confirmed_total = 0
    for run, slow in enumerate(_modes(STUDY_RUNS)):
        database = tmp_path / f"run{run}" / "collection.sqlite3"
        command = [PYTHON, str(driver), str(database), str(sample_deck)]
        out = _kill_after(_slowed(command) if slow else command, rng.uniform(0.8, 2.5))
        confirmed = {int(line) for line in out.split()}
        if not database.exists():  # killed before the collection was created: nothing was confirmed
            assert not confirmed
            continue
        connection = sqlite3.connect(database)
        try:
            assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            logged = connection.execute("SELECT count(*) FROM reviews").fetchone()[0]
        finally:
            connection.close()
        # Answers are recorded in order: every confirmed one is among the first `logged`.
        lost = max(confirmed, default=-1) + 1 - logged if confirmed else 0
        lost_total += max(lost, 0)
        confirmed_total += len(confirmed)
        assert logged >= len(confirmed), (run, slow, logged, len(confirmed))
    print(f"study: {STUDY_RUNS} kills, {confirmed_total} answers confirmed, {lost_total} lost")
    assert lost_total == 0


def test_kill_9_during_first_creation_never_leaves_an_unusable_collection(tmp_path: Path) -> None:
    rng = random.Random(6)
    unusable = 0
    for run, slow in enumerate(_modes(CREATION_RUNS)):
        home = tmp_path / f"home{run}"
        env = {**os.environ, "QUIZMG_HOME": str(home)}
        command = [PYTHON, "-m", "quizmg", "due"]
        _kill_after(_slowed(command) if slow else command, rng.uniform(0.05, 0.6), env)
        result = _quizmg("due", home=home)
        _no_bug(result)
        unusable += result.returncode != 0
    print(f"creation: {CREATION_RUNS} kills, {unusable} unusable collections")
    assert unusable == 0


def test_four_commands_at_once_on_an_empty_home_all_succeed(tmp_path: Path) -> None:
    for run in range(3):
        home = tmp_path / f"home{run}"
        env = {**os.environ, "QUIZMG_HOME": str(home)}
        processes = [subprocess.Popen([PYTHON, "-m", "quizmg", "due"], env=env, stdout=subprocess.DEVNULL,
                                      stderr=subprocess.PIPE, text=True) for _ in range(4)]
        for process in processes:
            _, err = process.communicate(timeout=120)
            assert process.returncode == 0, err


def test_kill_9_during_backup_and_restore_leaves_a_usable_or_restorable_collection(
    tmp_path: Path, sample_deck: Path
) -> None:
    rng = random.Random(4)
    home = tmp_path / "home"
    assert _quizmg("add", str(sample_deck), home=home).returncode == 0
    assert _quizmg("backup", home=home).returncode == 0
    env = {**os.environ, "QUIZMG_HOME": str(home)}
    for run, slow in enumerate(_modes(6)):
        verb = "backup" if run % 3 else "restore"
        command = [PYTHON, "-m", "quizmg", verb]
        _kill_after(_slowed(command) if slow else command, rng.uniform(0.1, 0.9), env)
        doctor = _quizmg("doctor", home=home)
        _no_bug(doctor)
        if doctor.returncode != 0:
            assert "quizmg restore" in doctor.stderr
            assert _quizmg("restore", home=home).returncode == 0
        assert _quizmg("due", home=home).returncode == 0
    from quizmg.store.health import backup_is_good

    backups = sorted((home / "backups").glob("collection-*.sqlite3"))
    assert backups and all(backup_is_good(path) for path in backups)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 2 MB tmpfs (root on Linux only; skipped elsewhere)."""
    mount = tmp_path / "disk"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def _fill(folder: Path) -> None:
    with open(folder / "filler", "wb") as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
                handle.flush()
        except OSError:
            pass


def test_a_full_disk_is_named_and_loses_nothing(small_disk: Path, sample_deck: Path) -> None:
    home = small_disk / "home"
    deck = small_disk / "sample.yaml"
    shutil.copy(sample_deck, deck)
    assert _quizmg("add", str(deck), home=home).returncode == 0
    _fill(small_disk)
    answers = "\n".join(["1"] * 30) + "\n"
    quiz = _quizmg("quiz", "sample", "-n", "3", "--kinds", "numeric", "--json", "-", home=home, stdin=answers)
    _no_bug(quiz)
    # A disk with no room at all cannot even open the collection (SQLite needs its -shm file):
    # the quiz is refused before the first question, naming the collection and the full disk.
    assert quiz.returncode == 1 and "disk is full" in quiz.stderr and "collection.sqlite3" in quiz.stderr
    for args in (["backup"], ["new", str(small_disk / "n.yaml")], ["export", "gift", str(deck), "-o",
                 str(small_disk / "x.gift")], ["config", "new_cards_per_day", "5"]):
        result = _quizmg(*args, home=home)
        _no_bug(result)
        assert result.returncode == 1, (args, result.stderr)
        assert "disk is full" in result.stderr or "disk refused" in result.stderr, result.stderr
        assert "not a usable" not in result.stderr and "damaged" not in result.stderr
    assert not list(small_disk.rglob("*.partial")) and not (small_disk / "n.yaml").exists()
    (small_disk / "filler").unlink()
    assert _quizmg("doctor", home=home).returncode == 0


def test_a_read_only_home_is_named(small_disk: Path, sample_deck: Path) -> None:
    home = small_disk / "home"
    assert _quizmg("add", str(sample_deck), home=home).returncode == 0
    assert subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], capture_output=True).returncode == 0
    try:
        for args in (["due"], ["backup"], ["undo"], ["config", "new_cards_per_day", "5"], ["add", str(sample_deck)],
                     ["stats"]):
            result = _quizmg(*args, home=home)
            _no_bug(result)
            assert result.returncode == 1 and "read-only" in result.stderr, (args, result.stderr)
            assert str(home) in result.stderr
    finally:
        subprocess.run(["mount", "-o", "remount,rw", str(small_disk)], capture_output=True)
