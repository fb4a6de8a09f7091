"""A cloze whose sentence says what its blank is without a naming word has asked what the term is, as a naming
blank has (defining_blanks.glossed_blank, read by defined_after.names_its_answer): a gloss after the blank, a
possessive name, a condition then its name, '[...] occurs when ...', or a definition behind an opening adverb.
The glossary's definition of the same term after it is the same fact twice and stays under the threshold. Every
sentence here is written for the test."""

from __future__ import annotations

import pytest
from test_generate_named_then_defined import _rated

from quizmg.generate.defining_blanks import glossed_blank
from quizmg.generate.trust import THRESHOLD

_GLOSSED = [
    ("About a third of the lamps are **twin lamps**—two bulbs that share a single socket.", "twin lamps",
     "a pair of bulbs that share one socket"),
    ("The shore holds many **tide pools**, shallow basins that keep sea water when the tide is out.", "tide pools",
     "a shallow basin of sea water left by the falling tide"),
    ("Traders settled every deal with a **barter ratio**, which is the number of sacks of grain paid for a goat.",
     "barter ratio", "the grain a trader pays for one goat"),
    ("The ball rises over the net, and its arc is called its **loft** by the coaches of the club.", "loft",
     "the height of a ball's arc over the net"),
    ("If a rule of thumb holds for any batch whatever its size, it is a **tare rule**.", "tare rule",
     "a rule that holds for a batch of any size"),
    ("A **rime spell** occurs when the air stays below freezing for several days in a row.", "rime spell",
     "several days in a row below freezing"),
    ("Specifically, **thrift** is the share of its income that a household keeps for later.", "thrift",
     "the share of income a household keeps"),
]


@pytest.mark.parametrize(("text", "answer", "definition"), _GLOSSED)
def test_a_definition_after_a_glossed_blank_stays_under_the_threshold(text: str, answer: str, definition: str) -> None:
    names, scores = _rated(text + " Other towns did not.", 0, answer, answer, definition)
    assert names
    assert scores[0] >= THRESHOLD > scores[1]


def _glossed(sentence: str) -> bool:
    start, end = sentence.index("["), sentence.index("]")
    return glossed_blank(sentence[:start] + sentence[start + 1:end] + sentence[end + 1:], start, end - 1)


def test_a_main_clause_after_the_blank_or_a_clause_on_another_noun_is_no_gloss() -> None:
    assert not _glossed("In one case of [route swapping], the same drivers that left in May came back.")
    assert not _glossed("A ferry is a version of a [raft] in which an engine turns the wheel.")
    assert not _glossed("The [harbour], docks, and sheds that line the bay were rebuilt.")
    assert not _glossed("When the tide turns, the boats leave the [harbour].")
    assert not _glossed("Sadly, the [harbour] closed in May.")
