"""The forms of an answer that count the same, in both directions: number words and digits, a
leading article, hyphens and spaces, case and accents; and a quantity in another unit.

Grading compares the canonical forms of what was typed and what the deck says, so "four" is
right for "4" and "4" for "four", "the cortisol" for "cortisol" and "nervous system" for
"the nervous system", "gamma aminobutyric acid" for "gamma-aminobutyric acid".
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

_SMALL_WORDS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
)
_TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_SMALL = {word: value for value, word in enumerate(_SMALL_WORDS)}
_TENS = {word: 10 * value for value, word in enumerate(_TENS_WORDS, start=2)}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_NUMBER_WORDS = {**_SMALL, **_TENS, **_SCALES}
ARTICLES = ("the", "a", "an")
_DASHES = re.compile(r"[-\u2010\u2011\u2012\u2013\u2014\u2212_]+")
_SPACES = re.compile(r"\s+")
_GROUPED = re.compile(r"\b\d{1,3}(?:,\d{3})+\b")
_EDGE = "!\"#$%&'()*+,./:;<=>?@[\\]^`{|}~¡¿«»“”‘’…·"


def _bare(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def words_to_number(words: list[str]) -> int | None:
    """The number that English number words spell ("twenty one", "one hundred and five"), or None."""
    if not words or any(w not in _NUMBER_WORDS and w != "and" for w in words) or words[0] == "and":
        return None
    total = current = 0
    for word in words:
        if word == "and":
            continue
        if word in _SMALL or word in _TENS:
            current += _NUMBER_WORDS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        else:
            total += max(current, 1) * _SCALES[word]
            current = 0
    return total + current


def _numbers_as_digits(tokens: list[str]) -> list[str]:
    """Each run of number words replaced by its digits."""
    result: list[str] = []
    run: list[str] = []

    def flush() -> None:
        trailing = []
        while run and run[-1] == "and":  # "four and" in "four and more" keeps its "and"
            trailing.append(run.pop())
        if run:
            value = words_to_number(run)
            result.extend([str(value)] if value is not None else run)
        result.extend(trailing)
        run.clear()

    for token in tokens:
        if token in _NUMBER_WORDS or (token == "and" and run):
            run.append(token)
        else:
            flush()
            result.append(token)
    flush()
    return result


def canonical(text: str) -> str:
    """An answer as compared: lower case, no accents, hyphens as spaces, number words as digits,
    thousands separators and a leading article dropped, surrounding punctuation trimmed."""
    bare = _GROUPED.sub(lambda m: m.group().replace(",", ""), _bare(text))
    bare = _DASHES.sub(" ", bare)
    tokens = [token.strip(_EDGE) for token in _SPACES.split(bare)]
    tokens = [token for token in tokens if token]
    if len(tokens) > 1 and tokens[0] in ARTICLES:
        tokens = tokens[1:]
    return " ".join(_numbers_as_digits(tokens))


def compact(text: str) -> str:
    """The canonical form without spaces: "well being", "well-being" and "wellbeing" agree."""
    return canonical(text).replace(" ", "")


def spelled_number(text: str) -> float | None:
    """A number written in words ("four", "twenty-one"), or None."""
    tokens = [t for t in _SPACES.split(_DASHES.sub(" ", _bare(text)).strip()) if t]
    value = words_to_number(tokens)
    return float(value) if value is not None else None


@lru_cache(maxsize=1)
def _registry() -> Any:
    # pint takes a few hundred milliseconds to build its registry: only when a unit is typed.
    import pint

    return pint.UnitRegistry()


def convert(value: float, unit: str, to_unit: str) -> float | None:
    """`value` in `unit` expressed in `to_unit`, or None when either is not a unit pint knows or
    they measure different things (metres and seconds)."""
    try:
        import pint  # noqa: F401  (a missing install is a missing conversion, not a crash)
    except ImportError:
        return None
    registry = _registry()
    try:
        quantity = registry.Quantity(value, registry.parse_units(unit.strip()))
        return float(quantity.to(registry.parse_units(to_unit.strip())).magnitude)
    except Exception:  # pint raises many kinds: undefined units, bad syntax, other dimensions
        return None
