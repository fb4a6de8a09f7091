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
from quizmg.study.quiz import DEFAULT_PENALTY, QuizAnswer, QuizResult, penalised
from quizmg.ui.ask import (
    clock_text,
    deck_text,
    glyphs,
    hint,
    indent,
    one_key_answers,
    render_answer,
    render_explanation,
    render_question,
    render_verdict,
)
from quizmg.ui.keyboard import ENTER, STRAY_ENTER_SECONDS, EndOfInput, Keyboard, TimeUp, deadline

QUIZ_HELP = """[bold]Keys[/bold]
  t / f, a-i, 1-9  answer true/false and one-answer choice questions at one key
  Enter            with nothing typed: "don't know" (it counts as wrong)
  s  skip: the question comes back after the others
  q  stop here and hand in      ?  this help
While typing an answer, commands take a colon: :s :q :?
(a plain s or q works where it cannot be an answer, e.g. at a true/false question)
Before you hand in, a list of your answers lets you go back to any question."""

COMMANDS = {"s": "skip", "q": "quit", "?": "help", "h": "help"}


class Skip(Exception):
    """The learner skips this question for now."""


class Stop(Exception):
    """The learner stops the quiz and hands it in."""


DONT_KNOW = ""


def _command(word: str, asked: Asked) -> str | None:
    """The command a typed word means at this question (None: it is an answer)."""
    word = word.strip().lower()
    if word in ("?", ":?", ":h"):
        return "help"
    if word.startswith(":") and word[1:] in COMMANDS:
        return COMMANDS[word[1:]]
    if word in ("s", "q") and not _is_answer(asked, word):
        return COMMANDS[word]  # a plain q at a true/false question cannot be an answer
    return None


def _is_answer(asked: Asked, text: str) -> bool:
    try:
        asked.grade(text)
    except Unreadable:
        return False
    return True


def _obey(console: Console, name: str) -> None:
    if name == "skip":
        raise Skip
    if name == "quit":
        raise Stop
    console.print(QUIZ_HELP)


def dont_know(asked: Asked) -> Grade:
    """The grade of "don't know": wrong, with the answer to show at the end."""
    return Grade(False, asked.answer(), DONT_KNOW, note="you did not know")


def take_answer(
    console: Console, keyboard: Keyboard, asked: Asked, deadline_at: float | None = None
) -> tuple[str, Grade]:
    """Ask until the learner gives an answer (or "don't know"); return it with its grade.

    Raises Skip or Stop for those commands. With a deadline (time.monotonic()), the time left
    is shown in the prompt, live in a terminal.
    """

    def prompt(text: str, *, arrow: bool = False) -> Callable[[float], str]:
        def shown(left: float) -> str:
            clock = f"\\[{clock_text(left)} left] " if deadline_at is not None else ""
            return f"[dim]{clock}{text}[/dim] " + ("[bold]>[/bold] " if arrow else "")

        return shown

    def left() -> float:
        return 0.0 if deadline_at is None else deadline_at - time.monotonic()

    if asked.self_rated:
        while True:
            key = keyboard.key(prompt(hint(asked) + ", s skip, ? keys")(left()))
            if key in (ENTER, " "):
                break
            if key in COMMANDS:
                _obey(console, COMMANDS[key])
        render_answer(console, asked)
        while True:
            key = keyboard.key(prompt("Did you know it? y / n")(left()))
            if key in ("y", "n"):
                return key, asked.self_marked(key == "y")
            if key in COMMANDS and key != "s":  # the answer is shown: no skipping now
                _obey(console, COMMANDS[key])
    # A timed quiz reads lines: its line editor redraws the clock every second.
    keys = one_key_answers(asked) if keyboard.interactive and deadline_at is None else ""
    if keys:
        shown = time.monotonic()
        while True:
            key, colon = keyboard.command_key(prompt(f"{hint(asked)}, Enter: don't know, ? keys")(left()))
            if key in keys and not colon:
                return key, asked.grade(key)
            if key == ENTER and time.monotonic() - shown < STRAY_ENTER_SECONDS:
                continue  # the Enter of a learner used to typing one after the last answer
            if key == ENTER and not colon:
                return DONT_KNOW, dont_know(asked)
            if key in COMMANDS:
                _obey(console, COMMANDS[key])
    ask_line = prompt(hint(asked), arrow=True)
    while True:
        timed = deadline_at is not None
        given = keyboard.timed_line(ask_line, deadline_at) if timed else keyboard.line(ask_line(0))  # type: ignore[arg-type]
        if not given.strip():
            return DONT_KNOW, dont_know(asked)
        command = _command(given, asked)
        if command is not None:
            _obey(console, command)
            continue
        try:
            return given, asked.grade(given)
        except Unreadable as problem:
            console.print(f"[yellow]{deck_text(console, str(problem))}[/yellow]")


