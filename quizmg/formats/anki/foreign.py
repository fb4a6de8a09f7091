"""Notes of any Anki note type (not quizmg's own) as question data, read through their templates.

The card templates say which field is asked and which is the answer: the fields on the first
template's front are the prompt, the first field only its back shows is the answer, and a
`{{type:Field}}` makes a type-in question. Cloze note types take every `{{cloze:Field}}` field as
the text. Any other field with content is kept, by name, in the explanation (the cloze's extra):
`Extra` and `Back Extra` as they are, the others as `Name: value` lines. Nothing is dropped silently:
a note that cannot become a question is a warning that names it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizmg.formats.anki.html_text import html_to_text
from quizmg.formats.anki.ids import guid_digest
from quizmg.formats.anki.reader import AnkiNote, NoteType

# {{Field}}, {{filter:Field}}, {{#Field}}...: the names a template uses, filters stripped.
_REFERENCE = re.compile(r"\{\{([^{}]+)\}\}")
_SPECIAL = frozenset({"FrontSide", "Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag"})
# Fields whose content is the explanation itself, not one labelled part of it.
_PLAIN_EXTRA = frozenset({"extra", "back extra", "explanation", "notes"})
# Fields that only switch cards on, such as the optional reversed card's.
_SWITCHES = frozenset({"add reverse"})
_STOCK_TYPES = frozenset({
    "Basic", "Basic (and reversed card)", "Basic (optional reversed card)",
    "Basic (type in the answer)", "Cloze",
})


@dataclass
class ForeignReport:
    """What reading foreign notes found worth telling: skipped notes, types read by their templates."""

    skipped: list[str] = field(default_factory=list)
    custom_types: dict[str, int] = field(default_factory=dict)


def _fields_in(template: str, filter_name: str | None = None) -> list[str]:
    """The fields a template shows, in order (with `filter_name`, only those shown through it)."""
    names: list[str] = []
    for match in _REFERENCE.finditer(template):
        reference = match.group(1).strip()
        if reference[:1] in "#^/!":
            continue
        *filters, name = (part.strip() for part in reference.split(":"))
        if filter_name is not None and filter_name not in filters:
            continue
        if name and name not in _SPECIAL and name not in names:
            names.append(name)
    return names


def _label(note: AnkiNote, values: dict[str, str]) -> str:
    first = next((v for v in values.values() if v.strip()), "")
    snippet = re.sub(r"\s+", " ", first)[:50]
    return f"note {snippet!r}" if snippet else f"note {note.guid!r}"


def _count_custom(report: ForeignReport, note_type: NoteType, extras: str, values: dict[str, str]) -> None:
    """Count a note whose fields went into the explanation by name: worth one warning per type."""
    if note_type.name not in _STOCK_TYPES and any(f"{name}: " in extras for name in values):
        report.custom_types[note_type.name] = report.custom_types.get(note_type.name, 0) + 1


def _extras(values: dict[str, str], used: set[str]) -> str:
    """Every other field with content: plain for Extra-like names, else `Name: value`."""
    lines = []
    for name, value in values.items():
        if name in used or not value or name.casefold() in _SWITCHES:
            continue
        lines.append(value if name.casefold() in _PLAIN_EXTRA else f"{name}: {value}")
    return "\n".join(lines)


def _extra_sources(values: dict[str, str], used: set[str]) -> list[str]:
    """The fields `_extras` may take lines from (empty ones too: an edit may fill them)."""
    return [n for n in values if n not in used and n.casefold() not in _SWITCHES]


def is_plain_extra(name: str) -> bool:
    """Whether a field's lines go into the explanation as they are (not as `Name: value`)."""
    return name.casefold() in _PLAIN_EXTRA


def is_image_occlusion(note_type: NoteType) -> bool:
    """Anki's Image Occlusion note type (or a copy of it)."""
    templates = " ".join(front + back for _name, front, back in note_type.templates)
    return "image-occlusion" in templates or {"Occlusion", "Image"} <= set(note_type.fields)


def foreign_question(
    note: AnkiNote, note_type: NoteType, report: ForeignReport, sources: dict[str, list[str]] | None = None
) -> dict | None:
    """The question data a note becomes, or None (with the reason in `report`). `sources`, when
    given, is filled with the fields each attribute came from (prompt, answer, text, extra,
    explanation), so an edit made in quizmg can go back into the right field."""
    sources = {} if sources is None else sources
    values = {
        name: html_to_text(value) for name, value in zip(note_type.fields, note.fields, strict=False)
    }
    label = _label(note, values)
    question: dict = {"id": f"anki-{guid_digest(note.guid)}"}
    if note_type.cloze:
        if is_image_occlusion(note_type):
            from quizmg.formats.anki.occlusion import OcclusionSyntaxError, occlusion_data

            header = re.sub(r"\s+", " ", values.get("Header", ""))[:50]
            try:
                return {**question, **occlusion_data(values, note_type.fields, sources)}
            except OcclusionSyntaxError as error:
                report.skipped.append(f"note {header or note.guid!r} ({note_type.name}): {error}: skipped")
                return None
        cloze_fields = [n for _t, front, _b in note_type.templates for n in _fields_in(front, "cloze")]
        cloze_fields = list(dict.fromkeys(n for n in cloze_fields if n in values)) or list(values)[:1]
        text = "\n\n".join(values[n] for n in cloze_fields if values[n])
        if not text:
            report.skipped.append(f"{label} ({note_type.name}): the cloze text is empty: skipped")
            return None
        extra = _extras(values, set(cloze_fields))
        _count_custom(report, note_type, extra, values)
        sources.update(text=cloze_fields, extra=_extra_sources(values, set(cloze_fields)))
        return {**question, "kind": "cloze", "text": text, "extra": extra}

    front = note_type.templates[0][1] if note_type.templates else ""
    back = note_type.templates[0][2] if note_type.templates else ""
    typed = next((n for n in _fields_in(front, "type") if n in values), None)
    asked = [n for n in _fields_in(front) if n in values and n != typed] or list(values)[:1]
    shown = [n for n in _fields_in(back) if n in values and n not in asked]
    if typed is not None:
        answer_field: str | None = typed
    else:
        answer_field = next((n for n in shown if values[n]), None)
        if answer_field is None:
            answer_field = next((n for n in values if n not in asked and n.casefold() not in _SWITCHES), None)
    prompt = "\n".join(values[n] for n in asked if values[n])
    answer = values.get(answer_field, "") if answer_field else ""
    if not prompt:
        report.skipped.append(f"{label} ({note_type.name}): the front is empty: skipped")
        return None
    if not answer:
        where = f"its {answer_field} field" if answer_field else "it has no answer field"
        report.skipped.append(f"{label} ({note_type.name}): the back is empty ({where}): skipped")
        return None
    used = {*asked, answer_field} if answer_field else set(asked)
    explanation = _extras(values, used)
    _count_custom(report, note_type, explanation, values)
    sources.update(
        prompt=asked, answer=[answer_field] if answer_field else [], explanation=_extra_sources(values, used)
    )
    if typed is not None:
        return {**question, "kind": "short", "prompt": prompt, "answer": answer, "explanation": explanation}
    return {
        **question,
        "kind": "basic",
        "prompt": prompt,
        "answer": answer,
        "reversed": 1 in note.card_ordinals and len(note_type.templates) >= 2,
        "explanation": explanation,
    }
