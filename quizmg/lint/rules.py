"""Lint rules over a loaded bank. Each rule yields warnings naming the question and its line."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from quizmg.bank import Bank
from quizmg.errors import Problem
from quizmg.lint.findings import warning
from quizmg.lint.occlusion_rules import OCCLUSION_RULES
from quizmg.lint.related_rules import RELATED_RULES
from quizmg.lint.teacher_rules import TEACHER_RULES
from quizmg.model import MultipleChoice, QuestionBase

Rule = Callable[[Bank], Iterator[Problem]]


def normalised(text: str) -> str:
    """Text folded for comparison: lower case, punctuation and extra spaces removed."""
    return re.sub(r"\s+", " ", re.sub(r"[^\w\s]", " ", text.casefold())).strip()


def missing_ids(bank: Bank) -> Iterator[Problem]:
    """A question without an id loses its progress when its prompt is edited."""
    for index in sorted(bank.deck.derived_id_indexes):
        question = bank.deck.questions[index]
        yield warning(
            bank,
            question,
            f"no id: quizmg derived {question.id!r} from the prompt, so editing the prompt "
            f"would reset its progress. Add `id: {question.id}` (or a name of your own).",
            "id",
        )


def duplicate_prompts(bank: Bank) -> Iterator[Problem]:
    """Two questions of the same kind asking the same thing."""
    first: dict[tuple[str, str], QuestionBase] = {}
    for question in bank.questions:
        key = (question.kind, normalised(question.prompt_text()))  # type: ignore[attr-defined]
        if key in first:
            yield warning(
                bank,
                question,
                f"asks the same as {first[key].id}: reword one of them or remove it",
                "prompt",
            )
        else:
            first[key] = question


def distractor_equals_answer(bank: Bank) -> Iterator[Problem]:
    """A wrong choice with the same text as a correct one."""
    for question in bank.questions:
        if not isinstance(question, MultipleChoice):
            continue
        right = {_compared(c.text) for c in question.choices if c.correct}
        seen: set[str] = set()
        for choice in question.choices:
            text = _compared(choice.text)
            if not choice.correct and text in right:
                yield warning(bank, question, f"the wrong choice {choice.text!r} equals a correct one", "choices")
            elif text in seen and choice.correct is False:
                yield warning(bank, question, f"the choice {choice.text!r} appears twice", "choices")
            seen.add(text)


def _compared(text: str) -> str:
    """A choice as compared: folded, or as written when folding leaves nothing (`~`, `=`, `#`)."""
    return normalised(text) or " ".join(text.casefold().split())


def missing_explanations(bank: Bank) -> Iterator[Problem]:
    """A question with nothing to show after the learner answers."""
    for question in bank.questions:
        if not question.explanation.strip():
            yield warning(
                bank,
                question,
                "no explanation: add `explanation:` so learners see why the answer is right",
                "explanation",
            )


RULES: list[Rule] = [
    missing_ids, duplicate_prompts, distractor_equals_answer, missing_explanations, *TEACHER_RULES,
    *RELATED_RULES, *OCCLUSION_RULES,
]


def lint_bank(bank: Bank, rules: list[Rule] | None = None) -> list[Problem]:
    """Every warning the rules find, in file order."""
    found = [problem for rule in (rules or RULES) for problem in rule(bank)]
    if bank.path is not None and bank.path.suffix.lower() in (".md", ".markdown"):
        from quizmg.formats.markdown_words import in_markdown_words  # told as the teacher wrote it

        found = [in_markdown_words(problem) for problem in found]
    return sorted(found, key=lambda p: (p.line or 0, p.question_id or "", p.field))
