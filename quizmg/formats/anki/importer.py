"""An Anki package as a quizmg deck: quizmg's own notes from their hidden field, any other note
from its visible fields."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from quizmg.errors import QuizmgError
from quizmg.formats.anki.foreign import ForeignReport, foreign_question
from quizmg.formats.anki.ids import DECK_DATA_PREFIX, DECK_DATA_SUFFIX
from quizmg.formats.anki.notetypes import spec_by_model_id
from quizmg.formats.anki.reader import (
    AnkiNote,
    NoteType,
    media_name,
    read_media,
    read_package,
    refusing_damage,
)
from quizmg.formats.media import IMAGE, SOUND, image_src, is_external, markdown_image

if TYPE_CHECKING:
    from quizmg.formats.importing import ImportResult
    from quizmg.model import QuestionBase

# Where an import puts the package's media, relative to the deck file it writes.
MEDIA_FOLDER = "media"


class MediaLinks:
    """Points media references at the files the import writes (media/NAME); a reference to a file
    the package lacks becomes visible text, counted for a warning."""

    def __init__(self, names: set[str]) -> None:
        self.names = names
        self.missing: Counter[str] = Counter()

    def _name(self, src: str) -> str | None:
        from urllib.parse import unquote

        for candidate in (src, unquote(src), Path(src).name, Path(unquote(src)).name):
            name = media_name(candidate)
            if name is not None and name in self.names:
                return name
        return None

    def _image(self, match: re.Match[str]) -> str:
        src = image_src(match)
        if is_external(src):
            return match.group(0)
        name = self._name(src)
        if name is None:
            self.missing[src] += 1
            return f"[image missing from the package: {src}]"
        return markdown_image(f"{MEDIA_FOLDER}/{name}", match.group("alt"))

    def _sound(self, match: re.Match[str]) -> str:
        src = match.group(1).strip()
        name = self._name(src)
        if name is None:
            self.missing[src] += 1
            return f"[sound missing from the package: {src}]"
        return f"[sound:{MEDIA_FOLDER}/{name}]"

    def text(self, value: str) -> str:
        if "](" in value:
            value = IMAGE.sub(self._image, value)
        if "[sound:" in value:
            value = SOUND.sub(self._sound, value)
        return value

    def data(self, value: Any) -> Any:
        """Every string in question data relinked (ids and tags hold no references)."""
        if isinstance(value, str):
            return self.text(value)
        if isinstance(value, list):
            return [self.data(item) for item in value]
        if isinstance(value, dict):
            kept = ("id", "tags", "guid", "anki_deck", "anki")
            return {k: v if k in kept else self.data(v) for k, v in value.items()}
        return value


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug[:80].strip("-") or "anki-deck"


def _tag(text: str) -> str:
    return re.sub(r"\s+", "_", text.strip())


def _json_object(data: bytes) -> dict | None:
    try:
        value = json.loads(data)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None


def _quizmg_deck_data(description: str) -> dict | None:
    start = description.find(DECK_DATA_PREFIX)
    if start < 0:
        return None
    end = description.find(DECK_DATA_SUFFIX, start)
    body = description[start + len(DECK_DATA_PREFIX) : end].strip()
    if not body.startswith("{"):  # exports before 2026-11 wrote it in base64
        import base64

        try:
            body = base64.b64decode(body).decode("utf-8")
        except ValueError:
            return None
    return _json_object(body.encode("utf-8"))


def quizmg_question(note: AnkiNote, note_type: NoteType) -> tuple[str, dict] | None:
    """(deck id, question data) stored in a quizmg note's Quizmg field, if it holds them."""
    if "Quizmg" not in note_type.fields:
        return None
    index = note_type.fields.index("Quizmg")
    if index >= len(note.fields):
        return None
    try:
        data = json.loads(html.unescape(note.fields[index]))
        return str(data["deck"]), dict(data["question"])
    except (ValueError, KeyError, TypeError):
        return None


def _visible_edits(note: AnkiNote, note_type: NoteType, data: dict, adapter: Any) -> tuple[dict, list[str]]:
    """The question with the edits made in Anki to its visible fields (see quizmg.formats.anki.edits)."""
    from pydantic import ValidationError

    from quizmg.formats.anki.edits import apply_visible_edits, rendered_fields

    try:
        question = adapter.validate_python(data)
        written = rendered_fields(question)
    except (ValidationError, QuizmgError):
        return data, []
    fields = dict(zip(note_type.fields, note.fields, strict=False))
    return apply_visible_edits(data, fields, written)


def _origin(note: AnkiNote, note_type: NoteType) -> dict:
    """What the question keeps of its note (quizmg.model.anki.AnkiOrigin)."""
    values = note.fields + [""] * (len(note_type.fields) - len(note.fields))
    return {
        "note_type": note_type.id,
        "mod": max(0, note.mod),
        "fields": dict(zip(note_type.fields, values, strict=False)),
    }


def _learner_changed_schema(note_type: NoteType) -> bool:
    """Whether a quizmg note type's fields or templates are not quizmg's own (the learner added a
    field, say): its notes then keep that version, or Anki would find them conflicting."""
    found = spec_by_model_id(note_type.id)
    if found is None:  # a copy of quizmg's note type under another id: read as quizmg's own
        return False
    spec = found[1]
    return tuple(note_type.fields) != spec.all_fields or [t[0] for t in note_type.templates] != [
        t[0] for t in spec.templates
    ]


def read_apkg(path: Path) -> ImportResult:
    """An Anki package as a quizmg deck, with warnings for what did not carry over.

    A damaged package, whatever the damage, is one QuizmgError naming the file.
    """
    with refusing_damage(Path(path)):
        return _read_apkg(Path(path))


