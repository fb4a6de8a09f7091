"""What the text before a blank ends on, read from its end: the word before the blank past its adverbs, an
adverb in -ly, a comma. Each answers what a pattern anchored at the end ('...\\s+$') searched for from the start
of the text would find, without reading all of the text before the blank (split from blanks.py).
"""

from __future__ import annotations

import re

# The word before the blank, past any adverbs: 'may also [...]', 'do not always [...]'.
_BEFORE_ADVERBS = re.compile(r"([A-Za-z’']+)\s+(?:(?:also|still|often|usually|only|always|never|even|then|further|"
                             r"readily|rapidly|slowly|not|[a-z]+ly)\s+)*$")


def after_comma(before: str) -> bool:
    """True when `before` ends on a comma and a space or more (`,\\s+$`), told without searching all of it."""
    bare = before.rstrip()
    return len(bare) < len(before) and bare.endswith(",")


def adverb_before(before: str) -> str | None:
    """The word of three letters and more ending in -ly that `before` ends on, a space or more after it: what
    `\\b([a-z]{3,}ly)\\s+$` finds, read from the end rather than searched for from the start."""
    bare = before.rstrip()
    if len(bare) == len(before) or not bare.endswith("ly"):
        return None
    at = len(bare)
    while at and "a" <= bare[at - 1] <= "z":
        at -= 1
    # A word boundary before it: the start, or a character that is no letter, digit or '_'.
    if len(bare) - at < 5 or (at and (bare[at - 1].isalnum() or bare[at - 1] == "_")):
        return None
    return bare[at:]


_TAIL = 60


def word_before_adverbs(before: str) -> re.Match[str] | None:
    """`_BEFORE_ADVERBS.search(before)`, read in the last few words alone when they tell the same: its group is
    the same word. A match that starts before the tail leaves a match of its own words in the tail, at its
    first word; so a tail match after some other word, or none (the tail not all spaces), is the answer."""
    if len(before) <= _TAIL:
        return _BEFORE_ADVERBS.search(before)
    tail = before[-_TAIL:]
    found = _BEFORE_ADVERBS.search(tail)
    if (found is None and not tail.isspace()) or (found is not None and tail[: found.start()].strip()):
        return found
    return _BEFORE_ADVERBS.search(before)
