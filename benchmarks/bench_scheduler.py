"""How well quizmg's scheduling predicts a real learner: log loss and RMSE(bins), time-series split.

Run: python benchmarks/bench_scheduler.py [--splits N]

Reads ../shared/data/fsrs-review-log-sample.csv (skips with a message when it is absent), replays
every card through quizmg.scheduling, and scores the predicted recall probability of each review
made on a later study day than the card's previous review, the way srs-benchmark does:

- time-series split (as sklearn's TimeSeriesSplit, 5 splits): the scored reviews in time order are
  cut into folds; each fold is predicted by a model trained only on the reviews before it, and the
  metrics are computed over all folds' predictions pooled;
- log loss of the outcome (pass = rating 2-4) and RMSE(bins): reviews grouped by elapsed days,
  review number and lapse count (srs-benchmark's log-spaced bins), count-weighted RMSE between
  the mean outcome and the mean prediction of each group.

Predictors: FSRS-6 with the default parameters; FSRS-6 with parameters fitted by quizmg's
optimizer on the reviews before each fold (kept at the defaults when they do not fit better, as
Anki does); a constant (the pass rate of the past); SM-2 as srs-benchmark computes it
(R = 0.9 ** (t / I), I the interval SM-2 would have scheduled after the ratings so far).
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from pathlib import Path

from quizmg.scheduling.days import study_day
from quizmg.scheduling.memory import NEW_CARD
from quizmg.scheduling.optimizer import history_items, optimize
from quizmg.scheduling.scheduler import apply_review, forgetting_curve
from quizmg.scheduling.settings import Settings

REAL_LOG = Path(__file__).resolve().parents[2] / "shared" / "data" / "fsrs-review-log-sample.csv"

# The log has no review between 06:00 and 15:00 UTC: the learner's night. A 4 a.m. rollover in a
# US Pacific zone falls inside it, so no study session is cut in two (04:00 UTC would cut many).
LEARNER = Settings(timezone="America/Los_Angeles", rollover_hour=4, fuzz=False)

# srs-benchmark, 10k Anki collections, per-user mean (../shared/data/README.md).
ANCHORS = {
    "FSRS-6": (0.3456, 0.0653),
    "SM-2 (Anki default)": (0.616, 0.1724),
    "constant": (0.3945, 0.1034),
}

History = list[tuple[datetime, int]]


@dataclass(frozen=True)
class ScoredReview:
    """A review on a later study day than the card's previous one: what the models must predict."""

    when: datetime
    card: int
    position: int  # index of this review in the card's history (0-based)
    passed: int  # 1 when the rating was Hard, Good or Easy
    elapsed_days: int  # study days since the card's previous review
    lapses: int  # earlier failures on a later day (srs-benchmark's lapse count)


def read_log(path: Path) -> dict[int, History]:
    """Each card's reviews (UTC time, rating), in time order."""
    histories: dict[int, History] = defaultdict(list)
    with path.open(newline="") as handle:
        for row in csv.DictReader(handle):
            histories[int(row["card_id"])].append(
                (datetime.fromisoformat(row["review_time"]), int(row["review_rating"]))
            )
    for history in histories.values():
        history.sort(key=lambda review: review[0])
    return dict(histories)


def study_gaps(history: History) -> list[int]:
    """Study days between each review and the one before it (0 for the first)."""
    days = [study_day(when, LEARNER) for when, _ in history]
    return [0] + [(later - earlier).days for earlier, later in pairwise(days)]


def scored_reviews(histories: dict[int, History]) -> list[ScoredReview]:
    """Every later-day review, in the order the optimizer's training items use."""
    scored = []
    for card, history in histories.items():
        lapses = 0
        for position, ((when, rating), gap) in enumerate(
            zip(history, study_gaps(history), strict=True)
        ):
            if gap > 0:
                scored.append(ScoredReview(when, card, position, int(rating > 1), gap, lapses))
                lapses += rating == 1
    scored.sort(key=lambda review: (review.when, review.card))
    return scored


def fsrs_predictions(histories: dict[int, History], parameters: Sequence[float]) -> dict:
    """Recall probability of every later-day review, from replaying quizmg's scheduler."""
    settings = Settings(**{**LEARNER.model_dump(), "parameters": list(parameters)})
    predictions = {}
    for card, history in histories.items():
        state = NEW_CARD
        for position, ((when, rating), gap) in enumerate(
            zip(history, study_gaps(history), strict=True)
        ):
            if gap > 0 and state.stability is not None:
                predictions[card, position] = forgetting_curve(gap, state.stability, parameters)
            state = apply_review(state, rating, when, settings, card)
    return predictions


def sm2_interval(ratings: Sequence[int]) -> float:
    """The interval SM-2 schedules after these ratings (srs-benchmark's SM2 model)."""
    interval, ease, streak = 0.0, 2.5, 0
    for rating in ratings:
        quality = rating + 1  # Again..Easy -> SM-2 quality 2..5
        if quality > 2:
            interval = 1 if streak == 0 else 6 if streak == 1 else interval * ease
            streak += 1
        else:
            interval, streak = 1, 0
        ease = max(1.3, ease + (0.1 - (5 - quality) * (0.08 + (5 - quality) * 0.02)))
        interval = min(max(1, round(interval + 0.01)), 36500)
    return float(interval)


def log_loss(outcomes: Sequence[int], predictions: Sequence[float]) -> float:
    """Mean binary cross-entropy (predictions clipped away from 0 and 1, as sklearn does)."""
    total = 0.0
    for outcome, predicted in zip(outcomes, predictions, strict=True):
        p = min(max(predicted, 1e-15), 1 - 1e-15)
        total -= outcome * math.log(p) + (1 - outcome) * math.log(1 - p)
    return total / len(outcomes)


