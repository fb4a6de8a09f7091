"""Reading Anki packages (.apkg): the legacy and the current format, into a quizmg deck.

A package is a zip holding one SQLite collection: `collection.anki2` or `collection.anki21` (legacy,
schema 11: note types and decks as JSON in the `col` row) or `collection.anki21b` (current, schema 18,
zstd-compressed: note types, fields, templates and decks in their own tables, their settings as
protobuf). Media sit beside it under numbered names, listed by the `media` file (JSON when legacy,
zstd-compressed protobuf when current). Newer Anki writes a stub `collection.anki2` beside the real
`collection.anki21b`, so the newest collection file present is the one read.
"""

from __future__ import annotations

import html
import io
import json
import re
import sqlite3
import tempfile
import zipfile
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TYPE_CHECKING

from quizmg.errors import QuizmgError
from quizmg.formats.apkg_notetypes import SPECS

if TYPE_CHECKING:
    from quizmg.formats.apkg_export import PreviousNote
    from quizmg.formats.importing import ImportResult
    from quizmg.model import Deck, QuestionBase

COLLECTION_NAMES = ("collection.anki21b", "collection.anki21", "collection.anki2")
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"
_QUIZMG_MODEL_IDS = {spec.model_id for spec in SPECS.values()}


@dataclass(frozen=True)
class NoteType:
    """An Anki note type: its kind, field names and card templates (name, front, back)."""

    id: int
    name: str
    cloze: bool
    fields: list[str]
    templates: list[tuple[str, str, str]]


@dataclass
class AnkiNote:
    """One note of a package, with the deck of its first card and the ordinals of its cards."""

    id: int
    guid: str
    type_id: int
    mod: int
    tags: list[str]
    fields: list[str]
    deck: str = ""
    card_ordinals: set[int] = field(default_factory=set)


@dataclass
class AnkiPackage:
    """What quizmg reads from a package: note types, notes, decks and media names."""

    note_types: dict[int, NoteType]
    notes: list[AnkiNote]
    decks: dict[int, tuple[str, str]]  # id -> (name with `::`, description)
    media: dict[str, str]  # media file name -> zip member


# --- protobuf and zstd, just what the package format needs --------------------------------------


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        if byte < 0x80:
            return result, pos
        shift += 7


def protobuf_fields(data: bytes) -> dict[int, list[int | bytes]]:
    """The fields of a protobuf message by number: ints for varints and fixed, bytes otherwise."""
    found: dict[int, list[int | bytes]] = {}
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        value: int | bytes
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 2:
            length, pos = _varint(data, pos)
            value, pos = data[pos : pos + length], pos + length
        elif wire == 1:
            value, pos = int.from_bytes(data[pos : pos + 8], "little"), pos + 8
        elif wire == 5:
            value, pos = int.from_bytes(data[pos : pos + 4], "little"), pos + 4
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        found.setdefault(number, []).append(value)
    return found


def _first(message: dict[int, list[int | bytes]], number: int, default: int | bytes = b"") -> int | bytes:
    values = message.get(number)
    return values[0] if values else default


def _text(message: dict[int, list[int | bytes]], number: int) -> str:
    value = _first(message, number)
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else ""


def unzstd(data: bytes) -> bytes:
    """Data decompressed if it is a zstd frame, else unchanged."""
    if not data.startswith(_ZSTD_MAGIC):
        return data
    import zstandard

    # A streaming reader, because Anki's frames do not always record their decompressed size.
    with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)) as reader:
        return reader.read()


# --- opening a package --------------------------------------------------------------------------


@contextmanager
def open_collection(path: Path) -> Iterator[tuple[sqlite3.Connection, zipfile.ZipFile]]:
    """The package's collection as an SQLite connection (on a temporary copy), and the zip."""
    if not path.is_file():
        raise QuizmgError(f"{path}: no such file")
    if not zipfile.is_zipfile(path):
        raise QuizmgError(f"{path}: not an Anki package (an .apkg is a zip file)")
    with zipfile.ZipFile(path) as archive, tempfile.TemporaryDirectory(prefix="quizmg-apkg-") as tmp:
        names = set(archive.namelist())
        member = next((name for name in COLLECTION_NAMES if name in names), None)
        if member is None:
            raise QuizmgError(f"{path}: not an Anki package: it holds no collection file")
        database = Path(tmp) / "collection.sqlite"
        database.write_bytes(unzstd(archive.read(member)))
        connection = sqlite3.connect(database)
        try:
            connection.execute("SELECT count(*) FROM notes").fetchone()
            yield connection, archive
        except sqlite3.DatabaseError as error:
            raise QuizmgError(f"{path}: the collection inside is damaged: {error}") from None
        finally:
            connection.close()


def _has_table(connection: sqlite3.Connection, name: str) -> bool:
    row = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)
    ).fetchone()
    return row is not None


