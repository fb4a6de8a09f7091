"""How a drafted claim writes its sides: a name keeps its capital, a common noun that only opened a
sentence loses it ('Antithrombin binds ...' asks about 'antithrombin'). Split out of mechanisms.py."""

from __future__ import annotations

import re

from quizmg.generate.document import Sentence
from quizmg.generate.words import STOP_WORDS

_CAPITALISED = re.compile(r"(?<=[\w,;:)] )([A-Z][a-z][a-z-]+)\b")
# A capitalised word and a small one after it, inside a sentence: a two-part name as written there
# ('caused by Chlamydia trachomatis'), whatever the first word alone is elsewhere ('the disease chlamydia').
_CAPITALISED_PAIR = re.compile(r"(?<=[\w,;:)] )([A-Z][a-z][a-z-]+ [a-z][a-z-]+)\b")


def names_in(sentences: list[Sentence]) -> set[str]:
    """What the text writes as names: words it capitalises inside a sentence ('to Maslow and ...') and never
    writes small, and two-word names it capitalises inside a sentence ('by Chlamydia trachomatis')."""
    capitalised = {match.group(1) for sentence in sentences for match in _CAPITALISED.finditer(sentence.text)}
    small = {word for sentence in sentences for word in re.findall(r"\b[a-z][a-z-]+\b", sentence.text)}
    names = {word for word in capitalised if word.lower() not in small and word.lower() not in STOP_WORDS}
    pairs = {match.group(1) for sentence in sentences for match in _CAPITALISED_PAIR.finditer(sentence.text)}
    return names | {pair for pair in pairs if pair.split()[0].lower() not in STOP_WORDS}


def common_form(phrase: str, names: set[str]) -> str:
    """'Antithrombin', 'Lipids' written only where a sentence starts is a common noun: 'antithrombin'. A name
    the text writes with its capital inside a sentence keeps it, alone or as the first of two words."""
    first, _, rest = phrase.partition(" ")
    pair = " ".join(phrase.split()[:2])
    if pair[:1].upper() + pair[1:] in names and " " in pair:
        return pair[:1].upper() + phrase[1:]  # 'chlamydia trachomatis' after a sentence's start: the name
    if first[:1].upper() + first[1:] in names and first[:1].islower():
        return first[:1].upper() + phrase[1:]  # 'Pasteur heats ...' opened a sentence: still a name
    if not re.fullmatch(r"[A-Z][a-z][a-z-]+", first) or first in names or (rest and rest[:1].isupper()):
        return phrase
    return first.lower() + (f" {rest}" if rest else "")
