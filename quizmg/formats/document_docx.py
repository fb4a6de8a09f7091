"""A Word document (.docx) as Markdown text for `quizmg generate`.

A .docx file is a zip of XML parts; the text is in `word/document.xml`, the style names in
`word/styles.xml`. Paragraphs in a heading style (by the style's name, which Word stores in English
whatever the language of its menus, or by an outline level) become headings, numbered and bulleted
paragraphs list items, bold runs terms (`**term**`). Tables, text boxes, deleted text of tracked
changes, field codes and footnote marks are left out. Each paragraph is one line of the text, with a
blank line between paragraphs.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from quizmg.errors import DeckError

# A Word document's text is far below this; a zip that inflates past it is refused, not read.
MAX_PART_BYTES = 64 * 1024 * 1024
_FALSE = {"0", "false", "off", "none"}
_HEADING_NAME = re.compile(r"heading\s*([1-9])$", re.I)
_SKIPPED = {"del", "instrText", "delText", "tbl", "txbxContent", "drawing", "pict", "footnoteReference",
            "endnoteReference", "commentReference", "object", "fldData", "oMath", "oMathPara"}
_SPACES = re.compile(r"\s+")


def _local(tag: str) -> str:
    """An element's name without its namespace (Word's transitional and strict forms differ there)."""
    return tag.rsplit("}", 1)[-1]


def _attribute(element: ElementTree.Element, name: str) -> str | None:
    for key, value in element.attrib.items():
        if _local(key) == name:
            return value
    return None


def _child(element: ElementTree.Element | None, name: str) -> ElementTree.Element | None:
    if element is None:
        return None
    return next((child for child in element if _local(child.tag) == name), None)


def _value(element: ElementTree.Element | None, child: str) -> str | None:
    """The `w:val` of a child element (`<w:pStyle w:val="Heading1"/>`), if there is one."""
    found = _child(element, child)
    return None if found is None else _attribute(found, "val")


def _is_on(element: ElementTree.Element | None) -> bool:
    """A Word toggle (`<w:b/>`, `<w:b w:val="true"/>`) is on; `w:val="0"` or "false" is off."""
    return element is not None and (_attribute(element, "val") or "true").lower() not in _FALSE


class _Styles:
    """What a paragraph style says about its level, and which character styles are bold."""

    def __init__(self, root: ElementTree.Element | None) -> None:
        self.levels: dict[str, int] = {}
        self.lists: set[str] = set()
        self.bold: set[str] = set()
        based_on: dict[str, str] = {}
        for style in [] if root is None else root:
            if _local(style.tag) != "style":
                continue
            style_id = _attribute(style, "styleId") or ""
            name = _value(style, "name") or ""
            parent = _value(style, "basedOn")
            if parent:
                based_on[style_id] = parent
            level = _style_level(name, _child(style, "pPr"))
            if level:
                self.levels[style_id] = level
            if name.lower().startswith("list"):
                self.lists.add(style_id)
            if _is_on(_child(_child(style, "rPr"), "b")):
                self.bold.add(style_id)
        for style_id, parent in based_on.items():  # a style based on a heading is a heading of its level
            seen = {style_id}
            while style_id not in self.levels and parent in based_on and parent not in seen:
                seen.add(parent)
                parent = based_on[parent]
            if style_id not in self.levels and parent in self.levels:
                self.levels[style_id] = self.levels[parent]


def _style_level(name: str, paragraph_properties: ElementTree.Element | None) -> int:
    """1-6 for a heading (Title is 1), else 0."""
    match = _HEADING_NAME.match(name.strip())
    if match:
        return min(int(match.group(1)), 6)
    if name.strip().lower() == "title":
        return 1
    outline = _value(paragraph_properties, "outlineLvl")
    if outline is not None and outline.isdigit() and int(outline) < 6:
        return int(outline) + 1
    return 0


def _read_part(archive: zipfile.ZipFile, name: str, path: Path) -> bytes | None:
    try:
        with archive.open(name) as part:
            data = part.read(MAX_PART_BYTES + 1)
    except KeyError:
        return None
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError) as error:
        raise DeckError.single(path, f"this Word document is damaged ({name}: {error})") from None
    if len(data) > MAX_PART_BYTES:
        raise DeckError.single(
            path, f"{name} inflates past {MAX_PART_BYTES // 2**20} MB; this is not a document quizmg reads"
        )
    return data


def _parse(data: bytes, name: str, path: Path) -> ElementTree.Element:
    if b"<!ENTITY" in data[:65536]:
        raise DeckError.single(path, f"{name} declares XML entities; Word never writes them, so it is not read")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise DeckError.single(path, f"this Word document is damaged ({name}: {error})") from None


def docx_to_markdown(data: bytes, path: str | Path) -> str:
    """The document's text as Markdown, or a DeckError naming the file and what is wrong."""
    import io

    path = Path(path)
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DeckError.single(
            path, "this is not a Word .docx document (it is not a zip file); an old .doc file must be saved "
            "as .docx first"
        ) from None
    with archive:
        body_data = _read_part(archive, "word/document.xml", path)
        if body_data is None:
            raise DeckError.single(path, "this zip file has no word/document.xml: it is not a Word .docx document")
        styles_data = _read_part(archive, "word/styles.xml", path)
        root = _parse(body_data, "word/document.xml", path)
        styles = _Styles(_parse(styles_data, "word/styles.xml", path) if styles_data else None)
    body = _child(root, "body")
    paragraphs = [_paragraph(p, styles) for p in _body_paragraphs(body)] if body is not None else []
    return "\n\n".join(p for p in paragraphs if p) + "\n"


