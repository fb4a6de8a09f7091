"""Identity across the Anki boundary: note GUIDs, deck names, note checksums.

A note's GUID comes from the deck id and the question id only, so editing a question's wording
updates the note in Anki instead of adding a copy. Nothing here imports the rest of the package.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

# The deck's own data (title, source, mechanisms, which questions were written by hand) travels in
# the Anki deck description inside this HTML comment, base64 so no `--` can end the comment early.
DECK_DATA_PREFIX = "<!--quizmg-deck:"
DECK_DATA_SUFFIX = "-->"


@dataclass(frozen=True)
class PreviousNote:
    """A note as an earlier export wrote it: a checksum of its content and its `mod` time."""

    checksum: str
    mod: int


def anki_deck_name(title: str) -> str:
    """An Anki deck name from a title: `::` would make a sub-deck, so it becomes `:`."""
    return re.sub(r"\s+", " ", title.replace("::", ":")).strip() or "quizmg"


# Anki's base-91 alphabet for GUIDs, in genanki's order.
_BASE91 = (
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&()*+,-./:;<=>?@[]^_`{|}~"
)
_BASE91_PAIRS = tuple(high + low for high in _BASE91 for low in _BASE91)


def note_guid(deck_id: str, question_id: str) -> str:
    """The note GUID: from the deck and question ids only, never from the wording.

    The same text as genanki.guid_for("quizmg", deck_id, question_id) (a test checks it), with
    the digest read as one integer instead of byte by byte: a big export makes one per note.
    """
    digest = hashlib.sha256(f"quizmg__{deck_id}__{question_id}".encode()).digest()
    # 64 bits are at most ten base-91 digits: five pairs, from a table of all 8281 pairs.
    rest, fifth = divmod(int.from_bytes(digest[:8], "big"), 8281)
    rest, fourth = divmod(rest, 8281)
    rest, third = divmod(rest, 8281)
    first, second = divmod(rest, 8281)
    pairs = _BASE91_PAIRS
    # genanki writes no leading zero digits; a zero digit is "a".
    return (pairs[first] + pairs[second] + pairs[third] + pairs[fourth] + pairs[fifth]).lstrip("a")


def note_checksum(model_id: int, fields: Sequence[str], tags: Sequence[str]) -> str:
    """What decides whether a note changed since the previous export."""
    text = "\x1e".join([str(model_id), "\x1f".join(fields), " ".join(tags)])
    return hashlib.sha1(text.encode("utf-8")).hexdigest()



def question_guid(deck_id: str, question: Any) -> str:
    """The GUID of a question's note: the Anki note's own when it came from Anki, else quizmg's."""
    return str(question.guid or note_guid(deck_id, question.id or ""))


def guid_digest(guid: str) -> str:
    """The short digest of an Anki GUID that names the question a foreign note becomes."""
    return hashlib.sha256(guid.encode("utf-8")).hexdigest()[:12]
