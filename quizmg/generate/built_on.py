"""An answer that a word of its own sentence is built on: the sentence shows the answer in another word.

'react with [fluorine] to form fluorides', 'coagulase-positive, meaning they produce [coagulase]', 'the enzyme
[RT] ... RT-PCR', '[specific heat capacity], commonly called its specific heat'. Split from blanks.py (the
give-away checks of a blank live there and call this).
"""

from __future__ import annotations

import re
from itertools import pairwise

from quizmg.generate.claim_sides import named_after
from quizmg.generate.words import STOP_WORDS

WORD = re.compile(r"[\w’'-]+|\|")
# Short prefixes that make a word of another: 'pre-transfusion', 'sub-species' show a one-word answer ('presynaptic'
# shows no more than the first word of '[synaptic vesicles]').
_PREFIXES = frozenset({"pre", "non", "sub", "dis", "mis", "tri", "uni", "bio", "neo", "out"})


def built_on_answer(hidden: str, before: str, after: str) -> str | None:
    """A word of the sentence built on the answer's first word: 'react with [fluorine] to form
    fluorides', 'In [dream analysis], ... the meaning of dreams'. The first word is the one that tells
    the answer apart; a head noun the sentence shares ('preventive vaccines ... [therapeutic vaccines]')
    or the same first word in a pair ('stimulus generalization') gives nothing away."""
    first = hidden.split()[0].lower() if hidden.split() else ""
    shown = f"{before} {after}"
    named = named_after(shown, hidden) or named_after(hidden, shown)
    if named:
        return named  # '[EEE] is caused by EEEV', 'EEE is caused by [EEEV]': a virus named after its disease
    words = WORD.findall(shown.lower())
    if hidden.isupper() and first.isalpha() and len(first) >= 2:  # 'the enzyme [RT] ... RT-PCR'
        return next((word for word in words if "-" in word and first in word.split("-")), None)
    if len(first) < 5 or not first.isalpha():
        return None
    # All but an ending of up to three letters, and the other word's own ending short too:
    # 'fluor-ine' / 'fluor-ides', 'psoria-sis' / 'psoria-tic'; not 'tropo-nin' / 'tropo-myosin'.
    compound = next((word for word in words if ("-" in word and first in word.split("-"))
                     or (len(first) >= 6 and word.endswith(first) and (
                         len(word) >= len(first) + 4 or (" " not in hidden.strip()
                                                         and word[: len(word) - len(first)] in _PREFIXES)))), None)
    if compound:
        # 'coagulase-positive, meaning they produce [coagulase]', 'The smallest class of [Proteobacteria] is
        # Epsilonproteobacteria': the answer is a part of another word of the sentence.
        return compound
    if first in words:
        # 'stimulus generalization and [stimulus discrimination]': a pair that shares its first word. Not a pair:
        # the answer's first two words again ('[specific heat capacity], commonly called its specific heat').
        return _shared_start(hidden.lower().split(), before, after)
    # Not word_forms.same_family: that reads 'dermis' in 'hypo-dermis' as one family, but a word that
    # lacks the answer's first letters shows nothing of what the blank hides. It must begin as the answer does.
    stem = first[: max(5, len(first) - 3)]
    return next((word for word in words if word.startswith(stem) and len(word) - len(stem) <= 4), None)


def _shared_start(answer: list[str], before: str, after: str) -> str | None:
    """The answer's first two words where the sentence shows them together, or None."""
    if len(answer) < 3 or answer[1] in STOP_WORDS:
        return None  # 'heat capacity' beside 'heat of ...', '[balance of payments]' beside 'balance of trade': a pair
    for part in (before, after):
        words = WORD.findall(part.lower())
        if any(first == answer[0] and second == answer[1] for first, second in pairwise(words)):
            return f"{answer[0]} {answer[1]}"
    return None
