"""Notes added on another device to a deck quizmg syncs: named, and left where they are.

quizmg's questions come from its deck files, which quizmg never rewrites; a note made on the phone
in one of quizmg's decks (or moved there) has no place in that file. It stays in Anki, studied
there, and the sync names it once, when it arrives, so the learner knows to write it into the deck
file to study it in quizmg too. quizmg's own later imports leave it alone (an import only adds and
updates quizmg's notes).

A note is named when the server sent it since the last sync (a note added or edited elsewhere; all
of them after the mirror was replaced), one of its cards is in the deck's Anki deck or a sub-deck,
and its GUID is none of the deck's questions' (a question taken out of the deck file leaves its note
in Anki too: named the same way, by what it is).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizmg.bank import Bank

SHOWN = 3  # notes quoted by their first field; the rest are counted
SNIPPET = 40  # characters of a quoted field

ADDED = (
    "{deck}: {count} in its Anki deck {verb} not in the deck file ({quoted}): studied in Anki only; "
    "write {pronoun} into {path} to study {pronoun} in quizmg too."
)


def _anki_decks(col: Any, bank: Bank) -> list[int]:
    """The ids of the bank's Anki deck and its sub-decks in the mirror."""
    from quizmg.formats.anki.ids import anki_deck_name

    top = anki_deck_name(bank.deck.title)
    return [
        int(deck_id)
        for deck_id, name in col.db.all("select id, name from decks")
        if name == top or name.startswith(top + "\x1f")
    ]


def _snippet(fields: str) -> str:
    from quizmg.formats.anki.html_text import html_to_text

    text = " ".join(html_to_text(fields.split("\x1f", 1)[0]).split())
    return text if len(text) <= SNIPPET else text[: SNIPPET - 1].rstrip() + "…"


def notes_added_in_anki(col: Any, banks: Sequence[Bank], since_usn: int) -> list[str]:
    """One line per deck whose Anki deck got notes, since `since_usn`, that its file does not hold."""
    from quizmg.formats.anki.ids import question_guid

    lines = []
    for bank in banks:
        decks = _anki_decks(col, bank)
        if not decks:
            continue
        ours = {question_guid(bank.id, question) for question in bank.questions}
        marks = ",".join("?" * len(decks))
        rows = col.db.all(
            "select distinct n.id, n.guid, n.flds from notes n join cards c on c.nid = n.id "
            f"where n.usn >= ? and c.did in ({marks}) order by n.id",
            since_usn,
            *decks,
        )
        added = [fields for _, guid, fields in rows if guid not in ours]
        if not added:
            continue
        quoted = ", ".join(repr(_snippet(fields)) for fields in added[:SHOWN])
        if len(added) > SHOWN:
            quoted += f" and {len(added) - SHOWN} more"
        one = len(added) == 1
        lines.append(
            ADDED.format(
                deck=bank.id,
                count="1 note" if one else f"{len(added)} notes",
                quoted=quoted,
                verb="is" if one else "are",
                path=bank.path if bank.path is not None else bank.id,
                pronoun="it" if one else "them",
            )
        )
    return lines
