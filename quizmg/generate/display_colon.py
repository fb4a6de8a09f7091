"""A sentence that ends in a colon before an equation.

A chemistry or economics text often states a definition in full and then shows it as a formula: 'The mass
percentage of a solution component is defined as the ratio of the component's mass to the solution's mass,
expressed as a percentage:' and, on its own line, 'mass percentage = ... × 100%'. The words before the colon
are a whole sentence; the equation only restates them. Such a sentence is read as a sentence (its colon a
full stop), not left out as a fragment.

It stays a fragment when the words before the colon need the equation to say anything: they end on a verb,
a function word or an adverb of consequence ('The pH and pOH of a neutral solution are therefore:', 'This
implies:'), or they point at the display ('is defined as shown here', 'as follows', 'these values').
"""

from __future__ import annotations

import re

from quizmg.generate.words import PRONOUN_STARTS, STOP_WORDS, VERB_WORDS, adverb_ly, word_set

_EQUATION = re.compile(r"[=⟶→⇌⇄↔≤≥<>]")
_POINTS_AT_DISPLAY = re.compile(
    r"\b(?:here|below|follows|following|shown|this|these|thus|therefore|hence|so|then|yields?|gives?|becomes?)\b",
    re.I,
)
# Words that leave the sentence to the display: an adverb of consequence, the display's own name ('... by the
# reaction:', '... the equation:'), an example announced ('for example:').
_OPEN_ENDS = word_set(
    "therefore thus hence then so also too again now respectively equation equations expression expressions "
    "formula formulas relation relations relationship reaction reactions example examples instance"
)


def whole_before_display(piece: str, following: str | None) -> bool:
    """True when `piece` ends in a colon, the next piece of the text is an equation, and the words before
    the colon make a whole sentence on their own."""
    if not piece.endswith(":") or following is None or not _EQUATION.search(following):
        return False
    if following.rstrip().endswith((".", "!", "?")) and len(following.split()) > 6:
        return False  # the next piece is prose that holds an equation, not the display itself
    words = re.findall(r"[\w’'-]+", piece[:-1])
    if len(words) < 8 or not piece[:1].isupper() or words[0].lower() in PRONOUN_STARTS:
        return False
    last = words[-1].lower()
    if last in STOP_WORDS or last in VERB_WORDS or last in _OPEN_ENDS or adverb_ly(last):
        return False  # 'are therefore:', 'is given by:', 'can be written as:': the display completes it
    return _POINTS_AT_DISPLAY.search(piece) is None
