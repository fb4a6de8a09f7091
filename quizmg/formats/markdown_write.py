"""A deck written in the quick Markdown form (read by `markdown_deck`), with a warning for what the
form cannot hold exactly."""

from __future__ import annotations

import re

import yaml

from quizmg.errors import QuizmgError
from quizmg.formats.markdown_body import LETTERED_LINE, MARKER_LINE, META_LINE, STEP_LINE
from quizmg.model import (
    Basic,
    Cloze,
    Deck,
    Match,
    MultipleChoice,
    Numeric,
    Occlusion,
    Order,
    QuestionBase,
    Short,
    TrueFalse,
)


def to_markdown(deck: Deck) -> tuple[str, list[str]]:
    """The deck as Markdown text, and a warning for everything the form cannot hold exactly."""
    warnings: list[str] = []
    header = deck.model_dump(mode="json", exclude_defaults=True, exclude={"questions"})
    out = ["---", yaml.safe_dump(header, sort_keys=False, allow_unicode=True, width=100).rstrip(), "---"]
    use_headings = _headings_fit(deck)
    current: str | None = None
    for question in deck.questions:
        if use_headings and question.section is not None and question.section != current:
            current = question.section
            out += ["", f"# {current}"]
        out += ["", *_question_lines(question, not use_headings, warnings)]
    return "\n".join(out) + "\n", warnings


def dump_markdown_deck(deck: Deck) -> str:
    """The deck as Markdown text (see to_markdown for the warnings)."""
    return to_markdown(deck)[0]


def _headings_fit(deck: Deck) -> bool:
    """True when `#` headings can carry every question's section exactly."""
    seen_section = False
    for question in deck.questions:
        section = question.section
        if section is None:
            if seen_section:
                return False
            continue
        if "\n" in section or not section.strip() or section.rstrip().endswith("#"):
            return False
        seen_section = True
    return True


def _question_lines(question: QuestionBase, with_section: bool, warnings: list[str]) -> list[str]:
    """One question's paragraph."""
    qid = question.id or "?"
    lines: list[str]
    if isinstance(question, Basic):
        lines = [*_marked("Q: ", question.prompt), *_marked("A: ", question.answer)]
    elif isinstance(question, Short):
        lines = [*_marked("Q: ", question.prompt)]
        for answer in [question.answer, *question.accepted]:
            lines.append("= " + _one_line(answer, qid, "an accepted answer", warnings))
    elif isinstance(question, Numeric):
        value = f"N: {_number(question.answer)}"
        unit = question.unit or ""
        # A unit that starts like a tolerance needs an explicit "± 0" in front of it.
        if question.tolerance or re.match(r"^(±|\+-|\+/-)", unit):
            value += f" ± {_number(question.tolerance)}"
        if question.unit:
            value += " " + _one_line(question.unit, qid, "the unit", warnings)
        lines = [*_marked("Q: ", question.prompt), value]
    elif isinstance(question, MultipleChoice):
        lines = [*_marked("Q: ", question.prompt)]
        for choice in question.choices:
            mark = "x" if choice.correct else " "
            lines.append(f"- [{mark}] " + _one_line(choice.text, qid, "a choice", warnings))
            if choice.explanation:
                lines += [f"  > {part}".rstrip() for part in choice.explanation.split("\n")]
    elif isinstance(question, Order):
        lines = [*_marked("Q: ", question.prompt)]
        for number, item in enumerate(question.items, 1):
            lines.append(f"{number}. " + _one_line(item, qid, "a step", warnings))
    elif isinstance(question, Match):
        lines = [*_marked("Q: ", question.prompt)]
        for pair in question.pairs:
            left = _one_line(pair.left, qid, "a pair", warnings)
            if " -> " in left:
                warnings.append(f"{qid}: the left item {left!r} contains ' -> '; written as ' - > '")
                left = left.replace(" -> ", " - > ")
            lines.append(f"- {left} -> " + _one_line(pair.right, qid, "a pair", warnings))
    elif isinstance(question, TrueFalse):
        lines = _marked("T: " if question.answer else "F: ", question.statement)
    elif isinstance(question, Cloze):
        lines = _text_lines(question.text)
    elif isinstance(question, Occlusion):
        raise QuizmgError(
            f"question {qid}: the Markdown form cannot hold an Image Occlusion question (its masks "
            "and image): write the deck as .yaml"
        )
    else:  # pragma: no cover - every kind is handled above
        raise TypeError(f"cannot write {type(question).__name__}")
    if question.id:
        lines.append(f"id: {question.id}")
    if question.tags:
        if any(tag.startswith(",") or tag.endswith(",") for tag in question.tags):
            warnings.append(f"{qid}: a tag starts or ends with a comma; Markdown drops that comma")
        lines.append("tags: " + " ".join(question.tags))
    if question.mechanism:
        lines.append(f"mechanism: {question.mechanism}")
    if with_section and question.section is not None:
        lines.append("section: " + _one_line(question.section, qid, "the section", warnings))
    if isinstance(question, Basic) and question.reversed:
        lines.append("reversed: yes")
    if isinstance(question, MultipleChoice) and not question.shuffle:
        lines.append("shuffle: no")
    if isinstance(question, Cloze) and question.extra:
        lines += _marked("extra: ", question.extra)
    if question.lines is not None:
        lines.append(f"lines: {question.lines}")
    if question.marks is not None:
        lines.append(f"marks: {_number(question.marks)}")
    dropped = _moodle_extras(question)
    if dropped:
        warnings.append(f"{qid}: the Markdown form has no {', '.join(dropped)}; left out (YAML keeps them)")
    if question.explanation:
        lines += [f"> {part}".rstrip() for part in question.explanation.split("\n")]
    return lines


