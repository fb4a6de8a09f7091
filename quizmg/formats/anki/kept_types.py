"""Notes that go back to Anki under the note type they came with (see quizmg.model.anki).

Anki updates a note in place only when the package's note has the note type Anki already has (same
id, same fields and templates, matched by their ids when both sides have them) and a newer `mod`.
So a question imported from Anki is written under its own note type, as Anki had it, with its
fields as Anki had them; a field quizmg changed is written anew, the others are kept byte for byte.
Its `mod` is one second newer than Anki's when nothing changed (Anki then updates the note with the
same content, and an edit the learner made in Anki since then stays: it is newer still), and the
export's time when quizmg changed it.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from quizmg.formats.anki.edits import _comparable
from quizmg.formats.anki.foreign import ForeignReport, foreign_question, is_plain_extra
from quizmg.formats.anki.reader import AnkiNote, NoteType
from quizmg.model.anki import AnkiNoteType, AnkiOrigin
from quizmg.model.cloze import all_deletions, parse

if TYPE_CHECKING:
    import genanki

Markdown = Callable[[str], str]

# Per kind: the attributes a foreign note's fields become, which an edit in quizmg sends back.
_ATTRIBUTES = {
    "basic": ("prompt", "answer", "explanation"),
    "short": ("prompt", "answer", "explanation"),
    "cloze": ("text", "extra"),
    "occlusion": ("shapes", "image", "header", "extra", "comments"),
}
FOREIGN_ATTRIBUTES = _ATTRIBUTES  # what an edit made in Anki to such a note changes (quizmg.sync)
_MEDIA_IN_HTML = re.compile(
    r"""<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))|\[sound:([^\]]+)\]""", re.IGNORECASE
)
_REFERENCE = re.compile(r"\{\{([#^/]?)([^{}]+)\}\}")
_SPECIAL = frozenset({"FrontSide", "Tags", "Type", "Deck", "Subdeck", "Card", "CardFlag"})


@dataclass
class KeptNote:
    """A note's fields under its kept note type, its cards (0-based) and whether quizmg changed it."""

    fields: list[str]
    cards: list[int]
    changed: bool


def reader_type(note_type: AnkiNoteType) -> NoteType:
    """The deck's note type in the reader's shape (what the importer reads notes through)."""
    return NoteType(
        note_type.id, note_type.name, note_type.cloze, note_type.field_names(),
        [(t.name, t.front, t.back) for t in note_type.templates],
    )


def media_names(html: str) -> Iterable[str]:
    """The media file names a field's HTML refers to (images and sounds)."""
    for match in _MEDIA_IN_HTML.finditer(html):
        name = next((g for g in match.groups() if g is not None), "").strip()
        if name and "://" not in name and not name.startswith("data:"):
            yield name


def card_ordinals(note_type: AnkiNoteType, fields: list[str]) -> list[int]:
    """The cards (0-based) Anki makes for these fields: cloze numbers, or templates whose front
    shows a field with content (conditional sections followed, as Anki does)."""
    values = dict(zip(note_type.field_names(), fields, strict=False))
    if note_type.cloze:
        cloze_fields = {
            reference.split(":")[-1].strip()
            for template in note_type.templates
            for prefix, reference in _REFERENCE.findall(template.front)
            if not prefix and "cloze:" in reference
        }
        numbers = {
            d.number for name in cloze_fields if name in values for d in all_deletions(parse(values[name]))
        }
        return sorted(n - 1 for n in numbers if n > 0) or [0]
    cards = [ordinal for ordinal, t in enumerate(note_type.templates) if _front_shows(t.front, values)]
    return cards or [0]


def _front_shows(template: str, values: dict[str, str]) -> bool:
    """Whether a card front shows any field with content, sections `{{#F}}` and `{{^F}}` followed."""
    shown = False
    hidden_depth = 0
    stack: list[bool] = []  # per open section: whether it hides its content
    for prefix, reference in _REFERENCE.findall(template):
        name = reference.split(":")[-1].strip()
        if prefix in "#^" and prefix:
            filled = bool(values.get(name, "").strip())
            hides = (not filled) if prefix == "#" else filled
            stack.append(hides)
            hidden_depth += hides
        elif prefix == "/":
            if stack:
                hidden_depth -= stack.pop()
        elif not hidden_depth and name not in _SPECIAL and values.get(name, "").strip():
            shown = True
    return shown


def _seen(origin: AnkiOrigin, note_type: AnkiNoteType, relink: Callable[[Any], Any]) -> tuple[dict, dict]:
    """What the import made of the kept fields (relinked as the import relinked them), and the
    fields each attribute came from."""
    fields = [origin.fields.get(name, "") for name in note_type.field_names()]
    note = AnkiNote(0, "", note_type.id, origin.mod, [], fields, card_ordinals={0, 1})
    sources: dict[str, list[str]] = {}
    data = foreign_question(note, reader_type(note_type), ForeignReport(), sources) or {}
    return relink(data), sources


