"""The card browser and what acts on its searches: cards, suspend, unsuspend, forget, reschedule."""

from __future__ import annotations

import json
import random
import re
from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from quizmg.cli.common import open_user_collection, utc_now

if TYPE_CHECKING:
    from quizmg.store import Collection
    from quizmg.store.card_query import CardQuery, QuestionFacts, Selection
    from quizmg.store.records import CardRecord

SEARCH_HELP = """
\b
Search words (all must hold; -word negates one; "two words" is one word):
  is:new is:learning is:review is:due is:suspended is:buried is:leech is:retired
  deck:NAME  mech:ID  tag:NAME  kind:KIND   (* is a wildcard: tag:sleep*)
  deck/question        every card of a question (deck/question/2: one card)
  other words          text of the question's prompt or id (case, accents ignored)
A first word that is a deck in your collection chooses that deck.
"""


def plural(count: int, word: str, words: str | None = None) -> str:
    """'1 card', '2 cards'."""
    return f"{count:,} {word if count == 1 else (words or word + 's')}"


def _facts_loader(collection: Collection) -> Any:
    """facts_of(deck) for select_cards: each deck file read once (through the bank cache)."""
    from quizmg.cli.common import bank_cache
    from quizmg.store.card_query import QuestionFacts

    paths = collection.deck_paths()
    loaded: dict[str, Mapping[str, QuestionFacts] | None] = {}

    def facts_of(deck: str) -> Mapping[str, QuestionFacts] | None:
        if deck not in loaded:
            loaded[deck] = None
            path = paths.get(deck)
            if path is not None:
                from quizmg.bank import load_bank
                from quizmg.errors import QuizmgError

                try:
                    bank = load_bank(path, bank_cache())
                except (QuizmgError, OSError):
                    click.echo(f"warning: deck {deck!r}: cannot read {path}; prompts not shown.", err=True)
                    return None
                deck_tags = list(bank.deck.tags)
                loaded[deck] = {
                    question.id or "": QuestionFacts(
                        " ".join(question.prompt_text().split()),
                        question.kind,  # type: ignore[attr-defined]
                        question.mechanism,
                        frozenset([*deck_tags, *question.tags]),
                    )
                    for question in bank.questions
                }
        return loaded[deck]

    return facts_of


def parse_words(collection: Collection, words: tuple[str, ...]) -> CardQuery:
    """The search in `words`; a first word naming a registered deck becomes deck:NAME."""
    from quizmg.store.card_query import check_names, parse_query

    words_list = list(words)
    first = words_list[0] if words_list else ""
    deck_file = _deck_file_named(collection, first)
    if deck_file:
        words_list[0] = f"deck:{deck_file}"
    elif first and ":" not in first and "/" not in first:
        if first in {d.name for d in collection.decks()}:
            words_list[0] = f"deck:{first}"
        else:
            from quizmg.catalog import builtin_decks

            if first in builtin_decks():
                from quizmg.errors import QuizmgError

                raise QuizmgError(
                    f"deck {first!r} is not in your collection yet: add it with `quizmg add {first}` "
                    f"(or study it: `quizmg study {first}`)."
                )
    query = parse_query(words_list)
    check_names(collection, query)
    return query


def _deck_file_named(collection: Collection, word: str) -> str | None:
    """The deck id of the deck file `word` names (a path, as `quizmg add` took it), else None."""
    from quizmg.catalog import DECK_SUFFIXES

    path = Path(word).expanduser() if word else None
    if path is None or path.suffix.lower() not in DECK_SUFFIXES:
        return None
    if not path.is_file():
        from quizmg.errors import QuizmgError

        raise QuizmgError(f"{word}: no such deck file" if not path.exists() else f"{word}: not a file")
    for name, registered in collection.deck_paths().items():
        if registered.resolve() == path.resolve():
            return name
    from quizmg.errors import QuizmgError

    raise QuizmgError(
        f"{word}: this deck file is not in your collection yet: add it with `quizmg add {word}` "
        f"(or study it: `quizmg study {word}`)."
    )


def choose(collection: Collection, words: tuple[str, ...], now: datetime, **options: Any) -> Selection:
    """The cards `words` choose (see SEARCH_HELP)."""
    from quizmg.store.card_query import select_cards

    query = parse_words(collection, words)
    facts_of = _facts_loader(collection) if query.needs_facts else None
    return select_cards(collection, query, now, facts_of=facts_of, **options)


def state_label(card: CardRecord, now: datetime) -> str:
    """new, learning, review or relearning, with suspended, buried, leech, retired after."""
    label = card.state.phase.name.lower()
    flags = [
        flag
        for flag, on in (
            ("suspended", card.suspended),
            ("buried", card.buried_until is not None and card.buried_until > now.astimezone().date()),
            ("leech", card.leech),
            ("retired", card.retired),
        )
        if on
    ]
    return ",".join([label, *flags])


def interval_days(card: CardRecord) -> float | None:
    """Days from the last review to the due date, for a card in review."""
    state = card.state
    if state.phase.name != "REVIEW" or state.due is None or state.last_review is None:
        return None
    return (state.due - state.last_review).total_seconds() / 86400


