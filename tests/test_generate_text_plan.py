"""A sentence that tells what the text will take up next, or has gone through, with no finding ('We will then
look at ...', 'In this chapter, we will examine ...', 'We have seen how ...') is never quoted in a question: it
names a topic of the book's plan, not a fact. 'We have seen that ...', a belief ('we now consider X to be Y')
and 'we' doing a thing stand."""

from __future__ import annotations

from quizmg.generate.draft import draft_deck
from quizmg.generate.text_plan import announces_plan
from quizmg.model import Cloze, TrueFalse

PLANS = [
    "We will then explore the tools that blacksmiths use to shape iron.",
    "Finally, we will take a brief look at a kind of kiln called a bottle oven.",
    "In this chapter, we will examine how tides rise and fall along the coast.",
    "In the next two sections, we will discuss several ways of glazing pottery.",
    "Here, we will focus on the looms used by weavers in the north.",
    "We now take a closer look at what happens when a glacier meets the sea.",
    "We will start with some facts about tin mining in Cornwall.",
    "We have already seen how a lever multiplies the force of the hand.",
    "We have grouped the birds into tables by the shape of their beaks.",
]
FINDINGS = [
    "We have seen that a lever multiplies the force of the hand.",
    "We will see that every glacier carves a valley shaped like a U.",
    "We now consider peat to be a fuel rather than a soil.",
    "We use a pulley to lift the heavy stones onto the wall.",
    "Bottle ovens were fired with coal for three days at a time.",
]


def test_a_plan_of_the_text_is_told_from_a_finding() -> None:
    assert [text for text in PLANS if not announces_plan(text)] == []
    assert [text for text in FINDINGS if announces_plan(text)] == []


POTTERY = """# Pottery

Clay is fired in a **kiln** until it turns hard.

Potters coat their pots with **glaze**, a thin layer of glass that seals the clay. Finally, we will take a brief \
look at a kind of kiln called a **bottle oven**.

A **wheel** turns the clay while the potter shapes it with both hands.

We have already seen how a **kiln** turns soft clay into hard pottery.
"""


def test_a_plan_of_the_text_is_never_asked() -> None:
    deck = draft_deck(POTTERY, "pottery.md", keep_all=True).deck
    texts = [question.text for question in deck.questions if isinstance(question, Cloze)]
    statements = [question.statement for question in deck.questions if isinstance(question, TrueFalse)]
    assert texts  # the rest of the text is still asked
    assert not [text for text in texts + statements if "we will" in text.lower() or "we have" in text.lower()]
