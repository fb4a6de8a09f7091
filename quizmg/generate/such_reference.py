"""'Such' before a noun inside a sentence: a thing of the kind the sentence before described.

'In fact, such a collision reduces the energy ...', 'Due to such concerns, poor nations have ...', 'for such
use', 'in such a short distance': which collision, which concerns, what use, the sentence before said. Read
alone, the sentence leaves its reader asking, as 'these' and 'this' do (sentence_use._POINTER), so it is asked
after the sentence before, when that one reads alone, or not at all.

'Such' also compares and counts without pointing back: 'such as' gives examples; 'such a way that', 'such a
strong effect that it ...', 'such areas of concern as poverty' carry their own measure (a 'that' or an 'as'
in the same clause); and 'a system where ..., and such a system is called ...' names its noun earlier in the
sentence itself. None of those leans.
"""

from __future__ import annotations

import re

from quizmg.generate.back_reference import named_before

# 'such', an optional article, then up to three words of the noun phrase; never 'such as', 'such that'.
_SUCH = re.compile(
    r"\b[Ss]uch\s+(?:an?\s+)?(?!(?:as|that|is|are|was|were)\b)(?P<phrase>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2})"
)
# The measure that completes 'such': 'such a way that', 'such ... as poverty'; looked for in the same clause.
_COMPLETES = re.compile(r"\b(?:that|as)\b")
_CLAUSE_END = re.compile(r"[;:.!?]")
_FUNCTION = frozenset({"the", "a", "an", "of", "in", "on", "at", "to", "for", "and", "or", "with", "by", "is", "are",
                       "was", "were", "can", "will", "would", "may", "could", "has", "have", "be"})


def such_reference(text: str) -> str | None:
    """The words 'such ...' (with up to three words after it) by which a sentence points at a thing the
    sentence before described ('such a collision'), or None when every 'such' in it gives examples, carries
    its own measure, or names a noun the sentence named before it."""
    for found in _SUCH.finditer(text):
        rest = text[found.end():]
        clause = rest[: m.start()] if (m := _CLAUSE_END.search(rest)) else rest
        if _COMPLETES.search(found.group("phrase")) or _COMPLETES.search(clause):
            continue
        words = []
        for word in found.group("phrase").lower().split():
            if word in _FUNCTION:
                break  # the noun phrase ends where a verb or a preposition starts
            words.append(word)
        if words and any(named_before(word, text[: found.start()]) for word in words):
            continue
        head = found.group(0)[: found.start("phrase") - found.start()]
        return " ".join(head.split() + found.group("phrase").split()[: max(len(words), 1)])
    return None
