"""Which sentences are worth quoting in a question, and how much a sentence and a term teach."""

from __future__ import annotations

import re

from quizmg.generate.document import Sentence
from quizmg.generate.terms import Term
from quizmg.generate.words import PRONOUN_STARTS, word_set


def sentence_score(sentence: Sentence, text: str, terms_found: int, has_mechanism: bool) -> float:
    """How much a sentence teaches: key terms, a mechanism, a readable length, no loose pronoun."""
    words = text.split()
    score = 1.0 + 0.6 * min(terms_found, 3) + (0.8 if has_mechanism else 0.0)
    if len(words) < 7:
        score -= 1.0
    if len(words) > 40:
        score -= 1.0 + (len(words) - 40) / 20
    if words and words[0].lower().strip(",") in PRONOUN_STARTS:
        score -= 1.5
    if sentence.is_fragment:
        score -= 2.0
    if re.search(r"\b(may|might|could|perhaps|possibly)\b", text, re.I):
        score -= 0.3
    if re.search(r"\b(according to|I|we|you|our)\b", text):
        score -= 0.6
    if text.rstrip().endswith("?"):
        score -= 3.0
    return score


def usable(sentence: Sentence, text: str) -> bool:
    """A sentence good enough to quote in a question."""
    words = text.split()
    return (
        not sentence.is_fragment
        and 6 <= len(words) <= 45
        and not text.rstrip().endswith("?")
        and words[0].lower().strip(",") not in PRONOUN_STARTS
        and words[0].lower().strip(",") not in IMPERATIVES
        and text[:1].isupper()
        and not _NEEDS_CONTEXT.search(text)
    )


# A sentence that leans on something outside it: 'these impairments', 'this reaction', a figure, a
# video, an episode of a table, a named study. Quoted in a question it cannot be understood.
_NEEDS_CONTEXT = re.compile(
    r"\b(?:[Tt]his|[Tt]hese|[Tt]hose)\s+(?!is\b|are\b|was\b|were\b|can\b|may\b|will\b)[a-z][\w-]*"
    r"|\b(?:[Ff]igure|[Ff]ig\.|[Tt]able|[Gg]raph|[Cc]hart|[Dd]iagram|[Vv]ideo|[Ee]pisodes?|[Aa]nimation|[Ss]imulation)\b"
    r"|\b(?:[Aa]s (?:discussed|described|shown|noted|mentioned|seen))\b"
    r"|\b[Yy]ou (?:have|will|may|might) (?:read|seen|learned|learnt|recall)\b"
    r"|^(?:Step|Stage|Part) \d"  # 'Step 3: When CO2 ...': a step of a list the reader cannot see
    r"|\b(?:is|are) (?:an? |one |another )?examples?\.?$"  # 'The X of 2009 is an example.'
    # Two sentences the splitter left together ('at high pH. Lipids are ...'): never one question.
    r"|[A-Za-z0-9⁺⁻)][.!?] [A-Z][a-z]"
)


# A sentence opening with one of these tells the reader to do something ("Draw the graph ...",
# "Consider a market ..."): an exercise or a thought experiment, not a fact to learn.
IMPERATIVES = word_set(
    "draw explain describe consider imagine suppose think calculate compare list identify use let note recall see "
    "watch "
    "look try remember predict sketch show find assume discuss label name design write read plot graph"
)


def term_value(term: Term, topic_share: float) -> float:
    """A term's worth as an answer; the document's main topic is too easy to guess."""
    value = term.weight()
    return value * 0.35 if topic_share > 0.3 else value
