"""The teacher's lint rules: each finds its mistake, names file, line and id, and stays quiet otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.catalog import builtin_decks
from quizmg.cli import cli
from quizmg.errors import Problem
from quizmg.lint import lint_bank
from quizmg.lint.teacher_rules import TEACHER_RULES

HEADER = "---\nid: t\ntitle: T\n---\n"


def findings(tmp_path: Path, body: str) -> list[Problem]:
    path = tmp_path / "t.md"
    path.write_text(HEADER + body)
    return lint_bank(load_bank(path), TEACHER_RULES)


@pytest.mark.parametrize(
    ("body", "words"),
    [
        (
            "Q: What is the capital city of France?\nA: Paris\nid: a\n\n"
            "Q: Name the capital city of France.\nA: Paris\nid: b\n",
            "asks nearly the same as a",
        ),
        ("Q: What does the word photosynthesis mean?\n= photosynthesis\nid: b\n", "is written in the prompt"),
        ("The {{c1::xylem}} carries water; the xylem is made of dead cells.\nid: b\n", "c1 hides 'xylem'"),
        (
            "Q: Why do leaves look green?\n- [x] Because chlorophyll reflects green light back to our eyes\n"
            "- [ ] Heat\n- [ ] Wind\n- [ ] Soil\nid: b\n",
            "much longer than the others",
        ),
        (
            "Q: How many legs has a spider?\n- [x] eight\n- [ ] 6\n- [ ] 10\n- [ ] 12\nid: b\n",
            "the only one not a number",
        ),
        ("Q: Which are mammals?\n- [x] Whale\n- [ ] Shark\n- [ ] All of the above\nid: b\n", "'All of the above'"),
        ("F: It is not true that no fish can breathe air.\nid: b\n", "double negative"),
        ("Q: How many chambers has the human heart?\n= 4\nid: b\n", "learners may type 'four'"),
        ("Q: Which molecule carries genes?\n= DNA\nid: b\n", "its full name"),
        (
            "Q: Which molecule stores energy in cells?\n= adenosine triphosphate (ATP)\nid: b\n",
            "'ATP' and 'adenosine triphosphate'",
        ),
        ("Water flows down {{c1::the}} river.\nid: b\n", "c1 hides only 'the'"),
    ],
)
def test_each_rule_finds_its_mistake(tmp_path: Path, body: str, words: str) -> None:
    found = findings(tmp_path, body)
    assert len(found) == 1, [str(p) for p in found]
    problem = found[0]
    assert words in problem.message
    assert problem.question_id == "b" and problem.severity == "warning"
    assert problem.path.endswith("t.md")
    lines = (HEADER + body).split("\n")
    assert lines[problem.line - 1].startswith(("Q:", "F:", "Water", "The"))  # type: ignore[operator]


@pytest.mark.parametrize(
    "body",
    [
        # Same frame, different subject: not a duplicate.
        "Q: What does GABA stand for?\nA: gamma-aminobutyric acid\nid: a\n\n"
        "Q: What does NMDA stand for?\nA: N-methyl-D-aspartate\nid: b\n",
        # A statement and its opposite are a fair pair.
        "T: Roots take in water.\nid: a\n\nF: Roots do not take in water.\nid: b\n",
        # The answer's word inside a longer word is no give-away.
        "Q: Which gas do plants take in?\n= CO2\n= carbon dioxide\nid: a\n",
        "Q: Which organ pumps blood?\n= heart\nid: a\n",
        "Q: Largest planet?\n- [x] Jupiter\n- [ ] Mars\n- [ ] Venus\nid: a\n",
        "Q: Which are mammals?\n- [x] Whale\n- [x] Bat\n- [ ] Shark\nid: a\n",
        "F: Spiders are not insects.\nid: a\n",
        "Q: How many chambers has the human heart?\n= 4\n= four\nid: a\n",
        "Q: Which molecule carries genes?\n= DNA\n= deoxyribonucleic acid\nid: a\n",
        "Water flows down the {{c1::river}} to the {{c2::sea}}.\nid: a\n",
        "The {{c1::xylem}} carries water and the {{c1::xylem}} is dead tissue.\nid: a\n",
    ],
)
def test_rules_stay_quiet_on_good_questions(tmp_path: Path, body: str) -> None:
    assert [str(p) for p in findings(tmp_path, body)] == []


def test_check_prints_teacher_warnings_and_strict_fails(tmp_path: Path) -> None:
    path = tmp_path / "t.md"
    path.write_text(HEADER + "\nQ: How many legs has an insect?\n= 6\nid: legs\n> Three pairs.\n")
    result = CliRunner().invoke(cli, ["check", "--strict", str(path)])
    assert result.exit_code == 1
    assert f"warning: {path}:6: legs accepted: learners may type 'six'" in result.stderr


def test_builtin_magnesium_deck_stays_warning_free() -> None:
    assert "magnesium" in builtin_decks()
    result = CliRunner().invoke(cli, ["check", "--strict", "magnesium"])
    assert result.exit_code == 0, result.output
    assert "0 warnings" in result.output


def test_near_duplicate_search_finds_the_pair_in_a_big_deck() -> None:
    """Among 1,500 questions, the one reworded near-duplicate is found (its speed: benchmarks/bench_lint.py)."""
    import random

    from quizmg.bank import bank_from_deck
    from quizmg.model import Basic, Deck

    rng = random.Random(4)
    vocabulary = [
        "cell",
        "leaf",
        "root",
        "water",
        "light",
        "energy",
        "sugar",
        "gas",
        "carbon",
        "oxygen",
        "plant",
        "blood",
        "heart",
        "lung",
    ]
    questions = [
        Basic(id=f"q{i}", prompt=" ".join(rng.choices(vocabulary, k=8)) + f" {i}?", answer="x", explanation="y")
        for i in range(1500)
    ]
    questions.append(Basic(id="a", prompt="Which organ pumps the blood around the body?", answer="heart"))
    questions.append(Basic(id="b", prompt="Which organ pumps blood around the whole body?", answer="heart"))
    bank = bank_from_deck(Deck(id="big", title="Big", questions=questions))
    found = [(p.question_id, p.message) for p in lint_bank(bank, TEACHER_RULES) if "nearly the same" in p.message]
    assert ("b", "asks nearly the same as a: merge the two, or make them ask different things") in found
