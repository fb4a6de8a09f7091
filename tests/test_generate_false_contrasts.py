"""True/false from a contrast the text draws: 'X does P, whereas Y does Q' asked as 'Y does P.' (False), the
false statement a teacher writes from two things the lesson sets against each other."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.draft import draft_deck
from quizmg.generate.true_false import changes_an_aside, contrast_swapped
from quizmg.model import TrueFalse

NAMES = {"hard water", "soft water", "rain", "limestone", "others"}


def _is_name(phrase: str) -> bool:
    return phrase.lower() in NAMES


def test_the_first_claim_is_given_to_the_thing_set_against_its_subject() -> None:
    assert contrast_swapped("Hard water leaves a crust of lime in kettles, whereas soft water leaves none.",
                            _is_name) == "Soft water leaves a crust of lime in kettles."
    assert contrast_swapped("The rain wears down the hills, whereas the limestone holds the water.",
                            _is_name) == "The limestone wears down the hills."


def test_no_false_statement_without_two_names_of_the_same_number() -> None:
    assert contrast_swapped("Hard water leaves a crust, whereas others leave none.", lambda p: p == "Hard water") \
        is None
    assert contrast_swapped("Hard water leaves a crust, whereas kettles stay clean.", _is_name) is None
    assert contrast_swapped("Hard water leaves a crust of lime in kettles.", _is_name) is None


def test_a_drafted_contrast_is_asked_false() -> None:
    text = ("# Water\n\n**Hard water** leaves a crust of lime inside kettles and pipes, whereas **soft water** "
            "leaves the metal clean. **Limestone** gives hard water its calcium. **Rain** falls as soft water and "
            "picks up calcium as it seeps through **limestone** hills. A **water softener** swaps the calcium for "
            "sodium.\n")
    draft = draft_deck(text, Path("water.md"), max_questions=20, keep_all=True)
    statements = {q.statement: q.answer for q in draft.deck.questions if isinstance(q, TrueFalse)}
    assert statements.get("Soft water leaves a crust of lime inside kettles and pipes.") is False, statements


def test_a_false_version_never_changes_only_a_relative_aside() -> None:
    text = "Grazing animals eat the grasses of the plain, many of which are perennial, and spread their seeds."
    assert changes_an_aside(text, text.replace("are perennial", "are annual"))
    assert not changes_an_aside(text, text.replace("eat the grasses", "avoid the grasses"))
    plain = "Perennial grasses, which live for years, hold the soil of the plain."
    assert changes_an_aside(plain, plain.replace("live for years", "die in a season"))
    assert not changes_an_aside(plain, plain.replace("Perennial", "Annual"))
