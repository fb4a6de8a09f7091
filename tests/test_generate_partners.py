"""Pair partners: a blank on one of two names that differ as a word and its opposite, beside the other.

The sentences are written for the test, in the shapes reviewers refused on textbook prose: the partner
shown spells the answer, so the learner fills the blank by the word's shape.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.partners import PartnerFinder, partner_shown, partner_words
from quizmg.generate.quality import bad_blank
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import simplify
from quizmg.model import Cloze


def _why(text: str, hidden: str) -> str | None:
    document = read_document(text, Path("pairs.md"))
    sentence = simplify(document.sentences[0].text)
    start = sentence.index(hidden)
    return bad_blank(hidden, sentence, start, start + len(hidden), find_terms(document))


def _shown(sentence: str) -> str | None:
    start, end = sentence.index("["), sentence.index("]")
    return partner_shown(sentence[start + 1: end], sentence[:start], sentence[end + 1:])


def test_a_word_and_its_opposite_by_shape() -> None:
    for word, other in (("relevant", "irrelevant"), ("saturated", "unsaturated"), ("polar", "nonpolar"),
                        ("hyperthyroidism", "hypothyroidism"), ("endocytosis", "exocytosis"),
                        ("hydrophilic", "hydrophobic"), ("cis", "trans"), ("gram-positive", "gram-negative"),
                        ("sense", "antisense"), ("aerobic", "anaerobic")):
        assert partner_words(word, other) and partner_words(other, word), (word, other)
    # Words that only begin or end alike, or too short to be a word and its negation.
    for word, other in (("acute", "cute"), ("invent", "vent"), ("inform", "form"), ("troponin", "tropomyosin"),
                        ("cell", "cells"), ("exon", "intron"), ("demand", "supply")):
        assert not partner_words(word, other), (word, other)


def test_a_blank_beside_its_partner_gives_itself_away() -> None:
    assert _shown("[Unsaturated oils] stay liquid in the cold, whereas saturated oils set hard.") == "saturated oils"
    assert _shown("Infants orient sooner to kin-relevant voices than to [kin-irrelevant voices].") \
        == "kin-relevant voices"
    assert _shown("Patients with [hyperkalemia] feel palpitations, while those with hypokalemia feel weak.") \
        == "hypokalemia"
    assert _shown("In the trans isomer the chains lie apart, and in the [cis] isomer they lie together.") == "trans"
    # Two names of one head joined as a pair: the shared word shown, the other half of the contrast asked.
    assert _shown("Grasslands recover through both primary succession and [secondary succession].") \
        == "primary succession"
    assert _shown("Unlike [venom toxins], plant toxins are rarely proteins.") == "plant toxins"


def test_no_partner_where_the_sentence_asks_a_fact() -> None:
    # Two things, each with its own property: the blank asks what the second one is like.
    assert _shown("A soap molecule has a polar head and [nonpolar] tails.") is None
    # 'X, or Y' gives X another name; 'X or Y' weighs two alternatives: neither is a pair of partners.
    assert _shown("It copies the coding strand, or the [sense strand].") is None
    assert _shown("Any change in [tax revenue] or tax credits moves the balance.") is None
    # The end of a longer name is not the blank's partner ('direct investment' in 'foreign direct investment').
    assert _shown("Both foreign direct investment and [portfolio investment] move capital abroad.") is None
    # Two names with nothing joining them: a fact relating the two.
    assert _shown("When prices fall, the quantity demanded will exceed the [quantity supplied].") is None


def test_the_drafter_refuses_the_partner_blank() -> None:
    text = ("Heat-tolerant strains grow at sixty degrees, whereas heat-intolerant strains stop growing "
            "above forty degrees.")
    why = _why(text, "heat-intolerant strains")
    assert why is not None and "partner" in why and "heat-tolerant strains" in why.lower()
    text = ("**Exocytosis** moves material out of the cell, and **endocytosis** brings it in. "
            "In exocytosis, vesicles fuse with the membrane. In endocytosis, the membrane folds inward. "
            "Cells that secrete hormones rely on exocytosis. Macrophages rely on endocytosis to take in bacteria. "
            "A **vesicle** is a small sac bounded by a membrane.")
    deck = draft_deck(text, Path("transport.md"), keep_all=True).deck
    for question in deck.questions:
        if isinstance(question, Cloze) and question.text.startswith("{{c1::Exocytosis}} moves"):
            raise AssertionError(f"blanked beside its partner: {question.text}")
        if isinstance(question, Cloze) and "and {{c1::endocytosis}} brings" in question.text:
            raise AssertionError(f"blanked beside its partner: {question.text}")


def test_the_indexed_words_find_the_partner_trying_every_word_finds() -> None:
    # The index only spares the words that cannot be a partner: for every word asked, it gives the
    # first partner in sorted order, as trying the whole vocabulary does, or none when that finds none.
    vocabulary = {
        "relevant", "irrelevant", "fear-relevant", "fear-irrelevant", "hyperthyroidism", "hypothyroidism",
        "gram-positive", "gram-negative", "saturated", "unsaturated", "endotoxin", "exotoxin", "ionic",
        "covalent", "direct", "indirect", "acids", "typical", "atypical", "cell", "membrane", "gains", "loss",
    }
    finder = PartnerFinder(vocabulary)
    asked = [*sorted(vocabulary), "Irrelevant", "Gram-Positive", "unsaturated", "polar", "nonpolar", "gain"]
    for word in asked:
        tried = next((other for other in sorted(vocabulary) if partner_words(word, other)), None)
        assert finder.partner_of(word) == tried, word
    assert finder.partner_of("hyperthyroidism") == "hypothyroidism"
    assert finder.partner_of("ionic") == "covalent"
    assert finder.partner_of("membrane") is None
