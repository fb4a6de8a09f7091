"""A name right after 'according to' says who reports the claim, not the claim (attributions.py, through
quality.framing_blank). Every sentence here is written for the test."""

from __future__ import annotations

from blank_support import blank_problem

from quizmg.generate.attributions import source_blank


def test_who_reports_a_claim_is_no_blank() -> None:
    assert source_blank("Harbour Gazette", "According to the ")
    assert source_blank("Lena Okafor", "Ferry fares may rise, according to ")
    assert source_blank("Coast Survey Office", "according to the ")


def test_a_theory_an_acronym_or_another_place_stays() -> None:
    assert source_blank("tidal theory", "According to ") is None  # a theory the text teaches
    assert source_blank("Ohm’s law", "according to ") is None
    assert source_blank("NOAA", "according to ") is None  # an acronym may name a measure
    assert source_blank("Harbour Gazette", "A story in the ") is None  # not after 'according to'


def test_bad_blank_refuses_the_reporter_in_a_document() -> None:
    text = (
        "# Ferries\n\n"
        "According to the Harbour Gazette, most ferry riders travel before dawn.\n\n"
        "The Harbour Gazette counts riders each spring. Readers trust the Harbour Gazette. The Harbour Gazette "
        "prints ferry times.\n"
    )
    assert "who reports" in (blank_problem(text, "Harbour Gazette") or "")
