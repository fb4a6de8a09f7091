"""Blanks a comparison leaves open, and sentences that say nothing a learner could get wrong.

'Unlike [...], some compounds produce hydroxide ions ...' tells what the blank is not: every other thing
the text names fits it. 'Like [...], the infection is diagnosed by ...' compares with something the
sentence does not describe. 'Like all opioids, [...] has abuse potential' names a class, and any of its
members fits. 'Like many other [...], cocaine blocks reuptake' is different: the blank is the class of
the sentence's subject, which the learner can name.

'[Repetitive patterns] of behavior can be exhibited a number of ways.' says only that a thing takes
several forms; it teaches nothing until the forms are named. Likewise a sentence that says only that a thing
matters or is studied ('X has been very influential in the field of ...', 'X is an active area of research',
'X has been the subject of much research'): the learner learns that it matters, not what it is. A sentence
that says what it matters for ('X is important for clotting') is left alone. So are a sentence that says
only that a thing varies ('The number of X made from one sugar varies.') and one that says only that a kind has
kinds, none named ('There are several types of X.'), and one that says only that a thing is complex, difficult or
large ('The details of X are complex.').
"""

from __future__ import annotations

import re

# The openers of a comparison, one list for every rule that reads them (partners.py too).
COMPARED = (
    r"(?:Unlike|Like|As\s+with|Compared\s+(?:with|to)|In\s+contrast\s+to|Contrary\s+to|Similar\s+to|Just\s+as\s+with)"
)
# The blank is what a comparison sets the subject against: 'Unlike [...], ...', 'Like [...], ...'.
_AGAINST = re.compile(rf"(?:^|[.;:]\s+|^[A-Za-z]+,\s+){COMPARED}\s+(?:(?:the|a|an)\s+)?$")
# ... unless it names the subject's own class: 'Like many other [...], cocaine ...'.
_OWN_CLASS = re.compile(r"\b(?:Like|As with)\s+(?:many|most|all|other|some)\s+(?:other\s+)?$")
# The blank is the subject of a sentence whose opener names only its class: 'Like all opioids, [...] has ...'.
_MEMBER_OF = re.compile(rf"^{COMPARED}\s+(?:all|many|most|other|some)\s+[^,.;:]{{1,50}},\s+(?:(?:the|a|an)\s+)?$")

_SAYS_NOTHING = re.compile(
    r"\b(?:can|may|could|might)\s+(?:be\s+)?(?:exhibited|expressed|seen|shown|observed|displayed|manifested|"
    r"found|classified|divided|described|measured|defined|take|occur|appear|present|vary)"
    r"\s+(?:in\s+)?(?:a\s+number\s+of|many|several|various|different|numerous|a\s+variety\s+of)"
    r"\s+(?:ways|forms|manners|guises)\s*[.!]?$"
    r"|\b(?:takes?|comes?\s+in)\s+(?:many|several|various|different|numerous)\s+(?:forms|shapes)\s*[.!]?$"
    # Only that a thing varies: 'The yield of the harvest varies.', 'Prices differ widely.'
    r"|\b(?:varies|vary|differs|differ)(?:\s+(?:greatly|widely|considerably|significantly|enormously|dramatically"
    r"|a\s+lot))?\s*[.!]?$",
    re.I,
)
# Only that a kind has kinds, none of them named: 'There are several types of X.', 'There are three forms of X
# found in soil.' A colon and a list after ('There are two forms of X: A and B.') name them, and are left alone.
_KINDS_ONLY = re.compile(
    r"^There\s+(?:are|is|exist)\s+(?:many|several|numerous|various|different|a\s+number\s+of|a\s+variety\s+of|two"
    r"|three|four|five|six)\s+(?:(?:main|major|basic|different|distinct|general)\s+)?(?:types|kinds|forms|classes"
    r"|varieties|variations|categories|sorts)\s+of\s+[^,;:()]+?(?:\s+(?:found|seen|used|known)\s+(?:in|among)\s+"
    r"[^,;:()]+)?\s*[.!]?$"
)
_ONLY_MATTERS = re.compile(
    r"\b(?:is|are|was|were|has\s+been|have\s+been|remains?|has\s+become|have\s+become)\s+(?:also\s+)?"
    r"(?:(?:very|extremely|particularly|especially|highly|hugely|enormously|increasingly|still)\s+)?"
    r"(?:important|influential|popular|significant|valuable|widely\s+(?:used|studied|cited))"
    r"(?:\s+in\s+(?:the\s+)?(?:areas?|fields?|domains?|history|study)\s+of\s+[^,;:]{1,60})?\s*[.!]?$"
    r"|\b(?:is|are|remains?|has\s+become|have\s+become)\s+(?:also\s+)?(?:an?|one)\s+(?:(?:very|particularly|"
    r"increasingly)\s+)?(?:(?:active|important|major|growing|popular|lively)\s+)?(?:area|field|topic|subject)s?\s+"
    r"of\s+(?:(?:active|ongoing|current|much|intense)\s+)?(?:research|study|interest|investigation|debate)"
    r"(?:\s+(?:in|for|within|among)\s+[^,;:]{1,60})?\s*[.!]?$"
    r"|\bha(?:s|ve)\s+(?:also\s+)?been\s+(?:the\s+)?(?:subject|focus|topic)s?\s+of\s+(?:considerable|much|extensive|"
    r"a\s+great\s+deal\s+of|a\s+lot\s+of|intense|many|numerous)\s+(?:research|studies|study|debate|attention)"
    r"(?:\s+(?:by|in|among|over)\s+[^,;:]{1,60})?\s*[.!]?$",
    re.I,
)

