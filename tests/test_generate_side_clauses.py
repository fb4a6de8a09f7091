"""A blank in an opening clause its sentence does not assert (side_clauses.py, through quality.framing_blank).

'Even if the [...] is hard to see, ...' only supposes; 'Although there is no agreement on how [...] form, ...'
grants that a thing is unknown. Either way the claim is in the main clause, and the blank asks for a word of
the concession. A concession that states a fact is asserted and stays, as does a blank after the clause ends.
Every sentence here is written for the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from drafting import term

from quizmg.generate.document import read_document
from quizmg.generate.quality import bad_blank
from quizmg.generate.side_clauses import side_clause_blank
from quizmg.generate.term_finding import find_terms


def test_a_supposition_or_an_open_question_is_no_blank() -> None:
    assert side_clause_blank("tide tables", "Even if the ")
    assert side_clause_blank("crop rotation", "And even if a farm gives up ")
    assert side_clause_blank("sand ripples", "Although there is no agreement on exactly how ")
    assert side_clause_blank("leaf fall", "While there is still debate about what triggers ")
    assert side_clause_blank("swarming", "Although it remains unclear why bees start ")
    assert side_clause_blank("tide tables", "Boats wait for the tide. Even if the ")  # a sentence shown before


def test_an_asserted_concession_and_the_main_clause_stay() -> None:
    assert side_clause_blank("genotype", "Although a plant’s ") is None
    assert side_clause_blank("water table", "While the ") is None
    assert side_clause_blank("flood plain", "Even if the river is low in summer, it still covers the ") is None
    assert side_clause_blank("sand ripples", "Although there are many ") is None


def test_bad_blank_refuses_a_word_the_sentence_only_supposes() -> None:
    text = (
        "# Tides\n\n"
        f"A {term('spring tide')} is a tide with a large range, near a new or a full moon. "
        "Even if a spring tide is forecast, harbour walls rarely flood. "
        "Harbour walls are built above the highest spring tide on record.\n"
    )
    terms = find_terms(read_document(text, Path("tides.md")))
    supposed = "Even if a spring tide is forecast, harbour walls rarely flood."
    start = supposed.index("spring tide")
    assert bad_blank("spring tide", supposed, start, start + len("spring tide"), terms)
    claimed = "Harbour walls are built above the highest spring tide on record."
    start = claimed.index("spring tide")
    assert "supposes" not in (bad_blank("spring tide", claimed, start, start + len("spring tide"), terms) or "")
