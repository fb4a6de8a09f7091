"""A card as it is put to the learner: which question, which card of it, and in what order its
choices, steps or pairs are shown, so that the answer typed can be graded against that display.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from quizmg.model import (
    SELF_RATED_KINDS,
    Cloze,
    Match,
    MultipleChoice,
    Numeric,
    Occlusion,
    Order,
    QuestionBase,
    Short,
    TrueFalse,
    card_key,
    stable_number,
)
from quizmg.study.grading import (
    LETTERS,
    Grade,
    grade_cloze,
    grade_match,
    grade_mcq,
    grade_numeric,
    grade_order,
    grade_short,
    grade_truefalse,
)


@dataclass(frozen=True)
class Asked:
    """One card put to the learner."""

    deck_id: str
    question: QuestionBase
    ordinal: int = 1
    shown: tuple[int, ...] = ()  # mcq: choice shown at each place; order: step; match: right side
    typed: bool = False  # cloze answered by typing (quizzes) instead of reveal-and-rate

    @property
    def kind(self) -> str:
        """The question's kind: basic, cloze, mcq, ..."""
        return self.question.kind  # type: ignore[attr-defined,no-any-return]

    @property
    def key(self) -> str:
        """The card's stable key, deck/question/ordinal."""
        return card_key(self.deck_id, self.question.id or "", self.ordinal)

    @property
    def self_rated(self) -> bool:
        """True when the learner reveals the answer and rates themself (basic, untyped cloze)."""
        return self.kind in SELF_RATED_KINDS and not (self.typed and self.kind == "cloze")

    def prompt(self) -> str:
        """The question's text for this card (the other side, for a reversed basic card)."""
        question = self.question
        if isinstance(question, Cloze):
            return question.render(self.ordinal)
        if isinstance(question, Occlusion):
            return question.ask(self.ordinal)
        if self.kind == "basic" and self.ordinal == 2:
            return question.answer_text()
        return question.prompt_text()

    def answer(self) -> str:
        """The answer for this card as plain text."""
        question = self.question
        if isinstance(question, Cloze):
            return ", ".join(question.deletions()[self.ordinal])
        if isinstance(question, Occlusion):
            return question.region_name(self.ordinal)
        if self.kind == "basic" and self.ordinal == 2:
            return question.prompt_text()
        return question.answer_text()

    def answer_key(self) -> str:
        """The answer as the learner would type it (letters, step numbers, pairs), for an answer key."""
        question = self.question
        if isinstance(question, MultipleChoice):
            return " ".join(LETTERS[place] for place, index in enumerate(self.shown) if question.choices[index].correct)
        if isinstance(question, TrueFalse):
            return "t" if question.answer else "f"
        if isinstance(question, Order):
            return " ".join(str(self.shown.index(index) + 1) for index in range(len(self.shown)))
        if isinstance(question, Match):
            items = question.right_items()  # shown[i] indexes these (h16: shared rights, distractors)
            return " ".join(
                f"{left + 1}{LETTERS[self.shown.index(items.index(pair.right))]}"
                for left, pair in enumerate(question.pairs)
            )
        if isinstance(question, Numeric):
            return f"{question.answer:g}"
        return self.answer()

    def grade(self, given: str) -> Grade:
        """Grade a typed answer; raises grading.Unreadable when it is not an answer at all."""
        question = self.question
        if isinstance(question, MultipleChoice):
            return grade_mcq(question, given, self.shown)
        if isinstance(question, TrueFalse):
            return grade_truefalse(question, given)
        if isinstance(question, Short):
            return grade_short(question, given)
        if isinstance(question, Numeric):
            return grade_numeric(question, given)
        if isinstance(question, Order):
            return grade_order(question, given, self.shown)
        if isinstance(question, Match):
            return grade_match(question, given, self.shown)
        if isinstance(question, Cloze):
            return grade_cloze(question, self.ordinal, given)
        raise TypeError(f"{self.kind} questions are rated by the learner, not graded")

    def self_marked(self, knew: bool) -> Grade:
        """The grade of a card the learner marks themself after seeing the answer."""
        return Grade(knew, self.answer(), "(marked by the learner)")


def _shuffled(count: int, rng: random.Random, *, avoid_identity: bool) -> tuple[int, ...]:
    places = list(range(count))
    rng.shuffle(places)
    if avoid_identity and count > 1 and places == sorted(places):
        # Steps or pairs shown already in order would give the answer away.
        places = places[1:] + places[:1]
    return tuple(places)


def ask(deck_id: str, question: QuestionBase, ordinal: int, seed: int, *, typed: bool = False) -> Asked:
    """Put a card to the learner with its parts arranged by `seed` (the same seed, the same look)."""
    rng = random.Random(stable_number(f"{card_key(deck_id, question.id or '', ordinal)}#{seed}"))
    shown: tuple[int, ...] = ()
    if isinstance(question, MultipleChoice):
        count = len(question.choices)
        shown = _shuffled(count, rng, avoid_identity=False) if question.shuffle else tuple(range(count))
    elif isinstance(question, Order):
        shown = _shuffled(len(question.items), rng, avoid_identity=True)
    elif isinstance(question, Match):
        shown = _shuffled(len(question.right_items()), rng, avoid_identity=True)
    return Asked(deck_id, question, ordinal, shown, typed)
