"""A phrase reduced to its content words, each folded to its word family: the one rule for 'says the same thing'.

Three places ask whether two texts say the same thing: whether a question restates a fact asked above
(facts), whether a sentence of the document states a model's mechanism (model_extract), and whether
another chain's effect is unrelated to this one (chains). They all compare the same thing: the content
words, with the endings that make one word of a family another folded away ('louder', 'loudness' ->
'loud'; 'associated', 'association' -> 'associat'; 'hormones' -> 'hormone').

A word starts with a letter and runs on through letters, digits and inner hyphens or apostrophes, so
'T3' and 'T4', 'CO₂' and 'coagulase-positive' are words of their own; function words, -ly adverbs and
one-letter words are no content.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from quizmg.generate.terms import is_content_word, singular

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Endings that make another word of the same family: 'louder', 'loudness'; 'associated', 'association'.
_ENDINGS = ("nesses", "ness", "ations", "ation", "ities", "ity", "ments", "ment", "ings", "ing", "ied", "ed",
            "ers", "er", "est", "ly", "al")


@lru_cache(maxsize=65_536)
def stem(word: str) -> str:
    """A word's family: its singular without a common ending ('higher' -> 'high', 'loudness' -> 'loud')."""
    word = singular(word.lower().replace("’", "'").removesuffix("'s"))
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            word = word[: -len(ending)] + ("at" if ending.startswith("ation") else "")  # associ-ation, -ated
            break
    word = word.rstrip("e") if len(word) > 3 else word
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]  # 'bigg(er)' -> 'big'
    return word


@lru_cache(maxsize=65_536)
def _content_stems(text: str, skip: frozenset[str]) -> frozenset[str]:
    stems = set()
    for match in _WORD.finditer(text):
        word = match.group().lower().replace("’", "'").removesuffix("'s")
        if word in skip or not is_content_word(word):
            continue
        stems.add(stem(word))
    return frozenset(stems)


def content_stems(text: str, skip: Collection[str] = frozenset()) -> frozenset[str]:
    """The stems of a text's content words; words in `skip` (lower case, as written) are left out too."""
    return _content_stems(text, frozenset(skip))
