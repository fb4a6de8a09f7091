"""One check for the tests of sentences that lean on the one before: each leaning sentence is found, with the
words that make it lean, and leans back; no sentence that stands alone is found."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from quizmg.generate.sentence_use import leans_back


def assert_leaning(finder: Callable[[str], str | None], leaning: dict[str, str], standing: Iterable[str]) -> None:
    for text, words in leaning.items():
        assert finder(text) == words, text
        assert leans_back(text) is not None, text
    assert [text for text in standing if finder(text) is not None] == []
