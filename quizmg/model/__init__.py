"""The deck format: pydantic models of decks, mechanisms, questions, and card identity."""

from quizmg.model.cards import CardRef, card_key, stable_number
from quizmg.model.deck import TEMPLATES, Deck, Mechanism, Source, derived_question_id
from quizmg.model.occlusion import Occlusion, Shape
from quizmg.model.questions import (
    KINDS,
    SELF_RATED_KINDS,
    Basic,
    Choice,
    Cloze,
    GradedAnswer,
    Match,
    MultipleChoice,
    Numeric,
    NumericAnswer,
    Order,
    Pair,
    Question,
    QuestionBase,
    Short,
    TrueFalse,
)

__all__ = [
    "KINDS",
    "SELF_RATED_KINDS",
    "TEMPLATES",
    "Basic",
    "CardRef",
    "Choice",
    "Cloze",
    "Deck",
    "GradedAnswer",
    "Match",
    "Mechanism",
    "MultipleChoice",
    "Numeric",
    "NumericAnswer",
    "Occlusion",
    "Order",
    "Pair",
    "Question",
    "QuestionBase",
    "Shape",
    "Short",
    "Source",
    "TrueFalse",
    "card_key",
    "derived_question_id",
    "stable_number",
]
