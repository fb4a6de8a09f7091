"""A blank that takes the sentence's only verb with its subject leaves a clause to guess, not a term."""

from __future__ import annotations

import pytest

from quizmg.generate.blanks import ambiguous_blank
from quizmg.generate.main_verb import swallows_main_verb


def _split(sentence: str, answer: str) -> tuple[str, str]:
    before, after = sentence.split(answer, 1)
    return before, after


@pytest.mark.parametrize(
    ("sentence", "answer"),
    [
        ("Ions drift from the salt bridge into each half-cell.", "Ions drift"),
        ("The behavioural approach looks at behaviour in its setting.", "behavioural approach looks"),
        ("Most growers report that late frost costs them more than pests.", "growers report"),
    ],
)
def test_a_blank_that_takes_the_only_verb_is_refused(sentence: str, answer: str) -> None:
    assert swallows_main_verb(answer, *_split(sentence, answer), verbs=set())
    start = sentence.index(answer)
    why = ambiguous_blank(answer, sentence, start, start + len(answer))
    assert why is not None and "verb" in why


@pytest.mark.parametrize(
    ("sentence", "answer", "verbs"),
    [
        ("Natural selection acts on the variation within a population.", "Natural selection", set()),
        ("Trade barriers were lowered across the region after the treaty.", "Trade barriers", set()),
        ("The salt bridge connects the two half-cells.", "salt bridge", {"connect"}),  # the text's own verb
        ("Osmosis moves water across a membrane.", "Osmosis", set()),  # one word: a term, whatever follows
        # The verb stands before an object blank, in a form the text uses nowhere else.
        ("The snow line separates the accumulation zone from the melt zone.", "accumulation zone", set()),
    ],
)
def test_a_blank_beside_its_sentence_verb_is_a_fair_term(sentence: str, answer: str, verbs: set[str]) -> None:
    assert not swallows_main_verb(answer, *_split(sentence, answer), verbs=verbs)
