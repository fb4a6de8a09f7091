"""Loading a large deck: 100,000 basic questions in one YAML file (about 12 MB).

Run: python benchmarks/bench_load.py [--questions N] [--runs N]
Prints the median time of load_bank (read, parse, validate, expand) beside the bare YAML parse
with libyaml (yaml.load with CSafeLoader), measured in the same run.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

import yaml

from quizmg.bank import load_bank


def write_deck(path: Path, questions: int) -> None:
    """A deck of `questions` basic questions with ids and explanations."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id: big\ntitle: Big\nquestions:\n")
        for i in range(questions):
            handle.write(
                f"  - id: q{i}\n    kind: basic\n    prompt: Question number {i}?\n"
                f"    answer: Answer {i}\n    explanation: Because {i}.\n"
            )


def median_seconds(action, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.yaml"
        write_deck(path, args.questions)
        text = path.read_text(encoding="utf-8")
        bare = median_seconds(lambda: yaml.load(text, Loader=yaml.CSafeLoader), args.runs)
        ours = median_seconds(lambda: load_bank(path), args.runs)
    print(f"{args.questions:,} questions, {len(text) / 1e6:.1f} MB, median of {args.runs} runs")
    print(f"  yaml.load (libyaml, no checks)   {bare:6.2f} s")
    print(f"  quizmg load_bank                 {ours:6.2f} s   ({ours / bare:.2f}x bare parse)")


if __name__ == "__main__":
    main()
