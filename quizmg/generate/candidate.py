"""A drafted question as the generator carries it: the question, its score, its facts, where it comes from."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from quizmg.generate.document import Sentence
from quizmg.generate.terms import fold
from quizmg.model import QuestionBase


@dataclass
class Candidate:
    """A drafted question with its score and the facts it asks about (to keep questions distinct)."""

    question: QuestionBase
    score: float
    facts: frozenset[str]
    answer: str
    sentence: Sentence | None = None
    mechanism: str | None = None  # for questions a mechanism template makes
    template: str | None = None
    problems: list[str] = field(default_factory=list)
    grouped: bool = False  # a multiple choice whose wrong choices the text itself groups with the answer
    repeat: bool = False  # chosen only once the document had nothing new to ask (ranking's second pass)

    @property
    def kind(self) -> str:
        """The question's kind: cloze, mcq, truefalse, short, basic or order."""
        return self.question.kind  # type: ignore[attr-defined]


def stable_id(kind: str, answer: str, sentence_text: str) -> str:
    """An id from the kind, the answer and the sentence's words: the same document gives the same ids."""
    digest = hashlib.sha256(f"{kind}\n{fold(answer)}\n{fold(sentence_text)}".encode()).hexdigest()[:8]
    slug = re.sub(r"[^a-z0-9]+", "-", fold(answer)).strip("-")[:30].strip("-") or "q"
    return f"{kind}-{slug}-{digest}"


def source_note(sentence: Sentence) -> str:
    """Where the question comes from, so a teacher can find it: section, sentence, line (or paragraph)."""
    where = f"section “{sentence.section}”, " if sentence.section else ""
    return f"Source: {where}sentence {sentence.position} ({sentence.place})."


def upper(text: str) -> str:
    return text[:1].upper() + text[1:]
