"""A sentence that reads a figure, a table or another part of the text ('shown in the outer ring', 'the last
column', 'from D to E', 'the dotted curve', 'derived above', 'the previous three steps') is never quoted, not
even after the sentence before; a sentence that says 'here' of a place leans on the sentence that named it."""

from __future__ import annotations

from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.sentence_use import leans_back, quotable
from quizmg.generate.unseen import points_here, reads_unseen
from quizmg.model import Cloze

READS_A_PICTURE_OR_THE_TEXT = {
    "Rent paid to landlords is shown in the outer ring of the flow chart.": "is shown in the",
    "Because imports fall, the total in the last column is smaller than a year ago.": "the last column",
    "The move from D to E is the income part of the change in bread bought.": "from D to E",
    "Prices at point G are too high for the shop to sell all its bread.": "point G",
    "The dotted curve marks the rent a tenant would pay at each distance.": "dotted curve",
    "The blue spheres stand for atoms of oxygen in the crystal.": "blue spheres",
    "With the formula derived above, the cooling time of the pie is easy to find.": "derived above",
    "Unlike the previous three steps, the fourth one needs no heat at all.": "the previous three steps",
    "As we will see below, a bigger loan means a higher monthly charge.": "see below",
    "In part (b), the heavier cart gains speed more slowly.": "part (b)",
}
READS_NOTHING_UNSEEN = [
    "Red blood cells carry oxygen from the lungs to the tissues.",  # a colour that names a kind
    "The spinal column protects the cord that runs down the back.",  # a column that is a body part
    "The freezing point of the brine is below that of fresh water.",  # 'below' of a quantity
    "Vitamin A is needed for sight in dim light.",
    "Patients with previous infections may carry antibodies for years.",  # 'previous' without 'the'
    "Its importance is shown by the many farms that rely on it.",  # shown by evidence, not drawn
    "Only part of the heat (about a third) reaches the room.",  # 'part' of a whole, a bracket after it
]


def test_a_sentence_that_reads_a_figure_a_table_or_another_part_of_the_text() -> None:
    for text, words in READS_A_PICTURE_OR_THE_TEXT.items():
        assert reads_unseen(text) == words, text
    assert [text for text in READS_NOTHING_UNSEEN if reads_unseen(text) is not None] == []


def test_such_a_sentence_is_not_quoted_even_after_the_one_before() -> None:
    document = read_document(
        "# Towns\n\nFarmers sell grain to millers in the town. This trade is shown in the outer ring of the chart "
        "and feeds the bakers of the town.\n",
        "t.md",
    )
    reading = document.sentences[-1]
    assert not quotable(reading, reading.text)


def test_here_of_a_place_leans_on_the_sentence_that_named_it() -> None:
    assert points_here("From here the eggs drift to the shallow end of the pond.") == "From here"
    assert points_here("Here, the village runs a surplus of wheat.") == "Here"
    assert points_here("The hearing centre is also located here.") == "located here"
    assert points_here("Snow falls here and there in the hills.") is None
    assert points_here("The word means the same thing here as in the last chapter.") is None
    assert leans_back("From here the eggs drift to the shallow end of the pond.") == "From here"


POND = """# Ponds

A **pond** is a small body of still water, shallower than a lake.

Frogs lay their eggs among the reeds at the deep end. From here the **tadpoles** swim to the shallow end, where \
the water is warm.

**Algae** grow fastest where sunlight reaches the bottom.

**Dragonflies** hunt small insects over the surface of the water.
"""


def test_a_here_sentence_is_asked_after_the_place_it_points_at() -> None:
    deck = draft_deck(POND, "pond.md", keep_all=True).deck
    texts = [question.text for question in deck.questions if isinstance(question, Cloze)]
    tadpoles = [text for text in texts if "{{c1::tadpoles" in text]
    opening = "Frogs lay their eggs among the reeds at the deep end."
    assert tadpoles and all(text.startswith(opening) for text in tadpoles)


def test_a_sentence_that_says_where_else_the_book_treats_a_thing_is_never_quoted() -> None:
    pointing = {
        "More about the tides of the northern sea appears in Appendix C.": "Appendix C",
        "Salt marshes are taken up again in the next chapter on coasts.": "in the next chapter",
        "As we saw in the chapter on soils, clay holds water well.": "the chapter on",
    }
    for text, words in pointing.items():
        assert reads_unseen(text) == words, text
    assert reads_unseen("Clay holds water well because its grains are fine.") is None


def test_a_sentence_that_points_at_a_worked_example_elsewhere_is_never_quoted() -> None:
    pointing = {
        "Finding the loads on both piers is easy, as the next example shows.": "the next example",
        "The same pulley was used in the previous problem to lift a crate.": "the previous problem",
        "In the following worked example, a kite rises on a steady wind.": "the following worked example",
    }
    for text, words in pointing.items():
        assert reads_unseen(text) == words, text
    assert reads_unseen("A pier carries the load of the bridge down to the riverbed.") is None


def test_a_figures_labels_are_read_unseen() -> None:
    unseen = [
        "The fastest gears turn in the area labeled F on the drawing of the mill.",
        "The potter marks the rims, whose edges we have labeled 1, 2, and 3, before firing.",
        "For the position labeled “Dusk,” the sundial casts its longest shadow.",
        "Star A drifts toward the viewer while its partner drifts away.",
        "Observers between A and B would hear the bell first.",
    ]
    assert [text for text in unseen if reads_unseen(text) is None] == []
    seen = [
        "Children labeled “gifted” by their teachers often work harder.",  # a word given to people, not a place
        "Population II stars formed early and hold few heavy elements.",  # a Roman numeral
        "A marked increase in rainfall flooded the mill race.",
    ]
    assert [text for text in seen if reads_unseen(text) is not None] == []
