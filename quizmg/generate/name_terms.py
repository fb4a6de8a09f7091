"""Which capitalised names are terms to ask: a real person's name or an institution's is not, a name the
document's glossary teaches is, and a capital the text or its glossary gives a name stays."""

from __future__ import annotations

from quizmg.generate.document import Document
from quizmg.generate.terms import fold
from quizmg.generate.words import STOP_WORDS, word_set

_INSTITUTION_NOUNS = word_set(
    "Institute Institutes University College Organization Organisation Association Foundation Center Centers "
    "Centre Centres Society Agency Bureau Department Administration Council Committee Commission Academy "
    "Laboratory Laboratories Corporation Company Hospital Clinic Museum Ministry Office Service Board Fund"
)


def institution(name: str) -> bool:
    """True for the proper name of an organisation: capitalised words, one naming a kind of institution."""
    words = name.split()
    return (
        len(words) >= 2
        and all(w[:1].isupper() or w.lower() in STOP_WORDS for w in words)
        and any(w in _INSTITUTION_NOUNS for w in words)
    )


def people_named(document: Document) -> set[str]:
    """The surnames of real people the text names, less the names its glossary defines.

    'the Molly Maguires' reads like a full name, and the text says 'twenty suspected Maguires' as it would say
    'Pavlov noticed'; but a glossary entry teaches the name as a thing ('a secret organization ...'): a group, an
    event, a period ('the Gilded Age'). It is a term to ask, like any other the glossary defines.
    """
    taught = set()
    for name in document.glossary:
        words = name.split()
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            taught.add(words[-1])
    return document.people - taught


def a_person(text: str, people: set[str]) -> bool:
    words = text.split()
    return bool(words) and words[-1] in people and all(w[:1].isupper() for w in words) and len(words) <= 3


def capitalised_in_glossary(document: Document) -> set[str]:
    """The groups of the glossary's entries it writes with a capital ('Sputnik', 'Cnidaria'), where it writes
    others in lower case ('impressment'): there the capital is the name's own, not the line's."""
    if not any(name[:1].islower() for name in document.glossary):
        return set()
    return {fold(name) for name in document.glossary if name[:1].isupper()}
