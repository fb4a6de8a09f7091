"""Moodle GIFT out: a deck written so that Moodle's importer reads it back question by question.

Text is written in Moodle's Markdown format (quizmg's own), with HTML escaped and control
characters made visible, so Moodle shows it as written; `*` in short answers is escaped (it is
Moodle's wildcard); a leading `%` or `[` in an answer gets an explicit weight or format tag.
"""

from __future__ import annotations

import re

from quizmg.formats.left_out import LeftOut, kind_words
from quizmg.formats.moodle_common import SECTION_NESTING
from quizmg.formats.moodle_text import literal_markdown, visible
from quizmg.model import (
    Basic,
    Cloze,
    Deck,
    Match,
    MultipleChoice,
    Numeric,
    Order,
    QuestionBase,
    Short,
    TrueFalse,
)

# Moodle only accepts grades (in percent, either sign) from this list.
_GRADES: tuple[float, ...] = (100, 90, 83.33333, 80, 75, 70, 66.66667, 60, 50, 40, 33.33333, 30, 25, 20)
_GRADES += (16.66667, 14.28571, 12.5, 11.11111, 10, 5, 0)


def escape(text: str) -> str:
    """Text made safe inside GIFT: the reserved characters escaped, newlines as `\\n`."""
    text = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


# ------------------------------------------------------------------ writing


def write_gift(deck: Deck, questions: list[QuestionBase] | None = None) -> tuple[str, list[str]]:
    """The deck's questions as GIFT, and a warning for each thing GIFT cannot hold."""
    warnings: list[str] = []
    base = escape(category_path(deck.title, None))
    # The deck's id and tags ride in the header comment (Moodle ignores it), so a read-back gives the same deck.
    tags = f"; tags: {' '.join(deck.tags)}" if deck.tags else ""
    header = f"// {visible(deck.title.splitlines()[0])} (quizmg deck {deck.id}{tags})"
    out = [header, "", f"$CATEGORY: {base}", ""]
    current: str | None = None
    for question in deck.questions if questions is None else questions:
        section = question.section
        if section != current:
            current = section
            out += [f"$CATEGORY: {escape(category_path(deck.title, section))}", ""]
        written = _write_question(question, deck.tags, warnings)
        if written:
            out += [*written, ""]
    return "\n".join(out), warnings


def category_path(title: str, section: str | None) -> str:
    """The Moodle category of a deck's section: `Unit 1::Part A` nests (as Anki's sub-decks do); `/` in a
    name is doubled (a single one would nest)."""

    def name(value: str) -> str:
        return visible(value.replace("\n", " ")).replace("/", "//")

    parts = [name(part.strip()) for part in (section or "").split(SECTION_NESTING) if part.strip()]
    return "/".join(["$course$", name(title), *parts])


def text(value: str) -> str:
    """Deck text for a formatted GIFT field (Markdown, HTML shown as written), escaped."""
    return escape(literal_markdown(value))


def _answer_text(value: str) -> str:
    """A choice or feedback: a leading `[` would be read as a format tag, so the format is written."""
    written = text(value)
    return "[markdown]" + written if written.startswith("[") else written


def _plain(value: str) -> str:
    """A typed answer, compared as written: `*` escaped (Moodle's wildcard), a leading `[` kept from
    being read as a format tag."""
    written = escape(visible(value)).replace("*", "\\*")
    return "[plain]" + written if written.startswith("[") else written


def _title(question: QuestionBase) -> str:
    """`::name::`: the question's name, else an id a person chose; none for an id made from a hash
    (Moodle then names the question from its text)."""
    qid = question.id or ""
    name = question.name or ("" if re.fullmatch(r"q-[0-9a-f]{10}(?:-\d+)?", qid) else qid)
    return f"::{escape(visible(' '.join(name.split())))}::" if name.strip() else ""


def _bracketed(value: str) -> str:
    return visible(value).replace("]", "\\]")


def _item(value: str) -> str:
    """A match's right item: Moodle keeps it as written (no format, no wildcard)."""
    return escape(visible(value))


