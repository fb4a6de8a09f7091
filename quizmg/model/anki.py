"""What a question that came from Anki keeps of its note, so it goes back as the same note.

Anki updates a note in place only when the package's note has the same note type (by id, with the
same fields and templates) and a newer `mod`; any other note type makes the note "conflicting" and
Anki keeps its own copy. So a deck imported from Anki keeps each note type its notes used (fields,
templates, CSS, id, name, time) and each note keeps its fields as Anki had them (HTML), its note
type's id and its `mod`. Strings here are kept exactly as Anki had them: no whitespace is stripped.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

# Anki's ids are 64-bit signed numbers (field and template ids are random, so often negative).
AnkiId = Annotated[int, Field(ge=-(1 << 63), lt=1 << 63)]


class _Exact(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class AnkiField(_Exact):
    """One field of a note type: its name and, when Anki gave it one, its id."""

    name: Annotated[str, Field(min_length=1, max_length=500)]
    id: AnkiId | None = None


class AnkiTemplate(_Exact):
    """One card template: its name, front and back, and its id when Anki gave it one."""

    name: Annotated[str, Field(min_length=1, max_length=500)]
    front: str = ""
    back: str = ""
    id: AnkiId | None = None


class AnkiNoteType(_Exact):
    """An Anki note type as Anki had it: what a re-export needs for Anki to match it."""

    id: Annotated[int, Field(gt=0, lt=1 << 63)]
    name: Annotated[str, Field(min_length=1, max_length=500)]
    cloze: bool = False
    fields: list[AnkiField] = Field(min_length=1)
    templates: list[AnkiTemplate] = Field(min_length=1)
    css: str = ""
    mod: Annotated[int, Field(ge=0)] = 0
    sort_field: Annotated[int, Field(ge=0)] = 0
    latex_pre: str | None = None
    latex_post: str | None = None

    def field_names(self) -> list[str]:
        """The fields' names, in order."""
        return [f.name for f in self.fields]


class AnkiOrigin(_Exact):
    """The Anki note a question came from: its note type's id, its time and its fields as HTML."""

    note_type: Annotated[int, Field(gt=0, lt=1 << 63)] = Field(
        description="The id of the note type, one of the deck's anki_note_types."
    )
    mod: Annotated[int, Field(ge=0)] = Field(0, description="When the note last changed in Anki (seconds).")
    fields: dict[str, str] = Field(
        default_factory=dict, description="Every field of the note as Anki had it (HTML), by name."
    )
