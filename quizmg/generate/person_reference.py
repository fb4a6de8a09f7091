"""'He', 'she', 'her' and 'his' with nobody named: the person of the sentence before, a case or a life told there.

A text that tells a case follows one person for several sentences ('Thus, her marginal utility from
another novel is high ...', 'We now know her tumour was caused by ...', 'Additionally, his work
supported ...'). Read alone, such a sentence is about nobody, or about someone the learner cannot see.
A sentence that names the person anywhere ('In building his catalogue, Linnaeus ...', a name after the
possessive is still the same sentence), or says who in general words ('a patient ... her symptoms', 'no
one ... his or her lifetime'), stands alone.

'He' and 'she' as the subject need the name before them, or right after an opening phrase that holds the pronoun
('Based on what he had seen, Harvey argued ...'). The sentence's first word is a name only when it is one: an
everyday word capitalised to open the sentence ('Two days earlier, he ...', 'Initially she ...', 'Starting in
1900, he ...', 'First, he ...') names nobody, however common it is.
"""

from __future__ import annotations

import re

from quizmg.generate.frequency import zipf
from quizmg.generate.words import NUMBER_WORDS, STOP_WORDS, word_set

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


_PERSON = re.compile(r"\b(?:[Hh]e|[Ss]he)\b")
_HE_OR_SHE = re.compile(r"\b(?:he|she)\s*(?:or|/)\s*(?:he|she)\b", re.I)  # anyone
_GENERAL_PERSON = re.compile(
    r"\b(?:person|individual|patient|child|man|woman|boy|girl|mother|father|student|someone|one)\b", re.I
)
# Linking and framing words a sentence opens with, never a name.
_OPENERS = word_set(
    "for in however then thus also instead similarly likewise later example instance after when although because"
    " moreover indeed still"
)
_ORDINALS = word_set("first second third fourth fifth sixth seventh eighth ninth tenth last next")
# An opening clause or phrase that holds the pronoun ('Although he ...', 'Based on what he ...', 'Over the years
# that she ...'), then the name it stands for as the main clause's subject: 'When she arrived, Curie found ...',
# 'Because he ..., Snow’s map ...'. Not 'By 1911 he published two books, Men at Work ...' (the main clause's
# own subject, then a list of titles).
_OPENING_CLAUSE = re.compile(
    r"^(?:(?:Although|Though|Because|Since|When|Whenever|While|Before|After|Once|If|Unless|Until|As|Whereas"
    r"|Even\s+(?:though|if|as|when))\b|[A-Z][a-z]+(?:ed|ing)\b|.*\b(?:that|which|who|whom)\s+$)"
)
_NAME_AFTER_OPENING = re.compile(r"^[^,A-Z]*,\s+[A-Z][a-z][\w-]*(?:\s+[A-Z][a-z][\w-]*)*(?:[’']s\b|\s+[a-z])")


def everyday_opening(word: str, rest: str) -> bool:
    """True when the sentence's capitalised first word is an everyday word, not a name: a common word that is a
    count or an order ('Two', 'First'), an adverb or a participle ('Initially', 'Based', 'Starting'), or is
    followed by a comma ('Now, ...'). 'Smith’s', 'Maria recently ...' are names however common the word."""
    lowered = word.lower()
    if zipf(lowered) < OPENING_WORD_ZIPF:
        return False
    return lowered in NUMBER_WORDS or lowered in _ORDINALS or lowered.endswith(("ly", "ing", "ed")) \
        or rest.startswith(",")


def unnamed_person(text: str) -> str | None:
    """'he' or 'she' when the sentence names nobody before it (nor right after an opening phrase that holds it)
    and says who only in general words nowhere before it, else None."""
    text = _HE_OR_SHE.sub(lambda found: " " * len(found.group(0)), text)
    person = _PERSON.search(text)
    if person is None:
        return None
    before = text[: person.start()]
    if _GENERAL_PERSON.search(before):
        return None
    for found in _CAPITALISED.finditer(before):
        word = found.group(0)
        if word.lower() in STOP_WORDS or word.lower() in _OPENERS:
            continue
        if found.start() == 0 and everyday_opening(word, before[found.end():]):
            continue  # 'Two days earlier, he ...': a count, not a name
        return None
    if "," not in before and _OPENING_CLAUSE.match(before) and _NAME_AFTER_OPENING.match(text[person.end():]):
        return None  # 'Based on what he had seen, Harvey argued ...'
    return person.group(0)
