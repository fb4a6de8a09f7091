"""Printable worksheets: a clean HTML page per deck, with an answer key that matches it.

Choices, steps and match items are shuffled with a seed, so the same seed prints the same sheet
and the same key. Every question carries `data-id` and `data-kind`, and every key entry the
same `data-id`, so a sheet and its key can be checked against each other by a program.
"""

from __future__ import annotations

import html
import random
import re
import string
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from quizmg.formats.deck_html import ImageHandler, field_html, with_image_sources
from quizmg.model import (
    Basic,
    Cloze,
    Match,
    MultipleChoice,
    Numeric,
    Occlusion,
    Order,
    QuestionBase,
    Short,
    TrueFalse,
)
from quizmg.model.questions import CLOZE_PATTERN

PAPER_SIZES = {"a4": "A4", "letter": "letter"}


@dataclass(frozen=True)
class Worksheet:
    """The sheet's HTML and, when asked for as a separate file, the key's HTML."""

    sheet: str
    key: str | None
    questions: list[QuestionBase] = field(default_factory=list)


def select_questions(
    questions: Sequence[QuestionBase],
    *,
    count: int | None = None,
    kinds: Sequence[str] = (),
    seed: int = 0,
) -> list[QuestionBase]:
    """The questions to print: of the given kinds, `count` of them drawn with the seed, in deck order
    but for questions that give each other away (quizmg.model.related), which are moved apart."""
    chosen = [q for q in questions if not kinds or q.kind in kinds]  # type: ignore[attr-defined]
    if count is not None and count < len(chosen):
        keep = set(random.Random(seed).sample(range(len(chosen)), count))
        chosen = [q for index, q in enumerate(chosen) if index in keep]
    from quizmg.model.related import spread

    return spread(chosen, lambda question: question, mechanisms=False)  # deck order, give-aways apart


def build_worksheet(
    title: str,
    questions: Sequence[QuestionBase],
    *,
    seed: int = 0,
    answer_key: str | None = None,
    paper: str = "a4",
    images: ImageHandler | None = None,
) -> Worksheet:
    """The worksheet; `answer_key` is None, "page" (a last page of the sheet) or "file".
    `images` maps each image's source in the deck to the one the page shows (see embedded_images)."""
    sheet = _build(title, questions, seed=seed, answer_key=answer_key, paper=paper)
    if images is None:
        return sheet
    return Worksheet(
        with_image_sources(sheet.sheet, images),
        None if sheet.key is None else with_image_sources(sheet.key, images),
        sheet.questions,
    )


def embedded_images(files: dict[str, Path]) -> ImageHandler:
    """Image sources mapped to the files' own bytes as data: addresses, so a sheet printed or sent
    on alone shows them. A web address stays as it is; any other source not in `files` (missing, or
    refused as outside the deck's folder) is left out, and the page shows the image's alt text."""
    import base64
    import mimetypes

    from quizmg.formats.media import is_external

    def source(src: str) -> str:
        path = files.get(src)
        if path is None:
            return src if is_external(src) else ""
        kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"

    return source


def _build(
    title: str, questions: Sequence[QuestionBase], *, seed: int, answer_key: str | None, paper: str
) -> Worksheet:
    marked = any(question.marks is not None for question in questions)
    items = [_render(number, question, seed, marked) for number, question in enumerate(questions, 1)]
    total = sum(_marks(question) for question in questions)
    total_line = f'<p class="total">Total: {_number(total)} mark{"s" if total != 1 else ""}</p>' if marked else ""
    body = [
        f"<header><h1>{_text(title)}</h1>",
        '<p class="who">Name: <span class="fill"></span> Date: <span class="fill short"></span></p>',
        total_line,
        "</header>",
        '<ol class="questions">',
        *(item.question for item in items),
        "</ol>",
    ]
    key = [
        f'<section class="key"><h2>Answer key: {_text(title)}</h2>',
        '<ol class="answers">',
        *(item.answer for item in items),
        "</ol>",
        f'<p class="seed">Seed {seed}: print again with --seed {seed} for the same order.</p>',
        "</section>",
    ]
    paper_size = PAPER_SIZES[paper]
    if answer_key == "page":
        return Worksheet(_page(title, [*body, *key], paper_size), None, list(questions))
    if answer_key == "file":
        return Worksheet(
            _page(title, body, paper_size),
            _page(f"{title}: answer key", key, paper_size),
            list(questions),
        )
    return Worksheet(_page(title, body, paper_size), None, list(questions))


@dataclass(frozen=True)
class _Rendered:
    question: str
    answer: str


def _marks(question: QuestionBase) -> float:
    return 1.0 if question.marks is None else question.marks


def _number(value: float) -> str:
    return f"{value:g}"


