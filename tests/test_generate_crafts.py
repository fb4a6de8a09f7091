"""A blank on the name of a spacecraft, telescope, mission or network (crafts.py, called by quality.bad_blank).

'The [Tesca] orbiter mapped the poles' asks for a craft's label, not for what it found. A body a craft
visited, a concept named for a person and a molecule called a probe are still asked. Every sentence here is
written for the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.crafts import craft_blank
from quizmg.generate.document import read_document
from quizmg.generate.quality import bad_blank
from quizmg.generate.term_finding import find_terms


def test_a_name_that_ends_in_a_craft_noun_is_no_blank() -> None:
    assert craft_blank("Vell Space Telescope", "Pictures taken with the ", " show faint rings.")
    assert craft_blank("Orra mission", "Although the ", " is still running, its camera has failed.")
    assert craft_blank("Deep Relay Network", "Alerts go out over the ", " within seconds.")


def test_a_name_beside_a_craft_noun_is_no_blank() -> None:
    assert craft_blank("Tesca", "The ", " orbiter mapped both poles.")
    assert craft_blank("Vell", "A probe called ", " carried a drill.")
    assert craft_blank("Pip", "The main craft was named Oda, and its small lander with six instruments was named ", ".")


def test_a_name_that_does_what_only_a_craft_does_is_no_blank() -> None:
    assert craft_blank("Vell", "", " was launched in 1990 and still works.")
    assert craft_blank("Tesca", "", " was equipped with a 1-meter mirror.")
    assert craft_blank("Orra", "", " returned sharp images of the dunes.")
    assert craft_blank("Orra", "", " had been designed to last 3 years.")


def test_a_visited_body_a_law_or_a_molecule_stays() -> None:
    assert craft_blank("Eros", "For a year, the probe circled and mapped ", " from every side.") is None
    assert craft_blank("Hale’s law", "The spacecraft data agree with ", ".") is None
    assert craft_blank("DNA probe", "The strands are then exposed to a labeled ", ".") is None  # a molecule
    assert craft_blank("RNA", "The cells are washed with a ", " probe.") is None
    assert craft_blank("Vell", "Scientists on the ", " team were pleased.") is None  # no craft said
    assert craft_blank("orbital period", "The satellite’s ", " is 90 minutes.") is None  # no name


_TESCA = (
    "# Mapping the Red Moon\n\n"
    "The Tesca orbiter mapped the poles of the red moon. "
    "Its radar found ice under the dust near both poles. "
    "The ice lies in deep craters that never see sunlight. "
    "Tesca also found dunes that move with the seasons.\n"
)


def test_bad_blank_refuses_a_crafts_name() -> None:
    terms = find_terms(read_document(_TESCA, Path("tesca.md")))
    text = "The Tesca orbiter mapped the poles of the red moon."
    start = text.index("Tesca")
    assert "craft" in (bad_blank("Tesca", text, start, start + len("Tesca"), terms) or "")
