"""Is the collection usable? What is wrong with it, and which backup is the newest good one.

Used by `doctor` (which must not crash on any damage), by `restore` (which must work on any
damage) and by backups (a copy is kept only when it is sound).
"""

from __future__ import annotations

import os
import sqlite3
import stat
from functools import cache
from pathlib import Path

from quizmg.errors import QuizmgError

# Values the collection's code columns may hold (see migrations and records).
_VALUE_CHECKS = (
    ("cards", "phase NOT IN (0, 1, 2, 3)", "a card has a scheduling phase quizmg does not know"),
    ("reviews", "mode NOT IN (0, 1, 2)", "a review has a mode quizmg does not know"),
    ("reviews", "phase NOT IN (0, 1, 2, 3)", "a review has a phase quizmg does not know"),
    ("reviews", "rating NOT BETWEEN 1 AND 4", "a review has a rating outside 1 to 4"),
)


@cache
def expected_tables(applied: tuple[str, ...]) -> frozenset[str]:
    """The tables a collection holds once the named migrations are applied."""
    from quizmg.store.migrations import MIGRATIONS, apply_migrations

    connection = sqlite3.connect(":memory:", isolation_level=None)
    try:
        apply_migrations(connection, [m for m in MIGRATIONS if m.name in applied], 0)
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    finally:
        connection.close()
    return frozenset(name for (name,) in rows)


def file_problem(path: Path) -> str | None:
    """What is in the collection's place when it is not a regular file (None when it is one, or absent)."""
    if not os.path.lexists(path):
        return None
    if path.is_symlink() and not path.exists():
        return f"a symbolic link to nothing ({os.readlink(path)}) is in its place"
    try:
        mode = path.stat().st_mode
    except OSError as error:
        return f"it cannot be read ({error.strerror})"
    if stat.S_ISDIR(mode):
        return "a folder is in its place"
    if not stat.S_ISREG(mode):
        return "something that is not a regular file is in its place"
    return None


def database_problems(connection: sqlite3.Connection, *, thorough: bool = True) -> list[str]:
    """What is wrong inside an open collection: damaged pages, unknown schema, missing tables,
    impossible values ([] when sound). `thorough` runs integrity_check, else quick_check."""
    from quizmg.store.migrations import applied_migrations, check_known

    try:
        check = "integrity_check" if thorough else "quick_check"
        problems = [row[0] for row in connection.execute(f"PRAGMA {check}(20)") if row[0] != "ok"]
        if problems:
            return problems
        applied = applied_migrations(connection)
        if not applied:
            return ["it holds no quizmg schema"]
        check_known(connection, "the collection")
        present = {name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = sorted(expected_tables(tuple(applied)) - present)
        if missing:
            return [f"the table {name!r} is missing" for name in missing]
        for table, condition, message in _VALUE_CHECKS:
            if table not in present:
                continue
            count = connection.execute(f"SELECT count(*) FROM {table} WHERE {condition}").fetchone()[0]
            if count:
                problems.append(f"{message} ({count} row{'s' if count != 1 else ''})")
        return problems
    except QuizmgError as error:
        return [str(error)]
    except sqlite3.DatabaseError as error:
        return [str(error)]
    except UnicodeDecodeError:  # SQLite's message quotes damaged schema text that is not UTF-8
        return ["its schema is unreadable (damaged bytes in table definitions)"]


def collection_problems(path: Path, *, thorough: bool = True) -> list[str]:
    """Everything that makes the collection at `path` unusable ([] when sound or absent)."""
    problem = file_problem(path)
    if problem:
        return [problem]
    if not path.exists() or path.stat().st_size == 0:
        return []
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as error:
        return [str(error)]
    try:
        return database_problems(connection, thorough=thorough)
    finally:
        connection.close()


def backup_is_good(path: Path) -> bool:
    """True when the backup file is a sound collection this quizmg can open."""
    return not file_problem(path) and path.is_file() and not collection_problems(path)


def newest_good_backup(database: Path) -> Path | None:
    """The newest backup of the collection that passes every check (None when there is none)."""
    from quizmg.store.backups import list_backups

    for backup in reversed(list_backups(database)):
        if backup_is_good(backup.path):
            return backup.path
    return None
