"""Notes deleted in Anki: questions the learner set aside on another device.

quizmg suspends such a question's cards (their progress kept), stops sending its note, and says so
at the sync that finds it. When the learner unsuspends it in quizmg, the next sync sends the note
again: a new note in Anki, its cards given quizmg's schedule like any card quizmg writes.

A deletion is found only where it is one: the note was in the last package quizmg sent for the deck
(`outgoing/<deck>.apkg`, put in place only once Anki's importer took it: see
quizmg.sync.mirror.import_decks) and is absent from the mirror after a normal sync, into the mirror
the deck went into (its hash is in the state: replacing the mirror forgets them, see
SyncState.forget_mirror). A deck none of whose notes are left is named, and nothing changes.

The questions set aside are kept in the state (`deleted_in_anki`, "deck/question"); it is saved as
soon as their cards are suspended, before anything else is sent, so a run killed at any point
finds the same deletions again (the package is still the one sent) or has them recorded.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizmg.bank import Bank
    from quizmg.store import Collection
    from quizmg.sync.state import SyncState

NOTE_GRAVE = 1  # Anki's graves.type for a removed note

DELETED = (
    "{label}: deleted in Anki; suspended in quizmg and no longer sent (unsuspend it in quizmg to send it "
    "again, or remove it from the deck file)"
)
RESTORED = "{label}: unsuspended in quizmg; sent to Anki again as a new note, with quizmg's schedule"
DECK_GONE = (
    "{deck}: none of its notes are in Anki any more (was the deck deleted there?); quizmg changed nothing "
    "(`quizmg sync remove {deck}` stops syncing it)"
)


@dataclass
class Deletions:
    """What this run found: questions set aside, questions sent again, lines for the learner."""

    deleted: list[str] = field(default_factory=list)
    restored: list[str] = field(default_factory=list)
    restored_keys: set[str] = field(default_factory=set)
    notes: list[str] = field(default_factory=list)


def _split(label: str) -> tuple[str, str]:
    deck, _, question = label.partition("/")
    return deck, question


def sent_banks(banks: Sequence[Bank], deleted: set[str]) -> list[Bank]:
    """The banks as quizmg sends them: without the questions deleted in Anki. A bank that leaves
    some out gets its own content hash, so a change of what is left out is a change to send."""
    from quizmg.bank import text_digest

    sending = []
    for bank in banks:
        gone = sorted(question for deck, question in map(_split, deleted) if deck == bank.id)
        if not gone:
            sending.append(bank)
            continue
        kept = [q for q in bank.questions if q.id not in gone]
        digest = text_digest("\n".join([bank.content_hash, "not sent:", *gone]))
        sending.append(replace(bank, questions=kept, content_hash=digest))
    return sending


def _card_keys(bank: Bank) -> dict[str, list[str]]:
    """Each question's card keys."""
    keys: dict[str, list[str]] = {}
    for ref in bank.cards():
        keys.setdefault(ref.question_id, []).append(ref.key)
    return keys


def settle_deletions(
    collection: Collection, col: Any, folder: Path, banks: Sequence[Bank], state: SyncState, since_usn: int
) -> Deletions:
    """Find the notes deleted in Anki since the last sync and suspend their questions in quizmg;
    find the questions set aside that were unsuspended in quizmg since. Updates `state` (saving the
    new deletions at once); the caller sends the banks of `sent_banks(banks, set(state.deleted_in_anki))`.
    `since_usn`: the mark of the last completed sync (graves from the server since carry at least it)."""
    from quizmg.formats.anki.ids import question_guid
    from quizmg.formats.anki.reader import read_package
    from quizmg.sync.mirror import OUTGOING_FOLDER
    from quizmg.sync.state import save_state

    result = Deletions()
    by_deck = {bank.id: bank for bank in banks}
    before = set(state.deleted_in_anki)
    kept: set[str] = set()
    keys_of: dict[str, dict[str, list[str]]] = {}
    for label in sorted(before):
        deck, question_id = _split(label)
        bank = by_deck.get(deck)
        if bank is None:
            kept.add(label)  # a deck not synced this time: left as it is
            continue
        if deck not in keys_of:
            keys_of[deck] = _card_keys(bank)
        keys = keys_of[deck].get(question_id, [])  # in quizmg by now (Collection.sync)
        if not keys:
            continue  # the question left the deck file: nothing to send, nothing to keep
        if all(collection.card(key).suspended for key in keys):
            kept.add(label)
        else:
            result.restored.append(label)
            result.restored_keys.update(keys)
    # Anki keeps a grave for each note a sync removed, with that sync's usn: none since the last
    # run's mark, no deletion to look for (the package is read only when one came).
    graves = col.db.scalar("select count() from graves where type = ? and usn >= ?", NOTE_GRAVE, since_usn)
    in_mirror = set(col.db.list("select guid from notes")) if graves else set()
    for bank in banks if graves else ():
        package = folder / OUTGOING_FOLDER / f"{bank.id}.apkg"
        if bank.id not in state.deck_hashes or not package.is_file():
            continue  # not sent into this mirror by a finished sync
        sent = {note.guid for note in read_package(package).notes}
        if not sent:
            continue
        if not sent & in_mirror:
            result.notes.append(DECK_GONE.format(deck=bank.id))
            continue
        for question in bank.questions:
            label = f"{bank.id}/{question.id}"
            guid = question_guid(bank.id, question)
            if label in before or guid not in sent or guid in in_mirror:
                continue
            if bank.id not in keys_of:
                keys_of[bank.id] = _card_keys(bank)
            collection.set_suspended(keys_of[bank.id].get(question.id or "", []), True)
            result.deleted.append(label)
    if result.deleted:
        # Recorded before anything is sent without them: the package that shows them is replaced then.
        save_state(folder, replace(state, deleted_in_anki=sorted(before | set(result.deleted))))
    state.deleted_in_anki = sorted(kept | set(result.deleted))
    result.notes.extend(DELETED.format(label=label) for label in result.deleted)
    result.notes.extend(RESTORED.format(label=label) for label in result.restored)
    return result
