"""Backups of the collection: taken before each migration, at most once a day, on demand,
and before a restore replaces the database. Only automatic ones are pruned."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from quizmg.errors import CollectionDamaged, QuizmgError, describe_sqlite_error

KEEP_AUTOMATIC = 7
# Reasons that mark a backup quizmg took by itself; the learner's own are never deleted.
AUTOMATIC_REASONS = ("daily", "before-migration", "before-restore")
DAILY_GAP = timedelta(hours=24)


@dataclass(frozen=True)
class Backup:
    """One backup file and when and why it was taken."""

    path: Path
    taken_at: datetime
    reason: str

    @property
    def automatic(self) -> bool:
        """True for backups quizmg took by itself."""
        return self.reason in AUTOMATIC_REASONS


def backup_dir(database: Path) -> Path:
    """The folder beside the collection that holds its backups."""
    return database.parent / "backups"


def _parse(path: Path) -> Backup | None:
    # Names look like collection-20250102T030405123Z-daily.sqlite3
    parts = path.stem.split("-", 2)
    if len(parts) != 3 or parts[0] != "collection":
        return None
    try:
        taken = datetime.strptime(parts[1], "%Y%m%dT%H%M%S%fZ").replace(tzinfo=timezone.utc)
    except ValueError:
        return None
    return Backup(path, taken, parts[2])


def list_backups(database: Path) -> list[Backup]:
    """Backups of this collection, oldest first."""
    folder = backup_dir(database)
    if not folder.is_dir():
        return []
    found = [_parse(path) for path in folder.glob("collection-*.sqlite3")]
    return sorted((b for b in found if b), key=lambda b: (b.taken_at, b.path.name))


def copy_database(source: sqlite3.Connection, target: Path) -> None:
    """A consistent single-file copy of an open database (safe while others write: WAL)."""
    destination = sqlite3.connect(target)
    try:
        source.backup(destination)
        # A plain rollback-journal file: one self-contained file to keep or carry.
        destination.execute("PRAGMA journal_mode = DELETE")
    finally:
        destination.close()


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def take_backup(
    connection: sqlite3.Connection, database: Path, now: datetime, reason: str
) -> Backup:
    """Back up the open collection now, keeping the copy only if it is sound; prune old ones.

    The copy is written as a `.partial` file, checked (integrity_check and the schema), flushed
    to disk and renamed: a backup file is complete and good, or does not exist. A damaged
    collection raises CollectionDamaged and leaves the good backups alone.
    """
    from quizmg.safe_files import fsync_folder
    from quizmg.store.health import database_problems

    folder = backup_dir(database)
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S") + f"{now.microsecond // 1000:03d}Z"
    target = folder / f"collection-{stamp}-{reason}.sqlite3"
    counter = 1
    while target.exists():  # two backups in the same millisecond: keep both
        counter += 1
        target = folder / f"collection-{stamp}-{reason}.sqlite3".replace(
            f"-{reason}.", f"-{reason}-{counter}."
        )
    partial = target.with_suffix(".partial")
    try:
        copy_database(connection, partial)
        copy = sqlite3.connect(f"file:{partial}?mode=ro", uri=True)
        try:
            problems = database_problems(copy)
        finally:
            copy.close()
        if problems:
            raise CollectionDamaged(database, "; ".join(problems[:3]))
        _fsync(partial)
        partial.replace(target)
    except sqlite3.DatabaseError as error:
        partial.unlink(missing_ok=True)
        message = describe_sqlite_error(error, database)
        if message is None or "is damaged" not in message:
            raise
        raise CollectionDamaged(database, str(error)) from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    fsync_folder(folder)
    prune(database, known_good=target)
    return Backup(target, now, reason)


# A `.partial` older than this was left by a killed backup, not one being written now.
STALE_PARTIAL = timedelta(hours=1)


def prune(database: Path, keep: int = KEEP_AUTOMATIC, known_good: Path | None = None) -> None:
    """Delete all but the newest `keep` automatic backups, never the newest good one, and
    `.partial` files left by backups that were killed."""
    from quizmg.store.health import backup_is_good

    automatic = [b for b in list_backups(database) if b.automatic]
    doomed = automatic[:-keep] if keep else automatic
    if doomed:
        kept = [b for b in list_backups(database) if b not in doomed]
        if not any(b.path == known_good or backup_is_good(b.path) for b in reversed(kept)):
            # Every kept backup is bad (taken before backups were checked): spare the newest good one.
            good = next((b for b in reversed(doomed) if backup_is_good(b.path)), None)
            doomed = [b for b in doomed if b != good]
    for old in doomed:
        old.path.unlink(missing_ok=True)
    folder = backup_dir(database)
    limit = datetime.now(timezone.utc).timestamp() - STALE_PARTIAL.total_seconds()
    for partial in folder.glob("collection-*.partial"):
        with contextlib.suppress(OSError):
            if partial.stat().st_mtime < limit:
                partial.unlink()


def daily_backup_due(database: Path, now: datetime) -> bool:
    """True when no backup of any kind was taken in the last 24 hours."""
    backups = list_backups(database)
    return not backups or now - backups[-1].taken_at >= DAILY_GAP


def check_backup_file(path: Path) -> None:
    """Refuse a file that is not a sound quizmg collection, before it replaces anything."""
    from quizmg.store.health import collection_problems, file_problem

    if file_problem(path) or not path.is_file():
        raise QuizmgError(f"{path}: no such backup file.")
    problems = collection_problems(path)
    if problems:
        raise QuizmgError(f"{path}: not a sound quizmg collection ({problems[0]}); nothing was restored.")


def restore_backup(database: Path, source: Path, now: datetime) -> Backup | None:
    """Replace the collection with `source`, after checking it and keeping what it replaces.

    Works on any damage: a sound collection is overwritten through SQLite's backup API (a session
    that has it open sees the old or the restored database, never a mix) after a verified backup;
    anything else (damaged pages, a garbage file, a folder or a dangling link in its place, a
    missing file) is moved aside into `backups/damaged/` and the backup copied in through a
    temporary file. Returns the backup of the replaced collection (None if it was not sound).
    The caller opens the collection afterwards, which applies any migration an older backup needs.
    """
    from quizmg.store.health import collection_problems

    check_backup_file(source)
    if os.path.lexists(database) and not collection_problems(database, thorough=True) and database.exists() and (
        database.stat().st_size > 0
    ):
        return _restore_over_sound(database, source, now)
    _move_aside(database, now)
    _copy_in(source, database)
    return None


def _restore_over_sound(database: Path, source: Path, now: datetime) -> Backup:
    from quizmg.store.database import connect

    live = connect(database)
    try:
        kept = take_backup(live, database, now, "before-restore")
        reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            reader.backup(live)
        finally:
            reader.close()
    finally:
        live.close()
    return kept


def damaged_dir(database: Path) -> Path:
    """Where restore keeps what it replaced when that was not a sound collection."""
    return backup_dir(database) / "damaged"


def _move_aside(database: Path, now: datetime) -> None:
    """Move the damaged collection (and its -wal, -shm files) into backups/damaged/."""
    stamp = now.astimezone(timezone.utc).strftime("%Y%m%dT%H%M%S") + f"{now.microsecond // 1000:03d}Z"
    folder = damaged_dir(database)
    for suffix in ("", "-wal", "-shm", "-journal"):
        path = Path(f"{database}{suffix}")
        if not os.path.lexists(path):
            continue
        folder.mkdir(parents=True, exist_ok=True)
        os.replace(path, folder / f"{database.name}{suffix}.{stamp}")


def _copy_in(source: Path, database: Path) -> None:
    """Copy the checked backup to the collection's place through a temporary file and a rename."""
    from quizmg.safe_files import fsync_folder

    database.parent.mkdir(parents=True, exist_ok=True)
    partial = database.with_name(f".{database.name}.restoring")
    try:
        reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            copy_database(reader, partial)
        finally:
            reader.close()
        _fsync(partial)
        os.replace(partial, database)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    fsync_folder(database.parent)
