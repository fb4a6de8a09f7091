"""The dashboard `quizmg` shows with no arguments: decks, what is due, today, the streak."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from rich import box
from rich.console import Console
from rich.table import Table

from quizmg.ui.ask import deck_text


@dataclass(frozen=True)
class DeckLine:
    """One deck's row on the dashboard."""

    name: str
    title: str
    cards: int
    due: int  # learning and review cards due now
    new: int  # new cards available today


def next_step(lines: list[DeckLine], next_due: datetime | None, now: datetime) -> str:
    """The one command to type next."""
    waiting = [line for line in lines if line.due or line.new]
    if len(waiting) == 1:
        return f"quizmg study {waiting[0].name}"
    if waiting:
        return "quizmg study"
    if lines:
        return f"quizmg quiz {lines[0].name}"
    return "quizmg new my-deck.yaml"


def render_dashboard(
    console: Console,
    lines: list[DeckLine],
    *,
    answered_today: int,
    streak_days: int,
    next_due: datetime | None,
    now: datetime,
    sync_waiting: int = 0,
) -> None:
    """Decks with due and new counts, today's answers, the streak, and what to type next."""
    from quizmg.scheduling.scheduler import interval_text

    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, title="quizmg", title_justify="left")
    table.add_column("deck", overflow="fold")
    table.add_column("title", overflow="fold", ratio=1)
    table.add_column("due", justify="right")
    table.add_column("new", justify="right")
    table.add_column("cards", justify="right")
    for line in lines:
        table.add_row(
            deck_text(console, line.name),
            deck_text(console, line.title),
            f"[bold]{line.due}[/bold]" if line.due else "0",
            str(line.new),
            str(line.cards),
        )
    console.print(table)
    due = sum(line.due for line in lines)
    new = sum(line.new for line in lines)
    days = f"{streak_days} day{'s' if streak_days != 1 else ''}"
    console.print(f"Today: {answered_today} answered, {due} due, {new} new.  Streak: {days}.")
    if not due and not new and next_due is not None:
        console.print(f"Next card due in {interval_text(next_due - now)}.")
    console.print(f"Next: [bold]{next_step(lines, next_due, now)}[/bold]")
    if sync_waiting:
        console.print(f"Sync due: {sync_waiting} answer(s) wait to go to Anki; run [bold]quizmg sync[/bold].")
