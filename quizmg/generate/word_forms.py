"""Words in another form, and what a word's ending says.

One question a teacher answers at a glance -- is this word another form of that one? -- asked of a
blank and the words beside it, of a definition and the term it defines, of a claim's two sides and of
a choice and its stem: `same_family` ('producers' for 'producer', 'Babesia' for 'babesiosis',
'conjunctiva' for 'conjunctivitis', 'ferns' for 'fernery', 'deoxyribose' for 'deoxyribonucleotides';
not 'tropomyosin' for 'troponin' nor 'pneumocystis' for 'pneumonia', which only begin alike), and
`family_word`, the word of a list that is another form of a word and not the same one.

`telling_ending` answers another question: the kind of thing an ending names ('-ase' an enzyme).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizmg.generate.terms import singular

# Endings that make a word of another: 'fern' + 'ery', 'babesi(a)' + 'osis', 'moss' + 'iness'.
_SUFFIXES = ("iness", "ness", "ery", "iasis", "osis", "itis", "ism", "ist", "ity", "ation", "ics", "ology", "ase",
             "ic", "ive")
# Endings of a word's own forms: 'supply' / 'supplied', 'bind' / 'binding', 'react' / 'reaction'.
_INFLECTIONS = ("ed", "ied", "ing", "es", "ion")
# Prefixes that make a word of another without hiding it: 'antimalarial' shows 'malaria'.
_MAX_PREFIX = 4


def same_family(word: str, other: str) -> bool:
    """`other` is `word` in another form, or the same word: one of them is the other with a short
    ending changed ('toxoplasm-a' / 'toxoplasm-osis', 'psoria-sis' / 'psoria-tic', 'tubercle' /
    'tubercular'), with an ending that makes a word of another ('fern' / 'fern-ery'), or with a
    short prefix ('malaria' / 'anti-malaria-l'). The shared part must be most of the word: 'tropo-nin'
    and 'tropo-myosin', 'photosynthesis' and 'photosystem', 'phosphate' inside 'hyperphosphatemia'
    only share a root."""
    a, b = _letters(word), _letters(other)
    if not a or not b:
        return False
    if a == b or singular(a) == singular(b):
        return True
    short, long = sorted((a, b), key=len)
    shared = 0
    while shared < len(short) and short[shared] == long[shared]:
        shared += 1
    short_end, long_end = len(short) - shared, len(long) - shared
    ending = long[shared:]
    if shared >= 6 and short_end <= 3 and shared >= len(long) // 2 and (
        long_end <= 4 or (long_end <= 8 and ending.endswith(_SUFFIXES))
    ):
        return True  # 'psoria-sis' / 'psoria-tic', 'coccidioid-es' / 'coccidioid-omycosis'; not 'pneumo-cystis'
    if shared >= 8 and short_end <= 3:
        return True  # a compound on a long word's stem: 'deoxyribo-se' / 'deoxyribo-nucleotides'
    if shared >= 4 and short_end <= 3 and ending in _SUFFIXES + _INFLECTIONS:
        return True  # 'fern-s' / 'fern-ery', 'suppl-y' / 'suppl-ied'
    if len(short) >= 5 and short in long:
        at = long.index(short)
        return at <= _MAX_PREFIX and len(long) - at - len(short) <= 3
    return False


# A verb made with -ize and the words made of it: 'generalize', 'generalizing', 'generalization' ('-ise' too).
_IZE_FORMS = re.compile(r"^(?P<root>[a-z]{3,}i)[sz](?:e|es|ed|ing|ation|ations)$")


def ize_root(word: str) -> str:
    """The root that a verb in -ize and its own forms share ('generalizing', 'generalization' -> 'generali'), or
    the word itself. One concept: a question on each form asks the same thing."""
    found = _IZE_FORMS.match(word.lower())
    return found.group("root") if found else word


def family_word(word: str, words: Iterable[str]) -> str | None:
    """The first of `words` that is `word` in another form, not the same word: 'Aspergillus' for
    'aspergillosis', 'rheumatic' for 'rheumatism'; 'cells' for 'cell' is the same word."""
    own = singular(_letters(word))
    return next((other for other in words if singular(_letters(other)) != own and same_family(word, other)), None)


def _letters(word: str) -> str:
    return word.lower().strip(" ,.;:()[]'\"’“”")


# Endings that name a kind of thing in the sciences: two words with the same one are of one kind.
_TELLING_ENDINGS = (
    ("condition", ("itis", "emia", "aemia", "pathy", "osis", "algia", "oxia", "plegia", "trophy")),
    ("enzyme", ("ase", "ases")),
    ("sugar", ("ose", "oses")),
    ("cell", ("cyte", "cytes", "blast", "blasts")),
    ("instrument", ("meter", "meters", "scope", "scopes", "graph", "graphs")),
    ("antibiotic", ("cillin", "cillins", "mycin", "mycins", "micin", "cycline", "cyclines", "floxacin")),
    ("microbe", ("coccus", "cocci", "bacillus", "bacilli", "bacter", "monas")),
)


def telling_ending(text: str) -> str:
    """The kind of thing a one-word term's ending names ('enzyme' for 'catalase'), or ''."""
    lower = text.lower()
    if " " in lower or len(lower) < 6:
        return ""
    for name, endings in _TELLING_ENDINGS:
        if lower.endswith(endings):
            return name
    return ""
