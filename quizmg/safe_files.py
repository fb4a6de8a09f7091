"""Reading and writing the user's files safely: every write goes to a temporary file in the same
folder, is flushed to disk and renamed into place (a crash or a full disk leaves the old file or
nothing, never half a file); an existing file is replaced only when asked; the files a command
reads are never its output; what is read must be a regular file of bounded size."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import IO

from quizmg.errors import QuizmgError, describe_os_error, os_situation

# Decks, documents and import files are text a person wrote: far below this.
READ_LIMIT = 256 * 1024 * 1024


def _same_file(a: Path, b: Path) -> bool:
    """True when `a` and `b` name one file (through links too) or, where either is missing, one path."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def check_output(path: str | Path, *, force: bool, inputs: Iterable[str | Path] = ()) -> Path:
    """Refuse an output that is one of the inputs (even with --force), a folder, or an existing
    file without `force`. Returns the path."""
    target = Path(path)
    for source in inputs:
        if _same_file(target, Path(source)):
            raise QuizmgError(f"{target}: this is the file being read; write the output to another file.")
    if target.is_dir():
        raise QuizmgError(f"{target}: this is a folder; give a file name.")
    if os.path.lexists(target) and not force:
        raise QuizmgError(f"{target} exists already; pass --force to replace it.")
    return target


def fsync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (a no-op where folders cannot be opened, e.g. Windows)."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


@contextlib.contextmanager
def _replacing(path: str | Path) -> Iterator[tuple[int, Path]]:
    """A temporary file beside `path` (an open descriptor and its path) that replaces `path` when
    the block ends without error; on any failure it is removed and `path` is left as it was. An
    OSError is raised again as a QuizmgError naming `path` and the situation."""
    target = Path(path)
    folder = target.parent if str(target.parent) else Path(".")
    try:
        descriptor, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".partial", dir=folder)
    except OSError as error:
        raise QuizmgError(describe_os_error(error, target)) from None
    try:
        yield descriptor, Path(temporary)
        _keep_mode(target, Path(temporary))
        os.replace(temporary, target)
    except OSError as error:
        _remove(temporary)
        error.filename = str(target)
        raise QuizmgError(describe_os_error(error, target)) from None
    except BaseException:
        _remove(temporary)
        raise
    fsync_folder(folder)


@contextlib.contextmanager
def atomic_output(path: str | Path, *, binary: bool = False, encoding: str = "utf-8") -> Iterator[IO]:
    """A file object whose content replaces `path` only when the block ends without error.

    The data goes to a temporary file beside `path`, is fsynced, then renamed over it. On any
    failure the temporary file is removed and `path` is left as it was; an OSError is raised
    again as a QuizmgError naming `path` and the situation (disk full, read-only, permission).
    """
    with _replacing(path) as (descriptor, _temporary):
        handle: IO
        handle = open(descriptor, "wb") if binary else open(descriptor, "w", encoding=encoding, newline="")  # noqa: SIM115
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())


def _keep_mode(target: Path, temporary: Path) -> None:
    """The new file gets the old one's permissions, or the usual ones for a new file."""
    try:
        mode = stat.S_IMODE(target.stat().st_mode)
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    os.chmod(temporary, mode)


def _remove(temporary: str | Path) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temporary)


def write_text(path: str | Path, text: str, *, encoding: str = "utf-8") -> None:
    """Write `text` to `path` atomically (see atomic_output)."""
    with atomic_output(path, encoding=encoding) as handle:
        handle.write(text)


def write_bytes(path: str | Path, data: bytes) -> None:
    """Write `data` to `path` atomically (see atomic_output)."""
    with atomic_output(path, binary=True) as handle:
        handle.write(data)


def write_with(path: str | Path, produce: Callable[[Path], None]) -> None:
    """Let `produce` write a file at a temporary path beside `path` (for libraries that want a
    path, such as genanki), then fsync it and rename it into place."""
    with _replacing(path) as (descriptor, temporary):
        os.close(descriptor)
        produce(temporary)
        with open(temporary, "rb+") as handle:
            os.fsync(handle.fileno())


class FileRefused(QuizmgError):
    """A file quizmg will not read: `reason` says why, without the path."""

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{path}: {reason}")


def check_regular(path: str | Path) -> Path:
    """Refuse what is not a regular file (a FIFO, a device, a folder), following symbolic links."""
    target = Path(path)
    try:
        mode = target.stat().st_mode
    except OSError as error:
        raise FileRefused(target, os_situation(error)) from None
    if stat.S_ISDIR(mode):
        raise FileRefused(target, "this is a folder, not a file")
    if not stat.S_ISREG(mode):
        raise FileRefused(target, f"this is {_kind(mode)}, not a regular file; quizmg reads only regular files")
    return target


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a socket or other special file"


def read_bytes(path: str | Path, limit: int = READ_LIMIT) -> bytes:
    """The bytes of a regular file, refusing special files and anything over `limit` bytes.

    The file is opened without blocking (a FIFO swapped in after the check cannot hang the
    open), checked again through its descriptor, and read at most `limit` + 1 bytes.
    """
    target = check_regular(path)
    try:
        descriptor = os.open(target, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise FileRefused(target, os_situation(error)) from None
    with open(descriptor, "rb") as handle:
        mode = os.fstat(handle.fileno()).st_mode
        if not stat.S_ISREG(mode):
            raise FileRefused(target, f"this is {_kind(mode)}, not a regular file; quizmg reads only regular files")
        try:
            data = handle.read(limit + 1)
        except OSError as error:
            raise FileRefused(target, os_situation(error)) from None
    if len(data) > limit:
        raise FileRefused(
            target, f"the file is over {limit / 1e6:.0f} MB; quizmg reads files of at most {limit / 1e6:.0f} MB"
        )
    return data
