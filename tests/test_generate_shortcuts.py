"""The drafter's shortcuts for long texts give what the long way gives: a blank judged once and remembered, the
framing verdict read off that judgement, a quick test before a slow search, sentences looked up by the terms they
name. Every sentence here is written for the test."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizmg.generate.document import read_document
from quizmg.generate.false_statements import said_together
from quizmg.generate.list_members import _LAST_WITH_ARTICLE, _after_and_article, one_of_many
from quizmg.generate.peers import Peers
from quizmg.generate.quality import bad_blank, framing_blank, only_frames
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import Term, TermIndex, fold, simplify

FERRIES = (
    "# Ferries\n\n"
    "According to the Harbour Gazette, most ferry riders travel before dawn.\n\n"
    "The Harbour Gazette counts riders each spring. Readers trust the Harbour Gazette. The Harbour Gazette "
    "prints ferry times. Ferry riders buy tickets at the pier. Ferry riders wait on the pier.\n"
)


def _first_sentence(text: str) -> tuple[str, TermIndex]:
    document = read_document(text, Path("ferries.md"))
    return simplify(document.sentences[0].text), find_terms(document)


def test_a_blank_refused_only_for_framing_is_told_apart() -> None:
    sentence, terms = _first_sentence(FERRIES)
    start = sentence.index("Harbour Gazette")
    end = start + len("Harbour Gazette")
    why = bad_blank("Harbour Gazette", sentence, start, end, terms)
    assert why is not None and "who reports" in why
    assert why == framing_blank("Harbour Gazette", sentence[:start], terms)
    assert only_frames("Harbour Gazette", sentence, start, end, terms)
    # Refused for another reason (a stop word), it is not counted as framing.
    start = sentence.index("the ")
    assert bad_blank("the", sentence, start, start + 3, terms)
    assert not only_frames("the", sentence, start, start + 3, terms)


def test_a_remembered_verdict_is_judged_again_when_the_index_gains_a_term() -> None:
    sentence = "Most ferry riders travel before dawn."
    terms = TermIndex({"ferry riders": Term("ferry riders", kinds={"marked"}, count=3)})
    start = sentence.index("ferry")
    assert bad_blank("ferry", sentence, start, start + 5, terms) is not None  # half of 'ferry riders'
    start = sentence.index("dawn")
    assert bad_blank("dawn", sentence, start, start + 4, terms) is None
    terms.terms["before dawn"] = Term("before dawn", kinds={"marked"}, count=3)
    assert "half of the term" in (bad_blank("dawn", sentence, start, start + 4, terms) or "")


@pytest.mark.parametrize("before", [
    "The tour passes the lake, the mill, the church, and the ",
    "Loans come from banks, friends, OR AN ",
    "It holds salt, sand,  and\ta\n",
    "a, b, and the ",
])
def test_the_quick_test_passes_every_text_the_last_item_pattern_finds(before: str) -> None:
    assert _LAST_WITH_ARTICLE.search(before)
    assert _after_and_article(before)
    assert one_of_many(before, ".") == "the last item of a list"


@pytest.mark.parametrize("before", [
    "The tour passes the lake, the mill, the church, and the",  # no space after the article
    "The tour passes the lake, the mill and then ",
    "and the ",
    "",
])
def test_the_quick_test_refuses_what_the_pattern_cannot_find(before: str) -> None:
    if not _after_and_article(before):
        assert not _LAST_WITH_ARTICLE.search(before)


def test_sentences_looked_up_by_term_give_what_reading_them_all_gives() -> None:
    terms = TermIndex({key: Term(key, kinds={"marked"}, count=2) for key in
                       ("ibuprofen", "naproxen", "fever", "aspirin", "swelling")})
    sentences = [
        "Ibuprofen lowers a fever.",
        "Aspirin and naproxen both ease swelling.",
        "Naproxen lasts longer than ibuprofen.",
        "Aspirin and ibuprofen both lower a fever.",
    ]
    peers = Peers(terms, sentences)
    every = [frozenset(term.key for _, _, term in terms.occurrences(text)) for text in sentences]
    for swapped in ("ibuprofen", "naproxen", "aspirin", "swelling", "fever"):
        for rest in ({"fever"}, {"swelling"}, {"ibuprofen"}, set()):
            for replaced in ("", "aspirin", "ibuprofen"):
                looked_up = said_together(fold(swapped), rest, peers.mentioning.get(fold(swapped), ()), replaced)
                assert looked_up == said_together(fold(swapped), rest, every, replaced)
    assert peers.mentioning["aspirin"] == [every[1], every[3]]
