"""A two-word blank whose first word only grades, qualifies or places its noun, and that the text does not set
as a term (graded_phrases.py, through quality.framing_blank). Every sentence here is written for the test."""

from __future__ import annotations

from blank_support import blank_problem

_KITES = (
    "# Kites\n\n"
    "A kite flies steadily at great heights, where the wind is smooth and strong.\n\n"
    "Near the ground the wind is gusty. Kites that reach great heights need long lines. Pilots say that great "
    "heights are calm.\n"
)


def test_a_graded_noun_the_text_only_repeats_is_no_blank() -> None:
    assert "grading word" in (blank_problem(_KITES, "great heights") or "")


def test_a_qualified_or_counted_noun_is_no_blank() -> None:
    text = (
        "# Lamps\n\n"
        "The glow of a lamp looks different to different viewers, and the shade is made with two bulbs.\n\n"
        "Different viewers stand at different places. The shade has room for two bulbs. Different viewers "
        "disagree.\n"
    )
    assert "grading word" in (blank_problem(text, "different viewers") or "")
    assert "grading word" in (blank_problem(text, "two bulbs") or "")


def test_a_graded_phrase_the_text_marks_or_names_often_stays() -> None:
    marked = (
        "# Soap\n\n"
        "A **weak soap**{: data-type=\"term\"} leaves oil on the dish and foams little.\n\n"
        "A weak soap is cheap. Cooks rarely buy a weak soap.\n"
    )
    assert blank_problem(marked, "weak soap") is None
    named = (
        "# Harvests\n\n"
        "In the great monsoon, a paddy can change every crop it grows.\n\n"
        "The great monsoon floods the lowland. Rice thrives in the great monsoon. The great monsoon ends in autumn. "
        "Farmers plan for the great monsoon. A weak great monsoon ruins seedlings. Each great monsoon refills the "
        "wells.\n"
    )
    assert blank_problem(named, "great monsoon") is None


def test_a_sign_is_a_kind_not_a_grade() -> None:
    text = (
        "# Signs\n\n"
        "A negative slope means that the line falls from left to right.\n\n"
        "A negative slope is common. Prices often show a negative slope.\n"
    )
    assert blank_problem(text, "negative slope") is None
