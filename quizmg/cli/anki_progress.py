"""The CLI side of progress travelling with Anki packages: finding the learner's collection,
and saying what went across."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from quizmg.formats.apkg_progress import ImportedProgress, LearnerProgress, ProgressSummary


def progress_for_export(deck_ids: list[str], now: datetime) -> LearnerProgress:
    """The learner's progress in these decks; a clear error when there is no collection yet."""
    from quizmg.cli.common import collection_path, open_user_collection
    from quizmg.formats.apkg_progress import gather_progress

    if not collection_path().exists():
        raise click.ClickException(
            f"no progress to export: there is no collection at {collection_path()} yet. "
            "Study first (quizmg study DECK), or export without --with-progress."
        )
    with open_user_collection(now) as collection:
        return gather_progress(collection, deck_ids)


def describe_export(summary: ProgressSummary, progress: LearnerProgress) -> list[str]:
    """Lines telling what progress the package carries."""
    lines = [
        f"Progress: {summary.scheduled} studied cards with their schedule, "
        f"{summary.reviews} answers in the review log"
        + (f", {summary.suspended} suspended" if summary.suspended else "")
        + "."
    ]
    if summary.missing:
        lines.append(
            f"  {summary.missing} studied card(s) belong to questions no longer in the deck: left out."
        )
    for deck in progress.unstudied_decks:
        lines.append(f"  {deck}: not studied in quizmg yet; its cards go as new.")
    return lines


def import_progress_into_collection(deck_file: Path, package: Path, found: str = "apkg") -> None:
    """After `quizmg import FILE.apkg --with-progress` wrote `deck_file`: register it and bring
    the package's review history into the learner's collection, then say what happened."""
    from quizmg.bank import load_bank

    if found != "apkg":
        click.echo(f"warning: --with-progress reads Anki packages only; {package} is {found}.", err=True)
        click.echo(f"Next: quizmg check {deck_file}")
        return
    from quizmg.cli.common import open_user_collection, utc_now
    from quizmg.formats.apkg_progress import import_progress

    now = utc_now()
    bank = load_bank(deck_file)
    with open_user_collection(now) as collection:
        result = import_progress(collection, bank, package, now)
    for line in describe_import(result):
        click.echo(line)


def describe_import(result: ImportedProgress) -> list[str]:
    """Lines telling what review history came in."""
    if result.recorded == 0 and result.already_there == 0:
        return [
            f"Registered deck {result.deck}; the package holds no review history "
            "(in Anki, export with scheduling included to bring it along)."
        ]
    lines = [
        f"Registered deck {result.deck} and recorded {result.recorded} Anki answers "
        f"for {result.cards} cards; their schedule follows from them."
    ]
    if result.crammed:
        lines.append(f"  {result.crammed} of them were filtered-deck reviews: kept as cram answers.")
    if result.already_there:
        lines.append(f"  {result.already_there} answers were already in your collection: skipped.")
    if result.without_card:
        lines.append(f"  {result.without_card} answers belong to cards that did not become questions.")
    if result.not_answers:
        lines.append(f"  {result.not_answers} log entries were reschedules, not answers: skipped.")
    lines.append(f"Next: quizmg study {result.deck}")
    return lines
