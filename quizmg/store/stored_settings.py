"""Settings as the collection stores them: global values, each deck's overrides, validated."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from quizmg.errors import QuizmgError
from quizmg.scheduling.settings import Settings, settings_from_mapping
from quizmg.store.database import write_transaction

if TYPE_CHECKING:
    from quizmg.store.collection import Collection

GLOBAL_SCOPE = ""


def overrides(collection: Collection, deck: str | None = None) -> dict[str, Any]:
    """The values set for the whole collection (or one deck's overrides)."""
    scope = GLOBAL_SCOPE if deck is None else deck
    rows = collection.connection.execute("SELECT key, value FROM settings WHERE scope = ? ORDER BY key", (scope,))
    return {key: json.loads(value) for key, value in rows}


def in_force(collection: Collection, deck: str | None, cache: dict[tuple[Any, ...], Settings]) -> Settings:
    """Defaults, then global values, then the deck's own; `cache` keeps one Settings per set of rows."""
    rows = tuple(
        collection.connection.execute(
            "SELECT scope, key, value FROM settings WHERE scope IN (?, ?) ORDER BY scope, key",
            (GLOBAL_SCOPE, deck if deck is not None else GLOBAL_SCOPE),
        )
    )
    cached = cache.get(rows)
    if cached is None:
        values: dict[str, Any] = {}
        for _scope, key, value in rows:  # '' sorts first: deck values override global ones
            values[key] = json.loads(value)
        where = "the collection's settings" if deck is None else f"deck {deck!r}'s settings"
        try:
            cached = settings_from_mapping(values)
        except QuizmgError as error:
            raise QuizmgError(f"{where} are invalid; fix them with `quizmg config`:\n{error}") from None
        cache[rows] = cached
    return cached


def set_value(collection: Collection, key: str, value: Any, deck: str | None = None) -> Settings:
    """Store one setting (globally or for a deck), validated with the others first."""
    if deck is not None:
        collection.deck_id(deck)
    trial = {**overrides(collection, None)}
    if deck is not None:
        trial.update(overrides(collection, deck))
    trial[key] = value
    settings = settings_from_mapping(trial)  # raises QuizmgError naming the bad value
    with write_transaction(collection.connection) as db:
        db.execute(
            "INSERT INTO settings (scope, key, value) VALUES (?, ?, ?) "
            "ON CONFLICT (scope, key) DO UPDATE SET value = excluded.value",
            (GLOBAL_SCOPE if deck is None else deck, key, json.dumps(value)),
        )
    return settings


def unset_value(collection: Collection, key: str, deck: str | None = None) -> bool:
    """Remove a stored value so the default (or the global value) applies again."""
    with write_transaction(collection.connection) as db:
        cursor = db.execute(
            "DELETE FROM settings WHERE scope = ? AND key = ?", (GLOBAL_SCOPE if deck is None else deck, key)
        )
    return cursor.rowcount > 0
