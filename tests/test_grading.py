"""The grading rules of every graded kind, and the proposed ratings."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from quizmg.model import (
    Choice,
    Cloze,
    Match,
    MultipleChoice,
    Numeric,
    Order,
    Pair,
    Short,
    TrueFalse,
)
from quizmg.study.grading import (
    Unreadable,
    diff_parts,
    grade_cloze,
    grade_match,
    grade_mcq,
    grade_numeric,
    grade_order,
    grade_short,
    grade_text,
    grade_truefalse,
    normalize,
    parse_number,
)

AORTA = Short(prompt="Which vessel leaves the left ventricle?", answer="aorta", accepted=["the aorta"])
NODE = Short(prompt="Pacemaker?", answer="sinoatrial node")


@pytest.mark.parametrize(
    "typed",
    ["aorta", "Aorta", "  AORTA  ", "aorta.", "«aorta»", "the aorta", "The Aorta!", "aórta"],
)
def test_short_answer_ignores_case_accents_spaces_and_punctuation(typed: str) -> None:
    assert grade_short(AORTA, typed).correct


@pytest.mark.parametrize("typed", ["aortaa", "aorte", "vena cava", "artery"])
def test_short_answer_of_a_short_word_forgives_no_typo(typed: str) -> None:
    grade = grade_short(AORTA, typed)
    assert not grade.correct
    assert grade.expected == "aorta"


@pytest.mark.parametrize("typed", ["sinoatrial nod", "sinoatrail node", "sinoatriall node"])
def test_short_answer_forgives_small_typos_in_longer_answers_and_says_so(typed: str) -> None:
    grade = grade_short(NODE, typed)
    assert grade.correct
    assert "spelled" in grade.note


def test_short_answer_with_many_typos_is_wrong_and_diff_shows_both_sides() -> None:
    grade = grade_short(NODE, "sinotral nods")
    assert not grade.correct
    ops = {part.op for part in grade.diff}
    assert ops == {"same", "typed", "missing"}
    typed = "".join(p.text for p in grade.diff if p.op in ("same", "typed"))
    expected = "".join(p.text for p in grade.diff if p.op in ("same", "missing"))
    assert (typed, expected) == ("sinotral nods", "sinoatrial node")


def test_empty_answer_is_unreadable_not_wrong() -> None:
    with pytest.raises(Unreadable):
        grade_short(AORTA, "  ... ")


@given(st.text(min_size=1, max_size=30))
def test_any_answer_typed_exactly_is_right(answer: str) -> None:
    if not normalize(answer):
        return  # nothing left to type once punctuation and spaces are dropped
    assert grade_text(answer, [answer]).correct
    assert grade_text(f"  {answer} ", [answer]).correct


@given(st.text(alphabet="abcdefghij", min_size=1, max_size=20), st.text(alphabet="klmnop", max_size=5))
def test_diff_rebuilds_both_texts(typed: str, extra: str) -> None:
    expected = typed[::-1] + extra
    parts = diff_parts(typed, expected)
    assert "".join(p.text for p in parts if p.op != "missing") == typed
    assert "".join(p.text for p in parts if p.op != "typed") == expected


HEART_RATE = Numeric(prompt="Resting heart rate?", answer=70, tolerance=10, unit="bpm")


@pytest.mark.parametrize("typed", ["70", "70 bpm", "70bpm", "70 BPM", "60", "80", "75.5", "79,9"])
def test_numeric_within_tolerance_with_or_without_unit(typed: str) -> None:
    assert grade_numeric(HEART_RATE, typed).correct


@pytest.mark.parametrize("typed", ["59.9", "81", "-70", "700"])
def test_numeric_outside_tolerance_is_wrong(typed: str) -> None:
    grade = grade_numeric(HEART_RATE, typed)
    assert not grade.correct
    assert grade.expected == "70 ± 10 bpm"


def test_numeric_with_another_unit_is_wrong_and_says_why() -> None:
    grade = grade_numeric(HEART_RATE, "70 kg")
    assert not grade.correct
    assert "bpm" in grade.note


def test_numeric_exact_answer_survives_float_rounding() -> None:
    assert grade_numeric(Numeric(prompt="sum?", answer=0.3), "0.30000000000000004").correct
    assert not grade_numeric(Numeric(prompt="sum?", answer=0.3), "0.31").correct


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1,000", 1000.0),
        ("1,5", 1.5),
        ("1 000", 1000.0),
        ("-3.2e2", -320.0),
        (".5", 0.5),
        ("−4", -4.0),
    ],
)
def test_parse_number_reads_common_ways_of_writing(text: str, value: float) -> None:
    assert parse_number(text)[0] == value


@pytest.mark.parametrize("typed", ["", "lots", "bpm"])
def test_numeric_non_number_is_unreadable(typed: str) -> None:
    with pytest.raises(Unreadable):
        grade_numeric(HEART_RATE, typed)


@given(st.floats(min_value=-1e6, max_value=1e6, allow_nan=False), st.floats(min_value=0, max_value=100))
def test_numeric_accepts_exactly_the_values_within_tolerance(answer: float, tolerance: float) -> None:
    question = Numeric(prompt="x?", answer=answer, tolerance=tolerance)
    assert grade_numeric(question, repr(answer)).correct
    beyond = answer + tolerance * 1.01 + 1e-3 * max(1, abs(answer))
    assert not grade_numeric(question, repr(beyond)).correct


ONE = MultipleChoice(
    prompt="Which chamber receives blood from the lungs?",
    choices=[
        Choice(text="Left atrium", correct=True),
        Choice(text="Right atrium"),
        Choice(text="Right ventricle"),
    ],
)
MANY = MultipleChoice(
    prompt="Which are arteries?",
    choices=[
        Choice(text="aorta", correct=True),
        Choice(text="vena cava"),
        Choice(text="pulmonary artery", correct=True),
        Choice(text="jugular vein"),
    ],
)


@pytest.mark.parametrize("typed", ["1", "a", "A", " a. ", "1)"])
def test_mcq_by_number_or_letter(typed: str) -> None:
    assert grade_mcq(ONE, typed, [0, 1, 2]).correct


def test_mcq_follows_the_shown_order() -> None:
    shown = [2, 0, 1]  # "Left atrium" is displayed second
    assert grade_mcq(ONE, "b", shown).correct
    assert not grade_mcq(ONE, "a", shown).correct
    assert grade_mcq(ONE, "a", shown).expected == "b) Left atrium"


@pytest.mark.parametrize("typed", ["4", "e", "x", ""])
def test_mcq_out_of_range_is_unreadable(typed: str) -> None:
    with pytest.raises(Unreadable):
        grade_mcq(ONE, typed, [0, 1, 2])


def test_mcq_single_answer_refuses_several_picks() -> None:
    with pytest.raises(Unreadable):
        grade_mcq(ONE, "a b", [0, 1, 2])


@pytest.mark.parametrize("typed", ["a c", "1,3", "c a", "ac", "1 3", "3;1"])
def test_mcq_multi_answer_needs_every_right_choice(typed: str) -> None:
    assert grade_mcq(MANY, typed, [0, 1, 2, 3]).correct


def test_mcq_multi_answer_gives_partial_credit() -> None:
    assert grade_mcq(MANY, "a", [0, 1, 2, 3]).score == 0.5
    assert not grade_mcq(MANY, "a", [0, 1, 2, 3]).correct
    assert grade_mcq(MANY, "a b", [0, 1, 2, 3]).score == 0.0


@pytest.mark.parametrize(
    ("typed", "right"),
    [
        ("t", True),
        ("TRUE", True),
        ("y", True),
        ("yes", True),
        ("f", False),
        ("false", False),
        ("n", False),
        ("No.", False),
    ],
)
def test_truefalse_words(typed: str, right: bool) -> None:
    statement = TrueFalse(statement="Arteries carry blood away from the heart.", answer=True)
    assert grade_truefalse(statement, typed).correct is right


def test_truefalse_other_words_are_unreadable() -> None:
    with pytest.raises(Unreadable):
        grade_truefalse(TrueFalse(statement="s", answer=False), "maybe")


PATH = Order(prompt="Order", items=["right atrium", "right ventricle", "lungs", "left atrium"])


@pytest.mark.parametrize("typed", ["1 2 3 4", "1234", "1,2,3,4", "a b c d"])
def test_order_in_shown_order(typed: str) -> None:
    assert grade_order(PATH, typed, [0, 1, 2, 3]).correct


def test_order_follows_the_shuffled_display() -> None:
    shown = [2, 0, 3, 1]  # 1 lungs, 2 right atrium, 3 left atrium, 4 right ventricle
    grade = grade_order(PATH, "2 4 1 3", shown)
    assert grade.correct
    wrong = grade_order(PATH, "2 4 3 1", shown)
    assert not wrong.correct
    assert wrong.expected == "2 4 1 3"
    assert wrong.score == 0.5


@pytest.mark.parametrize("typed", ["1 2 3", "1 1 2 3", "1 2 3 5", "x"])
def test_order_must_use_every_step_once(typed: str) -> None:
    with pytest.raises(Unreadable):
        grade_order(PATH, typed, [0, 1, 2, 3])


@given(st.permutations(range(5)))
def test_order_right_exactly_when_the_typed_order_is_the_true_one(shown: list[int]) -> None:
    question = Order(prompt="o", items=["a1", "b2", "c3", "d4", "e5"])
    typed = " ".join(str(shown.index(index) + 1) for index in range(5))
    assert grade_order(question, typed, shown).correct
    assert grade_order(question, typed, shown).expected == typed


VALVES = Match(
    prompt="Match",
    pairs=[
        Pair(left="mitral", right="left heart"),
        Pair(left="tricuspid", right="right heart"),
        Pair(left="aortic", right="aorta"),
    ],
)


@pytest.mark.parametrize("typed", ["1b 2c 3a", "1-b, 2-c, 3-a", "3a 1b 2c", "b c a", "bca", "1=b 2=c 3=a"])
def test_match_pairs_or_letters_in_order(typed: str) -> None:
    shown = [2, 0, 1]  # a) aorta  b) left heart  c) right heart
    assert grade_match(VALVES, typed, shown).correct


def test_match_wrong_pairs_score_partially() -> None:
    grade = grade_match(VALVES, "1b 2a 3c", [2, 0, 1])
    assert not grade.correct
    assert grade.score == pytest.approx(1 / 3)
    assert grade.expected == "1b 2c 3a"


@pytest.mark.parametrize("typed", ["1b 2c", "1b 1c 3a", "b b a", "1z 2a 3b", "hello"])
def test_match_incomplete_or_repeated_is_unreadable(typed: str) -> None:
    with pytest.raises(Unreadable):
        grade_match(VALVES, typed, [2, 0, 1])


def test_cloze_deletion_typed_in() -> None:
    cloze = Cloze(text="The {{c1::left ventricle}} pumps blood to the {{c2::body::where?}}.")
    assert grade_cloze(cloze, 1, "Left Ventricle").correct
    assert grade_cloze(cloze, 2, "body").correct
    assert not grade_cloze(cloze, 2, "lungs").correct


def test_wrong_answer_diff_is_against_the_answer_shown_and_only_when_near() -> None:
    question = Short(prompt="GABA?", answer="gamma-aminobutyric acid", accepted=["γ-aminobutyric acid"])
    near = grade_short(question, "gamma-aminobutric")
    assert not near.correct
    assert "".join(p.text for p in near.diff if p.op != "typed") == "gamma-aminobutyric acid"
    assert grade_short(question, "GABA").diff == ()
