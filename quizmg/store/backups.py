"""Backups of the collection: taken before each migration, at most once a day, on demand,
and before a restore replaces the database. Only automatic ones are pruned."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from quizmg.errors import QuizmgError

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


def take_backup(
    connection: sqlite3.Connection, database: Path, now: datetime, reason: str
) -> Backup:
    """Back up the open collection now; prune old automatic backups."""
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
    copy_database(connection, partial)
    partial.replace(target)  # a backup file either is complete or does not exist
    prune(database)
    return Backup(target, now, reason)


def prune(database: Path, keep: int = KEEP_AUTOMATIC) -> None:
    """Delete all but the newest `keep` automatic backups."""
    automatic = [b for b in list_backups(database) if b.automatic]
    for old in automatic[:-keep] if keep else automatic:
        old.path.unlink(missing_ok=True)


def daily_backup_due(database: Path, now: datetime) -> bool:
    """True when no backup of any kind was taken in the last 24 hours."""
    backups = list_backups(database)
    return not backups or now - backups[-1].taken_at >= DAILY_GAP


def check_backup_file(path: Path) -> None:
    """Refuse a file that is not a sound quizmg collection, before it replaces anything."""
    from quizmg.store.migrations import applied_migrations, check_known

    if not path.is_file():
        raise QuizmgError(f"{path}: no such backup file.")
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            result = connection.execute("PRAGMA integrity_check").fetchone()[0]
            if result != "ok":
                raise QuizmgError(f"{path}: the backup is damaged ({result}); nothing was restored.")
            if not applied_migrations(connection):
                raise QuizmgError(f"{path}: not a quizmg collection; nothing was restored.")
            check_known(connection, str(path))
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise QuizmgError(f"{path}: not a quizmg collection ({error}); nothing was restored.") from None


def restore_backup(database: Path, source: Path, now: datetime) -> Backup | None:
    """Replace the collection with `source`, after checking it and backing up what it replaces.

    Returns the backup of the replaced collection (None if there was none). The caller opens
    the collection afterwards, which applies any migration an older backup needs.
    """
    from quizmg.store.database import connect

    check_backup_file(source)
    kept = None
    live = connect(database)
    try:
        if database.stat().st_size > 0:
            kept = take_backup(live, database, now, "before-restore")
        reader = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        try:
            # The backup API writes through SQLite's own locking and journal, so a session that
            # has the collection open sees either the old or the restored database, never a mix.
            reader.backup(live)
        finally:
            reader.close()
    finally:
        live.close()
    return kept