def _ask(
    console: Console,
    keyboard: Keyboard,
    result: QuizResult,
    index: int,
    began: float,
    answered: dict[int, QuizAnswer],
    feedback: bool = False,
) -> QuizAnswer:
    """Put question `index`; its answer (Skip, Stop and TimeUp pass through). With feedback, a
    question with hints is tried again after a wrong answer, one hint a try, as in Moodle's
    interactive quizzes, and its mark is penalised for each wrong try."""
    asked = result.paper[index]
    left = None if result.time_limit is None else result.time_limit - (time.monotonic() - began)
    if left is not None and left <= 0:
        raise TimeUp
    marks = glyphs(console)
    header = f"Question {index + 1}/{result.total} {marks.dot} {asked.kind}"
    if left is not None:
        header += f" {marks.dot} {clock_text(left)} left"
    render_question(console, asked, header)
    before = answered.get(index)
    if before is not None:
        console.print(f"[dim]Your answer so far: {_given_text(console, before)}[/dim]")
    started = time.monotonic()
    ends = None if result.time_limit is None else began + result.time_limit
    hints = asked.question.hints if feedback else []
    tries = 1
    with deadline(left):
        given, grade = take_answer(console, keyboard, asked, ends)
        while not grade.correct and given != DONT_KNOW and tries <= len(hints):
            penalty = asked.question.penalty
            cost = DEFAULT_PENALTY if penalty is None else penalty
            console.print(f"[yellow]Not yet.[/yellow] [bold]Hint:[/bold] {deck_text(console, hints[tries - 1])}")
            console.print(f"[dim]Try again: each wrong try takes {cost:.0f}% off this question's mark.[/dim]")
            tries += 1
            given, grade = _retry(console, keyboard, asked, ends)
    if tries > 1:
        grade = penalised(grade, tries - 1, asked.question.penalty)
    return QuizAnswer(asked, given, grade, time.monotonic() - started, tries)


def _retry(console: Console, keyboard: Keyboard, asked: Asked, ends: float | None) -> tuple[str, Grade]:
    """Another try at a question already tried: no skipping it now (its wrong tries count)."""
    while True:
        try:
            return take_answer(console, keyboard, asked, ends)
        except Skip:
            console.print("[dim]This question is under way: answer it, or Enter for don't know.[/dim]")


def _given_text(console: Console, answer: QuizAnswer) -> str:
    return "don't know" if answer.given == DONT_KNOW else deck_text(console, answer.given)


def sit_quiz(
    console: Console,
    keyboard: Keyboard,
    result: QuizResult,
    *,
    feedback: bool,
    now: Callable[[], datetime],
    source_title: str | None = None,
) -> QuizResult:
    """Put every question of the paper, skipped ones again after the others, then list the
    answers so the learner may go back before handing in. Stops early on time up, `q`, Ctrl-C
    or the end of input."""
    began = time.monotonic()
    answered: dict[int, QuizAnswer] = {}
    skipped: list[int] = []

    def put(index: int) -> None:
        try:
            answer = _ask(console, keyboard, result, index, began, answered, feedback)
        except Skip:
            if index not in skipped:
                skipped.append(index)
            console.print("[dim]Skipped: it comes back after the others.[/dim]")
            return
        answered[index] = answer
        if index in skipped:
            skipped.remove(index)
        if feedback:
            render_verdict(console, answer.asked, answer.grade)  # type: ignore[arg-type]
            render_explanation(console, answer.asked, source_title)

    try:
        for index in range(result.total):
            put(index)
        if skipped:
            console.print()
            console.print(f"[bold]Back to the {plural(len(skipped), 'question')} you skipped.[/bold]")
            for index in list(skipped):
                put(index)
        while True:
            chosen = _before_handing_in(console, keyboard, result, answered, feedback)
            if chosen is None:
                break
            put(chosen)
    except TimeUp:
        console.print()
        console.print("[bold red]Time is up.[/bold red]")
        result.timed_out = True
    except Stop:
        console.print("[yellow]Handed in: unanswered questions count as wrong.[/yellow]")
    except (EndOfInput, KeyboardInterrupt):
        console.print("[yellow]Quiz stopped: unanswered questions count as wrong.[/yellow]")
    result.answers = [answered[index] for index in sorted(answered)]
    result.finished = now()
    return result


