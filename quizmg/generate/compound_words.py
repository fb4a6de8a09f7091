"""Whether the word next to a blank makes the blank half of a compound noun, or is the blank's own verb.

'[elk] browsing', '[labor demand] curve': a noun or a describing word beside the blank would leave half of
a name in the sentence. '[aerobes] depend on', '[the larynx] vibrates', '[term] tells us': a verb that agrees
with the blank is what the sentence says of it, and the blank is whole.
"""

from __future__ import annotations

import re

from quizmg.generate.words import STOP_WORDS, VERB_WORDS, adverb_ly, word_set

# Words that open what follows a verb: 'the multiplier tells us', '... depends on', '... shows that'.
_AFTER_VERB = word_set(
    "us them him her it on upon that the a an its their whether how to into in from with by at as through"
    # a count after the verb: '[Diprotic acids] contain two ionizable hydrogen atoms'
    " two three four five six several many both"
)
# A describing word before a term leaves the term whole ('the strong [hydrogen bonding]'): common short
# adjectives, and the endings English adjectives take ('polar', 'ionic', 'colorless', 'significant').
_ADJECTIVES = word_set(
    "strong weak large small big high low great greater greatest new old same other single solid liquid "
    "various several many few most more less such whole full main key major minor common rare pure dry wet "
    "hot cold warm free normal different significant important distinct"
)
_ADJECTIVE_END = re.compile(r"(?:al|ar|ic|ous|ive|ful|less|able|ible|ary|ory|ile)$")
_MODALS = word_set("cannot can't won't mustn't shouldn't couldn't wouldn't")


def verb_before_object(word: str, after: str | None, *, plural: bool = False) -> bool:
    """True for 'tells' in '[term] tells us', 'depend' in '[aerobes] depend on': the verb of the term,
    not a second noun of a compound. A singular term takes the -s form, a plural one the plain form."""
    lower = word.lower()
    if lower in _MODALS:
        return True
    if after is None or after.lower() not in _AFTER_VERB:
        return False
    third_person = lower.endswith("s") and not lower.endswith("ss")
    return third_person != plural


def verb_of(word: str, hidden: str, verbs: frozenset[str]) -> bool:
    """True for a verb the text uses, in the form that agrees with the blank: '[vocal folds] vibrate',
    '[the larynx] vibrates'."""
    lower = word.lower()
    if hidden.lower().endswith("s") and not hidden.lower().endswith("ss"):
        return lower in verbs
    return lower.endswith("s") and (lower[:-1] in verbs or lower[:-2] in verbs)


def adjective(word: str) -> bool:
    lower = word.lower()
    return lower in _ADJECTIVES or (len(lower) > 5 and bool(_ADJECTIVE_END.search(lower)))


def modifies(word: str) -> bool:
    """True for a word that, right next to a blank, would make the blank half of a compound noun."""
    lower = word.lower()
    if lower in STOP_WORDS or lower in VERB_WORDS or adverb_ly(lower) or lower.endswith(("ing", "ed")):
        return False
    return not (lower.endswith("s") and (lower[:-1] in VERB_WORDS or lower[:-2] in VERB_WORDS))