def card_object(card: CardRecord, now: datetime, facts: QuestionFacts | None) -> dict[str, Any]:
    """A card as JSON: what the table shows, with exact values."""
    state = card.state
    interval = interval_days(card)
    return {
        "card": card.key,
        "deck": card.deck,
        "question": card.question_id,
        "ordinal": card.ordinal,
        "state": state.phase.name.lower(),
        "suspended": card.suspended,
        "buried": "buried" in state_label(card, now),
        "leech": card.leech,
        "retired": card.retired,
        "due": state.due.isoformat() if state.due else None,
        "interval_days": round(interval, 3) if interval is not None else None,
        "stability": state.stability,
        "difficulty": state.difficulty,
        "reps": state.reps,
        "lapses": state.lapses,
        "last_review": state.last_review.isoformat() if state.last_review else None,
        "kind": facts.kind if facts else None,
        "mechanism": facts.mechanism if facts else None,
        "tags": sorted(facts.tags) if facts else None,
        "prompt": facts.prompt if facts else None,
    }


def _due_text(card: CardRecord) -> str:
    due = card.state.due
    if due is None:
        return "-"
    local = due.astimezone()
    return local.strftime("%Y-%m-%d %H:%M") if card.state.phase.name != "REVIEW" else local.strftime("%Y-%m-%d")


def table_lines(cards: list[CardRecord], now: datetime, facts_of: Any, width: int = 120) -> list[str]:
    """The browser's table: one line a card, columns padded."""
    rows = []
    for card in cards:
        facts = (facts_of(card.deck) or {}).get(card.question_id) if facts_of else None
        interval = interval_days(card)
        state = card.state
        rows.append((
            card.key,
            state_label(card, now),
            _due_text(card),
            f"{interval:.0f}d" if interval is not None else "-",
            f"{state.stability:.1f}" if state.stability is not None else "-",
            f"{state.difficulty:.1f}" if state.difficulty is not None else "-",
            str(state.lapses),
            facts.prompt if facts else "",
        ))
    header = ("card", "state", "due", "ivl", "stab", "diff", "lapses", "prompt")
    widths = [max([len(header[i])] + [len(row[i]) for row in rows]) for i in range(7)]
    used = sum(widths) + 2 * 7
    room = max(48, width - used)  # a prompt too cut to read is worth a wrapped line

    def line(values: tuple[str, ...]) -> str:
        cells = [
            values[i].rjust(widths[i]) if i in (3, 4, 5, 6) else values[i].ljust(widths[i])
            for i in range(7)
        ]
        prompt = values[7] if len(values[7]) <= room else values[7][: room - 1] + "…"
        return "  ".join([*cells, prompt]).rstrip()

    return [line(header), *(line(row) for row in rows)]


TABLE_LIMIT = 500


@click.command(epilog=SEARCH_HELP)
@click.argument("words", nargs=-1)
@click.option("--sort", "sort", default="deck", show_default=True,
              type=click.Choice(["deck", "due", "interval", "stability", "difficulty", "lapses", "reps", "card"]),
              help="Order of the list.")
@click.option("--reverse", is_flag=True, help="Reverse the order.")
@click.option("--limit", type=click.IntRange(min=1),
              help=f"Show at most this many cards (the table and JSON show {TABLE_LIMIT} unless told).")
@click.option("--all", "show_all", is_flag=True, help="Show every card the search chooses.")
@click.option("--json", "as_json", is_flag=True,
              help=f"Print a JSON list of card objects (the first {TABLE_LIMIT}, unless --limit or --all; "
                   "a note on stderr says when more matched).")
def cards(words: tuple[str, ...], sort: str, reverse: bool, limit: int | None, show_all: bool,
          as_json: bool) -> None:
    """Browse your cards: `quizmg cards [DECK] [SEARCH...]`, with each card's state, due date,
    interval, stability, difficulty, lapses and prompt. Example: `quizmg cards magnesium is:due`."""
    import shutil

    # JSON too: a search answers at once, whatever the collection's size; --all is a bulk export.
    if limit is None and not show_all:
        limit = TABLE_LIMIT
    now = utc_now()
    with open_user_collection(now) as collection:
        facts_of = _facts_loader(collection)
        query = parse_words(collection, words)
        from quizmg.store.card_query import select_cards

        found = select_cards(
            collection, query, now, facts_of=facts_of if query.needs_facts else None,
            sort=sort, reverse=reverse, limit=None if show_all else limit,
        )
        if as_json:
            objects = [
                card_object(card, now, (facts_of(card.deck) or {}).get(card.question_id))
                for card in found.cards
            ]
            click.echo(json.dumps(objects, indent=2, ensure_ascii=False))
            if len(found.cards) < found.total:
                click.echo(
                    f"The first {len(found.cards):,} of {plural(found.total, 'card')}: --limit N or --all "
                    "for more.",
                    err=True,
                )
            return
        if not found.total:
            click.echo("No card matches." if words else "Your collection has no cards yet.")
            return
        width = shutil.get_terminal_size((120, 24)).columns
        click.echo("\n".join(table_lines(found.cards, now, facts_of, width)))
    if len(found.cards) < found.total:
        click.echo(
            f"The first {len(found.cards):,} of {plural(found.total, 'card')}: --limit N or --all "
            "for more, or narrow the search."
        )
    else:
        click.echo(f"{plural(found.total, 'card')}.")


