"""The linter on imported question sets: the false alarms once seen are quiet, and the two rules
the README promises (a reworded near-duplicate, a double negative in a multiple-choice prompt) fire."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizmg.bank import load_bank
from quizmg.errors import Problem
from quizmg.lint import lint_bank

HEADER = "---\nid: t\ntitle: T\n---\n"


def findings(tmp_path: Path, body: str) -> list[str]:
    path = tmp_path / "t.md"
    path.write_text(HEADER + body, encoding="utf-8")
    found: list[Problem] = lint_bank(load_bank(path))
    return [p.message for p in found if "no explanation" not in p.message]


@pytest.mark.parametrize(
    "body",
    [
        # Choices of punctuation marks are different choices, though folding drops them all.
        "Q: Which sign marks a right answer in GIFT?\n- [x] =\n- [ ] ~\n- [ ] #\n- [ ] {\nid: a\n",
        # A word bank lists the answer among others: that is no give-away.
        "Q: Fill the gap with a word from the bank (river, lake, sea): the Nile is a ...\nA: river\nid: a\n",
        "Q: Choose one: river / lake / sea. The Nile is a ...\n= river\nid: a\n",
        # The prompt shows the digit and asks for the word: `1` is no other right answer.
        "Q: How do you write the number 1 as a word?\n= one\nid: a\n",
        # TRUE is a word, not an acronym.
        "Q: What does a tautology always evaluate to?\n= TRUE\nid: a\n",
        # Choice gaps (Moodle's embedded multiple choice): choosing the small word is the exercise,
        # and the same word in another gap or in the instructions gives nothing away.
        "Use a, an or the: {{c1::an::a / an / the}} apple and {{c2::the::a / an / the}} sun, "
        "then {{c3::an::a / an / the}} egg.\nid: a\n",
    ],
)
def test_imported_sets_raise_no_false_alarm(tmp_path: Path, body: str) -> None:
    assert findings(tmp_path, body) == []


def test_a_reworded_near_duplicate_is_found(tmp_path: Path) -> None:
    body = (
        "Q: Which organ pumps blood around the body?\nA: The heart\nid: a\n\n"
        "Q: What organ pumps the blood through the body?\nA: the heart\nid: b\n\n"
        "Q: Which organ filters the blood?\nA: The kidney\nid: c\n"
    )
    found = findings(tmp_path, body)
    assert found == ["asks nearly the same as a: merge the two, or make them ask different things"]


def test_a_double_negative_in_a_multiple_choice_prompt(tmp_path: Path) -> None:
    body = "Q: Which of these is not an animal that cannot fly?\n- [x] Penguin\n- [ ] Eagle\n- [ ] Bat\nid: a\n"
    assert any("the question has a double negative" in message for message in findings(tmp_path, body))
    plain = "Q: Which of these is not a bird?\n- [x] Bat\n- [ ] Eagle\n- [ ] Owl\nid: a\n"
    assert not any("double negative" in message for message in findings(tmp_path, plain))


def test_a_gap_hiding_only_a_small_word_without_choices_is_still_reported(tmp_path: Path) -> None:
    found = findings(tmp_path, "Blood leaves {{c1::the}} heart.\nid: a\n")
    assert found == ["c1 hides only 'the': hide a word that carries the meaning instead"]
