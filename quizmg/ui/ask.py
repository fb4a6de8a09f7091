"""Showing a card to the learner, kind by kind, and the verdict on their answer.

Everything that comes from a deck file goes through `deck_text`, so markup and control
characters are shown as they are written, never interpreted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from rich.console import Console
from rich.padding import Padding
from rich.text import Text

from quizmg.model import Match, MultipleChoice, Occlusion, Order
from quizmg.study.asking import Asked
from quizmg.study.grading import LETTERS, Grade
from quizmg.ui.console import literal


@dataclass(frozen=True)
class Glyphs:
    """The symbols a terminal can show."""

    right: str
    wrong: str
    arrow: str
    dot: str
    rule: str


UNICODE = Glyphs(right="✓", wrong="✗", arrow="→", dot="·", rule="─")
ASCII = Glyphs(right="+", wrong="x", arrow="->", dot="-", rule="-")


def unicode_ok(console: Console) -> bool:
    """True when the console's encoding can show more than ASCII."""
    return (console.encoding or "").lower().replace("-", "").startswith("utf")


def glyphs(console: Console) -> Glyphs:
    """Unicode symbols, or plain ASCII ones for an ASCII-only terminal."""
    return UNICODE if unicode_ok(console) else ASCII


def deck_text(console: Console, text: str) -> str:
    """Deck text as markup that prints literally (and as ASCII on an ASCII-only terminal)."""
    if not unicode_ok(console):
        decomposed = unicodedata.normalize("NFKD", text)
        bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
        text = bare.replace("→", "->").replace("±", "+/-").encode("ascii", "replace").decode()
    return emphasis(literal(text))


# Markdown emphasis in deck text, shown as the terminal's bold and italics (h16): `**bold**`, `*it*`, `_it_`.
_BOLD = re.compile(r"(?<![\w*\\])\*\*(?=\S)(.+?)(?<=\S)\*\*(?![\w*])")
_ITALIC = re.compile(
    r"(?<![\w*\\])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![\w*])|(?<![\w\\])_(?=\S)([^_\n]+?)(?<=\S)_(?!\w)"
)


def emphasis(markup: str) -> str:
    """Literal markup with Markdown's emphasis turned into rich's bold and italic tags."""
    if "*" not in markup and "_" not in markup:
        return markup
    markup = _BOLD.sub(r"[bold]\1[/bold]", markup)
    return _ITALIC.sub(lambda m: f"[italic]{m.group(1) or m.group(2)}[/italic]", markup)


def clock_text(seconds: float) -> str:
    """Seconds as m:ss (h:mm:ss past an hour)."""
    seconds = max(0, int(seconds + 0.999))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def indent(console: Console, markup: str, by: int = 2) -> None:
    """Print markup indented, wrapped lines keeping the indent."""
    console.print(Padding(Text.from_markup(markup, emoji=False), (0, 0, 0, by), expand=False))


def hint(asked: Asked) -> str:
    """What to type for this card, in a few words."""
    question = asked.question
    if asked.self_rated:
        return "Enter or Space to show the answer"
    if isinstance(question, MultipleChoice):
        last = LETTERS[len(question.choices) - 1]
        if question.multiple:
            return f"choose every right answer, e.g. a c or 1 3 (a-{last})"
        return f"choose one: a-{last} or 1-{len(question.choices)}"
    kind = asked.kind
    if kind == "truefalse":
        return "t (true) or f (false)"
    if kind == "numeric":
        unit = getattr(question, "unit", None)
        return f"a number (in {literal(unit)})" if unit else "a number"
    if kind == "order":
        count = len(asked.shown)
        example = [str(n) for n in range(count, 0, -1)]
        if " ".join(example) == asked.answer_key():  # an example must never be the answer
            example = example[1:] + example[:1]
        return f"the step numbers in order, e.g. {' '.join(example)}"
    if kind == "match":
        return "pair each number with a letter, e.g. 1b 2a"
    if kind == "cloze":
        return "type the missing words"
    return "type your answer"


ONE_KEY_LIMIT = 9


def one_key_answers(asked: Asked) -> str:
    """The keys that answer this card at a single press, or "" when an answer may be longer.

    True/false (t, f) and multiple choice with one right answer and at most nine choices
    (a letter or a digit): no answer to these has two characters, so waiting for Enter only
    slows the learner. Shared by quiz and study so both read such cards the same way."""
    question = asked.question
    if asked.kind == "truefalse":
        return "tf"
    if isinstance(question, MultipleChoice) and not question.multiple:
        count = len(question.choices)
        if count <= ONE_KEY_LIMIT:
            return LETTERS[:count] + "".join(str(n) for n in range(1, count + 1))
    return ""


