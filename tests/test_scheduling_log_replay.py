"""The fast log replay gives bit-identical card states to folding apply_review, review by review."""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import fsrs
import pytest

from quizmg.errors import QuizmgError
from quizmg.scheduling.days import DAY_MS, StudyDays, study_day
from quizmg.scheduling.log_replay import LogReplayer, steps_agree_with_fsrs
from quizmg.scheduling.memory import NEW_CARD, CardState
from quizmg.scheduling.scheduler import apply_review
from quizmg.scheduling.settings import Settings
from quizmg.store.database import from_ms, to_ms

REAL_LOG = Path(__file__).resolve().parents[2] / "shared" / "data" / "fsrs-review-log-sample.csv"
START_MS = to_ms(datetime(2024, 3, 20, 18, 0, tzinfo=timezone.utc))  # a week before Europe's DST
EPOCH_DAY = date(1970, 1, 1)
MINUTE_MS = 60_000

# Settings that take every branch of the step logic: no steps, one step, several odd-sized
# steps (sub-minute and half-minute timedeltas), short maximum intervals, zones with DST and
# half-hour changes, other rollover hours, fuzz on and off, parameters other than the defaults.
SETTINGS = [
    Settings(timezone="UTC"),
    Settings(timezone="UTC", fuzz=False),
    Settings(timezone="Europe/Berlin", learning_steps=[], relearning_steps=[]),
    Settings(timezone="America/New_York", rollover_hour=0, learning_steps=[5.0]),
    Settings(timezone="Australia/Lord_Howe", learning_steps=[0.7, 3.3, 90.0],
             relearning_steps=[1.0, 5.5]),
    Settings(timezone="Asia/Kathmandu", rollover_hour=23, maximum_interval=30,
             desired_retention=0.97),
    Settings(timezone="America/Sao_Paulo", desired_retention=0.75, maximum_interval=400,
             parameters=[0.5, 1.8, 4.0, 12.0, 5.5, 1.1, 2.2, 0.05, 1.5, 0.3, 1.2, 1.9, 0.1,
                         0.4, 2.0, 0.3, 2.5, 0.7, 0.2, 0.1, 0.3]),
    Settings(),  # the machine's own zone
]


def reference(reviews: list[tuple[int, int]], settings: Settings, card_number: int) -> CardState:
    """The current path: apply_review folded over the reviews in log order, as datetimes."""
    state = NEW_CARD
    for epoch_ms, rating in reviews:
        state = apply_review(state, rating, from_ms(epoch_ms), settings, card_number)  # type: ignore[arg-type]
    return state


def fast(reviews: list[tuple[int, int]], settings: Settings, card_number: int) -> CardState:
    """The fast path, fed rows shaped as the store hands them over (card, time, rating)."""
    return LogReplayer(settings).replay(
        [(card_number, epoch_ms, rating) for epoch_ms, rating in reviews], card_number
    )


def random_history(chance: random.Random) -> list[tuple[int, int]]:
    """A card's log: learning-step gaps, same-day repeats, long gaps, and clock skew between
    sessions (times that go backwards, or repeat the same millisecond)."""
    moment = START_MS + chance.randrange(0, 400 * DAY_MS)
    reviews = []
    for _ in range(chance.randrange(1, 25)):
        reviews.append((moment, chance.choices((1, 2, 3, 4), (15, 10, 60, 15))[0]))
        kind = chance.random()
        if kind < 0.3:
            moment += chance.randrange(0, 30 * MINUTE_MS)
        elif kind < 0.45:
            moment += chance.randrange(1, 20) * 3_600_000 + chance.randrange(1000)
        elif kind < 0.95:
            moment += chance.randrange(1, 200) * DAY_MS + chance.randrange(DAY_MS)
        elif kind < 0.98:
            moment -= chance.randrange(0, 2 * DAY_MS)  # another machine's clock was behind
        # else: the same millisecond again
    return reviews


