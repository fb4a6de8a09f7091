"""Sitting a quiz in the terminal: each question in turn, then the score and the mistakes."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from rich import box
from rich.console import Console
from rich.table import Table

from quizmg.study.asking import Asked
from quizmg.study.grading import Grade, Unreadable
from quizmg.study.quiz import QuizAnswer, QuizResult
from quizmg.ui.ask import (
    clock_text,
    deck_text,
    glyphs,
    hint,
    indent,
    render_answer,
    render_explanation,
    render_question,
    render_verdict,
)
from quizmg.ui.keyboard import ENTER, EndOfInput, Keyboard, TimeUp, deadline


def take_answer(
    console: Console, keyboard: Keyboard, asked: Asked, deadline_at: float | None = None
) -> tuple[str, Grade]:
    """Ask until the learner gives a readable answer; return it with its grade.

    With a deadline (time.monotonic()), the time left is shown in the prompt, live in a terminal.
    """

    def prompt(text: str, *, arrow: bool = False) -> Callable[[float], str]:
        def shown(left: float) -> str:
            clock = f"\\[{clock_text(left)} left] " if deadline_at is not None else ""
            return f"[dim]{clock}{text}[/dim] " + ("[bold]>[/bold] " if arrow else "")

        return shown

    def left() -> float:
        return 0.0 if deadline_at is None else deadline_at - time.monotonic()

    if asked.self_rated:
        while keyboard.key(prompt(hint(asked))(left())) not in (ENTER, " "):
            pass
        render_answer(console, asked)
        while True:
            key = keyboard.key(prompt("Did you know it? y / n")(left()))
            if key in ("y", "n"):
                return key, asked.self_marked(key == "y")
    ask_line = prompt(hint(asked), arrow=True)
    while True:
        timed = deadline_at is not None
        given = keyboard.timed_line(ask_line, deadline_at) if timed else keyboard.line(ask_line(0))  # type: ignore[arg-type]
        try:
            return given, asked.grade(given)
        except Unreadable as problem:
            console.print(f"[yellow]{deck_text(console, str(problem))}[/yellow]")


def sit_quiz(
    console: Console,
    keyboard: Keyboard,
    result: QuizResult,
    *,
    feedback: bool,
    now: Callable[[], datetime],
    source_title: str | None = None,
) -> QuizResult:
    """Put every question of the paper; stops early on time up, Ctrl-C or the end of input."""
    began = time.monotonic()
    total = result.total
    for number, asked in enumerate(result.paper, start=1):
        left = None if result.time_limit is None else result.time_limit - (time.monotonic() - began)
        if left is not None and left <= 0:
            result.timed_out = True
            break
        marks = glyphs(console)
        header = f"Question {number}/{total} {marks.dot} {asked.kind}"
        if left is not None:
            header += f" {marks.dot} {clock_text(left)} left"
        render_question(console, asked, header)
        started = time.monotonic()
        try:
            with deadline(left):
                given, grade = take_answer(
                    console, keyboard, asked, None if result.time_limit is None else began + result.time_limit
                )
        except TimeUp:
            console.print()
            console.print("[bold red]Time is up.[/bold red]")
            result.timed_out = True
            break
        except (EndOfInput, KeyboardInterrupt):
            console.print("[yellow]Quiz stopped: unanswered questions count as wrong.[/yellow]")
            break
        result.answers.append(QuizAnswer(asked, given, grade, time.monotonic() - started))
        if feedback:
            render_verdict(console, asked, grade)
            render_explanation(console, asked, source_title)
    result.finished = now()
    return result


def render_quiz_summary(console: Console, result: QuizResult, source_title: str | None = None) -> None:
    """The score, the breakdown per mechanism and per kind, and each mistake explained."""
    console.print()
    console.rule("Result", align="left", characters=glyphs(console).rule)
    score = f"[bold]Score: {result.right}/{result.total} ({result.percent:.0f}%)[/bold]"
    if result.points != result.right:
        score += f"  [dim]with partial credit: {result.points:.2f}[/dim]"
    console.print(score)
    if result.timed_out:
        console.print("[red]The time limit ran out.[/red]")
    if result.finished:
        spent = clock_text((result.finished - result.started).total_seconds())
        again = f"quizmg quiz {deck_text(console, result.deck_id)} --seed {result.seed}"
        console.print(f"[dim]Time {spent}. The same paper again: {again}[/dim]")
    for by, title in (("mechanism", "Mechanism"), ("kind", "Kind")):
        # rich falls back to an ASCII box by itself on an ASCII-only terminal.
        table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        table.add_column(title)
        table.add_column("right", justify="right")
        table.add_column("of", justify="right")
        for name, (right, total) in sorted(result.breakdown(by).items()):
            table.add_row(deck_text(console, name), str(right), str(total))
        console.print(table)
    mistakes = result.mistakes()
    if not mistakes:
        console.print("[green]No mistakes.[/green]")
        return
    console.print()
    console.print(f"[bold]Mistakes to review ({len(mistakes)})[/bold]")
    for asked, answer in mistakes:
        console.print()
        console.print(f"[bold]{deck_text(console, asked.prompt())}[/bold]")
        if answer is None:
            console.print("  [dim](not answered)[/dim]")
            indent(console, f"[green]Answer:[/green] {deck_text(console, asked.answer())}")
        else:
            indent(console, f"[dim]You said:[/dim] {deck_text(console, answer.given)}")
            if answer.grade is not None:
                render_verdict(console, asked, answer.grade)
        render_explanation(console, asked, source_title)
