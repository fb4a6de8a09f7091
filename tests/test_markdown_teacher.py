"""The Markdown form as teachers write it: a unit before the tolerance, lettered choices, a `#`
line inside a question explained, and Markdown emphasis shown as emphasis in the terminal."""

from __future__ import annotations

import re

import pytest
from rich.console import Console

from quizmg.errors import DeckError
from quizmg.formats.markdown_deck import parse_markdown_deck
from quizmg.model import MultipleChoice, Numeric
from quizmg.ui.ask import deck_text

HEAD = "---\nid: m\ntitle: M\n---\n"


def _one(body: str) -> object:
    return parse_markdown_deck(HEAD + body, "m.md")[0].questions[0]


@pytest.mark.parametrize(
    ("line", "answer", "tolerance", "unit"),
    [
        ("37 °C ± 0.5", 37, 0.5, "°C"),
        ("37°C +- 0.5", 37, 0.5, "°C"),
        ("70 ± 10 bpm", 70, 10, "bpm"),
        ("1e-3 ± 1", 0.001, 1, None),
        ("5 m/s", 5, 0, "m/s"),
    ],
)
def test_numeric_unit_before_or_after_the_tolerance(line: str, answer: float, tolerance: float, unit: str) -> None:
    question = _one(f"Q: How much?\nN: {line}\n")
    assert isinstance(question, Numeric)
    assert (question.answer, question.tolerance, question.unit) == (answer, tolerance, unit)


def test_a_second_tolerance_is_named() -> None:
    with pytest.raises(DeckError, match="one tolerance after ±"):
        _one("Q: How much?\nN: 3 ± x\n")


def test_lettered_choices_with_an_answer_letter_or_stars() -> None:
    question = _one("Q: Which is red?\na) sky\nb) apple\nc) grass\nA: b\n")
    assert isinstance(question, MultipleChoice) and question.answer_text() == "apple"
    starred = _one("Q: Which are even?\n*a) 2\nb) 3\n*c) 4\n")
    assert isinstance(starred, MultipleChoice) and starred.multiple and starred.answer_text() == "2; 4"
    with pytest.raises(DeckError, match="names the right letter"):
        _one("Q: Which?\na) x\nb) y\nA: d\n")


def test_a_heading_inside_a_question_is_explained_once() -> None:
    with pytest.raises(DeckError) as caught:
        parse_markdown_deck(HEAD + "Q: What is\n# not a heading\nA: yes\n", "h.md")
    assert len(caught.value.problems) == 1
    problem = caught.value.problems[0]
    assert problem.line == 6 and "section heading" in problem.message and "\\#" in problem.message


def test_emphasis_is_shown_as_emphasis_not_asterisks() -> None:
    console = Console(force_terminal=True, color_system="standard", width=80)
    with console.capture() as captured:
        console.print(deck_text(console, "a **bold** and *slanted* word, 2*3*4 and snake_case stay"))
    out = captured.get()
    assert "**" not in out and "\x1b[1mbold" in out and "\x1b[3mslanted" in out
    plain = re.sub(r"\x1b\[[0-9;]*m", "", out)
    assert "2*3*4" in plain and "snake_case" in plain


def test_markdown_export_keeps_lines_and_marks_and_names_what_it_drops() -> None:
    from quizmg.formats.gift import read_gift
    from quizmg.formats.markdown_deck import to_markdown

    deck = read_gift("::Best::Which? {=Frog ~%50%Toad ~Cat}\n\n::M::Match {=a -> 1 =b -> 2 = -> 3}\n", "x.gift").deck
    best = deck.questions[0].model_copy(update={"marks": 2.0, "lines": 3})
    text, warnings = to_markdown(deck.model_copy(update={"questions": [best, deck.questions[1]]}))
    back = parse_markdown_deck(text)[0].questions[0]
    assert (back.lines, back.marks) == (3, 2.0)
    assert warnings == [
        "best: the Markdown form has no name, credit per choice; left out (YAML keeps them)",
        "m: the Markdown form has no name, extra wrong items; left out (YAML keeps them)",
    ]
