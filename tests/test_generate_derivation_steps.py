"""A step of the text's own working ('To find the pull, we first note ...', 'We can derive an expression for ...')
states no fact of the subject: it leans on the derivation it belongs to, and the sentence before is not carried
to explain it. A result or a method of the subject said with 'we' stands."""

from __future__ import annotations

from leaning_support import assert_leaning

from quizmg.generate.context import carried
from quizmg.generate.derivation_steps import derivation_step
from quizmg.generate.document import Sentence

LEANING = {
    "To find the spring's stretch, we first note that both blocks hang from the same hook.":
        "To find the spring's stretch, we",
    "To express the pull in newtons, we convert the mass of the sack to kilograms.":
        "To express the pull in newtons, we",
    "Now, to see how the bridge sways, let us picture a single cable held at both ends.":
        "Now, to see how the bridge sways, let us",
    "To understand the ripple pattern on the pond, one looks at two stones dropped together.":
        "To understand the ripple pattern on the pond, one",
    "We can obtain an expression for the drag on a boat by considering the water it pushes aside.":
        "We can obtain an expression",
    "We will now derive a relationship between the pitch of a pipe and its length.":
        "We will now derive a relationship",
    "We can get the speed of the cart from the left side of the equation by cancelling the mass.":
        "We can get the speed of the cart from the left side of the equation by cancelling",
    "We can understand why kettles whistle by looking at the steam squeezed through the spout.":
        "We can understand why kettles whistle by looking",
}

STANDING = [
    "We find that the stretch of a spring grows in step with the load it carries.",  # a result
    "We can measure the heat given off by weighing the ice that melts.",  # a method of the subject
    "Thus, we see that thicker cables sag less under the same load.",
    "To a sailor, a knot is a measure of speed.",  # 'To' as a preposition
    "To survive the winter, many birds fly south.",  # a purpose of the subject's own, no writer at work
    "Engineers derive the load on a beam from its span and the weight it carries.",
]


def test_a_step_of_the_texts_working_leans_back() -> None:
    assert_leaning(derivation_step, LEANING, STANDING)


def _sentence(index: int, text: str) -> Sentence:
    return Sentence(text=text, index=index, section=None, position=index + 1, line=index + 1, before=index - 1)


def test_a_derivation_step_is_not_carried_after_the_sentence_before() -> None:
    before = "A spring stretches further the more weight it carries."
    step = "Now, to see how far it stretches, we hang a second block from the same hook."  # 'Now' leans too
    sentences = [_sentence(0, before), _sentence(1, step)]
    assert carried(sentences[1], step, sentences) is None
