"""Answers synced in from another device (quizmg.store.origins): folded by their time, however late
they arrive; where each was made; the due time that device gave, kept by replays and rebuilds."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizmg.bank import load_bank
from quizmg.scheduling.memory import CardPhase, Rating
from quizmg.scheduling.scheduler import replay
from quizmg.store import Collection, open_collection

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)
DATA = Path(__file__).resolve().parent / "data"
KEY = "sample/mcq-1/1"


def _open(path: Path, fuzz: bool = True) -> Collection:
    opened = open_collection(path, NOW)
    opened.set_setting("timezone", "UTC")
    opened.set_setting("fuzz", fuzz)
    opened.sync(load_bank(DATA / "sample.yaml"), NOW)
    return opened


@pytest.fixture
def collection(tmp_path: Path) -> Iterator[Collection]:
    opened = _open(tmp_path / "c.sqlite3")
    yield opened
    opened.close()


def test_an_answer_synced_in_late_takes_its_place_by_time(collection: Collection) -> None:
    days = [0, 3, 9, 30]
    # Here: days 0, 9 and 30. The phone answered on day 3 and synced only after day 30.
    for day, rating in ((0, 3), (9, 3), (30, 2)):
        collection.record_answer(KEY, rating, NOW + timedelta(days=day))
    late = collection.record_answer(KEY, Rating.AGAIN, NOW + timedelta(days=3), device="phone")
    settings_ = collection.settings("sample")
    number = collection.card(KEY).number
    in_time_order = replay(
        [(NOW + timedelta(days=day), rating) for day, rating in zip(days, (3, 1, 3, 2), strict=True)],
        settings_, number,
    )
    assert late.after == in_time_order == collection.card(KEY).state
    assert in_time_order.lapses == 0  # the Again on day 3 met a learning card, not a review
    assert collection.rebuild(write=False).differing == []
    # Undoing the day-30 answer replays the rest, still in time order.
    last_here = [r for r in collection.reviews() if r.device is None][-1]
    collection.undo(NOW + timedelta(days=31), last_here.id)
    assert collection.card(KEY).state == replay(
        [(NOW + timedelta(days=day), rating) for day, rating in ((0, 3), (3, 1), (9, 3))], settings_, number
    )
    assert collection.rebuild(write=False).differing == []


def test_where_an_answer_was_made_and_the_due_it_was_given(collection: Collection) -> None:
    collection.record_answer(KEY, Rating.GOOD, NOW)
    given = NOW + timedelta(days=1, minutes=30)  # the phone's scheduler put it here
    recorded = collection.record_answer(
        KEY, Rating.GOOD, NOW + timedelta(minutes=12), device="Anki (learner on example.org)", device_due=given
    )
    assert recorded.after.due == given and collection.card(KEY).state.due == given
    assert [r.device for r in collection.reviews()] == [None, "Anki (learner on example.org)"]
    # The cache is what the log gives: a rebuild keeps the phone's due date.
    collection.connection.execute("UPDATE cards SET due = 0 WHERE key = ?", (KEY,))
    assert collection.rebuild().differing == [KEY]
    assert collection.card(KEY).state.due == given
    # An answer here schedules the card afresh; taking it back gives the phone's due date again.
    collection.record_answer(KEY, Rating.GOOD, given)
    assert collection.card(KEY).state.due != given
    collection.undo(given + timedelta(minutes=1))
    assert collection.card(KEY).state.due == given
    assert collection.rebuild(write=False).differing == []


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(0, 60 * 24 * 60), st.integers(1, 4), st.sampled_from([None, "phone", "due"])),
        min_size=1, max_size=12,
    ),
)
def test_any_arrival_order_gives_the_time_order_state(answers: list[tuple[int, int, str | None]]) -> None:
    """Answers recorded in any order (some 'from the phone', some with the due it gave) give the
    memory state of the log taken in time order, due as the latest answer's device gave it (or as
    quizmg schedules it), and the rebuild and an undo agree."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        collection = _open(Path(folder) / "c.sqlite3")
        try:
            seen: set[int] = set()
            timeline = []
            given: dict[datetime, datetime] = {}
            for minutes, rating, origin in answers:
                if minutes in seen:
                    continue
                seen.add(minutes)
                when = NOW + timedelta(minutes=minutes)
                due = when + timedelta(days=minutes % 7, hours=1) if origin == "due" else None
                collection.record_answer(
                    KEY, rating, when, device=None if origin is None else "phone", device_due=due
                )
                timeline.append((when, rating))
                if due is not None:
                    given[when] = due
            card = collection.card(KEY)
            expected = replay(timeline, collection.settings("sample"), card.number)
            latest = max(when for when, _ in timeline)
            assert card.state == replace(expected, due=given.get(latest, expected.due))
            assert card.state.phase is not CardPhase.NEW
            assert collection.rebuild(write=False).differing == []
            collection.undo(NOW + timedelta(days=90))
            assert collection.rebuild(write=False).differing == []
        finally:
            collection.close()
