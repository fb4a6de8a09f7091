"""How common an English word is (wordfreq's Zipf scale), looked up once per word: the one place the word counts
are read, so the word lists (words.py) and the judgements built on them (frequency.py) share it."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import lru_cache


@lru_cache(maxsize=1)
def _lookup() -> object | None:
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - wordfreq is a dependency; stay usable without it
        return None
    return zipf_frequency


@lru_cache(maxsize=65_536)
def zipf(word: str) -> float:
    """How common `word` is (0 for unknown words, about 7 for 'the')."""
    lookup = _lookup()
    if lookup is None:
        return 0.0
    lower = word.lower()
    if _PLAIN.fullmatch(lower):
        return _plain_zipf(lower)
    return float(lookup(lower, "en"))  # type: ignore[operator]


# A word of lower-case ASCII letters is one token to wordfreq's English tokenizer, unchanged by its
# normalising (NFC, case folding, digits, quotes): its frequency is the list's entry, as wordfreq computes
# it below for a single token, without the tokenizer's regular expressions (most of a lookup's time).
_PLAIN = re.compile(r"[a-z]+")


def _plain_zipf(word: str) -> float:
    """wordfreq.zipf_frequency(word, 'en') for a word of lower-case ASCII letters, computed the same way."""
    freqs, to_zipf, minimum = _frequencies()
    if word not in freqs:
        freq = minimum
    else:
        freq = 1.0 / (0.0 + 1.0 / freqs[word])  # wordfreq combines tokens' frequencies as 1/f = 1/f1 + ...
        freq = max(freq, minimum)
        if freq != 0.0:
            freq = round(freq, math.floor(-math.log(freq, 10)) + 3)  # rounded to 3 significant digits
    return float(round(to_zipf(freq), 2))


@lru_cache(maxsize=1)
def _frequencies() -> tuple[dict[str, float], Callable[[float], float], float]:
    """wordfreq's English list ('best'), its Zipf conversion, and the frequency of Zipf 0 (its floor)."""
    from wordfreq import freq_to_zipf, get_frequency_dict, zipf_to_freq

    return get_frequency_dict("en", "best"), freq_to_zipf, zipf_to_freq(0.0)
