"""A drafted question cut short where a formula stood: '... the y-value when?', '... either up or?', '... of a
series circuit is?'. The words the formula held are gone, and the question stops on a word that needs more after
it. Split out of quality.py (grammar_problems), which was at 400 lines.
"""

from __future__ import annotations

import re

# An article, a conjunction or a verb of being never ends a question of six words or more ('What is it?' is short).
_DANGLING_END = re.compile(r"\s(the|a|an|and|or|nor|either|neither|when|whereas|while|if|than|is|are|was|were)\s*\?$",
                           re.IGNORECASE)
DANGLING_WORDS = 6
# 'is' or 'are' closing a clause of its own subject: 'the person who we actually are?' stands.
_OWN_SUBJECT = re.compile(r"\b(?:I|we|you|they|he|she|it|one)\s+(?:\w+\s+)?(?:is|are|was|were)\s*\?$", re.IGNORECASE)


def dangling_end(question: str) -> str | None:
    """The word a question of DANGLING_WORDS words or more stops on when it cannot end one, or None."""
    found = _DANGLING_END.search(question)
    if found is None or len(question.split()) < DANGLING_WORDS or _OWN_SUBJECT.search(question):
        return None
    return found.group(1)
