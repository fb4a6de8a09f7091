"""The words an acronym stands for: the run of words before '(EEEV)' that spells its letters.

Schwartz and Hearst's rule, with what textbook prose needs on top: one word a letter when the words give
it ('eastern equine encephalitis virus (EEEV)'), a chemical formula that is no acronym ('sodium chloride
(NaCl)'), and a run that reads as a name. Split out of terms.py (stop 27) when that file passed 400 lines.
"""

from __future__ import annotations

import re

from quizmg.generate.words import STOP_WORDS, word_set


def schwartz_hearst(words: list[str], acronym: str) -> str | None:
    """The shortest run of words ending `words` whose letters spell the acronym (Schwartz & Hearst)."""
    letters = [ch.lower() for ch in acronym if ch.isalnum()]
    if len(letters) < 2:
        return None
    limit = min(len(words), len(letters) + 5, 2 * len(letters))
    initials = words[-len(letters):] if len(words) >= len(letters) else []
    if initials and all(word[:1].lower() == letter for word, letter in zip(initials, letters, strict=True)) \
            and _reads_as_a_name(" ".join(initials), letters) and not chemical_formula_of(acronym, " ".join(initials)):
        # One word a letter, each word's first ('eastern equine encephalitis virus (EEEV)'): a shorter run
        # spelling the letters inside its words ('equine encephalitis virus') would leave 'eastern' behind.
        return " ".join(initials)
    for size in range(1, limit + 1):
        candidate = " ".join(words[-size:])
        if _spells(candidate, letters) and candidate[:1].lower() == letters[0]:
            if not _reads_as_a_name(candidate, letters) or chemical_formula_of(acronym, candidate):
                return None
            return candidate
    return None


def initials_spelled(expansion: str, acronym: str) -> int:
    """How many of the acronym's letters, in order, are first letters of the expansion's words: 3 for
    'sexually transmitted infections' as 'STIs', 2 for 'sexual transmission', whose letters hide in words
    (a hyphen parts words: 'tick-borne')."""
    letters = iter(ch.lower() for ch in acronym if ch.isalnum())
    wanted = next(letters, None)
    spelled = 0
    for word in re.split(r"[\s-]+", expansion.lower()):
        if wanted is not None and word[:1] == wanted:
            spelled += 1
            wanted = next(letters, None)
    return spelled


# The symbols of the chemical elements, to tell a formula in brackets from an abbreviation.
ELEMENT_SYMBOLS = word_set("""
    H He Li Be B C N O F Ne Na Mg Al Si P S Cl Ar K Ca Sc Ti V Cr Mn Fe Co Ni Cu Zn Ga Ge As Se Br Kr
    Rb Sr Y Zr Nb Mo Tc Ru Rh Pd Ag Cd In Sn Sb Te I Xe Cs Ba La Ce Pr Nd Pm Sm Eu Gd Tb Dy Ho Er Tm Yb
    Lu Hf Ta W Re Os Ir Pt Au Hg Tl Pb Bi Po At Rn Fr Ra Ac Th Pa U Np Pu Am Cm Bk Cf Es Fm Md No Lr
    """)
_FORMULA = re.compile(r"(?:[A-Z][a-z]?[0-9₀-₉]*)+")
# How the name of a substance or a group of atoms ends: 'carbonyl', 'cyanide', 'sulfate', 'ammonia'.
_CHEMICAL_NAME = re.compile(r"[a-z]{2,}(?:yl|ide|ate|ite|ine|ium|ane|ene|yne|ol|gen)$")


def formula_shaped(text: str) -> bool:
    """True when the text reads as element symbols with counts: 'CO', 'CN', 'NaOH', 'SO2'."""
    if not _FORMULA.fullmatch(text):
        return False
    return all(symbol in ELEMENT_SYMBOLS for symbol in re.findall(r"[A-Z][a-z]?", text))


def chemical_formula_of(letters: str, name: str) -> bool:
    """True when the capitals in brackets after a chemical name are its formula, not an abbreviation:
    they read as element symbols, the name is a substance's ('carbonyl (CO)', 'carbon monoxide (CO)'),
    and they do not spell the initials of the name's words in order ('adenosine triphosphate (ATP)'
    is an abbreviation, though At and P are elements)."""
    words = name.split()
    if not formula_shaped(letters) or not _CHEMICAL_NAME.search(words[-1].lower()):
        return False
    initials = iter(letters.lower())
    return len(words) < 2 or not all(word[:1].lower() in initials for word in words)


def _reads_as_a_name(candidate: str, letters: list[str]) -> bool:
    """A name spelled out: no clause punctuation or quotes inside it, and its last word holds the
    acronym's last letter ('adenosine triphosphate (ATP)'), where a run of prose that happens to hold
    the letters in order ('act as "pumps," using cellular energy (ATP)') ends in a word without it."""
    if re.search(r"[,;:\"“”()]", candidate):
        return False
    if candidate.split()[0].lower() in STOP_WORDS:
        return False  # 'is iron (II)': a name never opens with a word like 'is' or 'the'
    return letters[-1] in candidate.split()[-1].lower()


def _spells(candidate: str, letters: list[str]) -> bool:
    """True when the letters occur in order in the candidate, the first at a word start."""
    text = candidate.lower()
    position = len(text) - 1
    for index in range(len(letters) - 1, -1, -1):
        letter = letters[index]
        while position >= 0:
            ok = text[position] == letter
            if index == 0:
                ok = ok and (position == 0 or not text[position - 1].isalnum())
            if ok:
                break
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True
