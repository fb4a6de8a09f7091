"""Examples a text gives without 'for example', read from its structure; verbs and names taken for terms.

A paragraph may describe one case and only say so at its end ('This is an example of ...'); a list may
give one case an item, after a line that calls them examples; a reader's question ('You might be
wondering if ...') states nothing. An acronym's long form is its initials' words, not a shorter run that
happens to hold its letters. The texts are written for these tests, in the project's own words.
"""

from __future__ import annotations

from quizmg.generate.acronym_expansion import schwartz_hearst
from quizmg.generate.details import detail_blank, reader_wonders
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.mechanisms import extract_statements
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import simplify
from quizmg.generate.told import EXAMPLE, opens_example_list, told_in_paragraph

CELL = """# Simple cells

A **battery**{: data-type="term"} stores chemical energy and releases it as an electric current.
A **salt bridge**{: data-type="term"} lets ions pass between the two halves of a cell.

One of the oldest cells is the gravity cell. A tin plate is laid at the bottom of a clay pot and covered with a
tin chloride solution. A lead chloride solution is poured on top of the tin chloride solution, and a lead
plate hangs in the lead chloride solution. Wiring the tin plate to the lead plate lets a current flow. This is
an example of a cell without a salt bridge.

The tin chloride solution and the lead chloride solution must stay apart for a cell to work for long.
Every battery wears out when its electrodes are used up by the reaction.
"""


def test_a_paragraph_that_ends_by_calling_itself_an_example_told_one_from_its_start() -> None:
    told = told_in_paragraph([
        "One of the oldest cells is the gravity cell.",
        "A tin plate is laid at the bottom of a clay pot.",
        "This is an example of a cell without a salt bridge.",
    ])
    assert told == [True, True, True]
    # a paragraph that only names examples of something else keeps its own prose
    assert told_in_paragraph(["Cells store energy.", "Batteries wear out."]) == [False, False]


def test_a_blank_on_the_set_up_of_a_described_example_is_refused_unless_a_key_term() -> None:
    document = read_document(CELL, "cells.md")
    terms = find_terms(document)
    settings = {s.text: s.told for s in document.sentences}
    assert settings["Wiring the tin plate to the lead plate lets a current flow."]
    assert not settings["Every battery wears out when its electrodes are used up by the reaction."]
    context = "Wiring the tin plate to the lead plate lets a current flow."
    start = context.index("tin plate")
    assert terms.get("tin plate") is not None
    assert detail_blank("tin plate", context, start, start + len("tin plate"), terms)
    # the same name in the running prose may still be asked
    prose = "The tin chloride solution and the lead chloride solution must stay apart for a cell to work for long."
    start = prose.index("tin chloride solution")
    assert detail_blank("tin chloride solution", prose, start, start + len("tin chloride solution"), terms) is None


def test_the_told_check_reads_the_sentence_a_carried_context_ends_with() -> None:
    document = read_document(CELL, "cells.md")
    terms = find_terms(document)
    carried = "One of the oldest cells is the gravity cell. Wiring the tin plate to the lead plate lets a current flow."
    start = carried.index("lead plate")
    assert detail_blank("lead plate", carried, start, start + len("lead plate"), terms)


GROWTH = """# Growth

**Physical capital**{: data-type="term"} is the plant, the machines and the roads firms and governments use.
**Human capital**{: data-type="term"} is the skill and learning of the workers.
Growth needs both physical capital and human capital, and a climate that rewards them.
Governments invest in human capital and physical capital in many ways.
Countries that invest in human capital grow faster than countries that do not invest.

The following examples show what some governments have chosen to do:

* Schools. The Norwegian state pays for every child to attend the *Grunnskole* for ten years.
  Pupils pay no fees to attend the *Grunnskole*.
* Roads. The Chilean state paid for a coastal highway that joined its ports.
{: data-bullet-style="bullet"}

Human capital grows with every year of schooling a worker completes.
"""


def test_the_items_of_a_list_of_examples_tell_examples() -> None:
    assert opens_example_list("The following examples show what some governments have chosen to do:")
    assert not opens_example_list("Growth has three sources:")
    document = read_document(GROWTH, "growth.md")
    settings = {s.text: s.told for s in document.sentences}
    assert settings["Pupils pay no fees to attend the Grunnskole."] == EXAMPLE
    assert settings["Human capital grows with every year of schooling a worker completes."] == ""


def test_an_example_s_own_name_in_italics_is_no_key_term() -> None:
    draft = draft_deck(GROWTH, "growth.md", max_questions=20, keep_all=True)
    answers = {q.answer_text() for q in draft.deck.questions if hasattr(q, "answer_text")}
    clozes = [q.text for q in draft.deck.questions if getattr(q, "kind", "") == "cloze"]
    assert not any("Grunnskole" in text.split("::")[1] for text in clozes if "::" in text)
    assert "Grunnskole" not in answers


