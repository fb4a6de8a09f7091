"""A symbol set with an HTML subscript of letters rather than MathML ('*K<sub>c</sub>*') is a formula's symbol:
no term and no blank (html_symbols.py, read by clean.py). Every sentence here is written for the test."""

from __future__ import annotations

from pathlib import Path

from blank_support import blank_problem

from quizmg.generate.document import read_document
from quizmg.generate.html_symbols import subscripted_symbols
from quizmg.generate.term_finding import find_terms


def test_a_letter_with_a_letter_subscript_is_a_symbol() -> None:
    assert subscripted_symbols("the drag *D<sub>w</sub>* of a hull") == {"Dw"}
    assert subscripted_symbols("a wave heard at *f*<sub>far</sub> by the crew") == {"ffar"}
    assert subscripted_symbols("the τ<sub>q</sub> level sinks") == {"τq"}
    assert subscripted_symbols("the tax ***T<sub>net</sub>***{: data-type=\"term\"} is") == {"Tnet"}
    # a comma typed inside the subscript is the sentence's
    assert subscripted_symbols("salt lowers Ψ<sub>m,</sub> which in turn lowers the total") == {"Ψm"}


def test_a_subscript_of_digits_or_a_longer_word_is_no_symbol() -> None:
    assert subscripted_symbols("a jar of N<sub>2</sub> and SO<sub>2</sub>") == set()  # formulas
    assert subscripted_symbols("the Fe<sub>3</sub> ratio") == set()
    assert subscripted_symbols("plain <sub>tiny</sub> print") == set()  # nothing before it
    assert subscripted_symbols("a Boat<sub>x</sub> mark") == set()  # a word, not a symbol


_BOATS = (
    "# Hull drag\n\n"
    "A hull in still water meets a drag we may call *D<sub>w</sub>*, which grows with the speed of the boat.\n\n"
    "The drag *D<sub>w</sub>* is larger for a rough hull. Sailors compare *D<sub>w</sub>* with the push of the "
    "sail. When the push beats *D<sub>w</sub>*, the boat speeds up.\n"
)


def test_a_symbol_set_in_html_is_no_term_of_the_text() -> None:
    terms = find_terms(read_document(_BOATS, Path("boats.md")))
    assert "Dw" in terms.symbols
    assert terms.get("Dw") is None


def test_bad_blank_refuses_a_symbol_set_in_html() -> None:
    assert "symbol" in (blank_problem(_BOATS, "Dw") or "")


def test_a_symbol_the_text_lowered_as_a_name_is_still_no_term() -> None:
    text = (
        "# Mixing\n\n"
        "A stirred mix slowly settles. The ratio *Q<sub>r</sub>* tells how far a mix is from rest. A large "
        "*Q<sub>r</sub>* means a long wait.\n\n"
        "### Glossary\n{: data-type=\"glossary-title\"}\n\n*Q<sub>r</sub>*\n: ratio that tells how far a mix is "
        "from rest\n^\n"
    )
    terms = find_terms(read_document(text, Path("mix.md")))
    assert terms.get("Qr") is None and terms.get("qr") is None
