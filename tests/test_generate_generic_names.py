"""An everyday noun under an adjective that grades or picks out is no name to ask for.

Seen on set 7, set 9 and a private pair: '[severe disturbances]', '[possible orbitals]', '[predictable
ways]', '[different currencies]', '[new antimicrobials]', '[adverse health consequences]': the text uses the
words twice, but they name nothing a teacher would ask; a blank over them has many right answers.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.frequency import is_generic, vague
from quizmg.generate.named_terms import named_again
from quizmg.generate.term_finding import find_terms

TIDES = (
    "**Tides** rise and fall twice a day. The **tidal range** is the height between high and low water. "
    "A **spring tide** comes at full and new moon. Coastal towns suffer severe erosion when a storm meets a "
    "spring tide. Severe erosion also follows heavy rain in the hills. Neap tides bring a small range. "
    "Harbour pilots keep tide tables. Harbour pilots read tide tables before every crossing."
)


def test_a_grading_adjective_on_one_everyday_noun_is_no_name() -> None:
    terms = find_terms(read_document(TIDES, Path("tides.md")))
    assert terms.get("severe erosion") is not None  # the text uses the words twice
    assert named_again("severe erosion", terms) is None
    # A name of the text's own: two nouns, used again.
    assert named_again("tide tables", terms) is not None


def test_a_general_result_graded_first_is_vague_whatever_noun_comes_between() -> None:
    assert vague(["adverse", "health", "consequences"])
    assert is_generic("adverse health consequences")
    # A graded amount of a particular substance names something to learn.
    assert not vague(["high", "cortisol", "levels"])


def test_one_word_for_people_or_firms_of_no_particular_kind_is_generic() -> None:
    # Seen on sets 7 and 8: 'all [participants] have an equal chance ...', 'roughly 2,000 [firms] are ...',
    # 'the major [dealers] keep a close watch ...': the text marks 'firms', but a blank over it asks who.
    for word in ("participants", "firms", "dealers", "patients"):
        assert is_generic(word, marked=True), word
    assert not is_generic("monopolistic competitors")


STARS = (
    "**Quasars** shine from the centres of galaxies. Distant galaxies show redder light than near ones, and "
    "distant galaxies are fainter. In the early universe, gas was hotter; the early universe held no metals. "
    "Two ion engines push the probe, and two ion engines steer it. A **dust lane** crosses the disk; dust "
    "lanes hide young stars. Light from dust lanes is reddened. Stellar wind blows the gas out, and stellar "
    "wind heats it."
)


def test_words_that_open_with_where_when_or_how_many_are_no_name() -> None:
    terms = find_terms(read_document(STARS, Path("stars.md")))
    for phrase in ("distant galaxies", "early universe", "two ion engines"):
        assert terms.get(phrase) is not None, phrase  # the text uses the words again
        assert named_again(phrase, terms) is None, phrase
    assert named_again("stellar wind", terms) is not None  # a name of the text's own, used again
