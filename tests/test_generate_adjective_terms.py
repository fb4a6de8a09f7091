"""A term that is one describing word is asked for as a word, and a qualifier in brackets defines nothing.

'What is centered on the Sun?' asks for a thing; a glossary line such as 'sunward: turned toward the Sun'
names a word that describes one, so it is asked 'Which word means “...”?'. A noun term defined by a
predicate keeps 'What is ...?'. An aside that only says when or where something holds most ('especially
late in the season') is no definition of the word before it. Every text here is written for the test, in
the project's own words.
"""

from __future__ import annotations

from quizmg.generate.definition_shapes import defines_nothing, shaped_prompt
from quizmg.generate.short_answers import term_prompt


def test_a_describing_word_defined_by_a_predicate_is_asked_as_a_word() -> None:
    assert term_prompt("turned toward the light of a lamp", "lampcentric") == (
        "Which word means “turned toward the light of a lamp”?")
    assert term_prompt("easily spread between neighbouring hives", "infectious") == (
        "Which word means “easily spread between neighbouring hives”?")
    assert shaped_prompt("able to be tested by a simple count", "countable") == (
        "Which word means “able to be tested by a simple count”?")


def test_a_noun_term_defined_by_a_predicate_keeps_what_is() -> None:
    assert term_prompt("turned toward the light of a lamp", "lamp dial") == "What is turned toward the light of a lamp?"
    assert term_prompt("characterized by a long dry spell", "drought") == "What is characterized by a long dry spell?"


def test_a_bracketed_when_or_where_defines_nothing() -> None:
    assert defines_nothing("especially late in the season")
    assert defines_nothing("particularly cold at night")
    assert not defines_nothing("especially strong gust that bends trees")


def test_a_thing_picked_out_only_by_what_came_before_defines_nothing() -> None:
    # 'The crust that forms is called ...' after a sentence on cooling lava: 'the crust that forms' points back.
    assert defines_nothing("the crust that forms")
    assert defines_nothing("the thin layers which remain")
    assert not defines_nothing("the crust that forms where lava meets the sea")
    assert not defines_nothing("the layer that traps heat")
