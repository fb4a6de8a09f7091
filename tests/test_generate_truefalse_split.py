"""True/false: asked false wherever the text gives a plainly false version, so 'True' does not always win;
never beside the link or why/how question that asks the same claim.

The texts are written for these tests in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from drafting import term

from quizmg.bank import bank_from_deck
from quizmg.generate.candidate import Candidate
from quizmg.generate.choices import _fit_article, _in_aside
from quizmg.generate.claims import claim_problems
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.false_statements import partner_swapped, turned_by_one_word, turned_direction
from quizmg.generate.mechanisms import extract_statements
from quizmg.generate.term_finding import find_terms
from quizmg.generate.true_false import one_way, stated_facts
from quizmg.model import Basic, Mechanism, TrueFalse

HARBOUR = f"""---
title: "Prices in a fishing town"
---

The harbour market sets the price of fish each morning. {term("Supply")} is the amount of fish the boats
bring in, and {term("demand")} is the amount the buyers want.

A higher price leads to a lower quantity demanded. Cheap diesel lowers the cost of each trip. Cold weather
raises the demand for smoked fish.

{term("Gram-positive bacteria")} spoil the smoked fish slowly. {term("Gram-negative bacteria")} spoil fresh fish
quickly. Salt slows the growth of bacteria on the fish.

A {term("cooperative")} is a group of boat owners that share one cold store. The cooperative increases the
bargaining power of small boat owners. A long winter reduces the income of the fishing families.
"""


def test_a_word_of_direction_or_degree_is_turned_the_other_way() -> None:
    assert turned_direction("Exit shifts the demand curve to the right.") == "Exit shifts the demand curve to the left."
    assert turned_direction("A higher price leads to a lower quantity demanded.") == (
        "A lower price leads to a lower quantity demanded."
    )
    assert turned_direction("Red light has longer waves than blue light.") == (
        "Red light has shorter waves than blue light."
    )
    assert turned_direction("Wavelength and frequency are inversely related.") == (
        "Wavelength and frequency are directly related."
    )
    # Part of a name, a side that is no side, a time: nothing to turn.
    assert turned_direction("The lower harbour silts up in spring.", [(4, len("The lower harbour"))]) is None
    assert turned_direction("The last boat has left the harbour.") is None
    assert turned_direction("The quay is no longer used for fish.") is None
    assert turned_direction("Sailors claim the right to fish here.") is None


def test_a_partner_word_the_text_uses_is_swapped_in() -> None:
    vocabulary = {"gram-negative", "bacteria", "spoil", "fish"}
    assert partner_swapped("Gram-positive bacteria spoil smoked fish slowly.", vocabulary) == (
        "Gram-negative bacteria spoil smoked fish slowly."
    )
    # The text never names the partner: no swap from a guess.
    assert partner_swapped("Gram-positive bacteria spoil smoked fish slowly.", {"bacteria"}) is None
    assert turned_by_one_word("the curve to the right", "the curve to the left")
    assert turned_by_one_word("gram-positive bacteria", "gram-negative bacteria")
    assert not turned_by_one_word("gram-positive bacteria", "smoked fish")


def test_a_claim_with_a_plainly_false_version_is_asked_false_and_only_once() -> None:
    draft = draft_deck(HARBOUR, Path("harbour.md"), max_questions=40, keep_all=True)
    statements = {q.statement: q.answer for q in bank_from_deck(draft.deck).questions if isinstance(q, TrueFalse)}
    assert statements, "the direction claims give true/false questions"
    assert all(answer is False for answer in statements.values()), statements  # each has a false version
    turned = {
        "A long winter increases the income of the fishing families.",
        "Cheap diesel raises the cost of each trip.",
        "Cold weather lowers the demand for smoked fish.",
    }
    assert set(statements) & turned, statements
    # Never both ways: no claim's true statement beside its false version.
    assert "A long winter reduces the income of the fishing families." not in statements


def test_an_object_turned_by_one_word_is_false_unless_the_text_says_it_too() -> None:
    drafted = Mechanism(id="price", agent="A higher price", action="leads to", target="a lower quantity demanded",
                        tags=["generated"])
    turned = TrueFalse(id="price.false", statement="A higher price leads to a higher quantity demanded.", answer=False)
    assert not [p for p in claim_problems(turned, drafted, "false", []) if "turned" in p or "swapped" in p]
    document = read_document("A higher price leads to a higher quantity demanded at first.", Path("odd.md"))
    said = extract_statements(document.sentences, find_terms(document))
    assert said, "the odd text states the turned claim"
    assert any("turned" in p for p in claim_problems(turned, drafted, "false", said))


def _candidate(question: TrueFalse | Basic, sentence_index: int, *, template: str | None = None,
               mechanism: str | None = None) -> Candidate:
    document = read_document("Salt slows the growth of bacteria. Cold weather raises demand.", Path("s.md"))
    facts = stated_facts(sentence_index) if isinstance(question, TrueFalse) else frozenset(
        {f"{sentence_index}:{template}"})
    return Candidate(question, 1.0, facts, "x", document.sentences[sentence_index], mechanism=mechanism,
                     template=template)


def test_a_true_false_yields_to_the_why_question_and_shares_a_fact_with_the_link_of_its_sentence() -> None:
    statement = TrueFalse(id="t", statement="Salt slows the growth of bacteria.", answer=True)
    why = Basic(id="salt.why", prompt="Why does salt keep fish?", answer="Salt slows the growth of bacteria.")
    drafted = _candidate(statement, 0)
    other = _candidate(TrueFalse(id="u", statement="Cold weather raises demand.", answer=True), 1)
    one_way([_candidate(why, 0, template="why", mechanism="salt")], [drafted, other])
    assert drafted.problems and not other.problems
    link = _candidate(Basic(id="salt.recall", prompt="What is the link between salt and bacteria?", answer="x"), 0,
                      template="recall", mechanism="salt")
    assert link.facts & stated_facts(0)


def test_a_swapped_term_keeps_out_of_an_aside_and_takes_its_article() -> None:
    text = "Scurvy, an illness of sailors at sea, causes bleeding gums."
    at = text.index("illness")
    assert _in_aside(text, at, at + len("illness"))
    at = text.index("bleeding gums")
    assert not _in_aside(text, at, at + len("bleeding gums"))
    assert _fit_article("Scurvy is an ", "deficiency disease") == "Scurvy is a "
    assert _fit_article("Scurvy is a ", "illness") == "Scurvy is an "
    assert _fit_article("Scurvy is the ", "illness") == "Scurvy is the "


def test_a_claims_false_version_stands_in_for_its_true_statement_and_ranks_before_its_link_question() -> None:
    true = _candidate(TrueFalse(id="salt.true", statement="Salt slows the growth of bacteria.", answer=True), 0,
                      template="true", mechanism="salt")
    false = _candidate(TrueFalse(id="salt.false", statement="Salt speeds the growth of bacteria.", answer=False), 0,
                       template="false", mechanism="salt")
    link = _candidate(Basic(id="salt.recall", prompt="What is the link between salt and bacteria?", answer="x"), 0,
                      template="recall", mechanism="salt")
    one_way([true, false, link])
    assert true.problems and not false.problems
    assert not link.problems and link.score < false.score  # after it; still there if the false one is not chosen
    # A false version with a problem of its own ('may be true as well') leaves both in place.
    true.problems, false.problems, link.score = [], ["the swapped target may be true as well"], 1.0
    one_way([true, false, link])
    assert not true.problems and link.score == 1.0
