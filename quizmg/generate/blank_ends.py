"""A blank of several words that ends where its phrase does not: on an adjective or on a formula's symbol.

- An adjective that takes a complement ('due to', 'perpendicular to', 'necessary for', 'capable of') ends no noun
  phrase: '[acceleration due] to gravity', 'the component of the [velocity perpendicular] to the field', 'the
  [second condition necessary] to reach balance'. The blank holds a noun and half of what describes it; its
  other half stands after the blank, so the answer is no term the text teaches. A recurring phrase the term
  finder counts ('acceleration due') is cut there, not at the noun.
- A formula's symbol after its term ('The [drift velocity vd] is ...', '[Centripetal force Fc] points ...'):
  the learner may name the quantity but cannot guess the letters the text gives it, which are no part of the
  term. A single capital ('vitamin A', 'MHC I', 'hepatitis B') often ends a name and is left to the name.
"""

from __future__ import annotations

import re

# Adjectives read with the preposition that opens their complement; a word that is also a noun with that
# preposition ('the mechanical equivalent of heat', 'a key characteristic of life') is left out of that pair.
_TAKES = {
    "to": "due necessary perpendicular parallel relative tangent proportional equal similar opposite close adjacent "
          "analogous comparable identical equivalent prior able unable subject susceptible resistant sensitive normal "
          "essential available specific native attributable common exposed related connected attached sufficient "
          "applicable unique vulnerable prone toxic harmful",
    "for": "responsible necessary essential sufficient available suitable ideal critical required needed eligible "
           "accountable crucial",
    "of": "capable incapable independent typical indicative aware devoid",
}
_COMPLEMENTED = {word: preposition for preposition, words in _TAKES.items() for word in words.split()}
_NEXT_WORD = re.compile(r"\s+([a-z]+)\b")


def cut_blank(hidden: str, after: str, symbols: frozenset[str]) -> str | None:
    """Why a blank `hidden`, followed by the text `after`, ends inside its phrase, or None."""
    words = hidden.split()
    if len(words) < 2:
        return None
    last = words[-1]
    following = _NEXT_WORD.match(after)
    taken = _COMPLEMENTED.get(last.lower())
    if taken and following and _opens(following.group(1), taken):
        return f"hides a noun and half of what describes it ({hidden!r} … {following.group(1)!r})"
    if last in symbols and _symbol_like(last):
        return f"hides a term with its formula's symbol ({last!r}): letters the text gives it, not the term"
    return None


def _opens(word: str, preposition: str) -> bool:
    # 'due to', 'necessary for'; 'necessary to achieve' opens an infinitive, which the adjective takes as well
    return word == preposition or (preposition == "for" and word == "to")


def _symbol_like(word: str) -> bool:
    """A symbol of letters: two or more ('vd', 'Fc', 'Tc', 'λobs') or one small letter ('v'), not one capital."""
    if len(word) == 1:
        return word.islower()
    return not word.isupper() or any(not character.isascii() for character in word)
