"""Reading Anki packages (.apkg): the legacy and the current format, into a quizmg deck.

A package is a zip holding one SQLite collection: `collection.anki2` or `collection.anki21` (legacy,
schema 11: note types and decks as JSON in the `col` row) or `collection.anki21b` (current, schema 18,
zstd-compressed: note types, fields, templates and decks in their own tables, their settings as
protobuf). Media sit beside it under numbered names, listed by the `media` file (JSON when legacy,
zstd-compressed protobuf when current). Newer Anki writes a stub `collection.anki2` beside the real
`collection.anki21b`, so the newest collection file present is the one read.
"""

from __future__ import annotations

import io
import json
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from quizmg.errors import QuizmgError
from quizmg.formats.anki.ids import PreviousNote, note_checksum
from quizmg.formats.anki.notetypes import SPECS
from quizmg.model.anki import AnkiField, AnkiNoteType, AnkiTemplate

COLLECTION_NAMES = ("collection.anki21b", "collection.anki21", "collection.anki2")
# The largest member read into memory: collections of real decks are tens of MB.
MAX_MEMBER = 1 << 30
# The one note of the stub collection newer Anki puts beside the real one for older versions.
_STUB_TEXT = "Please update to the latest Anki version"
_ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


@dataclass(frozen=True)
class NoteType:
    """An Anki note type: its kind, field names and card templates (name, front, back), and what a
    re-export needs for Anki to take it as the same note type (ids, CSS, time)."""

    id: int
    name: str
    cloze: bool
    fields: list[str]
    templates: list[tuple[str, str, str]]
    field_ids: list[int | None] = field(default_factory=list)
    template_ids: list[int | None] = field(default_factory=list)
    css: str = ""
    mod: int = 0
    sort_field: int = 0
    latex: tuple[str, str] | None = None  # (before, after) as Anki wraps [latex]

    def model(self) -> AnkiNoteType:
        """The note type as the deck keeps it (quizmg.model.anki)."""
        field_ids = self.field_ids or [None] * len(self.fields)
        template_ids = self.template_ids or [None] * len(self.templates)
        return AnkiNoteType(
            id=self.id, name=self.name, cloze=self.cloze,
            fields=[AnkiField(name=n, id=i) for n, i in zip(self.fields, field_ids, strict=False)],
            templates=[
                AnkiTemplate(name=n, front=f, back=b, id=i)
                for (n, f, b), i in zip(self.templates, template_ids, strict=False)
            ],
            css=self.css, mod=max(0, self.mod), sort_field=max(0, self.sort_field),
            latex_pre=self.latex[0] if self.latex else None,
            latex_post=self.latex[1] if self.latex else None,
        )


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
        if pos >= len(data):
            raise ValueError("a protobuf number runs past the end of its message")
        if shift > 63:
            raise ValueError("a protobuf number is longer than 64 bits")
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
        elif wire in (1, 2, 5):
            if wire == 2:
                length, pos = _varint(data, pos)
            else:
                length = 8 if wire == 1 else 4
            if pos + length > len(data):
                raise ValueError("a protobuf field runs past the end of its message")
            chunk = data[pos : pos + length]
            value = chunk if wire == 2 else int.from_bytes(chunk, "little")
            pos += length
        else:
            raise ValueError(f"unsupported protobuf wire type {wire}")
        found.setdefault(number, []).append(value)
    return found


def _first(message: dict[int, list[int | bytes]], number: int, default: int | bytes = b"") -> int | bytes:
    values = message.get(number)
    return values[0] if values else default


def _signed(value: int | bytes) -> int | None:
    """A protobuf int64 as Python int (negative numbers arrive as 64-bit two's complement)."""
    if not isinstance(value, int):
        return None
    return value - (1 << 64) if value >= 1 << 63 else value


def _text(message: dict[int, list[int | bytes]], number: int) -> str:
    value = _first(message, number)
    return value.decode("utf-8", errors="replace") if isinstance(value, bytes) else ""


