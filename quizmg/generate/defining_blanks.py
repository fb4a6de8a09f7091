"""A blank in the sentence that says what its term is: the sentence a teacher asks a term from.

A term comes back in many sentences of a section: where the text brings it in and says what it is, and
where it only uses it ('Diagnosis of [infectious arthritis] requires ...', 'After ingestion, eggs hatch ...,
causing [hydatid disease]'). A teacher asks the term once, from the sentence that names or defines it:

- a verb of naming before the blank: 'Another cestode, Echinococcus granulosus, causes a serious infection
  known as [hydatid disease].', 'the silver electrode is referred to as the [cathode]', 'the condition is
  called [cysticercosis]';
- the blank as the subject of a definition: '[Reliability] refers to the ability to ...', 'An [isotope] is
  one of two or more forms of an element ...', '[Charles's law] states that ...'. 'The [opportunity set]
  identifies all the opportunities ...' does not count (its verb says what the thing does, not what it is),
  nor '[Sulfur dioxide] is a gas at room temperature' (one thing said of it, not a kind picked out).

Reviewed blanks (sets t5-t9, s7, s8) in such a sentence were accepted 74 of 81 times, against 310 of 502 in
other sentences that do not open on the blank. A blank in the sentence that marks the term (marked_sentences.py)
is the other sign of the same thing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from quizmg.generate.candidate import Candidate
from quizmg.generate.quality import normalised
from quizmg.generate.terms import singular

# How far under the best question that names or defines a term another question on it is put.
PREFERRED = 0.05

# A verb of naming right before the blank, with its article: 'known as the [...]', 'is called [...]'.
_NAMED_BEFORE = re.compile(
    r"\b(?:(?:is|are|was|were|be|been)\s+)?(?:called|known\s+as|termed|referred\s+to\s+as|named|described\s+as)"
    r"\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
# 'so-called X' and 'what Keynes termed X' name the thing in passing, not where the text brings it in; 'this is
# called X' names what the sentence has just told ('the voltmeter reads +0.46 V, this is called the [cell
# potential]'), often a case, not the term.
_IN_PASSING = re.compile(
    r"(?:\bso-|\bwhat(?:\s+[\w’']+){1,2}\s+|\b(?:this|that|it)\s+(?:is|was)\s+)(?:called|known\s+as|termed)"
    r"\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE)
# Nothing but an article before the blank: the term opens its sentence.
_OPENS = re.compile(r"^(?:(?:The|A|An)\s+)?$")
# What follows a subject that a sentence defines: 'is the/one ...', 'refers to', 'is defined as', 'means',
# 'states that' (a law). A bracketed acronym or symbol and a comma aside may stand between ('[Tay-Sachs
# disease] (TSD), a ..., is').
_BETWEEN = r"^(?:\s+\([^()]{1,40}\))?(?:,[^,]{1,80},)?\s+"
# A comparison is no definition: '[Endomorphs] are the opposite of ectomorphs', 'Heart disease is one such'.
_COMPARED = r"(?!\s+(?:opposite|reverse|same|inverse|converse|such)\b)"
_DEFINED_AFTER = re.compile(
    _BETWEEN + rf"(?:(?:is|are)\s+(?:(?:the|one|any){_COMPARED}\s|defined\s+as\b)|refers?\s+to\b|means\b"
    r"|states?\s+that\b)",
    re.IGNORECASE,
)
# 'is a/an Y' defines only when the Y is picked out ('a graph that shows', 'a protein made by', 'a network of
# nerves connecting', 'a sensory relay for the brain'): '[Sulfur dioxide] is a gas at room temperature',
# '... is a moderately strong acid' and '... is a different kind of property' say one thing of it.
_KIND_AFTER = re.compile(_BETWEEN + r"(?:is|are)\s+an?\s+(?P<kind>[^,;:.]{3,120})", re.IGNORECASE)
_PICKED_OUT = re.compile(
    r"\b(?:that|which|who|whose|where|in\s+which|by\s+which|for)\b|\b\w+ed\s+(?:by|to|for|in|from|as|with)\b"
    r"|\b[a-z]+\s+[a-z]{3,}ing\b",
    re.IGNORECASE)


def defining_blank(text: str, start: int, end: int) -> bool:
    """True when the blank text[start:end] is the term a verb of naming introduces, or the subject of a
    sentence that says what it is."""
    before, after = text[:start], text[end:]
    if _NAMED_BEFORE.search(before) and not _IN_PASSING.search(before):
        return True
    if not _OPENS.match(before):
        return False
    if _DEFINED_AFTER.match(after):
        return True
    kind = _KIND_AFTER.match(after)
    return kind is not None and _PICKED_OUT.search(kind.group("kind")) is not None


def prefer_defining(candidates: Iterable[Candidate], group: Callable[[str], str]) -> None:
    """Put every question that asks a term from a sentence that only uses it under the best blank on it in a
    sentence that names or defines it. (Not under a 'What is the term for <definition>?': its definition is
    read by looser rules, and a wrong one would push the term's good blanks down.)

    The ranking asks an answer once (ranking.select, facts.Asked): whichever sentence ranks first is the one a
    teacher sees. A sentence full of key terms ('... causing [hydatid disease]') outscores the plain sentence
    that says what the term is; this moves only the questions on answers such a sentence asks, and only
    below it, so the rest of the deck keeps its order."""
    candidates = list(candidates)
    best: dict[str, float] = {}
    for candidate in candidates:
        if candidate.defines and not candidate.problems:
            key = _answer_key(candidate.answer, group)
            best[key] = max(best.get(key, candidate.score), candidate.score)
    if not best:
        return
    others: dict[str, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.defines or candidate.template or candidate.kind not in {"cloze", "mcq", "short"}:
            continue
        key = _answer_key(candidate.answer, group)
        if key in best:
            others.setdefault(key, []).append(candidate)
    for key, asked in others.items():
        # All moved by one step, so their own order stands: the next best of them is still the next best.
        shift = max(candidate.score for candidate in asked) - (best[key] - PREFERRED)
        if shift > 0:
            for candidate in asked:
                candidate.score -= shift


def _answer_key(answer: str, group: Callable[[str], str]) -> str:
    """One answer however it is written ('sacrificial anodes', 'sacrificial anode'), as ranking.select keys it."""
    return " ".join(singular(word) for word in normalised(group(answer)).split())
