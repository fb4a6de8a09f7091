"""Where a sentence names the index's terms: longest first, and a term the index gains later is found too."""

from __future__ import annotations

from quizmg.generate.terms import Term, TermIndex


def _names(index: TermIndex, text: str) -> list[str]:
    return [text[start:end] for start, end, _ in index.occurrences(text)]


def test_the_longest_term_at_a_word_wins_and_words_no_term_begins_with_are_passed_over() -> None:
    index = TermIndex({key: Term(text=key) for key in ("salt bridge", "salt", "half cell", "cell")})
    text = "A salt bridge joins each half cell, and salt alone does not; the cell keeps its charge."
    assert _names(index, text) == ["salt bridge", "half cell", "salt", "cell"]


def test_a_term_added_after_a_lookup_is_found_in_the_next_one() -> None:
    index = TermIndex({"anode": Term(text="anode")})
    text = "Electrons leave the anode through the outer circuit."
    assert _names(index, text) == ["anode"]
    index.terms["outer circuit"] = Term(text="outer circuit")
    index.longest = 2  # as mechanism_records does when it merges new terms
    assert _names(index, text) == ["anode", "outer circuit"]
