"""`quizmg stats`: the statistics report in the terminal, as JSON, as HTML, and the simulator."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from datetime import datetime

    from quizmg.stats.report import StatsInput
    from quizmg.store import Collection


def parse_since(text: str, now: datetime) -> datetime:
    """'2024-05-01' (a UTC date or ISO time) or '30d' (days back from now) as a UTC datetime."""
    from datetime import datetime, timedelta, timezone

    from quizmg.errors import QuizmgError

    cleaned = text.strip().lower()
    if cleaned.endswith("d") and cleaned[:-1].isdigit():
        return now - timedelta(days=int(cleaned[:-1]))
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        raise QuizmgError(
            f"--since {text!r}: give a date such as 2024-05-01, or a number of days such as 30d."
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _deck_names(collection: Collection, names: tuple[str, ...]) -> list[str] | None:
    """Registered deck names for the DECK arguments (ids or paths); None means every deck."""
    if not names:
        return None
    from quizmg.bank import load_bank
    from quizmg.catalog import DECK_SUFFIXES

    result = []
    for name in names:
        candidate = Path(name).expanduser()
        if candidate.suffix.lower() in DECK_SUFFIXES or "/" in name:
            name = load_bank(candidate).id
        collection.deck_id(name)  # an unknown deck is a clear error naming the known ones
        result.append(name)
    return list(dict.fromkeys(result))


def gather(collection: Collection, decks: list[str] | None, now: datetime, since: datetime | None,
           warn: list[str]) -> StatsInput:
    """Read what the report needs from the collection and the decks' files."""
    from quizmg.bank import load_bank
    from quizmg.errors import QuizmgError
    from quizmg.stats.mastery import question_infos
    from quizmg.stats.report import StatsInput

    names = decks if decks is not None else [record.name for record in collection.decks()]
    reviews = [review for name in names for review in collection.reviews(name)]
    reviews.sort(key=lambda review: (review.time, review.id))
    cards = [card for name in names for card in collection.cards(name)]
    quizzes = [quiz for name in names for quiz in collection.quiz_results(name)]
    paths = collection.deck_paths()
    banks = []
    for name in names:
        path = paths.get(name)
        if path is None or not path.exists():
            warn.append(f"deck {name!r}: its file is gone, so its mastery is left out")
            continue
        try:
            banks.append(load_bank(path))
        except QuizmgError as error:
            warn.append(f"deck {name!r}: {error}".splitlines()[0])
    return StatsInput(
        reviews=reviews,
        cards=cards,
        now=now,
        settings=collection.settings(),
        questions=question_infos(banks),
        quizzes=quizzes,
        settings_for=collection.settings,
        since=since,
        queue_new=collection.due_counts(now, names).new if names else 0,
    )


@click.command()
@click.argument("decks", nargs=-1)
@click.option("--deck", "more_decks", multiple=True, help="Only this deck (repeatable); same as DECK arguments.")
@click.option("--since", help="Only reviews from this date (2024-05-01) or this many days back (30d).")
@click.option("--json", "as_json", is_flag=True, help="Print every figure as JSON instead.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, writable=True),
              help="Also write the report as one self-contained HTML file.")
@click.option("--simulate", "simulate_days", type=click.IntRange(1, 3650),
              help="Forecast workload and retention for DAYS days at several desired retentions.")
@click.option("--at", "at_time", hidden=True, help="Compute as of this ISO time (reproducible reports).")
def stats(
    decks: tuple[str, ...],
    more_decks: tuple[str, ...],
    since: str | None,
    as_json: bool,
    html_path: str | None,
    simulate_days: int | None,
    at_time: str | None,
) -> None:
    """Your progress: reviews per day, streaks, what is due, true retention, card counts, and
    mastery per mechanism and tag (all decks, or the DECKs named).

    Every figure comes from the review log. Cram and quiz answers count as time studied but
    not in retention, which measures the schedule.
    """
    from datetime import datetime, timezone

    from quizmg.cli.common import collection_path
    from quizmg.stats.report import build_report
    from quizmg.store import open_collection
    from quizmg.ui.console import make_console

    # The clock is read here, at the edge; --at pins it for reproducible reports and tests.
    now = parse_since(at_time, datetime.now(timezone.utc)) if at_time else datetime.now(timezone.utc)
    start = parse_since(since, now) if since else None
    warnings: list[str] = []
    with open_collection(collection_path(), now) as collection:
        names = _deck_names(collection, decks + more_decks)
        data = gather(collection, names, now, start, warnings)
        report = build_report(data)
        simulation = None
        if simulate_days:
            from quizmg.stats.simulate import compare_retentions

            simulation = compare_retentions(data, simulate_days)
    errors = make_console(stderr=True)
    for warning in warnings:
        errors.print(f"[yellow]Note:[/yellow] {_literal(warning)}")
    if as_json:
        figures = report.to_dict()
        if simulation is not None:
            figures["simulation"] = simulation.to_dict()
        from quizmg.ui.terminal_text import json_text

        click.echo(json_text(figures, indent=2))
    else:
        from quizmg.ui.stats_view import render_report, render_simulation

        console = make_console()
        if simulation is None:
            render_report(console, report)
        else:
            render_simulation(console, simulation)
    if html_path:
        from quizmg.formats.stats_html import write_stats_html

        write_stats_html(report, Path(html_path), simulation)
        make_console(stderr=as_json).print(f"Report written to {_literal(html_path)}")


def _literal(text: str) -> str:
    from quizmg.ui.console import literal

    return literal(text)
