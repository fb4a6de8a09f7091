"""Errors the core raises for the CLI to show as one clear screen."""

from __future__ import annotations

import errno
import sys
from dataclasses import dataclass
from pathlib import Path


class QuizmgError(Exception):
    """An error meant for the user: its message is shown as it is, exit status 1."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or worth a warning) in a file, with where it is."""

    path: str
    line: int | None
    message: str
    field: str = ""
    question_id: str | None = None
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        subject = " ".join(part for part in (self.question_id, self.field) if part)
        return f"{where}: {subject}: {self.message}" if subject else f"{where}: {self.message}"


class DeckError(QuizmgError):
    """A deck file that cannot be loaded: every problem found, each with file and line."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        shown = problems[:20]
        lines = [str(problem) for problem in shown]
        if len(problems) > len(shown):
            more = len(problems) - len(shown)
            lines.append(f"... and {more} more problem{'s' if more != 1 else ''}")
        super().__init__("\n".join(lines))

    @classmethod
    def single(cls, path: str | Path, message: str, line: int | None = None) -> DeckError:
        """An error about the file as a whole, or one line of it."""
        return cls([Problem(str(path), line, message)])


class CollectionDamaged(QuizmgError):
    """The collection's database is damaged: commands stop and point at `quizmg restore`."""

    def __init__(self, path: str | Path | None, detail: str) -> None:
        self.path = None if path is None else str(path)
        self.detail = detail
        where = f"{path}: " if path is not None else ""
        super().__init__(
            f"{where}the collection is damaged: {detail}. "
            "Run `quizmg restore` to go back to the newest good backup (`quizmg doctor` names it)."
        )


# errno values by situation (names, not numbers: they differ between systems).
_DISK_FULL = {errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC), errno.EFBIG}
_READ_ONLY = {errno.EROFS}
_PERMISSION = {errno.EACCES, errno.EPERM}

# SQLite's primary result codes (sqlite3.h), read from sqlite_errorcode on Python 3.11+.
SQLITE_PERM, SQLITE_BUSY, SQLITE_LOCKED, SQLITE_READONLY = 3, 5, 6, 8
SQLITE_IOERR, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_CANTOPEN, SQLITE_NOTADB = 10, 11, 13, 14, 26


def os_situation(error: OSError) -> str:
    """What an OSError means for the user, without the file's name."""
    code = error.errno
    if code in _DISK_FULL:
        return "the disk is full (or a file size limit was reached); free some space and try again"
    if code in _READ_ONLY:
        return "the file system is read-only: quizmg cannot write here"
    if code in _PERMISSION:
        return "permission denied"
    if code == errno.ENOENT:
        return "no such file or folder"
    if code == errno.EISDIR:
        return "this is a folder, not a file"
    if code == errno.ENOTDIR:
        return "a part of this path is not a folder"
    if code == errno.ELOOP:
        return "too many symbolic links (a link loop?)"
    return str(error.strerror or error)


def describe_os_error(error: OSError, path: str | Path | None = None) -> str:
    """An OSError as one line naming the file and the situation, for the user to act on."""
    name = error.filename if error.filename is not None else path
    where = f"{name}: " if name is not None else ""
    return f"{where}{os_situation(error)}."


def _sqlite_code(error: Exception) -> int | None:
    code = getattr(error, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF  # extended codes keep the primary code in the low byte
    text = str(error).lower()  # Python 3.10: only the message tells
    for needle, primary in (
        ("disk is full", SQLITE_FULL),
        ("readonly database", SQLITE_READONLY),
        ("malformed", SQLITE_CORRUPT),
        ("not a database", SQLITE_NOTADB),
        ("unable to open", SQLITE_CANTOPEN),
        ("disk i/o error", SQLITE_IOERR),
        ("database is locked", SQLITE_BUSY),
    ):
        if needle in text:
            return primary
    return None


def _read_only_folder(path: str | Path) -> bool:
    """True when the folder of `path` is on a file system mounted read-only."""
    import os

    try:
        return bool(os.statvfs(Path(path).parent).f_flag & os.ST_RDONLY)
    except (OSError, AttributeError, ValueError):
        return False


def _no_space(path: str | Path) -> bool:
    """True when the file system of `path` has (almost) no room left: SQLite calls that an I/O error."""
    import os

    try:
        info = os.statvfs(Path(path).parent)
    except (OSError, AttributeError, ValueError):
        return False
    return info.f_bavail * info.f_frsize < 256 * 1024


def describe_sqlite_error(error: Exception, path: str | Path) -> str | None:
    """An sqlite3 error on the collection at `path` as one line naming it and the situation.

    None when the error is not one of the situations a user can meet (then it is a bug).
    """
    code = _sqlite_code(error)
    text = str(error)
    if code == SQLITE_FULL:
        return f"{path}: the disk is full; free some space and try again. The collection itself is fine."
    if code == SQLITE_READONLY:
        return f"{path}: the collection cannot be written (read-only file, folder or file system)."
    if code in (SQLITE_PERM, SQLITE_CANTOPEN) and _read_only_folder(path):
        return f"{path}: the collection's folder is on a read-only file system: quizmg cannot write here."
    if code in (SQLITE_PERM, SQLITE_CANTOPEN):
        return f"{path}: cannot open the collection ({text}): check that the file and its folder may be written."
    if code == SQLITE_IOERR and _no_space(path):
        return f"{path}: the disk is full; free some space and try again. The collection itself is fine."
    if code == SQLITE_IOERR:
        return (
            f"{path}: the disk refused a read or write ({text}); it may be full or failing. "
            "Free some space and try again."
        )
    if code in (SQLITE_BUSY, SQLITE_LOCKED):
        return f"{path}: the collection is busy in another quizmg (or program) for too long; try again."
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB) or text.startswith(("no such table", "no such column")):
        return str(CollectionDamaged(path, text))
    return None


def describe_failure(error: BaseException, collection: str | Path | None) -> str | None:
    """The one-line message for an operating-system or SQLite error; None when it is a bug.

    `collection` is the collection's path when the error came from the store (SQLite errors are
    about it), None otherwise.
    """
    if isinstance(error, OSError):
        return describe_os_error(error)
    if isinstance(error, RecursionError):
        return None
    sqlite3 = sys.modules.get("sqlite3")
    if sqlite3 is not None and isinstance(error, sqlite3.Error):
        return describe_sqlite_error(error, collection if collection is not None else "a database")
    if isinstance(error, MemoryError):
        return "out of memory: the input is too large for this machine."
    return None
