"""'them' as the object of its own clause stands for something the sentence before named, never the clause's
own subject; the text's own numbered cases ('a case 2 knot') are labels set out elsewhere; and in 'If it sinks,
its weight ...' neither pronoun has a noun to stand for. A plural the opening names after a preposition, or 'with
them', stays with the sentence."""

from __future__ import annotations

from leaning_support import assert_leaning

from quizmg.generate.linked_openings import next_step
from quizmg.generate.outside_referents import outside_referent
from quizmg.generate.sentence_use import leans_back

LEANING = {
    "Bakers use them to test whether the oven is hot.": "Bakers use them",
    "But the census counts them as farm workers.": "But the census counts them",
    "Shepherds would not sell to them.": "Shepherds would not sell to them",
    "A case 2 knot holds when the rope is wet.": "case 2",
    "The loop slips in every case 3 knot.": "case 3",
}

STANDING = [
    "The weight of the stones makes them sink fast.",  # 'the stones' may be 'them'
    "Critics of the tariffs call them a tax on the poor.",
    "Sailors carry with them a spare length of rope.",  # their own
    "Bakers use ovens to bake bread.",
    "Many of the old mills were pulled down, and the river swept them away.",  # a clause of its own before
    "In any case, 3 of the mills survived.",
]

OPENING_PRONOUN = [
    "If it floats, its density is less than that of water.",
    "Although they were too faint to see, their mass could be worked out from their pull.",
]


def test_a_referent_outside_the_sentence_leans_back() -> None:
    assert_leaning(outside_referent, LEANING, STANDING)


def test_a_pronoun_in_the_opening_clause_and_a_possessive_subject_lean_back() -> None:
    for text in OPENING_PRONOUN:
        assert leans_back(text) is not None, text
    assert leans_back("Although it floats, the log is heavy.") is None  # 'it' points ahead to the log


def test_now_as_the_next_step_of_a_story_or_a_derivation_leans_back() -> None:
    for text in ("Now the dough is ready for the oven.", "Now we can add the two sums to get the total.",
                 "Now, to find the rate, we divide the distance by the time.", "Now say the price of flour doubles."):
        assert next_step(text) == "Now", text
        assert leans_back(text) is not None, text
    for text in ("Now we know that yeast feeds on sugar.", "Now, the mills run on electricity.",
                 "Nowadays most bread is baked in factories.", "Now called the Old Mill, the building is a museum."):
        assert next_step(text) is None, text


def test_a_case_label_the_sentence_explains_or_tacks_on_is_only_an_aside() -> None:
    assert outside_referent("Sharper pictures come only in case 2, where a wide aperture is used.") is None
    assert outside_referent("A pinhole always gives a dim picture\u2014a case 1 picture.") is None
    # The label that carries the claim still needs the table that set the cases out.
    assert outside_referent("This is a case 2 picture, which is brighter than the scene.") == "case 2"
