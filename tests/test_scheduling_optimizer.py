"""The optimizer: training items from histories, too little history, fitting a synthetic learner,
and the real review log from ../shared when it is there."""

from __future__ import annotations

import csv
import random
from collections import defaultdict
from datetime import datetime, timedelta, timezone
from pathlib import Path

import fsrs
import pytest

from quizmg.errors import QuizmgError
from quizmg.scheduling.memory import NEW_CARD
from quizmg.scheduling.optimizer import (
    MINIMUM_ITEMS,
    history_items,
    optimize,
    training_sequences,
)
from quizmg.scheduling.scheduler import apply_review
from quizmg.scheduling.settings import Settings

REAL_LOG = Path(__file__).resolve().parents[2] / "shared" / "data" / "fsrs-review-log-sample.csv"
UTC_DAYS = Settings(timezone="UTC", rollover_hour=4)
START = datetime(2024, 1, 1, 9, 0, tzinfo=timezone.utc)
DEFAULTS = list(fsrs.scheduler.DEFAULT_PARAMETERS)


def day(number: int, hour: int = 9) -> datetime:
    return START + timedelta(days=number, hours=hour - 9)


def test_items_are_one_per_later_day_review_with_study_day_gaps() -> None:
    histories = {
        1: [(day(0), 1), (day(0, 10), 3), (day(1), 3), (day(4), 3), (day(4, 12), 1)],
        # 03:00 UTC is before the 04:00 rollover: still the previous study day.
        2: [(day(0, 20), 3), (day(1, 3), 3), (day(1, 5), 3)],
    }
    assert training_sequences(histories, UTC_DAYS) == [
        [(3, 0), (3, 0), (3, 1)],  # card 2: 05:00 on day 1 is its first later-day review
        [(1, 0), (3, 0), (3, 1)],  # card 1: 09:00 on day 1 (items go in time order)
        [(1, 0), (3, 0), (3, 1), (3, 3)],  # card 1, day 4 (its same-day Again adds no item)
    ]
    items = history_items(histories, UTC_DAYS)
    assert [item.long_term_review_cnt() for item in items] == [1, 1, 2]


def test_bad_rating_in_history_is_a_clear_error() -> None:
    with pytest.raises(QuizmgError, match="card 5: a rating is 1 to 4, not 7"):
        history_items({5: [(day(0), 3), (day(2), 7)]}, UTC_DAYS)


def test_too_little_history_says_how_much_more_is_needed() -> None:
    histories = {card: [(day(0), 3), (day(3), 3)] for card in range(1, 4)}  # three items
    result = optimize(histories, UTC_DAYS)
    assert (result.enough, result.reviews_needed, result.items) == (False, MINIMUM_ITEMS - 3, 3)
    assert result.new_parameters == result.old_parameters == DEFAULTS
    assert not result.adopted and result.old_log_loss is not None and result.old_rmse is not None
    empty = optimize({}, UTC_DAYS)
    assert (empty.enough, empty.reviews_needed, empty.old_log_loss) == (False, MINIMUM_ITEMS, None)


def simulated_learner(cards: int, seed: int) -> dict[int, list[tuple[datetime, int]]]:
    """Histories of a learner whose memory follows FSRS with weights far from the defaults.

    The app schedules with the defaults; whether each answer is right is drawn from the true
    memory model, so the log holds what a real learner with a weaker memory would produce.
    """
    truth_weights = list(DEFAULTS)
    truth_weights[0:4] = [0.1, 0.3, 0.6, 2.0]  # first memories fade much faster
    truth_weights[8] = 1.2  # and grow more slowly with each success
    truth = fsrs.Scheduler(parameters=truth_weights, learning_steps=(), enable_fuzzing=False)
    app = Settings(timezone="UTC", fuzz=False)
    draw = random.Random(seed)
    histories: dict[int, list[tuple[datetime, int]]] = {}
    for number in range(1, cards + 1):
        state, memory = NEW_CARD, fsrs.Card(card_id=number, due=START)
        when = START + timedelta(days=draw.randrange(60), hours=draw.randrange(12))
        history = []
        for _ in range(draw.randrange(4, 12)):
            recall = truth.get_card_retrievability(memory, when) if memory.last_review else 0.6
            rating = (3 if draw.random() < 0.85 else 4) if draw.random() < recall else 1
            history.append((when, rating))
            memory, _ = truth.review_card(memory, fsrs.Rating(rating), when)
            state = apply_review(state, rating, when, app, number)
            assert state.due is not None
            when = state.due + timedelta(hours=draw.randrange(0, 30))
        histories[number] = history
    return histories


def test_optimizer_learns_a_synthetic_learner_and_fits_better() -> None:
    histories = simulated_learner(cards=400, seed=7)
    assert histories == simulated_learner(cards=400, seed=7)  # the data is deterministic
    result = optimize(histories, Settings(timezone="UTC"))
    assert result.enough and result.reviews_needed == 0 and result.items > 1000
    assert result.adopted
    assert result.new_log_loss is not None and result.old_log_loss is not None
    assert result.new_log_loss < result.old_log_loss - 0.01
    assert result.new_rmse is not None and result.old_rmse is not None
    assert result.new_rmse < result.old_rmse
    # It recovered the direction of the truth: first memories are weaker than the defaults say.
    assert result.new_parameters[2] < DEFAULTS[2]
    assert result.new_parameters == result.candidate_parameters
    # The fitted weights are valid settings for the scheduler.
    assert Settings(parameters=result.new_parameters).fsrs_parameters()[2] == result.new_parameters[2]


def test_optimizer_keeps_parameters_that_already_fit_better() -> None:
    histories = simulated_learner(cards=400, seed=7)
    first = optimize(histories, Settings(timezone="UTC"))
    assert first.candidate_log_loss is not None
    # Start from weights fitted to this very history: the refit is no better (fsrs-rs fits from
    # its own starting point, so it lands on the same weights), and the old ones are kept.
    again = optimize(histories, Settings(timezone="UTC", parameters=first.new_parameters))
    assert again.old_parameters == first.new_parameters
    assert again.candidate_log_loss is not None and again.old_log_loss is not None
    assert again.candidate_log_loss >= again.old_log_loss
    assert not again.adopted
    assert again.new_parameters == again.old_parameters
    assert (again.new_log_loss, again.new_rmse) == (again.old_log_loss, again.old_rmse)


def read_real_log() -> dict[int, list[tuple[datetime, int]]]:
    histories: dict[int, list[tuple[datetime, int]]] = defaultdict(list)
    with REAL_LOG.open(newline="") as handle:
        for row in csv.DictReader(handle):
            when = datetime.fromisoformat(row["review_time"])
            histories[int(row["card_id"])].append((when, int(row["review_rating"])))
    return histories


@pytest.mark.skipif(not REAL_LOG.exists(), reason="../shared/data is not present")
def test_optimizer_on_the_real_review_log() -> None:
    histories = read_real_log()
    assert sum(len(history) for history in histories.values()) == 12580
    result = optimize(histories, Settings(timezone="UTC"))
    assert result.enough and result.items > 5000
    assert result.adopted
    assert result.new_log_loss is not None and result.old_log_loss is not None
    assert result.new_rmse is not None and result.old_rmse is not None
    assert result.new_log_loss < result.old_log_loss and result.new_rmse < result.old_rmse
    # A pass/fail learner on a real deck: log loss well under the constant-guess level (~0.69).
    assert 0.3 < result.new_log_loss < 0.5
