"""The scheduler benchmark's measuring tools (SM-2 baseline, RMSE(bins), folds) and its verdict."""

from __future__ import annotations

import importlib.util
import math
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "bench_scheduler.py"


def load_benchmark() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_scheduler", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_scheduler"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


bench = load_benchmark()
START = datetime(2024, 5, 1, 18, 0, tzinfo=timezone.utc)  # 11:00 in Los Angeles


def review(passed: int, elapsed: int, position: int, lapses: int = 0) -> object:
    return bench.ScoredReview(START, 1, position, passed, elapsed, lapses)


def test_sm2_intervals_follow_the_classic_rules() -> None:
    assert bench.sm2_interval([3]) == 1
    assert bench.sm2_interval([3, 3]) == 6
    assert bench.sm2_interval([3, 3, 3]) == 15  # 6 x ease 2.5 (Good keeps the ease)
    assert bench.sm2_interval([3, 3, 1]) == 1  # a failure starts over
    # After a failure the ease drops by 0.32 to 2.18: 6 x 2.18 = 13.08 -> 13.
    assert bench.sm2_interval([1, 3, 3, 3]) == 13
    assert bench.sm2_interval([4, 4, 4]) == 16  # Easy raises the ease to 2.6, then 2.7: 6 x 2.7


def test_log_loss() -> None:
    assert bench.log_loss([1, 0], [0.5, 0.5]) == pytest.approx(math.log(2))
    assert bench.log_loss([1], [0.9]) == pytest.approx(-math.log(0.9))
    assert bench.log_loss([0], [1.0]) == pytest.approx(-math.log(1e-15), rel=1e-3)  # clipped


def test_rmse_bins_compares_group_means() -> None:
    same_bin = [review(1, 3, 2), review(0, 3, 2)]
    assert bench.rmse_bins(same_bin, [0.5, 0.5]) == pytest.approx(0.0)
    assert bench.rmse_bins(same_bin, [0.9, 0.9]) == pytest.approx(0.4)
    # Elapsed 1 day and 30 days fall in different bins: errors 0.2 and 0.4, one review each.
    apart = [review(1, 1, 2), review(0, 30, 2)]
    assert bench.rmse_bins(apart, [0.8, 0.4]) == pytest.approx(math.sqrt((0.04 + 0.16) / 2))
    # Lapse counts 0 and 1 are different bins too.
    lapsed = [review(1, 3, 2, lapses=0), review(0, 3, 2, lapses=1)]
    assert bench.rmse_bins(lapsed, [0.5, 0.5]) == pytest.approx(0.5)


def test_time_series_folds_match_sklearn() -> None:
    # sklearn TimeSeriesSplit(n_splits=4) on 10 samples tests [2,3], [4,5], [6,7], [8,9].
    assert bench.time_series_folds(10, 4) == [(2, 4), (4, 6), (6, 8), (8, 10)]
    assert bench.time_series_folds(6372, 5)[-1] == (5310, 6372)


def test_scored_reviews_count_study_days_and_lapses() -> None:
    history = [
        (START, 1), (START + timedelta(minutes=5), 3),  # learning, same day
        (START + timedelta(days=2), 1),  # a lapse on a later day
        (START + timedelta(days=2, minutes=10), 3),
        (START + timedelta(days=5), 3),
    ]
    scored = bench.scored_reviews({7: history})
    assert [(r.position, r.elapsed_days, r.passed, r.lapses) for r in scored] == [
        (2, 2, 0, 0),
        (4, 3, 1, 1),
    ]


def test_missing_log_skips_with_a_message(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(bench, "REAL_LOG", tmp_path / "absent.csv")
    monkeypatch.setattr(sys, "argv", ["bench_scheduler.py"])
    assert bench.main() == 0
    assert "skipped:" in capsys.readouterr().out


@pytest.mark.skipif(not bench.REAL_LOG.exists(), reason="../shared/data is not present")
def test_on_the_real_log_fsrs_beats_sm2_and_optimizing_beats_defaults(
    capsys: pytest.CaptureFixture[str],
) -> None:
    bench.run(bench.read_log(bench.REAL_LOG), splits=5)
    out = capsys.readouterr().out
    for verdict in ("optimized beats default", "default beats SM-2", "optimized beats SM-2"):
        assert f"{verdict:<24} yes" in out
