"""`quizmg sync`: study on every device through Anki's sync server (see quizmg.sync)."""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from pathlib import Path

    from quizmg.bank import Bank
    from quizmg.sync import SyncReport


def _folder() -> Path:
    from quizmg.cli.home import data_dir
    from quizmg.sync import sync_folder

    return sync_folder(data_dir())


@click.group(invoke_without_command=True)
@click.option("--upload", "full", flag_value="upload", help="On a full sync: replace the server's collection.")
@click.option("--download", "full", flag_value="download", help="If a full sync is needed: replace quizmg's mirror.")
@click.pass_context
def sync(ctx: click.Context, full: str | None) -> None:
    """Sync the chosen decks with an Anki account (AnkiWeb or a self-hosted server), both ways.

    Set up with `quizmg sync login`, choose decks with `quizmg sync add DECK`, then run `quizmg sync`.
    """
    if ctx.invoked_subcommand is None:
        _run(full)


def _file_bank(name: str) -> Bank:
    """A synced deck as its file gives it (the run lays the edits made in Anki over it itself)."""
    from quizmg.bank import load_bank
    from quizmg.catalog import resolve_deck
    from quizmg.cli.common import bank_cache, kept_to_the_end, registered_decks

    with kept_to_the_end():
        return load_bank(resolve_deck(name, registered_decks()), bank_cache())


def _run(full: str | None) -> None:
    from quizmg.cli.common import open_user_collection, utc_now
    from quizmg.sync import FullSyncNeeded, load_account, load_state, run_sync

    folder = _folder()
    state = load_state(folder)
    if not state.decks:
        first = "" if load_account(folder) else "log in with `quizmg sync login`, then "
        raise click.ClickException(f"no decks chosen to sync: {first}add one with `quizmg sync add DECK`.")
    banks = [_file_bank(name) for name in state.decks]
    now = utc_now()
    with open_user_collection(now) as collection:
        try:
            report = run_sync(folder, collection, banks, now, full=full)  # type: ignore[arg-type]
        except FullSyncNeeded as error:
            if full is not None or not sys.stdin.isatty():
                raise
            click.echo(str(error).rsplit("\n", 1)[0])
            choice = click.prompt(
                "Replace which side?", type=click.Choice(["download", "upload", "cancel"]), default="cancel"
            )
            if choice == "cancel":
                raise click.ClickException("cancelled: nothing was changed.") from None
            report = run_sync(folder, collection, banks, now, full=choice)  # type: ignore[arg-type]
    for line in describe(report):
        click.echo(line)


def describe(report: SyncReport) -> list[str]:
    """What a run moved, in a few lines."""
    if not report.moved:  # what could not come back is still said
        return ["Up to date: nothing to send or receive.", *report.notes]
    lines = []
    if report.full:
        lines.append(
            "Full sync: quizmg's mirror " + ("sent to replace the server's collection." if report.full == "upload"
                                             else "replaced by the server's collection.")
        )
    lines.append(
        f"Sent {report.answers_sent} answer(s) and {report.notes_sent} new or changed note(s); "
        f"received {report.answers_received} answer(s) made on other devices"
        + (f" ({report.crammed_received} in filtered decks, not rescheduling)" if report.crammed_received else "")
        + "."
    )
    if report.resets_sent or report.resets_received:
        lines.append(f"Cards forgotten (reset): {report.resets_received} from Anki, {report.resets_sent} to Anki.")
    if report.due_dates_received:
        lines.append(f"Due dates set in Anki: {report.due_dates_received}, the same in quizmg.")
    if report.suspended_to_quizmg or report.suspended_to_anki:
        lines.append(
            f"Suspensions: {report.suspended_to_quizmg} from Anki, {report.suspended_to_anki} to Anki."
        )
    lines.extend(report.notes)
    if report.server_message:
        lines.append(f"Server says: {report.server_message}")
    return lines


