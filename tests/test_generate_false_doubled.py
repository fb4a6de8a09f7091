"""A false version that joins a word to itself ('a smaller or smaller size', 'below and below') is nonsense, not
a claim to judge: the sentence covered both directions, and turning one of them says nothing."""

from __future__ import annotations

from quizmg.generate.draft import draft_deck
from quizmg.generate.false_statements import doubles_a_word, turned_direction
from quizmg.model import TrueFalse


def test_a_pair_turned_into_one_word_twice_is_found() -> None:
    text = "Cheap engines will lead to a smaller or larger size of farms."
    assert doubles_a_word(text, "Cheap engines will lead to a larger or larger size of farms.")
    assert doubles_a_word("The tide rises above and below the mark.", "The tide rises below and below the mark.")
    assert not doubles_a_word("Warm air rises faster.", "Warm air rises slower.")
    # A word the sentence itself repeats is no change of the false version's making.
    assert not doubles_a_word("Prices rose more and more.", "Prices fell more and more.")


def test_no_false_statement_is_drafted_from_such_a_turn() -> None:
    # The turn the drafter would try first makes the nonsense; the statement is not asked false that way.
    sentence = "Cheap engines will lead to a smaller or larger size of farms."
    assert turned_direction(sentence) is not None and doubles_a_word(sentence, turned_direction(sentence) or "")
    text = f"# Farming\n\n**Cheap engines** changed farming. {sentence} Farmers bought more land.\n"
    statements = [q.statement for q in draft_deck(text, "farms.md", keep_all=True).deck.questions
                  if isinstance(q, TrueFalse)]
    assert not any("larger or larger" in s or "smaller or smaller" in s for s in statements)


def test_no_false_statement_turns_a_word_inside_a_named_term() -> None:
    # 'the lower respiratory tract' turned into 'the higher respiratory tract' is no claim: the name broke.
    text = ("# Airways\n\nThe **lower airway tract** runs from the voice box to the lungs. "
            "Meanwhile, the lower airway tract is protected by **dust cells**. Mucus traps larger particles.\n")
    draft = draft_deck(text, "airways.md", keep_all=True)
    assert any(m.key_term == "lower airway tract" for m in draft.deck.mechanisms)
    statements = [q.statement for q in draft.deck.questions if isinstance(q, TrueFalse)]
    assert not any("higher airway tract" in s or "upper airway tract" in s for s in statements)


def test_a_verb_or_a_means_is_not_turned_as_a_direction() -> None:
    # 'The complex can lower the barrier' had become 'can higher the barrier': 'lower' was a verb there
    assert turned_direction("A catalyst can lower the energy barrier of a reaction.") is None
    assert turned_direction("Catalysts lower the energy barrier of a reaction.") is None
    assert turned_direction("The lower the pressure, the lower the boiling point.") == (
        "The higher the pressure, the lower the boiling point.")
    assert turned_direction("A lower pressure lets the water boil sooner.") == (
        "A higher pressure lets the water boil sooner.")
    # 'slow the heart by increasing its rate' contradicts itself: obviously false, it teaches nothing
    assert turned_direction("The vagus nerve slows the heart by decreasing its rate.") is None
    assert turned_direction("Cold air holds decreasing amounts of water.") == (
        "Cold air holds increasing amounts of water.")


def test_a_false_version_that_loses_the_sentences_own_contrast_is_nonsense() -> None:
    # 'Catabolic reactions produce energy and anabolic reactions use energy' had become '... and catabolic
    # reactions use energy', and 'slow cardiac function by decreasing heart rate' 'accelerate ... by decreasing'
    from quizmg.generate.false_statements import opposite_verb

    assert doubles_a_word("Ebb tides expose the reef and flood tides cover it.",
                          "Flood tides expose the reef and flood tides cover it.")
    assert not doubles_a_word("Ebb tides expose the reef.", "Flood tides expose the reef.")
    assert opposite_verb("Cold water slows the engine by lowering its speed.", (), ["accelerate", "slow"]) is None
    assert opposite_verb("Cold water slows the engine.", (), ["accelerate", "slow"]) == (
        "Cold water accelerates the engine.")


def test_a_drafted_claims_target_is_not_turned_into_its_own_agent() -> None:
    # the false version of 'exothermic reactions release more heat than endothermic reactions' is not '... more
    # heat than exothermic reactions': the partner swapped in is the claim's own agent
    from quizmg.generate.templates import expand_deck
    from quizmg.model import Deck, Mechanism

    claim = Mechanism(id="exo", agent="exothermic reactions", action="release",
                      target="more heat than endothermic reactions", tags=["generated"])
    deck = Deck(id="heat", title="Heat", mechanisms=[claim])
    statements = [q.statement for q in expand_deck(deck) if isinstance(q, TrueFalse)]
    assert not any("than exothermic" in s for s in statements), statements
