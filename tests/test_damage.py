"""Every kind of damage to the collection: commands say so (exit 1, the file named, `quizmg
restore` advised) instead of crashing or going on; `doctor` names the damage and the newest good
backup; `restore` brings that backup back whatever is in the collection's place."""

from __future__ import annotations

import os
import random
import shutil
import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.cli import cli
from quizmg.cli.common import collection_path
from quizmg.store import list_backups, open_collection
from quizmg.store.health import backup_is_good, collection_problems

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)
ANSWERS = 12


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output and "This is a bug" not in result.output, result.output
    return result.exit_code, result.output


def review_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM reviews").fetchone()[0]
    finally:
        connection.close()


def studied_collection(sample_deck: Path) -> Path:
    """A collection with ANSWERS answers in its log and a sound manual backup of it."""
    database = collection_path()
    with open_collection(database, NOW) as collection:
        collection.sync(load_bank(sample_deck), NOW)
        keys = [card.key for card in collection.cards()]
        for number in range(ANSWERS):
            collection.record_answer(keys[number % len(keys)], 3, NOW + timedelta(minutes=number))
        collection.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        collection.backup(NOW + timedelta(hours=1), "daily")
    return database


def _flip(path: Path, offset: int, count: int = 8) -> None:
    data = bytearray(path.read_bytes())
    for index in range(offset, offset + count):
        data[index] ^= 0xFF
    path.write_bytes(bytes(data))


def _table_page(path: Path, name: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (name,)).fetchone()[0]
    finally:
        connection.close()


def _zero_page(path: Path, page: int) -> None:
    with open(path, "r+b") as handle:
        handle.seek((page - 1) * 4096)
        handle.write(bytes(4096))


def _garbage_wal(path: Path) -> None:
    Path(f"{path}-wal").write_bytes(random.Random(7).randbytes(40_000))


def _dangling(path: Path) -> None:
    path.unlink()
    path.symlink_to(path.parent / "gone" / "collection.sqlite3")


def _folder(path: Path) -> None:
    path.unlink()
    path.mkdir()
    (path / "something").write_text("x")


DAMAGE: dict[str, Callable[[Path], None]] = {
    "truncated to 49152 bytes": lambda p: os.truncate(p, 49152),
    "truncated to 100 bytes": lambda p: os.truncate(p, 100),
    "truncated to a third": lambda p: os.truncate(p, p.stat().st_size // 3),
    "random bytes": lambda p: p.write_bytes(random.Random(1).randbytes(p.stat().st_size)),
    "a text file": lambda p: p.write_text("my shopping list\n" * 300),
    "a folder in its place": _folder,
    "flipped header bytes": lambda p: _flip(p, 0, 16),
    "flipped schema bytes": lambda p: _flip(p, p.read_bytes().index(b"CREATE TABLE cards") + 6, 12),
    "a garbage WAL": _garbage_wal,
    "a dangling symlink": _dangling,
    "a missing file": lambda p: p.unlink(),
    "a zeroed page (cards)": lambda p: _zero_page(p, _table_page(p, "cards")),
    "a zeroed page (an index)": lambda p: _zero_page(p, 3),
    "a zeroed page (reviews)": lambda p: _zero_page(p, _table_page(p, "reviews")),
}


@pytest.mark.parametrize("kind", list(DAMAGE))
def test_restore_brings_back_the_newest_good_backup_after_any_damage(sample_deck: Path, kind: str) -> None:
    database = studied_collection(sample_deck)
    DAMAGE[kind](database)
    code, output = run("doctor")
    benign = not collection_problems(database)  # a garbage WAL SQLite ignores; a missing file
    if not benign:
        assert code == 1 and "damaged" in output and "Newest good backup:" in output, output
    code, output = run("restore")
    assert code == 0, output
    assert "Restored " in output
    assert review_count(database) == ANSWERS
    assert run("doctor")[0] == 0
    assert not list(database.parent.glob("*.partial")) and not list(database.parent.glob(".*restoring"))
    assert not list((database.parent / "backups").glob("*.partial"))


@pytest.mark.parametrize(
    "kind", ["random bytes", "a text file", "a folder in its place", "flipped header bytes", "a dangling symlink",
             "truncated to 100 bytes", "a zeroed page (cards)", "flipped schema bytes"],
)
@pytest.mark.parametrize("command", [["due"], ["stats"], ["undo"], ["backup"], ["config"]])
def test_commands_on_a_damaged_collection_say_so(sample_deck: Path, kind: str, command: list[str]) -> None:
    database = studied_collection(sample_deck)
    DAMAGE[kind](database)
    code, output = run(*command)
    assert code == 1, output
    assert str(database) in output and "damaged" in output and "quizmg restore" in output


def test_a_zeroed_page_is_never_copied_into_a_backup_for_eight_days(sample_deck: Path) -> None:
    database = studied_collection(sample_deck)
    _zero_page(database, 3)  # an index page: reads that do not use it go on working
    for day in range(1, 9):
        code, output = run("backup")
        assert code == 1 and "damaged" in output
        try:
            open_collection(database, NOW + timedelta(days=day)).close()  # the daily backup
        except Exception as error:
            assert "damaged" in str(error)
    kept = list_backups(database)
    assert kept and all(backup_is_good(b.path) for b in kept)
    assert [b.reason for b in kept] == ["daily"]  # the sound one, from before the damage
    assert run("restore")[0] == 0 and review_count(database) == ANSWERS


@pytest.mark.parametrize(
    "edit, found",
    [
        ("PRAGMA ignore_check_constraints = 1; UPDATE cards SET phase = 7", "phase"),
        ("PRAGMA ignore_check_constraints = 1; UPDATE reviews SET mode = 5", "mode"),
        ("DROP TABLE quiz_results", "quiz_results"),
    ],
)
def test_hand_edited_rows_are_reported_as_damage(sample_deck: Path, edit: str, found: str) -> None:
    database = studied_collection(sample_deck)
    connection = sqlite3.connect(database)
    connection.executescript(edit)
    connection.close()
    code, output = run("doctor")
    assert code == 1 and found in output and "Newest good backup:" in output
    for command in (["stats"], ["due"], ["quiz", "sample", "-n", "1"]):
        code, output = run(*command)
        if code:  # commands that touch the edited rows stop with the same advice
            assert "damaged" in output and "quizmg restore" in output, output
    assert run("restore")[0] == 0 and run("doctor")[0] == 0


def test_rotation_never_deletes_the_newest_good_backup(sample_deck: Path) -> None:
    from quizmg.store.backups import KEEP_AUTOMATIC, prune

    database = studied_collection(sample_deck)
    good = list_backups(database)[-1].path
    # Bad automatic backups newer than the good one (as taken before backups were checked).
    for day in range(KEEP_AUTOMATIC + 1):
        bad = good.with_name(f"collection-202504{day + 1:02d}T120000000Z-daily.sqlite3")
        shutil.copy(good, bad)
        _zero_page(bad, 3)
    prune(database)
    assert good.exists() and backup_is_good(good)
    assert len([b for b in list_backups(database) if b.automatic]) == KEEP_AUTOMATIC + 1


def test_a_stale_partial_backup_is_cleaned_up(sample_deck: Path) -> None:
    database = studied_collection(sample_deck)
    stale = database.parent / "backups" / "collection-20250101T000000000Z-daily.partial"
    stale.write_bytes(b"half a backup")
    os.utime(stale, (0, 0))
    open_collection(database, NOW + timedelta(days=3)).close()
    assert not stale.exists()
