"""A marked term followed by its verb and a count ('[Diprotic acids] contain two ionizable hydrogen atoms') is
the sentence's subject, not half of a compound noun ('acids contain'): the blank over it is whole."""

from __future__ import annotations

from quizmg.generate.draft import draft_deck
from quizmg.model import Cloze

TERM = '{: data-type="term"}'
ACIDS = f"""# Acids with more than one proton

**Monoprotic acids**{TERM} give up one proton per molecule in water, as hydrochloric acid does.
**Diprotic acids**{TERM} contain two ionizable hydrogen atoms per molecule; their ionization occurs in two steps.
A **triprotic acid**{TERM} is an acid that has three dissociable protons that undergo **stepwise ionization**{TERM}.
The **ionization constant**{TERM} of each step is smaller than the constant of the step before it.
"""


def test_a_term_before_its_verb_and_a_count_is_blanked_whole() -> None:
    deck = draft_deck(ACIDS, "acids.md").deck
    answers = {q.answer_text() for q in deck.questions if isinstance(q, Cloze)}
    assert "Diprotic acids" in answers, answers
