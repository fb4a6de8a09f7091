"""Words in another form: a term's word shown as another word of its family, and what a word's ending says.

Three readings a teacher makes at a glance, kept together because they answer one question -- does this
word tell that one? -- in different ways:

- `word_family`: the same word in another form ('producers' for 'producer', 'Babesia' for 'babesiosis');
- `derived` and `built_on`: one word made from another with an ending ('toxoplasmosis' from
  'Toxoplasma', 'conjunctivitis' beside 'conjunctiva');
- `telling_ending`: the kind of thing an ending names ('-ase' an enzyme, '-itis' a condition).

`word_family`/`derived` (definition questions, mechanisms) and `built_on` (blanks, choices, claims) draw
the line in slightly different places; folding them into one rule is left to do.
"""

from __future__ import annotations

from collections.abc import Iterable

from quizmg.generate.terms import singular


def word_family(word: str, shown: str) -> bool:
    """`shown` is the term's `word` in another form: 'producers' for 'producer', 'Babesia' for
    'babesiosis', 'tubercular' for 'tubercle' -- sharing most of the term's word, not only a root
    ('phosphate' is a small part of 'hyperphosphatemia')."""
    if singular(word) == singular(shown):
        return True
    if len(shown) >= 5 and shown in word:
        return len(shown) >= 0.6 * len(word)
    if len(word) >= 5 and word in shown:
        return True
    root = _root(word)
    if root and shown.startswith(root) and len(shown) <= len(root) + 3:
        return True  # 'ferns' for 'fernery', 'moss' for 'mossiness': the term is the word and a suffix
    common = 0
    for a, b in zip(word, shown):  # noqa: B905 - words of different lengths
        if a != b:
            break
        common += 1
    return common >= 5 and common >= 0.6 * len(word)


# Endings that make a word of another: 'fern' + 'ery', 'babesi(a)' + 'osis', 'moss' + 'iness'.
_SUFFIXES = ("iness", "ness", "ery", "iasis", "osis", "itis", "ism", "ist", "ity", "ation", "ics", "ology", "ase",
             "ic")


def derived(word: str, other: str) -> bool:
    """`word` is `other` with an ending: 'toxoplasmosis' from 'Toxoplasma', 'fernery' from 'ferns'."""
    root = _root(word)
    return bool(root) and other.startswith(root) and len(other) <= len(root) + 3


def _root(word: str) -> str:
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            return word[: -len(suffix)]
    return ""


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


def built_on(answer_word: str, words: Iterable[str]) -> str | None:
    """A word the answer's word is built on, or built from the same root: 'Aspergillus' for
    'aspergillosis', 'conjunctiva' for 'conjunctivitis', 'Coccidioides' for 'coccidioidomycosis',
    'psoriatic' for 'psoriasis'. Shown beside the blank, it names the answer for anyone who matches
    word shapes. The shared root must be long (six letters or more) and the other word's ending
    short; 'troponin' and 'tropomyosin' only begin alike."""
    answer = answer_word.lower()
    if len(answer) < 7:
        return None
    for word in words:
        other = word.lower()
        if other == answer or len(other) < 6:
            continue
        shared = 0
        while shared < min(len(answer), len(other)) and answer[shared] == other[shared]:
            shared += 1
        if shared >= 6 and shared >= len(answer) // 2 and len(other) - shared <= 3 and len(answer) - shared <= 8:
            return word
    return None

