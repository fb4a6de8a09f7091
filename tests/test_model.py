"""The deck model: kinds, validation, ids and cards."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from quizmg.model import (
    Basic,
    CardRef,
    Cloze,
    Deck,
    Match,
    MultipleChoice,
    Numeric,
    Order,
    TrueFalse,
    derived_question_id,
)


def test_every_kind_validates_and_renders() -> None:
    deck = Deck.model_validate(
        {
            "id": "d",
            "title": "T",
            "questions": [
                {"id": "b", "kind": "basic", "prompt": "P", "answer": "A", "reversed": True},
                {"id": "c", "kind": "cloze", "text": "{{c1::One}} and {{c2::two::hint}}"},
                {"id": "m", "kind": "mcq", "prompt": "P", "choices": [{"text": "x", "correct": True}, {"text": "y"}]},
                {"id": "t", "kind": "truefalse", "statement": "S", "answer": False},
                {"id": "s", "kind": "short", "prompt": "P", "answer": "A", "accepted": ["a2"]},
                {"id": "n", "kind": "numeric", "prompt": "P", "answer": 7, "tolerance": 0.5, "unit": "kg"},
                {"id": "o", "kind": "order", "prompt": "P", "items": ["1", "2", "3"]},
                {
                    "id": "mt",
                    "kind": "match",
                    "prompt": "P",
                    "pairs": [{"left": "a", "right": "1"}, {"left": "b", "right": "2"}],
                },
            ],
        }
    )
    kinds = [q.kind for q in deck.questions]
    assert kinds == ["basic", "cloze", "mcq", "truefalse", "short", "numeric", "order", "match"]
    basic, cloze, mcq, tf, short, numeric, order, match = deck.questions
    assert isinstance(basic, Basic) and basic.card_ordinals() == [1, 2]
    assert isinstance(cloze, Cloze) and cloze.card_ordinals() == [1, 2]
    assert cloze.render(1) == "[...] and two"
    assert cloze.render(2) == "One and [hint]"
    assert cloze.answer_text() == "One; two"
    assert isinstance(mcq, MultipleChoice) and mcq.answer_text() == "x" and not mcq.multiple
    assert isinstance(tf, TrueFalse) and tf.answer_text() == "False"
    assert short.answer_text() == "A"
    assert isinstance(numeric, Numeric) and numeric.answer_text() == "7 ± 0.5 kg"
    assert isinstance(order, Order) and order.answer_text() == "1 → 2 → 3"
    assert isinstance(match, Match) and match.answer_text() == "a = 1; b = 2"


def test_question_without_id_gets_a_stable_derived_id() -> None:
    data = {"id": "deck", "title": "T", "questions": [{"kind": "basic", "prompt": "P?", "answer": "A"}]}
    first = Deck.model_validate(data)
    second = Deck.model_validate(data)
    assert first.questions[0].id == second.questions[0].id == derived_question_id("deck", "P?")
    assert first.derived_id_indexes == {0}
    edited = Deck.model_validate({**data, "questions": [{"kind": "basic", "prompt": "P!", "answer": "A"}]})
    assert edited.questions[0].id != first.questions[0].id


@pytest.mark.parametrize(
    ("question", "message"),
    [
        ({"kind": "cloze", "text": "no deletion"}, "at least one deletion"),
        ({"kind": "cloze", "text": "{{c1:: }}"}, "hides nothing"),
        ({"kind": "mcq", "prompt": "P", "choices": [{"text": "a"}, {"text": "b"}]}, "at least one"),
        ({"kind": "mcq", "prompt": "P", "choices": [{"text": "a", "correct": True}]}, "at least 2"),
        (
            {"kind": "mcq", "prompt": "P", "choices": [{"text": str(i), "correct": i == 0} for i in range(27)]},
            "at most 26",
        ),
        ({"kind": "order", "prompt": "P", "items": ["a", "a"]}, "same text"),
        (
            {"kind": "match", "prompt": "P", "pairs": [{"left": "a", "right": "1"}, {"left": "a", "right": "2"}]},
            "different",
        ),
        ({"kind": "numeric", "prompt": "P", "answer": 1, "tolerance": -1}, "greater than or equal"),
        ({"kind": "essay", "prompt": "P"}, "does not match any of the expected tags"),
        ({"kind": "basic", "prompt": "P", "answer": "A", "colour": "red"}, "Extra inputs"),
        ({"kind": "basic", "prompt": "P", "answer": "A", "id": "Has Space"}, "pattern"),
    ],
)
def test_invalid_questions_are_rejected(question: dict, message: str) -> None:
    with pytest.raises(ValidationError) as info:
        Deck.model_validate({"id": "d", "title": "T", "questions": [question]})
    assert message in str(info.value)


def test_multiple_correct_choices_make_a_multi_answer_question() -> None:
    question = MultipleChoice(
        prompt="P", choices=[{"text": "a", "correct": True}, {"text": "b", "correct": True}, {"text": "c"}]
    )
    assert question.multiple and question.answer_text() == "a; b"


def test_card_identity_depends_on_ids_not_wording() -> None:
    card = CardRef("magnesium", "nmda.recall", 1)
    assert card.key == "magnesium/nmda.recall/1"
    assert card.number == CardRef("magnesium", "nmda.recall", 1).number
    assert card.number != CardRef("magnesium", "nmda.recall", 2).number
    assert 0 < card.number < 2**62


def test_duplicate_mechanism_ids_are_rejected() -> None:
    mechanism = {"id": "m", "agent": "a", "action": "blocks", "target": "t"}
    with pytest.raises(ValidationError, match="two mechanisms have the id"):
        Deck.model_validate({"id": "d", "title": "T", "mechanisms": [mechanism, mechanism]})


def test_key_term_must_be_part_of_the_target() -> None:
    mechanism = {"id": "m", "agent": "a", "action": "blocks", "target": "NMDA receptors", "key_term": "GABA"}
    with pytest.raises(ValidationError, match="must be part of the target"):
        Deck.model_validate({"id": "d", "title": "T", "mechanisms": [mechanism]})
