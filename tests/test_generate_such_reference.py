"""'Such' before a noun inside a sentence ('such a storm', 'for such work', 'in such a short time') points at a
thing of the kind the sentence before described: the sentence is asked after that one, or not at all. 'Such
as', a 'such' completed by its own 'that' or 'as', and a noun the sentence named before the 'such' stand alone."""

from __future__ import annotations

from quizmg.generate.draft import draft_deck
from quizmg.generate.sentence_use import leans_back
from quizmg.generate.such_reference import such_reference
from quizmg.model import Cloze

POINTING = {
    "In practice, such a storm floods the lower town twice a decade.": "such a storm",
    "Because of such worries, farmers plant drought-tolerant millet.": "such worries",
    "Millers keep a spare grindstone for such work.": "such work",
    "No bird can cross the desert in such a short time, but the swift can.": "such a short time",
    "Across such a gap, the spark needs several thousand volts.": "such a gap",
}
STANDING = [
    "Hard metals such as tungsten are used for drill bits.",  # examples
    "The glacier moved in such a way that the valley took a U shape.",  # its own 'that'
    "The frost was such a shock to the vines that half of them died.",
    "Guilds ruled on such everyday matters as weights, prices and apprenticeships.",  # its own 'as'
    "A lens that bends light inward is a converging lens, and such a lens is used in a magnifier.",  # named before
    "As such, the treaty bound only the two signatories.",
]


def test_such_before_a_noun_points_at_the_sentence_before() -> None:
    for text, words in POINTING.items():
        assert (such_reference(text) or "").startswith(words), text
        assert leans_back(text) is not None, text
    assert [text for text in STANDING if such_reference(text) is not None] == []


MILLS = """# Water mills

Rivers carry **silt** from the hills down to the sea.
A **water mill** turns the energy of falling water into the turning of a millstone.

In spring the river carries melted snow and runs high and fast over the weir. In such a flood, the miller closes \
a **sluice** to protect the wheel.

A **mill race** is the channel that leads water from the river to the wheel.
"""


def test_a_sentence_with_such_is_asked_after_the_sentence_it_points_at() -> None:
    deck = draft_deck(MILLS, "mills.md", keep_all=True).deck
    texts = [question.text for question in deck.questions if isinstance(question, Cloze)]
    sluice = [text for text in texts if "{{c1::sluice" in text]
    assert sluice and all(text.startswith("In spring the river carries melted snow") for text in sluice)