def plural(count: int, word: str) -> str:
    """'1 question', '2 questions'."""
    return f"{count} {word if count == 1 else word + 's'}"


def _before_handing_in(
    console: Console,
    keyboard: Keyboard,
    result: QuizResult,
    answered: dict[int, QuizAnswer],
    feedback: bool,
) -> int | None:
    """The list of answered and skipped questions; the question to go back to, or None to hand in.

    The end of input hands in: piped answers end here."""
    console.print()
    console.rule("Before you hand in", align="left", characters=glyphs(console).rule)
    open_count = 0
    for index, asked in enumerate(result.paper):
        answer = answered.get(index)
        prompt = " ".join(asked.prompt().split())
        if len(prompt) > 60:
            prompt = prompt[:59] + "…"
        if answer is None:
            status = "[yellow]skipped[/yellow]"
            open_count += 1
        elif answer.given == DONT_KNOW:
            status = "[yellow]don't know[/yellow]"
            open_count += 1
        else:
            status = f"answered: {deck_text(console, answer.given)}"
        console.print(f"{index + 1:>3}. {status}  [dim]{deck_text(console, prompt)}[/dim]")
    changeable = "a skipped question's number" if feedback else "a question's number"
    summary = f"{len(answered) - sum(a.given == DONT_KNOW for a in answered.values())} answered"
    if open_count:
        summary += f", {open_count} skipped or not known"
    console.print(f"[bold]{summary}.[/bold]")
    while True:
        try:
            text = keyboard.line(f"[dim]Enter to hand in, or {changeable} to go back to it[/dim] [bold]>[/bold] ")
        except EndOfInput:
            return None
        word = text.strip().lower()
        if word in ("", "q", ":q"):
            return None
        if word in ("?", ":?", ":h"):
            console.print(QUIZ_HELP)
            continue
        if word.isdigit() and 1 <= int(word) <= result.total:
            index = int(word) - 1
            if feedback and index in answered and answered[index].given != DONT_KNOW:
                console.print("[yellow]With --feedback you saw the verdict: that answer stays.[/yellow]")
                continue
            return index
        console.print(f"[yellow]Type a number from 1 to {result.total}, or press Enter to hand in.[/yellow]")


def render_quiz_summary(console: Console, result: QuizResult, source_title: str | None = None) -> None:
    """The score, the breakdown per mechanism and per kind, and each mistake explained."""
    console.print()
    console.rule("Result", align="left", characters=glyphs(console).rule)
    score = f"[bold]Score: {result.right}/{result.total} ({result.percent:.0f}%)[/bold]"
    if result.points != result.right:
        retried = any(answer.tries > 1 for answer in result.answers)
        score += f"  [dim]with partial credit{' and penalties for wrong tries' if retried else ''}: " \
                 f"{result.points:.2f}[/dim]"
    console.print(score)
    if result.timed_out:
        console.print("[red]The time limit ran out.[/red]")
    if result.finished:
        spent = clock_text((result.finished - result.started).total_seconds())
        again = deck_text(console, result.same_paper or f"quizmg quiz {result.deck_id} --seed {result.seed}")
        console.print(f"[dim]Time {spent}. The same paper again:[/dim]")
        # On a line of its own and never broken by rich (the terminal wraps it): copied whole.
        console.print(again, soft_wrap=True)
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
            indent(console, f"[dim]You said:[/dim] {_given_text(console, answer)}")
            if answer.grade is not None:
                render_verdict(console, asked, answer.grade)
        render_explanation(console, asked, source_title)
