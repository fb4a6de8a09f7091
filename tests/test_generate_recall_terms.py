"""Recall of the terms a text marks: a term marked in HTML, a term glossed after a colon, a sentence that ends
in a colon before its equation, a verb beside a blank (no compound), and the blank put where the text marks
the term rather than in a later story."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.term_finding import find_terms
from quizmg.model import Short

TERM = '{: data-type="term"}'


def _prompts(text: str, name: str = "notes.md") -> list[str]:
    deck = draft_deck(text, Path(name), max_questions=40).deck
    return [question.prompt_text() for question in deck.questions]


def test_a_term_marked_with_an_html_strong_tag_is_a_marked_term() -> None:
    text = (
        "# Seeing shapes\n\nTwo more grouping rules are the law of <strong data-type=\"term\">continuity </strong>"
        " and **closure**{: data-type=\"term\"}. We also group by **proximity**" + TERM + " and by **similarity**"
        + TERM + ".\n"
    )
    document = read_document(text, Path("shapes.md"))
    assert "continuity" in document.marked_terms
    assert "continuity" in find_terms(document)


def test_a_marked_term_glossed_after_a_colon_is_asked_by_its_meaning() -> None:
    text = f"""# Seeing

Every judgement of what we see rests on **perceptual hypotheses**{TERM}: educated guesses that we make while
interpreting what the senses report. The **retina**{TERM} turns light into signals for the brain. The **fovea**{TERM}
is a small pit of the retina packed with cones. **Rods**{TERM} respond to dim light and give no colour.
"""
    deck = draft_deck(text, Path("seeing.md"), max_questions=40).deck
    asked = {q.prompt_text(): q.answer for q in deck.questions if isinstance(q, Short)}
    assert asked.get("What is the term for educated guesses that we make while interpreting what the senses report?") \
        == "perceptual hypotheses"


def test_a_colon_before_a_list_or_a_capitalised_statement_is_no_gloss() -> None:
    text = f"""# Electrons

The rule behind the table is the **exclusion principle**{TERM}: No two electrons in one atom share all four
quantum numbers. Each electron has four **quantum numbers**{TERM}: n, l, ml, and ms. Electrons fill the
**orbitals**{TERM} of lowest energy first. Paired electrons have opposite **spins**{TERM} in one orbital.
"""
    terms = find_terms(read_document(text, Path("electrons.md")))
    assert "exclusion principle" in terms
    assert not [term.text for term in terms.terms.values() if term.definition_source == "gloss"]


EQUATIONS = f"""# Concentration

The **mass percentage**{TERM} of a component is defined as the ratio of the component's mass to the mass of the
whole solution, expressed as a percentage:

mass percentage = mass of component / mass of solution × 100%

The pH and pOH of a neutral solution at this temperature are therefore:

pH = 7.00

A **solute**{TERM} is what dissolves; the **solvent**{TERM} is what it dissolves in. Seawater is a **solution**{TERM}
of salts in water. A **saturated solution**{TERM} holds as much solute as it can at a given temperature. The
**molarity**{TERM} of a solution counts moles of solute per litre. **Dilution**{TERM} lowers a concentration by
adding solvent. A **stock solution**{TERM} is kept at a high concentration and diluted before use. **Parts per
million**{TERM} suit very low concentrations such as trace metals in drinking water.
"""


def test_a_whole_sentence_before_its_equation_is_read_as_a_sentence() -> None:
    document = read_document(EQUATIONS, Path("concentration.md"))
    whole = [s for s in document.sentences if s.text.startswith("The mass percentage")]
    assert whole and not whole[0].is_fragment and whole[0].text.endswith("percentage.")
    open_ended = [s for s in document.sentences if s.text.startswith("The pH and pOH")]
    assert open_ended and open_ended[0].is_fragment  # 'are therefore:' needs the equation to say anything
    assert any(p.startswith("The [...] of a component is defined as the ratio") for p in _prompts(EQUATIONS))
