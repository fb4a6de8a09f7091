"""What both logs share: an event's identity across the boundary, and reading rows in chunks."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

# An event (an answer, a reset) is its card and its time in ms. Anki's revlog id is that time,
# moved on by a millisecond or two only when another card's row already holds the id: a row may
# sit this many ms after its event's time.
ID_SLACK_MS = 50
# SQLite bounds the number of parameters of one statement.
CHUNK = 500


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterable[Sequence[Any]]:
    """`items` in slices of at most `size`."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
