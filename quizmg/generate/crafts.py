"""A blank on the name of a craft, an instrument or a network: which spacecraft, telescope or mission it was.

A sentence that tells what a spacecraft found or carried ('The Tesca orbiter mapped the poles', 'A probe
named Vell carried a drill') teaches the finding; its name is a label the learner is asked to recall, not a
concept. The blank is refused when it is a name (a capital first letter) and the sentence says it is a
craft: the name ends in a craft's noun ('[Vell Space Telescope]', '[Orra mission]'), the noun stands right
beside it ('the [Tesca] orbiter', 'a probe called [Vell]', 'a lander with six instruments was named
[Pip]'), or the name is the subject of what only a craft does ('[Vell] was launched in 1990', '[Vell] was
equipped with a camera', '[Vell] produced images ...'). A body a craft visited ('the probe mapped [Eros]')
and a concept named for a person ('[Hubble's law]') stay: they are no craft.
"""

from __future__ import annotations

import re

from quizmg.generate.words import word_set

# Nouns that name a made thing sent or set up to observe: the last word of a craft's name, or a word beside it.
_CRAFTS = word_set(
    "spacecraft satellite satellites mission missions telescope telescopes observatory lander landers "
    "orbiter orbiters rover rovers explorer network package array instrument instruments"
)
_CRAFT = r"(?:spacecraft|satellites?|probes?|missions?|telescopes?|observatory|landers?|orbiters?|rovers?|" \
    r"instruments?|networks?)"
# The noun before the name, or a few words back and then 'called/named': 'the orbiter [...]', 'a spacecraft
# called the [...]', 'its lander with nine instruments was named [...]'.
_NOUN_BEFORE = re.compile(
    rf"\b{_CRAFT}\s+(?:(?:[^.;:]{{0,60}}?\s)?(?:(?:is|was|were)\s+)?(?:called|named|dubbed)\s+)?(?:the\s+)?$", re.I
)
_NOUN_AFTER = re.compile(r"^\s+(?:spacecraft|satellite|mission|telescope|observatory|lander|orbiter|rover)\b", re.I)
# ('the [...] spacecraft'; not 'probe' or 'network': 'a [DNA] probe' is a molecule)
# What only a craft does, said of the name as its subject.
_CRAFT_DEED = re.compile(
    r"^(?:,[^,]{1,60},)?\s+(?:(?:was|were|is|had\s+been|has\s+been)\s+(?:\w+\s+)?(?:launched|equipped|designed\s+to|"
    r"built\s+to|placed\s+in(?:to)?\s+orbit|sent\s+to)"
    r"|(?:produced|returned|sent\s+back|took|captured|beamed)\s+(?:\w+\s+){0,2}?(?:images|pictures|photographs|"
    r"maps|data)\b)",
    re.I,
)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def craft_blank(hidden: str, before: str, after: str) -> str | None:
    """Why a blank on the name of a spacecraft, telescope, mission or network is poor, or None."""
    words = hidden.split()
    if not words or not words[0][:1].isupper():
        return None
    own = _SENTENCE_END.split(before)[-1]
    if (len(words) > 1 and words[-1].lower() in _CRAFTS) or _NOUN_BEFORE.search(own) or _NOUN_AFTER.match(after):
        return f"hides the name of a craft or an instrument ({hidden!r}): a label, not what it found"
    if _CRAFT_DEED.match(after) and not own.strip(" ,"):
        return f"hides the name of a craft or an instrument ({hidden!r}): a label, not what it found"
    return None
