"""Commands about deck files: decks, show, check, schema."""

from __future__ import annotations

import json

import click

from quizmg.cli.common import open_bank
from quizmg.words import plural


def _deck_rows() -> list[dict[str, object]]:
    """Built-in and registered decks with question, card, due and new counts."""
    from quizmg.bank import load_bank
    from quizmg.catalog import builtin_decks
    from quizmg.cli.common import collection_path, open_user_collection, utc_now
    from quizmg.errors import QuizmgError

    now = utc_now()
    rows: dict[str, dict[str, object]] = {}
    builtins = builtin_decks()
    for deck_id, path in builtins.items():
        bank = load_bank(path)
        rows[deck_id] = {
            "id": deck_id, "title": bank.deck.title, "questions": len(bank.questions),
            "cards": len(bank.cards()), "due": 0, "new": 0,
            "origin": "built-in", "path": str(path),
        }
    if not collection_path().exists():  # listing must not create a collection
        from quizmg.scheduling.settings import Settings

        for row in rows.values():
            row["new"] = min(int(row["cards"]), Settings().new_per_day)  # type: ignore[call-overload]
        return [rows[name] for name in sorted(rows)]
    with open_user_collection(now) as collection:
        new_per_day = collection.settings().new_per_day
        for row in rows.values():
            row["new"] = min(int(row["cards"]), new_per_day)  # type: ignore[call-overload]
        for record in collection.decks():
            row = rows.setdefault(
                record.name, {"id": record.name, "origin": "registered", "path": record.path}
            )
            row.update(title=record.title, questions=record.questions, cards=record.cards)
            try:
                # Keep the collection in step with an edited file (a hash compare if unchanged).
                bank = load_bank(record.path or "")
                collection.sync(bank, now)
                row.update(questions=len(bank.questions), cards=len(bank.cards()))
            except QuizmgError:
                row["origin"] = "registered (file missing or broken)"
            counts = collection.due_counts(now, [record.name])
            row.update(due=counts.learning + counts.review, new=counts.new)
    return [rows[name] for name in sorted(rows)]


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Print the list as JSON.")
def decks(as_json: bool) -> None:
    """List built-in and registered decks with question, card, due and new counts."""
    rows = _deck_rows()
    if as_json:
        from quizmg.ui.terminal_text import json_text

        click.echo(json_text(rows, indent=2))
        return
    from rich.table import Table

    from quizmg.ui.console import literal, make_console

    columns = ("id", "title", "questions", "cards", "due", "new", "origin")
    table = Table(title="Decks", title_justify="left")
    for column in columns:
        numeric = column in ("questions", "cards", "due", "new")
        table.add_column(column, justify="right" if numeric else "left")
    for row in rows:
        table.add_row(*(literal(str(row[c])) for c in columns))
    console = make_console()
    console.print(table)
    waiting = [row for row in rows if int(row["due"]) + int(row["new"]) > 0]  # type: ignore[call-overload]
    if waiting:
        console.print(f"Next: [bold]quizmg study {literal(str(waiting[0]['id']))}[/bold] to start learning.")
    elif rows:
        console.print("Nothing to study now: [bold]quizmg due[/bold] says when the next card is due.")


@click.command()
@click.argument("deck")
@click.option("--answers", is_flag=True, help="Show the answers and explanations too.")
@click.option("--json", "as_json", is_flag=True, help="Every question as JSON, for scripts.")
def show(deck: str, answers: bool, as_json: bool) -> None:
    """Print the question bank of DECK (a built-in id such as `magnesium`, or a path)."""
    bank = open_bank(deck)
    if as_json:
        from quizmg.ui.show import bank_as_json
        from quizmg.ui.terminal_text import json_text

        click.echo(json_text(bank_as_json(bank), indent=2))
        return
    from quizmg.ui.console import make_console
    from quizmg.ui.show import render_bank

    render_bank(make_console(), bank, answers=answers)


@click.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=str))
@click.option("--strict", is_flag=True, help="Exit with status 1 on warnings too.")
@click.option(
    "--give-aways", "give_aways", is_flag=True,
    help="Also warn of questions whose printed text states another's answer (for worksheets and papers).",
)
def check(paths: tuple[str, ...], strict: bool, give_aways: bool) -> None:
    """Validate and lint deck files. Exit status 1 on errors (and on warnings with --strict)."""
    from quizmg.bank import load_bank
    from quizmg.catalog import resolve_deck
    from quizmg.errors import DeckError
    from quizmg.lint import lint_bank

    errors = warnings = 0
    for name in paths:
        try:
            bank = load_bank(resolve_deck(name))
        except DeckError as error:
            for problem in error.problems:
                click.echo(f"error: {problem}", err=True)
            errors += len(error.problems)
            continue
        from quizmg.formats.media import deck_media

        _files, media_problems = deck_media(bank.questions, bank.path)
        for media_problem in media_problems:
            click.echo(f"error: {media_problem}", err=True)
        errors += len(media_problems)
        if give_aways:
            from quizmg.lint.related_rules import answer_each_other
            from quizmg.lint.rules import RULES

            found = lint_bank(bank, [*RULES, answer_each_other])
        else:
            found = lint_bank(bank)
        for problem in found:
            click.echo(f"warning: {problem}", err=True)
        warnings += len(found)
        click.echo(
            f"{bank.path}: {plural(len(bank.questions), 'question')}, {plural(len(bank.cards()), 'card')}, "
            f"{plural(len(found), 'warning')}"
        )
    if errors or (strict and warnings):
        raise SystemExit(1)


@click.command()
def schema() -> None:
    """Print the JSON Schema of the deck format, for editors."""
    from quizmg.model import Deck

    schema = Deck.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "quizmg deck"
    click.echo(json.dumps(schema, indent=2))
