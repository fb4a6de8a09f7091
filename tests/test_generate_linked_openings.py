"""'But this ...', 'And it ...', 'Still, they ...' lean on the sentence before as 'However, it ...' does, unless
'it' only holds a place for a clause after it; a sentence that tells the reader to look or to picture ('Notice
that ...', 'Finally, notice that ...', 'Picture a ...') is never quoted, while 'But note that ...' states a
fact and stands."""

from __future__ import annotations

from quizmg.generate.document import Sentence
from quizmg.generate.linked_openings import joined_pronoun, next_step
from quizmg.generate.sentence_use import leans_back, quotable

LEANING = {
    "But this is not what potters mean by a glaze.": "But this",
    "And it cracks if the kiln cools too fast.": "And it",
    "Still, they sold most of their jugs at the fair.": "Still, they",
    "Today, it is used mainly for garden pots.": "Today, it",
    "Indeed, it is so thin that light passes through it.": "Indeed, it",  # a degree, not a place-holder
    "But it is similar to the glaze on old roof tiles.": "But it",  # a comparison
}

STANDING = [
    "In fact, it has been suggested that the first kilns were pits.",  # 'it' holds a place
    "Often, it is easier to fire small pots in a wood kiln.",
    "Now it seems quite reasonable that clay shrinks as it dries.",
    "But it was not until the tenth century that glazes spread west.",
    "Moreover, those who fired at night saved fuel.",  # 'those who' says whom
    "But potters in the south used red clay.",  # no pronoun at all
]


def test_a_pronoun_after_a_conjunction_leans_on_the_sentence_before() -> None:
    for text, words in LEANING.items():
        assert joined_pronoun(text) == words, text
        assert leans_back(text) is not None, text
    assert [text for text in STANDING if joined_pronoun(text) is not None] == []


def _sentence(text: str) -> Sentence:
    return Sentence(text=text, index=0, section=None, position=1, line=1)


def test_a_sentence_that_tells_the_reader_to_look_or_picture_is_never_quoted() -> None:
    telling = [
        "Notice that the curve for the wet clay rises more steeply.",
        "Finally, notice that the two curves meet at the firing point.",
        "Picture a potter who throws a hundred bowls a day.",
        "But suppose the kiln were twice as large.",
    ]
    assert [text for text in telling if quotable(_sentence(text), text)] == []
    stating = "But note that a glaze is a thin layer of glass fused to the pot."
    assert quotable(_sentence(stating), stating)


def test_a_learning_objective_or_a_hands_on_step_is_never_quoted() -> None:
    steps = [
        "Define kiln shrinkage and explain how it is measured.",
        "Determine the firing temperature given the colour of the flame.",
        "Fill a jar with slip and let the clay settle overnight.",
        "Then, hold the pot up to the light and look for cracks.",
        # a reminder in a problem-solving strategy
        "Be sure to weigh the clay before and after it dries.",
        "Keep in mind that a wet pot shrinks as it dries.",
    ]
    assert [text for text in steps if quotable(_sentence(text), text)] == []


def test_a_step_after_the_one_before_leans_on_it() -> None:
    steps = {
        "Then the glaze is brushed on while the pot is still warm.": "Then",
        "Next, the kiln is sealed with wet clay.": "Next",
        "Soon the whole chamber glows orange.": "Soon",
        "Later, the potters moved their kilns up the hill.": "Later",
        "After that the pots are left to cool for two days.": "After that",
    }
    for text, words in steps.items():
        assert next_step(text) == words, text
        assert leans_back(text) is not None, text
    standing = [
        "Then, in 1750, a potter in the valley built a kiln with two chambers.",  # a date of its own
        "Soon after the firing, the pots are sorted by colour.",  # says after what
        "Next to the kiln, the potters kept a pile of dry wood.",  # a place
        "Later kilns had tall chimneys that drew the flame upward.",  # 'later' describes the kilns
    ]
    assert [text for text in standing if next_step(text) is not None] == []
