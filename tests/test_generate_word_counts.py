"""word_counts.zipf reads a plain lower-case word straight from wordfreq's English list, doing wordfreq's own
single-token arithmetic (a speed-up: no tokenizer). It must give wordfreq's value for every such word, so that
an upgrade of wordfreq that changes the arithmetic fails here rather than moving answers silently."""

from __future__ import annotations

import pytest

from quizmg.generate.word_counts import zipf

wordfreq = pytest.importorskip("wordfreq")


def test_a_plain_word_has_wordfreq_s_own_value() -> None:
    listed = list(wordfreq.get_frequency_dict("en", "best"))
    sample = [word for word in listed[::97] if word.isascii() and word.isalpha() and word.islower()]
    sample += ["the", "enzyme", "photosynthesis", "zzqxv", "ligands", "chelating", "a"]
    assert len(sample) > 1000
    assert [word for word in sample if zipf(word) != wordfreq.zipf_frequency(word, "en")] == []


def test_other_words_go_through_wordfreq_itself() -> None:
    for word in ["Calcium", "co-operation", "naïve", "x2", "U.S."]:
        assert zipf(word) == wordfreq.zipf_frequency(word.lower(), "en")