@pytest.mark.parametrize("settings", SETTINGS, ids=lambda s: f"{s.timezone}-{s.fuzz}")
def test_fast_replay_equals_folding_apply_review_on_random_histories(settings: Settings) -> None:
    chance = random.Random(f"{settings.timezone}{settings.learning_steps}")
    replayer = LogReplayer(settings)  # one replayer for many cards, as the store uses it
    for card_number in range(500):
        reviews = random_history(chance)
        rows = [(card_number, epoch_ms, rating) for epoch_ms, rating in reviews]
        expected = reference(reviews, settings, card_number)
        got = replayer.replay(rows, card_number)
        # Dataclass equality compares floats with ==: bit for bit, down to the microsecond.
        assert got == expected, (card_number, reviews)


def test_each_settings_case_reaches_every_phase_and_fuzz() -> None:
    # Guards the test above: its random histories must really visit relearning and long gaps.
    chance = random.Random(3)
    phases, fuzzed = set(), False
    for card_number in range(300):
        reviews = random_history(chance)
        state = fast(reviews, SETTINGS[0], card_number)
        phases.add(state.phase)
        plain = fast(reviews, SETTINGS[1], card_number)
        fuzzed |= state.due != plain.due
    assert len(phases) == 3 and fuzzed


@pytest.mark.skipif(not REAL_LOG.exists(), reason="../shared/data is absent")
def test_fast_replay_equals_folding_apply_review_on_the_real_log() -> None:
    histories: dict[int, list[tuple[int, int]]] = defaultdict(list)
    with REAL_LOG.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            moment = datetime.fromisoformat(row["review_time"])
            histories[int(row["card_id"])].append((to_ms(moment), int(row["review_rating"])))
    assert sum(map(len, histories.values())) > 10_000
    for zone in ("UTC", "Europe/Berlin"):
        settings = Settings(timezone=zone)
        replayer = LogReplayer(settings)
        for number, (card_id, reviews) in enumerate(sorted(histories.items())):
            rows = [(card_id, epoch_ms, rating) for epoch_ms, rating in reviews]
            assert replayer.replay(rows, number) == reference(reviews, settings, number), card_id


def test_no_reviews_is_a_new_card_and_a_bad_rating_is_a_clear_error() -> None:
    replayer = LogReplayer(Settings(timezone="UTC"))
    assert replayer.replay([], 1) == NEW_CARD
    with pytest.raises(QuizmgError, match="1 \\(Again\\) to 4 \\(Easy\\), not 5"):
        replayer.replay([(1, START_MS, 3), (1, START_MS + 1000, 5)], 1)
    with pytest.raises(QuizmgError, match="not 0"):
        replayer.replay([(1, START_MS, 0)], 1)


@pytest.mark.parametrize(
    ("zone", "rollover_hour"),
    [("UTC", 4), ("Europe/Berlin", 4), ("Europe/Berlin", 2), ("America/New_York", 1),
     ("America/Sao_Paulo", 0), ("Australia/Lord_Howe", 4), ("Asia/Kathmandu", 23), (None, 4)],
)
def test_study_day_numbers_equal_study_day_through_clock_changes(
    zone: str | None, rollover_hour: int
) -> None:
    settings = Settings(timezone=zone, rollover_hour=rollover_hour)
    days = StudyDays(settings)
    # Every 7 minutes through two years that hold spring and autumn changes (Sao Paulo's
    # midnight changes of 2018 too), and a spread of random instants since 1900.
    instants = list(range(to_ms(datetime(2018, 1, 1, tzinfo=timezone.utc)),
                          to_ms(datetime(2020, 1, 1, tzinfo=timezone.utc)), 7 * MINUTE_MS))
    chance = random.Random(5)
    instants += [chance.randrange(-70 * 365 * DAY_MS, 80 * 365 * DAY_MS) for _ in range(3000)]
    for epoch_ms in instants:
        expected = (study_day(from_ms(epoch_ms), settings) - EPOCH_DAY).days  # type: ignore[arg-type]
        assert days.day_number(epoch_ms) == expected, epoch_ms