def _answer_lines(question: QuestionBase, answer: str, least: int) -> str:
    """Ruled lines for a written answer: as many as the question asks, else as its answer needs."""
    count = question.lines if question.lines is not None else max(least, min(8, -(-len(answer) // 45)))
    return '<p class="lines">' + '<span class="line"></span>' * count + "</p>"


def _render(number: int, question: QuestionBase, seed: int, marked: bool = False) -> _Rendered:
    """One question's HTML and its answer-key entry."""
    rng = random.Random(f"{seed}:{question.id}")
    key_figure = ""
    kind = question.kind  # type: ignore[attr-defined]
    qid = html.escape(question.id or "", quote=True)
    head = f'<li class="question {kind}" data-id="{qid}" data-kind="{kind}">'
    if isinstance(question, MultipleChoice):
        choices = list(question.choices)
        if question.shuffle:
            rng.shuffle(choices)
        letters = string.ascii_uppercase
        note = ' <span class="note">(tick every right answer)</span>' if question.multiple else ""
        options = "".join(
            f'<li><span class="box"></span> <b>{letters[i]}</b> {_text(c.text)}</li>' for i, c in enumerate(choices)
        )
        body = f'{_prompt(question.prompt)}{note}<ul class="choices">{options}</ul>'
        right = [f"{letters[i]}. {c.text}" for i, c in enumerate(choices) if c.correct]
        answer = "; ".join(right)
    elif isinstance(question, TrueFalse):
        body = (
            f"{_prompt(question.statement)}"
            '<p class="tf"><span class="box"></span> True <span class="box"></span> False</p>'
        )
        answer = question.answer_text()
    elif isinstance(question, Cloze):
        gaps: list[str] = []

        def gap(match: object) -> str:
            gaps.append(match.group(2))  # type: ignore[attr-defined]
            hint = match.group(3)  # type: ignore[attr-defined]
            label = f"({len(gaps)}{', ' + html.escape(hint) if hint else ''})"
            return f'<span class="gap"></span><sup>{label}</sup>'

        parts = []
        last = 0
        for match in CLOZE_PATTERN.finditer(question.text):
            parts.append(_text(question.text[last : match.start()]))
            parts.append(gap(match))
            last = match.end()
        parts.append(_text(question.text[last:]))
        body = f'<p class="prompt">Fill in the gaps: {"".join(parts)}</p>'
        answer = "; ".join(f"({i}) {word}" for i, word in enumerate(gaps, 1))
    elif isinstance(question, Numeric):
        unit = f" {_text(question.unit)}" if question.unit else ""
        body = f'{_prompt(question.prompt)}<p class="number"><span class="answerbox"></span>{unit}</p>'
        answer = question.answer_text()
    elif isinstance(question, Order):
        steps = list(question.items)
        while len(steps) > 1 and steps == question.items:
            rng.shuffle(steps)
        rows = "".join(f'<li><span class="box wide"></span> {_text(step)}</li>' for step in steps)
        body = (
            f'{_prompt(question.prompt)}<p class="note">Number the steps 1 to {len(steps)}.</p>'
            f'<ul class="steps">{rows}</ul>'
        )
        answer = " → ".join(question.items)
    elif isinstance(question, Match):
        rights = question.right_items()  # each once, distractors too
        rng.shuffle(rights)
        letters = string.ascii_uppercase
        left = "".join(f'<li><span class="box wide"></span> {_text(pair.left)}</li>' for pair in question.pairs)
        right_html = "".join(f"<li><b>{letters[i]}</b> {_text(item)}</li>" for i, item in enumerate(rights))
        body = (
            f'{_prompt(question.prompt)}<p class="note">Write the letter of the match in each box.</p>'
            f'<div class="pairs"><ol class="left">{left}</ol><ul class="right">{right_html}</ul></div>'
        )
        answer = "; ".join(f"{pair.left} = {letters[rights.index(pair.right)]}" for pair in question.pairs)
    elif isinstance(question, Short):
        body = f"{_prompt(question.prompt)}{_answer_lines(question, question.answer, 1)}"
        answer = question.answer + (f" (also: {', '.join(question.accepted)})" if question.accepted else "")
    elif isinstance(question, Occlusion):
        body, answer, key_figure = _occlusion(question)
    elif isinstance(question, Basic):
        # A card's answer is often a sentence or two: room to write it, two lines at least.
        body = f"{_prompt(question.prompt)}{_answer_lines(question, question.answer, 2)}"
        answer = question.answer
    else:  # pragma: no cover - every kind is handled above
        raise TypeError(f"cannot print {type(question).__name__}")
    if question.lines is not None and isinstance(question, (MultipleChoice, TrueFalse, Numeric, Match, Order, Cloze)):
        body += _answer_lines(question, "", 0) if question.lines else ""  # room for working out
    if marked:
        worth = _marks(question)
        body = f'<span class="marks">[{_number(worth)} mark{"s" if worth != 1 else ""}]</span>{body}'
    explanation = f' <span class="why">{_text(question.explanation)}</span>' if question.explanation else ""
    key = f'<li data-id="{qid}">{key_figure}<span class="answer">{_text(answer)}</span>{explanation}</li>'
    return _Rendered(f"{head}{body}</li>", key)


def _occlusion(question: Occlusion) -> tuple[str, str, str]:
    """An occluded image on paper: every region masked and numbered, a line to name each; the key
    draws them uncovered. (body, answer, the key's figure)"""
    from quizmg.formats.occlusion_html import figure

    src = question.image_src()
    ordinals = question.card_ordinals()
    lines = '<li><span class="line"></span></li>' * len(ordinals)
    body = (
        f'{_prompt(question.header) if question.header else ""}'
        '<p class="note">Name each numbered region.</p>'
        f'<p class="figure">{figure(question, src, asked=None)}</p>'
        f'<ol class="regions lines">{lines}</ol>'
    )
    answer = "; ".join(f"({place}) {question.region_name(o)}" for place, o in enumerate(ordinals, start=1))
    if question.extra:
        answer += f". {question.extra}"
    return body, answer, f'<p class="figure">{figure(question, src, asked=None, reveal=True)}</p>'



def _prompt(text: str) -> str:
    return f'<p class="prompt">{_text(text)}</p>'


_HTML_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)\b[^<>]*>")
_MARKDOWN_OF = {"b": "**", "strong": "**", "i": "*", "em": "*"}


def _text(text: str) -> str:
    """Deck text (Markdown) as safe HTML: emphasis rendered, line breaks kept, any HTML an import
    left in the text read as what it shows (bold, italics, breaks), never printed as tags."""
    if "<" in text:
        text = re.sub(r"<(script|style)\b.*?</\1\s*>", "", text, flags=re.S | re.I)
        text = _HTML_TAG.sub(_tag_as_markdown, text)
        text = html.unescape(text) if "&" in text else text
    return field_html(None, text)


def _tag_as_markdown(match: re.Match[str]) -> str:
    name = match.group(1).casefold()
    if name in ("br", "p", "div", "li", "tr"):
        return "\n" if name == "br" or match.group(0).startswith("</") else ""
    return _MARKDOWN_OF.get(name, "")


def _page(title: str, body: list[str], paper: str) -> str:
    from quizmg.formats.occlusion_html import STYLE

    return "\n".join(
        [
            "<!DOCTYPE html>",
            '<html lang="en"><head><meta charset="utf-8">',
            f"<title>{_text(title)}</title>",
            f"<style>{_CSS.replace('PAPER', paper)}{STYLE}</style>",
            "</head><body>",
            *body,
            "</body></html>",
            "",
        ]
    )


_CSS = """
@page { size: PAPER; margin: 16mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font: 11.5pt/1.45 "Helvetica Neue", Arial, "Liberation Sans", sans-serif; color: #111;
       max-width: 180mm; margin: 0 auto; }
header h1 { font-size: 17pt; margin: 0 0 2mm; }
.who { margin: 0 0 6mm; color: #333; }
.fill { display: inline-block; width: 70mm; border-bottom: 1px solid #555; margin-right: 8mm; }
.fill.short { width: 35mm; }
ol.questions { padding-left: 7mm; margin: 0; }
li.question { margin: 0 0 5mm; padding-left: 1mm; break-inside: avoid; page-break-inside: avoid; }
li.question > p { margin: 0 0 1.5mm; }
.note { color: #555; font-size: 10pt; }
ul.choices, ul.steps, ul.right, ol.left { list-style: none; padding: 0; margin: 1mm 0 0 2mm; }
ul.choices li, ul.steps li, ol.left li, ul.right li { margin: 0 0 1.3mm; }
.box { display: inline-block; width: 4mm; height: 4mm; border: 1px solid #333;
       vertical-align: -0.6mm; margin-right: 1.5mm; }
.box.wide { width: 8mm; }
.tf .box { margin-left: 4mm; }
.tf .box:first-child { margin-left: 0; }
.gap { display: inline-block; width: 32mm; border-bottom: 1px solid #333; }
.lines .line { display: block; height: 8mm; border-bottom: 1px solid #999; }
.answerbox { display: inline-block; width: 35mm; height: 8mm; border: 1px solid #333;
             vertical-align: middle; }
.pairs { display: flex; gap: 12mm; }
.pairs ol.left, .pairs ul.right { flex: 1; }
section.key { break-before: page; page-break-before: always; }
section.key h2 { font-size: 15pt; margin: 0 0 4mm; }
ol.answers { padding-left: 7mm; }
ol.answers li { margin: 0 0 2.5mm; break-inside: avoid; }
.answer { font-weight: bold; }
.why { display: block; color: #444; font-size: 10pt; }
.seed { color: #777; font-size: 9pt; margin-top: 6mm; }
.marks { float: right; color: #333; font-size: 10pt; margin-left: 4mm; }
.total { margin: -3mm 0 5mm; font-weight: bold; }
@media screen { body { margin: 10mm auto; } }
"""
