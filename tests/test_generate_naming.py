"""Definitions stated with a verb of naming ('X refers to Y', 'X is defined as Y', 'The term X is used to
describe Y') and a plural class picked out by a clause ('Xs are Ys that ...') are asked as definitions, bold or
not; a subject that points back, a place in the book, an example or a use is no definition."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.naming import naming_definition
from quizmg.generate.term_finding import find_terms
from quizmg.model import Short

NAMED = """# Measuring minds and markets

Clinicians test memory, attention and mood with short instruments that a trained nurse can give.
The term delirium is used to describe a sudden disturbance of attention and awareness in an ill person.
Test reliability refers to the ability of an instrument to produce the same result on the same person.
Thus, psychometrics is defined as the science of measuring mental capacities and processes.
Economists use the term scarcity to refer to the gap between limited resources and unlimited wants.
Hypoxia is the term for a shortage of oxygen in the tissues of the body.
The mass fraction of a solution component is defined as the ratio of the component’s mass to the solution’s mass.
Anxiety disorders are mental disorders that share features of excessive fear and related disturbances of
behaviour.
"""

NOT_NAMED = """# Notes on sources

This acronym refers to the names of six bacteria that resist most antibiotics.
Then refer to the first column of that row to read the equilibrium price.
In short, demand refers to the whole curve in the graph.
Stocks are risky in the short term, to be sure, but they pay well over decades.
Glycolipids are examples in which carbohydrates are bonded to the head groups of lipids.
Toxoid vaccines are used to prevent diseases in which bacterial toxins play an important role.
"""


def _definitions(text: str) -> dict[str, str]:
    terms = find_terms(read_document(text, Path("minds.md")))
    return {t.text: t.definition or "" for t in terms.terms.values() if t.definition}


def test_a_verb_of_naming_states_a_definition() -> None:
    found = _definitions(NAMED)
    assert found["delirium"] == "a sudden disturbance of attention and awareness in an ill person"
    assert found["Test reliability"] == "the ability of an instrument to produce the same result on the same person"
    assert found["psychometrics"] == "the science of measuring mental capacities and processes"
    assert found["scarcity"] == "the gap between limited resources and unlimited wants"
    assert {k.lower(): v for k, v in found.items()}["hypoxia"] == "a shortage of oxygen in the tissues of the body"
    # the term is named before what it is of
    assert found["mass fraction"] == "the ratio of the component’s mass to the solution’s mass"


def test_a_plural_class_picked_out_by_a_clause_is_a_definition() -> None:
    found = _definitions(NAMED)
    assert found["Anxiety disorders"].startswith("mental disorders that share features of excessive fear")


def test_pointers_places_examples_and_uses_are_no_definitions() -> None:
    for sentence in NOT_NAMED.splitlines()[2:]:
        assert naming_definition(sentence) is None, sentence
    found = _definitions(NOT_NAMED)
    assert not {"acronym", "Stocks", "Glycolipids", "Toxoid vaccines", "demand"} & set(found), found


def test_the_word_for_a_term_said_before_is_no_term() -> None:
    # 'The name' is the name of the term of the sentence before: asked, it gave 'What is the term for the flow of
    # anions ... toward it?' with the answer 'name'.
    assert naming_definition("The name refers to the flow of anions in the salt bridge toward it.") is None
    assert naming_definition("The term refers to a rise in prices across the whole economy.") is None
    assert naming_definition("The name tag refers to the label a guest wears.") is not None


def test_the_word_before_a_term_is_not_part_of_it() -> None:
    # 'The word X refers to ...' had made the term 'word X' and the cloze answer '[word X]'
    assert naming_definition("The word pes refers to the foot below the ankle.") == ("pes", "the foot below the ankle")
    assert naming_definition("The root hair refers to a thin outgrowth of a root cell.") == (
        "root hair", "a thin outgrowth of a root cell")


def test_the_definition_ends_where_the_sentence_goes_on() -> None:
    assert naming_definition("Timbre refers to a sound’s purity, and it is affected by the interplay of waves.") == (
        "Timbre", "a sound’s purity")
    assert naming_definition("Culture refers to all of the beliefs, customs, art, and traditions of a society.") == (
        "Culture", "all of the beliefs, customs, art, and traditions of a society")


def test_named_terms_are_asked_for_in_a_text_that_marks_none() -> None:
    deck = draft_deck(NAMED, "minds.md").deck
    asked = {q.answer: q.prompt for q in deck.questions if isinstance(q, Short)}
    assert asked["delirium"] == (
        "What is the term for a sudden disturbance of attention and awareness in an ill person?"
    )
    assert "scarcity" in asked


CLASSES = """# Solutions and cells

Substances that do not yield ions when dissolved in water are called nonelectrolytes.
Compounds composed of ions are called ionic compounds (or salts), and their ions are held together by attraction.
Products that are distinctive in one of these ways are called differentiated products.
"""


def test_a_class_named_by_a_bare_plural_is_a_definition() -> None:
    found = _definitions(CLASSES)
    assert found["nonelectrolytes"] == "substances that do not yield ions when dissolved in water"
    assert found["ionic compounds"] == "compounds composed of ions"
    deck = draft_deck(CLASSES, "solutions.md").deck
    prompts = [q.prompt for q in deck.questions if isinstance(q, Short)]
    assert "What is the term for compounds composed of ions?" in prompts
    assert not any("these ways" in prompt for prompt in prompts)  # which ways, only the paragraph before says
