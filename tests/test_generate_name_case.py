"""A two-part name the text capitalises inside a sentence keeps its capital in the questions drafted from it,
even where its first word alone is also written small ('kinds of bartonella' beside 'Bartonella
henselae'); a common noun that only opened a sentence is still written small."""

from __future__ import annotations

from quizmg.generate.document import Sentence
from quizmg.generate.draft import draft_deck
from quizmg.generate.name_case import common_form, names_in

PETS = """# Infections from pets

Children often pick up **cat scratch fever** from a playful kitten.
Cat scratch fever is caused by *Bartonella henselae*,
one of several kinds of bartonella that fleas carry between cats.
**Pasteurisation** heats milk briefly to kill most of the bacteria it carries.
Soft cheese made from raw milk is the most common source of **food poisoning** in this region.
"""


def test_the_link_question_keeps_the_capital_of_a_two_part_name() -> None:
    deck = draft_deck(PETS, "pets.md", keep_all=True).deck
    prompts = [q.prompt_text() for q in deck.questions]
    texts = " ".join(prompts + [q.answer_text() for q in deck.questions])
    assert "What is the link between Bartonella henselae and cat scratch fever?" in prompts, prompts
    assert "bartonella henselae" not in texts, prompts


def _sentences(*texts: str) -> list[Sentence]:
    return [Sentence(text=text, index=number, section=None, position=number + 1, line=number + 1)
            for number, text in enumerate(texts)]


def test_common_form_reads_the_text_for_names() -> None:
    names = names_in(_sentences("It is caused by Listeria monocytogenes in soft cheese.",
                                "Soft cheese can carry listeria.", "Enzymes speed up reactions."))
    assert common_form("listeria monocytogenes", names) == "Listeria monocytogenes"
    assert common_form("Listeria monocytogenes", names) == "Listeria monocytogenes"
    assert common_form("Enzymes", names) == "enzymes"  # only ever opened a sentence
    assert common_form("Listeria", names) == "listeria"  # the first word alone is written small