def _act(words: tuple[str, ...], verb: str, action: Any) -> None:
    now = utc_now()
    with open_user_collection(now) as collection:
        found = choose(collection, words, now).cards
        changed = action(collection, found, now)
    if not found:
        raise click.ClickException(f"no card matches {' '.join(words)!r}: nothing {verb}.")
    click.echo(changed)


@click.command(epilog=SEARCH_HELP)
@click.argument("words", nargs=-1, required=True)
def suspend(words: tuple[str, ...]) -> None:
    """Keep the cards a search chooses out of study until you unsuspend them
    (e.g. `quizmg suspend magnesium/nmda-block.cloze`, `quizmg suspend magnesium is:leech`)."""

    def action(collection: Collection, found: list[CardRecord], now: datetime) -> str:
        changed = collection.set_suspended([card.key for card in found], True)
        return _summary("Suspended", changed, found, "already suspended")

    _act(words, "suspended", action)


@click.command(epilog=SEARCH_HELP)
@click.argument("words", nargs=-1, required=True)
def unsuspend(words: tuple[str, ...]) -> None:
    """Bring the cards a search chooses back into study (e.g. `quizmg unsuspend is:suspended`)."""

    def action(collection: Collection, found: list[CardRecord], now: datetime) -> str:
        changed = collection.set_suspended([card.key for card in found], False)
        return _summary("Unsuspended", changed, found, "not suspended")

    _act(words, "unsuspended", action)


def _summary(verb: str, changed: int, found: list[CardRecord], other: str) -> str:
    text = f"{verb} {plural(changed, 'card')}"
    if len(found) == 1:
        text += f": {found[0].key}"
    if changed < len(found):
        text += f" ({plural(len(found) - changed, 'other')} {'was' if len(found) - changed == 1 else 'were'} {other})"
    return text + "."


@click.command(epilog=SEARCH_HELP)
@click.argument("words", nargs=-1, required=True)
def forget(words: tuple[str, ...]) -> None:
    """Put the cards a search chooses back to new, as Anki's Forget does. Their past answers stay
    in the review log (recorded as a reset the schedule honours)."""
    from quizmg.store.card_events import forget as forget_cards

    def action(collection: Collection, found: list[CardRecord], now: datetime) -> str:
        changed = forget_cards(collection, [card.key for card in found], now)
        return _summary("Reset to new", changed, found, "new already")

    _act(words, "reset", action)


DUE_PATTERN = re.compile(r"^(\d+)(?:-(\d+))?$")


def due_days(text: str, today: date) -> tuple[int, int]:
    """The days from today a due date means: N, N-M (spread at random), or a date YYYY-MM-DD."""
    match = DUE_PATTERN.match(text.strip())
    if match:
        low = int(match.group(1))
        high = int(match.group(2) or low)
        if high < low:
            raise click.BadParameter(f"{text!r}: the range runs backwards; write {high}-{low}.")
        return low, high
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        raise click.BadParameter(
            f"{text!r}: give days from today (0 today, 3, or a range 3-7) or a date YYYY-MM-DD."
        ) from None
    if day < today:
        raise click.BadParameter(f"{text!r} is in the past.")
    return (day - today).days, (day - today).days


@click.command(epilog=SEARCH_HELP)
@click.argument("due")
@click.argument("words", nargs=-1, required=True)
def reschedule(due: str, words: tuple[str, ...]) -> None:
    """Set the due date of the cards a search chooses, as Anki's "Set due date" does: DUE is days
    from today (0 is today), a range such as 3-7 (each card a day at random in it), or a date
    YYYY-MM-DD. Example: `quizmg reschedule 0 magnesium is:review`. New cards stay new."""
    from quizmg.scheduling.days import day_start, study_day
    from quizmg.store.card_events import set_due

    def action(collection: Collection, found: list[CardRecord], now: datetime) -> str:
        due_of = {}
        chance = random.Random(f"{now.isoformat()} {due}")
        for card in found:
            settings = collection.settings(card.deck)
            today = study_day(now, settings)
            low, high = due_days(due, today)
            day = today + timedelta(days=chance.randint(low, high))
            due_of[card.key] = day_start(day, settings)
        moved, new = set_due(collection, due_of, now)
        text = f"Rescheduled {plural(moved, 'card')}"
        if len(found) == 1 and moved:
            text += f": {found[0].key}, due {_due_text(collection.card(found[0].key))}"
        if new:
            text += f"; {plural(new, 'new card')} left new (a new card has no schedule yet: study it first)"
        return text + "."

    _act(words, "rescheduled", action)
