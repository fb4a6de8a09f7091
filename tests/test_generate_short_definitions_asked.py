"""A short definition (a head noun and a word or two) that a blank above has already said: the blank shares its
noun and one more of its words. The definition question after it is the same fact twice and stays under the
threshold; a short definition the blank does not say is still asked."""

from __future__ import annotations

from pathlib import Path

from candidate_support import cloze_candidate, definition_candidate

from quizmg.generate.defined_after import said_above
from quizmg.generate.document import read_document
from quizmg.generate.term_finding import find_terms
from quizmg.generate.trust import THRESHOLD, rate

TEXT = ("A **splinter group** often starts as a breakaway from a guild when some members want to leave it. "
        "A **splinter group** may keep the rules of its guild for a long time.")


def _scores(index: int, definition: str) -> list[float]:
    document = read_document(TEXT, Path("guilds.md"))
    blank = cloze_candidate(document.sentences[index], "splinter group")
    scored = rate([blank, definition_candidate("splinter group", definition)], find_terms(document), TEXT)
    return [score.score for score in scored]


def test_a_short_definition_the_blank_said_stays_under_the_threshold() -> None:
    scores = _scores(0, "a small, recent breakaway from a guild")
    assert scores[0] >= THRESHOLD > scores[1]


def test_a_short_definition_the_blank_did_not_say_is_still_asked() -> None:
    scores = _scores(1, "a small, recent breakaway from a guild")  # the second sentence only uses the name
    assert THRESHOLD <= scores[1] < scores[0]


def test_two_shared_words_say_a_short_definition_only() -> None:
    assert said_above({"small", "recent", "breakaway", "guild"}, {"breakaway", "guild", "start", "member"})
    # Two shared words out of six is no more than a topic in common.
    assert not said_above({"small", "recent", "breakaway", "guild", "town", "charter"},
                          {"breakaway", "guild", "start", "member"})
    assert not said_above({"small", "recent", "breakaway", "guild"}, {"guild", "start", "member"})
