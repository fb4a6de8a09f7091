"""Whether a noun phrase after a comma renames the noun before it (an appositive, a definition).

'Aluminium is made from bauxite, an impure aluminium ore.' defines bauxite. A comma also closes an
opening phrase or a subordinate clause ('In most cases, the fever breaks'; 'If the rent is low enough,
the tenant stays'; 'Two weeks later, the bridge fell'), separates the items of a series ('a baker, a
plumber, a nurse'), or comes before a main clause of its own ('..., the lender will be wary'). Then
the phrase after it renames nothing, and the words before it are no term it defines.
"""

from __future__ import annotations

import re

from quizmg.generate.words import VERB_WORDS, adverb_ly, word_set

# Words that open a subordinate clause: the comma after such a clause ends it.
SUBORDINATORS = word_set(
    "if when whenever while although though because since unless until once whereas after before as "
    "where wherever whether"
)
# Prepositions that open an adverbial phrase at the head of a sentence ('In Portugal,', 'By comparison,').
PREPOSITIONS = word_set(
    "in at on by for from with without within during after before since until upon under over through "
    "throughout among between across despite like unlike beyond besides against toward towards along "
    "around behind beneath near into via per following"
)
# Words that end a phrase of time ('Two weeks later,', 'Years ago,').
_TIME_ENDS = word_set("later earlier ago afterward afterwards")
# Words that make a phrase a clause: a finite auxiliary, copula or modal of its own.
_FINITE = word_set("is are was were has have had will would can could may might must should shall does do did")
_RELATIVE = re.compile(r"\s(?:that|which|who|whom|whose|where|when)\s")
# After the phrase, the series goes on: ', a ...', ', and ...', ', janitors to clean up, and ...'.
_SERIES_GOES_ON = re.compile(r"^,\s+(?:and\s|or\s|(?:a|an|the)\s|[^,.;:()]{1,40},\s+(?:and|or)\s)", re.I)
# Words that join the last item of a series, or a clause, to what came before.
_JOINING = word_set("and or but nor")
# One or two words before a comma at the head of a sentence: 'However,', 'For example,', 'In turn,'.
_SHORT_OPENING = re.compile(r"^(?:[A-Za-z]+\s+)?[A-Za-z]+$")


def not_an_appositive(text: str, comma: int, end: int) -> str | None:
    """Why the phrase from `comma` (the comma's offset) to `end` in `text` is no appositive of the words
    before the comma, or None when it may be one."""
    before = text[:comma]
    clause = re.split(r"[;:()—]", before)[-1]  # a semicolon or a dash opens a clause of its own
    segments = [part.strip() for part in clause.split(",")]
    segment = segments[-1]
    words = segment.split()
    if not words:
        return "nothing before the comma"
    first = words[0].lower()
    if first in SUBORDINATORS:
        return f"the comma closes a subordinate clause ({segment!r})"
    if first in _JOINING:
        return f"the comma ends the last item of a series or a clause ({segment!r})"
    if len(segments) == 1 and len(words) == 1 and (first in VERB_WORDS or adverb_ly(first)):
        return f"the comma follows an opening word ({segment!r})"  # 'Remember, ...', 'Conversely, ...'

    opening = all(_SHORT_OPENING.match(part) for part in segments[:-1])
    if (opening or len(words) <= 3) and (first in PREPOSITIONS or words[-1].lower() in _TIME_ENDS):
        return f"the comma closes an opening phrase ({segment!r})"  # or a short aside: ', in essence,'

    if _SERIES_GOES_ON.match(text[end:]):
        return "the phrases are items of a series"
    phrase = text[comma + 1 : end]
    head = _RELATIVE.split(f" {phrase} ", maxsplit=1)[0]
    if any(word.lower() in _FINITE for word in head.split()):
        return f"a clause follows the comma ({phrase.strip()!r})"
    return None
