"""A comparison whose other term only the sentence before gave leans on it: 'The reverse is also true.', 'Exactly
the opposite happened ...', a comparative closed by 'yet' or 'still' ('... and the rest are smaller yet.'), and a
likeness to what the reader cannot see ('The recipe goes like this.'). A sentence that names the other term
itself stands."""

from __future__ import annotations

from leaning_support import assert_leaning

from quizmg.generate.likeness import unstated_comparand

LEANING = {
    "The reverse is also true: a cold kettle takes longer to boil.": "The reverse is",
    "The opposite is true for clay soils.": "The opposite is",
    "Exactly the opposite happened in the dry summer.": "Exactly the opposite",
    "Most pebbles are small, and the grains of sand on the shore are smaller yet.": "smaller yet",
    "With a waxed runner, the sled glides farther still.": "farther still",
    "The recipe for the glaze goes like this.": "like this",
    "Potters ask questions like these, mostly about heat.": "like these",
    "In cases such as these, the kiln must cool slowly.": "as these",
}

STANDING = [
    "Warm air rises, and the reverse is also true.",  # the clause before is the other term
    "The opposite of a north pole is a south pole.",
    "Clay is harder than chalk, which is harder still than soap.",  # 'than' names it
    "We do not know the answer yet.",  # 'yet' as 'so far'
    "A glaze like this one cracks in the cold.",
    "The water still boils at a lower temperature on a mountain.",
]


def test_a_comparison_with_its_other_term_in_the_sentence_before_leans_back() -> None:
    assert_leaning(unstated_comparand, LEANING, STANDING)


def test_like_this_before_a_colon_points_ahead_to_its_likeness() -> None:
    assert unstated_comparand("A tidal chart reads like this: two highs and two lows each day.") is None
    assert unstated_comparand("A tidal chart reads like this.") == "like this"
