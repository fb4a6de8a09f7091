"""Opening a collection: created whole or not at all, checked, migrated, backed up daily."""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path

from quizmg.errors import CollectionDamaged, QuizmgError, describe_sqlite_error
from quizmg.store import backups
from quizmg.store.collection import Collection
from quizmg.store.database import connect, to_ms, use_wal
from quizmg.store.migrations import apply_migrations, check_known


def open_collection(path: str | Path, now: datetime, *, daily_backup: bool = True) -> Collection:
    """Open (creating or upgrading if needed) the collection at `path`.

    A database with a schema step this quizmg does not know is refused and left untouched.
    A new collection is built in a temporary file and renamed into place, so it is complete or
    absent. An existing one is backed up before any migration, and at most once a day; a
    damaged one raises CollectionDamaged (the daily backup checks it).
    """
    from quizmg.store.creation import create_collection
    from quizmg.store.health import file_problem

    path = Path(path)
    problem = file_problem(path)
    if problem:
        raise CollectionDamaged(path, problem)
    created = False
    if not path.exists() or path.stat().st_size == 0:
        created = create_collection(path, now)
    try:
        connection = connect(path)
    except sqlite3.Error as error:
        raise QuizmgError(
            describe_sqlite_error(error, path) or f"{path}: cannot open the collection ({error})."
        ) from None
    try:
        # Check before anything writes, so a newer or foreign database stays byte for byte as it was.
        pending = check_known(connection, str(path))
        use_wal(connection)
        if pending:
            backups.take_backup(connection, path, now, "before-migration")
            apply_migrations(connection, pending, to_ms(now))
        elif not created and daily_backup and backups.daily_backup_due(path, now):
            # No room or no write access for a copy: the command may still work; tried again next time.
            with contextlib.suppress(OSError, sqlite3.OperationalError):
                backups.take_backup(connection, path, now, "daily")
    except sqlite3.DatabaseError as error:
        connection.close()
        message = describe_sqlite_error(error, path)
        raise QuizmgError(message or f"{path}: not a usable quizmg collection ({error}).") from None
    except UnicodeDecodeError:  # SQLite's message quotes damaged schema text that is not UTF-8
        connection.close()
        raise CollectionDamaged(path, "its schema is unreadable (damaged bytes in table definitions)") from None
    except BaseException:
        connection.close()
        raise
    return Collection(connection, path)
