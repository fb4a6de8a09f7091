"""A table, graph, chart or diagram the page shows keeps a sentence out; one the sentence names does not."""

from __future__ import annotations

from drafting import quotable_after

_quotable = quotable_after


def test_a_figure_word_that_names_a_kind_of_thing_leaves_the_sentence_quotable() -> None:
    assert _quotable("Sailors once steered by a star map, a chart showing where each bright star rises.")
    assert _quotable("A plot that shows how the tide rises and falls over a day is called a tide curve.")
    assert _quotable("The Smith–Jones diagram sets the brightness of each galaxy against its colour.")
    assert _quotable("Most cold giants sit in the upper corner of the Smith–Jones diagram, far from the dwarfs.")
    # A noun's own word before it: a thing of the subject, not the page's table ('the periodic table').
    assert _quotable("Metals fill the left side of the periodic table, and gases gather at its right edge.")
    assert _quotable("In dry summers the water table under the fields drops by a metre or more.")


def test_a_figure_word_that_points_at_the_page_still_keeps_the_sentence_out() -> None:
    assert not _quotable("The table lists the masses of the larger moons of each planet.")
    assert not _quotable("This graph shows how quickly the wheat crop grew in a wet summer.")
    assert not _quotable("Table 4 gives the boiling points of the common salts in water.")
    assert not _quotable("The following table lists the melting points of the common metals in the kitchen.")
    assert not _quotable("The bar graph compares the rainfall of the wettest towns in a single year.")
    assert not _quotable("The supply and demand diagram marks where the two lines cross for each good.")
    assert not _quotable("The coolest dwarfs lie in the lower right corner of the diagram, far from the giants.")


def test_an_observers_view_or_a_named_source_is_no_pointer_to_another_part() -> None:
    assert _quotable("Seen across a lake, as seen from the far shore, the old mill looks like a small toy.")
    assert _quotable("Warm springs can also feed whole colonies of crabs, as shown by the reefs near the islands.")
    assert not _quotable("As discussed in the chapter on tides, the Moon pulls the oceans into two bulges.")
    assert not _quotable("The shore birds nest on bare rock, as shown in the photograph of the cliff.")
