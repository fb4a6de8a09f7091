"""What Moodle's GIFT and XML readers share: Moodle's questions, once parsed, as quizmg question data.

Each builder takes a question's answers as Moodle keeps them (text, credit in percent, feedback)
and returns the question's data for the model, or a `Skip` saying why quizmg cannot hold it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

Data = dict[str, Any]
SECTION_NESTING = "::"  # a section's nested parts, as Anki writes sub-decks: `Unit 1::Part A`
MOODLE_PENALTY = 33.33333  # Moodle's default penalty: a third of the mark off per wrong try


@dataclass(frozen=True)
class Skip:
    """Why a question Moodle reads is left out of the deck."""

    reason: str


def slug_id(text: str) -> str | None:
    """A Moodle ID number or name as a quizmg id: 'Unit 1 Q2' -> 'unit-1-q2'."""
    slug = re.sub(r"[^a-z0-9._-]+", "-", text.casefold()).strip("-._")[:120].strip("-._")
    return slug or None


def tag(text: str) -> str:
    """A Moodle tag as a quizmg tag (no spaces)."""
    return re.sub(r"\s+", "-", text.strip())


def choice_question(data: Data, single: bool, answers: list[tuple[str, float, str]]) -> Data | Skip:
    """A multiple-choice question: `single` is Moodle's one-answer flag."""
    choices: list[Data] = []
    for text, credit, feedback in answers:
        if not text:
            continue  # Moodle drops empty answers when it saves the question
        correct = credit >= 100 if single else credit > 0
        choice: Data = {"text": text, "correct": correct}
        if not single or (credit and not (correct and credit == 100)):
            choice["credit"] = credit
        if feedback:
            choice["explanation"] = feedback
        choices.append(choice)
    right = sum(c["correct"] for c in choices)
    if len(choices) < 2 or not right:
        return Skip("a multiple-choice question without two choices and a right one was skipped")
    share = 100 / right
    if not single and all(abs(c.get("credit", 0) - (share if c["correct"] else -share)) < 1e-3 for c in choices):
        for choice in choices:  # the equal shares quizmg gives anyway: no need to write them
            choice.pop("credit", None)
    made = {"kind": "mcq", "prompt": data.pop("prompt"), "choices": choices, **data}
    if single != (right == 1) or right == len(choices):
        made["single"] = single
    return made


def short_question(data: Data, answers: list[tuple[str, float, str]]) -> Data | Skip:
    """A short-answer question: full-credit answers are accepted; others, and `*` patterns, are graded."""
    full: list[str] = []
    feedback: dict[str, str] = {}
    partial: list[Data] = []
    for value, credit, said in answers:
        wildcard = re.search(r"(?<!\\)\*", value) is not None
        if credit == 100 and not wildcard and value:
            literal = value.replace("\\*", "*")
            full.append(literal)
            if said:
                feedback[literal] = said
        elif value:
            partial.append({"text": value, "credit": credit, **({"feedback": said} if said else {})})
    if not full:
        return Skip("a short-answer question with no full-credit answer quizmg can match was skipped")
    made = {"kind": "short", "prompt": data.pop("prompt"), "answer": full[0], "accepted": full[1:], **data}
    if partial:
        made["partial"] = partial
    if feedback:
        made["feedback"] = feedback
    return made


def numeric_question(data: Data, answers: list[tuple[float, float, float, str]], other: str, warn: Any) -> Data | Skip:
    """A numerical question: (number, tolerance, credit, feedback) each; `other` is said for any other number."""
    if not answers:
        return Skip("a numerical question with no answer was skipped")
    values: list[Data] = [
        {"answer": a, "tolerance": t, "credit": c, **({"feedback": f} if f else {})} for a, t, c, f in answers
    ]
    best = max(values, key=lambda entry: float(entry["credit"]))
    if best["credit"] < 100:
        warn(f"the best answer of a numerical question, worth {best['credit']:g}%, counts in full")
    made: Data = {"kind": "numeric", "prompt": data.pop("prompt"), "answer": best["answer"], **data}
    if best["tolerance"]:
        made["tolerance"] = best["tolerance"]
    if best.get("feedback"):
        made["feedback"] = best["feedback"]
    more = [entry for entry in values if entry is not best]
    if more:
        made["more"] = more
    if other:
        made["other_feedback"] = other
    return made


def match_question(data: Data, pairs: list[tuple[str, str]]) -> Data | Skip:
    """A matching question: a pair with no left item is an extra wrong answer (a distractor)."""
    kept = [{"left": left, "right": right} for left, right in pairs if left and right]
    distractors = [right for left, right in pairs if not left and right]
    if len(kept) < 2:
        return Skip("a matching question with fewer than two pairs was skipped")
    made = {"kind": "match", "prompt": data.pop("prompt"), "pairs": kept, **data}
    if distractors:
        made["distractors"] = distractors
    return made


def truefalse_question(data: Data, answer: bool, right: str, wrong: str) -> Data:
    made = {"kind": "truefalse", "statement": data.pop("prompt"), "answer": answer, **data}
    if right:
        made["right_feedback"] = right
    if wrong:
        made["wrong_feedback"] = wrong
    return made


def split_category(path: str) -> list[str]:
    """A Moodle category path's parts: `/` separates, `//` is a slash inside a name."""
    return [part.replace("\ue008", "/") for part in path.replace("//", "\ue008").split("/")]


def common_category(categories: list[str]) -> str:
    """The category path every category of the file starts with."""
    if not categories:
        return ""
    split = [split_category(c) for c in categories]
    common = []
    for parts in zip(*split, strict=False):
        if len(set(parts)) != 1:
            break
        common.append(parts[0])
    return "/".join(part.replace("/", "//") for part in common)


def section(category: str | None, base: str) -> str | None:
    """A category below the file's common one, as a quizmg section."""
    if not category or category == base:
        return None
    parts = split_category(category)
    skip = len(split_category(base)) if base else 0
    rest = parts[skip:] if base and category.startswith(base) else parts
    return SECTION_NESTING.join(part.strip() for part in rest if part.strip()) or None


def deck_title(base: str) -> str:
    """The deck title a common category gives ('' for none, or for `$course$` alone)."""
    last = split_category(base)[-1].strip() if base else ""
    return "" if not last or last.startswith("$") else last


_UNCARRIED = re.compile(r"!\[([^\]\n]*)\]\(<?@@PLUGINFILE@@/([^)\s>]*)>?\)")


def without_uncarried_files(value: Any, names: list[str]) -> Any:
    """Question data with images Moodle kept among its own files (`@@PLUGINFILE@@/name`) but this
    file does not carry left out (their alt text kept); their names are added to `names`."""
    if isinstance(value, str):
        names.extend(match.group(2) for match in _UNCARRIED.finditer(value))
        return _UNCARRIED.sub(lambda match: match.group(1), value)
    if isinstance(value, dict):
        return {key: without_uncarried_files(item, names) for key, item in value.items()}
    if isinstance(value, list):
        return [without_uncarried_files(item, names) for item in value]
    return value


def uncarried_note(names: list[str]) -> str:
    """The warning for images left out by `without_uncarried_files`."""
    listed = ", ".join(sorted(set(names)))
    return f"images Moodle keeps among its own files were left out, as this file does not carry them: {listed}"
