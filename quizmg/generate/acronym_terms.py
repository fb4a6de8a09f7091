"""Acronyms a sentence spells out in brackets, recorded as terms with their expansions (term_finding.py).

The first spelling out stays: a later bracket after other words refers back to it ('..., and sexual transmission
(STIs)'), unless the text marks the later one as its key term or its words give the letters better.
"""

from __future__ import annotations

import re

from quizmg.generate.acronym_expansion import initials_spelled, schwartz_hearst
from quizmg.generate.acronym_heads import verb_after_acronym
from quizmg.generate.document import Sentence
from quizmg.generate.terms import ACRONYM_PAREN, TERM_VERBS, fold, singular_phrase
from quizmg.generate.words import STOP_WORDS

PLURAL_ACRONYM = re.compile(r"[A-Z][A-Z0-9-]*[A-Z0-9]s")  # 'EIAs', 'NSAIDs', 'RTs'


def add_acronyms(sentence: Sentence, add: object, verbs: set[str], nouns: set[str], marked: set[str]) -> None:
    """Records each acronym the sentence spells out in brackets ('non-steroidal anti-inflammatory drugs
    (NSAIDs)'), its expansion, and the pair with a head noun after it ('ELISA test'), as one group of terms.
    `add` is find_terms' recorder; `verbs` and `nouns` tell a head noun from a verb after the acronym;
    `marked` holds the phrases the text marks as key terms."""
    text = sentence.text
    for match in ACRONYM_PAREN.finditer(text):
        acronym = text[match.start() + 1 : match.end() - 1]  # as written: "NSAIDs"
        before = text[: match.start()].split()
        expansion = schwartz_hearst(before, match.group(1))
        if expansion is None:
            continue
        known = add(acronym, "acronym", sentence)  # type: ignore[operator]
        if known is not None and known.expansion and _other_words(known.expansion, expansion) \
                and not _better_spelling(expansion, known.expansion, acronym, marked):
            # Spelled out before: a later bracket refers back to it ('..., and sexual transmission (STIs)'),
            # unless the text marks it as the key term or its words give the letters better.
            continue
        after = text[match.end() :].split()
        head = after[0].strip(",.;:") if after else ""
        group = fold(acronym)
        made = [known, add(expansion, "expansion", sentence)]  # type: ignore[operator]
        # A plural acronym ('EIAs', 'NSAIDs') is a noun phrase whole: the word after it is its verb
        # ('EIAs rely on ...'), never a head noun, which would take the singular ('EIA kits').
        plural = PLURAL_ACRONYM.fullmatch(acronym) is not None
        if head and head.islower() and head.isalpha() and head not in STOP_WORDS \
                and head not in TERM_VERBS and len(head) > 2 and not plural \
                and not verb_after_acronym(after[0], after[1:], verbs, nouns):
            made.append(add(f"{acronym} {head}", "acronym", sentence))  # type: ignore[operator]
            made.append(add(f"{expansion} {head}", "expansion", sentence))  # type: ignore[operator]
        for term in made:
            if term is not None:
                term.group = group
                if term.text == acronym:
                    term.expansion = expansion


def _better_spelling(new: str, old: str, acronym: str, marked: set[str]) -> bool:
    """True when a later spelling out of an acronym should replace the earlier: the text marks it as its key
    term and not the earlier ('**reverse transcriptase PCR (RT-PCR)**' after 'reverse transcription
    followed by polymerase chain reaction (RT-PCR)'), or, marked alike, its words' initials give more of
    the letters."""
    if (fold(new) in marked) != (fold(old) in marked):
        return fold(new) in marked
    return initials_spelled(new, acronym) > initials_spelled(old, acronym)


def _other_words(one: str, other: str) -> bool:
    """Two spellings out of an acronym that are not one name in another number or case."""
    return fold(singular_phrase(one)) != fold(singular_phrase(other))
