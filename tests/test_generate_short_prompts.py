"""A blank in a prompt of fewer than ten words waits under the threshold: the sentence is too short to tell
its answer from the things beside it. A short sentence that names or defines its blank still passes."""

from __future__ import annotations

import re

from quizmg.generate.draft import draft_deck
from quizmg.generate.trust import THRESHOLD

SCORE = re.compile(r"Draft score (\d+)/100")

SOIL = """# Garden soil

**Compost** is decayed plant matter that a gardener digs into the soil to feed it.
**Mulch** is a layer of bark or straw spread over the soil to keep moisture in and weeds down.
{short}
A mixture of sand, silt and clay in even parts is known as **loam**.
Worms pull fallen leaves down into their burrows, where microbes break them apart.
A soil rich in clay holds water for weeks, while a sandy soil drains within hours.
Soil that has been pressed flat by heavy machines is called **compacted soil**.
**Topsoil** is the dark upper layer of soil where most roots and living things are found.
"""


def _notes(text: str, keep_all: bool) -> dict[str, str]:
    deck = draft_deck(text, "soil.md", keep_all=keep_all).deck
    return {q.prompt_text(): q.explanation for q in deck.questions if q.kind == "cloze"}


def test_a_short_sentence_that_says_little_of_its_blank_waits_for_all() -> None:
    for short, prompt in (("**Perlite** is also useful in pots.", "[...] is also useful in pots."),
                          ("Small doses of **perlite** may work best.", "Small doses of [...] may work best."),
                          ("Roots need **oxygen** as much as water.", "Roots need [...] as much as water.")):
        text = SOIL.format(short=short)
        assert prompt not in _notes(text, keep_all=False)
        note = _notes(text, keep_all=True)[prompt]
        assert "a short sentence" in note and "neither names nor defines its blank" in note
        assert int(SCORE.search(note).group(1)) < THRESHOLD  # type: ignore[union-attr]


def test_a_short_sentence_that_names_its_blank_passes() -> None:
    text = SOIL.format(short="Coarse volcanic glass is called **perlite**.")
    notes = _notes(text, keep_all=False)
    assert "Coarse volcanic glass is called [...]." in notes, sorted(notes)
    assert "a short sentence" not in notes["Coarse volcanic glass is called [...]."]


def test_ten_words_are_enough() -> None:
    text = SOIL.format(short="Small doses of **perlite** may work as well in clay.")
    notes = _notes(text, keep_all=False)
    assert "Small doses of [...] may work as well in clay." in notes, sorted(notes)
