"""A purpose that sets up the point the sentence before raised ('To see why, ...', 'To understand this, ...') leans
on it; so does a sentence that names the text's own other parts by their place ('the last equation', 'The previous
discussion showed ...'). A purpose with its own aim ('To see the rings, ...') and an equation the sentence names
('the equation for the area of a circle') stand."""

from __future__ import annotations

from leaning_support import assert_leaning

from quizmg.generate.linked_openings import set_up
from quizmg.generate.outside_referents import outside_referent

SET_UPS = {
    "To see why, we must remember that warm air holds more water than cold air.": "To see why",
    "To understand this, we need a careful account of how sap moves in a stem.": "To understand this",
    "To understand how a siphon works, consider a hose full of water over a wall.": "To understand how",
    "To show what we mean, let us picture a bucket of sand tipped onto a table.": "To show what",
}

SET_UPS_STANDING = [
    "To see the rings of a tree clearly, foresters cut a thin slice across the trunk.",
    "To understand weather, forecasters measure pressure at thousands of stations.",
    "It is easy to see why sailors feared the fog near the cape.",
]

OWN_PARTS = {
    "Putting the pressure into the last equation gives the depth of the well in metres.": "the last equation",
    "The previous discussion showed that sap rises faster on warm days.": "The previous discussion",
    "As you might guess from our earlier discussion, wet sand packs more tightly than dry sand.":
        "our earlier discussion",
    "The expression above holds only for a narrow pipe.": "expression above",
}

OWN_PARTS_STANDING = [
    "The equation for the area of a circle uses the square of the radius.",
    "The last glacial period ended about twelve thousand years ago.",
    "Earlier discussions of the tides focused on the Moon alone.",  # no 'the/our' of the text's own
]


def test_a_purpose_that_sets_up_the_point_before_leans_back() -> None:
    assert_leaning(set_up, SET_UPS, SET_UPS_STANDING)


def test_the_texts_own_other_parts_named_by_their_place_lean_out() -> None:
    assert_leaning(outside_referent, OWN_PARTS, OWN_PARTS_STANDING)
