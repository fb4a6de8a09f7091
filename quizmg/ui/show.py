"""Printing a bank: readable in a terminal, or as JSON for scripts."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.text import Text

from quizmg.bank import Bank
from quizmg.model import Cloze, Match, MultipleChoice, Occlusion, Order, QuestionBase
from quizmg.ui.console import literal
from quizmg.words import plural


def question_as_json(question: QuestionBase) -> dict[str, Any]:
    """One question with its kind, id, mechanism, prompt and answer, plus every field."""
    fields = question.model_dump(mode="json")
    return {
        "id": question.id,
        "kind": fields.pop("kind"),
        "mechanism": question.mechanism,
        "section": question.section,
        "prompt": question.prompt_text(),
        "answer": question.answer_text(),
        "cards": len(question.card_ordinals()),
        "fields": fields,
    }


def bank_as_json(bank: Bank) -> dict[str, Any]:
    """The deck's header and every question, for scripts."""
    deck = bank.deck
    return {
        "id": deck.id,
        "title": deck.title,
        "description": deck.description,
        "source": deck.source.model_dump(mode="json") if deck.source else None,
        "tags": deck.tags,
        "mechanisms": [m.model_dump(mode="json") for m in deck.mechanisms],
        "questions": [question_as_json(q) for q in bank.questions],
    }


def render_bank(console: Console, bank: Bank, *, answers: bool) -> None:
    """The bank as numbered questions, grouped under their mechanisms."""
    deck = bank.deck
    console.print(f"[bold]{literal(deck.title)}[/bold]  ({literal(deck.id)})")
    if deck.description:
        console.print(literal(deck.description))
    if deck.source:
        console.print(f"[dim]Source: {literal(deck.source.title)}[/dim]")
    console.print(
        f"[dim]{plural(len(bank.questions), 'question')}, {plural(len(bank.cards()), 'card')}, "
        f"{plural(len(deck.mechanisms), 'mechanism')}[/dim]"
    )
    current_group: str | None = "\0"
    for number, question in enumerate(bank.questions, start=1):
        group = question.mechanism
        if group != current_group:
            current_group = group
            mechanism = deck.mechanism(group) if group else None
            title = f"{mechanism.agent} {mechanism.action} {mechanism.target}" if mechanism else group
            console.print()
            console.rule(Text(title or "Other questions", style="bold"), align="left")
        _render_question(console, number, question, answers=answers)


def _render_question(console: Console, number: int, question: QuestionBase, *, answers: bool) -> None:
    kind = question.kind  # type: ignore[attr-defined]
    prompt = question.render(1) if isinstance(question, Cloze) else question.prompt_text()
    console.print(f"[bold]{number}.[/bold] [cyan]{kind}[/cyan] [dim]{literal(question.id or '')}[/dim]")
    if isinstance(question, Occlusion):
        _render_occlusion(console, question, answers=answers)
        return
    console.print(f"   {literal(prompt)}")
    if isinstance(question, MultipleChoice):
        for letter, choice in zip("abcdefgh", question.choices, strict=False):
            mark = " [green]✓[/green]" if answers and choice.correct else ""
            console.print(f"     {letter}) {literal(choice.text)}{mark}")
    elif isinstance(question, Order) and not answers:
        for step in sorted(question.items):
            console.print(f"     - {literal(step)}")
    elif isinstance(question, Match) and not answers:
        rights = sorted(pair.right for pair in question.pairs)
        for index, pair in enumerate(question.pairs):
            console.print(f"     {literal(pair.left)}  …  {literal(rights[index])}")
    if answers:
        console.print(f"   [green]Answer:[/green] {literal(question.answer_text())}")
        if question.explanation:
            console.print(f"   [dim]{literal(question.explanation)}[/dim]")


def _render_occlusion(console: Console, question: Occlusion, *, answers: bool) -> None:
    """The header, the image, and each region (one card each) by place, named with --answers."""
    if question.header:
        console.print(f"   {literal(question.header)}")
    console.print(f"   {literal(question.image)}")
    for ordinal in question.card_ordinals():
        where = "; ".join(shape.where() for shape in question.region(ordinal))
        named = answers and question.labelled(ordinal)
        name = f" [green]= {literal(question.region_name(ordinal))}[/green]" if named else ""
        console.print(f"     {ordinal}. {literal(where)}{name}")
    labels = [shape.text for shape in question.shapes if shape.ordinal == 0 and shape.text]
    if labels:
        console.print(f"     [dim]labels shown on every card: {literal('; '.join(labels))}[/dim]")
    if answers and question.extra:
        console.print(f"   [dim]{literal(question.extra)}[/dim]")
    if answers and question.explanation:
        console.print(f"   [dim]{literal(question.explanation)}[/dim]")
