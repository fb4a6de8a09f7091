"""Commands where the learner answers: `quizmg study`, `quizmg quiz`, and the dashboard."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from quizmg.words import plural

if TYPE_CHECKING:
    from datetime import datetime

    from rich.console import Console

    from quizmg.bank import Bank
    from quizmg.store import Collection
    from quizmg.study.quiz import QuizResult


def _now() -> datetime:
    """The current time, UTC-aware: read here, at the edge, and passed into the core."""
    from quizmg.cli.common import utc_now

    return utc_now()


@click.command()
@click.argument("deck")
@click.option("-n", "count", type=int, default=20, show_default=True, help="Number of questions.")
@click.option("--seed", type=int, help="Seed for a reproducible paper (printed when not given).")
@click.option("--kinds", help="Only these kinds, comma-separated: mcq,truefalse,short,...")
@click.option("--mechanism", help="Only questions about this mechanism id.")
@click.option("--time-limit", help="Time for the whole quiz, e.g. 10m or 90s.")
@click.option(
    "--feedback", is_flag=True,
    help="Say right or wrong after each answer; a question with hints (from Moodle) is tried again, "
         "one hint a try, its mark less its penalty for each wrong try.",
)
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

    Answer mcq by letter or number, true/false with t or f (one key, no Enter, where the answer
    cannot be longer), order with the step numbers (3 1 2), match with pairs (1b 2a). Enter with
    nothing typed: "don't know". s (or :s) skips a question until the others are done, q (or
    :q) hands in, ? shows the keys. Before handing in, a list of your answers lets you go back
    to any question. The score, a breakdown, your mistakes and the command that sets the same
    paper again come at the end.
    """
    import secrets

    from quizmg.cli.common import open_bank
    from quizmg.study.quiz import QuizResult, choose_paper, parse_duration, parse_kinds, same_paper_command
    from quizmg.ui.console import make_console
    from quizmg.ui.keyboard import Keyboard
    from quizmg.ui.quiz_view import render_quiz_summary, sit_quiz

    if json_path and json_path != "-":
        from quizmg.cli.output import check_writable

        check_writable(json_path)  # before the quiz, not after the learner has sat it
    bank = open_bank(deck)
    limit = parse_duration(time_limit) if time_limit else None
    if seed is None:
        seed = secrets.randbelow(1_000_000)
    chosen_kinds = parse_kinds(kinds)
    paper = choose_paper(bank, count, seed, kinds=chosen_kinds, mechanism=mechanism)
    # With the JSON on standard output, the quiz itself talks on standard error.
    console = make_console(stderr=json_path == "-")
    keyboard = Keyboard(console)
    source = bank.deck.source.title if bank.deck.source else None
    console.print(
        f"[bold]Quiz: {_literal(bank.deck.title)}[/bold]  {plural(len(paper), 'question')}, seed {seed}"
        + (f", {time_limit} to finish" if limit else "")
        + (", no feedback until the end" if not feedback else "")
    )
    result = QuizResult(bank.id, seed, paper, _now(), time_limit=limit)
    result.same_paper = same_paper_command(deck, seed, count, chosen_kinds, mechanism)
    sit_quiz(console, keyboard, result, feedback=feedback, now=_now, source_title=source)
    try:
        _store_quiz(result)
        not_saved = None
    except Exception as error:  # a full disk: the learner still gets the score and the JSON
        not_saved = error
    render_quiz_summary(console, result, source)
    if json_path:
        from quizmg.ui.terminal_text import json_text

        text = json_text(result.as_json(), indent=2)
        if json_path == "-":
            click.echo(text)
        else:
            from quizmg.safe_files import write_text

            write_text(json_path, text + "\n")
            console.print(f"[dim]Results written to {_literal(json_path)}[/dim]")
    if not_saved is not None:
        raise not_saved  # reported as the situation (disk full, read-only), exit status 1


def _literal(text: str) -> str:
    from quizmg.ui.console import literal

    return literal(text)


def _store_quiz(result: QuizResult) -> None:
    """Keep the quiz in the collection's quiz history; the schedule is never touched."""
    with _open_collection() as collection:
        collection.save_quiz_result(
            result.deck_id,
            result.started,
            result.finished or _now(),
            float(result.right),
            float(result.total),
            result.as_json(),
        )


def _open_collection() -> Collection:
    from quizmg.cli.common import open_user_collection

    return open_user_collection(_now())


