"""Lines that quote someone else's words: a Markdown blockquote ('> ...') and a paragraph set in <q> ... </q>.

A textbook quotes a primary source, a letter or a witness to show what people said ('There is no road to
despotism more sure ...', a patient's account, a court's ruling). Those are the speaker's words, not the
text's claims, and a question made from them asks the reader to finish a quotation. A short quotation inside
a sentence of the text's own ('They called the tax <q>a scourge</q>.') stays, with the sentence.
"""

from __future__ import annotations

import re

_BLOCKQUOTE = re.compile(r"^\s{0,3}>")
_OPENS = re.compile(r"<q\b[^>]*>", re.I)
_CLOSES = re.compile(r"</q>", re.I)
_MARKS = re.compile(r"</?q\b[^>]*>", re.I)


def quoted_lines(lines: list[str]) -> set[int]:
    """The 0-based numbers of the lines that hold only quoted words."""
    quoted: set[int] = set()
    inside = False
    closes_after = [False] * (len(lines) + 1)  # whether a '</q>' stands on a line after each one
    for number in range(len(lines) - 1, -1, -1):
        closes_after[number] = closes_after[number + 1] or bool(_CLOSES.search(lines[number]))
    for number, line in enumerate(lines):
        if inside:
            quoted.add(number)
            inside = _still_open(line)
            continue
        if _BLOCKQUOTE.match(line):
            quoted.add(number)
            continue
        opening = _OPENS.search(line)
        if opening is None:
            continue
        inside = _still_open(line[opening.end():])
        if inside and not closes_after[number + 1]:
            inside = False  # a '<q>' never closed is a stray mark, not a quotation of the rest of the text
            continue
        if not line[: opening.start()].strip():
            quoted.add(number)  # the paragraph opens on the quotation: it is the quotation
    return quoted


def _still_open(text: str) -> bool:
    """Whether a quotation open before `text` is still open after it: its last mark opens one."""
    marks = _MARKS.findall(text)
    return not marks or not marks[-1].startswith("</")