def test_study_days_roll_over_at_the_local_hour() -> None:
    berlin = StudyDays(Settings(timezone="Europe/Berlin"))
    before = to_ms(datetime(2024, 1, 10, 2, 59, tzinfo=timezone.utc))  # 03:59 in Berlin
    assert berlin.day_number(before + MINUTE_MS) - berlin.day_number(before) == 1
    assert EPOCH_DAY + timedelta(days=berlin.day_number(before)) == date(2024, 1, 9)


@pytest.mark.parametrize("settings", SETTINGS, ids=lambda s: f"{s.timezone}-{s.fuzz}")
def test_the_installed_fsrs_passes_the_self_check(settings: Settings) -> None:
    # If an fsrs upgrade changes the internals the fast path calls, this fails first: the
    # replay still gives right states (through apply_review), only slowly. Update log_replay.
    assert LogReplayer(settings).fast


class RenamedInternals(fsrs.Scheduler):
    """An fsrs release whose review_card works as before but whose helpers have new names."""

    def __init__(self, **options: object) -> None:
        super().__init__(**options)  # type: ignore[arg-type]
        self._release = fsrs.Scheduler(**options)  # type: ignore[arg-type]

    def review_card(self, card, rating, review_datetime=None, review_duration=None):  # type: ignore[no-untyped-def]
        return self._release.review_card(card, rating, review_datetime, review_duration)

    @property
    def _next_interval(self):  # type: ignore[no-untyped-def]
        raise AttributeError("_next_interval has another name in this release")


class ChangedReviewCard(fsrs.Scheduler):
    """An fsrs whose review_card computes stability a little differently from its helpers."""

    def review_card(self, card, rating, review_datetime=None, review_duration=None):  # type: ignore[no-untyped-def]
        reviewed, log = super().review_card(card, rating, review_datetime, review_duration)
        reviewed.stability *= 1.0001
        return reviewed, log


@pytest.mark.parametrize("kind", [RenamedInternals, ChangedReviewCard])
def test_self_check_refuses_an_fsrs_that_changed(kind: type[fsrs.Scheduler]) -> None:
    settings = Settings(timezone="UTC")
    assert steps_agree_with_fsrs(fsrs.Scheduler(enable_fuzzing=False), settings)
    assert not steps_agree_with_fsrs(kind(enable_fuzzing=False), settings)


def test_without_the_fast_path_the_replay_is_the_reference_fold() -> None:
    settings = SETTINGS[4]
    replayer = LogReplayer(settings)
    replayer.fast = False  # what a failed self-check leaves
    chance = random.Random(9)
    for card_number in range(100):
        reviews = random_history(chance)
        rows = [(card_number, epoch_ms, rating) for epoch_ms, rating in reviews]
        assert replayer.replay(rows, card_number) == reference(reviews, settings, card_number)


def reference_states(reviews: list[tuple[int, int]], settings: Settings, card_number: int) -> list[CardState]:
    """apply_review folded over the reviews, keeping the state after each one."""
    states, state = [], NEW_CARD
    for epoch_ms, rating in reviews:
        state = apply_review(state, rating, from_ms(epoch_ms), settings, card_number)  # type: ignore[arg-type]
        states.append(state)
    return states


@pytest.mark.parametrize("fast_path", [True, False], ids=["fast", "reference"])
@pytest.mark.parametrize("settings", SETTINGS[:6], ids=lambda s: f"{s.timezone}-{s.fuzz}")
def test_states_after_each_review_equal_the_fold(settings: Settings, fast_path: bool) -> None:
    replayer = LogReplayer(settings)
    replayer.fast = replayer.fast and fast_path
    chance = random.Random(f"states{settings.timezone}")
    for card_number in range(150):
        reviews = random_history(chance)
        rows = [(card_number, epoch_ms, rating) for epoch_ms, rating in reviews]
        states = replayer.states(rows, card_number)
        assert states == reference_states(reviews, settings, card_number), (card_number, reviews)
        assert states[-1] == replayer.replay(rows, card_number)
    assert replayer.states([], 1) == []
