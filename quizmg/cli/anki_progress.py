"""The CLI side of progress travelling with Anki packages: reading and writing the learner's
collection, and saying what went across. The package side (quizmg.formats.anki) never touches the
store: it gets the progress as plain data and gives back the package's review history."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from quizmg.formats.anki.progress_in import REVLOG_FILTERED, ImportedProgress, package_reviews
from quizmg.formats.anki.progress_out import Answer, CardProgress, LearnerProgress

if TYPE_CHECKING:
    from quizmg.bank import Bank
    from quizmg.formats.anki.progress_out import ProgressSummary
    from quizmg.store import Collection
    from quizmg.store.records import Mode


def progress_for_export(deck_ids: list[str], now: datetime) -> LearnerProgress:
    """The learner's progress in these decks; a clear error when there is no collection yet."""
    from quizmg.cli.common import collection_path, open_user_collection

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


def gather_progress(collection: Collection, deck_ids: Iterable[str]) -> LearnerProgress:
    """The progress of these decks in the collection: every card with an answer or a suspension."""
    from quizmg.scheduling.memory import NEW_CARD, CardPhase
    from quizmg.scheduling.scheduler import apply_review

    progress = LearnerProgress()
    registered = {record.name for record in collection.decks()}
    for deck_id in dict.fromkeys(deck_ids):
        if deck_id not in registered:
            progress.unstudied_decks.append(deck_id)
            continue
        settings = collection.settings(deck_id)
        by_card: dict[str, list[Any]] = {}
        for review in collection.reviews(deck_id):
            if review.mode == "study":
                by_card.setdefault(review.card_key, []).append(review)
        studied = False
        for card in collection.cards(deck_id):
            reviews = sorted(by_card.get(card.key, []), key=lambda r: r.id)  # log order, as cached
            if card.state.phase is CardPhase.NEW and not card.suspended and not reviews:
                continue
            state, answers = NEW_CARD, []
            for review in reviews:
                state = apply_review(state, review.rating, review.time, settings, card.number)
                answers.append(
                    Answer(review.time, review.rating, review.duration_ms, int(review.phase), state)
                )
            progress.cards.append(
                CardProgress(
                    card.deck, card.question_id, card.ordinal, card.state, card.suspended,
                    tuple(answers), settings,
                )
            )
            studied = studied or bool(reviews)
        if progress.settings is None:
            progress.settings = settings
        if not studied:
            progress.unstudied_decks.append(deck_id)
    return progress


def import_progress(collection: Collection, bank: Bank, path: Any, now: datetime) -> ImportedProgress:
    """Register `bank` (the deck written from the package at `path`) and record the package's
    review history as its answers, oldest first. Answers already in the log are not added again.
    """
    from quizmg.store.database import to_ms

    collection.sync(bank, now)
    result = ImportedProgress(deck=bank.id)
    keys = {ref.key for ref in bank.cards()}
    seen = {(r.card_key, to_ms(r.time)) for r in collection.reviews(bank.id, include_undone=True)}
    answered: set[str] = set()
    for review in package_reviews(path, bank.id):
        # Manual reschedules (type 4), "set due date" (5) and rows without a button carry no answer.
        if review.kind > REVLOG_FILTERED or not 1 <= review.rating <= 4:
            result.not_answers += 1
            continue
        if review.card_key is None or review.card_key not in keys:
            result.without_card += 1
            continue
        if (review.card_key, to_ms(review.time)) in seen:
            result.already_there += 1
            continue
        # A review in a filtered deck without rescheduling did not move the card's schedule.
        mode: Mode = "cram" if review.kind == REVLOG_FILTERED else "study"
        collection.record_answer(
            review.card_key, review.rating, review.time, mode=mode, duration_ms=review.duration_ms
        )
        seen.add((review.card_key, to_ms(review.time)))
        answered.add(review.card_key)
        result.recorded += 1
        result.crammed += mode == "cram"
    result.cards = len(answered)
    return result
