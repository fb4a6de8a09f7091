"""A term's definition asked after blanks on the term: new, unless a blank above already gave the meaning.

'What is the term for the Sun's apparent annual path ...?' after a cloze that only names the ecliptic asks what
the ecliptic is, which no blank asked: it is written, after the questions that are new (trust.py). But a blank
taken from the sentence that says what the term is ('About half the stars are [...]—two stars that orbit each
other') has already asked it: the definition question after it is the same fact twice, and a teacher deletes one.
A blank shows the meaning when it shares at least three content words with the definition, and they are at
least a third of the definition's.
"""

from __future__ import annotations

import re

from quizmg.generate.quality import normalised
from quizmg.generate.questions import Candidate
from quizmg.generate.terms import singular, singular_phrase
from quizmg.generate.words import STOP_WORDS

# Over the threshold, ranked after the questions that are new (a short deck gains it; a full one keeps its own).
DEFINED_AFTER_BLANK = 0.7
SHARED_WORDS = 3
SHARED_SHARE = 1 / 3
_ASKING = re.compile(r"^(?:what (?:is|are) (?:the term for|it called when)|which term means)\s+")


def definition_question(candidate: Candidate) -> bool:
    """A short answer asking for the term a definition gives ('What is the term for ...?')."""
    return candidate.kind == "short" and not candidate.template and any(
        fact.startswith("define:") for fact in candidate.facts)


def defined_after_blank(candidate: Candidate, defined: set[str], prompts: list[tuple[str, str]]) -> bool:
    """A definition question whose answer the questions above only blanked: never defined by a definition
    question, nor by a blank whose sentence gives the same meaning. `prompts` are the (prompt, answer) pairs
    above, normalised."""
    if not definition_question(candidate) or normalised(candidate.answer) in defined:
        return False
    meaning = _content(_ASKING.sub("", normalised(candidate.question.prompt_text())))
    answer = singular_phrase(normalised(candidate.answer))
    for prompt, earlier in prompts:
        if singular_phrase(earlier) != answer:
            continue
        shown = _content(prompt)
        shared = meaning & shown
        if len(shared) >= SHARED_WORDS and len(shared) >= SHARED_SHARE * len(meaning):
            return False  # the blank's sentence said what the term is
    return True


def _content(text: str) -> set[str]:
    return {singular(word) for word in text.split() if len(word) > 2 and word not in STOP_WORDS}
