"""A genanki package on disk: written whole or not at all, without needless syncing.

genanki's own `Package.write_to_file` builds the collection in a temporary SQLite file with the
default settings, so SQLite syncs that file to disk several times (once per script and once at
the end: tens of milliseconds on a real disk), although the file is thrown away seconds later;
and it leaves the file behind in the temporary folder. Here the temporary collection is written
with syncing and the rollback journal off, through the package's own `write_to_db` (so subclasses
that add to it, such as the learner's progress, still apply), zipped as genanki zips it, and
deleted. The package goes to a file beside the target and is renamed over it only when complete.
"""

from __future__ import annotations

import itertools
import json
import os
import sqlite3
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from quizmg.errors import QuizmgError

if TYPE_CHECKING:
    import genanki


def write_package_file(package: genanki.Package, path: Path, timestamp: float) -> None:
    """Write `package` to `path` as an .apkg; a failed write leaves `path` as it was."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, partial_path = tempfile.mkstemp(prefix=".quizmg-", suffix=".apkg", dir=path.parent)
    except OSError as error:
        raise QuizmgError(f"{path}: cannot write here: {error.strerror or error}") from None
    os.close(handle)
    try:
        _write_zip(package, partial_path, timestamp)
        # mkstemp makes the file private (0600); a package is meant to be shared: 0644 under the
        # usual umask, as any file the user writes.
        umask = os.umask(0o022)
        os.umask(umask)
        os.chmod(partial_path, 0o666 & ~umask)
        os.replace(partial_path, path)
    except (OSError, sqlite3.Error) as error:
        Path(partial_path).unlink(missing_ok=True)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else error
        raise QuizmgError(f"{path}: cannot write the package: {reason}") from None
    except BaseException:
        Path(partial_path).unlink(missing_ok=True)
        raise


def _write_zip(package: genanki.Package, zip_path: str, timestamp: float) -> None:
    handle, collection_path = tempfile.mkstemp(prefix="quizmg-", suffix=".anki2")
    os.close(handle)
    try:
        connection = sqlite3.connect(collection_path)
        try:
            # A scratch file: nothing is lost if the machine stops while it is written.
            connection.execute("PRAGMA journal_mode = OFF")
            connection.execute("PRAGMA synchronous = OFF")
            # Note and card ids count up from the package time in milliseconds, as genanki's do.
            package.write_to_db(connection.cursor(), timestamp, itertools.count(int(timestamp * 1000)))
            connection.commit()
        finally:
            connection.close()
        media = dict(enumerate(package.media_files))
        with zipfile.ZipFile(zip_path, "w") as archive:
            archive.write(collection_path, "collection.anki2")
            archive.writestr("media", json.dumps({index: Path(file).name for index, file in media.items()}))
            for index, file in media.items():
                archive.write(file, str(index))
    finally:
        Path(collection_path).unlink(missing_ok=True)
