"""Helpers for the generator's tests: a key term marked as OpenStax marks it, and a question drafter
over a text's own sentences and terms."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.questions import Drafter
from quizmg.generate.sentence_use import quotable
from quizmg.generate.term_finding import find_terms


def term(name: str) -> str:
    """`name` marked as a key term (bold with OpenStax's term attribute)."""
    return f'**{name}**{{: data-type="term"}}'


def drafter(text: str, name: str = "notes.md") -> tuple[Drafter, object]:
    """A drafter for `text` read as the document `name`, and the terms it found."""
    document = read_document(text, Path(name))
    terms = find_terms(document)
    return Drafter(terms, len(document.sentences), set(), document.sentences), terms


def quotable_after(text: str) -> bool:
    """Whether `text`, read after an ordinary sentence, is a sentence the generator drafts from."""
    sentences = read_document(f"Rivers carry silt down to the sea every spring. {text}", Path("t.txt")).sentences
    found = [sentence for sentence in sentences if sentence.text.startswith(text[:20])]
    return bool(found) and quotable(found[0], found[0].text)
