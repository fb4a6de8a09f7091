"""Fit FSRS-6 parameters to a learner's own review history (fsrs-rs, as Anki does)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from quizmg.errors import QuizmgError
from quizmg.scheduling.days import study_day
from quizmg.scheduling.settings import Settings

# fsrs-rs returns its defaults unchanged below this many training items.
MINIMUM_ITEMS = 8

History = Sequence[tuple[datetime, int]]


@dataclass
class OptimizeResult:
    """What `optimize` found: whether there was enough history, and how well each set fits."""

    enough: bool
    reviews_needed: int  # more later-day reviews needed before fitting is possible (0 = enough)
    old_parameters: list[float]
    new_parameters: list[float]  # the parameters to use from now on (the old ones if not adopted)
    old_log_loss: float | None  # None when there is nothing to evaluate on
    new_log_loss: float | None
    old_rmse: float | None  # RMSE(bins), as fsrs-rs and srs-benchmark compute it
    new_rmse: float | None
    adopted: bool  # True when the fitted parameters fit the history better than the old ones
    items: int = 0  # training items: reviews on a later study day than the card's previous one
    # The fitted parameters and their fit, adopted or not, for "fitted 0.31 vs current 0.30".
    candidate_parameters: list[float] | None = None
    candidate_log_loss: float | None = None
    candidate_rmse: float | None = None


def training_sequences(
    histories: Mapping[int, History], settings: Settings
) -> list[list[tuple[int, int]]]:
    """One (rating, days since the previous review) sequence per review on a later study day.

    Each sequence holds the card's reviews up to that one, with the days between them counted in
    the learner's study days (rollover hour, time zone), as fsrs-rs expects. Sequences are ordered
    by the time of their last review, so a time-series split trains on the past only.
    """
    dated = []
    for card_number, history in histories.items():
        steps: list[tuple[int, int]] = []
        previous_day = None
        for when, rating in sorted(history, key=lambda review: review[0]):
            if int(rating) not in (1, 2, 3, 4):
                raise QuizmgError(f"card {card_number}: a rating is 1 to 4, not {rating!r}")
            day = study_day(when, settings)
            gap = 0 if previous_day is None else (day - previous_day).days
            steps.append((int(rating), gap))
            # A same-day review refines short-term memory but is not a test of long-term recall.
            if gap > 0:
                dated.append((when, card_number, list(steps)))
            previous_day = day
    dated.sort(key=lambda entry: (entry[0], entry[1]))
    return [steps for _, _, steps in dated]


def history_items(histories: Mapping[int, History], settings: Settings) -> list:
    """The training sequences as fsrs-rs items."""
    from fsrs_rs_python import FSRSItem, FSRSReview

    return [
        FSRSItem([FSRSReview(rating, gap) for rating, gap in steps])
        for steps in training_sequences(histories, settings)
    ]


def evaluate(items: Sequence, parameters: Sequence[float]) -> tuple[float, float] | None:
    """Log loss and RMSE(bins) of `parameters` predicting the items' last reviews."""
    if not items:
        return None
    from fsrs_rs_python import FSRS

    result = FSRS(list(parameters)).evaluate(list(items))
    return float(result.log_loss), float(result.rmse_bins)


def _within_fsrs_bounds(parameters: Sequence[float]) -> list[float]:
    # fsrs-rs and the fsrs package clamp nearly alike; clipping guards against a float32
    # rounding putting a weight a hair outside the bounds the Settings validator enforces.
    from fsrs.scheduler import LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS

    return [
        min(max(float(weight), low), high)
        for weight, low, high in zip(
            parameters, LOWER_BOUNDS_PARAMETERS, UPPER_BOUNDS_PARAMETERS, strict=True
        )
    ]


def optimize(histories: Mapping[int, History], settings: Settings) -> OptimizeResult:
    """Fit parameters to the histories; keep the old ones unless the new ones have lower log loss.

    `histories` maps a card number to its scheduling reviews (time, rating); cram and quiz
    answers belong out of it, as they are not spaced reviews.
    """
    from fsrs_rs_python import FSRS

    old = list(settings.fsrs_parameters())
    items = history_items(histories, settings)
    old_fit = evaluate(items, old)
    if len(items) < MINIMUM_ITEMS:
        return OptimizeResult(
            enough=False,
            reviews_needed=MINIMUM_ITEMS - len(items),
            old_parameters=old,
            new_parameters=old,
            old_log_loss=old_fit[0] if old_fit else None,
            new_log_loss=old_fit[0] if old_fit else None,
            old_rmse=old_fit[1] if old_fit else None,
            new_rmse=old_fit[1] if old_fit else None,
            adopted=False,
            items=len(items),
        )
    fitted = FSRS(old).compute_parameters(
        items, num_relearning_steps=len(settings.relearning_steps)
    )
    candidate = _within_fsrs_bounds(fitted)
    new_fit = evaluate(items, candidate)
    assert old_fit is not None and new_fit is not None  # there are items
    adopted = new_fit[0] < old_fit[0]
    kept = new_fit if adopted else old_fit
    return OptimizeResult(
        enough=True,
        reviews_needed=0,
        old_parameters=old,
        new_parameters=candidate if adopted else old,
        old_log_loss=old_fit[0],
        new_log_loss=kept[0],
        old_rmse=old_fit[1],
        new_rmse=kept[1],
        adopted=adopted,
        items=len(items),
        candidate_parameters=candidate,
        candidate_log_loss=new_fit[0],
        candidate_rmse=new_fit[1],
    )
