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
        # Seen in real course files (an English course's GIFT exercises, a networking quiz):
        # a word bank split by bullets,
        "Q: Complete with one of these words: abstract • cast • gallery. I love that _____.\n= gallery\nid: a\n",
        # the word to put in the right form, given in brackets beside the gap (a cloze's too),
        "Q: I hope they'll _____ (show) his paintings.\n= show\nid: a\n",
        "Q: I _____ (might/earn) more now if I'd gone to university.\n= might earn\nid: a\n",
        "He {{c1::didn't notice}} (not notice) it; it {{c2::had been moved}} (move). It didn't look odd.\nid: a\n",
        # the answer's word in an image's file name,
        "Q: Which device does this symbol stand for? ![](https://example.org/cisco-switch-icon.png)\n= Switch\nid: a\n",
        # negations in different clauses,
        "Q: Don't worry, I haven't forgotten. I _____ to him later.\n- [x] 'll write\n- [ ] write\nid: a\n",
        "Q: There's no point buying a car if you're never going to drive it.\n- [x] yes\n- [ ] no\nid: a\n",
        # a small word ('a', 'why', 'there') that another sentence of a passage uses too,
        "Nobody knows {{c1::why}} it rains. Why ask, when the sky is grey?\nid: a\n",
        # an open cloze passage (one word in each gap), where the small words are the test,
        "Think {{c1::of}} a word. It goes {{c2::in}} the gap, {{c3::as}} told, {{c4::for}} practice.\nid: a\n",
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


def test_a_gloss_in_brackets_after_a_lone_gap_is_still_a_give_away(tmp_path: Path) -> None:
    found = findings(tmp_path, "The {{c1::HPA}} (hypothalamic-pituitary-adrenal) axis answers stress.\nid: a\n")
    assert any("card 1's blank is spelled out" in message for message in found)
