"""Where a word comes from: 'The name X comes from the Greek word for Y', '*Micro* is a Greek word that
means "small"', 'derived from the Latin word for flint, *silex*'.

Such a sentence teaches what a name means. A blank on the root word or on its gloss asks the word's
history, not the thing: a teacher asks the term the name belongs to ('[Streptococcus], the name of which
comes from ...', 'Each ligand is [monodentate], from the Greek for "one toothed"'), not its roots. On the
four h17 books minus the evaluation sections, the top 20s held four such blanks and short answers
('macro', 'Micro', 'silex', 'bunches of grapes'), all trivia.
"""

from __future__ import annotations

import re

_LANGUAGES = r"(?:ancient\s+)?(?:Greek|Latin|French|German|Arabic|Sanskrit|Old\s+English|Old\s+Norse|Hebrew)"
# 'the Greek word for', 'a Latin root meaning', 'the Greek words', 'from the Greek', 'Latin for'.
_ORIGIN = re.compile(
    rf"\b{_LANGUAGES}\s+(?:words?|roots?|terms?|names?)\b|\bfrom\s+(?:the\s+)?{_LANGUAGES}\b|\b{_LANGUAGES}\s+for\b"
)
# The blank as the word a sentence is about: '[Micro] also comes from Greek', '[Macro] is a Greek word ...'.
_MENTIONED = re.compile(
    rf"^\W{{0,2}}\s+(?:also\s+)?(?:(?:is|was)\s+(?:an?\s+|the\s+)?{_LANGUAGES}\b"
    rf"|(?:comes?|came|is\s+derived|was\s+derived|derives?)\s+from\s+(?:the\s+|an?\s+)?{_LANGUAGES})"
)
_GAP_WORDS = 8  # words, at most, between the origin's cue and a blank on its gloss or root
# What the name spells is a property of the thing named ('... the Latin word(s) for its [atomic number]').
_OWNER_BEFORE = re.compile(r"\b(?:its|their|his|her)\s+$", re.I)


def origin_blank(hidden: str, context: str, start: int, end: int) -> str | None:
    """Why a blank asks a word's origin (its root or the root's meaning), or None."""
    if _MENTIONED.match(context[end:]):
        return f"hides the word whose origin the sentence gives ({hidden!r}): a word's history, not a term"
    before = context[:start]
    cues = list(_ORIGIN.finditer(before))
    if not cues:
        return None
    cue = cues[-1]  # the nearest cue before the blank
    gap = before[cue.end():]
    if re.search(r"[;—–()]|\s-\s", gap) or len(gap.split()) > _GAP_WORDS or _OWNER_BEFORE.search(gap):
        return None  # the sentence has moved on from the name, or the blank is what the name says of its owner
    return f"hides the root or the meaning of a word ({hidden!r}): a word's history, not a term"


def word_origin_definition(definition: str) -> bool:
    """True when a 'definition' only says what language a word comes from ('a Greek word that means
    "large"', 'German for "slowing down"'): it defines a word, not a thing."""
    return bool(re.match(rf"^(?:an?\s+|the\s+)?{_LANGUAGES}\s+(?:(?:words?|roots?|terms?|prefix|suffix)\b|for\b)",
                         definition, re.IGNORECASE))
