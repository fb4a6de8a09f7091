"""`quizmg generate` on chemical notation: formulas, names with brackets, symbols marked as terms.

The texts are written for these tests in the project's own words, shaped like a chemistry textbook's
Markdown source (kramdown term markup, HTML sub- and superscripts).
"""

from __future__ import annotations

from quizmg.bank import bank_from_deck
from quizmg.generate.clean import clean_text
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import chemical_formula_of, schwartz_hearst, simplify
from quizmg.model import Short


def test_a_bracket_glued_to_a_word_is_part_of_a_formula_or_name_and_stays() -> None:
    # An aside opens after a space; 'Co(en)₂' and 'nickel(II)' hold their brackets as part of the name.
    sentence = ("The [Co(en)₂Br₂]⁺ ion (a cation) has two isomers, and nickel(II) sulfate (a green salt) "
                "dissolves in [Cr(H₂O)₆]³⁺ solutions.")
    assert simplify(sentence) == ("The [Co(en)₂Br₂]⁺ ion has two isomers, and nickel(II) sulfate "
                                  "dissolves in [Cr(H₂O)₆]³⁺ solutions.")


def expansion(before: str, letters: str) -> str | None:
    """What `letters` in brackets after the words `before` abbreviate, if anything."""
    return schwartz_hearst(before.split(), letters)


def test_a_formula_or_roman_numeral_in_brackets_is_no_acronym() -> None:
    # A formula after a chemical name reads as element symbols and does not spell the name's initials.
    assert expansion("ligands such as carbonyl", "CO") is None
    assert expansion("the gas carbon monoxide", "CO") is None
    assert expansion("the base sodium hydroxide", "NaOH") is None
    assert chemical_formula_of("CN", "cyanide")
    # A name never opens with 'is' or 'the': 'is iron (II)' is a charge, not an expansion.
    assert expansion("the metal is iron", "II") is None
    # Real abbreviations stay, even when their letters happen to be element symbols (At, P; I, V).
    assert expansion("energy as adenosine triphosphate", "ATP") == "adenosine triphosphate"
    assert expansion("given as an intravenous", "IV") == "intravenous"
    assert expansion("a molecule of deoxyribonucleic acid", "DNA") == "deoxyribonucleic acid"


LIGANDS = """---
title: "Metal Complexes"
---

A **complex ion**{: data-type="term"} holds a central metal ion bonded to **ligands**{: data-type="term"}. \
Neutral ligands keep the name of the molecule, except *aqua* (H<sub>2</sub>O), *ammine* (NH<sub>3</sub>) \
and *carbonyl* (CO). Anionic ligands such as cyanide end in -o, as in \\[Fe(CN)<sub>6</sub>\\]<sup>4−</sup>, \
the hexacyanoferrate ion. The charge of the metal follows its name as a Roman numeral, so FeCl<sub>3</sub> is \
iron(III) chloride. A prefix such as bis(ethylenediamine)cobalt(III) counts the ligands that bind twice. \
In \\[Co(en)<sub>2</sub>Br<sub>2</sub>\\]<sup>+</sup>, the **coordination sphere**{: data-type="term"} \
holds two bromide ligands. The **coordination number**{: data-type="term"} is the number of donor atoms \
bonded to the metal. A ligand that binds through two donor atoms is a **chelating ligand**{: data-type="term"}.
"""


def test_formulas_reach_the_questions_whole_and_are_never_asked_as_acronyms() -> None:
    deck = draft_deck(LIGANDS, "complexes.md", keep_all=True).deck
    questions = bank_from_deck(deck).questions
    prompts = [q.prompt_text() for q in questions]
    stand_for = [q.prompt_text() for q in questions if isinstance(q, Short) and "stand for" in q.prompt_text()]
    assert stand_for == []  # CO, CN, III are a formula, a formula and a charge
    shown = " ".join(prompts + [q.answer_text() for q in questions])
    assert "[Co₂Br₂]" not in shown and "[Fe₆]" not in shown  # '(en)' and '(CN)' kept in the formula
    assert "[Co(en)₂Br₂]⁺" in shown
    # No blank cuts a name joined by brackets: 'bis(ethylenediamine)cobalt(III)' is one word.
    for question in questions:
        assert question.answer_text().lower() not in {"bis", "ethylenediamine", "cobalt", "iii"}, question.prompt_text()


EQUILIBRIUM = """---
title: "Balance Points"
---

For a reversible change we can write the **reaction ratio (*R*)**{: data-type="term"}, the product of the \
product amounts over the product of the reactant amounts. The symbol ***K<sub>x</sub>***{: data-type="term"} \
names the ratio at rest measured with mole fractions. When the ratio stops changing, the mixture has reached \
its rest point. A **uniform balance**{: data-type="term"} is a rest point in which every species shares one \
phase.
"""


def test_a_term_marked_with_its_symbol_in_italics_is_marked_under_its_name() -> None:
    cleaned = clean_text(EQUILIBRIUM)
    assert cleaned.marked_terms == ["reaction ratio", "Kx", "uniform balance"]
    assert "{:" not in cleaned.text
    terms = find_terms(read_document(EQUILIBRIUM, "balance.md"))
    assert "marked" in terms.get("reaction ratio").kinds  # type: ignore[union-attr]
