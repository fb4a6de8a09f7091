"""A blank that swallows its sentence's only verb: '[Electrons flow] from the anode to the cathode.'

The term finder can read a subject and its verb as one name ('electrons flow', 'perspective looks') when
the text uses the pair again. Blanked, the pair leaves a sentence with no verb around the gap, and the
learner must supply a clause, not a term.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from quizmg.generate.words import BE_FORMS, DO_FORMS, HAVE_FORMS, MODALS, VERB_WORDS, plain_forms, word_set

_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# Words that make a clause a clause whatever the text's subject: being, having, the modals.
_FINITE = BE_FORMS | HAVE_FORMS | DO_FORMS | MODALS | word_set(
    "be been being am shall isn't aren't wasn't weren't hasn't haven't doesn't don't didn't can't cannot won't"
)
# What opens a verb's complement right after it: 'flow from', 'looks at', 'report that'.
_AFTER_VERB = re.compile(
    r"^\s*(?:from|at|to|into|onto|through|on|upon|with|toward|towards|across|along|over|under|that)\b", re.I
)


def swallows_main_verb(hidden: str, before: str, after: str, verbs: Collection[str]) -> bool:
    """True when a blank of two words or more ends where a verb's complement begins and no word outside
    it can be the sentence's verb. `verbs` are the words the document uses as verbs.

    Before the blank, where the verb of a sentence whose object is blanked stands ('The line separates
    the [...] from ...'), any word in -s may be that verb; after it, such words are the complement's
    plurals ('looks at your behaviours')."""
    if len(hidden.split()) < 2 or not _AFTER_VERB.match(after):
        return False
    for side, word in [("before", w) for w in _WORD.findall(before)] + [("after", w) for w in _WORD.findall(after)]:
        low = word.lower().replace("’", "'")
        if low in _FINITE or low in VERB_WORDS or low in verbs or low.endswith("ed"):
            return False
        if low.endswith("s") and any(form in verbs for form in plain_forms(low)):
            return False  # 'converts' where the text uses 'convert'
        if side == "before" and len(low) > 3 and low.endswith("s") and not low.endswith("ss"):
            return False
    return True
