"""Backups: daily at most once, pruning, and a checked restore that keeps what it replaces."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from quizmg.bank import load_bank
from quizmg.errors import QuizmgError
from quizmg.store import list_backups, open_collection, restore_backup
from quizmg.store.backups import KEEP_AUTOMATIC

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


def review_count(path: Path) -> int:
    connection = sqlite3.connect(path)
    try:
        return connection.execute("SELECT count(*) FROM reviews").fetchone()[0]
    finally:
        connection.close()


def test_daily_backup_at_most_once_a_day_and_pruned(tmp_path: Path, sample_deck: Path) -> None:
    database = tmp_path / "collection.sqlite3"
    with open_collection(database, NOW) as collection:
        collection.sync(load_bank(sample_deck), NOW)
    assert list_backups(database) == []
    open_collection(database, NOW + timedelta(hours=1)).close()
    assert [b.reason for b in list_backups(database)] == ["daily"]
    open_collection(database, NOW + timedelta(hours=20)).close()
    assert len(list_backups(database)) == 1  # less than a day since the last one
    for day in range(2, 12):
        open_collection(database, NOW + timedelta(days=day)).close()
    kept = list_backups(database)
    assert len(kept) == KEEP_AUTOMATIC
    assert kept[-1].taken_at == NOW + timedelta(days=11)


def test_manual_backups_are_never_pruned(tmp_path: Path) -> None:
    database = tmp_path / "collection.sqlite3"
    with open_collection(database, NOW) as collection:
        manual = collection.backup(NOW)
    for day in range(1, KEEP_AUTOMATIC + 4):
        open_collection(database, NOW + timedelta(days=day)).close()
    assert manual.path.exists()


def test_restore_brings_back_the_backup_and_keeps_the_replaced(tmp_path: Path, sample_deck: Path) -> None:
    database = tmp_path / "collection.sqlite3"
    with open_collection(database, NOW) as collection:
        collection.sync(load_bank(sample_deck), NOW)
        key = collection.cards()[0].key
        collection.record_answer(key, 3, NOW)
        saved = collection.backup(NOW)
        collection.record_answer(key, 3, NOW + timedelta(minutes=10))
        collection.record_answer(key, 3, NOW + timedelta(minutes=20))
    assert review_count(database) == 3

    kept = restore_backup(database, saved.path, NOW + timedelta(hours=1))
    assert kept is not None and kept.reason == "before-restore"
    assert review_count(database) == 1
    assert review_count(kept.path) == 3  # what the restore replaced is not lost
    with open_collection(database, NOW + timedelta(hours=1)) as collection:
        assert collection.integrity_problems() == []
        assert collection.card(key).state.reps == 1


def test_restore_refuses_what_is_not_a_collection(tmp_path: Path) -> None:
    database = tmp_path / "collection.sqlite3"
    open_collection(database, NOW).close()
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(QuizmgError, match="nothing was restored"):
        restore_backup(database, junk, NOW)
    with pytest.raises(QuizmgError, match="no such backup"):
        restore_backup(database, tmp_path / "missing.sqlite3", NOW)
    assert list_backups(database) == []
