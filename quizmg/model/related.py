"""Questions that give each other away, and an order that keeps them apart.

One place decides when two questions are *related*, for every order quizmg makes (the study
queue, quiz papers, worksheets) and for the linter:

- **siblings**: the cards of one question (the same id);
- **same mechanism**: two questions about one mechanism (generated decks ask about each
  mechanism several ways: shown back to back, one primes the other);
- **gives away**: what a learner reads of one question (its prompt, choices, steps or pairs,
  and, after answering, its answer and explanation) contains an answer of the other, as whole
  words (answers shorter than four letters, and bare numbers, are left out: they match by
  chance).

`spread` reorders a list so that no item follows one it is related to, keeping the original
order wherever it can: it never puts a give-away or a sibling within `window` places after
its partner, nor two questions of one mechanism side by side, unless nothing else is left.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from quizmg.model.questions import (
    Basic,
    Cloze,
    Match,
    MultipleChoice,
    Order,
    QuestionBase,
    Short,
    TrueFalse,
)

T = TypeVar("T")
MIN_ANSWER_LETTERS = 3
_WORD = re.compile(r"\w+")
_SENTENCE = re.compile(r"(?<=[.;:!?])\s+|\n+")
# Words of a prompt that say how it asks, not what it is about.
_FRAME_WORDS = frozenset(
    [
        "what", "which", "when", "where", "whom", "whose", "does", "that", "this", "these", "those",
        "with", "from", "into", "about", "complete", "statement", "following", "true", "false", "called",
        "meant", "name", "term", "each", "first", "last", "best", "describes", "describe", "answer",
        "choose", "order", "match", "steps", "they", "there", "their", "them", "then", "than", "have",
        "been", "being", "will", "would", "should", "could"
    ]
)


def fold(text: str) -> str:
    """Text as compared: accents and case dropped, words separated by single spaces."""
    bare = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(bare.casefold()))


def sentences(text: str) -> list[str]:
    """The sentences of a text, folded."""
    return [folded for part in _SENTENCE.split(text) if (folded := fold(part))]


def answers_of(question: QuestionBase) -> list[str]:
    """The texts that, read anywhere else, answer this question (folded)."""
    texts: list[str] = []
    if isinstance(question, Cloze):
        texts = [text for hidden in question.deletions().values() for text in hidden]
    elif isinstance(question, MultipleChoice):
        texts = [choice.text for choice in question.choices if choice.correct]
    elif isinstance(question, Short):
        texts = [question.answer, *question.accepted]
    elif isinstance(question, TrueFalse):
        texts = [question.statement] if question.answer else []
    elif isinstance(question, Basic):
        texts = [question.answer_text()]
    folded = (fold(text) for text in texts)
    return [text for text in folded if sum(ch.isalpha() for ch in text) >= MIN_ANSWER_LETTERS]


def cues_of(question: QuestionBase) -> frozenset[str]:
    """The words of a question's prompt that say what it is about (not its answer, not its frame)."""
    text = question.render(blank=" ") if isinstance(question, Cloze) else question.prompt_text()
    answer_words = {word for answer in answers_of(question) for word in answer.split()}
    return frozenset(
        word for word in fold(text).split() if len(word) >= 4 and word not in _FRAME_WORDS and word not in answer_words
    )


def shown_parts(question: QuestionBase) -> list[str]:
    """What the learner reads while answering: the prompt and what is chosen from."""
    parts = [question.render() if isinstance(question, Cloze) else question.prompt_text()]
    if isinstance(question, MultipleChoice):
        parts += [choice.text for choice in question.choices]
    elif isinstance(question, Order):
        parts += list(question.items)
    elif isinstance(question, Match):
        parts += [f"{pair.left} {pair.right}" for pair in question.pairs]
    return [sentence for part in parts for sentence in sentences(part)]


def seen_parts(question: QuestionBase) -> list[str]:
    """Everything the learner has read once the question is answered, sentence by sentence."""
    full = [question.prompt_text()] if isinstance(question, Cloze) else [question.answer_text()]
    return shown_parts(question) + [s for text in [*full, question.explanation] for s in sentences(text)]


