"""Three ways a sentence points at what the sentence before named. 'A similar X' with nothing to say similar to
what ('A similar rule applies to ...'); 'this' or 'these' as the subject after a short opening phrase ('In part,
this may ...', 'For most farms, these are ...'); and a craft, a device or a set of records named as known ('The
probe landed ...', 'The device is small ...', 'The measurements show ...'). Each says which in the sentence
itself when it can, and then stands alone."""

from __future__ import annotations

from quizmg.generate.linked_openings import joined_pronoun
from quizmg.generate.sentence_use import leans_back, points_back

LEANING = [
    "A similar rule applies to the sale of second-hand cars.",
    "Bakers have a similar method for rye dough in winter.",
    "Sheep farmers have followed a similar path over the last century.",
    "In part, this may explain the low yield of the northern fields.",
    "Originally, this was a day for mending nets and sharing bread.",
    "For most farms, these are the only machines that run all year.",
    "As on the islands, this is a sign of a long dry season.",
    "Compared with the life of an oak, this is a short time.",
    "The probe sank slowly through the murky water of the lake.",
    "The device is cheap, so that every farm can afford one.",
    "The measurements show that the glacier shrank by a third.",
]

STANDING = [
    "A similar rule to the one for boats applies to the sale of second-hand cars.",  # similar to what
    "Buyers who cannot find the brand pick a similar brand from another shop.",  # named in the sentence
    "Sheep of all breeds have a similar coat.",  # like each other
    "Stoves replaced open fires in many kitchens, which served a similar purpose.",  # a clause before
    "If the river floods, this is a sign of heavy rain in the hills.",  # a clause of its own may hold 'this'
    "The probe of a thermometer must touch the liquid.",  # a phrase says which probe
    "The measurements taken at noon differ from those taken at dusk.",
]


def test_a_pointer_with_nothing_to_say_what_it_points_at_leans_back() -> None:
    for text in LEANING:
        assert leans_back(text) is not None, text
    assert [text for text in STANDING if leans_back(text) is not None] == []


def test_the_leaning_words_are_named() -> None:
    assert points_back("A similar rule applies to the sale of second-hand cars.") == "A similar rule"
    assert joined_pronoun("In part, this may explain the low yield.") == "In part, this may"
    assert points_back("The probe sank slowly through the murky water of the lake.") == "The probe"
