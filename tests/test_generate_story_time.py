"""A sentence that counts time from the sentence before ('Three weeks later, ...', 'That winter, ...', 'At that
point, ...', 'Since then, ...') leans on it: later than what? One that says from when ('Ten days after the flood,
...', 'At the time of the harvest, ...') or gives a date in its opening stands alone. And 'he' or 'she' after an
everyday opening word ('Two days earlier, she ...', 'Initially he ...') names nobody: the opening word is no name."""

from __future__ import annotations

from leaning_support import assert_leaning

from quizmg.generate.person_reference import unnamed_person
from quizmg.generate.sentence_use import leans_back
from quizmg.generate.story_time import story_time

STORY_CLOCK = {
    "Three weeks later, the second ferry reached the island harbour.": "Three weeks later",
    "A few hours afterward the dam gave way and the valley flooded.": "A few hours afterward",
    "But two days earlier, the keeper had locked the gate.": "But two days earlier",
    "Later that night, the tide carried the boat onto the rocks.": "Later that night",
    "The following spring, the orchard gave its first apples.": "The following spring",
    "That same year, the mill burned down and was never rebuilt.": "That same year",
    "That winter, the lake froze from shore to shore.": "That winter",
    "In the following decades, the town grew into a busy port.": "In the following decades",
    "In the next step, the dough is folded over the butter.": "In the next step",
    "At that point, the glass is too soft to hold its shape.": "At that point",
    "At the time, few farmers owned a tractor of their own.": "At the time",
    "Within a week, the seedlings had pushed through the soil.": "Within a week",
    "Since then, the bridge has carried twice as much traffic.": "Since then",
    "Even then, the road was closed for most of the winter.": "Even then",
}

OWN_CLOCK = [
    "Ten days after the flood, the river returned to its bed.",  # says after what
    "At the time of the harvest, workers come from the nearby towns.",
    "Within a year of its opening, the canal carried most of the grain.",
    "Two years later, in 1911, the railway reached the coast.",  # a date gives the clock
    "In the next decade, most cars will run on batteries.",  # the reader's own time
    "The next generation of ferries will carry more cars.",  # a noun phrase, not a time
    "Later stages of the disease affect the joints.",
]


def test_a_time_counted_from_the_sentence_before_leans_on_it() -> None:
    assert_leaning(story_time, STORY_CLOCK, OWN_CLOCK)


def test_an_everyday_opening_word_is_no_name_for_he_or_she() -> None:
    nobody = [
        "Two days earlier, she had mapped the eastern shore of the lake.",
        "Initially he was shown a kitten, a ball of wool and a lamp.",
        "Starting in 1850, he measured the rainfall on his farm every day.",
        "First, she sorts the seeds by size.",
        "Specifically, he claimed that the ledger had been altered.",
    ]
    for text in nobody:
        assert unnamed_person(text) is not None, text
        assert leans_back(text) is not None, text
    somebody = [
        "Humboldt noticed that he could hear the river from the summit.",  # a rare word: a name
        "Nelson’s letters show that he wrote to his sister every week.",  # a possessive: a name
        "Although she had no training, Ada drew the engine's plans herself.",  # named after the opening clause
        "Because he had lost his notes, Finch repeated the survey.",
        "A student who falls behind must work hard until he catches up.",  # a person in general words
        "Each rower knows that he or she must keep time with the stroke.",  # 'he or she': anyone
    ]
    assert [text for text in somebody if unnamed_person(text) is not None] == []
    # The main clause's own subject, and then a list of titles: the pronoun still names nobody.
    assert unnamed_person("By 1920 he had written two books, Roads of Stone and The Long Canal.") == "he"
