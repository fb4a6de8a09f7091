"""Two blanks in one clause of a sentence ask one relation from its two ends: the second repeats the first."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.candidate import Candidate
from quizmg.generate.document import read_document
from quizmg.generate.facts import Asked, one_clause
from quizmg.generate.term_finding import find_terms
from quizmg.model import Cloze

MOORS = (
    "# Moors\n\n"
    "Blanket bog is a type of peatland where rain alone feeds the moss that builds the peat over centuries.\n"
    "Heather burns quickly in spring, and the new shoots feed the grouse that nest on the moor.\n"
)


def _cloze(sentence, answer: str) -> Candidate:
    text = sentence.text.replace(answer, "{{c1::" + answer + "}}", 1)
    return Candidate(Cloze(id=answer.lower().replace(" ", "-"), text=text), 1.0, frozenset(), answer, sentence)


def test_the_two_ends_of_one_clause_are_one_fact() -> None:
    bog = MOORS.splitlines()[2]
    assert one_clause(bog, "Blanket bog", "peatland")
    assert one_clause("a “stronger” or “appreciating” currency beats a “weaker” or “depreciating” one",
                      "appreciating", "depreciating")


def test_two_clauses_hold_two_facts() -> None:
    heather = MOORS.splitlines()[3]
    assert not one_clause(heather, "Heather", "grouse")  # ', and' opens another clause
    assert not one_clause("If the rent rises, then the tenant moves", "rent", "tenant")
    assert not one_clause("The rotor drives a gearbox that raises the speed for the generator", "gearbox", "generator")
    assert not one_clause("The fungus feeds the oak; the tree shades the fungus", "fungus", "tree")
    assert not one_clause("Heather burns quickly", "Heather", "moss")  # one answer not in the sentence


def test_a_second_blank_in_the_same_clause_is_a_repeat_and_in_another_clause_is_not() -> None:
    document = read_document(MOORS, Path("moors.md"))
    bog, heather = document.sentences
    asked = Asked(find_terms(document))
    asked.add(_cloze(bog, "Blanket bog"))
    asked.add(_cloze(heather, "Heather"))
    assert "other end of the clause that blanks 'Blanket bog'" in asked.repeat(_cloze(bog, "peatland"))
    assert asked.repeat(_cloze(heather, "grouse")) == ""
