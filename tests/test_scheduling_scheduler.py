"""FSRS-6 reviews through quizmg's scheduler: golden intervals, replay, fuzz, preview, retrievability."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from quizmg.errors import QuizmgError
from quizmg.scheduling.memory import NEW_CARD, CardPhase, CardState, Rating
from quizmg.scheduling.scheduler import (
    apply_review,
    fuzz_fraction,
    fuzzed_days,
    interval_text,
    preview,
    replay,
    retrievability,
)
from quizmg.scheduling.settings import Settings

START = datetime(2022, 11, 29, 12, 30, tzinfo=timezone.utc)
# Golden figures are pinned to one zone: elapsed time is counted in the learner's study days.


def utc_settings(**values: object) -> Settings:
    """Settings for a learner whose day rolls over at 04:00 UTC."""
    return Settings(timezone="UTC", **values)  # type: ignore[arg-type]


NO_FUZZ = utc_settings(fuzz=False)
FUZZ = utc_settings()
GOOD, AGAIN = Rating.GOOD, Rating.AGAIN


def intervals_in_days(ratings: list[Rating], settings: Settings, card_number: int = 7) -> list[int]:
    """Review at each due time and return the whole days until the next due."""
    state, when, days = NEW_CARD, START, []
    for rating in ratings:
        state = apply_review(state, rating, when, settings, card_number)
        assert state.due is not None and state.last_review == when
        days.append((state.due - state.last_review).days)
        when = state.due
    return days


def test_golden_intervals_match_py_fsrs_reference() -> None:
    # The FSRS-6 reference vector (py-fsrs tests/test_basic.py test_review_card, ts-fsrs alike):
    # same ratings, start time and expected days, with Anki's default 1 m / 10 m learning steps.
    ratings = [GOOD] * 6 + [AGAIN, AGAIN] + [GOOD] * 5
    assert intervals_in_days(ratings, NO_FUZZ) == [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]


def test_golden_memory_state_matches_py_fsrs_reference() -> None:
    # py-fsrs test_memo_state: Again then five Goods, 0, 0, 1, 3, 8 and 21 days apart.
    reviews, when = [], START
    for rating, gap in zip([AGAIN] + [GOOD] * 5, [0, 0, 1, 3, 8, 21], strict=True):
        when += timedelta(days=gap)
        reviews.append((when, int(rating)))
    state = replay(reviews, NO_FUZZ, 1)
    assert state.stability == pytest.approx(53.62691, abs=1e-4)
    assert state.difficulty == pytest.approx(6.3574867, abs=1e-4)


def test_new_card_walks_through_learning_steps() -> None:
    first = apply_review(NEW_CARD, GOOD, START, NO_FUZZ, 1)
    assert (first.phase, first.step, first.due - START) == (CardPhase.LEARNING, 1, timedelta(minutes=10))
    again = apply_review(NEW_CARD, AGAIN, START, NO_FUZZ, 1)
    assert (again.phase, again.step, again.due - START) == (CardPhase.LEARNING, 0, timedelta(minutes=1))
    hard = apply_review(NEW_CARD, Rating.HARD, START, NO_FUZZ, 1)
    # Hard on the first step waits between the first two steps: (1 + 10) / 2 minutes.
    assert hard.due - START == timedelta(minutes=5.5)
    easy = apply_review(NEW_CARD, Rating.EASY, START, NO_FUZZ, 1)
    assert easy.phase is CardPhase.REVIEW and easy.step is None
    assert (easy.due - START).days == 8
    assert first.reps == again.reps == 1


def test_custom_learning_steps_are_minutes() -> None:
    settings = utc_settings(fuzz=False, learning_steps=[5, 30, 120])
    state = apply_review(NEW_CARD, GOOD, START, settings, 1)
    assert state.due - START == timedelta(minutes=30)
    state = apply_review(state, GOOD, state.due, settings, 1)
    assert state.due - state.last_review == timedelta(minutes=120)
    state = apply_review(state, GOOD, state.due, settings, 1)
    assert state.phase is CardPhase.REVIEW


def test_no_learning_steps_graduates_at_once() -> None:
    state = apply_review(NEW_CARD, GOOD, START, utc_settings(fuzz=False, learning_steps=[]), 1)
    assert state.phase is CardPhase.REVIEW and (state.due - START).days == 2


def test_lapse_counts_only_forgetting_in_review() -> None:
    state = replay([(START, AGAIN), (START + timedelta(minutes=1), GOOD)], NO_FUZZ, 3)
    assert state.lapses == 0  # Again while learning is not a lapse
    state = replay(
        [(START, GOOD), (START + timedelta(minutes=10), GOOD), (START + timedelta(days=2), AGAIN)],
        NO_FUZZ,
        3,
    )
    assert (state.phase, state.lapses, state.reps) == (CardPhase.RELEARNING, 1, 3)
    assert state.due - state.last_review == timedelta(minutes=10)


def test_higher_retention_gives_shorter_intervals() -> None:
    ratings = [GOOD] * 5
    strict = intervals_in_days(ratings, utc_settings(fuzz=False, desired_retention=0.97))
    relaxed = intervals_in_days(ratings, utc_settings(fuzz=False, desired_retention=0.8))
    assert strict[-1] < intervals_in_days(ratings, NO_FUZZ)[-1] < relaxed[-1]


def test_maximum_interval_caps_reviews() -> None:
    assert max(intervals_in_days([GOOD] * 8, utc_settings(fuzz=False, maximum_interval=30))) == 30
    assert max(intervals_in_days([GOOD] * 8, utc_settings(fuzz=True, maximum_interval=30))) == 30


def test_custom_parameters_change_the_schedule() -> None:
    from fsrs.scheduler import DEFAULT_PARAMETERS

    weights = list(DEFAULT_PARAMETERS)
    weights[2] = 10.0  # initial stability after Good
    days = intervals_in_days([GOOD, GOOD], utc_settings(fuzz=False, parameters=weights))
    assert days == [0, 10]


def test_replay_equals_folding_apply_review() -> None:
    settings = FUZZ  # fuzz on: replay must still agree exactly
    history = [GOOD, GOOD, Rating.HARD, AGAIN, GOOD, Rating.EASY, GOOD]
    state, when, reviews = NEW_CARD, START, []
    for rating in history:
        reviews.append((when, int(rating)))
        state = apply_review(state, rating, when, settings, 42)
        when = state.due + timedelta(hours=3)  # a little late, as learners are
    assert replay(reviews, settings, 42) == state
    # Logs merged from two machines arrive out of order: replay sorts them by time.
    assert replay(list(reversed(reviews)), settings, 42) == state


def test_fuzz_is_reproducible_and_leaves_global_random_alone() -> None:
    settings = FUZZ
    reviews = [(START + timedelta(days=offset), int(GOOD)) for offset in (0, 0, 3, 15, 60, 200)]
    random.seed(1234)
    expected_next = random.random()
    random.seed(1234)
    first = replay(reviews, settings, 99)
    second = replay(reviews, settings, 99)
    assert first == second
    assert random.random() == expected_next  # the global generator was not consumed


def test_fuzz_differs_between_cards_but_stays_in_range() -> None:
    reviews = [(START + timedelta(days=offset), int(GOOD)) for offset in (0, 0, 3, 15, 60)]
    plain = replay(reviews, NO_FUZZ, 1)
    assert plain.due is not None
    plain_days = (plain.due - plain.last_review).days  # type: ignore[operator]
    fuzzed = set()
    for card in range(1, 40):
        state = replay(reviews, FUZZ, card)
        fuzzed.add((state.due - state.last_review).days)  # type: ignore[operator]
    assert len(fuzzed) > 3  # cards reviewed together do not all fall due on the same day
    assert min(fuzzed) >= plain_days * 0.9 - 2 and max(fuzzed) <= plain_days * 1.1 + 2
    assert plain.stability == replay(reviews, FUZZ, 5).stability  # fuzz moves only the due


def test_fuzzed_days_bounds() -> None:
    assert fuzzed_days(2, 36500, 0.99) == 2  # short intervals are never fuzzed
    # 100 days spreads by 1 + 0.15 * 4.5 + 0.1 * 13 + 0.05 * 80 = 6.975 days either way.
    spread = {fuzzed_days(100, 36500, fuzz_fraction(card, 3)) for card in range(300)}
    assert spread == set(range(93, 108))
    assert (fuzzed_days(100, 36500, 0.0), fuzzed_days(100, 36500, 0.999999)) == (93, 107)
    assert fuzzed_days(100, 100, 0.999999) == 100
    assert fuzz_fraction(1, 2) != fuzz_fraction(2, 1)
    fractions = [fuzz_fraction(card, reps) for card in range(100) for reps in range(10)]
    assert all(0.0 <= value < 1.0 for value in fractions)
    assert 0.45 < sum(fractions) / len(fractions) < 0.55  # evenly spread, not stuck at one end


def test_when_must_be_aware_and_any_zone_is_taken_as_utc() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        apply_review(NEW_CARD, GOOD, datetime(2024, 1, 1, 12), NO_FUZZ, 1)
    berlin = START.astimezone(ZoneInfo("Europe/Berlin"))
    state = apply_review(NEW_CARD, GOOD, berlin, NO_FUZZ, 1)
    assert state.last_review == START and state.last_review.tzinfo is timezone.utc


def test_bad_rating_is_a_clear_error() -> None:
    with pytest.raises(QuizmgError, match="1 \\(Again\\) to 4 \\(Easy\\)"):
        apply_review(NEW_CARD, 5, START, NO_FUZZ, 1)
    assert apply_review(NEW_CARD, 3, START, NO_FUZZ, 1).step == 1  # plain ints are fine


def test_preview_gives_each_rating_and_matches_the_real_answer() -> None:
    settings = FUZZ
    state = replay([(START, 3), (START + timedelta(minutes=10), 3)], settings, 8)
    now = START + timedelta(days=2, hours=1)
    buttons = preview(state, now, settings, 8)
    assert list(buttons) == [Rating.AGAIN, Rating.HARD, Rating.GOOD, Rating.EASY]
    assert buttons[Rating.AGAIN] - now == timedelta(minutes=10)
    assert buttons[Rating.HARD] <= buttons[Rating.GOOD] <= buttons[Rating.EASY]
    for rating, due in buttons.items():
        assert apply_review(state, rating, now, settings, 8).due == due
    assert interval_text(buttons[Rating.AGAIN] - now) == "10m"


def test_retrievability_follows_the_forgetting_curve() -> None:
    assert retrievability(NEW_CARD, START, NO_FUZZ) is None
    state = replay([(START, 3), (START + timedelta(minutes=10), 3)], NO_FUZZ, 1)
    assert state.stability is not None and state.last_review is not None
    assert retrievability(state, state.last_review, NO_FUZZ) == pytest.approx(1.0)
    # By definition, recall probability is 90 % after `stability` days.
    at_stability = state.last_review + timedelta(days=state.stability)
    assert retrievability(state, at_stability, NO_FUZZ) == pytest.approx(0.9)
    later = retrievability(state, at_stability + timedelta(days=30), NO_FUZZ)
    assert later is not None and later < 0.9


def test_card_state_round_trips_through_json_values() -> None:
    import json

    state = replay([(START, 3), (START + timedelta(minutes=10), 1)], FUZZ, 5)
    text = json.dumps(state.to_dict())
    assert CardState.from_dict(json.loads(text)) == state
    assert CardState.from_dict(NEW_CARD.to_dict()) == NEW_CARD


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(30, "30s"), (600, "10m"), (3 * 3600, "3h"), (4 * 86400, "4d"), (75 * 86400, "2.5mo"),
     (730 * 86400, "2.0y")],
)
def test_interval_text(seconds: int, text: str) -> None:
    assert interval_text(timedelta(seconds=seconds)) == text


def test_elapsed_time_is_counted_in_study_days() -> None:
    # Graduated on day 0; answered at 23:00 on day 2 and again at 09:00 the next study day.
    settings = utc_settings(fuzz=False, learning_steps=[])
    base = [(START, 3), (START + timedelta(days=2, hours=10, minutes=30), 3)]
    late_evening = replay(base, settings, 1)
    next_morning = START + timedelta(days=3, hours=-3, minutes=-30)  # 10 hours later, 09:00 UTC
    long_term = apply_review(late_evening, GOOD, next_morning, settings, 1)
    # The same 10 hours inside one study day is only a short-term (same-day) review.
    same_day = apply_review(
        late_evening, GOOD, late_evening.last_review + timedelta(minutes=30), settings, 1
    )
    assert long_term.stability is not None and same_day.stability is not None
    assert long_term.stability > same_day.stability
    # In a zone where both moments fall on one study day, no long-term update happens.
    tokyo = Settings(timezone="Asia/Tokyo", fuzz=False, learning_steps=[])
    tokyo_state = replay(base, tokyo, 1)
    tokyo_next = apply_review(tokyo_state, GOOD, next_morning, tokyo, 1)
    assert tokyo_next.stability == pytest.approx(
        apply_review(tokyo_state, GOOD, tokyo_state.last_review + timedelta(hours=1), tokyo, 1)
        .stability
    )


def test_replay_stability_agrees_with_fsrs_rs_memory_state() -> None:
    # fsrs-rs (the optimizer's engine, and Anki's) computes memory from study-day gaps; a replay
    # through quizmg must land on the same stability and difficulty for the same history.
    from fsrs_rs_python import FSRS, FSRSItem, FSRSReview

    from quizmg.scheduling.optimizer import training_sequences

    history = [
        (START, 1), (START + timedelta(minutes=2), 3), (START + timedelta(hours=13), 3),
        (START + timedelta(days=3, hours=2), 3), (START + timedelta(days=11), 1),
        (START + timedelta(days=11, minutes=10), 3), (START + timedelta(days=15), 3),
        (START + timedelta(days=15, hours=18), 3),  # 18 hours later, but the next study day
        (START + timedelta(days=40), 4),
    ]
    steps = training_sequences({1: history}, NO_FUZZ)[-1]
    engine = FSRS(list(NO_FUZZ.fsrs_parameters()))
    memory = engine.memory_state(FSRSItem([FSRSReview(rating, gap) for rating, gap in steps]))
    state = replay(history, NO_FUZZ, 1)
    assert state.stability == pytest.approx(memory.stability, rel=1e-3)
    assert state.difficulty == pytest.approx(memory.difficulty, rel=1e-3)
