"""Linting a big deck: the teacher rules (near-duplicate search included) on 3,000 questions.

Run: python benchmarks/bench_lint.py [--questions N] [--runs N]
Prints the median time of lint_bank with the teacher rules beside the anchor measured in the same
run: building the bank the rules read (bank_from_deck) for the same questions.
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable

from quizmg.bank import bank_from_deck
from quizmg.lint import lint_bank
from quizmg.lint.teacher_rules import TEACHER_RULES
from quizmg.model import Basic, Deck

VOCABULARY = [
    "cell",
    "leaf",
    "root",
    "water",
    "light",
    "energy",
    "sugar",
    "gas",
    "carbon",
    "oxygen",
    "plant",
    "blood",
    "heart",
    "lung",
]


def median_seconds(action: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--questions", type=int, default=3000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rng = random.Random(4)
    questions = [
        Basic(id=f"q{i}", prompt=" ".join(rng.choices(VOCABULARY, k=8)) + f" {i}?", answer="x", explanation="y")
        for i in range(args.questions)
    ]
    deck = Deck(id="big", title="Big", questions=questions)
    bank = bank_from_deck(deck)
    anchor = median_seconds(lambda: bank_from_deck(deck), args.runs)
    lint = median_seconds(lambda: lint_bank(bank, TEACHER_RULES), args.runs)
    print(f"bank of {args.questions} questions (anchor): {anchor:.3f} s")
    print(f"teacher lint of the same bank:       {lint:.3f} s ({lint / anchor:.1f}x the anchor; target < 10 s)")


if __name__ == "__main__":
    main()
