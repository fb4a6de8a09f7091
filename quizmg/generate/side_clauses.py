"""A blank in an opening clause that its sentence does not assert.

'Even if the line between [...] and opinion is blurred, the method still ...' grants a supposition in order to
claim something else; 'Although there is no agreement on how [...] form, it is clear that ...' grants that a
thing is not known. A blank there asks the learner to recall what the sentence only supposes or leaves open,
while what it teaches is in the main clause. A concession that states a fact ('Although a cell's [...] stays
the same, ...', 'While [...] is set by one body, ...') is asserted, and stays.
"""

from __future__ import annotations

import re

_OPENING = r"^(?:(?:But|And|Yet|So|Still|However),?\s+)?"
# The clause runs to its first comma, colon, semicolon or dash: the blank lies inside it when none comes first.
_CLAUSE_REST = r"\b[^,;:—–]*$"
_SUPPOSED = re.compile(_OPENING + r"even\s+if" + _CLAUSE_REST, re.I)
_UNSETTLED = re.compile(
    _OPENING
    + r"(?:although|though|while|even\s+though)\s+(?:"
    r"there\s+(?:is|are|was|remains?)\s+(?:still\s+)?(?:(?:no|little|some|much|considerable|ongoing)\s+)?"
    r"(?:agreement|consensus|uncertainty|debate|disagreement|controversy|doubt)"
    r"|(?:it|this)\s+(?:is|remains)\s+(?:still\s+)?(?:unclear|uncertain|unknown|not\s+(?:yet\s+)?(?:known|clear))"
    r"|we\s+do\s+not\s+(?:yet\s+)?know)"
    + _CLAUSE_REST,
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def side_clause_blank(hidden: str, before: str) -> str | None:
    """Why a blank inside an 'Even if ...' clause, or a concession that something is unknown, is poor, or None.

    `before` is the text the learner reads before the blank (a sentence shown first is cut off)."""
    own = _SENTENCE_END.split(before)[-1]
    if _SUPPOSED.search(own):
        return f"hides a word of what the sentence only supposes ({hidden!r}), not of what it claims"
    if _UNSETTLED.search(own):
        return f"hides a word of what the sentence grants is unknown ({hidden!r}), not of what it claims"
    return None
