"""A proper name a sentence only gives ('a crater called [Brightwater]') is not a term the text teaches.

An unmarked blank that its own sentence names ('... are called [isomers]') counts as marked in words. The
name of one place or craft given with no article ('a hill called [Tor Mons]', 'the buoy was named
[Gullwing]') is different: a teacher deletes it as trivia, so it gets no such pass. A name that takes 'the'
or ends in a common noun ('called the [Copper Nebula]', 'are called [Vance variables]') still does. Every
text here is written for the test, in the project's own words.
"""

from __future__ import annotations

from quizmg.generate.candidate import Candidate
from quizmg.generate.named_terms import defined_here
from quizmg.model import Cloze


def _cloze(text: str, answer: str) -> Candidate:
    return Candidate(Cloze(id="t", text=text.replace("[...]", "{{c1::" + answer + "}}")), 1.0, frozenset(), answer)


def test_a_proper_name_given_with_no_article_gets_no_pass() -> None:
    assert not defined_here(_cloze("The tallest hill on the moon, called [...], rises two kilometres.", "Tor Mons"))
    assert not defined_here(_cloze("Later the buoy was named [...] by its crew.", "Gullwing"))


def test_a_name_with_its_article_or_a_kind_keeps_the_pass() -> None:
    assert defined_here(_cloze("The glowing cloud near the belt is called the [...].", "Copper Nebula"))
    assert defined_here(_cloze("Stars that pulse every few hours are called [...].", "Vance variables"))
    assert defined_here(_cloze("Molecules with one formula but different shapes are called [...].", "isomers"))
