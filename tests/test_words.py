"""Words: singular and plural right, lists typed as a user types them, and a Markdown deck's
problems told in the Markdown form."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.cli import cli
from quizmg.model import Choice, MultipleChoice
from quizmg.study.grading import Unreadable, grade_mcq
from quizmg.words import plural

ONE_QUESTION = """---
id: one
title: One
---
Q: Which is the largest ocean?
- [x] Pacific
- [ ] Atlantic
> It covers a third of the planet.
"""


def run(*args: str, input: str | None = None) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), input=input)
    assert "Traceback" not in result.output
    return result.exit_code, result.output


def test_plural() -> None:
    assert [plural(n, "card") for n in (0, 1, 2)] == ["0 cards", "1 card", "2 cards"]
    assert plural(1, "study day") == "1 study day" and plural(3, "study day") == "3 study days"
    assert plural(2, "log entry") == "2 log entries" and plural(1.5, "day") == "1.5 days"


def test_counts_of_one_are_singular(tmp_path: Path) -> None:
    """Seen: "1 new cards", "1 study days"."""
    deck = tmp_path / "one.md"
    deck.write_text(ONE_QUESTION, encoding="utf-8")
    code, output = run("add", str(deck))
    assert code == 0 and "1 question, 1 card, all new" in output
    code, output = run("show", str(deck))
    assert "1 question, 1 card, 0 mechanisms" in output
    code, output = run("check", str(deck))
    assert code == 0 and "1 question, 1 card, 1 warning\n" in output  # its id is derived
    code, output = run("quiz", str(deck), "-n", "1", "--seed", "1", input="a\n")
    assert "1 question, seed 1" in output
    code, output = run("doctor")
    assert "1 card, 0 scheduling reviews replayed" in output


def test_a_choice_question_asks_for_an_answer_not_a_choice() -> None:
    """Seen: "choose a choice"."""
    question = MultipleChoice(prompt="?", choices=[Choice(text="a", correct=True), Choice(text="b")])
    with pytest.raises(Unreadable) as raised:
        grade_mcq(question, ",", (0, 1))
    assert "choose a choice" not in str(raised.value)


@pytest.mark.parametrize(
    ("typed", "steps"),
    [(["1 10 60"], [1.0, 10.0, 60.0]), (["1m", "10m", "1h"], [1.0, 10.0, 60.0]), (["30s,", "5"], [0.5, 5.0]),
     (["[1, 10]"], [1.0, 10.0]), (["15"], [15.0])],
)
def test_config_takes_steps_as_a_user_types_them(typed: list[str], steps: list[float]) -> None:
    """Seen: `config learning_steps "1 10 60"` was refused (only [1, 10, 60] worked)."""
    code, output = run("config", "learning_steps", *typed)
    assert code == 0, output
    assert run("config", "learning_steps") == (0, f"{steps}\n")


def test_config_says_how_to_write_a_step() -> None:
    code, output = run("config", "relearning_steps", "10 soon")
    assert code == 1 and "cannot read the step 'soon'" in output and "1m 10m 1h" in output


def test_a_markdown_decks_problems_speak_markdown(tmp_path: Path) -> None:
    """Seen: a Markdown deck's errors spoke of YAML keys (`correct: true`, `explanation:`)."""
    broken = tmp_path / "broken.md"
    broken.write_text("---\nid: b\ntitle: B\n---\nQ: Which?\n- [ ] one\n- [ ] two\n\nQ: Pick\n- [x] only\n",
                      encoding="utf-8")
    code, output = run("check", str(broken))
    assert code == 1
    assert "mark at least one choice right: `- [x]`" in output
    assert "give at least 2 choices (`- [x]` right, `- [ ]` wrong), not 1" in output
    assert "correct: true" not in output and "questions." not in output and "List should" not in output
    unexplained = tmp_path / "unexplained.md"
    unexplained.write_text(ONE_QUESTION.replace("> It covers a third of the planet.\n", ""), encoding="utf-8")
    code, output = run("check", str(unexplained))
    assert "add a `>` line under the question" in output and "explanation:`" not in output
    # The same rules on a YAML deck keep speaking YAML.
    yaml_deck = tmp_path / "unexplained.yaml"
    yaml_deck.write_text("id: y\ntitle: Y\nquestions:\n  - kind: truefalse\n    id: t\n    statement: Water is wet.\n"
                         "    answer: true\n", encoding="utf-8")
    code, output = run("check", str(yaml_deck))
    assert "add `explanation:`" in output
