"""Commands about the learner's collection: add, due, config, undo, backup, restore, doctor,
optimize (suspend, unsuspend and the card browser are in quizmg.cli.cards_command). Each is a
thin layer over quizmg.store."""

from __future__ import annotations

import json
import re
from datetime import datetime
from typing import Any

import click

from quizmg.cli.common import collection_path, open_bank, open_user_collection, utc_now
from quizmg.errors import QuizmgError
from quizmg.words import plural, plural_word

RATING_NAMES = {1: "Again", 2: "Hard", 3: "Good", 4: "Easy"}


def _when(moment: datetime | None) -> str:
    """A time for people: local, to the minute."""
    if moment is None:
        return "nothing scheduled"
    return moment.astimezone().strftime("%Y-%m-%d %H:%M %Z")


@click.command()
@click.argument("path")
def add(path: str) -> None:
    """Register the deck file PATH in your collection (again after editing it to sync changes)."""
    now = utc_now()
    bank = open_bank(path)
    with open_user_collection(now) as collection:
        report = collection.sync(bank, now)
    from quizmg.ui.terminal_text import visible

    title = visible(f"{bank.id!r} ({bank.deck.title})")
    if report.unchanged:
        click.echo(f"Deck {title} is already in your collection and up to date.")
    elif report.registered:
        click.echo(
            f"Added deck {title}: {plural(len(bank.questions), 'question')}, "
            f"{plural(report.added, 'card')}, all new."
        )
    else:
        click.echo(
            f"Updated deck {title}: {plural(report.added, 'new card')}, {report.kept} kept with their "
            f"progress, {report.retired} retired, {report.unretired} back from retirement."
        )
    if report.moved_from:
        click.echo(f"Its file moved: was {report.moved_from}, now {bank.path}.")
    click.echo(f"Next: quizmg study {bank.id}")


