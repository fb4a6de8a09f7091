"""A quotation of someone else's words is not mined for questions (quotations.py, read by clean.py); a short
quotation inside a sentence of the text's own stays. The texts are made up for the test."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.quotations import quoted_lines


def test_a_quoted_paragraph_and_a_blockquote_are_not_the_texts_claims() -> None:
    text = (
        "# The canal debate\n\n"
        "In 1821 the council voted to dig a canal across the marsh.\n\n"
        "The mayor answered the farmers in a letter to the town paper.\n\n"
        "<q>No town that fears its own marsh will ever feed itself. * * *\n"
        "{: data-type=\"newline\"}\n\n"
        "A canal is the cheapest road there is.</q>\n\n"
        "> Every barge that passes the lock pays for the lock keeper.\n\n"
        "Farmers called the new toll <q>the mayor's tax</q> for years afterwards.\n"
    )
    sentences = [s.text for s in read_document(text, Path("canal.md")).sentences]
    assert "In 1821 the council voted to dig a canal across the marsh." in sentences
    assert not any("marsh will ever" in s or "cheapest road" in s or "barge" in s for s in sentences)
    assert any(s.startswith("Farmers called the new toll") for s in sentences)


def test_a_quotation_opened_inside_a_line_covers_the_lines_after_it() -> None:
    lines = ["She wrote: <q>The river rose", "and took the mill.", "We rebuilt it.</q>", "The mill ran again."]
    assert quoted_lines(lines) == {1, 2}


def test_a_quotation_never_closed_quotes_nothing() -> None:
    # a stray '<q>' must not swallow the rest of the document
    lines = ["<q>The river rose.", "", "The mill ran again on the third day."]
    assert quoted_lines(lines) == set()
