"""Lint rules a teacher needs: give-aways, near-duplicates and wording that trips learners up.

The rules live by subject: `duplicate_rules`, `giveaway_rules`, `wording_rules` (the word lists they
share are in `words`).

Each rule is precise on purpose: a warning that is often wrong teaches teachers to ignore them.
"""

from __future__ import annotations

from quizmg.lint.duplicate_rules import NEAR_DUPLICATE_RATIO, near_duplicates
from quizmg.lint.giveaway_rules import all_of_the_above, answer_in_prompt, longest_choice_is_right, odd_one_out_form
from quizmg.lint.wording_rules import cloze_hides_stop_word, double_negative, short_answer_alternatives

__all__ = ["NEAR_DUPLICATE_RATIO", "TEACHER_RULES"]

TEACHER_RULES = [
    near_duplicates,
    answer_in_prompt,
    longest_choice_is_right,
    odd_one_out_form,
    all_of_the_above,
    double_negative,
    short_answer_alternatives,
    cloze_hides_stop_word,
]
