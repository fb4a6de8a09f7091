"""A blank on the setting of a claim, not on what the claim is about.

Two shapes put the blank where the sentence only says where its claim holds:

- the scope of a rank: 'the largest moon in the [...]', 'the reddest surface of any object in the [...]', 'the
  earliest history of the [...]', 'which we do not have in our own [...]'. The fact is the rank of the moon or
  the surface; the place it is ranked in is the frame, and the learner guesses it from the rank alone.
- a single place or expanse, or the reader's own world by name (Earth, the Sun, the Moon, the Galaxy), anywhere
  but as the subject of its sentence or clause: 'the brown dwarfs in the [local neighborhood]',
  'density ripples in the [early universe]', 'water can stay liquid on the [planet's surface]', 'if we
  confine the census to the [local neighborhood]'. The claim is about the dwarfs, the ripples, the water,
  the census; the place is where it happens.

A plural ('in [open clusters]', 'in [elliptical galaxies]') names a kind the claim compares or sorts, and a
place the text marks as a key term is taught for itself: both stay. A place after 'into' or 'onto' is where
something goes ('back into [intergalactic space]'), a fact of its own; so is one the sentence is about ('The
[solar system] formed from ...').
"""

from __future__ import annotations

import re

from quizmg.generate.ranks import SUPERLATIVES
from quizmg.generate.side_clauses import side_clause_blank
from quizmg.generate.words import is_plural_phrase, word_set

# Nouns that name one place or expanse as a whole: where things are, not what they are.
_PLACES = word_set(
    "space universe galaxy sky world surface interior atmosphere neighborhood neighbourhood sphere"
    " table"  # the layout things are placed in: 'across a row in the [periodic table]'
)
_SYSTEM_OF_PLACES = re.compile(r"\b(?:solar|planetary)\s+system$", re.I)  # a place named a 'system'
# The reader's own world by name: the ground, sky and galaxy every reader lives in ('life began on [Earth]',
# 'the energy output from the [Sun]', 'gas and dust in the [Milky Way Galaxy]').
_HOME = frozenset({"Earth", "Sun", "Moon", "Galaxy", "Milky Way", "Milky Way Galaxy"})

_SUPERLATIVE = "|".join(sorted(SUPERLATIVES, key=len, reverse=True))
# A rank and the noun it ranks, then the preposition that opens its scope: 'the largest moon in the',
# 'the most common gene used in', 'the earliest history of the'. 'Most of the ...' and 'most charges in'
# are a share, not a rank ('most' grades an adjective only when a noun follows it); 'at least' is a bound.
_RANK_SCOPE = re.compile(
    rf"(?<!\bat\s)\b(?:{_SUPERLATIVE}|(?<!\bat\s)(?:most|least)\s+(?!of\b)[a-z]+\s+[\w’'-]+)\s+(?:[\w’'-]+\s+){{0,3}}?"
    r"(?:(?:in|within|among|throughout|across)\s+(?:(?:the|our)\s+(?:own\s+)?)?|(?:of|on)\s+(?:the|our)\s+(?:own\s+)?)$",
    re.I,
)
# 'the reddest surface of any object in the', 'the only moon in the': any member of the scope.
_ANY_SCOPE = re.compile(r"\b(?:of\s+any|the\s+only)\s+(?:[\w’'-]+\s+){1,2}?(?:in|on|within)\s+(?:the\s+)?$", re.I)
_OUR_OWN = re.compile(r"\bour\s+own\s+$", re.I)
# Where a place is what the sentence is about: its subject ('The [solar system] formed ...'), or where
# something goes ('back into [intergalactic space]'). 'Our [...]' is the reader's own place: no subject of that.
_SUBJECT = re.compile(
    r"(?:.*\b(?:as|when|while|because|since|if|although|after|before|until|once)\s+)?\s*(?:(?:the|a|an)\s+)?",
    re.I | re.S,
)  # the subject of the sentence or of a clause: '[...] formed', 'as [...] blocks the light', 'When the [...] was
_DESTINATION = re.compile(r"\b(?:into|onto)\s+(?:the\s+)?$", re.I)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")  # a sentence shown before the blank's own is cut off


def scope_blank(hidden: str, before: str) -> str | None:
    """Why a blank that only frames a rank ('the largest moon in the [...]') is poor, or None."""
    if is_plural_phrase(hidden):
        return None  # 'the most puzzling of the [...disorders]': the group a thing belongs to, not a frame
    if _RANK_SCOPE.search(before) or _ANY_SCOPE.search(before) or _OUR_OWN.search(before):
        return f"hides the scope of a rank ({hidden!r}): where the claim holds, not what it is about"
    return None


def place_blank(hidden: str, before: str, *, marked: bool = False) -> str | None:
    """Why a blank on the one place a claim happens in ('in the [local neighborhood]') is poor, or None.

    Whatever the sentence does with the place (a claim set in it, 'on the [planet's surface]'; a step taken
    in it, 'sculpting the [planet's surface]'; a likeness, 'like the [solar system]'), the learner is asked
    where, not what; only as the subject of its sentence or where something goes is the place the fact."""
    own = _SENTENCE_END.split(before)[-1]
    if is_plural_phrase(hidden) or _SUBJECT.fullmatch(own) or _DESTINATION.search(own):
        return None
    head = re.sub(r"[’']s$", "", hidden.split()[-1]).lower()
    # A place the text marks as its term is taught for itself; the reader's own world is not, however marked
    # (an astronomy book indexes 'Earth' wherever it names it).
    if hidden in _HOME or (not marked and (head in _PLACES or _SYSTEM_OF_PLACES.search(hidden))):
        return f"hides the setting of the claim ({hidden!r}): the place it happens in, not what it is about"
    return None


def frames_claim(hidden: str, before: str, *, marked: bool = False) -> str | None:
    """Why a blank that only frames its claim is poor: the scope of a rank ('the largest moon in the [...]'), a
    clause the sentence only supposes or grants as unknown ('Even if the [...] ...', side_clauses.py), or the one
    place the claim happens in, unless the text marks that place as a key term (`marked`)."""
    return scope_blank(hidden, before) or side_clause_blank(hidden, before) or place_blank(
        hidden, before, marked=marked
    )
