"""A title the text sets in italics or bold is a name, whole: a blank on part of it asks for the rest of a name,
and a common phrase the title borrows is no term for it (set_off_titles.py). Every sentence is written for the
test."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.quality import bad_blank
from quizmg.generate.set_off_titles import cut_title, set_off_titles
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import simplify

MILLS = (
    "# Mill Towns\n\n"
    "Many mill workers, like the Hale family of *Bread on the River* book fame, moved to the towns for work. "
    "The radio play *Mill Life* told of long shifts, and mill life was hard for children. "
    "Children in mill life often left school early. Mill life shaped the towns for decades. "
    "**Company stores** sold goods to workers on credit. Company stores kept workers in debt.\n"
)


def test_only_spans_written_as_titles_count() -> None:
    assert set_off_titles(["Bread on the River", "Mill Life", "company stores", "not", "Bread"]) == \
        frozenset({"Bread on the River", "Mill Life"})
    # Quotation marks are no part of the title; a term the text marks is no title, however it is written.
    assert set_off_titles(["“Mill Power”", "Sensory Memory"], marked=["Sensory Memory"]) == frozenset({"Mill Power"})


def test_a_term_in_bold_title_case_keeps_its_weight() -> None:
    text = (
        "# Memory\n\n"
        "A memory passes three stages: **Sensory Memory**, **Working Memory** and **Lasting Memory**. "
        "Sensory memory holds input for a moment. Working memory holds a few items. Lasting memory keeps them.\n"
    )
    terms = find_terms(read_document(text, Path("memory.md")))
    assert "emphasised" in terms.terms["sensory memory"].kinds
    assert not terms.set_off  # bold is no title's setting


def test_a_blank_on_part_of_a_title_hides_the_rest_of_a_name() -> None:
    titles = frozenset({"Bread on the River"})
    sentence = "The Hale family of Bread on the River fame moved."
    start = sentence.index("Bread")
    assert cut_title(sentence, start, start + len("Bread"), titles) == "Bread on the River"
    assert cut_title(sentence, start, start + len("Bread on the River"), titles) is None  # the whole title
    document = read_document(MILLS, Path("mills.md"))
    terms = find_terms(document)
    first = simplify(document.sentences[0].text)
    at = first.index("Bread on")
    assert "part of the title" in (bad_blank("Bread", first, at, at + 5, terms) or "")


def test_a_phrase_a_title_borrows_is_not_a_term_for_the_emphasis() -> None:
    terms = find_terms(read_document(MILLS, Path("mills.md")))
    mill_life = terms.get("mill life")
    assert mill_life is None or "emphasised" not in mill_life.kinds
    assert "emphasised" in terms.terms["company stores"].kinds  # bold on a term in lower case still marks it
