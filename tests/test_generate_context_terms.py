"""What a card cannot show: a blank after a carried sentence only on a term the text names, never on the
noun a pointing word heads, and a noun of choice or rank whose 'for what' is in an earlier sentence
(context.py, sentence_use.py)."""

from __future__ import annotations

from quizmg.generate.context import carried_answer, pointer_blank
from quizmg.generate.draft import draft_deck
from quizmg.generate.sentence_use import leans_back
from quizmg.generate.terms import Term
from quizmg.model import Cloze, MultipleChoice

RIVERS = """# Rivers and their beds

A **meander** is a loop that a slow river cuts into soft ground.
Water runs faster on the outer bank of each bend and slower on the inner bank.
This is why the slow water at each inner bank leaves behind wide gravel bars.
A **braided river** splits into many small channels.
Silt and gravel are left where the current slows down in a channel.
Over many years these deposits raise the **floodplain** above the old river bed.

An **oxbow lake** forms when a meander is cut off from the river.
The fastest water digs the deepest **pool** of each bend.
"""


def _questions(text: str) -> list[str]:
    draft = draft_deck(text, "rivers.md", keep_all=True)
    found = []
    for question in draft.deck.questions:
        if isinstance(question, Cloze):
            found.append(question.text)
        elif isinstance(question, MultipleChoice):
            found.append(question.prompt)
    return found


def test_a_carried_cloze_blanks_a_named_term_never_a_phrase_that_only_recurs() -> None:
    # A phrase the text only repeats ('how they [relate]', 'the [correct hybridization] of the atoms') is no
    # answer after a carried sentence; a term the text marks, defines, heads a part with or calls so is.
    assert not carried_answer(Term("gravel bars", kinds={"recurring"}, count=3))
    assert carried_answer(Term("floodplain", kinds={"marked"}, count=1))
    assert carried_answer(Term("oxbow lake", kinds={"recurring"}, definition_source="called", count=2))
    assert carried_answer(Term("channels", kinds={"heading"}, count=4))
    # A named term after a pointer is still asked with the sentence before it.
    assert any(q.startswith("Silt and gravel") and "{{c1::floodplain}}" in q for q in _questions(RIVERS))


def test_the_noun_after_a_pointing_word_is_never_the_blank() -> None:
    assert pointer_blank("nematodes", "the larvae of these ") is not None
    assert pointer_blank("deposits", "Over many years such ") is not None
    assert pointer_blank("floodplain", "these deposits raise the ") is None
    text = RIVERS.replace("these deposits raise the **floodplain**", "these **alluvial deposits** raise the land")
    assert not [q for q in _questions(text) if "these {{c1::" in q or "these _____" in q]


def test_a_noun_of_choice_with_nothing_to_say_for_what_leans_back() -> None:
    leaning = [
        "Ivermectin is the preferred treatment, with albendazole as a second choice.",
        "What is the most common risk factor?",
        "In hospitals, the newer unit is more often used.",
    ]
    standing = [
        "The preferred treatment for river blindness is ivermectin.",
        "The most common cause of the disease is a parasite in water.",
        "In cases of a double infection, the best treatment covers both parasites at once.",
        "The newer unit is more often used than the old one in hospitals.",
    ]
    assert [text for text in leaning if leans_back(text) is None] == []
    assert [text for text in standing if leans_back(text) is not None] == []


def test_a_count_after_a_determiner_is_never_the_blank() -> None:
    # The set it counts was named before ('the [two carbon atoms]', 'all [three series]'), or it is a measure.
    assert pointer_blank("two carbon atoms", "The bonding orbitals of the ") is not None
    assert pointer_blank("three series", "In all ") is not None
    assert pointer_blank("five minute walk", "You save money by taking a ") is not None
    assert pointer_blank("four quantum numbers", "An electron is described by ") is None  # the count is the fact
    assert pointer_blank("twin studies", "Researchers use the ") is None


def test_one_more_of_a_kind_with_nothing_said_of_it_is_never_the_blank() -> None:
    assert pointer_blank("oxbow lake", "Another landform of a slow river is an ", ".") is not None
    assert pointer_blank("levee", "One type of river bank is the ", ".") is not None
    # Something said of it after the blank pins it down.
    assert pointer_blank("levee", "Another landform is the ", ", a ridge of silt along the bank.") is None
