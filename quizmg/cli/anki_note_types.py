"""The learner's own versions of quizmg's note types, kept in the learner's data folder.

A learner may add a field to one of quizmg's note types in Anki (a mnemonic, say) and fill it in.
Anki then refuses to update those notes from a package whose note type lacks the field: they come
out "conflicting", beside a stray copy of the note type. Once `quizmg import` has read a package
holding the learner's version, every later export, of any deck and to any file, writes quizmg's
notes under that version, with what the learner wrote in the added fields, note by note.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

from quizmg.formats.anki.exporter import LearnedTypes
from quizmg.formats.anki.ids import note_guid
from quizmg.formats.anki.notetypes import spec_by_model_id
from quizmg.model.anki import AnkiNoteType

if TYPE_CHECKING:
    from quizmg.model import Deck

FILE_NAME = "anki-note-types.json"


def _path() -> Path:
    from quizmg.cli.home import data_dir

    return data_dir() / FILE_NAME


def load_learned() -> LearnedTypes:
    """What earlier imports learnt; an unreadable file counts as nothing learnt."""
    from pydantic import ValidationError

    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
        types = [AnkiNoteType.model_validate(t) for t in data.get("types", [])]
        added = {
            str(guid): {str(k): str(v) for k, v in fields.items()}
            for guid, fields in data.get("added", {}).items()
            if isinstance(fields, dict)
        }
    except (OSError, ValueError, AttributeError, TypeError, ValidationError):
        return LearnedTypes()
    return LearnedTypes(types, added)


def learn_from(deck: Deck) -> int:
    """Keep the learner's versions of quizmg's note types the deck holds, and what its notes hold
    in the added fields; how many note types. A file that cannot be written only costs later
    exports this knowledge."""
    types = [t for t in deck.anki_note_types if spec_by_model_id(t.id) is not None]
    if not types:
        return 0
    learned = load_learned()
    by_id = {t.id: t for t in learned.types}
    by_id.update({t.id: t for t in types})
    added = dict(learned.added)
    ids = {t.id for t in types}
    for question in deck.questions:
        if question.anki is not None and question.anki.note_type in ids:
            added[question.guid or note_guid(deck.id, question.id or "")] = dict(question.anki.fields)
    data = {"types": [t.model_dump(mode="json") for t in by_id.values()], "added": added}
    from quizmg.errors import QuizmgError
    from quizmg.safe_files import write_text

    try:
        _path().parent.mkdir(parents=True, exist_ok=True)
        write_text(_path(), json.dumps(data, ensure_ascii=False, separators=(",", ":")))
    except (OSError, QuizmgError):
        pass
    return len(types)
