"""How common an English word is (wordfreq's Zipf scale), looked up once per word: the one place the word counts
are read, so the word lists (words.py) and the judgements built on them (frequency.py) share it."""

from __future__ import annotations

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
    return float(lookup(word.lower(), "en"))  # type: ignore[operator]
