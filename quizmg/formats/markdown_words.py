"""Problems found in a Markdown deck, told in the Markdown form the teacher wrote: `- [x]` for a
right choice, `>` for an explanation, `=` for an accepted answer, rather than the YAML keys the
same rules use for a YAML deck."""

from __future__ import annotations

import re
from dataclasses import replace

from quizmg.errors import Problem

MARKDOWN_SUFFIXES = (".md", ".markdown")

# What a YAML key is called in a Markdown deck.
FIELDS = {
    "choices": "choices (`- [x]` right, `- [ ]` wrong)",
    "correct": "`- [x]`",
    "explanation": "explanation (a `>` line)",
    "accepted": "other answers (`=` lines)",
    "items": "steps (`1.` lines)",
    "pairs": "pairs (`- left -> right` lines)",
    "prompt": "question (the `Q:` line)",
    "answer": "answer (`A:`, `=` or `N:`)",
}

MESSAGES = [
    ("mark at least one choice `correct: true`", "mark at least one choice right: `- [x]`"),
    ("add `explanation:` so", "add a `>` line under the question so"),
    ("add it under `accepted:`", "add it as another `=` line"),
    ("`correct: true`", "`- [x]`"),
    ("`correct: false`", "`- [ ]`"),
    ("`explanation:`", "a `>` line"),
    ("`accepted:`", "`=` lines"),
]
_TOO_FEW = re.compile(r"List should have at least (\d+) items? after validation, not (\d+)")


def is_markdown(path: object) -> bool:
    """Whether a deck file is in the Markdown form."""
    return str(path).lower().endswith(MARKDOWN_SUFFIXES)


def in_markdown_words(problem: Problem) -> Problem:
    """The same problem, its field and message in the Markdown form."""
    parts = [part for part in problem.field.split(".") if part and not part.isdigit() and part != "questions"]
    last = parts[-1] if parts else ""
    message = problem.message
    for yaml_words, markdown_words in MESSAGES:
        message = message.replace(yaml_words, markdown_words)
    too_few = _TOO_FEW.search(message)
    if too_few and last in FIELDS:
        message = f"give at least {too_few.group(1)} {FIELDS[last]}, not {too_few.group(2)}"
    # The field as a plain word ("choices"), not a YAML path ("questions.3.choices").
    return replace(problem, message=message, field=last)
