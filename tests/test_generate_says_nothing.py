"""A sentence that says only that a thing varies, or only that a kind has kinds without naming one, teaches
nothing a learner could get wrong: it is never quoted. What it varies with, or a list of the kinds, is a fact,
and the sentence is left alone."""

from __future__ import annotations

from quizmg.generate.contrasts import says_nothing
from quizmg.generate.draft import draft_deck
from quizmg.model import Cloze

NOTHING = [
    "The weight of a ripe melon varies.",
    "Harvests differ widely.",
    "There are several types of knots.",
    "There are many kinds of moss found in old forests.",
    "There are three forms of tide.",
]
SOMETHING = [
    "The weight of a ripe melon varies with the rain of its summer.",
    "There are two forms of tide: spring tides and neap tides.",  # the kinds are named
    "There is a kind of moss that grows only on north walls.",
    "Knots of several types hold a sail to its mast.",
]


def test_only_varying_or_only_having_kinds_says_nothing() -> None:
    assert [text for text in NOTHING if not says_nothing(text)] == []
    assert [text for text in SOMETHING if says_nothing(text)] == []


KNOTS = """# Knots

A **knot** joins two ropes or ties a rope to a thing.

There are several types of **hitches** used by sailors. A **bowline** makes a loop that does not slip.

The strength of a knotted **rope** varies.

A **reef knot** ties two ends of one rope around a bundle.
"""


def test_no_question_is_drafted_from_a_sentence_that_says_nothing() -> None:
    deck = draft_deck(KNOTS, "knots.md", keep_all=True).deck
    texts = [question.text for question in deck.questions if isinstance(question, Cloze)]
    assert texts and not [text for text in texts if "several types of" in text or "varies" in text]
