"""The statistics replay on the real review log: quizmg's replay beside a plain apply_review fold.

Run: python benchmarks/bench_stats.py [--runs N]

`quizmg stats` replays the whole log to know, for every review, the card's state before and after
it (true retention, predicted recall, intervals). This times stats.history.replay_log on the real
log in ../shared/data (12,580 reviews), and, as the anchor in the same run, the same moments
worked out by folding scheduling.apply_review over each card's reviews, as replay_log did before
it used the store's fast replay. Medians of the runs, per review and in all.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from stats_real_log import LOG_SETTINGS, REAL_LOG, read_log, reviews_from_log

from quizmg.scheduling.days import days_between
from quizmg.scheduling.memory import NEW_CARD, CardPhase
from quizmg.scheduling.scheduler import apply_review, forgetting_curve
from quizmg.stats.history import replay_log
from quizmg.store.records import Review


def folded(reviews: list[Review]) -> int:
    """The moments by folding apply_review, card by card (the anchor); how many there were."""
    by_card: dict[str, list[Review]] = {}
    for review in reviews:
        by_card.setdefault(review.card_key, []).append(review)
    parameters = LOG_SETTINGS.fsrs_parameters()
    count = 0
    for card_reviews in by_card.values():
        state = NEW_CARD
        for review in card_reviews:
            after = apply_review(state, review.rating, review.time, LOG_SETTINGS, review.card_number)
            if state.last_review is not None and state.stability is not None:
                elapsed = max(0, days_between(state.last_review, review.time, LOG_SETTINGS))
                if state.phase is CardPhase.REVIEW and state.due is not None:
                    days_between(state.last_review, state.due, LOG_SETTINGS)
                forgetting_curve(elapsed, state.stability, parameters)
            state = after
            count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not REAL_LOG.exists():
        sys.exit(f"{REAL_LOG}: not found (it lives in ../shared/data)")
    reviews = reviews_from_log(read_log())
    ours, anchor = [], []
    for _ in range(args.runs):
        start = time.perf_counter()
        moments = len(replay_log(reviews, lambda _deck: LOG_SETTINGS).moments)
        ours.append(time.perf_counter() - start)
        start = time.perf_counter()
        assert folded(reviews) == moments
        anchor.append(time.perf_counter() - start)
    count = len(reviews)
    for name, times in (("stats replay (replay_log)", ours), ("apply_review fold (anchor)", anchor)):
        median = statistics.median(times)
        print(f"{name:<28} {median * 1000:7.1f} ms  {median / count * 1e6:5.1f} us per review")
    print(f"{count} reviews, {args.runs} runs; the replay takes "
          f"{statistics.median(ours) / statistics.median(anchor):.2f} of the fold's time")


if __name__ == "__main__":
    main()
