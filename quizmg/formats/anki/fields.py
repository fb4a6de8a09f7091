"""The fields of a quizmg note in Anki: each question kind's fields as HTML, and the shared tail."""

from __future__ import annotations

import html
import json
import re
import zlib
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from quizmg.errors import QuizmgError
from quizmg.formats.anki.ids import DECK_DATA_PREFIX, DECK_DATA_SUFFIX
from quizmg.formats.deck_html import escape_text
from quizmg.model import (
    Basic,
    Cloze,
    Deck,
    Match,
    Mechanism,
    MultipleChoice,
    Numeric,
    Occlusion,
    Order,
    QuestionBase,
    Short,
    Source,
    TrueFalse,
)

if TYPE_CHECKING:
    from quizmg.bank import Bank

Markdown = Callable[[str], str]  # deck text to HTML, images included

def _list(items: Sequence[str], css: str, kind: str = "") -> str:
    type_attr = f' type="{kind}"' if kind else ""
    entries = "<li>" + "</li><li>".join(items) + "</li>" if items else ""
    return f'<ol class="{css}"{type_attr}>{entries}</ol>'


def _scrambled(items: list[str], seed: str) -> list[str]:
    """The items in an order fixed by `seed`, never the given order when there are two or more."""
    # Positions ordered by a checksum of (seed, position): as fixed as a seeded shuffle, without
    # building and seeding a Mersenne Twister for every order and match question.
    keys = [zlib.crc32(f"{seed}/{index}".encode()) for index in range(len(items))]
    shuffled = [items[index] for index in sorted(range(len(items)), key=keys.__getitem__)]
    if shuffled == items and len(items) > 1:
        shuffled = shuffled[1:] + shuffled[:1]
    return shuffled


def _basic_fields(question: Basic, md: Markdown) -> list[str]:
    return [md(question.prompt), md(question.answer)]


def _cloze_fields(question: Cloze, md: Markdown) -> list[str]:
    return [md(question.text), md(question.extra)]


def _credit_note(question: MultipleChoice, index: int) -> str:
    """A choice's own credit, when the teacher gave one (Moodle's `%50%`), as ` (50%)`."""
    credit = question.choices[index].credit
    return "" if credit is None or credit == 100 else f" ({credit:g}%)"


def _choice_fields(question: MultipleChoice, md: Markdown) -> list[str]:
    choices = [md(c.text) for c in question.choices]
    # The back shows the front (every choice, once) and then only the right ones (and those worth
    # part of the mark, with their percent), each with its letter kept (value= numbers the item),
    # and what the wrong ones were wrong about.
    right = "".join(
        f'<li value="{index}"><span class="qz-correct">{text}</span>{_credit_note(question, index - 1)}'
        + (f' <span class="qz-hint">{md(c.explanation)}</span>' if c.explanation else "")
        + "</li>"
        for index, (c, text) in enumerate(zip(question.choices, choices, strict=True), start=1)
        if c.correct or question.credit(index - 1) > 0
    )
    wrong = "".join(
        f'<li value="{index}">{md(c.explanation)}{_credit_note(question, index - 1)}</li>'
        for index, c in enumerate(question.choices, start=1)
        if not c.correct and question.credit(index - 1) <= 0 and c.explanation
    )
    answer = f'<ol class="qz-choices" type="A">{right}</ol>'
    if wrong:
        answer += f'<ol class="qz-choices qz-hint" type="A">{wrong}</ol>'
    instruction = "Pick every correct answer." if question.multiple else "Pick one answer."
    return [md(question.prompt), _list(choices, "qz-choices", "A"), answer, instruction]


def _true_false_fields(question: TrueFalse, md: Markdown) -> list[str]:
    return [md(question.statement), "True" if question.answer else "False"]


def _short_fields(question: Short, md: Markdown) -> list[str]:
    # Answers worth part of the mark (Moodle's `=%50%Star`) are listed with their percent; `*` catch-alls are not.
    partial = [f"{p.text} ({p.credit:g}%)" for p in question.partial if p.credit > 0 and p.text.strip("*")]
    return [md(question.prompt), escape_text(question.answer), escape_text(", ".join([*question.accepted, *partial]))]


def _numeric_fields(question: Numeric, md: Markdown) -> list[str]:
    # Moodle's other graded numbers follow the answer, each with its tolerance and percent.
    others = [
        f"{m.answer:g}" + (f" ± {m.tolerance:g}" if m.tolerance else "") + f" ({m.credit:g}%)"
        for m in question.more
        if m.credit > 0
    ]
    answer = question.answer_text() + (f"; also {', '.join(others)}" if others else "")
    return [md(question.prompt), escape_text(answer)]


def _order_fields(question: Order, md: Markdown) -> list[str]:
    items = [md(item) for item in question.items]
    return [
        md(question.prompt),
        _list(_scrambled(items, question.id or ""), "qz-items", "a"),
        _list(items, "qz-items"),
    ]


def _match_fields(question: Match, md: Markdown) -> list[str]:
    lefts = [md(p.left) for p in question.pairs]
    rights = [md(p.right) for p in question.pairs]
    rows = "".join(
        f"<tr><td>{left}</td><td>→</td><td>{right}</td></tr>"
        for left, right in zip(lefts, rights, strict=True)
    )
    # The items to choose from: each right item once, and the extra wrong ones (Moodle's distractors).
    offered = [md(item) for item in question.right_items()]
    return [
        md(question.prompt),
        _list(lefts, "qz-items"),
        _list(_scrambled(offered, question.id or ""), "qz-items", "a"),
        f'<table class="qz-pairs">{rows}</table>',
    ]


