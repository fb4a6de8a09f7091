"""Edits made on another device to notes that came FROM Anki (see quizmg.model.anki).

Such a question keeps its note as Anki had it: its GUID, its own note type and its fields as HTML.
When the mirror's note differs from the one quizmg last sent, the note is read again through its own
note type, as an import reads it (quizmg.formats.anki.foreign): the question's attributes (prompt,
answer, cloze text, extra, explanation, an occlusion's header and shapes...) and the note it keeps
(its fields and time) are both taken from the edited note, so the next export sends that same note.
This holds for every note type quizmg imports, whatever its fields are called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizmg.bank import Bank
    from quizmg.model import QuestionBase


def _relinker(bank: Bank) -> Any:
    """Media references relinked as the import did, against the media folder beside the deck file."""
    from quizmg.formats.anki.importer import MEDIA_FOLDER, MediaLinks

    folder = bank.path.parent / MEDIA_FOLDER if bank.path is not None else None
    names = {p.name for p in folder.iterdir() if p.is_file()} if folder is not None and folder.is_dir() else set()
    return MediaLinks(names)


def foreign_note_changes(
    col: Any, bank: Bank, question: QuestionBase, guid: str, fields: list[str], mod: int
) -> tuple[dict[str, Any] | None, str | None]:
    """(the question's changed attributes, or None; why the edit cannot come back, or None) for a
    note from Anki whose fields are now `fields` in the mirror."""
    from quizmg.formats.anki.foreign import ForeignReport, foreign_question
    from quizmg.formats.anki.kept_types import FOREIGN_ATTRIBUTES, reader_type
    from quizmg.formats.anki.reader import AnkiNote

    label = f"{bank.id}/{question.id}"
    origin = question.anki
    note_type = next((t for t in bank.deck.anki_note_types if origin and t.id == origin.note_type), None)
    if origin is None or note_type is None:
        return None, f"{label}: edited in Anki, but the deck no longer holds its note type: kept quizmg's."
    names = note_type.field_names()
    if len(fields) != len(names):
        return None, (
            f"{label}: its note type gained or lost a field in Anki; run `quizmg import` on a fresh "
            "package to take the new note type: kept quizmg's."
        )
    # The cards Anki has for the note now (an optional reversed card switched on, say).
    ordinals = {
        int(row[0])
        for row in col.db.all("select c.ord from cards c join notes n on n.id = c.nid where n.guid = ?", guid)
    }
    note = AnkiNote(0, guid, note_type.id, mod, [], list(fields), card_ordinals=ordinals)
    report = ForeignReport()
    data = foreign_question(note, reader_type(note_type), report)
    if data is None:
        why = report.skipped[0] if report.skipped else "it is no longer a question"
        return None, f"{label}: the edit made in Anki cannot come back ({why}): kept quizmg's."
    kind = str(question.kind)  # type: ignore[attr-defined]
    if data.get("kind") != kind:
        return None, (
            f"{label}: the edit made in Anki makes it a {data.get('kind')} question, not {kind}: kept quizmg's."
        )
    links = _relinker(bank)
    data = links.data(data)
    if links.missing:
        missing = ", ".join(sorted(links.missing))
        return None, (
            f"{label}: the edit made in Anki refers to {missing}, which is not in the deck's media folder: "
            "kept quizmg's; put the file there and edit the deck file."
        )
    model_fields = type(question).model_fields
    changes: dict[str, Any] = {}
    current = question.model_dump(mode="json")
    for attribute in (*FOREIGN_ATTRIBUTES.get(kind, ()), "reversed"):
        if attribute not in model_fields:
            continue
        # An emptied field the import leaves out (an occlusion's header, say) is the default again.
        value = data[attribute] if attribute in data else model_fields[attribute].get_default(
            call_default_factory=True
        )
        if value != current.get(attribute):
            changes[attribute] = value
    kept = {**origin.model_dump(mode="json"), "mod": int(mod), "fields": dict(zip(names, fields, strict=True))}
    changes["anki"] = kept
    return changes, None
