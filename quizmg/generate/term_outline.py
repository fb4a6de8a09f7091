"""What a key term's words say of its type, before the text says anything: its head noun, whether its
modifier is an adjective ('renal failure', 'viral load'), the kind its ending tells ('-ase' an enzyme),
and whether it picks a thing out by place or grade ('the final stage', 'weaker forces') rather than
naming it. peers.Peers weighs these beside what the document states.
"""

from __future__ import annotations

from functools import lru_cache

from quizmg.generate.terms import Term, singular
from quizmg.generate.word_forms import telling_ending
from quizmg.generate.words import word_set

_ADJECTIVE_ENDINGS = ("al", "ic", "ous", "ive", "ary", "ful", "able", "ible", "ar", "ent", "ant", "less")


@lru_cache(maxsize=65_536)
def _outline_of(text: str, expansion: str | None) -> tuple[str, bool, str]:
    words = text.split()
    spelled = (expansion or "").split()
    if len(words) > 1:
        head, modifier = singular(words[-1].lower()), words[0].lower()
    elif len(spelled) > 1:
        head, modifier = singular(spelled[-1].lower()), spelled[0].lower()
    else:
        head, modifier = "", ""
    return head, modifier.endswith(_ADJECTIVE_ENDINGS), telling_ending(text)


# Adjectives that place a thing in a sequence: 'the final stage', 'the first group', 'the next step'.
_PLACES = word_set(
    "first second third fourth fifth sixth seventh eighth ninth tenth last final next initial previous "
    "preceding following latter former later earlier closing opening penultimate"
)


# Comparatives grade a thing against another: 'weaker dispersion forces', 'a higher price'.
_GRADES = word_set(
    "more less most least higher lower greater smaller larger bigger stronger weaker better worse faster slower "
    "longer shorter fewer richer poorer"
)


@lru_cache(maxsize=65_536)
def described(text: str) -> bool:
    """True for a phrase that picks a thing out by its place or grade ('final stage', 'second group',
    'weaker forces') rather than naming it: beside names of its kind it is a description of another
    type, and often another name of one of them."""
    words = text.lower().split()
    return len(words) > 1 and (words[0] in _PLACES or words[0] in _GRADES)


def outline(term: Term) -> tuple[str, bool, str]:
    """A term's head noun, whether its modifier is an adjective, and the kind its ending tells."""
    return _outline_of(term.text, term.expansion)
