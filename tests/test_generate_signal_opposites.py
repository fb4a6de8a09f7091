"""A signalling verb ('blocks', 'inhibits', 'activates') turned to its opposite makes a false statement only in a
text that uses the opposite itself: 'the wall blocks the wind' is a screen, and 'the wall activates the wind'
is nonsense, not a false claim. A text that writes of signals (it uses another such verb) knows the sense.

Every text here is written for the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.draft import draft_deck
from quizmg.generate.false_statements import opposite_verb, unused_opposite
from quizmg.model import TrueFalse


def test_a_signalling_verbs_opposite_needs_the_texts_own_use() -> None:
    screen = "The hedge blocks the cold wind from the north."
    assert opposite_verb(screen, (), {"the", "hedge", "blocks", "cold", "wind"}) is None
    assert opposite_verb(screen, (), {"blocks", "activates"}) == screen.replace("blocks", "activates")
    assert unused_opposite("blocks", {"blocks", "wind"}) == "activate"
    assert unused_opposite("blocks", {"blocks", "activated"}) is None
    # A text that writes of signals with another verb ('activated') knows the sense: 'inhibits' -> 'stimulates'.
    assert unused_opposite("inhibits", {"inhibits", "activated"}) is None
    assert opposite_verb("The drug inhibits the enzyme.", (), {"inhibits", "activated"}) == \
        "The drug stimulates the enzyme."
    # A change of amount needs no such use: 'lowers' turned to 'raises' is false in any text.
    assert unused_opposite("lowers", {"lowers"}) is None
    assert opposite_verb("Cold weather lowers the price of ice.", (), {"lowers"}) == \
        "Cold weather raises the price of ice."


SHELTER = """# Shelter belts

Farmers plant rows of trees along their fields. A shelter belt slows the wind across the field behind it.
Tall poplars block the cold wind from the north, so the young wheat grows faster in spring.
Because the poplars block the cold wind, frost forms less often on the sheltered side of the row.
The belt also holds snow in winter, and the melting snow wets the soil when the wheat needs it.
Shelter belts reduce the loss of soil, because the wind lifts less dust from the sheltered ground.
"""


def test_no_false_statement_turns_a_screen_into_a_signal() -> None:
    deck = draft_deck(SHELTER, Path("shelter.md"), keep_all=True, max_questions=60).deck
    statements = [q.statement for q in deck.questions if isinstance(q, TrueFalse)]
    assert not any("activate" in statement for statement in statements), statements
