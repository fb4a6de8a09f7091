"""Tags edited on another device, back to the question they belong to.

A note's tags are the deck's, the question's and its mechanism's (quizmg.formats.anki.fields.tags_for).
A tag added to a note in Anki becomes the question's; a question's tag removed in Anki leaves it. The
deck's tags and the mechanism's tag stand for more than one note: removed from one note, they cannot
come back to that question alone, and the sync says so. Anki compares tags without case; so does this.

Two tags are Anki's own marks of a note's learning, not the question's: "leech" (Anki found the card
hard to learn) and "marked" (the learner marked it while reviewing). They stay on Anki's side: they
are not taken into the question, and as Anki's importer drops them from a package it takes without
scheduling, the mirror keeps them across quizmg's imports (`anki_marks`, `restore_anki_marks`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizmg.model import Deck, QuestionBase


ANKI_MARKS = ("leech", "marked")


def _folded(tags: Sequence[str]) -> set[str]:
    return {tag.casefold() for tag in tags}


def tags_changed(sent: Sequence[str], now: Sequence[str]) -> bool:
    """Whether a note's tags differ from those quizmg sent, as Anki compares them."""
    return _folded(sent) - set(ANKI_MARKS) != _folded(now) - set(ANKI_MARKS)


def tags_from_anki(
    deck: Deck, question: QuestionBase, sent: Sequence[str], now: Sequence[str]
) -> tuple[list[str], list[str]]:
    """(the question's tags after the edit, what could not come back) for a note quizmg sent with
    tags `sent` that Anki now holds with tags `now`."""
    shared = list(deck.tags)
    if question.mechanism:
        shared.append(f"mechanism::{question.mechanism}")
    shared_keys = _folded(shared) | set(ANKI_MARKS)
    now_keys = _folded(now)
    sent_keys = _folded(sent)
    # The question's tags as the note showed them, in their order; then those added in Anki.
    kept = [tag for tag in sent if tag.casefold() not in shared_keys and tag.casefold() in now_keys]
    added = [tag for tag in now if tag.casefold() not in sent_keys and tag.casefold() not in shared_keys]
    label = f"{deck.id}/{question.id}"
    problems = [
        f"{label}: the tag {tag}, removed in Anki, is the deck's (or its mechanism's), so it stays on every "
        "question; remove it from the deck file to take it off."
        for tag in shared
        if tag.casefold() in sent_keys and tag.casefold() not in now_keys
    ]
    return list(dict.fromkeys([*kept, *added])), problems


def anki_marks(col: Any) -> dict[int, list[str]]:
    """note id -> Anki's own marks ("leech", "marked") the mirror's note has now."""
    marks: dict[int, list[str]] = {}
    rows = col.db.all("select id, tags from notes where tags like '%leech%' or tags like '%marked%'")
    for note_id, tags in rows:
        found = [tag for tag in str(tags).split() if tag.casefold() in ANKI_MARKS]
        if found:
            marks[int(note_id)] = found
    return marks


def restore_anki_marks(col: Any, before: dict[int, list[str]]) -> None:
    """Put back the marks an import took off (an Anki import without scheduling drops them)."""
    for note_id, marks in before.items():
        tags = col.db.scalar("select tags from notes where id = ?", note_id)
        if tags is None:
            continue  # the note is gone
        have = _folded(str(tags).split())
        for mark in marks:
            if mark.casefold() not in have:
                col.tags.bulk_add([note_id], mark)
