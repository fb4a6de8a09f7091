"""A Word document (.docx) as Markdown text for `quizmg generate`.

A .docx file is a zip of XML parts; the text is in `word/document.xml`, the style names in
`word/styles.xml`. Paragraphs in a heading style (by the style's name, which Word stores in English
whatever the language of its menus, or by an outline level) become headings, numbered and bulleted
paragraphs list items, bold runs terms (`**term**`). Tables, text boxes, deleted text of tracked
changes, field codes, footnote marks and program code (a code style or a monospaced font) are left
out. Each paragraph is one line of the text, with a
blank line between paragraphs.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from quizmg.formats import document_zip as office
from quizmg.formats.document_zip import MONOSPACED_FONTS, document_parts, escape_start, join_runs

KIND = "a Word .docx document"
_FALSE = {"0", "false", "off", "none"}
_HEADING_NAME = re.compile(r"heading\s*([1-9])$", re.I)
_CODE_STYLE = re.compile(r"\bcode\b|preformatted|source text|plain text", re.I)
_SKIPPED = {"del", "instrText", "delText", "tbl", "txbxContent", "drawing", "pict", "footnoteReference",
            "endnoteReference", "commentReference", "object", "fldData", "oMath", "oMathPara"}


def _value(element: ElementTree.Element | None, child: str) -> str | None:
    """The `w:val` of a child element (`<w:pStyle w:val="Heading1"/>`), if there is one."""
    found = office.child(element, child)
    return None if found is None else office.attribute(found, "val")


def _is_on(element: ElementTree.Element | None) -> bool:
    """A Word toggle (`<w:b/>`, `<w:b w:val="true"/>`) is on; `w:val="0"` or "false" is off."""
    return element is not None and (office.attribute(element, "val") or "true").lower() not in _FALSE


class _Styles:
    """What a paragraph style says about its level, and which character styles are bold."""

    def __init__(self, root: ElementTree.Element | None) -> None:
        self.levels: dict[str, int] = {}
        self.lists: set[str] = set()
        self.bold: set[str] = set()
        self.code: set[str] = set()  # paragraph styles for program code: a monospaced font or a code name
        based_on: dict[str, str] = {}
        for style in [] if root is None else root:
            if office.local_name(style.tag) != "style":
                continue
            style_id = office.attribute(style, "styleId") or ""
            name = _value(style, "name") or ""
            parent = _value(style, "basedOn")
            if parent:
                based_on[style_id] = parent
            level = _style_level(name, office.child(style, "pPr"))
            if level:
                self.levels[style_id] = level
            if name.lower().startswith("list"):
                self.lists.add(style_id)
            if _is_on(office.child(office.child(style, "rPr"), "b")):
                self.bold.add(style_id)
            if _CODE_STYLE.search(name) or _monospaced(office.child(style, "rPr")):
                self.code.add(style_id)
        for style_id, parent in based_on.items():  # a style based on a heading is a heading of its level
            seen = {style_id}
            while style_id not in self.levels and parent in based_on and parent not in seen:
                seen.add(parent)
                parent = based_on[parent]
            if style_id not in self.levels and parent in self.levels:
                self.levels[style_id] = self.levels[parent]
            if parent in self.code:
                self.code.add(style_id)


def _monospaced(run_properties: ElementTree.Element | None) -> bool:
    fonts = office.child(run_properties, "rFonts")
    return fonts is not None and bool(MONOSPACED_FONTS.search(office.attribute(fonts, "ascii") or ""))


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


def docx_to_markdown(data: bytes, path: str | Path) -> str:
    """The document's text as Markdown, or a DeckError naming the file and what is wrong."""
    root, style_root = document_parts(
        data, Path(path), KIND, "; an old .doc file must be saved as .docx first", "word/document.xml",
        "word/styles.xml",
    )
    styles = _Styles(style_root)
    body = office.child(root, "body")
    paragraphs = [_paragraph(p, styles) for p in _body_paragraphs(body)] if body is not None else []
    # One paragraph a line, a blank line between: the drafts point at paragraph N, found on line 2N - 1.
    return "\n\n".join(" ".join(p.split("\n")) for p in paragraphs if p) + "\n"


def _body_paragraphs(element: ElementTree.Element) -> list[ElementTree.Element]:
    """The body's paragraphs in order, through content controls, not into tables."""
    found = []
    for child in element:
        name = office.local_name(child.tag)
        if name == "p":
            found.append(child)
        elif name in {"sdt", "sdtContent", "customXml", "ins", "smartTag"}:
            found.extend(_body_paragraphs(child))
    return found


def _paragraph(paragraph: ElementTree.Element, styles: _Styles) -> str:
    properties = office.child(paragraph, "pPr")
    style_id = _value(properties, "pStyle") or ""
    if style_id in styles.code:
        return ""  # program code, as the Markdown reader leaves out code blocks
    level = styles.levels.get(style_id, 0) or _style_level("", properties)
    pieces: list[tuple[str, bool]] = []
    _runs(paragraph, styles, pieces)
    text = join_runs(pieces, marked=not level)
    if not text:
        return ""
    if level:
        return "#" * level + " " + text
    if office.child(properties, "numPr") is not None or style_id in styles.lists:
        return "* " + escape_start(text)
    return escape_start(text)


def _runs(element: ElementTree.Element, styles: _Styles, pieces: list[tuple[str, bool]]) -> None:
    """Each run's text with whether it is bold, in order, skipping what a reader never sees."""
    for child in element:
        name = office.local_name(child.tag)
        if name in _SKIPPED:
            continue
        if name == "r":
            properties = office.child(child, "rPr")
            character_style = _value(properties, "rStyle")
            bold = _is_on(office.child(properties, "b")) or (character_style or "") in styles.bold
            if _is_on(office.child(properties, "vanish")):
                continue
            for part in child:
                part_name = office.local_name(part.tag)
                if part_name == "t":
                    pieces.append((part.text or "", bold))
                elif part_name in {"tab", "br", "cr"}:
                    pieces.append((" ", False))
                elif part_name == "noBreakHyphen":
                    pieces.append(("-", bold))
        elif name != "pPr":
            _runs(child, styles, pieces)  # hyperlinks, inserted text, simple fields, smart tags
