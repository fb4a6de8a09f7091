"""Three more ways a sentence shows what its blank hides, each asked of every blank by blanks.py.

- A species named for the disease it causes: '[Mycobacterium tuberculosis], the causative agent of
  tuberculosis', '[Clostridium tetani], the agent of tetanus'. The second word of a species' name is often
  the disease's own name in Latin, so the learner reads the blank off the disease.
- A product named for the species the sentence shows: 'C. botulinum produces [botulinum neurotoxin]',
  'Bordetella pertussis releases [pertussis toxin]'. The answer's first word is read off the species' name.
- A term written out beside its own initials: 'the vertical [aggregate supply curve] is the long-run AS
  curve'. The acronym spells the blank's first letters.
- A name of two or more words whose every word the sentence says elsewhere: '[Essential amino acids] ...;
  which amino acids are essential varies ...', 'the Carnot cycle is called a [Carnot engine]', 'found in
  the constellation of Andromeda, and so called the [Andromeda galaxy]'. The learner puts the blank
  together from the sentence.
"""

from __future__ import annotations

import re

from quizmg.generate.frequency import zipf
from quizmg.generate.word_forms import same_family
from quizmg.generate.words import NAMED_AS, STOP_WORDS

# A genus and a Latin second name: 'Mycobacterium tuberculosis', 'Vibrio cholerae', 'C. tetani'. An
# English term opening a sentence has the same shape ('Monetary policy', 'Naturalistic observation'), but
# seldom a Latin ending, and its first word is an everyday one.
_SPECIES = re.compile(r"^(?P<genus>[A-Z][a-z]+|[A-Z]\.)\s+(?P<epithet>[a-z]{2,}(?:ae|i|is|us|um|a))$")
EVERYDAY_ZIPF = 3.2  # a first word this common opening a sentence is English, not a genus ('Congenital')
_WORD = re.compile(r"[A-Za-z][\w-]*")
_CAPITALS = re.compile(r"\b[A-Z]{2,5}\b")
SHARED = 0.6  # of the epithet's letters that a disease's name must begin with: 'tetan-i' / 'tetan-us'
SHORTEST_SHARED = 4
LONG_STEM = 7  # letters two spellings of one word share at the start ('isovolum-ic', 'isovolum-etric') ...
STEM_SHARE = 0.75  # ... and the share of the shorter word they make


def species_named_for(hidden: str, before: str, after: str) -> str | None:
    """The word of the sentence the species' second name is made from ('tuberculosis'), or None."""
    match = _SPECIES.match(hidden.strip())
    if not match or len(match.group("epithet")) < SHORTEST_SHARED:
        return None
    genus, epithet = match.group("genus"), match.group("epithet")
    if not before.strip() and not genus.endswith(".") and zipf(genus.lower()) >= EVERYDAY_ZIPF:
        return None
    shown = f"{before} {after}"
    need = max(SHORTEST_SHARED, round(SHARED * len(epithet) + 0.499))
    for word in _WORD.findall(shown):
        low = word.lower()
        if len(low) < SHORTEST_SHARED or (word[:1].isupper() and low != epithet):
            continue  # a genus or a name; 'N. gonorrhoeae' beside 'Neisseria' shows nothing
        if low == epithet or same_family(epithet, low) or _letters_in_common(epithet, low) >= need:
            return word
    return None


def every_word_shown(hidden: str, before: str, after: str) -> str | None:
    """The sentence's words that spell out every word of a blank of two or more words, or None."""
    words = [word.lower() for word in _WORD.findall(hidden) if len(word) > 2 and word.lower() not in STOP_WORDS]
    if len(words) < 2:
        return None
    shown = [word.lower() for word in _WORD.findall(f"{before} {after}")]
    found = [next((other for other in shown if _same_word(word, other)), "") for word in words]
    return " ... ".join(found) if all(found) else None


def _same_word(word: str, other: str) -> bool:
    """'acids' and 'acid', 'cranial' and 'cranial': one word, give or take a short ending; and two spellings of
    one long word that share most of it ('isovolumic' and 'isovolumetric')."""
    if word == other:
        return True
    if word[:4] != other[:4]:
        return False  # both tests below need the first four letters shared: the common case, answered at once
    stem = word[: max(4, len(word) - 2)]
    if len(word) > 4 and other.startswith(stem) and abs(len(other) - len(word)) <= 2:
        return True
    shortest = min(len(word), len(other))
    shared = next((i for i in range(shortest) if word[i] != other[i]), shortest)
    # only the endings differ: 'nitrogen-fixing' is not another spelling of 'nitrogen'
    return shared >= LONG_STEM and shared >= STEM_SHARE * shortest and "-" not in word[shared:] + other[shared:]


def initials_shown(hidden: str, before: str, after: str) -> str | None:
    """An acronym in the sentence made of the first letters of the blank's words ('AS' for 'aggregate
    supply curve'), or None. Only a blank of plain lower-case words counts; a sentence in capitals has
    no acronyms to read."""
    words = hidden.split()
    shown = f"{before} {after}"
    if len(words) < 2 or not all(re.fullmatch(r"[a-z][a-z-]*", word) for word in words):
        return None
    if sum(c.isupper() for c in shown) > sum(c.islower() for c in shown):
        return None
    wanted = {"".join(word[0] for word in words[:size]).upper() for size in range(2, len(words) + 1)}
    return next((token for token in _CAPITALS.findall(shown) if token in wanted), None)


def _letters_in_common(one: str, other: str) -> int:
    """How many letters the two words begin with alike."""
    size = 0
    while size < min(len(one), len(other)) and one[size] == other[size]:
        size += 1
    return size


# A species in the sentence: a genus (or its initial) and a second name in small letters.
_SHOWN_SPECIES = re.compile(r"\b(?:[A-Z][a-z]+|[A-Z]\.)\s+(?P<epithet>[a-z]{4,})\b")


def named_for_shown_species(hidden: str, before: str, after: str) -> str | None:
    """The species name in the sentence the blank's first word is made from ('C. botulinum' for
    '[botulinum neurotoxin]'), or None."""
    words = hidden.split()
    first = words[0].lower() if words else ""
    if len(words) < 2 or len(first) < SHORTEST_SHARED or not first.isalpha() or zipf(first) >= EVERYDAY_ZIPF:
        return None
    for match in _SHOWN_SPECIES.finditer(f"{before} {after}"):
        epithet = match.group("epithet")
        need = max(SHORTEST_SHARED, round(SHARED * len(epithet) + 0.499))
        if epithet == first or same_family(epithet, first) or _letters_in_common(epithet, first) >= need:
            return match.group(0)
    return None


def renamed_with_its_word(hidden: str, before: str) -> str | None:
    """The word of the other name that the blank's first word repeats, when the sentence names a thing and then
    gives it the blank as its name ('a chelating ligand ... also known as a [chelating agent]'), or None. The
    head word alone shared is the question ('a single layer of cells is called [simple epithelia]' asks 'simple')."""
    naming = NAMED_AS.search(before)  # 'a chelating ligand is also known as a '
    words = _WORD.findall(hidden)
    if naming is None or len(words) < 2:
        return None
    first = words[0].lower()
    if len(first) < 4 or first in STOP_WORDS:
        return None
    return next((word for word in _WORD.findall(before[: naming.start()]) if _same_word(first, word.lower())), None)