def _body_paragraphs(element: ElementTree.Element) -> list[ElementTree.Element]:
    """The body's paragraphs in order, through content controls, not into tables."""
    found = []
    for child in element:
        name = _local(child.tag)
        if name == "p":
            found.append(child)
        elif name in {"sdt", "sdtContent", "customXml", "ins", "smartTag"}:
            found.extend(_body_paragraphs(child))
    return found


def _paragraph(paragraph: ElementTree.Element, styles: _Styles) -> str:
    properties = _child(paragraph, "pPr")
    style_id = _value(properties, "pStyle")
    level = styles.levels.get(style_id or "", 0) or _style_level("", properties)
    pieces: list[tuple[str, bool]] = []
    _runs(paragraph, styles, pieces)
    text = _joined(pieces, marked=not level)
    if not text:
        return ""
    if level:
        return "#" * level + " " + text
    if _child(properties, "numPr") is not None or (style_id or "") in styles.lists:
        return "* " + text
    return text


def _runs(element: ElementTree.Element, styles: _Styles, pieces: list[tuple[str, bool]]) -> None:
    """Each run's text with whether it is bold, in order, skipping what a reader never sees."""
    for child in element:
        name = _local(child.tag)
        if name in _SKIPPED:
            continue
        if name == "r":
            properties = _child(child, "rPr")
            character_style = _value(properties, "rStyle")
            bold = _is_on(_child(properties, "b")) or (character_style or "") in styles.bold
            if _is_on(_child(properties, "vanish")):
                continue
            for part in child:
                part_name = _local(part.tag)
                if part_name == "t":
                    pieces.append((part.text or "", bold))
                elif part_name in {"tab", "br", "cr"}:
                    pieces.append((" ", False))
                elif part_name == "noBreakHyphen":
                    pieces.append(("-", bold))
        elif name != "pPr":
            _runs(child, styles, pieces)  # hyperlinks, inserted text, simple fields, smart tags


def _joined(pieces: list[tuple[str, bool]], *, marked: bool) -> str:
    """The runs as one line; neighbouring bold runs become one `**term**` when `marked`."""
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
    return _SPACES.sub(" ", "".join(out)).strip()
