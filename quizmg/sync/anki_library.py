"""The `anki` library, imported only when a sync needs it, and its errors in the learner's words."""

from __future__ import annotations

import importlib
from typing import Any

from quizmg.errors import QuizmgError

MISSING = (
    "syncing needs the `anki` library, which is not installed. "
    "Install it with: pip install 'quizmg[anki]'"
)


def anki_collection_class() -> Any:
    """anki.collection.Collection, or one clear error when the library is missing."""
    try:
        module = importlib.import_module("anki.collection")
    except ImportError:
        raise QuizmgError(MISSING) from None
    return module.Collection


class SyncRefused(QuizmgError):
    """The server refused the credentials or the key."""


class ServerUnreachable(QuizmgError):
    """The server could not be reached."""


def _plain(text: str) -> str:
    """The library's message on one line, without its bidi isolation marks."""
    text = text.replace("\u2068", "").replace("\u2069", "")
    return " ".join(text.split())


def translated(error: Exception, server: str) -> QuizmgError | None:
    """A sync error from the anki library as one message for the learner (None: not a sync error)."""
    from anki.errors import NetworkError, SyncError, SyncErrorKind

    if isinstance(error, SyncError):
        text = _plain(str(error))
        if error.kind == SyncErrorKind.AUTH:
            return SyncRefused(
                f"{server} refused the user name or password ({text}). "
                "Check them and run `quizmg sync login` again."
            )
        lowered = text.lower()
        if any(word in lowered for word in ("too old", "upgrade", "update", "newer")):
            return QuizmgError(
                f"{server} speaks a newer sync protocol than the installed anki library ({text}). "
                "Upgrade it: pip install -U 'quizmg[anki]'. Nothing was changed."
            )
        return QuizmgError(f"{server} refused the sync: {text}. Nothing was changed.")
    if isinstance(error, NetworkError):
        detail = _plain(str(error)).replace("A network error occurred.", "").replace("Error details:", "")
        detail = detail.strip() or "no answer"
        return ServerUnreachable(
            f"cannot reach the sync server {server} ({detail}). "
            "Is it running and is the address right? Nothing was changed."
        )
    return None