def _occlusion_fields(question: Occlusion, md: Markdown) -> list[str]:
    from quizmg.formats.anki.occlusion import occlusion_field

    return [
        occlusion_field(question.shapes), md(question.image), md(question.header), md(question.extra),
        md(question.comments),
    ]


# Looked up by the question's class: one dictionary lookup per note, not a chain of isinstance.
_FIELDS_OF_KIND: dict[type, Callable[[Any, Markdown], list[str]]] = {
    Basic: _basic_fields,
    Cloze: _cloze_fields,
    MultipleChoice: _choice_fields,
    TrueFalse: _true_false_fields,
    Short: _short_fields,
    Numeric: _numeric_fields,
    Order: _order_fields,
    Match: _match_fields,
    Occlusion: _occlusion_fields,
}


def kind_fields(question: QuestionBase, md: Markdown) -> list[str]:
    """The fields of a question's kind, before the shared tail fields, as HTML."""
    fields_of = _FIELDS_OF_KIND.get(type(question))
    if fields_of is None:
        raise QuizmgError(f"question {question.id}: kind {question.kind!r} cannot go to Anki")  # type: ignore[attr-defined]
    return fields_of(question, md)


def mechanism_html(mechanism: Mechanism, md: Markdown) -> str:
    """A mechanism as one readable block: who acts on what, what the target is, what follows."""
    text = f"<b>Mechanism</b>: {md(mechanism.agent)} {md(mechanism.action)} {md(mechanism.target)}"
    if mechanism.target_is:
        text += f" ({md(mechanism.target_is)})"
    if mechanism.effects:
        text += "<br>" + " → ".join(md(effect) for effect in mechanism.effects)
    return text


def source_html(deck: Deck, question: QuestionBase) -> str:
    """Where the fact comes from: the deck's source and the question's section."""
    return _source_html(deck.source, question.section)


# Every note of a deck has the same source, and sections are few: each pair is written once.
@lru_cache(maxsize=1024)
def _source_html(source: Source | None, section: str | None) -> str:
    parts = []
    if source is not None:
        title = escape_text(source.title)
        if source.url and source.url.startswith(("https://", "http://")):
            title = f'<a href="{html.escape(source.url)}">{title}</a>'
        parts.append(f"<b>Source</b>: {title}")
        parts.extend(escape_text(item) for item in (source.author, source.licence) if item)
    if section:
        parts.append(f"section: {escape_text(section)}")
    return ", ".join(parts)


def question_json(deck_id: str, question: QuestionBase) -> str:
    """The question as JSON, HTML-escaped for its field: what lets quizmg read its notes back."""
    # The model's own serializer, as model_dump_json() calls it (same bytes), without the
    # keyword handling that doubles its cost: this runs once per note.
    # Only what differs from the defaults (the field is about half as long), with the kind first:
    # it is a default too, and reading the question back needs it.
    body = question.__pydantic_serializer__.to_json(question, exclude_defaults=True).decode()
    kind = f'"kind":"{question.kind}"'  # type: ignore[attr-defined]
    body = "{" + kind + ("," + body[1:] if body != "{}" else "}")
    dumped = f"{_deck_json_start(deck_id)}{body}}}"
    if "[sound:" in dumped:
        # Anki's media check reads every field: the hidden copy must not look like a sound tag.
        dumped = dumped.replace("[sound:", "\\u005bsound:")
    if "&" in dumped or "<" in dumped or ">" in dumped:  # three quick scans; escaping is slower
        return html.escape(dumped, quote=False)
    return dumped


@lru_cache(maxsize=64)
def _deck_json_start(deck_id: str) -> str:
    # The same for every question of a deck: encoded once, not once per note.
    return f'{{"deck":{json.dumps(deck_id)},"question":'


def deck_data_comment(bank: Bank) -> str:
    """The deck's own data (title, source, mechanisms, which questions were written by hand) as an
    HTML comment in the Anki deck description: it travels wherever the deck goes, through Anki's
    own exports too. Plain JSON, with `--` written `-\\u002d` so the comment cannot end early."""
    deck = bank.deck
    data = deck.model_dump(mode="json", exclude={"questions"}, exclude_defaults=True)
    data["id"], data["title"] = deck.id, deck.title
    data["written"] = [q.id for q in deck.questions]
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("--", "-\\u002d")
    return f"{DECK_DATA_PREFIX}{text}{DECK_DATA_SUFFIX}"


def tags_for(deck: Deck, question: QuestionBase) -> tuple[str, ...]:
    """The note's tags: the deck's and the question's, and the mechanism; never with spaces."""
    return _note_tags(tuple(deck.tags), tuple(question.tags), question.mechanism)


# Notes of a deck share a few combinations of tags: each is worked out once.
@lru_cache(maxsize=4096)
def _note_tags(deck_tags: tuple[str, ...], question_tags: tuple[str, ...], mechanism: str | None) -> tuple[str, ...]:
    tags = [*deck_tags, *question_tags]
    if mechanism:
        tags.append(f"mechanism::{mechanism}")
    # The model already refuses tags with spaces; the replacement is a guard for Anki's sake.
    return tuple(t for t in dict.fromkeys(re.sub(r"\s+", "_", t) for t in tags) if t)
