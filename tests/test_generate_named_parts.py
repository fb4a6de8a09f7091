"""A definition that counts its parts names them, and a pair named by its kind alone leans on the sentence before.

Seen on the lead's held-out set 18: 'What is the term for the sum of four components?' (the sentence went on to
name the four after a colon, and the question dropped them); 'What is the term for the effects of both
processes?' (the two processes were the sentence before's). The texts here are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from drafting import term

from quizmg.generate.definition_checks import askable_definition
from quizmg.generate.document import read_document
from quizmg.generate.sentence_use import leans_back
from quizmg.generate.term_finding import find_terms

BUDGET = (
    f"A {term('household budget')} is kept by most families. Household spending is the sum of three parts: food, "
    "housing, and transport. Food is the largest part for poor families. Household income is the sum of two "
    "parts: wages and gifts from relatives abroad, as the survey found. Household saving is the sum of several "
    "parts: a list too long to give here and which the survey kept apart from the spending it measured."
)


def definitions(text: str) -> dict[str, str | None]:
    terms = find_terms(read_document(text, Path("budget.md")))
    return {name: (terms.get(name).definition if terms.get(name) else None)  # type: ignore[union-attr]
            for name in ("Household spending", "Household income", "Household saving")}


def test_a_definition_that_counts_its_parts_keeps_the_list_after_its_colon() -> None:
    found = definitions(BUDGET)
    assert found["Household spending"] == "the sum of three parts: food, housing, and transport"
    assert found["Household income"] == (
        "the sum of two parts: wages and gifts from relatives abroad, as the survey found")


def test_a_clause_after_the_colon_is_no_list_of_parts_and_the_definition_stays_as_it_was() -> None:
    # Twenty words after the colon are no list of parts: the definition is what it was before the colon.
    assert definitions(BUDGET)["Household saving"] == "the sum of several parts"


def test_a_definition_that_counts_nothing_is_cut_at_its_colon_as_before() -> None:
    text = (f"A {term('ledger balance')} is kept by banks. Ledger balance is the sum of all entries: a figure every"
            " family checks.")
    ledger = find_terms(read_document(text, Path("ledger.md"))).get("Ledger balance")
    assert ledger is not None and ledger.definition == "the sum of all entries"


def test_both_and_a_plural_noun_leans_on_the_sentence_before() -> None:
    assert leans_back("The effects of both processes are called fog loss.") == "of both processes"
    assert leans_back("The price of both goods rises in winter.") == "of both goods"
    assert not askable_definition("fog loss", "the effects of both processes")


def test_both_that_names_its_pair_or_a_pair_everyone_knows_stands_alone() -> None:
    assert leans_back("The effects of both rain and wind are called weathering.") is None
    assert leans_back("Traffic flows in both directions on the bridge.") is None
    assert leans_back("Each gene is copied from both strands at once.") is None
    assert askable_definition("weathering", "the effects of both rain and wind")
    # 'both' as the subject of the definition's own clause: the pair is the one the definition sets up.
    assert askable_definition("symbiosis", "a bond in which both members gain")
    # 'both its X and its Y' names the pair, however far apart the two are.
    assert leans_back("The age of a rock comes from both its layers and its fossils.") is None
    # A sentence that names the two itself before calling them 'both'.
    assert leans_back("Wells differ from springs and rivers, yet the same salts occur in both kinds of water.") is None