# Only that a thing is hard, complex or large: 'The details of X are complex.', 'The amount of work this takes can
# be enormous.', 'Living up to a value can be difficult.' A sentence with another clause says more ('..., so
# prevention is difficult', '... heat, which is substantial', 'if ... is so uncertain'), and is left alone; so is
# 'X is hard to ...' and 'X is hard' (a property).
_ONLY_HARD = re.compile(
    r"^(?!.*\b(?:if|when|whenever|because|although|though|since|while|unless|whereas|which|that|who|whom|so|but)\b)"
    r"[^;:]*?\b(?:is|are|was|were|remains?|becomes?|(?:can|may|could|might|will|would)\s+be)\s+"
    r"(?:(?:also|very|quite|rather|inherently|extremely|highly|still|often|enormously|incredibly|fairly|so|much|"
    r"even|far|truly|more|usually|sometimes|certainly|indeed|especially|particularly)\s+)*"
    r"(?:complex|complicated|difficult|enormous|huge|immense|tremendous|considerable|substantial|challenging|"
    r"daunting|uncertain|unclear)\s*[.!]?$",
    re.I,
)

# Only that proposals exist: 'Several theories have been put forward to explain X.' What they say comes after.
_ONLY_PROPOSED = re.compile(
    r"^(?:Several|Many|Various|Numerous|Different|A\s+number\s+of|A\s+variety\s+of)\s+(?:(?:different|other|possible|"
    r"competing)\s+)?(?:theories|hypotheses|explanations|solutions|proposals|models|answers|ideas|accounts)\s+"
    r"(?:have\s+been|had\s+been|were|are)\s+(?:suggested|proposed|offered|put\s+forward|advanced|developed)"
    r"(?:\s+(?:to|for|by)\s+[^,;:]{1,60})?\s*[.!]?$",
    re.I,
)


def compared_blank(hidden: str, before: str) -> str | None:
    """Why a comparison leaves the blank open to other answers, or None."""
    if _AGAINST.search(before) and not _OWN_CLASS.search(before):
        return f"hides what the sentence compares with ({hidden!r}): any other thing fits"
    if _MEMBER_OF.match(before):
        return f"hides one member of the class the sentence opens with ({hidden!r}): any other member fits"
    return None


def says_nothing(text: str) -> bool:
    """True when a sentence only says that something takes several forms or ways ('... can be
    exhibited a number of ways.'), that it varies, that a kind has kinds, or only that it matters or is studied
    ('... is an active area of research.'), or only that explanations of it were proposed ('Several theories have
    been put forward to explain ...'), or only that it is complex, difficult or large ('... are complex.')."""
    text = text.strip()
    return bool(_SAYS_NOTHING.search(text) or _ONLY_MATTERS.search(text) or _KINDS_ONLY.match(text)
                or _ONLY_PROPOSED.match(text) or _ONLY_HARD.search(text))
