"""'X is associated with Y' is a hedged claim only with its verb: a phrase that describes a noun ('the
rest time directly related to pace also sets the load') has none. It had been read as a claim whose action
began with a space, and drafting the document stopped on the mismatch."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.mechanisms import extract_statements
from quizmg.generate.term_finding import find_terms

_TEXT = (
    "# Training\n\n"
    "**Rest time** is the pause between two sets of an exercise. Rest time directly related to pace "
    "also sets the training load. Long rest periods are often associated with heavier lifts. "
    "Short rest periods raise the heart rate.\n"
)


def test_a_describing_phrase_is_no_association() -> None:
    document = read_document(_TEXT, Path("training.md"))
    claims = {(s.agent.lower(), s.action) for s in extract_statements(document.sentences, find_terms(document))}
    assert not any("related to" in action for _, action in claims), claims
    assert ("long rest periods", "are often associated with") in claims, claims


def test_the_document_drafts() -> None:
    draft = draft_deck(_TEXT, "training.md")
    assert draft.deck.mechanisms
    assert all(m.action == m.action.strip() for m in draft.deck.mechanisms)
