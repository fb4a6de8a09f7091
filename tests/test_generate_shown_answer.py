"""A cloze whose answer still shows in its own prompt is refused; the check reads case and word edges
as a regular expression with re.IGNORECASE would, without compiling one per answer."""

from __future__ import annotations

import re

import pytest

from quizmg.generate.quality import _shows_word


@pytest.mark.parametrize(
    ("word", "text", "shows"),
    [
        ("osmosis", "Water moves by [...]; Osmosis needs a membrane.", True),  # any case
        ("osmosis", "Water moves by [...] in reverse-osmosis plants.", False),  # a hyphen glues it
        ("ion", "An ion_channel opens.", False),  # so does '_'
        ("ion", "Each ion₂ is counted.", False),  # and a subscript digit
        ("ion", "The ion, once free, moves.", True),
        ("class", "A ſmall claſs of [...] exists.", True),
        ("claſs", "A class of [...] exists.", True),  # 'ſ' and 's' are one letter in any case
        ("σ", "bonds of ς kind", True),
    ],
)
def test_an_answer_shows_in_its_prompt_as_a_word_of_its_own(word: str, text: str, shows: bool) -> None:
    assert _shows_word(word, text) is shows
    assert bool(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text, re.I)) is shows