def _read_apkg(path: Path) -> ImportResult:
    from pydantic import TypeAdapter, ValidationError

    from quizmg.formats.importing import ImportResult, deck_id_from_path, title_from_path
    from quizmg.model import Deck, Question

    path = Path(path)
    package = read_package(path)
    media = read_media(path)
    quizmg_decks: dict[str, dict] = {}
    links = MediaLinks(set(media))
    warnings: list[str] = []
    adapter: TypeAdapter = TypeAdapter(Question)

    for name, description in package.decks.values():
        data = _quizmg_deck_data(description)
        if isinstance(data, dict) and isinstance(data.get("id"), str) and "::" not in name:
            quizmg_decks[data["id"]] = data

    top_decks = Counter(note.deck.split("::")[0] for note in package.notes if note.deck)
    main_deck = top_decks.most_common(1)[0][0] if top_decks else ""

    written: dict[str, list[dict]] = {}  # quizmg deck id -> its questions' data, in note order
    kept_types: dict[int, dict] = {}  # the note types notes keep (quizmg.model.anki), by id
    foreign: list[dict] = []
    report = ForeignReport()
    skipped = 0
    for note in package.notes:
        note_type = package.note_types.get(note.type_id)
        if note_type is None:
            skipped += 1
            continue
        stored = quizmg_question(note, note_type)
        if stored is not None:
            question_data, edits = _visible_edits(note, note_type, stored[1], adapter)
            warnings.extend(edits)
            question_data = links.data(question_data)
            if _learner_changed_schema(note_type):
                # The learner's version of quizmg's note type goes back for every note of its kind;
                # a note keeps only what the learner wrote in the fields the learner added.
                kept_types.setdefault(note_type.id, note_type.model().model_dump())
                origin = _origin(note, note_type)
                spec = spec_by_model_id(note_type.id)
                quizmg_fields = set(spec[1].all_fields) if spec else set()
                added = {k: v for k, v in origin["fields"].items() if k not in quizmg_fields and v}
                if added:
                    question_data = {**question_data, "anki": {**origin, "fields": added}}
            written.setdefault(stored[0], []).append(question_data)
            continue
        found = foreign_question(note, note_type, report)
        if found is None:
            continue
        data = found
        tags = [_tag(tag) for tag in note.tags]
        data["tags"] = list(dict.fromkeys(t for t in tags if t))
        # Identity: the note goes back to Anki under its own GUID, into its own (sub-)deck.
        if note.guid.strip() and not any(c.isspace() or c == "\x1f" for c in note.guid):
            data["guid"] = note.guid
        if note.deck and note.deck != main_deck:
            data["anki_deck"] = note.deck
        data = links.data(data)
        if "guid" in data:  # the note goes back under its own note type, its fields as they were
            data["anki"] = _origin(note, note_type)
            kept_types.setdefault(note_type.id, note_type.model().model_dump())
        foreign.append(data)

    for type_name, count in sorted(report.custom_types.items()):
        warnings.append(
            f"note type {type_name!r} is not one of Anki's stock types: in its {count} note(s), the "
            "fields beyond the question and the answer went into the explanation, each by name"
        )
    warnings.extend(report.skipped)
    if skipped:
        warnings.append(f"{skipped} note(s) had no note type in the package and were skipped")

    deck_fields: dict = {}
    questions_data: list[dict] = []
    if written:
        deck_id = next(iter(written))
        if len(written) > 1:
            others = ", ".join(sorted(set(written) - {deck_id}))
            warnings.append(f"the package holds several quizmg decks; read {deck_id!r}, not {others}")
        data = quizmg_decks.get(deck_id)
        if data is not None:
            # Only hand-written questions go in the deck: the mechanisms make the others again.
            order = {qid: i for i, qid in enumerate(data.pop("written", []))}
            deck_fields = data
            questions_data = sorted(
                (q for q in written[deck_id] if q.get("id") in order), key=lambda q: order[q["id"]]
            )
        else:
            deck_fields = {"id": deck_id, "title": main_deck or title_from_path(path)}
            questions_data = written[deck_id]
    if foreign and not deck_fields and len(quizmg_decks) == 1:
        # A deck quizmg wrote from questions that came from Anki: its own data and order come back.
        data = dict(next(iter(quizmg_decks.values())))
        order = {qid: i for i, qid in enumerate(data.pop("written", []))}
        deck_fields = data
        foreign.sort(key=lambda q: order.get(q.get("id"), len(order)))
    if foreign:
        if not deck_fields:
            deck_fields = {
                "id": _slug(main_deck) if main_deck else deck_id_from_path(path),
                "title": main_deck or title_from_path(path),
            }
        questions_data.extend(foreign)

    questions: list[QuestionBase] = []
    if kept_types and deck_fields:
        deck_fields = {**deck_fields, "anki_note_types": [kept_types[i] for i in sorted(kept_types)]}
    for data in questions_data:
        try:
            questions.append(adapter.validate_python(data))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            text = next((str(data[k]) for k in ("prompt", "text", "statement") if data.get(k)), "")
            label = repr(text[:50]) if text else data.get("id")
            warnings.append(f"note {label}: skipped: {where}: {first['msg']}")
    if not deck_fields:
        raise QuizmgError(f"{path}: the package holds no notes to import")
    try:
        deck: Deck = Deck.model_validate({**deck_fields, "questions": questions})
    except ValidationError as error:
        raise QuizmgError(f"{path}: the deck data in the package is not valid: {error}") from None
    for src, count in sorted(links.missing.items()):
        warnings.append(
            f"{count} note(s) refer to {src!r}, which the package does not hold: shown as text instead"
        )
    used = {f"{MEDIA_FOLDER}/{name}": data for name, data in media.items()}
    return ImportResult(deck=deck, warnings=warnings, media=used)

