"""Linking adverbials that answer the sentence before: a sentence built on one cannot be quoted alone.

A grammar book sorts the adverbials that join a sentence to the one before by what they say of it.
Most leave the sentence's own claim whole: contrast and likeness ('In contrast, punishment always
decreases a behavior', 'Likewise, chlorine functions as an oxidizing agent'), result ('Thus X ...'),
example ('For example, X is ...'). The sentence read alone is still true and says what it says.

Others make the sentence a reply that holds only part of a claim, the rest being in the sentence
before, and read alone it says something else or nothing:

- substitution: 'Rather, ...', 'Instead, ...' (instead of what? the sentence before says what is NOT so);
- the other branch of a condition: 'Otherwise, ...' (otherwise than what?);
- exchange: 'In exchange, ...', 'In return, ...' (in exchange for what?);
- a whole earlier claim by a pro-form: 'The same is true for X', 'The same holds for X', 'The same goes
  for X', 'The same applies to X', 'So does X' (the same as what?).

The adverbial leans back only when it stands alone, set off by a comma, at the head of the sentence or
after its subject ('The bank, in return, pays ...'); with its own complement it says what it answers
('Instead of glucose, ...', 'In exchange for a loan, ...', 'Rather than X, ...') and the sentence
stands alone.
"""

from __future__ import annotations

import re

_REPLY_ADVERBIALS = (
    r"rather|instead|otherwise|in exchange|in return"
)
# At the head of the sentence (after an optional 'And/But/Yet'), or set off by commas after a subject.
_LINKED = re.compile(
    rf"^(?:(?:And|But|Yet)\s+)?(?P<head>{_REPLY_ADVERBIALS})\s*,"
    rf"|,\s*(?P<inner>{_REPLY_ADVERBIALS})\s*,",
    re.I,
)
# 'The same is true for X.' / 'The same holds for X.' / 'So does X.': a whole earlier claim, by reference.
_SAME_CLAIM = re.compile(
    r"^(?:(?:And|But|Yet|However|Moreover),?\s+)?(?:[Tt]he same (?:is|was|holds|goes|applies|can be said)\b"
    r"(?! as\b)|So (?:do|does|did|is|are|was|were|can|will)\s)"
)


def reply_to_before(text: str) -> str | None:
    """The linking words by which a sentence answers the one before it, or None.

    'Instead, we test ...' -> 'Instead'; 'The same is true for status.' -> 'The same is';
    'Instead of glucose, yeast uses ...' -> None (the adverbial names what it answers).
    """
    stripped = text.lstrip(" \"'“‘(")
    linked = _LINKED.search(stripped)
    if linked:
        return linked.group("head") or linked.group("inner")
    same = _SAME_CLAIM.search(stripped)
    if same:
        return same.group(0).strip()
    return None


# Linking adverbials built of a preposition and a noun: the noun there links two sentences or clauses and names
# nothing ('In [contrast], the frequency ...', 'as a [result]', 'on [average]'), even where the text teaches the
# same word as a term ('contrast' in microscopy, 'response' in physiology).
_LINKING_NOUNS = {
    "in": frozenset({"contrast", "addition", "fact", "turn", "general", "particular", "practice", "theory", "effect",
                     "short", "summary", "conclusion", "comparison", "sum", "principle", "part", "order", "response",
                     "return", "exchange", "total", "essence", "reality", "brief"}),
    "by": frozenset({"contrast", "comparison", "definition", "chance", "design"}),
    "on": frozenset({"average", "balance", "purpose"}),
    "as a": frozenset({"result", "consequence", "rule", "whole"}),
    "at": frozenset({"least", "first", "last", "times", "random"}),
}
_PREPOSITION_BEFORE = re.compile(r"\b(in|by|on|as a|at)\s+$", re.I)


def in_linking_phrase(hidden: str, before: str) -> str | None:
    """The linking phrase a one-word blank is the noun of ('in contrast', 'as a result'), or None."""
    preposition = _PREPOSITION_BEFORE.search(before)
    if preposition is None or hidden.lower() not in _LINKING_NOUNS[preposition.group(1).lower()]:
        return None
    return f"{preposition.group(1)} {hidden}"
