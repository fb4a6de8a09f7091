"""Drafted questions built by hand for the ranking tests: a cloze on one of a document's sentences, and a
definition question from its glossary. The shared builders the trust tests call."""

from __future__ import annotations

from quizmg.generate.document import Sentence
from quizmg.generate.questions import Candidate
from quizmg.model import Cloze, Short


def cloze_candidate(sentence: Sentence, answer: str, score: float = 3.0) -> Candidate:
    """A cloze over the first `answer` in the sentence, with the fact it asks ('<sentence>:<answer>')."""
    prompt = sentence.text.replace(answer, "{{c1::" + answer + "}}", 1)
    return Candidate(Cloze(id=f"cloze-{answer.replace(' ', '-')}-{sentence.index}", text=prompt), score,
                     frozenset({f"{sentence.index}:{answer.lower()}"}), answer, sentence)


def definition_candidate(term: str, definition: str) -> Candidate:
    """'What is the term for <definition>?', asked from the glossary (no source sentence)."""
    question = Short(id=f"short-{term.replace(' ', '-')}", prompt=f"What is the term for {definition}?", answer=term)
    return Candidate(question, 2.5, frozenset({f"define:{term}"}), term, None)
