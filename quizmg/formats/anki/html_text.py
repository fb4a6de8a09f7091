"""Anki field HTML as quizmg deck text."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from quizmg.formats.media import markdown_image

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
                self.parts.append(markdown_image(src))

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