def test_the_readers_own_question_states_nothing() -> None:
    assert reader_wonders("You might be wondering if research can tell you how to pass a job interview.")
    assert reader_wonders("Have you ever wondered why bread goes stale?")
    assert not reader_wonders("You can lower the risk of a loan by asking for collateral.")
    document = read_document(
        "# Hiring\n\nA **job interview**{: data-type=\"term\"} is a meeting in which an employer questions a "
        "candidate.\nYou might be wondering if research can tell you how to pass a job interview.\n"
        "Structured interviews predict job performance better than unstructured ones.\n", "hiring.md")
    terms = find_terms(document)
    context = "You might be wondering if research can tell you how to pass a job interview."
    start = context.index("job interview")
    assert detail_blank("job interview", context, start, start + len("job interview"), terms)


def test_a_verb_with_a_substance_ending_after_a_pronoun_or_with_its_noun_of_the_act_is_no_term() -> None:
    text = """# Bonds

Double bonds and triple bonds hold atoms together. We ask how they relate to hybrid orbitals, and how they
relate to the shape of a molecule. Orbitals overlap to form bonds.

Rewards are often used to motivate employees, and praise can motivate employees as well.
Motivation falls when rewards stop.
"""
    terms = find_terms(read_document(text, "bonds.md"))
    assert terms.get("relate") is None
    assert terms.get("motivate employees") is None


def test_an_acronym_of_initials_spells_out_every_word_it_stands_for() -> None:
    # 'equine encephalitis virus' holds e, e, e, v in order too, and would leave 'eastern' behind
    words = ["is", "caused", "by", "eastern", "equine", "encephalitis", "virus"]
    assert schwartz_hearst(words, "EEEV") == "eastern equine encephalitis virus"
    assert simplify("Birds carry eastern equine encephalitis virus (EEEV) to horses.") == "Birds carry EEEV to horses."
    # a name whose letters sit inside its words still reads as before
    assert schwartz_hearst(["the", "sodium", "hydroxide"], "NaOH") is None
    assert schwartz_hearst(["a", "monoamine", "oxidase"], "MAO") == "monoamine oxidase"


def test_a_relative_clause_after_a_passive_speaks_of_the_agent() -> None:
    text = ("# Fevers\n\nNorthern valley fever (NVF) is caused by northern valley fever virus (NVFV), which can "
            "cause severe disease in horses.\nHorses infected with NVFV lose weight.\n")
    document = read_document(text, "fever.md")
    terms = find_terms(document)
    statements = extract_statements(document.sentences, terms)
    claims = {(s.agent, s.target) for s in statements}
    assert ("NVF", "severe disease") not in claims
    # 'NVFV causes NVF' is true by the names the acronyms stand for: no claim to ask
    assert ("NVFV", "NVF") not in claims


LOANS = """# Loans

A **collateral**{: data-type="term"} is an asset a borrower pledges to a lender until the loan is repaid.
Lenders ask for collateral because it lowers the loss they bear when a borrower cannot pay.
The **interest rate**{: data-type="term"} is the price of borrowing money for a year.
A **mortgage**{: data-type="term"} is a loan to buy a house, repaid over many years.
Banks earn their income from the gap between the rates they charge and the rates they pay savers.
A **credit score**{: data-type="term"} sums up how reliably a borrower has repaid past loans.
Households with a higher credit score usually pay a lower interest rate on a mortgage.
Savers lend to banks when they put money in a deposit account.

Imagine that a fisher borrows money from a bank to buy a new boat. The bank keeps the boat as collateral
until the fisher has paid back the loan. The lesson of the boat loan is that a pledged asset lets a bank lend
at a lower interest rate.
"""


def test_an_example_does_not_ask_a_term_the_text_marks_in_another_sentence() -> None:
    draft = draft_deck(LOANS, "loans.md", max_questions=20, keep_all=True)
    prompts = [q.prompt_text() for q in draft.deck.questions]
    # the case's sentence uses 'collateral', which the text marks (and teaches) in its first sentence
    assert not any(p.startswith("The bank keeps the boat as") for p in prompts), prompts


def test_the_sentence_that_draws_the_point_of_a_case_is_prose_again() -> None:
    told = told_in_paragraph([
        "Imagine that a fisher borrows money from a bank to buy a new boat.",
        "The bank keeps the boat as collateral until the fisher has paid back the loan.",
        "The lesson of the boat loan is that collateral lets a bank lend at a lower interest rate.",
    ])
    assert told == [True, True, False]
