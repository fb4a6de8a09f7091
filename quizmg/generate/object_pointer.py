"""'this' or 'these' standing alone for what the sentence before told: 'Living cells accomplish this by ...'.

A sentence can point at the sentence before with a bare demonstrative anywhere in its first clause, not only after
a preposition at its head (sentence_use.bare_pointer): as the object of its verb ('Some animals use this to survive
the dry months', 'Analyses revealed this to be false', 'You can feel this when ...'), or as the subject of a clause
after an opening phrase ('At the same time this is happening, ...'). Read alone, it says nothing of what 'this' is:
the trick, the fact or the event the sentence before told.

'this' heads a noun when a noun follows it ('use this method to ...'), and a clause of the sentence's own before it
('Water expands as it freezes, and this is why ...', '...; these ...', 'If ..., this is ...', a long clause before a
comma) may hold what it means: then the sentence stands; so does 'this:' (a colon points ahead, 'The idea is this:
...'). 'those' is mostly a pronoun with its own phrase ('those with ...') and is read elsewhere.
"""

from __future__ import annotations

import re

# A bare 'this' or 'these': the word after it is a preposition, a verb of being, or a mark that ends a phrase, never a
# noun it heads.
_BARE = re.compile(
    r"\b(?:this|these)(?=\s+(?:from|by|with|through|via|because|when|if|as|into|in|to|for|on|at|over|under|without"
    r"|using|is|are|was|were|has|have|had|can|may|will|would|could|should|must|might|does|do|did)\b|\s*[,.;])"
)
# A clause of the sentence's own, or a word that opens one, before the pointer: what it means may be there.
_CLAUSE_BEFORE = re.compile(
    r"\b(?:and|but|or|nor|yet|which|that|who|whom|whose|because|while|whereas|so|if|when|whenever|although|though"
    r"|since|as|unless|until|once|after|before|where)\b|[;:—–(]"
)
# ... or a sentence that opens on a clause of its own: 'If a home is owned, this is an asset.', 'When ..., these ...'.
_OPENING_CLAUSE = re.compile(
    r"^(?:If|When|Whenever|Because|Although|Though|While|Since|As|Once|Unless|Until|After|Before|Whereas|Where)\b"
)
_FIRST_CLAUSE_WORDS = 14
_OPENING_PHRASE_WORDS = 6  # 'In a cold kitchen, ...': longer, the words before the comma are a clause of their own


def bare_object(text: str) -> str | None:
    """The words up to a bare 'this'/'these' that stands for what the sentence before told ('Living cells accomplish
    this'), or None when the sentence has none or may say itself what it means."""
    found = _BARE.search(text)
    if found is None or found.start() == 0:
        return None  # a sentence opening on 'This is ...' is read by sentence_use.leans_back
    before = text[: found.start()]
    if _CLAUSE_BEFORE.search(before) or _OPENING_CLAUSE.match(before) or len(before.split()) > _FIRST_CLAUSE_WORDS:
        return None
    # 'Each disc is anchored to its neighbours, thus uniting these': the words before the last comma may hold it.
    if "," in before and len(before.rsplit(",", 1)[0].split()) > _OPENING_PHRASE_WORDS:
        return None
    return text[: found.end()].strip()
