"""'Her' and 'his' with nobody named: the person of the sentence before, a case or a life told there.

A text that tells a case follows one person for several sentences ('Thus, her marginal utility from
another novel is high ...', 'We now know her tumour was caused by ...', 'Additionally, his work
supported ...'). Read alone, such a sentence is about nobody, or about someone the learner cannot see.
A sentence that names the person anywhere ('In building his catalogue, Linnaeus ...', a name after the
possessive is still the same sentence), or says who in general words ('a patient ... her symptoms', 'no
one ... his or her lifetime'), stands alone.
"""

from __future__ import annotations

import re

from quizmg.generate.frequency import zipf
from quizmg.generate.words import STOP_WORDS

# 'her' as a possessive: before a word, not 'to her.' or 'gave her a book' (the object, which names no thing
# owned but still needs its person: both count).
_OWNER = re.compile(r"\b(?:[Hh]er|[Hh]is)\b(?!\s+(?:or|/)\s+(?:his|her)\b)")
_EITHER = re.compile(r"\b(?:his|her)\s*(?:or|/)\s*(?:his|her)\b", re.I)
# Words that say who the person is in general terms: the sentence is about any such person.
_SOMEONE = re.compile(
    r"\b(?:person|individual|patient|client|child|infant|baby|toddler|adolescent|teenager|adult|man|woman|boy|girl"
    r"|mother|father|parent|son|daughter|sister|brother|wife|husband|spouse|partner|friend|student|learner|teacher"
    r"|worker|employee|employer|owner|consumer|buyer|seller|investor|borrower|lender|entrepreneur|manager|voter"
    r"|doctor|physician|nurse|therapist|scientist|researcher|participant|subject|victim|host|king|queen"
    r"|someone|somebody|anyone|everyone|one)\b",
    re.I,
)
_CAPITALISED = re.compile(r"\b[A-Z][a-z]+\b")
# A sentence's first word this common in English is an ordinary word ('Additionally', 'Based'), not a name
# ('Mendel', 'Darwin' are far rarer).
OPENING_WORD_ZIPF = 4.0


def unnamed_owner(text: str) -> str | None:
    """'her' or 'his' when the sentence names nobody it could stand for, else None."""
    plain = _EITHER.sub(" ", text)
    owner = _OWNER.search(plain)
    if owner is None or _SOMEONE.search(plain):
        return None
    for found in _CAPITALISED.finditer(plain):
        word = found.group(0)
        if found.start() == 0 and zipf(word.lower()) >= OPENING_WORD_ZIPF:
            continue  # 'Additionally, ...', 'Thus her ...': an everyday word capitalised to open, not a name
        if word.lower() not in STOP_WORDS and word not in ("Her", "His"):
            return None  # a name, before the possessive or after it
    return owner.group(0)
