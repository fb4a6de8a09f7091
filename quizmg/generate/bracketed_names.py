"""Two names of one thing, one of them in brackets: 'oxidation-reduction (redox) reactions'.

A text gives a thing's other name in brackets right after it, and the rest of the name may follow both:
'light-driven (photic) reactions' names 'light-driven reactions' and 'photic reactions'. Peers reads them
as one thing, so neither is a wrong choice beside the other.
"""

from __future__ import annotations

import re

# 'oxidation-reduction (redox) reactions': a word, one word in brackets, then the rest of the name.
_BRACKETED_WORD = re.compile(r"(?<![\w-])(?P<word>[\w-]+) \((?P<other>[\w-]+)\)(?P<rest>(?: [a-z][\w-]*){1,2})?")


def bracketed_names(text: str) -> list[tuple[str, str]]:
    """The two names a word in brackets gives: 'A (B) C' names 'A C' and 'B C' (and 'A (B)' names A and B),
    read with one or two words of the rest."""
    names = []
    for match in _BRACKETED_WORD.finditer(text):
        word, other = match.group("word"), match.group("other")
        names.append((word, other))
        rest = (match.group("rest") or "").split()
        for size in range(1, len(rest) + 1):
            tail = " ".join(rest[:size])
            names.append((f"{word} {tail}", f"{other} {tail}"))
    return names
