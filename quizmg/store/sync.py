"""Syncing a bank into the collection: cards for new questions, progress kept for unchanged ids,
retired (never deleted) cards for questions that are gone, brought back if they return."""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from quizmg.errors import QuizmgError
from quizmg.store.database import to_ms, write_transaction
from quizmg.store.records import SyncReport

if TYPE_CHECKING:
    from quizmg.bank import Bank
    from quizmg.store.collection import Collection


def _same_file(a: str | Path, b: str | Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _check_id_is_free(bank: Bank, path: str | None, registered_path: str | None) -> None:
    """Refuse a second deck file with the id of a built-in deck or of another registered file that
    still exists: the two would take each other's cards over at every sync."""
    if path is None:
        return
    from quizmg.catalog import builtin_decks

    owner: str | Path | None = None
    builtin = builtin_decks().get(bank.id)
    if builtin is not None and not _same_file(builtin, path):
        owner = f"the built-in deck {bank.id!r}"
    elif registered_path and registered_path != path and os.path.isfile(registered_path) and not _same_file(
        registered_path, path
    ):
        owner = registered_path
    if owner is not None:
        raise QuizmgError(
            f"{bank.path}: the deck id {bank.id!r} is already used by {owner}. Give this deck its own id: "
            f"change `id: {bank.id}` at the top of the file (for example to `id: {bank.id}-2`), then add it again."
        )


def sync_bank(collection: Collection, bank: Bank, now: datetime) -> SyncReport:
    """Bring the collection's cards for `bank` in line with it; one transaction."""
    db = collection.connection
    path = str(bank.path.resolve()) if bank.path else None
    row = db.execute(
        "SELECT id, content_hash, path FROM decks WHERE name = ?", (bank.id,)
    ).fetchone()
    # The common case, e.g. every `quizmg study`: same file, same content, one SELECT.
    if row is not None and row[1] == bank.content_hash and row[2] == path:
        return SyncReport(bank.id, unchanged=True)

    _check_id_is_free(bank, path, None)
    stamp = to_ms(now)
    with write_transaction(db):
        row = db.execute(
            "SELECT id, content_hash, path FROM decks WHERE name = ?", (bank.id,)
        ).fetchone()
        _check_id_is_free(bank, path, row[2] if row is not None else None)
        registered = row is None
        moved_from = row[2] if row is not None and row[2] != path else None
        if row is None:
            deck_id = db.execute(
                "INSERT INTO decks (name, path, title, content_hash, questions, registered_at, "
                "synced_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (bank.id, path, bank.deck.title, bank.content_hash, len(bank.questions), stamp, stamp),
            ).lastrowid
        else:
            deck_id = row[0]
            db.execute(
                "UPDATE decks SET path = ?, title = ?, content_hash = ?, questions = ?, "
                "synced_at = ? WHERE id = ?",
                (path, bank.deck.title, bank.content_hash, len(bank.questions), stamp, deck_id),
            )

        existing = {
            key: (card_id, bool(retired), position)
            for card_id, key, retired, position in db.execute(
                "SELECT id, key, retired, position FROM cards WHERE deck_id = ?", (deck_id,)
            )
        }
        added = kept = unretired = 0
        wanted: set[str] = set()
        for position, ref in enumerate(bank.cards()):
            wanted.add(ref.key)
            found = existing.get(ref.key)
            if found is None:
                db.execute(
                    "INSERT INTO cards (key, number, deck_id, question_id, ordinal, position) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (ref.key, ref.number, deck_id, ref.question_id, ref.ordinal, position),
                )
                added += 1
                continue
            card_id, retired, old_position = found
            if retired or old_position != position:
                db.execute(
                    "UPDATE cards SET retired = 0, position = ? WHERE id = ?", (position, card_id)
                )
            unretired += retired
            kept += not retired
        retired_now = 0
        for key, (card_id, retired, _) in existing.items():
            if key not in wanted and not retired:
                db.execute("UPDATE cards SET retired = 1 WHERE id = ?", (card_id,))
                retired_now += 1
    return SyncReport(
        bank.id,
        unchanged=False,
        added=added,
        kept=kept,
        retired=retired_now,
        unretired=unretired,
        registered=registered,
        moved_from=moved_from,
    )