def unzstd(data: bytes, limit: int = MAX_MEMBER) -> bytes:
    """Data decompressed if it is a zstd frame, else unchanged; more than `limit` bytes is refused."""
    if not data.startswith(_ZSTD_MAGIC):
        return data
    import zstandard

    # A streaming reader, because Anki's frames do not always record their decompressed size.
    with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)) as reader:
        out = reader.read(limit + 1)
    if len(out) > limit:
        raise ValueError(f"a member decompresses to more than {limit >> 20} MB")
    return out


def read_member(archive: zipfile.ZipFile, name: str) -> bytes:
    """A zip member's bytes, decompressed if zstd; a member bigger than MAX_MEMBER is refused."""
    if archive.getinfo(name).file_size > MAX_MEMBER:
        raise ValueError(f"{name} is larger than {MAX_MEMBER >> 20} MB")
    return unzstd(archive.read(name))


# What a damaged package can raise while it is read: each becomes one message naming the file.
DAMAGE = (
    ValueError, KeyError, TypeError, IndexError, AttributeError, LookupError, EOFError,
    NotImplementedError, RuntimeError, zipfile.BadZipFile, sqlite3.Error, OSError,
)


@contextmanager
def refusing_damage(path: Path) -> Iterator[None]:
    """Turn whatever a damaged package raises into one QuizmgError naming the file."""
    import zlib

    try:
        import zstandard

        zstd_error: tuple[type[BaseException], ...] = (zstandard.ZstdError,)
    except ImportError:  # pragma: no cover - zstandard is a dependency
        zstd_error = ()
    caught: tuple[type[BaseException], ...] = (*DAMAGE, zlib.error, *zstd_error)
    try:
        yield
    except QuizmgError:
        raise
    except caught as error:
        detail = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        raise QuizmgError(f"{path}: the package is damaged and cannot be imported ({detail})") from None


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
        try:
            database.write_bytes(read_member(archive, member))
        except (ValueError, zipfile.BadZipFile, OSError, EOFError) as error:
            raise QuizmgError(f"{path}: the collection inside is damaged: {error}") from None
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
        for type_id, name, mod, config in connection.execute(
            "SELECT id, name, mtime_secs, config FROM notetypes"
        ):
            # Notetype.Config: 1 kind, 2 sort field, 3 CSS, 5/6 LaTeX before/after.
            settings = protobuf_fields(config or b"")
            kind = _first(settings, 1, 0)
            fields, field_ids = [], []
            for field_name, field_config in connection.execute(
                "SELECT name, config FROM fields WHERE ntid=? ORDER BY ord", (type_id,)
            ):
                fields.append(field_name)
                field_ids.append(_signed(_first(protobuf_fields(field_config or b""), 9, b"")))
            templates, template_ids = [], []
            for template_name, template_config in connection.execute(
                "SELECT name, config FROM templates WHERE ntid=? ORDER BY ord", (type_id,)
            ):
                message = protobuf_fields(template_config or b"")
                templates.append((template_name, _text(message, 1), _text(message, 2)))
                template_ids.append(_signed(_first(message, 8, b"")))
            sort_field = _first(settings, 2, 0)
            types[type_id] = NoteType(
                type_id, name, kind == 1, fields, templates, field_ids, template_ids,
                css=_text(settings, 3), mod=int(mod or 0),
                sort_field=sort_field if isinstance(sort_field, int) else 0,
                latex=(_text(settings, 5), _text(settings, 6)),
            )
        decks = {}
        for deck_id, name, kind in connection.execute("SELECT id, name, kind FROM decks"):
            normal = _first(protobuf_fields(kind or b""), 1)
            description = _text(protobuf_fields(normal), 4) if isinstance(normal, bytes) else ""
            decks[deck_id] = (name.replace("\x1f", "::"), description)
        return types, decks
    models_json, decks_json = connection.execute("SELECT models, decks FROM col").fetchone()
    types = {}
    for model in json.loads(models_json).values():
        flds = sorted(model["flds"], key=lambda f: f["ord"])
        tmpls = sorted(model["tmpls"], key=lambda t: t["ord"])
        latex = (model.get("latexPre"), model.get("latexPost"))
        types[int(model["id"])] = NoteType(
            int(model["id"]), model["name"], model.get("type") == 1,
            [f["name"] for f in flds],
            [(t["name"], t.get("qfmt", ""), t.get("afmt", "")) for t in tmpls],
            [f["id"] if isinstance(f.get("id"), int) else None for f in flds],
            [t["id"] if isinstance(t.get("id"), int) else None for t in tmpls],
            css=str(model.get("css") or ""), mod=int(model.get("mod") or 0),
            sort_field=int(model.get("sortf") or 0),
            latex=(str(latex[0]), str(latex[1])) if isinstance(latex[0], str) and isinstance(latex[1], str) else None,
        )
    decks = {int(d["id"]): (d["name"], d.get("desc", "")) for d in json.loads(decks_json).values()}
    return types, decks


