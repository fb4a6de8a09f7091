"""Sync through Anki's sync server (AnkiWeb or the self-hosted `python -m anki.syncserver`).

quizmg keeps a local Anki collection, the mirror, in `<data folder>/sync/`, holding the decks the
learner chose (`sync add`), with the note types and GUIDs of the Anki export. A run merges quizmg's
collection and the mirror both ways and syncs the mirror with the `anki` library's own
`sync_collection` (see quizmg.sync.run). The `anki` library is imported only when a sync needs it,
and this package's names load on first use, so opening a deck with edits from Anki
(quizmg.sync.overlay) stays light.

    from quizmg.sync import login, run_sync, sync_folder
    login(folder, user, password, endpoint)            # stores the sync key (0600), never the password
    report = run_sync(folder, collection, banks, now)  # SyncReport of what moved

Modules: account (key file, endpoint check), state (choices and watermarks), anki_library (lazy
import, errors in words), mirror (the Anki collection, notes in), answers (reviews both ways),
cards (states and suspensions), edits and overlay (notes edited in Anki), deletions (notes deleted in
Anki: suspended, no longer sent), run (one sync), status.
"""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizmg.sync.account import Account

SYNC_FOLDER = "sync"

_EXPORTS = {
    "Account": "quizmg.sync.account",
    "checked_endpoint": "quizmg.sync.account",
    "forget_account": "quizmg.sync.account",
    "load_account": "quizmg.sync.account",
    "save_account": "quizmg.sync.account",
    "FullSyncNeeded": "quizmg.sync.run",
    "NotLoggedIn": "quizmg.sync.run",
    "SyncReport": "quizmg.sync.run",
    "run_sync": "quizmg.sync.run",
    "SyncState": "quizmg.sync.state",
    "load_state": "quizmg.sync.state",
    "save_state": "quizmg.sync.state",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'quizmg.sync' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)


def sync_folder(data_dir: Path) -> Path:
    """Where sync keeps its account, state and mirror inside the data folder."""
    return data_dir / SYNC_FOLDER


def login(folder: Path, user: str, password: str, endpoint: str | None) -> Account:
    """Log in with the anki library; store the key the server returns (never the password)."""
    import tempfile

    from quizmg.sync.account import Account, save_account
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


__all__ = [*_EXPORTS, "login", "sync_folder"]
