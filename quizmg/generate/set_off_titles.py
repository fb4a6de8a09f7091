"""Titles a text sets in italics: the name of a book, a show, a ship or a study, whole.

'the Ingalls family of *Little House on the Prairie* book and television fame': a blank on 'Little House' asks
for half of a name, with the rest shown after it ('[...] on the Prairie'). The emphasis marks where the name
begins and ends, so the name is known even where its small words ('on the') hide its shape. A span of two
words or more set as a title counts (every word but the small ones capitalised); a stressed word ('*not*'),
a term in bold ('**Sensory Memory**') or one the text marks does not.

Such a span also names a work, not a thing the text teaches in other words: where the text writes the same
words in lower case ('frontier life', beside the television show *Frontier Life*), the emphasis is the
title's, and lends the phrase no weight as a term (term_finding).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizmg.generate.linked_titles import is_title, title_holding


def set_off_titles(italics: Iterable[str], marked: Iterable[str] = ()) -> frozenset[str]:
    """The spans set in italics, of two words or more, written as titles; not a term the text marks
    ('**Sensory Memory**{: data-type="term"}'), and without the quotation marks around one."""
    terms = {bare_title(term).casefold() for term in marked}
    spans = (bare_title(span) for span in italics)
    return frozenset(span for span in spans
                     if len(span.split()) >= 2 and is_title(span) and span.casefold() not in terms)


_QUOTES = "“”\"‘’' "


def cut_title(context: str, start: int, end: int, titles: frozenset[str]) -> str | None:
    """The set-off title of which context[start:end] is a part, not the whole, or None."""
    return title_holding(context, start, end, titles, longer=True)


def bare_title(span: str) -> str:
    """An emphasised span without the quotation marks around it ('“Slave Power”' -> 'Slave Power')."""
    return span.strip(_QUOTES)


def written_in_lower_case(title: str, texts: Iterable[str]) -> bool:
    """True when some sentence writes the title's words in lower case: a common phrase the title borrows."""
    lower = title.lower()
    words = re.compile(rf"(?<![\w-]){re.escape(lower)}(?![\w-])")
    return any(lower in text and words.search(text) for text in texts)  # a substring check first
