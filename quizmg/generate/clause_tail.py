"""A run of words that ends in its subject's verb: 'Ricardian equivalence holds', 'economies appear'.

A noun phrase is never followed straight by an article, a possessive or a number or quantifier that opens
another noun phrase ('holds the view', 'lists two categories', 'lists several subtypes'), by an
adverb made with -ly ('holds completely true') or by 'to' and a plain verb ('tend to be'); a verb is. A
phrase whose last word takes a verb's shape (an -s form after a singular word, a plain form after a
plural) and that the text only ever follows with such words is a clause, however often it recurs: its
last word is the verb. Where the text also ends a sentence or a clause with it, or puts an auxiliary
after it ('price controls are'), it names a thing.
"""

from __future__ import annotations

from quizmg.generate.words import adverb_ly, word_set

_AFTER_VERB_ONLY = word_set(
    "a an the its their his her our my your several many numerous various two three four five six seven eight nine ten"
)
_NOT_A_VERB_AFTER_TO = word_set("a an the this that these those its their his her our some any each every")


def verb_shaped(words: list[str]) -> bool:
    """True when the last of `words` can be the verb of the words before it: 'equivalence holds',
    'economies appear' (a plural and a plain form), 'traits varies' (an -s form agrees with a head further back)."""
    if len(words) < 2:
        return False
    last, before = words[-1].lower(), words[-2].lower()
    if not last.isalpha():
        return False
    if _s_form(last):
        return True
    return _s_form(before) and not last.endswith("s")


def _s_form(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def verb_follows(following: list[str]) -> bool:
    """True when the words after a phrase show that its last word was a verb: an article, a possessive,
    a number or a quantifier ('lists two categories'), an -ly adverb, or 'to' and a plain verb ('appear
    to have')."""
    if not following:
        return False
    first = following[0].lower()
    if first in _AFTER_VERB_ONLY or adverb_ly(first):
        return True
    return first == "to" and len(following) > 1 and following[1].isalpha() and following[1].islower() \
        and following[1] not in _NOT_A_VERB_AFTER_TO and not following[1].endswith(("ing", "ed")) \
        and (not following[1].endswith("s") or following[1].endswith("ss"))  # 'to assess', never 'to cells'
