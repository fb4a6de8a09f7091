"""Recall of the terms a text marks: a term marked in HTML, a term glossed after a colon, a sentence that ends
in a colon before its equation, a verb beside a blank (no compound), and the blank put where the text marks
the term rather than in a later story."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.built_on import built_on_answer
from quizmg.generate.compound_verbs import verb_after, verb_before
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.quality import bad_blank
from quizmg.generate.term_finding import find_terms
from quizmg.model import Cloze, Short

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
    # The whole sentence is asked: as its blank, or by its definition (the definition shows 'mass' but
    # not 'percentage', so it does not give the term away).
    assert any(p.startswith(("The [...] of a component is defined as the ratio",
                             "What is the term for the ratio of the component's mass"))
               for p in _prompts(EQUATIONS))


def test_a_verb_beside_a_blank_is_no_half_of_a_compound() -> None:
    text = f"""# Forgetting

Some people with **dissociative amnesia**{TERM} will also experience **dissociative fugue**{TERM}, whereby they
wander away from home and take on a new identity. Beneath the **epidermis**{TERM} lies a thicker layer of skin.
Nurses are trained to treat **trachoma**{TERM} with antibiotics. The **dermis**{TERM} holds the hair follicles.
"""
    terms = find_terms(read_document(text, Path("forgetting.md")))
    for sentence, answer in [
        ("Some people with dissociative amnesia will also experience dissociative fugue, whereby they wander away "
         "from home and take on a new identity.", "dissociative fugue"),
        ("Beneath the epidermis lies a thicker layer of skin.", "epidermis"),
        ("Nurses are trained to treat trachoma with antibiotics.", "trachoma"),
    ]:
        start = sentence.index(answer)
        assert bad_blank(answer, sentence, start, start + len(answer), terms) is None, answer


def test_a_noun_beside_a_blank_still_makes_a_compound() -> None:
    assert not verb_after("MRSA", "strains", "are")  # '[MRSA] strains are resistant': one name
    assert not verb_after("cytomegalovirus", "infections", "in")
    assert verb_after("economics", "seeks", "to")  # a noun in -ics is singular
    assert verb_after("acne", "afflicts", "nearly")
    nouns = frozenset({"cell"})
    assert not verb_before(["they", "bind", "to"], "cell", nouns)  # 'bind to cell [receptors]'
    assert not verb_before(["the", "move", "from", "mild", "to"], "severe", frozenset())
    assert verb_before(["patients", "who"], "harbor", frozenset())
    assert verb_before(["they", "will", "also"], "experience", frozenset())


def test_the_blank_goes_where_the_text_marks_the_term() -> None:
    text = f"""# Problem solving

People who show **functional fixedness**{TERM} cannot see an object used for anything but its
usual purpose. In a famous space mission, engineers on the ground had to overcome functional fixedness to bring the
crew home. An **algorithm**{TERM} is a step-by-step procedure that gives the same result every time.
A **heuristic**{TERM} is a rule of thumb that saves time. **Trial and error**{TERM} tries one solution after another.
A **mental set**{TERM} is a habit of solving problems in the way that worked before. **Insight**{TERM} is a sudden
understanding of a solution. The **working backwards**{TERM} strategy starts from the goal and moves to the start.
A **means-end analysis**{TERM} breaks a problem into steps that each shrink the distance to the goal.
"""
    deck = draft_deck(text, Path("problems.md"), max_questions=40).deck
    asked = [q.text for q in deck.questions if isinstance(q, Cloze) and "{{c1::functional fixedness" in q.text.lower()]
    assert asked == [q for q in asked if q.startswith("People who show {{c1::functional fixedness}}")] != []


def test_in_a_paragraph_on_one_line_the_mark_picks_its_own_sentence() -> None:
    # Every sentence of a paragraph written on one line starts on that line: the sentence that marks the term
    # is the one holding the mark, not the first that names it ('Tact and tone ...' before the definition).
    from quizmg.generate.marked_sentences import marking_sentences

    text = (f"# Speaking\n\nTact and tone are two things a speaker must weigh with every audience. **Tact**{TERM} is "
            "the skill of saying a hard thing without giving offence. Tone is the feeling a voice carries.\n")
    document = read_document(text, Path("speaking.md"))
    terms = find_terms(document)
    marking = marking_sentences(document.sentences, terms)
    holding = [sentence.text for sentence in document.sentences if (sentence.index, "tact") in marking]
    assert holding == ["Tact is the skill of saying a hard thing without giving offence."]


def test_an_acronym_inside_a_hyphenated_name_gives_itself_away() -> None:
    text = f"""# Detecting viruses

**RT-PCR**{TERM} differs from **PCR**{TERM} in that the enzyme **RT**{TERM} is used to make a cDNA from viral RNA.
A **primer**{TERM} is a short strand that starts the copying. The **amplicon**{TERM} is the stretch of DNA copied.
"""
    terms = find_terms(read_document(text, Path("viruses.md")))
    sentence = "RT-PCR differs from PCR in that the enzyme RT is used to make a cDNA from viral RNA."
    start = sentence.index(" RT ") + 1
    assert bad_blank("RT", sentence, start, start + 2, terms) is not None
    assert bad_blank("PCR", sentence, 20, 23, terms) is not None  # 'RT-PCR' shows it too


def test_an_answer_whose_first_two_words_the_sentence_shows_gives_itself_away() -> None:
    text = f"""# Heat

The **specific heat capacity**{TERM} of a substance, commonly called its specific heat, is the heat that raises 1 gram
of it by 1 degree. A **calorimeter**{TERM} measures heat flow. **Enthalpy**{TERM} is heat at constant pressure.
"""
    terms = find_terms(read_document(text, Path("heat.md")))
    sentence = ("The specific heat capacity of a substance, commonly called its specific heat, is the heat that raises "
                "1 gram of it by 1 degree.")
    assert bad_blank("specific heat capacity", sentence, 4, 26, terms) is not None
    # Two names that share a first word show nothing of each other by that word alone.
    assert built_on_answer("stimulus discrimination", "Stimulus generalization and ", " are two sides.") is None
    assert built_on_answer("specific heat capacity", "The ", " of a substance, commonly called its specific heat")


def test_a_meaning_after_comma_or_is_a_gloss_and_another_name_is_not() -> None:
    text = f"""# Senses

Eye tests measure **visual acuity**{TERM}, or the sharpness of vision, with a letter chart. The **absorptive
state**{TERM}, or the fed state, follows a meal. Gestalt theorists say that **pattern perception**{TERM}, or our
ability to discriminate among different figures and shapes, follows a few principles. Scientists insert **foreign
DNA**{TERM}, or a transgene, into a plant cell. The **cochlea**{TERM} turns sound into nerve signals.
"""
    terms = find_terms(read_document(text, Path("senses.md")))
    glossed = {t.text: t.definition for t in terms.terms.values() if t.definition_source == "gloss"}
    assert glossed == {
        "visual acuity": "the sharpness of vision",
        "pattern perception": "the ability to discriminate among different figures and shapes",
    }
