"""`quizmg generate` on chemical notation: formulas, names with brackets, symbols marked as terms.

The texts are written for these tests in the project's own words, shaped like a chemistry textbook's
Markdown source (kramdown term markup, HTML sub- and superscripts).
"""

from __future__ import annotations

from quizmg.bank import bank_from_deck
from quizmg.generate.acronym_expansion import chemical_formula_of, schwartz_hearst
from quizmg.generate.clean import clean_text
from quizmg.generate.document import Sentence, read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.mechanisms import extract_statements
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import Term, TermIndex, simplify, tokens
from quizmg.model import Short


def test_a_bracket_glued_to_a_word_is_part_of_a_formula_or_name_and_stays() -> None:
    # An aside opens after a space; 'Co(en)₂' and 'nickel(II)' hold their brackets as part of the name.
    sentence = ("The [Co(en)₂Br₂]⁺ ion (a cation) has two isomers, and nickel(II) sulfate (a green salt) "
                "dissolves in [Cr(H₂O)₆]³⁺ solutions.")
    assert simplify(sentence) == ("The [Co(en)₂Br₂]⁺ ion has two isomers, and nickel(II) sulfate "
                                  "dissolves in [Cr(H₂O)₆]³⁺ solutions.")
    # A bracket glued to the sign after it is part of a symbol too: '(v/v)%' is a unit, not an aside.
    assert simplify("Its strength is given in (v/v)% (by volume).") == "Its strength is given in (v/v)%."


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


def test_a_link_stub_after_a_noun_ends_no_sentence_as_the_figure() -> None:
    pointer = clean_text("The narrowest pipe sets the flow of the whole network [\\[link\\]](#fig-pipes).").text
    assert pointer == "The narrowest pipe sets the flow of the whole network."
    # After 'in' or 'see' the stub is what the sentence points at: it stays, as 'the figure'.
    shown = clean_text("Three networks are drawn in [\\[link\\]](#fig-nets).").text
    assert shown == "Three networks are drawn in the figure."


PIPES = """---
title: "Flow in Networks"
---

The narrowest pipe is called the **bottleneck segment**{: data-type="term"} (or flow-limiting segment) of the \
network. Water cannot pass a network faster than its flow-limiting segment allows. A **junction**{: \
data-type="term"} joins three or more pipes, and a **valve**{: data-type="term"} closes one of them.
"""


def test_another_name_given_in_brackets_is_marked_with_the_term_as_one_answer() -> None:
    terms = find_terms(read_document(PIPES, "pipes.md"))
    marked, other = terms.get("bottleneck segment"), terms.get("flow-limiting segment")
    assert marked is not None and other is not None
    assert "marked" in other.kinds and other.group == marked.group


def test_a_marked_name_with_a_symbol_in_brackets_inside_is_marked_as_it_reads() -> None:
    text = "**Delta (δ) drift**{: data-type=\"term\"} is the slow loss of charge from a stored cell."
    assert clean_text(text).marked_terms == ["Delta drift"]


def test_an_isotope_keeps_its_mass_number_and_an_ion_its_charge() -> None:
    words = [m.group() for m in tokens("Neutron capture by ³¹P gives ³²P, and Fe³⁺ takes an electron from ²³⁵U.")]
    assert "³¹P" in words and "³²P" in words and "²³⁵U" in words and "Fe³⁺" in words
    assert "P" not in words and "U" not in words



def test_a_charge_written_as_two_signs_stays_whole() -> None:
    """'Ca<sup>++</sup>' (an older way to write 2+) had lost its second sign in mechanism statements: 'Ca⁺'."""
    words = [m.group() for m in tokens("Blood Ca⁺⁺ rises while Cl⁻⁻ and Mg++ stay level; 1+1 is no charge.")]
    assert "Ca⁺⁺" in words and "Cl⁻⁻" in words and "Mg++" in words, words
    assert "1+" not in words
    text = ("# Bones\n\n**Calcitonin** is a hormone of the thyroid gland. Calcitonin lowers blood "
            "Ca<sup>++</sup> levels, resulting in more bone deposition.\n")
    document = read_document(text, "bones.md")
    targets = [s.target for s in extract_statements(document.sentences, find_terms(document))]
    assert "blood Ca⁺⁺ levels" in targets, targets


FORMULA_BREAK = """---
title: "Cell Voltage"
---

We now relate the voltage of a cell to its free energy <math xmlns="http://www.w3.org/1998/Math/MathML"><mi>G</mi></math>

 and to the balance point of its reaction. Aqueous ions carry charge between the plates, written \
Cu<sup>2+</sup>(*aq*) for the dissolved copper ion.
"""


def test_a_sentence_the_source_breaks_after_an_inline_formula_is_read_whole() -> None:
    document = read_document(FORMULA_BREAK, "voltage.md")
    texts = [sentence.text for sentence in document.sentences]
    assert texts[0] == ("We now relate the voltage of a cell to its free energy G and to the balance point of "
                        "its reaction.")
    assert document.sentences[0].line == 5
    # A state symbol in brackets glued to a formula is part of it: no blank of its own.
    terms = find_terms(document)
    assert not [t for _, _, t in terms.occurrences(texts[1]) if t.key == "aq"]
    # Nor is one side of a ratio written with a colon.
    ratio = TermIndex({term.key: term for term in (Term("¹²C ratio"), Term("ratio"))})
    found = [t.text for _, _, t in ratio.occurrences("The ¹⁴C:¹²C ratio falls, and so does the ratio.")]
    assert found == ["ratio", "ratio"]  # 'ratio' alone, twice; never '¹²C ratio' cut from '¹⁴C:¹²C'



def test_an_agent_before_a_second_verb_keeps_no_trailing_and() -> None:
    sentence = Sentence("Iron is produced by reduction of hematite and shipped to the mills.", 0, None, 1, 1)
    agents = [statement.agent for statement in extract_statements([sentence], TermIndex({}))]
    assert agents == ["reduction of hematite"]


def test_inline_mathml_formulas_keep_their_subscripts_and_charges() -> None:
    line = ("The salt gives <math><msub><mrow><mtext>SO</mtext></mrow><mn>4</mn></msub></math> and "
            "<math><msup><mrow><mtext>Mg</mtext></mrow><mrow><mn>2+</mn></mrow></msup></math> ions, "
            "and <math><msup><mrow><mtext>F</mtext></mrow><mtext>−</mtext></msup></math> stays.")
    assert clean_text(line).text == "The salt gives SO₄ and Mg²⁺ ions, and F⁻ stays."


def test_a_nuclide_with_scripts_before_its_symbol_reads_as_mass_number_and_symbol() -> None:
    line = ("Half of the <math><mrow><msubsup><mrow /><mrow><mn>38</mn></mrow><mn>90</mn></msubsup>"
            "<mtext>Sr</mtext></mrow></math> atoms decay in 29 years.")
    assert clean_text(line).text == "Half of the ⁹⁰Sr atoms decay in 29 years."


SOLUTIONS = """---
title: "Dissolving"
---

### Solutions of Gases in Liquids

A gas dissolves better in a cold liquid, and a **soda pop**{: data-type="term"} goes flat as it warms.

### Solutions

1. The gas escapes because warm water holds less of it.
2. Pressure keeps more gas dissolved.
"""


def test_a_section_about_solutions_is_prose_and_a_list_of_answers_is_not() -> None:
    texts = [sentence.text for sentence in read_document(SOLUTIONS, "dissolving.md").sentences]
    assert any("goes flat as it warms" in text for text in texts)
    assert not any("warm water holds less" in text for text in texts)
