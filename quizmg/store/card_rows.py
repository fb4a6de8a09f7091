"""Cards as rows of the cards table and back: the columns read, the state cache written."""

from __future__ import annotations

from datetime import date
from typing import Any

from quizmg.scheduling.memory import CardState
from quizmg.store.database import from_ms, to_ms
from quizmg.store.records import CardRecord, stored_phase

CARD_COLUMNS = (
    "c.id, c.key, c.number, d.name, c.question_id, c.ordinal, c.retired, c.suspended, "
    "c.buried_until, c.leech, c.phase, c.step, c.stability, c.difficulty, c.due, "
    "c.last_review, c.reps, c.lapses"
)


def state_from_row(row: tuple[Any, ...]) -> CardState:
    """The cached CardState in columns phase..lapses of a row (the last eight values)."""
    phase, step, stability, difficulty, due, last_review, reps, lapses = row[-8:]
    return CardState(
        phase=stored_phase(phase),
        step=step,
        stability=stability,
        difficulty=difficulty,
        due=from_ms(due),
        last_review=from_ms(last_review),
        reps=reps,
        lapses=lapses,
    )


def state_columns(state: CardState) -> tuple[Any, ...]:
    """A CardState as the eight cached column values, phase..lapses."""
    return (
        int(state.phase),
        state.step,
        state.stability,
        state.difficulty,
        to_ms(state.due) if state.due else None,
        to_ms(state.last_review) if state.last_review else None,
        state.reps,
        state.lapses,
    )


def card_from_row(row: tuple[Any, ...]) -> CardRecord:
    """A CardRecord from a row selected with CARD_COLUMNS."""
    return CardRecord(
        key=row[1],
        number=row[2],
        deck=row[3],
        question_id=row[4],
        ordinal=row[5],
        retired=bool(row[6]),
        suspended=bool(row[7]),
        buried_until=date.fromordinal(row[8]) if row[8] else None,
        leech=bool(row[9]),
        state=state_from_row(row),
    )
