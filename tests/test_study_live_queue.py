"""The study queue as a view of the collection over time: sessions on a simulated clock, two of
them on one SQLite file (as two processes would be), across several study days."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from quizmg.bank import load_bank
from quizmg.scheduling.memory import CardPhase
from quizmg.store import Collection, open_collection
from quizmg.study.session import SessionOver, StudySession, waiting_from_queue

# 10:00 UTC, well after the 04:00 rollover.
NOW = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)
LEARNING = (CardPhase.LEARNING, CardPhase.RELEARNING)


@pytest.fixture
def path(tmp_path: Path, sample_deck: Path) -> Path:
    file = tmp_path / "collection.sqlite"
    with open_collection(file, NOW) as collection:
        collection.sync(load_bank(sample_deck), NOW)
        collection.set_setting("timezone", "UTC")
    return file


def start(collection: Collection, sample_deck: Path, now: datetime, **options) -> StudySession:
    waiting = waiting_from_queue(collection.queue(now, ["sample"]))
    return StudySession(collection, {"sample": load_bank(sample_deck)}, waiting, now, **options)


def check_order(collection: Collection, key: str, now: datetime) -> None:
    """The card shown at `now` is the one Anki's order allows."""
    card = collection.card(key)
    learn_ahead = timedelta(minutes=collection.settings().learn_ahead_minutes)
    waiting_now = collection.queue(now, ["sample"])
    if card.state.phase in LEARNING and card.state.due > now:
        # Shown early: only within the limit, only when nothing else waits, earliest first.
        assert card.state.due - now <= learn_ahead
        assert waiting_now == []
        ahead = collection.learning_ahead(now, now + learn_ahead, ["sample"])
        assert ahead[0].key == key
    elif card.state.phase not in LEARNING:
        # No learning card that is due now was passed over.
        assert [q.key for q in waiting_now if q.reason == "learning"] == []


def test_a_card_failed_in_another_session_comes_when_due_before_this_sessions_own(path, sample_deck) -> None:
    first = open_collection(path, NOW)
    other = start(first, sample_deck, NOW)
    failed = other.next_card(NOW).key
    other.rate(1, 4.0, NOW)  # Again: due again in one minute
    first.close()

    collection = open_collection(path, NOW + timedelta(seconds=5))
    session = start(collection, sample_deck, NOW + timedelta(seconds=5))
    clock = NOW + timedelta(seconds=5)
    shown = []
    own_again = None
    while clock < NOW + timedelta(seconds=75):
        asked = session.next_card(clock)
        check_order(collection, asked.key, clock)
        shown.append((clock, asked.key))
        if asked.key == failed:
            break
        # This session fails its first card too: it falls due a minute after the other's.
        rating = 1 if own_again is None else 3
        own_again = own_again or asked.key
        session.rate(rating, 4.0, clock)
        clock += timedelta(seconds=8)
    when, key = shown[-1]
    assert key == failed, shown
    # Shown at the first card after it fell due (one minute after NOW), not before.
    assert NOW + timedelta(minutes=1) <= when < NOW + timedelta(minutes=1, seconds=8)
    assert own_again not in [k for _, k in shown[1:]]  # this session's own failed card waits its turn
    session.rate(3, 4.0, when)
    later = when + timedelta(seconds=10)
    assert session.next_card(later).key == own_again
    collection.close()


def test_learning_cards_come_early_only_when_nothing_else_waits_and_within_the_limit(path, sample_deck) -> None:
    collection = open_collection(path, NOW)
    collection.set_setting("learning_steps", [5.0, 30.0])
    session = start(collection, sample_deck, NOW)
    clock = NOW
    first = session.next_card(clock).key
    session.rate(1, 3.0, clock)  # due in 5 minutes
    # Every other card is answered Good (due in 30 minutes: beyond the 20-minute limit).
    others: list[str] = []
    while len(others) < 50:
        clock += timedelta(seconds=1)
        asked = session.next_card(clock)
        check_order(collection, asked.key, clock)
        if asked.key == first:
            break
        others.append(asked.key)
        session.rate(3, 1.0, clock)
    assert others and clock < NOW + timedelta(minutes=5)  # shown early, once nothing else was left
    session.rate(3, 1.0, clock)  # now 30 minutes away too
    with pytest.raises(SessionOver):
        session.next_card(clock + timedelta(seconds=1))
    # 11 minutes before the next falls due (inside the limit) it comes back early.
    next_due = min(collection.card(key).state.due for key in [first, *others])
    asked = session.next_card(next_due - timedelta(minutes=11))
    check_order(collection, asked.key, next_due - timedelta(minutes=11))
    collection.close()


def test_the_limit_is_a_setting(path, sample_deck) -> None:
    collection = open_collection(path, NOW)
    collection.set_setting("learn_ahead_minutes", 0)
    session = start(collection, sample_deck, NOW)
    keys: list[str] = []
    clock = NOW
    while len(keys) < 50:
        try:
            asked = session.next_card(clock)
        except SessionOver:
            break
        keys.append(asked.key)
        session.rate(1, 1.0, clock)
        clock += timedelta(seconds=1)
    # With no learn-ahead, nothing failed comes back before its minute is up.
    assert len(keys) == len(set(keys))
    assert session.next_card(NOW + timedelta(minutes=1)).key == keys[0]
    collection.close()


def test_several_days_on_a_simulated_clock(path, sample_deck) -> None:
    """Day after day, one session a day (that starts before the rollover on two of them):
    every card shown is one the order allows, and the reviews of each day turn up."""
    collection = open_collection(path, NOW)
    reviews_seen = 0
    for day in range(6):
        clock = datetime(2026, 3, 2 + day, 3, 58, tzinfo=timezone.utc) if day % 3 == 1 else NOW + timedelta(days=day)
        session = start(collection, sample_deck, clock)
        answers = 0
        while answers < 60:
            try:
                asked = session.next_card(clock)
            except SessionOver:
                break
            check_order(collection, asked.key, clock)
            waiting = session.current
            assert waiting is not None
            reviews_seen += waiting.reason == "review"
            # Fail one card in five, otherwise Good.
            session.rate(1 if answers % 5 == 4 else 3, 6.0, clock)
            answers += 1
            clock += timedelta(seconds=40)
        # Whatever is left of today is done by the end of the session's run.
        leftover = collection.queue(clock, ["sample"])
        assert all(q.reason != "learning" or q.due > clock for q in leftover)
    assert reviews_seen > 0
    collection.close()


def test_a_running_session_picks_up_the_next_study_day(path, sample_deck) -> None:
    collection = open_collection(path, NOW)
    collection.set_setting("learning_steps", [1.0])
    session = start(collection, sample_deck, NOW)
    clock = NOW
    while True:
        try:
            session.next_card(clock)
        except SessionOver:
            break
        session.rate(3, 1.0, clock)  # one step: Good graduates at once
        clock += timedelta(seconds=5)
    # The same session, still open across the night, finds the reviews that fell due.
    tomorrow = clock + timedelta(days=3)
    asked = session.next_card(tomorrow)
    assert session.current is not None and session.current.reason == "review"
    assert collection.card(asked.key).state.due <= tomorrow
    collection.close()