def _grade(credit: float, qid: str, warnings: list[str]) -> str:
    """A percent Moodle accepts (its fixed list), the nearest one when `credit` is not on it."""
    sign = -1 if credit < 0 else 1
    nearest = min(_GRADES, key=lambda grade: abs(grade - abs(credit)))
    if abs(nearest - abs(credit)) > 1e-4:
        warnings.append(f"{qid}: Moodle has no grade of {credit:g}%; written as {sign * nearest:g}%")
    return f"{sign * nearest:.5f}".rstrip("0").rstrip(".")


def _write_question(question: QuestionBase, deck_tags: list[str], warnings: list[str]) -> list[str]:
    qid = question.id or ""
    tags = [*question.tags, *(tag for tag in deck_tags if tag not in question.tags)]
    meta = "// " + " ".join([f"[id:{_bracketed(question.idnumber or qid)}]", *(f"[tag:{_bracketed(t)}]" for t in tags)])
    if question.hints or question.penalty is not None:
        warnings.append(f"{qid}: GIFT has no hints or penalty; they were left out (Moodle XML keeps them)")
    head = f"{_title(question)}[markdown]"
    general = f"####{_answer_text(question.explanation)}" if question.explanation else ""
    if isinstance(question, MultipleChoice):
        return [meta, *_write_choices(question, head, general, warnings)]
    if isinstance(question, TrueFalse):
        right = f"#{_answer_text(question.right_feedback)}" if question.right_feedback else ""
        wrong = f"#{_answer_text(question.wrong_feedback)}" if question.wrong_feedback or right else ""
        verdict = "TRUE" if question.answer else "FALSE"
        return [meta, f"{head}{text(question.statement)} {{{verdict}{wrong}{right}{general}}}"]
    if isinstance(question, Short):
        answers = []
        for answer in [question.answer, *question.accepted]:
            said = question.feedback.get(answer, "")
            weight = "%100%" if answer.startswith("%") else ""
            feedback = f"#{_answer_text(said)}" if said else ""
            answers.append(f"={weight}{_plain(_no_arrow(answer, qid, warnings))}{feedback}")
        for graded in question.partial:
            feedback = f"#{_answer_text(graded.feedback)}" if graded.feedback else ""
            # A graded answer is a Moodle pattern already: its `*` stays a wildcard.
            pattern = escape(visible(_no_arrow(graded.text, qid, warnings)))
            answers.append(f"=%{_grade(graded.credit, qid, warnings)}%{pattern}{feedback}")
        return [meta, f"{head}{text(question.prompt)} {{{' '.join(answers)}{general}}}"]
    if isinstance(question, Basic):
        warnings.append(f"{qid}: a basic card was written as a GIFT short-answer question")
        if question.reversed:
            warnings.append(f"{qid}: the reversed card has no GIFT form and was left out")
        weight = "%100%" if question.answer.startswith("%") else ""
        answer = _plain(_no_arrow(question.answer, qid, warnings))
        return [meta, f"{head}{text(question.prompt)} {{={weight}{answer}{general}}}"]
    if isinstance(question, Numeric):
        prompt = question.prompt
        if question.unit:
            prompt += f" (in {question.unit})"
            warnings.append(f"{qid}: GIFT has no units; the unit was added to the question text")
        feedback = f"#{_answer_text(question.feedback)}" if question.feedback else ""
        number = f"{_number(question.answer)}:{_number(question.tolerance)}{feedback}"
        if question.more:
            parts = [f"=%100%{number}"]
            for other in question.more:
                said = f"#{_answer_text(other.feedback)}" if other.feedback else ""
                grade = _grade(other.credit, qid, warnings)
                parts.append(f"=%{grade}%{_number(other.answer)}:{_number(other.tolerance)}{said}")
            number = " ".join(parts)
        if question.other_feedback:
            number += f" ~#{_answer_text(question.other_feedback)}"
        return [meta, f"{head}{text(prompt)} {{#{number}{general}}}"]
    if isinstance(question, Match):
        lines = [f"\t={_answer_text(_no_arrow(p.left, qid, warnings))} -> {_item(p.right)}" for p in question.pairs]
        lines += [f"\t= -> {_item(item)}" for item in question.distractors]
        return [meta, f"{head}{text(question.prompt)} {{", *lines, *([f"\t{general}"] if general else []), "}"]
    if isinstance(question, Order):
        warnings.append(f"{qid}: GIFT has no ordering question; written as matching steps to positions")
        lines = [
            f"\t={_answer_text(_no_arrow(item, qid, warnings))} -> {position}"
            for position, item in enumerate(question.items, 1)
        ]
        prompt = f"{question.prompt} (match each step to its position)"
        return [meta, f"{head}{text(prompt)} {{", *lines, *([f"\t{general}"] if general else []), "}"]
    if isinstance(question, Cloze):
        return _write_cloze(question, meta, general, warnings)
    # Image Occlusion: its masks are drawn over an image, which GIFT has no form for.
    warnings.append(LeftOut(qid, f"{kind_words(question)} questions have no GIFT form"))
    return []


