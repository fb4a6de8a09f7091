"""Helpers for the generator's tests: a key term marked as OpenStax marks it, and a question drafter
over a text's own sentences and terms."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.questions import Drafter
from quizmg.generate.term_finding import find_terms


def term(name: str) -> str:
    """`name` marked as a key term (bold with OpenStax's term attribute)."""
    return f'**{name}**{{: data-type="term"}}'


def drafter(text: str, name: str = "notes.md") -> tuple[Drafter, object]:
    """A drafter for `text` read as the document `name`, and the terms it found."""
    document = read_document(text, Path(name))
    terms = find_terms(document)
    return Drafter(terms, len(document.sentences), set(), document.sentences), terms
