"""A blank on part of a longer proper name asks for the rest of a title, not for a term: 'the Republic of
[Freedonia]' is fine as a whole, 'the Royal [Society] for ...' is half of one.

The sentences are written for these tests in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.name_parts import name_part
from quizmg.generate.quality import bad_blank
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import simplify


def _part(sentence: str) -> str | None:
    start, end = sentence.index("["), sentence.index("]")
    return name_part(sentence[start + 1: end], sentence[:start], sentence[end + 1:])


def _why(text: str, hidden: str) -> str | None:
    document = read_document(text, Path("names.md"))
    sentence = simplify(document.sentences[0].text)
    start = sentence.index(hidden)
    return bad_blank(hidden, sentence, start, start + len(hidden), find_terms(document))


def test_the_words_of_a_name_before_the_blank() -> None:
    assert _part("Farmers in the Northern [Territories] grow sorghum on dry land.") == "Northern Territories"
    assert _part("A report by the Council for [Rural Housing] and Planning counted empty homes.") \
        == "Council for Rural Housing"
    assert _part("Before the Long [Drought] of the last century, the valley held three lakes.") == "Long Drought"


def test_the_words_of_a_name_after_the_blank() -> None:
    assert _part("The [Coastal Survey] of Lower Marshland mapped every inlet.") == "Coastal Survey of Lower Marshland"
    assert _part("[Fever] B spreads through water that has stood in the sun.") == "Fever B"
    assert _part("The [Harbour Treaty] II set the fishing limits again.") == "Harbour Treaty II"


def test_a_whole_name_stays_an_answer() -> None:
    assert _part("Rainfall is measured daily by the [Weather Bureau] in each district.") is None
    assert _part("Settlers moved west to [Greenvale] in the spring.") is None
    assert _part("Most [Islanders] of Pacific descent speak two languages.") is None  # a description follows
    assert _part("Western [Farmers] sell their grain in town.") is None  # the sentence's first word


def test_a_capital_that_is_no_name_word_does_not_join_the_blank() -> None:
    assert _part("Both REM and [Deep Sleep] restore the body.") is None  # letters, then 'and'
    assert _part("The survey of Hartwell's [Mill Workers] found long hours.") is None  # an owner's name
    assert _part("Crops fail when the [Monsoon] arrives late.") is None  # lower case all round
    assert _part("Workers at the mill [voted] to strike.") is None  # no capital in the answer


def test_the_drafter_refuses_the_half_name() -> None:
    text = "# Housing\n\nA study by the Office for [Rural Housing] found that old homes waste heat.\n"
    plain = text.replace("[", "").replace("]", "")
    why = _why(plain, "Rural Housing")
    assert why is not None and "Office for Rural Housing" in why