def render_question(console: Console, asked: Asked, header: str, status: str = "") -> None:
    """The header rule, a status line, the prompt, and the choices, steps or pairs to answer from."""
    console.print()
    console.rule(header, align="left", characters=glyphs(console).rule)
    if status:
        console.print(status)
    console.print(f"[bold]{deck_text(console, asked.prompt())}[/bold]")
    question = asked.question
    if isinstance(question, MultipleChoice):
        for place, index in enumerate(asked.shown):
            indent(console, f"[cyan]{LETTERS[place]})[/cyan] {deck_text(console, question.choices[index].text)}")
    elif isinstance(question, Order):
        for place, index in enumerate(asked.shown, start=1):
            indent(console, f"[cyan]{place}.[/cyan] {deck_text(console, question.items[index])}")
    elif isinstance(question, Occlusion):
        labels = [shape.text for shape in question.shapes if shape.shape == "text" and shape.ordinal == 0]
        if labels:
            indent(console, f"[dim]Labels on the image: {deck_text(console, '; '.join(labels))}[/dim]")
        indent(console, "[dim]o opens the image with this region masked in red[/dim]")
    elif isinstance(question, Match):
        for number, pair in enumerate(question.pairs, start=1):
            indent(console, f"[cyan]{number}.[/cyan] {deck_text(console, pair.left)}")
        console.print("  [dim]with[/dim]")
        for place, index in enumerate(asked.shown):
            right = question.right_items()[index]
            indent(console, f"[cyan]{LETTERS[place]})[/cyan] {deck_text(console, right)}")


def render_answer(console: Console, asked: Asked) -> None:
    """The answer of a self-rated card, shown after the reveal."""
    console.print(f"[green]Answer:[/green] {deck_text(console, asked.answer())}")
    extra = getattr(asked.question, "extra", "")
    if extra:
        indent(console, f"{deck_text(console, extra)}")
    question = asked.question
    if isinstance(question, Occlusion):
        named = "" if question.labelled(asked.ordinal) else "the note names no region: "
        indent(console, f"[dim]{named}o opens the image with the region uncovered[/dim]")


def render_verdict(console: Console, asked: Asked, grade: Grade) -> None:
    """Right or wrong, the expected answer, what differed, and any note."""
    marks = glyphs(console)
    if grade.correct:
        console.print(f"[bold green]{marks.right} Right[/bold green]")
    elif grade.score > 0:
        console.print(f"[bold yellow]{marks.wrong} Partly right ({grade.score:.0%})[/bold yellow]")
    else:
        console.print(f"[bold red]{marks.wrong} Wrong[/bold red]")
    if not grade.correct or grade.note:
        indent(console, f"[green]Answer:[/green] {deck_text(console, _expected(asked, grade))}")
    if grade.diff and (not grade.correct or grade.note):
        render_diff(console, grade)
    if grade.note:
        indent(console, f"[dim]{deck_text(console, grade.note)}[/dim]")


def _expected(asked: Asked, grade: Grade) -> str:
    if asked.kind in ("order", "match"):
        return f"{grade.expected}  ({asked.answer()})"
    return grade.expected


def aligned_diff(grade: Grade) -> list[tuple[str, str, bool]]:
    """The diff as aligned columns: (expected text, typed text, differs) per stretch, both texts
    padded to one width, so the two can be printed one above the other."""
    columns: list[tuple[str, str, bool]] = []
    parts = list(grade.diff)
    index = 0
    while index < len(parts):
        part = parts[index]
        if part.op == "same":
            columns.append((part.text, part.text, False))
        elif part.op == "typed" and index + 1 < len(parts) and parts[index + 1].op == "missing":
            wanted = parts[index + 1].text
            width = max(len(part.text), len(wanted))
            columns.append((wanted.ljust(width), part.text.ljust(width), True))
            index += 1
        elif part.op == "typed":
            columns.append((" " * len(part.text), part.text, True))
        else:
            columns.append((part.text, " " * len(part.text), True))
        index += 1
    return columns


def render_diff(console: Console, grade: Grade) -> None:
    """Expected and typed on two aligned lines, what differs in colour and marked with ^ on a
    third line (readable where strikethrough is not shown, and without colour)."""
    if not grade.diff:
        return
    colour = console.color_system is not None
    expected, typed, marks = [], [], []
    for wanted, given, differs in aligned_diff(grade):
        wanted_text, given_text = deck_text(console, wanted), deck_text(console, given)
        if differs and colour:
            wanted_text = f"[green]{wanted_text}[/green]"
            given_text = f"[red]{given_text}[/red]"
        expected.append(wanted_text)
        typed.append(given_text)
        marks.append(("^" if differs else " ") * len(wanted))
    console.print("  [dim]Expected:[/dim] " + "".join(expected), soft_wrap=True)
    console.print("  [dim]Yours:[/dim]    " + "".join(typed), soft_wrap=True)
    console.print("            " + "".join(marks).rstrip(), soft_wrap=True)


def render_explanation(console: Console, asked: Asked, source_title: str | None = None) -> None:
    """The explanation, and where in the source the fact comes from."""
    question = asked.question
    if question.explanation:
        indent(console, f"[italic]{deck_text(console, question.explanation)}[/italic]")
    where = [part for part in (source_title, question.section) if part]
    if where:
        joined = f" {glyphs(console).dot} ".join(deck_text(console, part) for part in where)
        indent(console, f"[dim]Source: {joined}[/dim]")