@sync.command()
@click.option("--endpoint", help="The sync server's address (default: AnkiWeb).")
@click.option("--allow-http", is_flag=True, help="Accept a plain http address that is not on this machine.")
def login(endpoint: str | None, allow_http: bool) -> None:
    """Log in to the sync server; keeps the sync key, never the password.

    Reads QUIZMG_SYNC_USER and QUIZMG_SYNC_PASSWORD when set, else asks.
    """
    from quizmg.sync import checked_endpoint
    from quizmg.sync import login as do_login

    endpoint = checked_endpoint(endpoint, allow_http=allow_http)
    user = os.environ.get("QUIZMG_SYNC_USER") or click.prompt("User name (e-mail)")
    password = os.environ.get("QUIZMG_SYNC_PASSWORD") or click.prompt("Password", hide_input=True)
    account = do_login(_folder(), user, password, endpoint)
    click.echo(f"Logged in to {account.server} as {account.user}. Choose decks with `quizmg sync add DECK`.")


@sync.command()
def logout() -> None:
    """Forget the sync key (the mirror and the chosen decks stay)."""
    from quizmg.sync import forget_account

    if forget_account(_folder()):
        click.echo("Logged out: the sync key is removed.")
    else:
        click.echo("Not logged in.")


@sync.command()
@click.argument("deck")
def add(deck: str) -> None:
    """Choose a deck to travel (a built-in id, a registered deck or a path)."""
    from quizmg.cli.common import open_bank, open_user_collection, utc_now
    from quizmg.sync import load_state, save_state

    bank = open_bank(deck)
    folder = _folder()
    state = load_state(folder)
    now = utc_now()
    with open_user_collection(now) as collection:
        collection.sync(bank, now)
    if bank.id in state.decks:
        click.echo(f"{bank.id} already syncs.")
        return
    state.decks.append(bank.id)
    state.review_mark = 0  # its earlier answers travel too (each once: see quizmg.sync.answers)
    state.event_mark = 0  # and its cards forgotten (each once: see quizmg.sync.resets)
    save_state(folder, state)
    click.echo(f"{bank.id} will sync. Run `quizmg sync`.")


@sync.command()
@click.argument("deck")
def remove(deck: str) -> None:
    """Stop syncing a deck (its notes stay in Anki, its progress in quizmg)."""
    from quizmg.sync import load_state, save_state

    folder = _folder()
    state = load_state(folder)
    if deck not in state.decks:
        raise click.ClickException(f"{deck} does not sync (syncing: {', '.join(state.decks) or 'nothing'}).")
    state.decks.remove(deck)
    state.deck_hashes.pop(deck, None)
    save_state(folder, state)
    click.echo(f"{deck} no longer syncs; its notes stay in Anki and its progress in quizmg.")


@sync.command()
def status() -> None:
    """The account, the last sync, and what is waiting each way."""
    from quizmg.cli.common import collection_path, open_bank, open_user_collection, utc_now
    from quizmg.sync import load_account, load_state
    from quizmg.sync.status import outgoing, server_side

    folder = _folder()
    account = load_account(folder)
    state = load_state(folder)
    click.echo(f"Account: {account.user} on {account.server}" if account else "Account: not logged in")
    click.echo(f"Decks: {', '.join(state.decks) or 'none (quizmg sync add DECK)'}")
    click.echo(f"Last sync: {state.last_sync or 'never'}")
    if state.decks and collection_path().exists():
        banks = [open_bank(name) for name in state.decks]
        with open_user_collection(utc_now()) as collection:
            waiting = outgoing(folder, collection, banks)
        changed = f"; decks changed: {', '.join(waiting.decks_changed)}" if waiting.decks_changed else ""
        forgotten = f", {waiting.resets} card(s) forgotten" if waiting.resets else ""
        click.echo(f"Waiting to send: {waiting.answers} answer(s){forgotten}{changed}")
    if account:
        click.echo(f"Waiting on the server: {server_side(folder)}")
    from quizmg.sync.overlay import load_overlay

    for deck in state.decks:
        edited = sorted(load_overlay(folder, deck))
        if edited:
            click.echo(f"Edited in Anki, shown in quizmg over {deck}'s file: {', '.join(edited)}")
