"""A teacher's web page or HTML export as Markdown text for `quizmg generate`.

Headings stay headings, paragraphs and list items stay blocks, bold and defined terms (`<b>`,
`<strong>`, `<dfn>`) stay marked as terms. Page furniture (scripts, styles, navigation, headers,
footers, forms), program code (`<pre>`) and tables (a row is not a sentence) are left out. Each
block starts on the line of the HTML file its tag starts on, where the blocks before it leave room,
so a draft's "line N" points into the file the teacher has.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from quizmg.formats.document_zip import escape_start

_SKIPPED = {"script", "style", "nav", "header", "footer", "aside", "form", "button", "select", "textarea",
            "noscript", "template", "svg", "math", "table", "iframe", "pre", "object", "canvas"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_HEADINGS = {f"h{level}": level for level in range(1, 7)}
_BLOCKS = {"p", "div", "li", "dd", "dt", "blockquote", "figcaption", "caption", "section", "article",
           "main", "address", "summary", "details", "ul", "ol", "dl", "figure", "body", "html"}
_TERMS = {"b", "strong", "dfn"}
_SPACES = re.compile(r"\s+")
# While a block is gathered, \x01 opens a bold run and \x02 closes it.
_OPEN_SPACE = re.compile(r"\x01(\s+)")
_SPACE_CLOSE = re.compile(r"(\s+)\x02")
_HEADING_LINE = re.compile(r"#{1,6} ")
_CLOSE_PUNCTUATION = re.compile(r"\x02 ([,.;:!?)])")


class _MarkdownMaker(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[tuple[int, str, str]] = []  # (line it starts on, its Markdown, dt/dd or "")
        self.skipping: list[str] = []
        self.parts: list[str] = []
        self.start_line = 1
        self.heading = 0
        self.list_depth = 0  # open <li> elements: a block inside one is a list item
        self.definition = ""  # "dt" or "dd" while one is open
        self.title: list[str] | None = None
        self.title_text = ""

    # -- blocks ---------------------------------------------------------------------------

    def _flush(self) -> None:
        text = _SPACES.sub(" ", "".join(self.parts))
        # Bold marks hug their words (Markdown wants no space inside `**`); bold around nothing goes.
        text = _OPEN_SPACE.sub(lambda m: m.group(1) + "\x01", text)
        text = _SPACE_CLOSE.sub(lambda m: "\x02" + m.group(1), text)
        text = _SPACES.sub(" ", text.replace("\x01\x02", "")).strip()
        text = _CLOSE_PUNCTUATION.sub(lambda m: "\x02" + m.group(1), text)
        self.parts = []
        plain = bool(self.heading or self.definition)
        text = text.replace("\x01", "" if plain else "**").replace("\x02", "" if plain else "**")
        if text:
            if self.heading:
                text = "#" * self.heading + " " + text
            elif self.definition:
                pass  # `term` and `: definition` lines, joined below
            elif self.list_depth:
                text = "* " + escape_start(text)
            else:
                text = escape_start(text)
            self.blocks.append((self.start_line, text, self.definition))
        self.heading = 0

    def _open_block(self) -> None:
        self._flush()
        self.start_line = self.getpos()[0]

    # -- the parser's events ----------------------------------------------------------------

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.skipping:
            if tag == self.skipping[-1] and tag not in _VOID:
                self.skipping.append(tag)
            return
        if tag == "title":
            self.title = []
        elif tag in _SKIPPED or ("hidden" in dict(attrs)):
            if tag not in _VOID:
                self.skipping.append(tag)
        elif tag in _HEADINGS:
            self._open_block()
            self.heading = _HEADINGS[tag]
        elif tag == "li":
            self._open_block()
            self.list_depth += 1
        elif tag in {"dt", "dd"}:
            self._open_block()
            self.definition = tag
        elif tag in _BLOCKS or tag == "hr":
            self._open_block()
        elif tag == "br":
            self.parts.append(" ")
        elif tag in _TERMS:
            self.parts.append("\x01")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.handle_starttag(tag, attrs)
        # `<div/>` and the like open and close nothing worth a block

    def handle_endtag(self, tag: str) -> None:
        if self.skipping:
            if tag == self.skipping[-1]:
                self.skipping.pop()
            return
        if tag == "title" and self.title is not None:
            self.title_text = _SPACES.sub(" ", "".join(self.title)).strip()
            self.title = None
        elif tag in _HEADINGS or tag in _BLOCKS:
            self._flush()
            self.start_line = self.getpos()[0]
            if tag == "li":
                self.list_depth = max(0, self.list_depth - 1)
            elif tag in {"dt", "dd"}:
                self.definition = ""
        elif tag in _TERMS:
            self.parts.append("\x02")

    def handle_data(self, data: str) -> None:
        if self.title is not None:
            self.title.append(data)
        elif not self.skipping:
            self.parts.append(data.replace("\x01", "").replace("\x02", ""))

    def close(self) -> None:
        super().close()
        self._flush()


def html_to_markdown(html: str) -> tuple[str, str]:
    """The page's Markdown text and its <title> (empty when it has none)."""
    maker = _MarkdownMaker()
    maker.feed(html)
    maker.close()
    lines: list[str] = []
    previous = ""
    for start, block, kind in maker.blocks:
        if kind == "dd" and previous == "dt":
            lines.append(": " + block)  # `term`, then `: definition` on the next line
            previous = kind
            continue
        if lines and not (_HEADING_LINE.match(block) or _HEADING_LINE.match(lines[-1])):
            lines.append("")  # a blank line ends a paragraph (a heading's line ends it by itself)
        while len(lines) + 1 < start:
            lines.append("")
        lines.append(block)
        previous = kind
    return "\n".join(lines) + "\n", maker.title_text


def declared_charset(data: bytes) -> str | None:
    """The encoding a page names in its first bytes (`<meta charset=...>`), if any."""
    match = re.search(rb"""<meta[^>]+charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", data[:4096], re.I)
    return match.group(1).decode("ascii").lower() if match else None
