"""What the readers of zipped office documents (.docx, .odt) share: their parts read with a bound on
what they inflate to, XML without entities, names without namespaces, bold runs as Markdown."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from quizmg.errors import DeckError

# A document's text is far below this; a part that inflates past it is refused, not read.
MAX_PART_BYTES = 64 * 1024 * 1024


def open_archive(data: bytes, path: Path, kind: str, advice: str) -> zipfile.ZipFile:
    """The document as a zip archive, or a DeckError: `kind` names the format, `advice` what to do."""
    try:
        return zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DeckError.single(path, f"this is not {kind} (it is not a zip file){advice}") from None


def document_parts(
    data: bytes, path: Path, kind: str, advice: str, text_part: str, style_part: str
) -> tuple[ElementTree.Element, ElementTree.Element | None]:
    """The XML of a document's text part and of its styles part (None when it has none).

    `kind` names the format ("a Word .docx document"), `advice` what to do when it is no zip."""
    with open_archive(data, path, kind, advice) as archive:
        text = read_part(archive, text_part, path)
        if text is None:
            raise DeckError.single(path, f"this zip file has no {text_part}: it is not {kind}")
        styles = read_part(archive, style_part, path)
    return parse_part(text, text_part, path), parse_part(styles, style_part, path) if styles else None


def read_part(archive: zipfile.ZipFile, name: str, path: Path) -> bytes | None:
    """One part's bytes (None when the archive has no such part)."""
    try:
        with archive.open(name) as part:
            data = part.read(MAX_PART_BYTES + 1)
    except KeyError:
        return None
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
        raise DeckError.single(path, f"this document is damaged ({name}: {error})") from None
    if len(data) > MAX_PART_BYTES:
        raise DeckError.single(
            path, f"{name} inflates past {MAX_PART_BYTES // 2**20} MB; this is not a document quizmg reads"
        )
    return data


def parse_part(data: bytes, name: str, path: Path) -> ElementTree.Element:
    """A part's XML; entity declarations (which office programs never write) are refused."""
    if b"<!ENTITY" in data[:65536]:
        raise DeckError.single(
            path, f"{name} declares XML entities; office programs never write them, so it is not read"
        )
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise DeckError.single(path, f"this document is damaged ({name}: {error})") from None


def local_name(tag: str) -> str:
    """An element's or attribute's name without its namespace."""
    return tag.rsplit("}", 1)[-1]


def attribute(element: ElementTree.Element | None, name: str) -> str | None:
    """An attribute by its local name, whatever its namespace."""
    if element is None:
        return None
    for key, value in element.attrib.items():
        if local_name(key) == name:
            return value
    return None


def child(element: ElementTree.Element | None, name: str) -> ElementTree.Element | None:
    """The first child with this local name."""
    if element is None:
        return None
    return next((found for found in element if local_name(found.tag) == name), None)


def join_runs(pieces: list[tuple[str, bool]], *, marked: bool) -> str:
    """A paragraph's pieces of text (each with whether it is bold) as one line; neighbouring bold
    pieces become one `**term**` when `marked`."""
    out: list[str] = []
    index = 0
    while index < len(pieces):
        text, bold = pieces[index]
        if not (bold and marked):
            out.append(text)
            index += 1
            continue
        run = []
        while index < len(pieces) and pieces[index][1]:
            run.append(pieces[index][0])
            index += 1
        words = "".join(run)
        core = words.strip()
        if core:
            lead = words[: len(words) - len(words.lstrip())]
            trail = words[len(words.rstrip()):]
            out.append(f"{lead}**{core}**{trail}")
        else:
            out.append(words)
    return re.sub(r"\s+", " ", "".join(out)).strip()


# What Markdown reads at the start of a line as a heading, quote, list item, rule or code fence.
_MARKDOWN_START = re.compile(r"^(?:#{1,6}(?:\s|$)|>|[*+-](?:\s|$)|[-*_](?:\s*[-*_]){2,}\s*$|`{3}|~{3})")
_NUMBERED_START = re.compile(r"^(\d{1,9})([.)])(\s|$)")
MONOSPACED_FONTS = re.compile(r"courier|consolas|menlo|monaco|lucida console|mono|fixedsys|terminal", re.I)


def escape_start(text: str) -> str:
    """A paragraph's text that Markdown will not read as a heading, quote, list, rule or code fence."""
    if _MARKDOWN_START.match(text):
        return "\\" + text
    return _NUMBERED_START.sub(lambda m: m.group(1) + "\\" + m.group(2) + m.group(3), text, count=1)
