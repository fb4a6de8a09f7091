"""A blank on what a stated value measures, or whose value it is (measured.py, called by quality.bad_blank).

'The mass of the [...] is about 3 × 10²⁰ kg' teaches a number and asks for a name: which body, which quantity.
A rank, a feature told by what it does and a quantity named in several words are still asked. Every sentence
here is written for the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.measured import measured_blank
from quizmg.generate.quality import bad_blank
from quizmg.generate.term_finding import find_terms


def test_the_owner_of_a_stated_value_is_no_blank() -> None:
    assert measured_blank("Pella", "The width of ", " is about 340 km.")
    assert measured_blank("Tarn moon", "We now know that the total mass of the ", " is 2 × 10¹⁹ kilograms.")
    assert measured_blank("Corvan", "Long ago, the brightness of ", " was 40 times the Sun’s.")


def test_a_subject_given_only_a_value_is_no_blank() -> None:
    assert measured_blank("Orla", "", " has a period of 230 years and a slow orbit.")
    assert measured_blank("Orla", "At the far end, ", " has an orbital period of 230 years.")
    assert measured_blank("Dessa", "", "’s radius is roughly 12 km.")
    assert measured_blank("Halm", "", " at its faintest is magnitude 6.1.")
    assert measured_blank("Brin", "In the model, ", " is 14 steps from the lamp, and Cael 30 steps.")
    assert measured_blank("Cael", "In the model, Brin is 14 steps from the lamp; ", ", 30 steps; and Vor, 52 steps.")


def test_the_owner_a_value_is_compared_with_is_no_blank() -> None:
    assert measured_blank("Blue Oval", "The pale storm turned once in 11 days, versus about 4 days for the ", ".")
    assert measured_blank("Moon", "The lamp is about 90 times as far from the town as the ", ".")


def test_a_one_word_quantity_given_a_value_is_no_blank() -> None:
    assert measured_blank("albedo", "One family of rocks has a typical ", " of 12%.")
    assert measured_blank("luminosity", "a red giant with a ", " still about equal to 3000 times the Sun’s")
    assert measured_blank("density", "The ", " of the ice, for instance, is 0.9 grams per cubic centimeter.")


def test_a_rank_a_deed_or_a_named_quantity_stays() -> None:
    assert measured_blank("Pella", "The widest crater is ", ", with a rim 340 km across.") is None  # a rank
    assert measured_blank("Tor Ridge", "", " rises more than 9 km above the plain.") is None  # what it does
    assert measured_blank("membrane potential", "Inside, the cell has a ", " of about –60 mV.") is None
    assert measured_blank("Orla", "Whereas the others are near, ", " is far away.") is None  # no value
    assert measured_blank("Orla", "The orbit of ", " is one of the strangest known.") is None  # 'one of'
    assert measured_blank("salt", "Rock holds quartz, ", ", 20 percent of which is pure.") is None  # a share


_PELLA = (
    "# Pella\n\n"
    "Pella is a small moon of the planet Vesk. "
    "The width of Pella is about 340 km. "
    "Pella has a dark crust of dust and ice. "
    "Its crust is older than the crust of any other moon of Vesk. "
    "Pella circles Vesk once in 9 days.\n"
)


def test_bad_blank_refuses_the_owner_of_a_value() -> None:
    terms = find_terms(read_document(_PELLA, Path("pella.md")))
    text = "The width of Pella is about 340 km."
    start = text.index("Pella")
    assert "value" in (bad_blank("Pella", text, start, start + len("Pella"), terms) or "")