def _as_text(attribute: str, value: Any) -> str:
    """An attribute as the text its field holds (an occlusion's shapes in Anki's syntax)."""
    if attribute == "shapes":
        from quizmg.formats.anki.occlusion import occlusion_field
        from quizmg.model.occlusion import Shape

        return occlusion_field([v if isinstance(v, Shape) else Shape.model_validate(v) for v in value or []])
    return str(value or "")


def _split_lines(text: str, names: list[str]) -> dict[str, str]:
    """An edited explanation back into its fields: `Name: value` lines to their field, the rest to
    the first plain one (Extra, Notes...), or the first field."""
    plain = next((n for n in names if is_plain_extra(n)), names[0])
    parts: dict[str, list[str]] = {}
    for line in text.split("\n"):
        target = next((n for n in names if not is_plain_extra(n) and line.startswith(f"{n}: ")), None)
        if target is not None:
            parts.setdefault(target, []).append(line[len(target) + 2 :])
        else:
            parts.setdefault(plain, []).append(line)
    return {name: "\n".join(lines).strip() for name, lines in parts.items()}


def kept_foreign_note(
    question: Any, note_type: AnkiNoteType, md: Markdown, relink: Callable[[Any], Any]
) -> KeptNote | None:
    """A foreign question's note under its own note type, or None when quizmg changed it beyond
    what that note type holds (another kind): it then goes under quizmg's note type."""
    origin: AnkiOrigin = question.anki
    seen, sources = _seen(origin, note_type, relink)
    if seen.get("kind") != question.kind:
        return None
    fields = {name: origin.fields.get(name, "") for name in note_type.field_names()}
    changed = False
    for attribute in _ATTRIBUTES.get(question.kind, ()):
        now = _as_text(attribute, getattr(question, attribute, ""))
        if _comparable(now) == _comparable(_as_text(attribute, seen.get(attribute, ""))):
            continue
        names = [n for n in sources.get(attribute, []) if n in fields]
        if not names:
            if not now:
                continue
            return None
        changed = True
        if attribute in ("explanation", "extra") and len(names) > 1:
            split = _split_lines(now, names)
            for name in names:
                fields[name] = md(split.get(name, ""))
        else:
            fields[names[0]] = now if attribute == "shapes" else md(now)
            for name in names[1:]:
                fields[name] = ""
    values = list(fields.values())
    return KeptNote(values, card_ordinals(note_type, values), changed)


def kept_own_fields(
    quizmg_fields: dict[str, str], origin: AnkiOrigin | None, note_type: AnkiNoteType
) -> list[str]:
    """A quizmg note's fields under the learner's version of its note type: quizmg's fields by name,
    and the fields the learner added as the learner filled them."""
    added = origin.fields if origin is not None else {}
    return [quizmg_fields.get(name, added.get(name, "")) for name in note_type.field_names()]


@lru_cache(maxsize=256)
def _model(note_type_json: str) -> genanki.Model:
    import genanki

    data = json.loads(note_type_json)

    class KeptModel(genanki.Model):
        """A note type written exactly as Anki had it (ids, time, CSS), not as genanki builds one."""

        def to_json(self, timestamp, deck_id):  # type: ignore[no-untyped-def]
            return _legacy_json(data, deck_id)

    return KeptModel(
        data["id"], data["name"],
        fields=[{"name": f["name"]} for f in data["fields"]],
        templates=[{"name": t["name"], "qfmt": t["front"], "afmt": t["back"]} for t in data["templates"]],
        css=data["css"],
        model_type=genanki.Model.CLOZE if data["cloze"] else genanki.Model.FRONT_BACK,
    )


def kept_model(note_type: AnkiNoteType) -> genanki.Model:
    """The genanki model that writes a kept note type, built once per note type."""
    return _model(note_type.model_dump_json())


def _legacy_json(data: dict, deck_id: int) -> dict:
    """The note type in the package's (schema 11) JSON, ids and all."""
    fields = []
    for ordinal, f in enumerate(data["fields"]):
        entry = {"name": f["name"], "ord": ordinal, "sticky": False, "rtl": False, "font": "Arial",
                 "size": 20, "media": []}
        if f.get("id") is not None:
            entry["id"] = f["id"]
        fields.append(entry)
    templates = []
    for ordinal, t in enumerate(data["templates"]):
        entry = {"name": t["name"], "ord": ordinal, "qfmt": t["front"], "afmt": t["back"],
                 "bqfmt": "", "bafmt": "", "did": None, "bfont": "", "bsize": 0}
        if t.get("id") is not None:
            entry["id"] = t["id"]
        templates.append(entry)
    result = {
        "id": str(data["id"]), "name": data["name"], "type": 1 if data["cloze"] else 0,
        "mod": data["mod"], "usn": -1, "sortf": data["sort_field"], "did": deck_id,
        "flds": fields, "tmpls": templates, "css": data["css"], "latexsvg": False,
        "req": [], "tags": [], "vers": [],
    }
    if data.get("latex_pre") is not None:
        result["latexPre"] = data["latex_pre"]
    if data.get("latex_post") is not None:
        result["latexPost"] = data["latex_post"]
    return result