def tells(parts: Sequence[str], answers: Sequence[str], cues: frozenset[str]) -> bool:
    """True when one sentence of `parts` holds an answer together with most of the cues of the
    question it answers: the fact the question asks for, stated."""
    if not cues or not answers:
        return False
    needed = max(1, -(-len(cues) * 6 // 10))
    for sentence in parts:
        padded = f" {sentence} "
        if any(f" {answer} " in padded for answer in answers) and sum(f" {cue} " in padded for cue in cues) >= needed:
            return True
    return False


def _contains(text: str, phrase: str) -> bool:
    return f" {phrase} " in f" {text} "


class Relations:
    """The relations among questions, with their texts folded once per question."""

    def __init__(self, questions: Iterable[QuestionBase] = ()) -> None:
        self._cache: dict[int, tuple[QuestionBase, list[str], frozenset[str], list[str], list[str]]] = {}
        for question in questions:
            self._texts(question)

    def _texts(self, question: QuestionBase) -> tuple[QuestionBase, list[str], frozenset[str], list[str], list[str]]:
        key = id(question)
        found = self._cache.get(key)
        if found is None:
            found = (question, answers_of(question), cues_of(question), shown_parts(question), seen_parts(question))
            self._cache[key] = found
        return found

    def gives_away(self, first: QuestionBase, then: QuestionBase) -> bool:
        """True when reading `first` (answered, explanation and all) answers `then`."""
        if first is then or (first.id is not None and first.id == then.id):
            return False
        _, answers, cues, _, _ = self._texts(then)
        return tells(self._texts(first)[4], answers, cues)

    def answer_each_other(self, one: QuestionBase, other: QuestionBase) -> bool:
        """True when either question's text, as printed (no answers shown), answers the other."""
        if one is other or (one.id is not None and one.id == other.id):
            return False
        _, one_answers, one_cues, one_shown, _ = self._texts(one)
        _, other_answers, other_cues, other_shown, _ = self._texts(other)
        return tells(one_shown, other_answers, other_cues) or tells(other_shown, one_answers, one_cues)

    def shown(self, question: QuestionBase) -> list[str]:
        """The question's printed sentences, folded."""
        return self._texts(question)[3]

    def tells_when_shown(self, giver: QuestionBase, asker: QuestionBase) -> bool:
        """True when `giver`'s printed text (no answer shown) states what `asker` asks for."""
        if giver is asker or (giver.id is not None and giver.id == asker.id):
            return False
        _, answers, cues, _, _ = self._texts(asker)
        return tells(self._texts(giver)[3], answers, cues)

    def close(self, one: QuestionBase, other: QuestionBase) -> bool:
        """Must not be near each other: siblings, or either gives the other away."""
        if one is other or (one.id is not None and one.id == other.id):
            return True
        return self.gives_away(one, other) or self.gives_away(other, one)

    @staticmethod
    def same_mechanism(one: QuestionBase, other: QuestionBase) -> bool:
        """Both ask about one mechanism."""
        return one.mechanism is not None and one.mechanism == other.mechanism


def spread(
    items: Sequence[T],
    question_of: Callable[[T], QuestionBase | None],
    relations: Relations | None = None,
    *,
    window: int = 3,
    after: Sequence[QuestionBase] = (),
    mechanisms: bool = True,
) -> list[T]:
    """`items` reordered so that related questions are kept apart (see the module docstring);
    `after` are the questions just shown before the first item; `mechanisms=False` keeps only
    siblings and give-aways apart, not questions of one mechanism."""
    if relations is None:
        relations = Relations(q for q in map(question_of, items) if q is not None)
    remaining = list(items)
    placed: list[QuestionBase] = list(after)
    result: list[T] = []
    while remaining:
        item = remaining.pop(first_fit(remaining, question_of, relations, placed, window=window, mechanisms=mechanisms))
        result.append(item)
        question = question_of(item)
        if question is not None:
            placed.append(question)
    return result


def first_fit(
    items: Sequence[T],
    question_of: Callable[[T], QuestionBase | None],
    relations: Relations,
    shown: Sequence[QuestionBase],
    *,
    window: int = 3,
    look: int | None = None,
    mechanisms: bool = True,
) -> int:
    """The index of the first of `items` (among the first `look`) that may follow `shown`: not
    close to any of the last `window` shown, and of another mechanism than the last one if
    possible; 0 when none fits."""
    recent = list(shown[-window:])
    last = shown[-1] if shown else None
    candidates = list(items)[:look]
    for strict in (True, False) if mechanisms else (False,):
        for index, item in enumerate(candidates):
            if _fits(question_of(item), recent, last, relations, strict):
                return index
    return 0


def _fits(
    question: QuestionBase | None,
    recent: list[QuestionBase],
    last: QuestionBase | None,
    relations: Relations,
    strict: bool,
) -> bool:
    if question is None:
        return True
    if any(relations.close(question, earlier) for earlier in recent):
        return False
    return not (strict and last is not None and relations.same_mechanism(question, last))
