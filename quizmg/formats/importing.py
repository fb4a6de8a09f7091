"""Bringing question sets in from other tools: the result type and format detection."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from quizmg.errors import DeckError, QuizmgError
from quizmg.model import Deck

IMPORT_FORMATS: tuple[str, ...] = ("apkg", "gift", "aiken", "csv", "tsv", "markdown", "yaml", "moodle-xml")


@dataclass(frozen=True)
class ImportResult:
    """A deck read from another format, and what could not be carried over."""

    deck: Deck
    warnings: list[str] = field(default_factory=list)
    # Media files the deck refers to, by their path relative to the deck file (media/NAME): the
    # import writes them beside the deck.
    media: dict[str, bytes] = field(default_factory=dict)


def deck_id_from_path(path: str | Path) -> str:
    """A deck id made from a file name: 'Biology Unit 3.gift' -> 'biology-unit-3'."""
    stem = Path(path).stem.casefold()
    slug = re.sub(r"[^a-z0-9]+", "-", stem).strip("-")
    return slug or "imported"


def title_from_path(path: str | Path) -> str:
    """A readable deck title made from a file name."""
    stem = re.sub(r"[_-]+", " ", Path(path).stem).strip()
    return stem[:1].upper() + stem[1:] if stem else "Imported deck"


# Aiken: a question, two or more 'A.' / 'B)' options, then 'ANSWER: X'.
_AIKEN_ANSWER = re.compile(r"^ANSWER\s*:\s*[A-Z]\s*$", re.MULTILINE)
_GIFT_BRACES = re.compile(r"\{[^{}]*(?:[=~#]|T\b|F\b|TRUE|FALSE)[^{}]*\}", re.DOTALL)


def detect_format(path: str | Path, head: bytes) -> str:
    """The format of a file to import, from its extension and, when that is ambiguous, its content."""
    suffix = Path(path).suffix.lower()
    if head.startswith(b"PK\x03\x04") or suffix in {".apkg", ".colpkg"}:
        return "apkg"
    by_suffix = {
        ".gift": "gift",
        ".csv": "csv",
        ".tsv": "tsv",
        ".tab": "tsv",
        ".md": "markdown",
        ".markdown": "markdown",
        ".yaml": "yaml",
        ".yml": "yaml",
        ".aiken": "aiken",
        ".xml": "moodle-xml",
    }
    if suffix in by_suffix:
        return by_suffix[suffix]
    text = head.decode("utf-8", errors="replace")
    return detect_text_format(text, path)


def detect_text_format(text: str, path: str | Path = "<file>") -> str:
    """The format of a .txt (or extension-less) file, judged from its content."""
    lines = [line for line in text.splitlines() if line.strip()]
    if not lines:
        raise DeckError.single(path, "the file is empty: nothing to import")
    if re.match(r"\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<quiz\b", text, re.S):
        return "moodle-xml"
    if _AIKEN_ANSWER.search(text):
        return "aiken"
    if _GIFT_BRACES.search(text) or any(line.lstrip().startswith(("::", "$CATEGORY:")) for line in lines):
        return "gift"
    if lines[0].startswith("#separator:") or any(line.startswith("#html:") for line in lines[:5]):
        return "tsv"
    if sum("\t" in line for line in lines) >= max(1, len(lines) // 2):
        return "tsv"
    if sum("," in line or ";" in line for line in lines) >= max(1, len(lines) // 2):
        return "csv"
    raise QuizmgError(
        f"{path}: cannot tell the format of this file (not GIFT, Aiken, CSV or TSV). "
        "Name it with its extension (.gift, .csv, .tsv) or pass --format."
    )


def distinct_ids(result: ImportResult) -> ImportResult:
    """Ids shared by several questions (a row repeated in a spreadsheet, two questions with one
    prompt) made distinct with a suffix, so that what `import` writes passes `quizmg check`."""
    seen: set[str] = set()
    questions = []
    for question in result.deck.questions:
        qid = question.id or ""
        candidate, counter = qid, 2
        while candidate in seen:
            candidate, counter = f"{qid}-{counter}", counter + 1
        seen.add(candidate)
        questions.append(question if candidate == qid else question.model_copy(update={"id": candidate}))
    if all(a is b for a, b in zip(questions, result.deck.questions, strict=True)):
        return result
    deck = Deck.model_validate({**result.deck.model_dump(exclude={"questions"}), "questions": questions})
    return ImportResult(deck, result.warnings)


def import_file(
    path: str | Path, format_name: str | None = None, *, separator: str | None = None, encoding: str | None = None
) -> tuple[str, ImportResult]:
    """Read a file of any supported format into a deck; the format is detected unless given.

    `separator` (CSV/TSV) and `encoding` (any text format) override what would be detected."""
    found, result = _import_file(path, format_name, separator, encoding)
    return found, distinct_ids(result)


def read_encoded(path: Path, encoding: str) -> str:
    """A text file in the encoding the user named (cp1252, latin-1, utf-16…), or a message naming the line."""
    import codecs

    from quizmg.formats.text import MAX_FILE_BYTES
    from quizmg.safe_files import FileRefused, read_bytes

    try:
        codecs.lookup(encoding)
    except LookupError:
        raise QuizmgError(f"unknown encoding {encoding!r}: try utf-8, cp1252, latin-1 or utf-16") from None
    try:
        data = read_bytes(path, MAX_FILE_BYTES)
    except FileRefused as refused:
        raise DeckError.single(path, refused.reason) from None
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise DeckError.single(path, f"byte 0x{data[error.start]:02x} is not valid {encoding}", line) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _import_file(
    path: str | Path, format_name: str | None, separator: str | None, encoding: str | None
) -> tuple[str, ImportResult]:
    from quizmg.formats.text import read_text
    from quizmg.safe_files import FileRefused, check_regular

    path = Path(path)
    try:
        check_regular(path)  # a FIFO or a device is refused, never waited on
    except FileRefused as refused:
        raise DeckError.single(path, refused.reason) from None
    if format_name is None:
        with path.open("rb") as handle:
            head = handle.read(65536)
        format_name = detect_format(path, head)
    if format_name == "apkg":
        try:
            from quizmg.formats.anki.importer import read_apkg
        except ImportError:
            raise QuizmgError("importing Anki packages is not available in this build") from None
        return format_name, read_apkg(path)
    text = read_encoded(path, encoding) if encoding else read_text(path)
    if format_name == "gift":
        from quizmg.formats.gift import read_gift

        return format_name, read_gift(text, path)
    if format_name == "moodle-xml":
        from quizmg.formats.moodle_xml import read_moodle_xml

        return format_name, read_moodle_xml(text, path)
    if format_name == "aiken":
        from quizmg.formats.aiken import read_aiken

        return format_name, read_aiken(text, path)
    if format_name in ("csv", "tsv"):
        from quizmg.formats.delimited import read_delimited

        if separator is None:
            separator = "\t" if format_name == "tsv" and not text.startswith("#") else None
        return format_name, read_delimited(text, path, separator)
    if format_name == "markdown":
        from quizmg.formats.markdown_deck import parse_markdown_deck

        return format_name, ImportResult(parse_markdown_deck(text, path)[0])
    if format_name == "yaml":
        from quizmg.formats.yaml_deck import parse_yaml_deck

        return format_name, ImportResult(parse_yaml_deck(text, path)[0])
    raise QuizmgError(f"unknown import format {format_name!r}; use one of {', '.join(IMPORT_FORMATS)}")