def _note_types_and_decks(
    connection: sqlite3.Connection,
) -> tuple[dict[int, NoteType], dict[int, tuple[str, str]]]:
    if _has_table(connection, "notetypes"):  # schema 18
        types: dict[int, NoteType] = {}
        for type_id, name, config in connection.execute("SELECT id, name, config FROM notetypes"):
            kind = _first(protobuf_fields(config or b""), 1, 0)
            fields = [
                row[0]
                for row in connection.execute(
                    "SELECT name FROM fields WHERE ntid=? ORDER BY ord", (type_id,)
                )
            ]
            templates = []
            for template_name, template_config in connection.execute(
                "SELECT name, config FROM templates WHERE ntid=? ORDER BY ord", (type_id,)
            ):
                message = protobuf_fields(template_config or b"")
                templates.append((template_name, _text(message, 1), _text(message, 2)))
            types[type_id] = NoteType(type_id, name, kind == 1, fields, templates)
        decks = {}
        for deck_id, name, kind in connection.execute("SELECT id, name, kind FROM decks"):
            normal = _first(protobuf_fields(kind or b""), 1)
            description = _text(protobuf_fields(normal), 4) if isinstance(normal, bytes) else ""
            decks[deck_id] = (name.replace("\x1f", "::"), description)
        return types, decks
    models_json, decks_json = connection.execute("SELECT models, decks FROM col").fetchone()
    types = {}
    for model in json.loads(models_json).values():
        fields = [f["name"] for f in sorted(model["flds"], key=lambda f: f["ord"])]
        templates = [
            (t["name"], t.get("qfmt", ""), t.get("afmt", ""))
            for t in sorted(model["tmpls"], key=lambda t: t["ord"])
        ]
        types[int(model["id"])] = NoteType(
            int(model["id"]), model["name"], model.get("type") == 1, fields, templates
        )
    decks = {int(d["id"]): (d["name"], d.get("desc", "")) for d in json.loads(decks_json).values()}
    return types, decks


def _media_map(archive: zipfile.ZipFile) -> dict[str, str]:
    try:
        data = unzstd(archive.read("media"))
    except KeyError:
        return {}
    if data.lstrip().startswith(b"{"):
        return {name: member for member, name in json.loads(data).items()}
    entries = protobuf_fields(data).get(1, [])
    media = {}
    for index, entry in enumerate(entries):
        if isinstance(entry, bytes):
            media[_text(protobuf_fields(entry), 1)] = str(index)
    return media


def read_package(path: str | Path) -> AnkiPackage:
    """Note types, notes (with their deck and cards), decks and media names of a package."""
    path = Path(path)
    with open_collection(path) as (connection, archive):
        types, decks = _note_types_and_decks(connection)
        notes: dict[int, AnkiNote] = {}
        for note_id, guid, type_id, mod, tags, flds in connection.execute(
            "SELECT id, guid, mid, mod, tags, flds FROM notes ORDER BY id"
        ):
            notes[note_id] = AnkiNote(note_id, guid, type_id, mod, tags.split(), flds.split("\x1f"))
        for note_id, deck_id, ordinal in connection.execute(
            "SELECT nid, did, ord FROM cards ORDER BY nid, ord"
        ):
            note = notes.get(note_id)
            if note is None:
                continue
            if not note.card_ordinals:
                note.deck = decks.get(deck_id, ("", ""))[0]
            note.card_ordinals.add(ordinal)
        media = _media_map(archive)
    return AnkiPackage(types, list(notes.values()), decks, media)


def previous_notes(path: str | Path) -> dict[str, PreviousNote]:
    """The quizmg notes of an earlier export by GUID, with their checksum and `mod` time.

    A file that is not a readable package gives an empty map: the export then treats every note as
    new, which is always safe.
    """
    from quizmg.formats.apkg_export import PreviousNote, note_checksum

    try:
        with open_collection(Path(path)) as (connection, _archive):
            rows = connection.execute("SELECT guid, mid, mod, tags, flds FROM notes").fetchall()
    except (QuizmgError, zipfile.BadZipFile, sqlite3.DatabaseError, KeyError, ValueError):
        return {}
    return {
        guid: PreviousNote(note_checksum(mid, flds.split("\x1f"), tags.split()), mod)
        for guid, mid, mod, tags, flds in rows
        if mid in _QUIZMG_MODEL_IDS
    }


def extract_media(path: str | Path, folder: str | Path) -> list[Path]:
    """Copy the package's media files into `folder`; the paths written."""
    path, folder = Path(path), Path(folder)
    written = []
    with zipfile.ZipFile(path) as archive:
        for name, member in _media_map(archive).items():
            safe = Path(name).name
            if not safe or safe.startswith("."):
                continue
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / safe
            target.write_bytes(unzstd(archive.read(member)))
            written.append(target)
    return written


# --- HTML to text -------------------------------------------------------------------------------

_BLOCK_TAGS = {"div", "p", "li", "tr", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr"}


class _TextMaker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self.skipping += 1
        elif tag == "br" or tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag == "img":
            src = dict(attrs).get("src") or ""
            if src:
                self.parts.append(f"![]({src})")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def html_to_text(value: str) -> str:
    """An Anki field's HTML as plain text: line breaks kept, images as Markdown image references."""
    if "<" not in value and "&" not in value:
        return value.strip()
    maker = _TextMaker()
    maker.feed(value)
    maker.close()
    text = "".join(maker.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# --- package to deck ----------------------------------------------------------------------------


def _slug(text: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", text.casefold()).strip("-")
    return slug[:80].strip("-") or "anki-deck"


def _tag(text: str) -> str:
    return re.sub(r"\s+", "_", text.strip())


def _quizmg_deck_data(description: str) -> dict | None:
    from quizmg.formats.apkg_export import DECK_DATA_PREFIX, DECK_DATA_SUFFIX

    start = description.find(DECK_DATA_PREFIX)
    if start < 0:
        return None
    end = description.find(DECK_DATA_SUFFIX, start)
    import base64

    try:
        return json.loads(base64.b64decode(description[start + len(DECK_DATA_PREFIX) : end]))
    except ValueError:
        return None


def _quizmg_question(note: AnkiNote, note_type: NoteType) -> tuple[str, dict] | None:
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
    question: dict = {"id": f"anki-{_guid_digest(note.guid)}"}
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


def _guid_digest(guid: str) -> str:
    import hashlib

    return hashlib.sha256(guid.encode("utf-8")).hexdigest()[:12]


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
        stored = _quizmg_question(note, note_type)
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

