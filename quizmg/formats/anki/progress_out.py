"""A learner's progress across the Anki boundary, in both directions.

Out (`export anki --with-progress`): genanki writes every card as new and no review log, so after
it has written the notes, the package's collection is edited in place: each studied card gets its
type, queue, due, interval, reps, lapses and FSRS memory state (`data`: s, d, dr, decay, lrt), and
every quizmg study answer becomes a revlog row. The package's `col.conf` gets `schedVer` 2 (else
Anki would "upgrade" the v1 collection and reset learning cards) and the learner's rollover hour and
UTC offset, so the day numbers below mean in Anki what they mean in quizmg.

Facts from Anki's source (rslib import_export/package/apkg/import/cards.rs and gather.rs):
- Scheduling is taken only when the learner imports "with scheduling"; otherwise every card is
  reset to new and the revlog is dropped.
- A review card's `due` counts days since the collection's creation (`crt`); on import Anki shifts
  it by how many days the package's collection is ahead of the learner's, so only the difference
  "due day minus today" matters. Learning cards (queue 1) are due at an epoch-seconds time.
- Cards Anki already has (same note GUID and template) are never touched, and revlog rows are
  added only for cards the import added: progress travels once, on the first import.

The way in is quizmg.formats.anki.progress_in. What the learner's collection holds is gathered by
the CLI (quizmg.cli.anki_progress) and handed here as plain data: this module never touches the store.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from quizmg.formats.anki.ids import note_guid

if TYPE_CHECKING:
    import genanki

    from quizmg.scheduling.memory import CardState
    from quizmg.scheduling.settings import Settings

# genanki's collection creation time (2014-09-19 11:00 UTC): day numbers count from its date.
GENANKI_CRT = 1411124400
# Anki's card types and queues (rslib/src/card/mod.rs).
TYPE_NEW, TYPE_LEARN, TYPE_REVIEW, TYPE_RELEARN = 0, 1, 2, 3
QUEUE_SUSPENDED, QUEUE_LEARN, QUEUE_REVIEW = -1, 1, 2
# Revlog kinds: learning, review, relearning, filtered (cram), manual.
REVLOG_LEARN, REVLOG_REVIEW, REVLOG_RELEARN, REVLOG_FILTERED = 0, 1, 2, 3
# The ease Anki gives a card when it graduates; FSRS ignores it, SM-2 would start from it.
STARTING_EASE = 2500


@dataclass(frozen=True)
class AnkiDays:
    """Anki's day numbering for a package: days since `crt`'s date, rolling over at an hour of
    a fixed UTC offset (Anki's "v2 new" timing, used when `creationOffset` is set)."""

    rollover_hour: int
    minutes_west: int
    crt: int = GENANKI_CRT

    def _local(self, moment: datetime) -> datetime:
        return moment.astimezone(timezone.utc) - timedelta(minutes=self.minutes_west)

    def day(self, moment: datetime) -> int:
        """The day number of `moment`: before the rollover hour it still counts as the day before."""
        local = self._local(moment)
        created = self._local(datetime.fromtimestamp(self.crt, timezone.utc)).date()
        days = (local.date() - created).days
        return days - 1 if local.hour < self.rollover_hour else days


def anki_days_for(settings: Settings, now: datetime) -> AnkiDays:
    """The day numbering that matches the learner's study days (zone and rollover) at `now`."""
    zone = ZoneInfo(settings.timezone) if settings.timezone else None
    offset = now.astimezone(zone).utcoffset() or timedelta(0)
    return AnkiDays(settings.rollover_hour, -round(offset.total_seconds() / 60))


# --- the learner's progress, as plain data ------------------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """One study answer, with what the card's schedule became (for its revlog row)."""

    time: datetime
    rating: int
    duration_ms: int
    phase_before: int
    after: CardState


@dataclass(frozen=True)
class CardProgress:
    """A studied card: where it belongs in the package, its state and its answers."""

    deck_id: str
    question_id: str
    ordinal: int
    state: CardState
    suspended: bool
    answers: tuple[Answer, ...]
    settings: Settings


@dataclass
class LearnerProgress:
    """What travels with an export: studied cards, and decks the learner never studied."""

    cards: list[CardProgress] = field(default_factory=list)
    unstudied_decks: list[str] = field(default_factory=list)
    settings: Settings | None = None  # of the first studied deck: the package's day numbering


# --- writing it into the package ----------------------------------------------------------------


@dataclass
class ProgressSummary:
    """What the package got: cards with a schedule, suspended cards, revlog rows."""

    scheduled: int = 0
    suspended: int = 0
    reviews: int = 0
    missing: int = 0  # studied cards whose question is no longer in the deck


def fsrs_interval_days(stability: float, desired_retention: float, decay: float) -> float:
    """The interval FSRS-6 gives a memory of this stability at the desired retention."""
    factor = 0.9 ** (-1 / decay) - 1
    return stability / factor * (desired_retention ** (-1 / decay) - 1)


def revlog_difficulty(difficulty: float | None) -> int:
    """How Anki's FSRS records difficulty in a revlog row's `factor` (1..10 as 100..1100)."""
    # Checked against rows Anki itself wrote: d 1.0 -> 100, 2.118 -> 224, 6.413 -> 701.
    return 0 if difficulty is None else round(((difficulty - 1) / 9 + 0.1) * 1000)


def revlog_interval(state: CardState, when: datetime, days: AnkiDays) -> int:
    """A revlog interval: whole days for a review card, negative seconds while (re)learning."""
    from quizmg.scheduling.memory import CardPhase

    if state.due is None:
        return 0
    if state.phase is CardPhase.REVIEW:
        return max(1, days.day(state.due) - days.day(when))
    return -max(1, round((state.due - when).total_seconds()))


def card_columns(card: CardProgress, days: AnkiDays) -> dict[str, Any]:
    """The Anki card columns for a studied card's state (None: leave genanki's new card as is)."""
    from quizmg.scheduling.memory import CardPhase

    state, settings = card.state, card.settings
    if state.phase is CardPhase.NEW or state.due is None:
        return {"queue": QUEUE_SUSPENDED} if card.suspended else {}
    decay = -settings.fsrs_parameters()[20]
    data = {
        "s": round(state.stability or 0.0, 4),
        "d": round(state.difficulty or 0.0, 4),
        "dr": settings.desired_retention,
        "decay": round(-decay, 4),
    }
    if state.last_review is not None:
        data["lrt"] = int(state.last_review.timestamp())
    columns: dict[str, Any] = {
        "reps": state.reps,
        "lapses": state.lapses,
        "data": json.dumps(data, separators=(",", ":")),
        "left": 0,
    }
    if state.phase is CardPhase.REVIEW:
        last = state.last_review or state.due
        columns.update(
            type=TYPE_REVIEW, queue=QUEUE_REVIEW, due=days.day(state.due),
            ivl=max(1, days.day(state.due) - days.day(last)), factor=STARTING_EASE,
        )
    else:
        relearning = state.phase is CardPhase.RELEARNING
        steps = settings.relearning_steps if relearning else settings.learning_steps
        # While relearning, Anki keeps the interval the card returns to: FSRS's for its memory.
        interval = fsrs_interval_days(state.stability or 1.0, settings.desired_retention, decay)
        columns.update(
            type=TYPE_RELEARN if relearning else TYPE_LEARN,
            queue=QUEUE_LEARN,
            due=int(state.due.timestamp()),
            ivl=min(settings.maximum_interval, max(1, round(interval))) if relearning else 0,
            factor=STARTING_EASE if relearning else 0,
            left=max(1, len(steps) - (state.step or 0)),
        )
    if card.suspended:
        columns["queue"] = QUEUE_SUSPENDED
    return columns


_REVLOG_KIND = {0: REVLOG_LEARN, 1: REVLOG_LEARN, 2: REVLOG_REVIEW, 3: REVLOG_RELEARN}


def write_progress(
    db: sqlite3.Cursor | sqlite3.Connection,
    progress: LearnerProgress,
    now: datetime,
    guids: Mapping[tuple[str, str], str] | None = None,
) -> ProgressSummary:
    """Put the learner's progress into a collection genanki has just written (not yet zipped).

    `guids` gives the GUID of questions that keep an Anki note's own, by (deck id, question id).
    """
    guids = guids or {}
    summary = ProgressSummary()
    settings = progress.settings
    if settings is None:
        return summary
    days = anki_days_for(settings, now)
    card_ids = {
        (guid, ordinal): card_id
        for card_id, ordinal, guid in db.execute(
            "SELECT c.id, c.ord, n.guid FROM cards c JOIN notes n ON n.id = c.nid"
        )
    }
    used_revlog_ids: set[int] = set()
    stamp = int(now.timestamp())
    for card in progress.cards:
        # quizmg ordinals start at 1 (c1, the reverse card is 2); Anki's template ordinals at 0.
        card_id = card_ids.get((_guid(card, guids), card.ordinal - 1))
        if card_id is None:
            summary.missing += 1
            continue
        columns = card_columns(card, days)
        if columns:
            assignments = ", ".join(f"{name} = ?" for name in columns)
            db.execute(
                f"UPDATE cards SET {assignments}, mod = ?, usn = -1 WHERE id = ?",
                (*columns.values(), stamp, card_id),
            )
            summary.scheduled += "type" in columns
            summary.suspended += columns.get("queue") == QUEUE_SUSPENDED
        last_interval = 0
        for answer in card.answers:
            revlog_id = int(answer.time.timestamp() * 1000)
            # Anki drops a revlog row whose id it already has: two answers in one millisecond
            # (two cards answered together) must not lose one.
            while revlog_id in used_revlog_ids:
                revlog_id += 1
            used_revlog_ids.add(revlog_id)
            interval = revlog_interval(answer.after, answer.time, days)
            db.execute(
                "INSERT INTO revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
                "VALUES (?, ?, -1, ?, ?, ?, ?, ?, ?)",
                (
                    revlog_id, card_id, answer.rating, interval, last_interval,
                    revlog_difficulty(answer.after.difficulty), max(0, answer.duration_ms),
                    _REVLOG_KIND[answer.phase_before],
                ),
            )
            last_interval = interval
            summary.reviews += 1
    (conf_text,) = db.execute("SELECT conf FROM col").fetchone()
    conf = json.loads(conf_text)
    # schedVer 2: without it Anki treats the package as a v1 collection and converts its cards.
    conf.update(
        schedVer=2, rollover=days.rollover_hour, creationOffset=days.minutes_west,
        localOffset=days.minutes_west,
    )
    db.execute("UPDATE col SET conf = ?, crt = ?", (json.dumps(conf), days.crt))
    return summary


def _guid(card: CardProgress, guids: Mapping[tuple[str, str], str]) -> str:
    key = (card.deck_id, card.question_id)
    return guids.get(key) or note_guid(*key)


def package_with_progress(
    package: genanki.Package,
    progress: LearnerProgress,
    now: datetime,
    summary: ProgressSummary,
    guids: Mapping[tuple[str, str], str] | None = None,
) -> genanki.Package:
    """A genanki package that writes the learner's progress right after its notes and cards."""
    import genanki

    class ProgressPackage(genanki.Package):
        def write_to_db(self, cursor, timestamp, id_gen):  # type: ignore[no-untyped-def]
            super().write_to_db(cursor, timestamp, id_gen)
            for name, value in vars(write_progress(cursor, progress, now, guids)).items():
                setattr(summary, name, value)

    return ProgressPackage(package.decks, media_files=package.media_files)
