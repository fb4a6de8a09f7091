"""An Anki package as a quizmg deck: quizmg's own notes from their hidden field, any other note
from its visible fields."""

from __future__ import annotations

import html
import json
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

from quizmg.errors import QuizmgError
from quizmg.formats.anki.html_text import html_to_text
from quizmg.formats.anki.ids import DECK_DATA_PREFIX, DECK_DATA_SUFFIX, guid_digest
from quizmg.formats.anki.reader import AnkiNote, NoteType, read_package

if TYPE_CHECKING:
    from quizmg.formats.importing import ImportResult
    from quizmg.model import QuestionBase

def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug[:80].strip("-") or "anki-deck"


def _tag(text: str) -> str:
    return re.sub(r"\s+", "_", text.strip())


def _quizmg_deck_data(description: str) -> dict | None:
    start = description.find(DECK_DATA_PREFIX)
    if start < 0:
        return None
    end = description.find(DECK_DATA_SUFFIX, start)
    import base64

    try:
        return json.loads(base64.b64decode(description[start + len(DECK_DATA_PREFIX) : end]))
    except ValueError:
        return None


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


_TYPE_IN = re.compile(r"\{\{type:(?:[^}:]*:)*([^}]+)\}\}")


def _foreign_question(
    note: AnkiNote, note_type: NoteType, odd_types: Counter[str]
) -> dict:
    """A question (as data) from a note of any Anki note type."""
    values = {name: html_to_text(value) for name, value in zip(note_type.fields, note.fields, strict=False)}
    names = list(values)
    question: dict = {"id": f"anki-{guid_digest(note.guid)}"}
    if note_type.cloze:
        text = values.get(names[0], "") if names else ""
        extra = values.get(names[1], "") if len(names) > 1 else ""
        return {**question, "kind": "cloze", "text": text, "extra": extra}
    typed = next((m.group(1).strip() for _, front, _b in note_type.templates
                  for m in _TYPE_IN.finditer(front)), None)
    if typed in values:
        prompt = next((values[n] for n in names if n != typed and values[n]), "")
        return {**question, "kind": "short", "prompt": prompt, "answer": values[typed]}
    if len(names) < 2:
        odd_types[note_type.name] += 1
        return {**question, "kind": "basic", "prompt": values.get(names[0], "") if names else "",
                "answer": "(no answer in the Anki note)"}
    stock_extra = {"Add Reverse", "Back Extra", "Extra"}
    extras = [(n, values[n]) for n in names[2:] if values[n]]
    if len(note_type.templates) > 2 or any(n not in stock_extra for n, _ in extras):
        odd_types[note_type.name] += 1
    explanation = "\n".join(f"{n}: {v}" for n, v in extras if n != "Add Reverse")
    return {
        **question,
        "kind": "basic",
        "prompt": values[names[0]],
        "answer": values[names[1]],
        "reversed": 1 in note.card_ordinals and len(note_type.templates) >= 2,
        "explanation": explanation,
    }


def read_apkg(path: Path) -> ImportResult:
    """An Anki package as a quizmg deck, with warnings for what did not carry over."""
    from pydantic import TypeAdapter, ValidationError

    from quizmg.formats.importing import ImportResult, deck_id_from_path, title_from_path
    from quizmg.model import Deck, Question

    path = Path(path)
    package = read_package(path)
    warnings: list[str] = []
    adapter: TypeAdapter = TypeAdapter(Question)

    quizmg_decks = {}
    for name, description in package.decks.values():
        data = _quizmg_deck_data(description)
        if data is not None and "::" not in name:
            quizmg_decks[data["id"]] = data

    top_decks = Counter(note.deck.split("::")[0] for note in package.notes if note.deck)
    main_deck = top_decks.most_common(1)[0][0] if top_decks else ""

    written: dict[str, list[dict]] = {}  # quizmg deck id -> its questions' data, in note order
    foreign: list[dict] = []
    odd_types: Counter[str] = Counter()
    skipped = 0
    for note in package.notes:
        note_type = package.note_types.get(note.type_id)
        if note_type is None:
            skipped += 1
            continue
        stored = quizmg_question(note, note_type)
        if stored is not None:
            written.setdefault(stored[0], []).append(stored[1])
            continue
        data = _foreign_question(note, note_type, odd_types)
        tags = [_tag(tag) for tag in note.tags]
        if note.deck and note.deck != main_deck:
            tags.append(_tag(f"deck::{note.deck}"))
        data["tags"] = list(dict.fromkeys(t for t in tags if t))
        foreign.append(data)

    for type_name, count in sorted(odd_types.items()):
        warnings.append(
            f"note type {type_name!r} is not Basic, Cloze or type-in: its {count} note(s) became "
            "basic questions from their first two fields"
        )
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
    if foreign:
        if not deck_fields:
            deck_fields = {
                "id": _slug(main_deck) if main_deck else deck_id_from_path(path),
                "title": main_deck or title_from_path(path),
            }
        questions_data.extend(foreign)

    questions: list[QuestionBase] = []
    for data in questions_data:
        try:
            questions.append(adapter.validate_python(data))
        except ValidationError as error:
            first = error.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            warnings.append(f"note {data.get('id')}: skipped: {where}: {first['msg']}")
    if not deck_fields:
        raise QuizmgError(f"{path}: the package holds no notes to import")
    try:
        deck: Deck = Deck.model_validate({**deck_fields, "questions": questions})
    except ValidationError as error:
        raise QuizmgError(f"{path}: the deck data in the package is not valid: {error}") from None
    return ImportResult(deck=deck, warnings=warnings)

