"""The word after an acronym in brackets: a head noun it names with ('(DNA) polymerase'), or the verb of
the sentence ('(HNW) say that ...', '(OPR) collects ...'), which must never join a term.

The text shows a verb by a past form ('(HSS) began in'), by what follows it (an article or a number,
'to' and a plain verb, or 'that' opening a clause), or by using the word as a verb elsewhere ('will
calculate'); a word the text also puts after an article ('the polymerase') is a noun, whatever follows.
"""

from __future__ import annotations

from collections.abc import Collection

from quizmg.generate.clause_tail import verb_follows
from quizmg.generate.words import VERB_WORDS, adverb_ly, plain_forms, word_set

# Verbs whose subject is often an agency, a method or a group named by an acronym: 'the OPR collects
# ...', 'people with a condition (ABC) show ...', 'the method (XYZ) allows ...'. Their -s, -ed and plain forms.
_SUBJECT_VERBS = word_set(
    "refer serve ensure allow permit consider calculate collect supervise estimate report find show conduct "
    "occur appear experience measure indicate reveal suggest claim publish define recommend require "
    "regulate oversee monitor track"
)
# Past forms that do not end in -ed.
_PAST_FORMS = word_set(
    "found shown known made given taken seen done held kept led began begun became rose risen fell fallen grew "
    "grown took came went wrote written drew drawn brought thought sought told said spent sent"
)
# Past forms in -ed too short for the length test below ('bed', 'shed' and 'red' are no verbs).
_SHORT_PAST = word_set("used owed aged died tied eyed")


def verb_after_acronym(written: str, following: list[str], verbs: Collection[str], nouns: Collection[str]) -> bool:
    """True when `written`, the word straight after an acronym in brackets as the text writes it, is a verb
    (or an adverb), not the head noun of a longer name. `following` are the words after it; `verbs` the
    words the text uses as verbs ('will calculate'), `nouns` those it puts after an article or a possessive."""
    if written[-1:] in ",.;:":
        return False  # '(ABC) cell, a second ...', '(XYZ) scans.': a name ends there
    word = written.lower()
    if adverb_ly(word):
        return True  # '(NPB) regularly compares ...'
    if (word.endswith("ed") and not word.endswith("eed") and len(word) > 4) or word in _PAST_FORMS | _SHORT_PAST:
        return True  # '(SRT) conducted by ...': a noun never has a past form
    if verb_follows(following):
        return True  # '(OPR) lists two ...'
    if plain_forms(word) & set(nouns):
        return False  # '(XYZ) tests that detect ...': the text also says 'a test'; 'curves', 'the curve'
    known = set(verbs) | _SUBJECT_VERBS | VERB_WORDS
    if word.endswith("s") and not word.endswith("ss") and plain_forms(word) - {word} & known:
        return True  # '(OPR) collects prices': the -s form of a verb
    if word in _SUBJECT_VERBS:
        return True  # 'people with a condition (ABC) show ...': a plural subject before the acronym
    # '(HNW) say that rents ...': 'that' after a word the text never names as a thing opens its clause
    return bool(following) and following[0].lower() == "that"

