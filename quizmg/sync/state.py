"""What quizmg remembers between syncs, in `state.json` in the sync folder.

Only choices and watermarks live here, never data that exists nowhere else: every mark is a place
to resume scanning from, and every step of a sync checks identity before it writes (a review is
its card and its time in milliseconds), so a state file older than the collections it describes
(a sync killed before saving it) only means some rows are checked again, never written twice.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path

from quizmg.errors import QuizmgError

STATE_FILE = "state.json"


@dataclass
class SyncState:
    """The decks that travel and where the last sync left off."""

    decks: list[str] = field(default_factory=list)
    account: str | None = None  # "user on server" the mirror belongs to
    last_sync: str | None = None  # ISO time of the last completed sync
    review_mark: int = 0  # quizmg review ids up to here are in the mirror
    event_mark: int = 0  # quizmg card events (forgets) up to here are in the mirror
    revlog_usn: int = 0  # mirror revlog rows with a smaller usn were already brought in
    deck_hashes: dict[str, str] = field(default_factory=dict)  # deck -> content hash in the mirror
    suspended: list[str] = field(default_factory=list)  # card keys suspended at the last sync
    told_fsrs_off: bool = False  # the learner was told FSRS is off in their account
    deleted_in_anki: list[str] = field(default_factory=list)  # "deck/question" not sent (quizmg.sync.deletions)

    @property
    def last_sync_time(self) -> datetime | None:
        return datetime.fromisoformat(self.last_sync) if self.last_sync else None

    def forget_mirror(self) -> None:
        """After the mirror was replaced (a full download): scan everything again."""
        self.review_mark = 0
        self.event_mark = 0
        self.revlog_usn = 0
        self.deck_hashes = {}


def load_state(folder: Path) -> SyncState:
    """The stored state (a fresh one when there is none)."""
    path = folder / STATE_FILE
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return SyncState()
    except ValueError:
        raise QuizmgError(f"{path}: damaged sync state; remove it and run `quizmg sync` again.") from None
    known = {name: data[name] for name in SyncState.__dataclass_fields__ if name in data}
    return SyncState(**known)


def save_state(folder: Path, state: SyncState) -> None:
    """Write the state atomically (a temporary file, fsynced, renamed over the old one)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / STATE_FILE
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(asdict(state), handle, indent=1, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)
