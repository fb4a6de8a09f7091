"""The one rule for 'says the same thing': a text's content words, each folded to its word family."""

from __future__ import annotations

import pytest

from quizmg.generate.stems import content_stems, stem


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("louder sounds", "loudness of a sound"),  # -er, -ness, plural
        ("higher amplitudes are associated", "high amplitude association"),  # -ed and -ation
        ("the hormones rise", "a hormone rises"),  # articles are no content
        ("bigger cells", "big cell"),  # a doubled consonant before -er
        ("quickly blocks the receptor", "blocks receptors"),  # an -ly adverb is no content
        ("The agent’s target", "agent target"),  # a possessive, with a curly apostrophe
    ],
)
def test_one_family_reads_as_the_same_words(one: str, other: str) -> None:
    assert content_stems(one) == content_stems(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("the quantity supplied", "the quantity demanded"),
        ("T3 in the tissue", "T4 in the tissue"),  # a digit after a letter is part of the word
        ("CO₂ is released", "O₂ is released"),
        ("coagulase-positive strains", "positive strains"),  # a hyphenated word stays whole
    ],
)
def test_other_words_stay_apart(one: str, other: str) -> None:
    assert content_stems(one) != content_stems(other)


def test_one_letter_words_numbers_and_skipped_words_are_no_content() -> None:
    assert content_stems("a 3 x of the") == frozenset()
    assert content_stems("What is the term for osmosis", skip={"term"}) == {stem("osmosis")}
    assert content_stems("Ménière's disease") == {stem("ménière"), stem("disease")}