@click.command()
@click.argument("decks", nargs=-1)
@click.option(
    "--new", "new_limit", type=click.IntRange(min=0),
    help="N new cards this session, past today's limit if need be (Anki's custom study).",
)
@click.option("--limit", "card_limit", type=click.IntRange(min=1), help="Stop after N answers.")
@click.option("--time", "minutes", type=click.FloatRange(min=0, min_open=True), help="Stop after M minutes.")
@click.option("--cram", is_flag=True, help="Go through every card of the decks; the schedule is not changed.")
@click.option("--deck-order", is_flag=True, help="One deck after another instead of interleaved.")
def study(
    decks: tuple[str, ...],
    new_limit: int | None,
    card_limit: int | None,
    minutes: float | None,
    cram: bool,
    deck_order: bool,
) -> None:
    """Study the cards due now (all decks, or the DECKs named: built-in ids or paths).

    Every answer is saved the moment you give it. Keys: Enter/Space reveal, 1-4 rate,
    u undo, s suspend, b bury, ? help, q quit (Ctrl-C and Ctrl-D also stop safely).
    """
    from datetime import timedelta

    from quizmg.study.session import StudySession, waiting_for_cram, waiting_from_queue
    from quizmg.ui.console import make_console
    from quizmg.ui.keyboard import Keyboard
    from quizmg.ui.study_view import render_summary, run_session

    console = make_console()
    started = _now()
    with _open_collection() as collection:
        banks = _sync_decks(collection, decks, started, console)
        names = list(banks)
        if cram:
            cards = [card for name in names for card in collection.cards(name)]
            waiting = waiting_for_cram(cards, started, deck_order=deck_order)
        else:
            queued = collection.queue(started, names, new_allowance=new_limit)
            waiting = waiting_from_queue(queued, deck_order=deck_order)
            if new_limit is not None:
                _say_past_the_limit(console, collection, names, started, new_limit, queued)
        session = StudySession(
            collection,
            banks,
            waiting,
            started,
            cram=cram,
            new_limit=new_limit,
            card_limit=card_limit,
            time_limit=timedelta(minutes=minutes) if minutes else None,
        )
        learn_ahead = timedelta(minutes=collection.settings().learn_ahead_minutes)
        if not waiting and (cram or not collection.learning_ahead(started, started + learn_ahead, names)):
            counts = collection.due_counts(started, names)
            render_summary(console, session, "nothing is due", started, counts.next_due, 0)
            return
        titles = {name: bank.deck.source.title if bank.deck.source else None for name, bank in banks.items()}
        ended = run_session(console, Keyboard(console), session, now=_now, source_titles=titles)
        finished = _now()
        counts = collection.due_counts(finished, names)
        # The same count as `quizmg due`, after a cram too (cramming does not move the schedule).
        render_summary(console, session, ended, finished, counts.next_due, counts.total)


def _say_past_the_limit(
    console: Console, collection: Collection, names: list[str], now: datetime, wanted: int, queued: list
) -> None:
    """`--new N` past today's limit: say how far past, as Anki's custom study does."""
    within = collection.due_counts(now, names).new
    offered = sum(card.reason == "new" for card in queued)
    if offered > within:
        extra = offered - within
        console.print(
            f"[yellow]{offered} new card{'s' if offered != 1 else ''} this session: {extra} more than "
            f"today's limit lets in (--new {wanted}).[/yellow]"
        )
    elif wanted > offered:
        console.print(f"[dim]Only {offered} new card{'s' if offered != 1 else ''} left to learn.[/dim]")


def _sync_decks(collection: Collection, names: tuple[str, ...], now: datetime, console: Console) -> dict[str, Bank]:
    """Load the decks to study and bring the collection's cards up to date with them.

    With no names: every built-in deck and every registered deck whose file is still there.
    """
    from quizmg.bank import load_bank
    from quizmg.catalog import builtin_decks, resolve_deck
    from quizmg.cli.common import bank_cache, kept_to_the_end
    from quizmg.ui.console import literal

    cache = bank_cache()
    registered = collection.deck_paths()
    if names:
        paths = [resolve_deck(name, registered) for name in names]
    else:
        paths = list({**builtin_decks(), **registered}.values())
    banks: dict[str, Bank] = {}
    for path in paths:
        if not names and not path.exists():
            console.print(f"[yellow]Skipping a registered deck whose file is gone: {literal(str(path))}[/yellow]")
            continue
        with kept_to_the_end():
            bank = load_bank(path, cache)
        collection.sync(bank, now)
        banks[bank.id] = bank
    return banks


def _sync_waiting(collection: Collection, now: datetime) -> int:
    """Answers waiting for a due `quizmg sync` (0 when the learner does not sync)."""
    from quizmg.cli.home import data_dir

    folder = data_dir() / "sync"
    if not (folder / "account.json").exists():
        return 0
    from quizmg.sync.status import answers_waiting

    return answers_waiting(folder, collection, now)


@click.command()
def dashboard() -> None:
    """Your decks with due and new cards, today's answers, your streak, and what to do next."""
    from datetime import timedelta

    from quizmg.scheduling.days import day_start, study_day
    from quizmg.study.progress import answers_today, days_studied, streak
    from quizmg.ui.console import make_console
    from quizmg.ui.dashboard import DeckLine, render_dashboard

    console = make_console()
    now = _now()
    with _open_collection() as collection:
        _sync_decks(collection, (), now, console)
        lines = []
        next_due = None
        for record in collection.decks():
            counts = collection.due_counts(now, [record.name])
            lines.append(DeckLine(record.name, record.title, record.cards, counts.learning + counts.review, counts.new))
            if counts.next_due and (next_due is None or counts.next_due < next_due):
                next_due = counts.next_due
        settings = collection.settings()
        today = study_day(now, settings)
        # A year of answers is plenty for a streak, and keeps this quick on a long history.
        since = day_start(today - timedelta(days=366), settings)
        times = [review.time for review in collection.reviews(since=since) if review.mode == "study"]
        sync_waiting = _sync_waiting(collection, now)
    render_dashboard(
        console,
        lines,
        answered_today=answers_today(times, now, settings),
        streak_days=streak(days_studied(times, settings), today),
        next_due=next_due,
        now=now,
        sync_waiting=sync_waiting,
    )
