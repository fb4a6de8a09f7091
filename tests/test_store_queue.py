"""The due queue: order, daily limits from the log, sibling burying, burying, due counts."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from drill_deck import write_deck

from quizmg.bank import load_bank
from quizmg.scheduling.memory import Rating
from quizmg.scheduling.scheduler import retrievability
from quizmg.store import Collection, open_collection
from quizmg.store.queue import interleave

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)  # 12:00 UTC, day rolls over at 04:00 UTC


@pytest.fixture
def collection(tmp_path: Path) -> Collection:
    opened = open_collection(tmp_path / "c.sqlite3", NOW)
    opened.sync(load_bank(write_deck(tmp_path / "drill.yaml", 30, reversed_every=2)), NOW)
    opened.set_setting("timezone", "UTC")
    opened.set_setting("fuzz", False)
    yield opened
    opened.close()


def test_new_cards_come_in_deck_order_with_siblings_held_back(collection: Collection) -> None:
    queue = collection.queue(NOW)
    assert all(card.reason == "new" for card in queue)
    assert len(queue) == 20  # new_per_day
    # q0 has two cards (front and reverse): only one of them is shown on a day.
    questions = [card.question_id for card in queue]
    assert questions == [f"q{i}" for i in range(20)]
    assert [card.ordinal for card in queue[:2]] == [1, 1]


def test_sibling_answered_today_waits_until_tomorrow(collection: Collection) -> None:
    collection.record_answer("drill/q0/1", Rating.EASY, NOW)
    keys = {card.key for card in collection.queue(NOW + timedelta(minutes=1))}
    assert "drill/q0/2" not in keys
    tomorrow = NOW + timedelta(hours=17)  # 05:00 next day, past the 04:00 rollover
    assert "drill/q0/2" in {card.key for card in collection.queue(tomorrow)}
    # Undoing the answer brings the sibling straight back, today.
    collection.undo(NOW + timedelta(minutes=2))
    assert "drill/q0/2" not in {c.key for c in collection.queue(NOW)}  # q0/1 itself holds it
    assert collection.queue(NOW)[0].key == "drill/q0/1"


def test_burying_siblings_can_be_switched_off(collection: Collection) -> None:
    collection.set_setting("bury_siblings", False)
    keys = [card.key for card in collection.queue(NOW)]
    assert keys[:3] == ["drill/q0/1", "drill/q0/2", "drill/q1/1"]


def test_new_card_limit_is_counted_from_todays_log(collection: Collection) -> None:
    collection.set_setting("new_per_day", 5)
    for card in collection.queue(NOW)[:3]:
        collection.record_answer(card.key, Rating.EASY, NOW)
    later = NOW + timedelta(hours=1)
    assert sum(card.reason == "new" for card in collection.queue(later)) == 2
    # Cram answers never use up the day's new cards.
    collection.record_answer("drill/q20/1", Rating.GOOD, later, mode="cram")
    assert sum(card.reason == "new" for card in collection.queue(later)) == 2
    # The next study day starts afresh (rollover at 04:00 in the learner's zone).
    before_rollover = NOW + timedelta(hours=15, minutes=59)
    after_rollover = NOW + timedelta(hours=16)
    assert sum(c.reason == "new" for c in collection.queue(before_rollover)) == 2
    assert sum(c.reason == "new" for c in collection.queue(after_rollover)) == 5


def test_rollover_follows_the_learners_time_zone(collection: Collection) -> None:
    collection.set_setting("new_per_day", 1)
    collection.set_setting("timezone", "America/New_York")  # UTC-5 in March before DST
    collection.record_answer(collection.queue(NOW)[0].key, Rating.EASY, NOW)
    # 04:00 in New York is 09:00 UTC the next day.
    assert [c.reason for c in collection.queue(NOW + timedelta(hours=20, minutes=59))] == []
    assert [c.reason for c in collection.queue(NOW + timedelta(hours=21))] == ["new"]


def graduate(collection: Collection, keys: list[str], start: datetime, step: timedelta) -> None:
    """Answer each card Easy (straight to review), `step` apart."""
    for index, key in enumerate(keys):
        collection.record_answer(key, Rating.EASY, start + index * step)


def test_learning_first_then_reviews_by_retrievability_then_new(collection: Collection) -> None:
    review_keys = [f"drill/q{i}/1" for i in range(1, 12, 2)]  # questions without siblings
    graduate(collection, review_keys, NOW - timedelta(days=60), timedelta(days=3))
    collection.record_answer("drill/q13/1", Rating.GOOD, NOW - timedelta(minutes=30))  # learning
    moment = NOW
    queue = collection.queue(moment)
    assert queue[0].key == "drill/q13/1" and queue[0].reason == "learning"
    reviews = [card for card in queue if card.reason == "review"]
    assert {card.key for card in reviews} == set(review_keys)
    settings = collection.settings("drill")
    recall = [retrievability(collection.card(c.key).state, moment, settings) for c in reviews]
    assert recall == sorted(recall)  # most overdue (least likely remembered) first
    assert [c.reason for c in queue[1:]].count("new") == 19  # q13 was today's first new card
    # New cards are spread among the reviews, not all before or after them.
    reasons = [c.reason for c in queue[1:]]
    assert reasons.index("review") < len(reasons) - 1 - reasons[::-1].index("new")
    assert reasons.index("new") < len(reasons) - 1 - reasons[::-1].index("review")


def test_review_limit_and_learning_not_yet_due(collection: Collection) -> None:
    collection.set_setting("reviews_per_day", 2)
    graduate(collection, ["drill/q1/1", "drill/q3/1", "drill/q5/1"], NOW - timedelta(days=90),
             timedelta(hours=1))
    collection.record_answer("drill/q7/1", Rating.GOOD, NOW)  # learning, due in 10 minutes
    queue = collection.queue(NOW + timedelta(minutes=5))
    assert sum(c.reason == "review" for c in queue) == 2
    assert "drill/q7/1" not in {c.key for c in queue}
    assert "drill/q7/1" in {c.key for c in collection.queue(NOW + timedelta(minutes=10))}
    review = next(c for c in queue if c.reason == "review")
    collection.record_answer(review.key, Rating.GOOD, NOW + timedelta(minutes=6))
    assert sum(c.reason == "review" for c in collection.queue(NOW + timedelta(minutes=7))) == 1


def test_manual_bury_hides_until_the_next_day(collection: Collection) -> None:
    assert collection.bury(["drill/q1/1"], NOW) == 1
    assert "drill/q1/1" not in {c.key for c in collection.queue(NOW)}
    assert "drill/q1/1" in {c.key for c in collection.queue(NOW + timedelta(days=1))}


def test_due_counts_and_next_due(collection: Collection, tmp_path: Path) -> None:
    collection.set_setting("new_per_day", 3)
    counts = collection.due_counts(NOW)
    assert (counts.learning, counts.review, counts.new, counts.next_due) == (0, 0, 3, None)
    collection.record_answer("drill/q0/1", Rating.GOOD, NOW)
    counts = collection.due_counts(NOW + timedelta(minutes=1))
    assert (counts.learning, counts.review, counts.new) == (0, 0, 2)
    assert counts.next_due == NOW + timedelta(minutes=10)
    assert collection.due_counts(NOW + timedelta(minutes=10)).learning == 1
    # A second deck counts on its own; asking for one deck leaves the other out.
    collection.sync(load_bank(write_deck(tmp_path / "more.yaml", 4, deck_id="more")), NOW)
    assert collection.due_counts(NOW, ["more"]).new == 3
    assert collection.due_counts(NOW).new == 2 + 3
    collection.set_setting("new_per_day", 4, deck="more")  # a per-deck override
    assert collection.due_counts(NOW, ["more"]).new == 4


def test_interleave_spreads_new_cards_evenly() -> None:
    reviews = [f"r{i}" for i in range(6)]
    new = ["n0", "n1"]
    assert interleave(reviews, new) == ["r0", "r1", "n0", "r2", "r3", "n1", "r4", "r5"]  # type: ignore[arg-type]
    assert interleave([], new) == new  # type: ignore[arg-type]


def test_a_new_card_related_to_todays_questions_waits_while_others_can_come(collection: Collection) -> None:
    # Pretend q1 and q2 give each other away, and q0 gives away q3.
    related = {frozenset({"q1", "q2"}), frozenset({"q0", "q3"})}
    asked: list[tuple[str, str, frozenset[str]]] = []

    def keep_apart(deck: str, question: str, today, new_today) -> bool:
        assert set(new_today) <= set(today)
        asked.append((deck, question, frozenset(today)))
        return any(frozenset({question, other}) in related for other in today)

    plain = [card.question_id for card in collection.queue(NOW)]
    apart = [card.question_id for card in collection.queue(NOW, keep_apart=keep_apart)]
    assert asked and all(deck == "drill" for deck, _, _ in asked)
    assert len(apart) == len(plain) == 20  # the same count: every count agrees with the session's
    assert "q2" not in apart and "q3" not in apart and apart[:3] == ["q0", "q1", "q4"]
    # Answered today, a question holds back its partner in later queues of the day too.
    collection.record_answer("drill/q0/1", Rating.GOOD, NOW)
    assert "q3" not in [c.question_id for c in collection.queue(NOW, keep_apart=keep_apart)]
    # When nothing else can fill the day's limit, related cards come after all, last.
    collection.set_setting("new_per_day", 40)
    filled = [c.question_id for c in collection.queue(NOW, keep_apart=keep_apart)]
    assert len(filled) == len([c for c in collection.queue(NOW) if c.reason == "new"])
    assert filled[-2:] == ["q2", "q3"]


def test_every_search_of_the_queue_uses_an_index_not_a_scan_of_all_cards(collection: Collection) -> None:
    """A running session asks these before every card: a full scan of a large collection's cards
    costs tens of milliseconds each time (learning_ahead did, until it named `phase > 0`)."""
    collection.record_answer("drill/q0/1", Rating.AGAIN, NOW)
    statements: list[str] = []
    collection.connection.set_trace_callback(statements.append)
    try:
        collection.queue(NOW)
        collection.learning_ahead(NOW, NOW + timedelta(minutes=20))
    finally:
        collection.connection.set_trace_callback(None)
    searches = [s for s in statements if s.lstrip().upper().startswith("SELECT") and " cards c" in s]
    assert len(searches) >= 4
    for search in searches:
        plan = " | ".join(row[3] for row in collection.connection.execute(f"EXPLAIN QUERY PLAN {search}"))
        # A search by deck alone walks every card of the deck; a SCAN walks every card.
        assert "SCAN c" not in plan and "cards_by_deck (deck_id=?)" not in plan, (search, plan)


def test_a_card_forgotten_today_is_new_again_today_but_still_holds_its_siblings(collection: Collection) -> None:
    """A card is never held back by its own answers: Forget puts it among today's new cards, as
    Anki does; its sibling still waits for tomorrow."""
    from quizmg.store.card_events import forget

    collection.record_answer("drill/q0/1", Rating.GOOD, NOW)
    assert "drill/q0/1" not in {c.key for c in collection.queue(NOW + timedelta(minutes=1))}  # learning, not due
    forget(collection, ["drill/q0/1"], NOW + timedelta(minutes=2))
    keys = [c.key for c in collection.queue(NOW + timedelta(minutes=3))]
    assert "drill/q0/1" in keys and "drill/q0/2" not in keys
