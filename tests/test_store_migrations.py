"""Schema migrations: a blank database, every older schema, newer schemas refused untouched."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from quizmg.errors import QuizmgError
from quizmg.store import MIGRATIONS, SchemaTooNewError, list_backups, open_collection
from quizmg.store.migrations import apply_migrations

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


def schema_of(path: Path) -> list[tuple[str, str, str]]:
    """Every table and index definition, for comparing two databases' schemas."""
    connection = sqlite3.connect(path)
    try:
        return sorted(
            connection.execute(
                "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
            ).fetchall()
        )
    finally:
        connection.close()


def test_blank_database_gets_every_migration(tmp_path: Path) -> None:
    path = tmp_path / "collection.sqlite3"
    open_collection(path, NOW).close()
    connection = sqlite3.connect(path)
    names = [row[0] for row in connection.execute("SELECT name FROM schema_migrations")]
    assert names == [m.name for m in MIGRATIONS]
    assert connection.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
    assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {"decks", "cards", "reviews", "undone_reviews", "settings", "quiz_results"} <= tables
    connection.close()
    assert list_backups(path) == []  # nothing worth backing up in a brand-new collection


def test_a_new_collection_is_in_wal_mode_the_moment_it_appears(tmp_path: Path) -> None:
    # Four commands on an empty home used to switch it to WAL each on first open: the switch needs an
    # exclusive lock, and two asking at once got "database is locked" without waiting.
    from quizmg.store.creation import create_collection

    path = tmp_path / "collection.sqlite3"
    assert create_collection(path, NOW)
    header = path.read_bytes()[:20]
    assert header[18:20] == b"\x02\x02"  # the file format's read and write versions: 2 is WAL
    assert not (tmp_path / "collection.sqlite3-wal").exists()


@pytest.mark.parametrize("applied", range(1, len(MIGRATIONS)))
def test_every_older_schema_migrates_to_the_current_one(tmp_path: Path, applied: int) -> None:
    old = tmp_path / "old.sqlite3"
    connection = sqlite3.connect(old, isolation_level=None)
    apply_migrations(connection, MIGRATIONS[:applied], 0)
    # Data written under the old schema must survive the upgrade.
    connection.execute(
        "INSERT INTO decks (name, path, title, content_hash, registered_at, synced_at) "
        "VALUES ('kept', NULL, 'Kept deck', 'h', 0, 0)"
    )
    connection.close()

    with open_collection(old, NOW) as collection:
        assert [d.name for d in collection.decks()] == ["kept"]
    fresh = tmp_path / "fresh.sqlite3"
    open_collection(fresh, NOW).close()
    assert schema_of(old) == schema_of(fresh)
    reasons = [backup.reason for backup in list_backups(old)]
    assert reasons == ["before-migration"]


def test_a_failing_migration_leaves_no_half_applied_step(tmp_path: Path) -> None:
    path = tmp_path / "collection.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    apply_migrations(connection, MIGRATIONS[:1], 0)
    # A table in the way makes the second migration fail part-way through.
    connection.execute("CREATE TABLE undone_reviews (x)")
    with pytest.raises(sqlite3.OperationalError):
        apply_migrations(connection, MIGRATIONS[1:2], 0)
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert "reviews" not in tables  # its CREATE TABLE was rolled back with the step
    names = [row[0] for row in connection.execute("SELECT name FROM schema_migrations")]
    assert names == [MIGRATIONS[0].name]
    connection.close()


def test_newer_schema_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "collection.sqlite3"
    open_collection(path, NOW).close()
    connection = sqlite3.connect(path, isolation_level=None)
    connection.execute("INSERT INTO schema_migrations VALUES ('0099_from_the_future', 0)")
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    before = path.read_bytes()

    with pytest.raises(SchemaTooNewError, match=r"newer version of quizmg.*0099_from_the_future"):
        open_collection(path, NOW + timedelta(days=3))
    assert path.read_bytes() == before
    assert list_backups(path) == []


def test_a_file_that_is_not_a_collection_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "collection.sqlite3"
    path.write_bytes(b"this is a text file, not a database\n" * 50)
    with pytest.raises(QuizmgError, match="the collection is damaged: file is not a database"):
        open_collection(path, NOW)
    other = tmp_path / "other.sqlite3"
    connection = sqlite3.connect(other)
    connection.execute("CREATE TABLE notes (x)")
    connection.commit()
    connection.close()
    with pytest.raises(QuizmgError, match="not a quizmg collection"):
        open_collection(other, NOW)
