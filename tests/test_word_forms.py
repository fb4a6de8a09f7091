"""One rule for 'is this word another form of that one', asked of blanks, definitions, claims and choices."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizmg.generate.document import read_document
from quizmg.generate.mechanisms import extract_statements
from quizmg.generate.term_finding import find_terms
from quizmg.generate.word_forms import family_word, same_family

# (word, other, another form?) -- invented words beside real ones, none from the evaluation texts.
TABLE = [
    ("lanterns", "lantern", True),  # the same word, another number
    ("harbour", "harbours", True),
    ("mildewosis", "Mildewia", True),  # a disease named after its organism
    ("gingivitis", "gingiva", True),  # a condition named after its organ
    ("rheumatism", "rheumatic", True),  # two endings on one stem
    ("tubercle", "tubercular", True),
    ("fernery", "ferns", True),  # a word and an ending that makes a word of it
    ("mossiness", "moss", True),
    ("supply", "supplied", True),  # a verb's own forms
    ("bind", "binding", True),
    ("flakonium", "flakonii", True),  # a species name and the disease built on its stem
    ("quarantine", "antiquarantine", True),  # a short prefix leaves the word whole
    ("representative", "represents", True),
    ("troponin", "tropomyosin", False),  # only the first letters alike
    ("myoglobin", "myosin", False),
    ("photosynthesis", "photosystem", False),
    ("pneumonia", "pneumocystis", False),  # a shared root, not one word from the other
    ("deoxyribonucleotides", "deoxyribose", True),  # a compound on the whole of a long word's stem
    ("electroplating", "electroplate", True),
    ("phosphate", "hyperphosphatemia", False),  # a small part of a long word
    ("catalyst", "heterogeneous", False),
]


@pytest.mark.parametrize(("word", "other", "expected"), TABLE)
def test_another_form_of_a_word(word: str, other: str, expected: bool) -> None:
    assert same_family(word, other) is expected
    assert same_family(other, word) is expected  # it reads the same both ways


def test_a_word_of_a_list_in_another_form_but_never_the_same_word() -> None:
    assert family_word("mildewosis", ["spread", "by", "the", "mould", "Mildewia"]) == "Mildewia"
    assert family_word("cells", ["stem", "cell", "line"]) is None  # the same word is no other form
    assert family_word("anthraxoid", ["Bacillus", "anthraxi."]) == "anthraxi."


def test_a_claim_whose_object_is_named_after_its_subjects_species_name_is_not_stated() -> None:
    # 'sporanthrax' is built on 'sporanthracis' with its ending changed, not with a listed suffix: the
    # claim's object spells its subject, so it teaches nothing whichever way it is asked.
    text = ("The soil bacterium Bacillus sporanthracis causes sporanthrax in grazing goats. "
            "Grazing goats produce thick wool in cold winters.")
    document = read_document(f"# Spores\n\n{text}\n", Path("spores.md"))
    claims = {(s.agent, s.target) for s in extract_statements(document.sentences, find_terms(document))}
    assert not any("sporanthrax" in target for _, target in claims), claims
    assert ("grazing goats", "thick wool") in claims, claims  # the other claim stands
