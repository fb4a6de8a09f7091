"""More members of a set the sentence before began ('Two other rivers ...', 'Several other metals ...', 'Still
others ...'), examples with no word of what they are examples of ('Examples include ...'), the text's own worked
example ('In our example, ...') and a time counted from an event the card does not show ('After about three days,
...') lean on the sentence before. The same words with their own anchor stand."""

from __future__ import annotations

from leaning_support import assert_leaning

from quizmg.generate.back_reference import refers_back
from quizmg.generate.sentence_use import leans_back
from quizmg.generate.story_time import story_time

LEANING = {
    "Two other rivers, the Tay and the Spey, drain the same hills.": "Two other",
    "Several other alloys resist rust just as well.": "Several other",
    "Most other glues set within an hour.": "Most other",
    "Many other moths are drawn to the lamp.": "Many other",
    "Still others prefer to nest in hedges.": "Still others",
    "All other costs are assumed to stay fixed.": "All other",
    "Examples include the sparrow, the finch and the robin.": "Examples include",
    "Examples are kettles, irons and toasters.": "Examples are",
    "In our example, the baker sells forty loaves a day.": "our example",
    "The wage in the example above is too low to keep a worker.": "the example above",
}

STANDING = [
    "Examples of hard woods include oak and ash.",  # says of what
    "Other examples of hand tools include the chisel and the plane.",
    "All other things being equal, a heavier cart needs more force to start.",  # an idiom
    "Many birds other than gulls eat fish.",
    "Some birds eat seeds, while others eat insects.",
    "A good example gives the reader a picture of the rule.",
]

TIMED = {
    "After about three days, the dough had doubled in size.": "After about three days",
    "After a few weeks, the seedlings were moved outdoors.": "After a few weeks",
    "Within approximately two hours, the paint was dry.": "Within approximately two hours",
}

TIMED_STANDING = [
    "After a year, when the pond has frozen and thawed once, the reeds grow back.",  # says from when
    "After three days of rain, the river rose.",
    "Within a week of planting, the beans sprout.",
]


def test_more_members_of_a_set_begun_before_lean_back() -> None:
    assert_leaning(refers_back, LEANING, STANDING)
    assert [text for text in STANDING if leans_back(text) is not None] == []


def test_a_time_counted_from_an_unseen_event_leans_back() -> None:
    for text, words in TIMED.items():
        assert story_time(text) == words, text
    assert [text for text in TIMED_STANDING if story_time(text) is not None] == []