def _media_map(archive: zipfile.ZipFile) -> dict[str, str]:
    try:
        data = read_member(archive, "media")
    except KeyError:
        return {}
    if data.lstrip().startswith(b"{"):
        listed = json.loads(data)
        if not isinstance(listed, dict):
            raise ValueError("the media list is not a JSON object")
        return {name: str(member) for member, name in listed.items() if isinstance(name, str)}
    entries = protobuf_fields(data).get(1, [])
    media = {}
    for index, entry in enumerate(entries):
        if isinstance(entry, bytes):
            media[_text(protobuf_fields(entry), 1)] = str(index)
    return media


def read_package(path: str | Path) -> AnkiPackage:
    """Note types, notes (with their deck and cards), decks and media names of a package."""
    path = Path(path)
    with refusing_damage(path), open_collection(path) as (connection, archive):
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
    if notes and all(note.fields[0].startswith(_STUB_TEXT) for note in notes.values()):
        raise QuizmgError(
            f"{path}: holds only the placeholder Anki writes for older versions, not the notes: "
            "export again from Anki (with 'Support older Anki versions' ticked if needed)"
        )
    return AnkiPackage(types, list(notes.values()), decks, media)


def previous_notes(path: str | Path) -> dict[str, PreviousNote]:
    """The quizmg notes of an earlier export by GUID, with their checksum and `mod` time.

    A file that is not a readable package gives an empty map: the export then treats every note as
    new, which is always safe.
    """
    try:
        with open_collection(Path(path)) as (connection, _archive):
            rows = connection.execute("SELECT guid, mid, mod, tags, flds FROM notes").fetchall()
            types, _decks = _note_types_and_decks(connection)
    except (QuizmgError, *DAMAGE):
        return {}
    own = {spec.model_id: spec.all_fields for spec in SPECS.values()}
    found = {}
    for guid, mid, mod, tags, flds in rows:
        if mid not in own:
            continue
        # quizmg's own fields, by name: a field the learner added is not quizmg's change.
        by_name = dict(zip(types[mid].fields if mid in types else own[mid], flds.split("\x1f"), strict=False))
        fields = [by_name.get(name, "") for name in own[mid]]
        found[guid] = PreviousNote(note_checksum(mid, fields, tags.split()), mod)
    return found


def media_name(name: str) -> str | None:
    """A package's media name as a safe file name: no folders, not hidden, no control characters."""
    safe = Path(name.replace("\\", "/")).name
    if not safe or safe.startswith(".") or any(ord(c) < 32 or ord(c) == 127 for c in safe):
        return None
    return safe


def read_media(path: str | Path) -> dict[str, bytes]:
    """The package's media files by safe name (see `media_name`); unsafe names are left out."""
    media: dict[str, bytes] = {}
    with refusing_damage(Path(path)), zipfile.ZipFile(Path(path)) as archive:
        members = set(archive.namelist())
        for name, member in _media_map(archive).items():
            safe = media_name(name)
            if safe is not None and safe not in media and member in members:
                media[safe] = read_member(archive, member)
    return media


def extract_media(path: str | Path, folder: str | Path) -> list[Path]:
    """Copy the package's media files into `folder`; the paths written."""
    folder = Path(folder)
    written = []
    for name, data in read_media(path).items():
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / name
        target.write_bytes(data)
        written.append(target)
    return written
