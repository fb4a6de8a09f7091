"""Creating a collection atomically: built whole in a temporary file beside it, flushed to disk
and renamed into place, under a lock on the folder, so that four commands started at once on an
empty home all open the same complete collection, and a kill at any moment leaves either no
collection or a complete one."""

from __future__ import annotations

import contextlib
import os
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from quizmg.store.database import to_ms, use_wal
from quizmg.store.migrations import MIGRATIONS, apply_migrations

CREATING_SUFFIX = ".creating"


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on `folder` between processes (none where fcntl is missing: Windows)."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not on POSIX
        yield
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def create_collection(path: Path, now: datetime) -> bool:
    """Create the collection at `path` if it is absent or empty; False when another process did."""
    from quizmg.safe_files import fsync_folder

    path.parent.mkdir(parents=True, exist_ok=True)
    with folder_lock(path.parent):
        if path.exists() and path.stat().st_size > 0:
            return False  # another process created it while we waited for the lock
        # Under the lock nobody else is creating: any half-built file is left from a kill.
        for stale in path.parent.glob(f".{path.name}.*{CREATING_SUFFIX}*"):
            stale.unlink(missing_ok=True)
        building = path.with_name(f".{path.name}.{os.getpid()}{CREATING_SUFFIX}")
        try:
            connection = sqlite3.connect(building, isolation_level=None)
            try:
                apply_migrations(connection, list(MIGRATIONS), to_ms(now))
                # Born in WAL mode (kept in the file): a switch by the first openers would need an
                # exclusive lock, and two processes asking for it at once get "database is locked"
                # at once, without waiting on busy_timeout.
                use_wal(connection)
            finally:
                connection.close()
            with open(building, "rb+") as handle:
                os.fsync(handle.fileno())
            os.replace(building, path)
        except BaseException:
            building.unlink(missing_ok=True)
            Path(f"{building}-journal").unlink(missing_ok=True)
            raise
        fsync_folder(path.parent)
    return True