def _log_bin(value: float, scale: float, base: float, digits: int) -> float:
    return round(scale * base ** math.floor(math.log(value) / math.log(base)), digits)


def rmse_bins(reviews: Sequence[ScoredReview], predictions: Sequence[float]) -> float:
    """srs-benchmark's RMSE(bins): group by elapsed days, review number and lapses (log-spaced),
    then the count-weighted RMSE between each group's mean outcome and mean prediction."""
    groups: dict[tuple[float, float, float], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    for review, predicted in zip(reviews, predictions, strict=True):
        key = (
            _log_bin(max(review.elapsed_days, 1e-6), 2.48, 3.62, 2),
            _log_bin(review.position + 1, 1.99, 1.89, 0),  # i: 1-based review number
            _log_bin(review.lapses, 1.65, 1.73, 0) if review.lapses else 0.0,
        )
        group = groups[key]
        group[0] += review.passed
        group[1] += predicted
        group[2] += 1
    squared = sum(count * (passed / count - p / count) ** 2 for passed, p, count in groups.values())
    return math.sqrt(squared / sum(count for _, _, count in groups.values()))


def time_series_folds(size: int, splits: int) -> list[tuple[int, int]]:
    """(start, end) of each test fold, as sklearn's TimeSeriesSplit: equal folds at the end."""
    fold = size // (splits + 1)
    first = size - splits * fold
    return [(first + index * fold, first + (index + 1) * fold) for index in range(splits)]


def truncated(histories: dict[int, History], before: datetime) -> dict[int, History]:
    """Only the reviews made before `before`: what a learner had at that moment."""
    past = {card: [r for r in history if r[0] < before] for card, history in histories.items()}
    return {card: history for card, history in past.items() if history}


Predictor = Callable[[dict[int, History], list[ScoredReview]], list[float]]


def run(histories: dict[int, History], splits: int) -> None:
    """Score every predictor with a time-series split and print the table."""
    scored = scored_reviews(histories)
    assert len(scored) == len(history_items(histories, LEARNER))  # same items the optimizer sees
    folds = time_series_folds(len(scored), splits)
    defaults = LEARNER.fsrs_parameters()
    default_predictions = fsrs_predictions(histories, defaults)

    pooled: dict[str, list[float]] = defaultdict(list)
    tested: list[ScoredReview] = []
    fold_notes = []
    for start, end in folds:
        test = scored[start:end]
        past = truncated(histories, test[0].when)
        past_scored = scored[:start]
        tested.extend(test)

        pooled["FSRS-6 default"].extend(default_predictions[r.card, r.position] for r in test)

        result = optimize(past, LEARNER)
        fitted = fsrs_predictions(histories, result.new_parameters)
        pooled["FSRS-6 optimized"].extend(fitted[r.card, r.position] for r in test)
        fold_notes.append(
            f"  fold {start}-{end}: trained on {result.items} items, "
            f"{'adopted' if result.adopted else 'kept defaults'} "
            f"(train log loss {result.old_log_loss:.4f} -> {result.new_log_loss:.4f})"
        )

        pass_rate = sum(r.passed for r in past_scored) / len(past_scored)
        pooled["constant"].extend(pass_rate for _ in test)

        pooled["SM-2"].extend(
            0.9 ** (r.elapsed_days / sm2_interval([rt for _, rt in histories[r.card][: r.position]]))
            for r in test
        )

    outcomes = [r.passed for r in tested]
    print(f"scored {len(tested)} later-day reviews in {splits} time-series folds "
          f"(of {len(scored)}; {sum(len(h) for h in histories.values())} reviews, "
          f"{len(histories)} cards)")
    print("\n".join(fold_notes))
    print()
    anchor_of = {
        "FSRS-6 default": "FSRS-6",
        "FSRS-6 optimized": "FSRS-6",
        "constant": "constant",
        "SM-2": "SM-2 (Anki default)",
    }
    header = f"{'predictor':<18} {'log loss':>9} {'RMSE(bins)':>11}   srs-benchmark anchor"
    print(header)
    print("-" * len(header))
    figures = {}
    for name, predictions in pooled.items():
        loss, rmse = log_loss(outcomes, predictions), rmse_bins(tested, predictions)
        figures[name] = (loss, rmse)
        anchor = anchor_of[name]
        a_loss, a_rmse = ANCHORS[anchor]
        print(f"{name:<18} {loss:>9.4f} {rmse:>11.4f}   {anchor}: {a_loss:.4f} / {a_rmse:.4f}")

    from fsrs_rs_python import evaluate_with_time_series_splits

    check = evaluate_with_time_series_splits(history_items(histories, LEARNER))
    print(f"\ncross-check, fsrs-rs evaluate_with_time_series_splits: "
          f"log loss {check.log_loss:.4f}, RMSE(bins) {check.rmse_bins:.4f}")

    for label, (left, right) in [
        ("optimized beats default", (figures["FSRS-6 optimized"], figures["FSRS-6 default"])),
        ("default beats SM-2", (figures["FSRS-6 default"], figures["SM-2"])),
        ("optimized beats SM-2", (figures["FSRS-6 optimized"], figures["SM-2"])),
    ]:
        both = left[0] < right[0] and left[1] < right[1]
        print(f"{label:<24} {'yes' if both else 'NO'} (log loss and RMSE(bins) both lower)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--splits", type=int, default=5, help="time-series folds (default 5)")
    arguments = parser.parse_args()
    if not REAL_LOG.exists():
        print(f"skipped: {REAL_LOG} is not present (it lives in ../shared/data)")
        return 0
    started = time.perf_counter()
    histories = read_log(REAL_LOG)
    run(histories, arguments.splits)
    print(f"\nrun time {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
