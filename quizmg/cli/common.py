"""What several commands share: the clock, the learner's collection, and finding decks."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizmg.bank import Bank
    from quizmg.bank_cache import BankCache
    from quizmg.errors import QuizmgError
    from quizmg.store import Collection

COLLECTION_FILE = "collection.sqlite3"
BANK_CACHE_FOLDER = "bank-cache"


def utc_now() -> datetime:
    """The current time, UTC-aware: the CLI reads the clock so the core never has to."""
    return datetime.now(timezone.utc)


def collection_path() -> Path:
    """The learner's collection: `collection.sqlite3` in the data directory."""
    from quizmg.cli.home import data_dir

    return data_dir() / COLLECTION_FILE


def open_user_collection(now: datetime | None = None, *, daily_backup: bool = True) -> Collection:
    """Open (creating or upgrading) the learner's collection; backed up at most once a day."""
    from quizmg.store import open_collection

    return open_collection(collection_path(), now or utc_now(), daily_backup=daily_backup)


def registered_decks() -> dict[str, Path]:
    """Deck ids registered in the collection and their files ({} before the first `add`)."""
    if not collection_path().exists():
        return {}  # listing decks must not create a collection as a side effect
    with open_user_collection() as collection:
        return collection.deck_paths()


def bank_cache() -> BankCache:
    """The cache of validated banks, in the data directory: an unchanged deck is not parsed again."""
    from quizmg.bank_cache import BankCache
    from quizmg.cli.home import data_dir

    return BankCache(data_dir() / BANK_CACHE_FOLDER)


# Freezing pays off only for a large bank (a few thousand questions are rescanned in a blink), and
# it is not free: garbage already in a reference cycle when it happens is never collected.
FREEZE_ABOVE_OBJECTS = 100_000


@contextmanager
def kept_to_the_end(freeze_above: int = FREEZE_ABOVE_OBJECTS) -> Iterator[None]:
    """Build what the command keeps to its end (its banks) with the collector paused; freeze it if large.

    Banks hold no reference cycles to free, yet the collector would rescan every question at each
    full collection: with 100,000 questions about 70 ms each time, the first while the deck loads.
    Frozen objects are never scanned again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        # With the collector paused, its first counter is the number of objects made since.
        if gc.get_count()[0] > freeze_above:
            gc.freeze()
        if was_enabled:
            gc.enable()


def open_bank(name: str) -> Bank:
    """The bank of a deck named by built-in id, registered id, or path (through the bank cache)."""
    from quizmg.bank import load_bank
    from quizmg.catalog import resolve_deck

    with kept_to_the_end():
        bank = load_bank(resolve_deck(name, registered_decks()), bank_cache())
    # Notes edited in Anki on another device (quizmg sync) are part of quizmg's view of the deck.
    from quizmg.cli.home import data_dir

    if (data_dir() / "sync" / "edits" / f"{bank.id}.json").exists():
        from quizmg.sync.overlay import apply_edits_from_anki

        bank = apply_edits_from_anki(bank, data_dir() / "sync")
    return bank


def _from_store(error: BaseException) -> bool:
    """True when the error was raised inside the collection's store (quizmg.store)."""
    import traceback

    return any(
        str(frame.f_globals.get("__name__", "")).startswith("quizmg.store")
        for frame, _ in traceback.walk_tb(error.__traceback__)
    )


def failure_message(error: BaseException) -> str | None:
    """What to tell the user about an OS or SQLite error, naming the file; None for a bug."""
    from quizmg.errors import CollectionDamaged, describe_failure

    from_store = _from_store(error)
    if from_store and isinstance(error, UnicodeDecodeError):  # SQLite quoting damaged schema bytes
        return str(CollectionDamaged(collection_path(), "its schema is unreadable (damaged bytes)"))
    return describe_failure(error, collection_path() if from_store else None)


def quizmg_message(error: QuizmgError) -> str:
    """The message of a QuizmgError; damage found deep in the store is given the collection's path."""
    from quizmg.errors import CollectionDamaged

    if isinstance(error, CollectionDamaged) and error.path is None:
        return str(CollectionDamaged(collection_path(), error.detail))
    return str(error)
