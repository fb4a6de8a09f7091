"""A false statement that gives a subject another subject's object is asked only when the text sets the two
claims side by side (one passage, or one sentence naming both subjects): then the learner tells apart two
things the lesson puts together. Swapped between unrelated passages, 'X binds to Y' is false only by the swap,
and often not plainly false at all."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.claims import claim_problems
from quizmg.generate.document import read_document
from quizmg.generate.mechanisms import Statement, extract_statements
from quizmg.generate.term_finding import find_terms
from quizmg.generate.true_false import set_beside
from quizmg.model import Mechanism, TrueFalse

APART = """# Hormones

## The kidney

When oxygen runs low, the kidney releases EPO into the blood. EPO binds to the surface of marrow cells.

## The thyroid

The pituitary gland releases TSH in the morning. TSH binds to the surface of thyroid cells.
"""


def _statements(text: str) -> list[Statement]:
    document = read_document(text, Path("notes.md"))
    return extract_statements(document.sentences, find_terms(document))


def _false_problems(statements: list[Statement], agent: str, swapped_in: str) -> list[str]:
    claim = next(s for s in statements if s.agent == agent)
    mechanism = Mechanism(id="m", agent=claim.agent, action=claim.action, target=claim.target, tags=["generated"])
    question = TrueFalse(id="m.false", statement=f"{claim.agent} {claim.action} {swapped_in}.", answer=False,
                         mechanism="m")
    return claim_problems(question, mechanism, "false", statements)


def test_a_target_swapped_in_from_a_passage_apart_makes_no_false_statement() -> None:
    statements = _statements(APART)
    thyroid = next(s for s in statements if s.agent == "TSH").target
    assert not set_beside("EPO", thyroid, statements)
    assert any("passage apart" in p for p in _false_problems(statements, "EPO", thyroid))


def test_claims_of_one_passage_or_named_together_make_a_false_statement() -> None:
    one_passage = _statements(APART.replace("## The thyroid\n", ""))
    thyroid = next(s for s in one_passage if s.agent == "TSH").target
    assert set_beside("EPO", thyroid, one_passage)
    assert not any("passage apart" in p for p in _false_problems(one_passage, "EPO", thyroid))
    named = _statements(APART + "\nUnlike TSH, EPO raises the number of red cells in the blood.\n")
    assert set_beside("EPO", thyroid, named)


def test_without_headings_one_paragraph_is_one_passage() -> None:
    text = ("EPO binds to the surface of marrow cells when oxygen runs low.\n\n"
            "The pituitary gland releases TSH in the morning. TSH binds to the surface of thyroid cells.\n")
    statements = _statements(text)
    thyroid = next(s for s in statements if s.agent == "TSH").target
    assert not set_beside("EPO", thyroid, statements)
    joined = _statements(text.replace("\n\nThe pituitary", " The pituitary"))
    assert set_beside("EPO", thyroid, joined)
