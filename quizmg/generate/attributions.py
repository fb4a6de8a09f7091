"""A blank on who reports a claim: 'According to the [Washington Post], more married people vote ...'.

The sentence's fact is the claim; the name after 'according to' only says whose it is, and a learner who knows
the claim cannot tell the newspaper, agency or economist from the rest of the sentence. A theory or school of
thought after 'according to' ('According to [functionalism], ...', '[Malthusian theory]') is what the text
teaches: it is written in lower case, or ends on a lower-case word, and stays.
"""

from __future__ import annotations

import re

_ACCORDING_TO = re.compile(r"\b[Aa]ccording\s+to\s+(?:the\s+)?$")
_NAME_WORD = re.compile(r"[A-Z][\w.’'&-]*")


def source_blank(hidden: str, before: str) -> str | None:
    """Why a name right after 'according to' is a poor blank, or None."""
    words = hidden.split()
    if not _ACCORDING_TO.search(before) or not all(_NAME_WORD.fullmatch(word) for word in words):
        return None
    if len(words) == 1 and hidden.isupper():
        return None  # 'according to [GDP]': an acronym may name a measure the text teaches
    return f"hides who reports the claim ({hidden!r}), not the claim"