@click.command()
@click.argument("deck", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print the counts as JSON, for scripts.")
def due(deck: str | None, as_json: bool) -> None:
    """What is due now: learning, review and new cards, and when the next card falls due."""
    now = utc_now()
    with open_user_collection(now) as collection:
        names = [deck_record.name for deck_record in collection.decks()]
        if deck is None:
            # The built-in decks count from the first command, as on the dashboard and in `decks`.
            from quizmg.catalog import builtin_decks

            for builtin in builtin_decks():
                if builtin not in names:
                    names.append(collection.sync(open_bank(builtin), now).deck)
        if deck in names:
            names = [deck]
        elif deck is not None:
            # A built-in id or a path: register it on the fly, as `study` does.
            names = [collection.sync(open_bank(deck), now).deck]
        per_deck = {name: collection.due_counts(now, [name]) for name in names}
        total = collection.due_counts(now, names) if names else None
    if as_json:
        def as_dict(counts: Any) -> dict[str, Any]:
            return {
                "learning": counts.learning,
                "review": counts.review,
                "new": counts.new,
                "total": counts.total,
                "next_due": counts.next_due.isoformat() if counts.next_due else None,
            }

        empty = {"learning": 0, "review": 0, "new": 0, "total": 0, "next_due": None}
        result: dict[str, Any] = as_dict(total) if total else empty
        result["decks"] = {name: as_dict(counts) for name, counts in per_deck.items()}
        click.echo(json.dumps(result, indent=2))
        return
    if total is None:
        click.echo("Your collection has no decks yet. Add one with `quizmg add PATH`.")
        return
    for name, counts in per_deck.items():
        click.echo(
            f"{name}: {counts.learning} learning, {counts.review} review, {counts.new} new"
        )
    click.echo(
        f"Due now: {total.total} ({total.learning} learning, {total.review} review, "
        f"{total.new} new). Next due: {_when(total.next_due)}."
    )


STEP_SETTINGS = ("learning_steps", "relearning_steps")
LIST_SETTINGS = (*STEP_SETTINGS, "parameters")
STEP_UNITS = {"s": 1 / 60, "m": 1.0, "min": 1.0, "h": 60.0, "d": 1440.0}
_STEP = re.compile(r"^(\d+(?:\.\d+)?|\.\d+)\s*(s|m|min|h|d)?$")


def parse_steps(words: list[str], key: str) -> list[float]:
    """Steps as a user types them, in minutes: "1 10 60", "1m 10m 1h", "30s, 1d"."""
    steps = []
    for word in words:
        match = _STEP.match(word.strip().lower())
        if not match:
            raise QuizmgError(
                f"{key}: cannot read the step {word!r}; write minutes (1 10 60) or times with a "
                "unit (30s 1m 10m 1h 1d)."
            )
        steps.append(float(match.group(1)) * STEP_UNITS[match.group(2) or "m"])
    return steps


def _parse_value(text: str, key: str | None = None) -> Any:
    """A value typed on the command line: JSON if it reads as JSON (0.85, [1, 10], true), else text;
    a list setting also as words ("1 10 60", "1m 10m 1h", "1, 10")."""
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        value = text
    if key not in LIST_SETTINGS:
        return value
    items = value if isinstance(value, list) else re.split(r"[\s,;]+", str(value).strip(" []"))
    items = [item for item in items if str(item).strip()]
    if key in STEP_SETTINGS:
        return parse_steps([str(item) for item in items], key)
    try:
        return [float(item) for item in items]
    except ValueError:
        raise QuizmgError(f"{key}: give numbers, separated by spaces or commas.") from None


@click.command()
@click.argument("key", required=False)
@click.argument("values", nargs=-1)
@click.option("--deck", help="Read or set the override for this deck only.")
@click.option("--unset", is_flag=True, help="Remove the stored value of KEY (back to the default).")
def config(key: str | None, values: tuple[str, ...], deck: str | None, unset: bool) -> None:
    """Show or change scheduling settings: `quizmg config`, `quizmg config KEY`,
    `quizmg config KEY VALUE` (e.g. `quizmg config desired_retention 0.85`). Lists are typed as
    words: `quizmg config learning_steps 1m 10m 1h` (bare numbers are minutes)."""
    value = " ".join(values) if values else None
    from quizmg.scheduling.settings import Settings

    with open_user_collection() as collection:
        if deck is not None:
            collection.deck_id(deck)
        if unset:
            if key is None:
                raise click.UsageError("--unset needs the KEY to remove.")
            removed = collection.unset_setting(key, deck)
            where = f" for deck {deck}" if deck else ""
            click.echo(f"Removed {key}{where}." if removed else f"{key} was not set{where}.")
            return
        if value is not None:
            assert key is not None
            settings = collection.set_setting(key, _parse_value(value, key), deck)
            where = f" (deck {deck})" if deck else ""
            click.echo(f"{key} = {json.dumps(getattr(settings, key))}{where}")
            return
        settings = collection.settings(deck)
        global_values = collection.setting_overrides(None)
        deck_values = collection.setting_overrides(deck) if deck else {}
    if key is not None:
        if key not in Settings.model_fields:
            known = ", ".join(Settings.model_fields)
            raise QuizmgError(f"{key!r} is not a setting. Known settings: {known}.")
        click.echo(json.dumps(getattr(settings, key)))
        return
    for name in Settings.model_fields:
        origin = "deck" if name in deck_values else "global" if name in global_values else "default"
        click.echo(f"{name} = {json.dumps(getattr(settings, name))}  ({origin})")


@click.command()
def undo() -> None:
    """Take back your last answer (the review stays in the log, marked as undone)."""
    now = utc_now()
    with open_user_collection(now) as collection:
        undone = collection.undo(now)
    if undone is None:
        click.echo("Nothing to undo.")
        return
    click.echo(
        f"Undid {RATING_NAMES[undone.rating]} ({undone.mode}) on {undone.card_key}, "
        f"answered {_when(undone.time)}."
    )


@click.command()
@click.option("--list", "list_only", is_flag=True, help="List the backups instead of taking one.")
def backup(list_only: bool) -> None:
    """Save a copy of your collection in the backups folder beside it."""
    from quizmg.store import list_backups

    if list_only:
        found = list_backups(collection_path())
        if not found:
            click.echo("No backups yet.")
        for item in found:
            click.echo(f"{item.path}  ({item.reason}, {_when(item.taken_at)})")
        return
    now = utc_now()
    with open_user_collection(now, daily_backup=False) as collection:  # one backup is enough
        taken = collection.backup(now)
    click.echo(f"Backed up to {taken.path}")


@click.command()
@click.argument("file", required=False, type=click.Path(path_type=str))
def restore(file: str | None) -> None:
    """Replace your collection with a backup (the newest one unless FILE is given).
    What it replaces is backed up first."""
    from pathlib import Path

    from quizmg.errors import QuizmgError
    from quizmg.store import list_backups, restore_backup
    from quizmg.store.health import newest_good_backup

    now = utc_now()
    database = collection_path()
    if file is None:
        if not list_backups(database):
            raise QuizmgError(f"no backups in {database.parent / 'backups'} to restore.")
        good = newest_good_backup(database)
        if good is None:
            raise QuizmgError(f"no backup in {database.parent / 'backups'} is sound; nothing was restored.")
        source = good
    else:
        source = Path(file).expanduser()
    kept = restore_backup(database, source, now)
    open_user_collection(now).close()  # applies any migration an older backup needs
    click.echo(f"Restored {source}.")
    if kept is not None:
        click.echo(f"The collection it replaced was kept as {kept.path}")
    else:
        from quizmg.store.backups import damaged_dir

        if damaged_dir(database).is_dir():
            click.echo(f"What was in its place was moved to {damaged_dir(database)}")


@click.command()
@click.option("--rebuild", is_flag=True, help="Rewrite every card's state from the review log.")
def doctor(rebuild: bool) -> None:
    """Check the collection: database integrity, and that card states match the review log."""
    from quizmg.store.health import collection_problems, newest_good_backup

    database = collection_path()
    click.echo(f"Collection: {database}")
    # Looked at from outside first: doctor must speak about any damage, never crash on it.
    damage = collection_problems(database)
    if damage:
        for problem in damage[:20]:
            click.echo(f"damaged: {problem}", err=True)
        good = newest_good_backup(database)
        if good is None:
            click.echo("The collection is damaged and no backup is sound.", err=True)
        else:
            click.echo(f"The collection is damaged. Newest good backup: {good}", err=True)
            click.echo("Run `quizmg restore` to go back to it.", err=True)
        raise SystemExit(1)
    with open_user_collection(daily_backup=False) as collection:
        problems = collection.integrity_problems()
        report = collection.rebuild(write=rebuild and not problems)
    if problems:
        for problem in problems[:20]:
            click.echo(f"integrity: {problem}", err=True)
        click.echo("The database is damaged: restore a backup with `quizmg restore`.", err=True)
        raise SystemExit(1)
    click.echo("Integrity check: ok")
    _check_sync_mirror()
    good = newest_good_backup(database)
    click.echo(f"Newest good backup: {good}" if good else "No good backup yet: take one with `quizmg backup`.")
    click.echo(f"{plural(report.cards, 'card')}, {plural(report.reviews, 'scheduling review')} replayed.")
    if not report.differing:
        click.echo("Every card's state matches its review log.")
    elif report.written:
        click.echo(f"Rebuilt {plural(len(report.differing), 'card')} from the review log.")
    else:
        shown = ", ".join(report.differing[:5])
        click.echo(
            f"{plural(len(report.differing), 'card')} {plural_word(len(report.differing), 'differs', 'differ')} "
            f"from the review log ({shown}"
            f"{', ...' if len(report.differing) > 5 else ''}). Run `quizmg doctor --rebuild`."
        )
        raise SystemExit(1)


def _check_sync_mirror() -> None:
    """The sync mirror (a copy of the server's collection) checked page by page, when there is one."""
    from quizmg.cli.home import data_dir
    from quizmg.sync import sync_folder
    from quizmg.sync.mirror import MIRROR_FILE, mirror_exists, mirror_problem

    folder = sync_folder(data_dir())
    if not mirror_exists(folder):
        return
    damage = mirror_problem(folder, thorough=True)
    if damage is None:
        click.echo("Sync mirror: ok")
    else:
        click.echo(
            f"Sync mirror {folder / MIRROR_FILE} is damaged ({damage}); nothing of yours is lost: the "
            "next `quizmg sync` keeps it aside and fetches the server's collection again."
        )


def _figure(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.4f}"


@click.command()
def optimize() -> None:
    """Fit the scheduler's parameters to your own review history (FSRS-6), keeping them only if
    they predict your answers better, then reschedule every card with them."""
    from quizmg.scheduling.optimizer import optimize as fit

    now = utc_now()
    with open_user_collection(now) as collection:
        settings = collection.settings()
        histories = collection.histories()
        result = fit(histories, settings)
        if not result.enough:
            click.echo(
                f"Not enough history yet: about {plural(result.reviews_needed, 'more review')} on later "
                "days are needed before your own parameters can be fitted."
            )
            return
        click.echo(f"{'':12}{'log loss':>10}{'RMSE(bins)':>12}")
        click.echo(f"{'current':12}{_figure(result.old_log_loss):>10}{_figure(result.old_rmse):>12}")
        click.echo(f"{'optimized':12}{_figure(result.new_log_loss):>10}{_figure(result.new_rmse):>12}")
        if not result.adopted:
            click.echo("The current parameters fit your history as well or better: kept them.")
            return
        collection.set_setting("parameters", [float(w) for w in result.new_parameters])
        report = collection.rebuild()
    click.echo(
        f"Adopted the optimized parameters and rescheduled {plural(len(report.differing), 'card')} "
        "from the review log."
    )