def _write_choices(question: MultipleChoice, head: str, general: str, warnings: list[str]) -> list[str]:
    qid = question.id or ""
    if not question.shuffle:
        warnings.append(f"{qid}: GIFT cannot keep the choices in a fixed order (Moodle may shuffle)")
    lines = []
    for index, choice in enumerate(question.choices):
        credit = question.credit(index)
        if not question.multiple and choice.correct and credit >= 100:
            mark = "="
        elif credit or question.multiple or choice.text.startswith("%"):
            mark = f"~%{_grade(credit, qid, warnings)}%"
        else:
            mark = "~"
        feedback = f"#{_answer_text(choice.explanation)}" if choice.explanation else ""
        lines.append(f"\t{mark}{_answer_text(choice.text)}{feedback}")
    if all(line.startswith("\t=") for line in lines):  # `{=as =like}` is a short answer to Moodle
        lines = ["\t~" + line[1:] for line in lines]
    body = [f"{head}{text(question.prompt)} {{", *lines]
    if general:
        body.append(f"\t{general}")
    return [*body, "}"]


def _write_cloze(question: Cloze, meta: str, general: str, warnings: list[str]) -> list[str]:
    """A cloze as GIFT missing-word questions: one per deletion, the other gaps filled in."""
    from quizmg.model.questions import CLOZE_PATTERN

    qid = question.id or ""
    moodle_id = question.idnumber or qid
    out: list[str] = []
    ordinals = question.card_ordinals()
    for ordinal in ordinals:
        hidden = [m for m in CLOZE_PATTERN.finditer(question.text) if int(m.group(1)) == ordinal]
        if len(hidden) > 1:
            warnings.append(f"{qid}: c{ordinal} hides several words; GIFT keeps one gap, the first")
        first = hidden[0]
        pieces = []
        last = 0
        for match in CLOZE_PATTERN.finditer(question.text):
            pieces.append(text(question.text[last : match.start()]))
            if match is first or (match.start() == first.start()):
                pieces.append(f"{{={_plain(match.group(2))}{general}}}")
            else:
                pieces.append(text(match.group(2)))
            last = match.end()
        pieces.append(text(question.text[last:]))
        name = moodle_id if len(ordinals) == 1 else f"{moodle_id}-c{ordinal}"
        title = escape(visible(" ".join((question.name or name).split())))
        if question.name and len(ordinals) > 1:
            title += f" (c{ordinal})"
        own = meta.replace(f"[id:{_bracketed(moodle_id)}]", f"[id:{_bracketed(name)}]")
        out += [own, f"::{title}::[markdown]{''.join(pieces)}", ""]
    if any(m.group(3) for m in CLOZE_PATTERN.finditer(question.text)):
        warnings.append(f"{qid}: cloze hints have no GIFT form and were left out")
    warnings.append(f"{qid}: the cloze was written as GIFT missing-word question(s)")
    return out[:-1]


def _no_arrow(text: str, qid: str, warnings: list[str]) -> str:
    """GIFT cannot escape '->' (it would turn the question into matching): write an arrow sign."""
    if "->" not in text:
        return text
    warnings.append(f"{qid}: '->' has no escape in GIFT and was written as '→'")
    return text.replace("->", "→")


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
