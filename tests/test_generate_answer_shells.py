"""The reply to a question or the aim the sentence before set ('The answer, as we saw, lies in ...', 'The
challenge is ...', 'The trick is to ...') leans on that sentence; 'Let’s look at ...' tells the reader what to
do, as 'Let us' and 'Consider' do. Texts are the test's own."""

from __future__ import annotations

from quizmg.generate.document import Sentence
from quizmg.generate.sentence_use import leans_back, quotable

LEANING = [
    "The answer, as a later chapter shows, lies in the salt that the glaze takes up from the kiln walls.",
    "The answer turns out to be wood ash, which melts into a glassy skin at high heat.",
    "The challenge is keeping the kiln hot enough for long enough to fuse the clay body.",
    "The challenge, however, is firing the pots without cracking their thin rims.",
    "The trick is to cool the kiln slowly so that the glaze does not craze.",
    "The explanation is that iron in the clay turns red in air and grey without it.",
    "The goal is to fire every shelf of the kiln evenly.",
    "The puzzle is that the same glaze turns blue in one kiln and green in another.",
]

ALONE = [
    "The answer to a crazed glaze is a clay body that shrinks less as it cools.",  # the question is named
    "The goal of bisque firing is to harden the clay before it is glazed.",
    "The point at which clay turns to ceramic is called vitrification.",
    "The challenge for studio potters is the cost of fuel.",
]


def _sentence(text: str) -> Sentence:
    return Sentence(text=text, index=0, section=None, position=1, line=1)


def test_the_answer_or_the_challenge_with_nothing_to_say_which_leans_on_the_sentence_before() -> None:
    for text in LEANING:
        assert leans_back(text), text
    for text in ALONE:
        assert leans_back(text) is None, text


def test_lets_at_the_head_of_a_sentence_tells_the_reader_what_to_do() -> None:
    for text in ("Let’s look at how a potter centres the clay on the wheel.",
                 "Let's begin by asking what the glaze is made of."):
        assert not quotable(_sentence(text), text), text
    text = "Potters let the pots dry for a week before the first firing."
    assert quotable(_sentence(text), text)
