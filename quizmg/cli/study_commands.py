"""Commands where the learner answers: `quizmg study`, `quizmg quiz`, and the dashboard."""

from __future__ import annotations

import click


def _now():  # type: ignore[no-untyped-def]
    """The current time, UTC-aware: read here, at the edge, and passed into the core."""
    from datetime import datetime, timezone

    return datetime.now(timezone.utc)


@click.command()
@click.argument("deck")
@click.option("-n", "count", type=int, default=20, show_default=True, help="Number of questions.")
@click.option("--seed", type=int, help="Seed for a reproducible paper (printed when not given).")
@click.option("--kinds", help="Only these kinds, comma-separated: mcq,truefalse,short,...")
@click.option("--mechanism", help="Only questions about this mechanism id.")
@click.option("--time-limit", help="Time for the whole quiz, e.g. 10m or 90s.")
@click.option("--feedback", is_flag=True, help="Say right or wrong after each answer.")
@click.option(
    "--json",
    "json_path",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="Write the results as JSON to this file ('-' for standard output).",
)
def quiz(
    deck: str,
    count: int,
    seed: int | None,
    kinds: str | None,
    mechanism: str | None,
    time_limit: str | None,
    feedback: bool,
    json_path: str | None,
) -> None:
    """Sit a scored quiz on DECK. It never changes your study schedule.

    Answer mcq by letter or number, true/false with t or f, order with the step numbers
    (3 1 2), match with pairs (1b 2a). The score, a breakdown and your mistakes come at the end.
    """
    import json
    import secrets

    from quizmg.cli.common import open_bank
    from quizmg.study.quiz import QuizResult, choose_paper, parse_duration, parse_kinds
    from quizmg.ui.console import make_console
    from quizmg.ui.keyboard import Keyboard
    from quizmg.ui.quiz_view import render_quiz_summary, sit_quiz

    bank = open_bank(deck)
    limit = parse_duration(time_limit) if time_limit else None
    if seed is None:
        seed = secrets.randbelow(1_000_000)
    paper = choose_paper(bank, count, seed, kinds=parse_kinds(kinds), mechanism=mechanism)
    # With the JSON on standard output, the quiz itself talks on standard error.
    console = make_console(stderr=json_path == "-")
    keyboard = Keyboard(console)
    source = bank.deck.source.title if bank.deck.source else None
    console.print(
        f"[bold]Quiz: {_literal(bank.deck.title)}[/bold]  {len(paper)} questions, seed {seed}"
        + (f", {time_limit} to finish" if limit else "")
        + (", no feedback until the end" if not feedback else "")
    )
    result = QuizResult(bank.id, seed, paper, _now(), time_limit=limit)
    sit_quiz(console, keyboard, result, feedback=feedback, now=_now, source_title=source)
    _store_quiz(result)
    render_quiz_summary(console, result, source)
    if json_path:
        text = json.dumps(result.as_json(), indent=2, ensure_ascii=False)
        if json_path == "-":
            click.echo(text)
        else:
            with open(json_path, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            console.print(f"[dim]Results written to {_literal(json_path)}[/dim]")


def _literal(text: str) -> str:
    from quizmg.ui.console import literal

    return literal(text)


def _store_quiz(result: object) -> None:
    """Keep the quiz in the collection's history (as quiz reviews, which never schedule)."""
    # Filled in once the collection store offers a quiz history.
    return None
