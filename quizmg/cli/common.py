"""What several commands share: finding a deck by name or path and loading it."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from quizmg.bank import Bank


def open_bank(name: str) -> Bank:
    """The bank of a deck named by built-in id or path."""
    from quizmg.bank import load_bank
    from quizmg.catalog import resolve_deck

    return load_bank(resolve_deck(name))
