"""An OpenDocument text (.odt: LibreOffice, OpenOffice, Google Docs' export) as Markdown text.

The text is in `content.xml`, with the styles made for this document; the named styles are in
`styles.xml`. Headings (`text:h`, or a paragraph in a heading style) become headings, list items list
items, bold spans terms (`**term**`). Tables, frames, notes, annotations, tracked deletions,
tables of contents and program code (a monospaced font) are left out. Each paragraph is one line,
with a blank line between paragraphs.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from quizmg.errors import DeckError
from quizmg.formats import document_zip as office
from quizmg.formats.document_zip import MONOSPACED_FONTS, document_parts, escape_start, join_runs

KIND = "an OpenDocument text"
_SKIPPED = {"table", "frame", "note", "annotation", "tracked-changes", "table-of-content", "illustration-index",
            "alphabetical-index", "bibliography", "sequence-decls", "variable-decls", "user-field-decls",
            "soft-page-break", "forms", "custom-shape", "object-index", "table-index", "user-index"}
_HEADING_NAME = re.compile(r"heading[ _](?:20_)?([1-9])$", re.I)


class _Styles:
    """Which styles are bold, and which paragraph styles are headings (through their parents)."""

    def __init__(self, roots: list[ElementTree.Element]) -> None:
        self.parent: dict[str, str] = {}
        self.bold: dict[str, bool] = {}
        self.level: dict[str, int] = {}
        self.code: dict[str, bool] = {}  # styles set in a monospaced font: program code
        fixed = {office.attribute(face, "name") for root in roots for face in root.iter()
                 if office.local_name(face.tag) == "font-face"
                 and (office.attribute(face, "font-pitch") == "fixed"
                      or MONOSPACED_FONTS.search(office.attribute(face, "font-family") or ""))}
        for root in roots:
            for style in root.iter():
                if office.local_name(style.tag) != "style":
                    continue
                name = office.attribute(style, "name") or ""
                parent = office.attribute(style, "parent-style-name")
                if parent:
                    self.parent[name] = parent
                properties = office.child(style, "text-properties")
                weight = office.attribute(properties, "font-weight")
                font = office.attribute(properties, "font-name")
                if font is not None:
                    self.code[name] = font in fixed
                if weight is not None:
                    self.bold[name] = weight == "bold" or (weight.isdigit() and int(weight) >= 600)
                shown = office.attribute(style, "display-name") or name
                level = office.attribute(style, "default-outline-level")
                match = _HEADING_NAME.match(shown) or _HEADING_NAME.match(name)
                if match:
                    self.level[name] = min(int(match.group(1)), 6)
                elif shown.lower() == "title":
                    self.level[name] = 1
                elif level and level.isdigit() and int(level) > 0:
                    self.level[name] = min(int(level), 6)

    def _inherited(self, name: str, table: dict) -> object:
        seen: set[str] = set()
        while name and name not in table and name not in seen:
            seen.add(name)
            name = self.parent.get(name, "")
        return table.get(name)

    def is_bold(self, name: str | None) -> bool:
        return bool(name) and bool(self._inherited(name or "", self.bold))

    def is_code(self, name: str | None) -> bool:
        return bool(name) and bool(self._inherited(name or "", self.code))

    def heading_level(self, name: str | None) -> int:
        found = self._inherited(name or "", self.level) if name else None
        return found if isinstance(found, int) else 0


def odt_to_markdown(data: bytes, path: str | Path) -> str:
    """The document's text as Markdown, or a DeckError naming the file and what is wrong."""
    path = Path(path)
    root, style_root = document_parts(data, path, KIND, "; save it again as .odt or .docx", "content.xml", "styles.xml")
    styles = _Styles([root] + ([style_root] if style_root is not None else []))
    body = office.child(office.child(root, "body"), "text")
    if body is None:
        raise DeckError.single(path, "this OpenDocument file has no text body (a spreadsheet or a drawing?)")
    blocks: list[str] = []
    _blocks(body, styles, blocks, in_list=False)
    # One paragraph a line, a blank line between: the drafts point at paragraph N, found on line 2N - 1.
    return "\n\n".join(" ".join(block.split("\n")) for block in blocks if block) + "\n"


def _blocks(element: ElementTree.Element, styles: _Styles, blocks: list[str], *, in_list: bool) -> None:
    for item in element:
        name = office.local_name(item.tag)
        if name in _SKIPPED:
            continue
        if name in {"p", "h"}:
            blocks.append(_paragraph(item, name, styles, in_list=in_list))
        elif name in {"list-item", "list-header"}:
            _blocks(item, styles, blocks, in_list=True)
        else:  # lists, sections, change marks: their paragraphs in order
            _blocks(item, styles, blocks, in_list=in_list)


def _paragraph(paragraph: ElementTree.Element, kind: str, styles: _Styles, *, in_list: bool) -> str:
    style = office.attribute(paragraph, "style-name")
    if kind == "p" and styles.is_code(style):
        return ""  # program code, as the Markdown reader leaves out code blocks
    level = styles.heading_level(style)
    if kind == "h":
        outline = office.attribute(paragraph, "outline-level") or ""
        level = min(int(outline), 6) if outline.isdigit() and int(outline) > 0 else (level or 1)
    pieces: list[tuple[str, bool]] = []
    _spans(paragraph, styles, pieces, bold=False)
    text = join_runs(pieces, marked=not level)
    if not text:
        return ""
    if level:
        return "#" * level + " " + text
    return "* " + escape_start(text) if in_list else escape_start(text)


def _spans(element: ElementTree.Element, styles: _Styles, pieces: list[tuple[str, bool]], *, bold: bool) -> None:
    """The text of a paragraph in order, with whether each piece is bold."""
    if element.text:
        pieces.append((element.text, bold))
    for item in element:
        name = office.local_name(item.tag)
        if name == "s":
            count = office.attribute(item, "c") or "1"
            pieces.append((" " * (int(count) if count.isdigit() else 1), bold))
        elif name in {"tab", "line-break"}:
            pieces.append((" ", False))
        elif name not in _SKIPPED:
            inner = bold or (name == "span" and styles.is_bold(office.attribute(item, "style-name")))
            _spans(item, styles, pieces, bold=inner)
        if item.tail:
            pieces.append((item.tail, bold))
