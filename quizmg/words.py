"""Words for counts: "1 card", "2 cards", "1 study day", "0 questions"."""

from __future__ import annotations

# Nouns whose plural is not the singular with an s.
IRREGULAR = {"entry": "entries", "summary": "summaries", "this": "these", "was": "were", "is": "are",
             "has": "have", "it": "they", "child": "children", "analysis": "analyses", "species": "species",
             "series": "series", "bacterium": "bacteria"}


def plural_word(count: float, word: str, words: str | None = None) -> str:
    """`word` as it goes with `count`: the singular for exactly one, else the plural."""
    if count == 1:
        return word
    if words is not None:
        return words
    last = word.rsplit(" ", 1)[-1]
    return word[: len(word) - len(last)] + IRREGULAR.get(last, _regular_plural(last))


def _regular_plural(word: str) -> str:
    """'cards', 'viruses', 'boxes', 'branches', 'bodies'; 'days' (a vowel before the y)."""
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"


def plural(count: float, word: str, words: str | None = None) -> str:
    """The count and its noun: plural(1, "card") is "1 card", plural(3, "study day") "3 study days"."""
    number = str(count) if isinstance(count, int) else f"{count:g}"
    return f"{number} {plural_word(count, word, words)}"
