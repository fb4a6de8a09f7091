"""A blank that opens with a superlative hides a rank, not a term.

'The [closest large spiral] is ...', 'The economy has the [largest output] in the world', 'The records of
the [earliest] finds are lost': the blank asks the learner to guess how the sentence grades a thing
('largest', 'closest'), which the rest of the sentence gives no way to tell from 'smallest' or 'farthest';
the name it grades stays in view or is missing altogether. A superlative is read from a list of everyday
gradable adjectives, so a noun in -est ('interest', 'forest', 'protest') is never one.
"""

from __future__ import annotations

import re

from quizmg.generate.words import word_set

_GRADABLE = word_set(
    "large small big close near far early late old young bright faint dim high low hot cool cold warm great "
    "heavy light dense fast slow long short strong weak rich poor deep wide thick thin simple easy hard new "
    "full rare common"
)


def _superlatives() -> frozenset[str]:
    forms = set()
    for word in _GRADABLE:
        if word.endswith("e"):
            forms.add(word + "st")  # 'largest', 'closest'
        elif word.endswith("y"):
            forms.add(word[:-1] + "iest")  # 'earliest', 'easiest'
        else:
            forms.add(word + "est")  # 'brightest', 'oldest'
            if len(word) <= 4 and word[-1] in "gtnm" and word[-2] in "aeiou" and word[-3:-2] not in "aeiou":
                forms.add(word + word[-1] + "est")  # 'biggest', 'hottest', 'thinnest', 'dimmest'
    return frozenset(forms | {"farthest", "furthest", "best", "worst"})


SUPERLATIVES = _superlatives()


def ranked_blank(hidden: str) -> str | None:
    """Why a blank that opens with a superlative ('largest output', 'most distant galaxy') is poor, or None."""
    words = hidden.lower().split()
    if not words:
        return None
    if words[0] in SUPERLATIVES or (words[0] in {"most", "least"} and len(words) > 1):
        return f"hides a rank ({hidden!r}): how the sentence grades a thing, not a term"
    return None


# A rank the text only offers, as what the sentence claims ('refraction is perhaps the most important behavior of
# light', 'Perhaps the most common unit of heat is ...'): an opinion of which thing comes first, which no learner
# could answer as a fact. As an aside ('Arguably the most radical pamphlet of its era, Common Sense made ...', 'The
# brightfield microscope, perhaps the most common type, is ...') it leaves the sentence's own claim to ask.
_RANK = r"(?:one\s+of\s+)?the\s+(?:single\s+)?(?:most|least|best|worst|[a-z]+est)\b"
_HEDGED_RANK = re.compile(
    rf"\b(?:is|are|was|were|remains?)\s+(?:perhaps|arguably|probably|possibly)\s+{_RANK}"
    rf"|(?:^|,\s+)(?:[Pp]erhaps|[Aa]rguably|[Pp]robably|[Pp]ossibly)\s+{_RANK}[^,;]*?\s(?:is|are|was|were)\b"
)


def hedged_rank(sentence: str) -> str | None:
    """Why no blank in a sentence that claims a rank with a hedge makes a fair question, or None."""
    found = _HEDGED_RANK.search(sentence)
    return f"the sentence claims a rank with a hedge ({found.group(0)!r}): an opinion, not a fact" if found else None
