"""True/false from a sentence: about a named thing, one claim at a time, false for the sentence's own reason.

The texts are written for these tests in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from drafting import term

from quizmg.generate.document import read_document
from quizmg.generate.false_statements import flipped_comparison, joins_claims, names_its_subject
from quizmg.generate.questions import Drafter
from quizmg.generate.term_finding import find_terms
from quizmg.model import TrueFalse


def _true_false(text: str, opening: str) -> list[TrueFalse]:
    """The true/false questions drafted from the sentence that begins with `opening`."""
    document = read_document(text, Path("notes.md"))
    terms = find_terms(document)
    drafter = Drafter(terms, len(document.sentences), set(), document.sentences)
    sentence = next(s for s in document.sentences if s.text.startswith(opening))
    drafter.mechanism_sentences = {sentence.index}
    return [c.question for c in drafter.draft(sentence) if isinstance(c.question, TrueFalse)]


HARBOUR = f"""---
title: "The Harbour"
---

The {term("spring tide")} raises the water in the harbour twice a month.
The {term("neap tide")} lowers the reach of the waves on the harbour wall.
A {term("storm surge")} floods the quay when the wind blows from the sea.
Occasionally, gales can cause a {term("storm surge")} on the quay.
"""


def test_a_statement_whose_subject_names_nothing_of_the_text_is_not_asked() -> None:
    # 'Occasionally, gales can cause ...': which gales, the paragraph says; judged alone it is a guess.
    assert _true_false(HARBOUR, "Occasionally") == []  # a hedge too: it can hardly be false
    assert _true_false(HARBOUR, "A storm surge floods")  # the subject is a term: asked
    assert not names_its_subject("Serious cases can lead to a storm surge.", len("Serious cases can lead to a "))
    assert names_its_subject("In winter, the storm surge floods the quay.", len("In winter, the "))
    # A firm claim names its subject even when the text marks no term in it.
    assert names_its_subject("High tides flood the quay.", len("High tides flood the "))
    text = HARBOUR + "Serious storms can cause a storm surge on the quay.\n"
    assert _true_false(text, "Serious storms") == []


def test_a_comparison_is_made_false_by_turning_the_comparison_never_its_verb() -> None:
    sentence = "Gulls raise more chicks than terns on the harbour wall."
    assert flipped_comparison(sentence) == "Gulls raise less chicks than terns on the harbour wall."
    assert flipped_comparison("More ships than boats use the quay.") == "Less ships than boats use the quay."
    assert flipped_comparison("Gulls raise chicks on the harbour wall.") is None
    text = HARBOUR + f"The {term('spring tide')} raises the water more often than the {term('storm surge')} does.\n"
    for question in _true_false(text, "The spring tide raises the water more"):
        if not question.answer:
            assert "less often than" in question.statement and "lowers" not in question.statement, question


def test_two_claims_joined_in_one_sentence_make_no_false_statement() -> None:
    assert joins_claims("Gales raise the waves, and most storms destroy the quay.")
    assert not joins_claims("Gulls, terns, and herons nest on the harbour wall.")  # a list, one claim
    assert not joins_claims("The spring tide raises the water in the harbour.")
    text = HARBOUR + f"The {term('spring tide')} raises the water, and the {term('neap tide')} lowers it again.\n"
    questions = _true_false(text, "The spring tide raises the water,")
    assert all(question.answer for question in questions), [q.statement for q in questions]
