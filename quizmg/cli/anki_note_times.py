"""The notes every Anki export wrote (GUID, checksum of its content, `mod` time), kept in the
learner's data folder: a later export to any file name gives an unchanged note its earlier time, so
Anki leaves the learner's edits to it alone (Anki replaces a note only with a newer one)."""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path

from quizmg.formats.anki.ids import PreviousNote

FILE_NAME = "anki-note-times.json"


def _path() -> Path:
    from quizmg.cli.home import data_dir

    return data_dir() / FILE_NAME


def load_note_times() -> dict[str, PreviousNote]:
    """What earlier exports wrote; an unreadable file counts as none (every note is then new)."""
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    times = {}
    for guid, value in data.items():
        if isinstance(value, list) and len(value) == 2 and isinstance(value[0], str) and isinstance(value[1], int):
            times[guid] = PreviousNote(value[0], value[1])
    return times


def save_note_times(written: Mapping[str, PreviousNote]) -> None:
    """Add what an export wrote; a file that cannot be written only costs later exports the times."""
    times = load_note_times()
    times.update(written)
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, partial = tempfile.mkstemp(prefix=".quizmg-", dir=path.parent)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                json.dump({guid: [n.checksum, n.mod] for guid, n in times.items()}, stream, separators=(",", ":"))
            os.replace(partial, path)
        except BaseException:
            Path(partial).unlink(missing_ok=True)
            raise
    except OSError:
        pass
