"""Grading that is fair both ways: forms that count the same are right whichever side has which,
a quantity in another unit is converted (pint, loaded only when a unit is typed), and the
spelling hint keeps the deck's own spelling."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from quizmg.model import Numeric, Short
from quizmg.study.answer_forms import canonical
from quizmg.study.grading import grade_numeric, grade_short, grade_text

SAME = [
    ("4", "four"),
    ("21", "twenty-one"),
    ("105", "one hundred and five"),
    ("cortisol", "the cortisol"),
    ("the nervous system", "nervous system"),
    ("an enzyme", "enzyme"),
    ("gamma-aminobutyric acid", "gamma aminobutyric acid"),
    ("well-being", "wellbeing"),
    ("Éclair", "eclair"),
    ("HPA axis", "hpa axis"),
    ("1,000 neurons", "1000 neurons"),
]


@pytest.mark.parametrize(("deck", "typed"), SAME + [(b, a) for a, b in SAME])
def test_the_same_answer_in_another_form_is_right_both_ways(deck: str, typed: str) -> None:
    """Seen: "four" wrong for "4" and "4" for "four"; "the cortisol" wrong for "cortisol"."""
    grade = grade_text(typed, [deck])
    assert grade.correct and not grade.note, (deck, typed, grade)


@pytest.mark.parametrize(("deck", "typed"), [("4", "five"), ("cortisol", "the adrenaline"),
                                             ("salt and pepper", "salt"), ("a", "b")])
def test_other_answers_stay_wrong(deck: str, typed: str) -> None:
    assert not grade_text(typed, [deck]).correct


def test_canonical_keeps_what_is_not_a_number_or_an_article() -> None:
    assert canonical("Salt and pepper") == "salt and pepper"
    assert canonical("A") == "a"  # an answer that is only an article is the answer
    assert canonical("vitamin A") == "vitamin a"


def test_the_spelling_hint_keeps_the_decks_hyphens() -> None:
    """Seen: "accepted, but it is spelled 'gamma aminobutyric acid'" for gamma-aminobutyric acid."""
    question = Short(prompt="GABA stands for?", answer="gamma-aminobutyric acid",
                     accepted=["gamma aminobutyric acid", "GABA"])
    grade = grade_short(question, "gamma aminobutyrik acid")
    assert grade.correct and grade.note == "accepted, but it is spelled 'gamma-aminobutyric acid'"
    assert grade_short(question, "gaba").correct


SPEED = Numeric(prompt="Speed of sound in air?", answer=343, tolerance=2, unit="m/s")


@pytest.mark.parametrize("typed", ["343", "343 m/s", "0.343 km/s", "34300 cm/s", "1234.8 km/h"])
def test_another_unit_of_the_same_dimension_is_converted(typed: str) -> None:
    """Seen: 0.343 km/s was wrong for 343 m/s."""
    assert grade_numeric(SPEED, typed).correct


@pytest.mark.parametrize(("typed", "note"), [("0.5 km/s", ""), ("343 s", "in m/s"), ("343 furlongs", "in m/s"),
                                             ("343 zorks", "in m/s")])
def test_a_wrong_quantity_or_another_dimension_is_wrong(typed: str, note: str) -> None:
    grade = grade_numeric(SPEED, typed)
    assert not grade.correct and note in grade.note


def test_numbers_in_words_and_units_pint_does_not_know() -> None:
    heart = Numeric(prompt="Resting heart rate?", answer=70, tolerance=10, unit="bpm")
    assert grade_numeric(heart, "seventy").correct
    assert grade_numeric(heart, "70 bpm").correct
    assert "in bpm" in grade_numeric(heart, "70 beats").note
    fever = Numeric(prompt="Fever above?", answer=38, tolerance=0.2, unit="degC")
    assert grade_numeric(fever, "100.4 degF").correct


def test_pint_loads_only_when_a_unit_is_typed() -> None:
    script = (
        "import sys\n"
        "from quizmg.model import Numeric\n"
        "from quizmg.study.grading import grade_numeric, grade_text\n"
        "q = Numeric(prompt='?', answer=343, tolerance=2, unit='m/s')\n"
        "assert grade_numeric(q, '343').correct and grade_numeric(q, '343 m/s').correct\n"
        "assert grade_text('four', ['4']).correct\n"
        "assert 'pint' not in sys.modules\n"
        "assert grade_numeric(q, '0.343 km/s').correct\n"
        "assert 'pint' in sys.modules\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_a_wrong_answer_shows_expected_and_typed_aligned_with_markers() -> None:
    """Seen: the merged diff read "seraotonin" where strikethrough does not render."""
    import io

    from rich.console import Console

    from quizmg.ui.ask import render_diff

    for color_system in (None, "standard"):
        out = io.StringIO()
        console = Console(file=out, color_system=color_system, width=80, force_terminal=color_system is not None)
        render_diff(console, grade_text("seraotonin", ["serotonin"]))
        text = out.getvalue()
        assert "\x1b[9m" not in text  # no strikethrough anywhere
        plain = [re.sub(r"\x1b\[[0-9;]*m", "", line).rstrip() for line in text.splitlines()]
        assert plain == ["  Expected: ser otonin", "  Yours:    seraotonin", "               ^"]
