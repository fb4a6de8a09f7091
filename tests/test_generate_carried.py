"""A sentence that leans on the one before ('This is called X', 'They include ...', 'Hence, it ...') is
asked as a cloze after that sentence, as a teacher writes a card's context: the sentence before is shown
whole and never blanked. It is carried only from the same paragraph, only when it reads alone itself, and
never when the pointer names a study or an example (context.py)."""

from __future__ import annotations

from quizmg.generate.context import carried, shown_in
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.sentence_use import leans_back, quotable
from quizmg.model import Cloze

CELLS = """# Growing cells

Animal cells are grown in flat dishes of **culture medium**.
Normal cells divide until they cover the bottom of the dish in a single layer.
This is called **contact inhibition** and it keeps the layer one cell thick.

**Cancer cells** keep dividing and pile up in layers.
Such growth is why a **tumor** forms from them in the body.
"""


def _clozes(text: str) -> list[Cloze]:
    draft = draft_deck(text, "cells.md", keep_all=True)
    return [question for question in draft.deck.questions if isinstance(question, Cloze)]


def test_a_sentence_that_leans_on_the_one_before_is_asked_after_it() -> None:
    clozes = [c for c in _clozes(CELLS) if "This is called" in c.text]
    assert [c.text for c in clozes] == [
        "Normal cells divide until they cover the bottom of the dish in a single layer. "
        "This is called {{c1::contact inhibition}} and it keeps the layer one cell thick."
    ]


def test_no_cloze_when_the_carried_sentence_shows_the_answer() -> None:
    text = CELLS.replace("Normal cells divide", "Normal cells stop at contact inhibition: they divide")
    assert not [c.text for c in _clozes(text) if "This is called {{c1::" in c.text]


def test_a_sentence_that_opens_its_paragraph_leans_on_nothing_a_card_can_show() -> None:
    document = read_document(CELLS, "cells.md")
    by_text = {s.text.split()[0] + " " + s.text.split()[1]: s for s in document.sentences}
    assert by_text["This is"].before == by_text["Normal cells"].index
    assert by_text["Cancer cells"].before == -1  # a new paragraph
    assert by_text["Animal cells"].before == -1
    alone = read_document("# Cells\n\nThis process is called mitosis and it makes two cells.\n", "c.md")
    sentence = alone.sentences[0]
    assert carried(sentence, sentence.text, alone.sentences) is None


def test_a_sentence_after_one_that_was_left_out_carries_nothing() -> None:
    text = "# Germs\n\nSee https://example.org/germs for the full list. This is called the germ theory of disease.\n"
    document = read_document(text, "g.md")
    assert [s.before for s in document.sentences] == [-1]


def test_a_chain_of_pointers_or_a_study_is_never_carried() -> None:
    chain = read_document(
        "# Rates\n\nThe first step of the mechanism is slow. "
        "This slow step is called the rate-determining step of the reaction.\n"
        "\nHeat speeds up most reactions in the lab. It does so because this energy lets more collisions succeed."
        "\n\nTwins raised apart were compared in a large study. In this investigation, identical twins had "
        "closer IQ scores than fraternal twins.\n",
        "r.md",
    )
    found = {s.text.split(",")[0].split()[0] + " " + s.text.split()[1]: s for s in chain.sentences}
    carried_texts = {key: carried(s, s.text, chain.sentences) for key, s in found.items()}
    assert carried_texts["This slow"] == "The first step of the mechanism is slow."
    assert carried_texts["In this"] is None  # a study's detail
    assert carried_texts["It does"] == "Heat speeds up most reactions in the lab."


def test_what_leans_back_and_what_stands_alone() -> None:
    leaning = {
        "This is called contact inhibition and it stops growth.": "This",
        "Hence, it acts to keep the pressure low in the vessel.": "Hence, it",
        "These include neutrophils, eosinophils, and basophils.": "These include",
        "Cognitive therapies were developed as an expansion of this theory over the years.": "this theory",
        "The idea is simple: firms produce output only if they expect it to sell.": "The idea",
        "However, the process is repeated until the solution turns pink.": "However, the process",
        "Although its name was later changed, the aims of the test remain unchanged.": "Although its",
    }
    for text, pointer in leaning.items():
        assert leans_back(text) == pointer, text
    alone = [
        "Around 90% of those with bipolar disorder have a second disorder as well.",  # 'those with': its own phrase
        "To receive a diagnosis, one must show five symptoms; these symptoms must last two weeks.",
        "During a manic episode, people feel they need no treatment at all.",  # a term, not a show's episode
        "Mood disorders are those in which the person has severe disturbances of mood.",
        "Many people with depression show high cortisol, especially those reporting an early loss.",
        "The brain regions are those important in judging the emotional weight of a stimulus.",
        "Suicide rates among those ages 25–64 have risen since 2001 in the United States.",
    ]
    assert [text for text in alone if leans_back(text) is not None] == []
    assert leans_back("The process of photosynthesis stores energy in sugars.") is None


def test_a_step_of_a_procedure_is_not_quoted_even_after_the_step_before() -> None:
    document = read_document(
        "# Roots\n\nIf necessary, decrease or increase the exponential term so that its power is even. "
        "Extract the square root of the digit term and divide the exponential term by two.\n"
        "\nHeat is the energy that moves from a warmer body to a cooler one.\n",
        "roots.md",
    )
    quoted = [s.text for s in document.sentences if quotable(s, s.text)]
    assert quoted == ["Heat is the energy that moves from a warmer body to a cooler one."]


def test_an_answer_the_carried_sentence_shows_in_another_form_is_shown() -> None:
    assert shown_in("unimolecular reaction", "A similar law applies to any unimolecular elementary reaction.")
    assert not shown_in("rate constant", "A similar law applies to any unimolecular elementary reaction.")


def test_a_later_member_of_a_list_is_carried_only_after_the_sentence_that_announces_the_set() -> None:
    text = """# Kilns

A pit kiln is a hole in the ground where pots are fired under a heap of burning wood and dung. The second type is
the updraft kiln, where the fire burns under a floor of pierced bricks.

Potters have built kilns of three types over the centuries. The second type is the updraft kiln, which draws the
flame up through the pots.
"""
    document = read_document(text, "kilns.md")
    seconds = [sentence for sentence in document.sentences if sentence.text.startswith("The second type")]
    assert len(seconds) == 2
    shown = [carried(sentence, sentence.text, document.sentences) for sentence in seconds]
    assert shown[0] is None  # after the pit kiln: the second of what?
    assert shown[1] is not None and "three types" in shown[1]
