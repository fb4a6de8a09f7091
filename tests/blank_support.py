"""Why a blank over some words of a document's first sentence makes a poor cloze: the one helper the blank
tests share."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.quality import bad_blank
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import simplify


def blank_problem(text: str, hidden: str, occurrence: int = 0, name: str = "blanks.md") -> str | None:
    """Why hiding `hidden` (its `occurrence`-th time) in the document's first sentence makes a poor blank,
    or None when it is fine. The name's suffix says how the text is read ('.md' Markdown, '.txt' plain)."""
    document = read_document(text, Path(name))
    terms = find_terms(document)
    sentence = simplify(document.sentences[0].text)
    start = -1
    for _ in range(occurrence + 1):
        start = sentence.index(hidden, start + 1)
    return bad_blank(hidden, sentence, start, start + len(hidden), terms)
