"""Text between quizmg and Moodle: Moodle's formats read as quizmg text, quizmg text written so Moodle shows it.

quizmg's deck text is Markdown. Moodle keeps a format with each text: `html` and `moodle` (its
auto-format) are rendered as HTML, `markdown` as Markdown, `plain` as written.
"""

from __future__ import annotations

import html
import re
import unicodedata
from html.parser import HTMLParser

FORMATS = ("moodle", "html", "plain", "markdown")
_TAG_OR_ENTITY = re.compile(r"<[A-Za-z/!]|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_BLOCKS = {"div", "p", "li", "tr", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "pre", "blockquote"}


class _Reader(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self.hidden += 1
        elif tag == "br" or tag in _BLOCKS:
            self.parts.append("\n")
        elif tag == "img":
            source = dict(attrs).get("src") or ""
            if source:
                self.parts.append(f"![]({source})")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_as_text(value: str) -> str:
    """HTML as the text a reader sees: tags dropped, line breaks kept, entities decoded."""
    reader = _Reader()
    reader.feed(value)
    reader.close()
    text = "".join(reader.parts).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def from_moodle(text: str, text_format: str) -> str:
    """Moodle text in its format as quizmg (Markdown) text."""
    if text_format in ("html", "moodle") and _TAG_OR_ENTITY.search(text):
        return html_as_text(text)
    if text_format == "markdown" and "&" in text:
        return html.unescape(text).strip()
    return text.strip()


def visible(text: str) -> str:
    """Control and invisible formatting characters written as `<U+XXXX>`, so they show (tab and newline stay)."""
    out = []
    for char in text:
        if char in "\n\t":
            out.append(char)
        elif unicodedata.category(char) in ("Cc", "Cf", "Cs", "Co") or char in "\u2028\u2029":
            out.append(f"<U+{ord(char):04X}>")
        else:
            out.append(char)
    return "".join(out)


def literal_markdown(text: str) -> str:
    """quizmg text for Moodle's Markdown format: HTML shown as written, controls made visible."""
    return html.escape(visible(text), quote=False)


def markdown_back(text: str) -> str:
    """What `literal_markdown` wrote, as quizmg text again (HTML entities decoded)."""
    return html.unescape(text)
