"""A blank of several words that ends on an adjective whose complement stays outside, or on a formula's symbol
(blank_ends.py, called by quality.bad_blank). Every sentence here is written for the test."""

from __future__ import annotations

from blank_support import blank_problem

from quizmg.generate.blank_ends import cut_blank

_NONE: frozenset[str] = frozenset()


def test_an_adjective_cut_from_its_complement_ends_no_blank() -> None:
    assert cut_blank("pull due", " to the tide is weak.", _NONE)
    assert cut_blank("speed perpendicular", " to the rail sets the drag.", _NONE)
    assert cut_blank("third rule necessary", " to keep a raft level is simple.", _NONE)
    assert cut_blank("enzymes responsible", " for the flavour are slow.", _NONE)
    assert cut_blank("output independent", " of the input is rare.", _NONE)
    assert cut_blank("cart stationary relative", " to the road.", _NONE)


def test_a_noun_that_ends_the_blank_stays() -> None:
    assert cut_blank("due", " to the tide.", _NONE) is None  # one word: no phrase to cut
    assert cut_blank("mechanical equivalent", " of heat is a number.", _NONE) is None  # a noun with 'of'
    assert cut_blank("rate constant", " of the step is small.", _NONE) is None
    assert cut_blank("speed perpendicular", ", as drawn.", _NONE) is None  # no complement follows
    assert cut_blank("lens common", " in old cameras.", _NONE) is None  # 'common in' is not 'common to'


def test_a_term_with_its_symbol_is_no_blank() -> None:
    symbols = frozenset({"vd", "Fc", "A", "x"})
    assert cut_blank("slip speed vd", " is the mean speed of the carriers.", symbols)
    assert cut_blank("Inward force Fc", " points to the centre.", symbols)
    assert cut_blank("step length x", " grows.", symbols)
    assert cut_blank("vitamin A", " is stored in the liver.", symbols) is None  # a capital ends a name
    assert cut_blank("slip speed", " is the mean speed of the carriers.", symbols) is None


def test_bad_blank_refuses_a_cut_phrase_in_a_document() -> None:
    text = (
        "# Swings\n\n"
        "The swing of a rope depends on its length and the pull due to the tide.\n\n"
        "A long rope swings slowly. The pull due to the tide is small. The pull due to the tide varies by place.\n"
    )
    assert "half of what describes it" in (blank_problem(text, "pull due") or "")
