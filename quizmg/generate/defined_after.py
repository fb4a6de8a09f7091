"""A term's definition asked after blanks on the term: new, unless a blank above already gave the meaning.

'What is the term for the Sun's apparent annual path ...?' after a cloze that only names the ecliptic asks what
the ecliptic is, which no blank asked: it is written, after the questions that are new (trust.py). But a blank
taken from the sentence that says what the term is ('About half the stars are [...]—two stars that orbit each
other') has already asked it: the definition question after it is the same fact twice, and a teacher deletes one.
A blank shows the meaning when it shares at least three content words with the definition, and they are at
least a third of the definition's; or when its sentence names or defines the blank ('... are called [...]', '...
is known as the [...]', 'the charge can leak away: this is called [...]', '[...] is a rock that ...'): the
sentence gives the term with what it is, in its own words, and the glossary's line then asks the same term twice
('... is called a [...]' then 'What is the term for each such ...?').
"""

from __future__ import annotations

import re

from quizmg.generate.defining_blanks import defining_blank, glossed_blank
from quizmg.generate.quality import normalised
from quizmg.generate.questions import Candidate
from quizmg.generate.terms import singular, singular_phrase
from quizmg.generate.words import STOP_WORDS

# Over the threshold, ranked after the questions that are new (a short deck gains it; a full one keeps its own).
DEFINED_AFTER_BLANK = 0.7
SHARED_WORDS = 3
SHARED_SHARE = 1 / 3
SHORT_MEANING = 4  # content words of a short definition
SHORT_SHARED = 2
_ASKING = re.compile(r"^(?:what (?:is|are) (?:the term for|it called when)|which term means)\s+")


def definition_question(candidate: Candidate) -> bool:
    """A short answer asking for the term a definition gives ('What is the term for ...?')."""
    return candidate.kind == "short" and not candidate.template and any(
        fact.startswith("define:") for fact in candidate.facts)


def defined_after_blank(candidate: Candidate, defined: set[str], prompts: list[tuple[str, str]]) -> bool:
    """A definition question whose answer the questions above only blanked: never defined by a definition
    question, nor by a blank whose sentence gives the same meaning. `prompts` are the (prompt, answer) pairs
    above, normalised."""
    answer = singular_phrase(normalised(candidate.answer))
    if not definition_question(candidate) or answer in {singular_phrase(term) for term in defined}:
        return False
    meaning = _content(_ASKING.sub("", normalised(candidate.question.prompt_text())))
    for prompt, earlier in prompts:
        if singular_phrase(earlier) != answer:
            continue
        if said_above(meaning, _content(prompt)):
            return False  # the blank's sentence said what the term is
    return True


def said_above(meaning: set[str], shown: set[str]) -> bool:
    """True when a blank's words (`shown`) carry a definition's meaning: three of its content words that are a
    third of them; or, for a short definition ('a small, new offshoot of a church'), two that are half of them.
    A short definition is its head noun and a modifier or two: the blank that shares its noun and one more word
    ('a [sect] often begins as an offshoot of a church') has said what it says."""
    shared = meaning & shown
    if len(shared) >= SHARED_WORDS and len(shared) >= SHARED_SHARE * len(meaning):
        return True
    return len(meaning) <= SHORT_MEANING and len(shared) >= SHORT_SHARED and 2 * len(shared) >= len(meaning)


def _content(text: str) -> set[str]:
    return {singular(word) for word in text.split() if len(word) > 2 and word not in STOP_WORDS}


# 'the electron leaves the atom: this is called [...]': a name for what the sentence has just said.
_NAMES_WHAT_WAS_SAID = re.compile(
    r"\b(?:this|that|which)\s+(?:is|was)\s+(?:called|known\s+as|termed)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)


def single_blank(candidate: Candidate) -> tuple[str, int] | None:
    """A cloze of one blank: its prompt and where the blank stands in it; None for any other question."""
    if candidate.kind != "cloze" or not candidate.answer:
        return None
    prompt = candidate.question.prompt_text()
    at = prompt.find("[...]")
    if at < 0 or prompt.find("[...]", at + 1) >= 0:
        return None
    return prompt, at


def defines_blank(prompt: str, at: int, answer: str) -> bool:
    """True when the sentence, its blank filled with the answer, names or defines it (defining_blanks.py)."""
    filled = prompt[:at] + answer + prompt[at + len("[...]"):]
    return defining_blank(filled, at, at + len(answer))


def names_its_answer(candidate: Candidate) -> bool:
    """A cloze whose sentence names or defines the blank: it has asked what the term is, as a definition
    question would."""
    blank = single_blank(candidate)
    if blank is None:
        return False
    prompt, at = blank
    filled = prompt[:at] + candidate.answer + prompt[at + len("[...]"):]
    if not (_NAMES_WHAT_WAS_SAID.search(prompt[:at]) or defines_blank(prompt, at, candidate.answer)
            or glossed_blank(filled, at, at + len(candidate.answer))):
        return False
    # 'L1 and L2 are jointly called [...]', 'Thus cos x is called the [...]': a name for symbols tells nothing
    # of what the term is; the definition question still asks it.
    said = _content(normalised(prompt)) - _content(normalised(candidate.answer)) - _NAMING_WORDS
    return len({word for word in said if word.isalpha()}) >= SAID_WORDS


SAID_WORDS = 3
_NAMING_WORDS = frozenset({"called", "known", "termed", "named", "referred", "described", "collectively", "jointly",
                           "together", "mean", "refer", "defined"})
