"""Time to the first question of `quizmg study`, from process start, in a pseudo-terminal.

Run: python benchmarks/bench_first_question.py [--runs N] [--big-runs N] [--cards N] [--source DIR]

(--source DIR times the quizmg package in another checkout, e.g. an older commit, for a before/after.)

Measures, each as a median of fresh processes:
  - a bare `python -c pass`                                      (the yardstick)
  - the libraries' floor: a python that only imports click, rich's console and sqlite3 and
    builds one one-field pydantic model, as any quizmg session must before its first question
  - `quizmg study magnesium` on a first run (empty data folder: the collection is created and
    the built-in deck synced) and on a later run (collection already there)
                                                target: <= 3 x bare + 100 ms (the later run)
  - `quizmg study big` on a collection of --cards cards (default 100,000), one deck file,
    synced once before timing.
The clock stops when the first card's prompt is on the screen. Python's bytecode cache is on for
quizmg, as in any installed copy (one untimed run writes it first): with PYTHONDONTWRITEBYTECODE set,
every run would compile some twenty modules again, some 20 ms no learner ever waits for.
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pexpect

QUIZMG = shutil.which("quizmg") or str(Path(sys.executable).with_name("quizmg"))
# The first card waits for a reveal (basic, cloze) or for a typed answer (every other kind).
FIRST_PROMPT = [r"for keys\)", r">(?:\x1b\[[0-9;]*m)* "]


LIBRARIES_FLOOR = """
import click, rich.console, sqlite3
from pydantic import BaseModel
class One(BaseModel):
    x: int
One(x=1)
"""


def python_run(runs: int, code: str = "pass") -> float:
    """Median wall time of `python -c CODE`."""
    subprocess.run([sys.executable, "-c", code], check=True)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


SOURCE: Path | None = None  # set by --source


def child_env(home: Path) -> dict[str, str]:
    """The environment of a timed `quizmg`: its own data folder, a colour terminal, bytecode cached."""
    env = {**os.environ, "QUIZMG_HOME": str(home), "TERM": "xterm-256color"}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if SOURCE is not None:
        env["PYTHONPATH"] = os.pathsep.join([str(SOURCE), env.get("PYTHONPATH", "")])
    return env


def first_question(home: Path, *args: str) -> float:
    """Seconds from spawning `quizmg study ...` to its first card's prompt."""
    env = child_env(home)
    started = time.perf_counter()
    child = pexpect.spawn(QUIZMG, ["study", *args], env=env, dimensions=(40, 120), timeout=300)
    child.expect(FIRST_PROMPT)
    elapsed = time.perf_counter() - started
    child.sendcontrol("c")
    try:
        child.expect(pexpect.EOF, timeout=20)
    except pexpect.TIMEOUT:  # a lost Ctrl-C must not stall the benchmark; say so, it is a bug
        print(f"warning: quizmg study {' '.join(args)} ignored Ctrl-C; killed", file=sys.stderr)
        child.terminate(force=True)
    child.close()
    return elapsed


def write_big_deck(path: Path, cards: int) -> None:
    """A deck of `cards` basic questions (one card each)."""
    with path.open("w", encoding="utf-8") as handle:
        handle.write("id: big\ntitle: A large deck\nquestions:\n")
        for number in range(cards):
            handle.write(
                f"  - id: q{number}\n    kind: basic\n"
                f"    prompt: Which number follows {number}?\n    answer: '{number + 1}'\n"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=11)
    parser.add_argument("--big-runs", type=int, default=3)
    parser.add_argument("--cards", type=int, default=100_000)
    parser.add_argument("--source", type=Path, help="a checkout whose quizmg package to time instead")
    options = parser.parse_args()
    global SOURCE
    SOURCE = options.source.resolve() if options.source else None
    # Started in the background, this process ignores Ctrl-C, and so would every quizmg it spawns:
    # the Ctrl-C that ends each session would then be lost and the run would hang.
    signal.signal(signal.SIGINT, signal.default_int_handler)

    bare = python_run(options.runs)
    floor = python_run(options.runs, LIBRARIES_FLOOR)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        first_question(root / "untimed", "magnesium")  # writes the bytecode cache
        first_runs = [first_question(root / f"fresh{run}", "magnesium") for run in range(options.runs)]
        home = root / "warm"
        first_question(home, "magnesium")
        later_runs = [first_question(home, "magnesium") for _ in range(options.runs)]
        big_deck = root / "big.yaml"
        write_big_deck(big_deck, options.cards)
        big_home = root / "big"
        synced = first_question(big_home, str(big_deck))
        big_runs = [first_question(big_home, str(big_deck)) for _ in range(options.big_runs)]

    first, later, big = (statistics.median(r) for r in (first_runs, later_runs, big_runs))
    target = 3 * bare + 0.100
    print(f"medians: {options.runs} runs each, {options.big_runs} for the large collection")
    print(f"  python -c pass                          {bare * 1000:8.1f} ms")
    print(f"  target (3 x bare + 100 ms)              {target * 1000:8.1f} ms")
    print(f"  floor: click, rich, sqlite3, pydantic   {floor * 1000:8.1f} ms   ({floor / bare:.1f}x bare)")
    print(f"  first question, first run (new home)    {first * 1000:8.1f} ms   ({first / bare:.1f}x bare)")
    print(
        f"  first question, later run               {later * 1000:8.1f} ms   ({later / bare:.1f}x bare, "
        f"{'meets' if later <= target else 'misses'} the target)"
    )
    print(f"  {options.cards:,} cards: first sync + question  {synced * 1000:8.1f} ms")
    print(f"  {options.cards:,} cards: first question       {big * 1000:8.1f} ms   ({big / bare:.1f}x bare)")


if __name__ == "__main__":
    main()
