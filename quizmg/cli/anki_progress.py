"""The CLI side of progress travelling with Anki packages: reading and writing the learner's
collection, and saying what went across. The package side (quizmg.formats.anki) never touches the
store: it gets the progress as plain data and gives back the package's review history."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from quizmg.formats.anki.progress_in import (
    REVLOG_FILTERED,
    REVLOG_MANUAL,
    ImportedProgress,
    PackageSchedule,
    package_reviews,
    package_schedule,
)
from quizmg.formats.anki.progress_out import Answer, CardProgress, LearnerProgress
from quizmg.words import plural, plural_word

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
        f"Progress: {plural(summary.scheduled, 'studied card')} with their schedule, "
        f"{plural(summary.reviews, 'answer')} in the review log"
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
        f"Registered deck {result.deck} and recorded {plural(result.recorded, 'Anki answer')} "
        f"for {plural(result.cards, 'card')}; their schedule follows from them."
    ]
    if result.crammed:
        lines.append(
            f"  {result.crammed} of them "
            f"{plural_word(result.crammed, 'was a filtered-deck review', 'were filtered-deck reviews')}"
            ": kept as cram answers."
        )
    if result.already_there:
        lines.append(
            f"  {plural(result.already_there, 'answer')} {plural_word(result.already_there, 'was', 'were')}"
            " already in your collection: skipped."
        )
    if result.without_card:
        lines.append(
            f"  {plural(result.without_card, 'answer')} {plural_word(result.without_card, 'belongs', 'belong')}"
            " to cards that did not become questions."
        )
    if result.not_answers:
        lines.append(
            f"  {plural(result.not_answers, 'log entry')} "
            f"{plural_word(result.not_answers, 'was a reschedule', 'were reschedules')}, not answers: skipped."
        )
    if result.resets:
        lines.append(
            f"  {plural(result.resets, 'reset')} to new {plural_word(result.resets, 'was', 'were')}"
            " kept: earlier answers are history only."
        )
    if result.memory_states:
        lines.append(
            f"  {plural(result.memory_states, 'card')} {plural_word(result.memory_states, 'takes its', 'take their')}"
            " memory state (stability, difficulty) from Anki's FSRS."
        )
    if result.due_moved:
        lines.append(
            f"  {plural(result.due_moved, 'card')} {plural_word(result.due_moved, 'takes its', 'take their')}"
            " due date from Anki."
        )
    if result.suspended or result.buried:
        lines.append(f"  {result.suspended} suspended and {result.buried} buried cards stay so.")
    if result.settings:
        lines.append(f"  The deck takes Anki's {' and '.join(result.settings)}.")
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
    """Register `bank` (the deck written from the package at `path`), take the package's FSRS
    settings, record its review history as answers (oldest first, none twice), then leave each card
    where Anki has it: reset cards new, suspended and buried ones so, due on Anki's own day.
    """
    from quizmg.store.card_events import forget
    from quizmg.store.database import to_ms

    collection.sync(bank, now)
    result = ImportedProgress(deck=bank.id)
    schedule = package_schedule(path, bank.id)
    if schedule.parameters is not None:
        collection.set_setting("parameters", schedule.parameters, bank.id)
        result.settings.append("FSRS parameters")
    if schedule.desired_retention is not None and 0.7 <= schedule.desired_retention <= 0.99:
        collection.set_setting("desired_retention", schedule.desired_retention, bank.id)
        result.settings.append(f"desired retention {schedule.desired_retention}")
    keys = {ref.key for ref in bank.cards()}
    seen = {(r.card_key, to_ms(r.time)) for r in collection.reviews(bank.id, include_undone=True)}
    answered: set[str] = set()
    reviews = package_reviews(path, bank.id)
    new_in_anki = {card.card_key for card in schedule.cards if card.new}
    last_answer = {r.card_key: i for i, r in enumerate(reviews) if 1 <= r.rating <= 4 and r.kind <= REVLOG_FILTERED}
    for index, review in enumerate(reviews):
        if review.card_key is None or review.card_key not in keys:
            result.without_card += 1
            continue
        # A manual row without ease or interval is Anki's Reset when the card is new in Anki now or
        # was answered again later; other manual rows (bury, set due date on some versions) are not.
        if (
            review.kind == REVLOG_MANUAL and review.interval == 0 and review.rating == 0
            and (review.card_key in new_in_anki or last_answer.get(review.card_key, -1) > index)
        ):
            forget(collection, [review.card_key], review.time)  # Anki's Reset: the card is new again
            result.resets += 1
            continue
        # "Set due date" rows and other manual rows carry no answer: the card's own due date,
        # taken below, is where they left it.
        if review.kind > REVLOG_FILTERED or not 1 <= review.rating <= 4:
            result.not_answers += 1
            continue
        if (review.card_key, to_ms(review.time)) in seen:
            result.already_there += 1
            continue
        # A filtered-deck row with no ease is a review that did not reschedule: cramming.
        mode: Mode = "cram" if review.kind == REVLOG_FILTERED and review.factor == 0 else "study"
        collection.record_answer(
            review.card_key, review.rating, review.time, mode=mode, duration_ms=review.duration_ms
        )
        seen.add((review.card_key, to_ms(review.time)))
        answered.add(review.card_key)
        result.recorded += 1
        result.crammed += mode == "cram"
    result.cards = len(answered)
    _take_ankis_standing(collection, schedule, keys, now, result)
    return result


def _same_memory(state: object, stability: float, difficulty: float) -> bool:
    """Whether the replayed state already holds Anki's memory state, to Anki's precision (it keeps
    a few decimals): then nothing needs taking, and the log stays as it was."""
    ours_s, ours_d = getattr(state, "stability", None), getattr(state, "difficulty", None)
    return (
        ours_s is not None and ours_d is not None
        and abs(ours_s - stability) <= 1e-3 * max(stability, 1.0) and abs(ours_d - difficulty) <= 1e-3
    )


def _take_memory_states(
    collection: Collection, schedule: PackageSchedule, cards: dict, now: datetime, result: ImportedProgress
) -> None:
    """Anki's own stability and difficulty for each card that has them (FSRS on in Anki): the next
    answers continue from Anki's memory of the card, not from quizmg's replay of the history."""
    from quizmg.store.card_events import card_ids
    from quizmg.store.memory_states import set_memory

    given = {
        a.card_key: (a.stability, a.difficulty)
        for a in schedule.cards
        if a.stability is not None and a.difficulty is not None and a.card_key in cards
        and not _same_memory(cards[a.card_key].state, a.stability, a.difficulty)
    }
    if given:
        ids = card_ids(collection.connection, given)
        states = {ids[key]: value for key, value in given.items() if key in ids}
        result.memory_states += set_memory(collection, states, now)  # type: ignore[arg-type]


def _take_ankis_standing(
    collection: Collection, schedule: PackageSchedule, keys: set[str], now: datetime, result: ImportedProgress
) -> None:
    """Each card where Anki has it: new, due on Anki's day, suspended, buried."""
    from quizmg.scheduling.days import day_start, study_day
    from quizmg.scheduling.memory import CardPhase
    from quizmg.store.card_events import forget, set_due

    cards = {card.key: card for card in collection.cards(result.deck)}
    due_of: dict[str, datetime] = {}
    to_forget = []
    for anki in schedule.cards:
        card = cards.get(anki.card_key)
        if card is None or anki.card_key not in keys:
            continue
        if anki.new:
            if card.state.phase is not CardPhase.NEW:
                to_forget.append(anki.card_key)
        elif anki.due is not None and card.state.phase is not CardPhase.NEW:
            settings = collection.settings(result.deck)
            if card.state.phase is CardPhase.REVIEW:
                # Review cards are due on a day: a card due on another day than Anki's moves to
                # the start of Anki's (its day starts at the rollover, as Anki's collection did).
                day = study_day(anki.due + timedelta(hours=12), settings)
                if card.state.due is None or study_day(card.state.due, settings) != day:
                    due_of[anki.card_key] = day_start(day, settings)
            elif card.state.due is None or abs((card.state.due - anki.due).total_seconds()) >= 60:
                due_of[anki.card_key] = anki.due
    if to_forget:
        result.reset_now += forget(collection, to_forget, now)
    if due_of:
        moved, _new = set_due(collection, due_of, now)
        result.due_moved += moved
    _take_memory_states(collection, schedule, cards, now, result)
    suspended = [a.card_key for a in schedule.cards if a.suspended and a.card_key in cards]
    if suspended:
        result.suspended += collection.set_suspended(suspended, True) or len(suspended)
    buried = [a.card_key for a in schedule.cards if a.buried and a.card_key in cards]
    if buried:
        result.buried += collection.bury(buried, now)
