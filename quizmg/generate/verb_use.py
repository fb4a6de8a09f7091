"""Which words a text uses as verbs, so that term finding does not take a verb and its object for a name.

'sodium reacts', 'how they relate to', 'ions migrate to', 'to motivate employees' in a text that has
'motivation': the word is a verb in use there, and the run of words around it is a clause, not a term.
Split out of term_finding.py (stop 27) when that file passed 400 lines.
"""

from __future__ import annotations

from itertools import pairwise

from quizmg.generate.document import Document
from quizmg.generate.terms import tokens
from quizmg.generate.words import DETERMINERS, STOP_WORDS, word_set

# After a verb that moves or acts: 'ions migrate to', 'voters participate in'.
_AFTER_ACTING = word_set("to into across through from toward towards with at in on out away")


def acts(word: str, words: list[str], index: int, seen: set[str]) -> bool:
    """True when a word with a substance's ending ('migrate', 'participate') is used as a verb: the text
    has its -ing or -ed form too, it follows a subject pronoun or a modal ('how they relate to', 'will
    migrate'), or it stands between a plural noun and a preposition ('ions migrate to'); a salt
    ('phosphate') has none of these."""
    stem = word[:-1] if word.endswith("e") else word
    if f"{stem}ing" in seen or f"{stem}ed" in seen:
        return True
    before = words[index - 1].lower() if index > 0 else ""
    after = words[index + 1].lower() if index + 1 < len(words) else ""
    if before in _SUBJECT_PRONOUNS or before in _AUXILIARY_BEFORE:
        return True
    return plural(before) and before not in STOP_WORDS and after in _AFTER_ACTING


_SUBJECT_PRONOUNS = word_set("they we you i")


def verb_by_form(word: str, seen: set[str]) -> bool:
    """True when a word made to be a verb ('motivate', 'organize', 'classify') has its noun of the act,
    its -ing or its -ed form in the text ('motivation'): used as a verb, not as a name's first word."""
    if not word.endswith(("ate", "ize", "ise", "ify")):
        return False
    stem = word[:-1]
    forms = (f"{stem}ion", f"{stem}ation", f"{word[:-1]}ication", f"{stem}ing", f"{stem}ed", f"{word}d")
    return any(form in seen for form in forms)


def plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


VERB_OPENERS = word_set("to will can may might could would should must not cannot")
_VERB_BEFORE = word_set("to will can may might could would should must both they not cannot")


# Only a verb follows these ('will salivate', 'cannot grow'); 'to' also opens a noun phrase ('lead to edema').
_AUXILIARY_BEFORE = word_set("will can may might could would should must not cannot")


def verbs_in_use(document: Document) -> set[str]:
    """Words the document uses as verbs ('will react', 'both react'): 'sodium reacts' is then a
    clause, never a recurring noun phrase to ask about."""
    found: set[str] = set()
    for sentence in document.sentences:
        words = [m.group().lower() for m in tokens(sentence.text)]
        found.update(after for before, after in pairwise(words) if before in _VERB_BEFORE)
    return found


def uses(document: Document) -> tuple[set[str], set[str]]:
    """The words the document uses after an auxiliary ('will salivate'), and those after an article."""
    verbs: set[str] = set()
    nouns: set[str] = set()
    for sentence in document.sentences:
        for before, after in pairwise(m.group().lower() for m in tokens(sentence.text)):
            if before in _AUXILIARY_BEFORE:
                verbs.add(after)
            elif before in _ARTICLES:
                nouns.add(after)
    return verbs, nouns


# Only a noun phrase follows these ('the shape', 'its release'); 'that' also opens a clause ('that shape').


_ARTICLES = DETERMINERS - word_set("that this these those")
