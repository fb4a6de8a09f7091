"""`quizmg generate`: true/false statements. A false one is made by a change the document supports;
a hedged claim makes none.

The texts are written for these tests in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.term_finding import find_terms
from quizmg.model import Mechanism


def test_a_false_statement_flips_a_finite_verb_in_a_sense_the_document_knows() -> None:
    from quizmg.generate.false_statements import opposite_verb

    # A verb inside a key term's name, or used as an adjective, is no verb to flip.
    named = "Monetary easing calms the nervous banks in a slump."
    assert opposite_verb(named, [(0, len("Monetary easing"))], ()) is None
    assert opposite_verb("Despite increasing prices, the bakery sells more bread each week.") is None
    # 'prevents X from ...' has no opposite in the same frame.
    assert opposite_verb("A thick coat prevents the dog from losing heat in winter.") is None
    # 'absorbs' -> 'reflects' is a claim about light; of a gut taking in salts it is nonsense.
    gut = "The lining of the colon absorbs most of the salts left in the waste."
    assert opposite_verb(gut, (), {"the", "lining", "absorbs"}) is None
    assert opposite_verb(gut, (), {"reflects", "absorbs"}) == gut.replace("absorbs", "reflects")
    # 'causes' and 'prevents' say whether a thing happens: swapped, the claim reads as nonsense.
    words = {"causes", "prevents", "cause", "prevent"}
    assert opposite_verb("In spring the gland causes the first rise of the hormone in the blood.", (), words) is None
    assert opposite_verb("A thick coat of wax prevents frost damage on the leaves.", (), words) is None
    # A change of direction is always a meaningful false statement.
    assert opposite_verb("Cold weather raises the demand for firewood in the valley.") == (
        "Cold weather lowers the demand for firewood in the valley."
    )


def test_a_swapped_term_is_not_used_when_another_sentence_says_it_too() -> None:
    from quizmg.generate.false_statements import said_together

    mentions = [frozenset({"aspirin", "fever"}), frozenset({"ibuprofen", "fever", "swelling"})]
    assert said_together("ibuprofen", {"fever"}, mentions)
    assert not said_together("naproxen", {"fever"}, mentions)


def test_a_hedged_claim_makes_no_true_or_false_statement() -> None:
    from quizmg.generate.claims import claim_problems
    from quizmg.model import TrueFalse

    hedged = Mechanism(id="tea", agent="Strong tea", action="may delay", target="sleep")
    plain = Mechanism(id="tea2", agent="Strong tea", action="delays", target="sleep")
    statement = TrueFalse(id="s", statement="Strong tea may delay sleep.", answer=True)
    assert claim_problems(statement, hedged, "true", [])
    assert not claim_problems(statement, plain, "true", [])


def test_a_false_statement_turns_the_mechanisms_direction_around_and_a_hedge_makes_none() -> None:
    from quizmg.generate.claims import claim_problems
    from quizmg.generate.false_statements import reversed_action
    from quizmg.generate.templates import expand_deck
    from quizmg.model import Deck, TrueFalse

    drafted = ["generated"]
    frost = Mechanism(id="frost", agent="Late frost", action="slows", target="the growth of the vines", tags=drafted)
    sun = Mechanism(id="sun", agent="Morning sun", action="may dry", target="the dew on the leaves", tags=drafted)
    deck = Deck(id="vines", title="Vines", mechanisms=[frost, sun])
    made = {q.id: q for q in expand_deck(deck)}
    false = made["frost.false"]
    assert isinstance(false, TrueFalse) and not false.answer
    # False for the reason the source states (frost slows growth), not for a target of another kind.
    assert false.statement == "Late frost accelerates the growth of the vines."
    assert claim_problems(false, frost, "false", []) == []
    # No direction, or a hedge: nothing to turn around.
    assert reversed_action("may dry") is None and reversed_action("is associated with") is None
    assert reversed_action("lowers") == "raises" and reversed_action("block") == "activate"
    assert reversed_action("causes") is None  # whether it happens, not which way: no direction to turn
    assert claim_problems(made["sun.false"], sun, "false", [])


def test_a_hedged_claim_is_not_asked_without_the_reason_its_sentence_gives() -> None:
    from quizmg.generate.claims import claim_problems
    from quizmg.generate.mechanisms import extract_statements
    from quizmg.model import Basic

    text = """---
title: "Frost"
---

Late frost may damage the blossom because it freezes the water inside the young petals.
Warm wind dries the blossom after rain and keeps the petals from rotting.
"""
    document = read_document(text, Path("frost.md"))
    statements = extract_statements(document.sentences, find_terms(document))
    hedged = next(s for s in statements if s.action.startswith("may"))
    mechanism = Mechanism(id="frost", agent=hedged.agent, action=hedged.action, target=hedged.target)
    recall = Basic(id="frost.recall", prompt="What is the link?", answer="It may.")
    assert any("reason" in problem for problem in claim_problems(recall, mechanism, "recall", statements))
