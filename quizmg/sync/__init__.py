"""Sync through Anki's sync server (AnkiWeb or the self-hosted `python -m anki.syncserver`).

quizmg keeps a local Anki collection, the mirror, in `<data folder>/sync/`, holding the decks the
learner chose (`sync add`), with the note types and GUIDs of the Anki export. A run merges quizmg's
collection and the mirror both ways and syncs the mirror with the `anki` library's own
`sync_collection` (see quizmg.sync.run). The `anki` library is imported only when a sync needs it.

    from quizmg.sync import run_sync, login, sync_folder
    login(folder, user, password, endpoint, now)       # stores the sync key (0600), never the password
    report = run_sync(folder, collection, banks, now)  # SyncReport of what moved
"""

from __future__ import annotations

from pathlib import Path

from quizmg.sync.account import Account, checked_endpoint, forget_account, load_account, save_account
from quizmg.sync.run import FullSyncNeeded, NotLoggedIn, SyncReport, run_sync
from quizmg.sync.state import SyncState, load_state, save_state

SYNC_FOLDER = "sync"


def sync_folder(data_dir: Path) -> Path:
    """Where sync keeps its account, state and mirror inside the data folder."""
    return data_dir / SYNC_FOLDER


def login(folder: Path, user: str, password: str, endpoint: str | None) -> Account:
    """Log in with the anki library; store the key the server returns (never the password)."""
    import tempfile

    from quizmg.sync.anki_library import anki_collection_class, translated

    collection_class = anki_collection_class()
    # A throwaway collection to call sync_login on: a failed login leaves nothing behind.
    with tempfile.TemporaryDirectory(prefix="quizmg-login-") as scratch:
        col = collection_class(str(Path(scratch) / "login.anki2"))
        try:
            auth = col.sync_login(user, password, endpoint)
        except Exception as error:
            message = translated(error, endpoint or "AnkiWeb")
            if message is None:
                raise
            raise message from None
        finally:
            col.close()
    account = Account(user, auth.endpoint or endpoint, auth.hkey)
    save_account(folder, account)
    return account


__all__ = [
    "Account",
    "FullSyncNeeded",
    "NotLoggedIn",
    "SyncReport",
    "SyncState",
    "checked_endpoint",
    "forget_account",
    "load_account",
    "load_state",
    "login",
    "run_sync",
    "save_account",
    "save_state",
    "sync_folder",
]
