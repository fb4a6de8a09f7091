"""A blank of two words whose first only grades, qualifies or places the second: the writer's wording, not a term.

'measured by [different observers]', 'weak at [large distances]', 'performance at [specific wavelengths]',
'made of [tiny lenses]': the noun names the things, the adjective is the writer's comment on which or how many
of them, and a learner cannot tell which words the blank wants. The text neither marks nor defines such a
phrase; it only says it again once or twice. One the text sets as a term ('weak acids', 'positive
externality'), defines ('the [useful work]') or uses as a name again and again ('the short run') stays.
"""

from __future__ import annotations

from quizmg.generate.frequency import EVALUATIVE, PLACING, QUALIFYING
from quizmg.generate.terms import TermIndex
from quizmg.generate.words import word_set

# Adjectives of size or extent beside frequency.py's grading, qualifying and placing ones.
_SIZE = word_set("tiny huge enormous big little vast maximum minimum")
# Words in PLACING that are nouns as often as adjectives, and name the thing in a physics or economics text:
# 'current loops', 'present value', 'past performance'.
_NOUN_TOO = word_set("current present past")
# A sign names a kind, not a grade: 'a [negative velocity]', 'a [positive charge]'.
_SIGNS = word_set("positive negative")
_OPENERS = (EVALUATIVE | QUALIFYING | PLACING | _SIZE) - _NOUN_TOO - _SIGNS
_SET_KINDS = frozenset({"marked", "emphasised", "acronym", "compound", "heading"})
_NAMING_SOURCES = frozenset({"glossary", "called", "copula"})
NAME_USES = 6  # uses after which the text treats a graded phrase as a name ('the short run')


def graded_phrase(hidden: str, terms: TermIndex) -> str | None:
    """Why a two-word blank that opens on a grading, qualifying or placing word is poor, or None."""
    words = hidden.split()
    if len(words) != 2 or words[0].lower() not in _OPENERS or not words[1].islower():
        return None
    term = terms.get(hidden)
    if term is not None and (term.kinds & _SET_KINDS or term.definition_source in _NAMING_SOURCES
                             or ("defined" in term.kinds and term.definition_source != "comma")
                             or term.count >= NAME_USES):
        return None  # a comma after it ('depends on [two factors], the ...') lists, it does not define
    return f"hides a noun under the writer's grading word ({hidden!r}): no term the text sets"
