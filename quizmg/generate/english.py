"""Is a document English? The generator's word lists and grammar rules are English ones."""

from __future__ import annotations

import re

from quizmg.errors import DeckError
from quizmg.generate.words import ENGLISH_MARKERS, FOREIGN_MARKERS

_WORD = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ'’-]*")


def check_english(sentences: list[str], path: str) -> None:
    """Refuse text that is not English: the word lists and grammar rules are English ones. `sentences` are
    the document's first sentences (a few hundred tell)."""
    words = [w.lower() for s in sentences for w in _WORD.findall(s)]
    letters = "".join(sentences)
    latin = sum(ch.isascii() for ch in letters if ch.isalpha())
    alphabetic = sum(ch.isalpha() for ch in letters) or 1
    if latin / alphabetic < 0.6:
        raise DeckError.single(
            path,
            "this does not look like English text (most letters are not Latin); "
            "quizmg generate drafts questions from English documents only",
        )
    if len(words) >= 12:
        share = sum(word in ENGLISH_MARKERS for word in words) / len(words)
        foreign = sum(word in FOREIGN_MARKERS for word in words) / len(words)
        if (foreign > share and foreign >= 0.05) or (share < 0.03 and len(words) >= 40):
            raise DeckError.single(
                path,
                f"this does not look like English text (only {share:.0%} of its words are "
                "common English words); quizmg generate drafts questions from English documents only",
            )