def _marked(marker: str, text: str) -> list[str]:
    """`marker` and the first line of `text`, then its other lines escaped where needed."""
    first, *rest = text.split("\n")
    return [f"{marker}{first}".rstrip(), *_text_lines("\n".join(rest))] if rest else [f"{marker}{first}".rstrip()]


def _text_lines(text: str) -> list[str]:
    """Text lines with a backslash in front of any line that could be read as something else."""
    return ["\\" + line if _risky(line) else line for line in text.split("\n")]


def _risky(line: str) -> bool:
    """True when a text line, written as it is, would be read as a marker, a heading or a gap."""
    stripped = line.strip()
    return (
        not stripped
        or line[:1] in "\\#>=-*+<"
        or line[:1].isspace()
        or bool(MARKER_LINE.match(stripped) or META_LINE.match(stripped) or STEP_LINE.match(stripped)
                or LETTERED_LINE.match(stripped))
    )


def _one_line(text: str, qid: str, what: str, warnings: list[str]) -> str:
    if "\n" in text:
        warnings.append(f"{qid}: {what} spans several lines; Markdown decks join them with spaces")
        return " ".join(part.strip() for part in text.split("\n") if part.strip())
    return text


def _number(value: float) -> str:
    """A number as a teacher would write it: 70, not 70.0."""
    if value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    return repr(value)


def _moodle_extras(question: QuestionBase) -> list[str]:
    """What a question holds (mostly from Moodle) that the Markdown form cannot write."""
    found = [
        label
        for label, present in (
            ("name", question.name is not None),
            ("Moodle ID number", question.idnumber is not None),
            ("hints", bool(question.hints)),
            ("penalty", question.penalty is not None),
        )
        if present
    ]
    if isinstance(question, MultipleChoice):
        if any(c.credit is not None for c in question.choices):
            found.append("credit per choice")
        if question.single is not None:
            found.append("one-or-several setting")
    elif isinstance(question, Short) and (question.partial or question.feedback):
        found.append("graded answers or feedback")
    elif isinstance(question, Numeric) and (question.more or question.feedback or question.other_feedback):
        found.append("other graded numbers or feedback")
    elif isinstance(question, TrueFalse) and (question.right_feedback or question.wrong_feedback):
        found.append("true/false feedback")
    elif isinstance(question, Match) and question.distractors:
        found.append("extra wrong items")
    return found
