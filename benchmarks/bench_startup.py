"""Start-up time of `quizmg --help` beside a bare Python and a minimal click program.

Run: python benchmarks/bench_startup.py [--runs N]
Prints the median wall time of each (fresh processes, same run) and the ratios.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

MINIMAL_CLICK = """
import click

@click.group()
def cli():
    "A minimal click program."

@cli.command()
def hello():
    "Say hello."

cli(["--help"], prog_name="minimal")
"""


# An installed copy runs from compiled bytecode; with PYTHONDONTWRITEBYTECODE set (as in some
# shells and CI images) every run would recompile quizmg and time that instead. The warm-up run
# writes the bytecode.
ENV = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def median_seconds(command: list[str], runs: int) -> float:
    """Median wall time of `runs` fresh runs of `command` (after one warm-up)."""
    subprocess.run(command, capture_output=True, check=True, env=ENV)
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=ENV)
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=21)
    runs = parser.parse_args().runs
    quizmg = shutil.which("quizmg") or str(Path(sys.executable).with_name("quizmg"))
    bare = median_seconds([sys.executable, "-c", "pass"], runs)
    click_min = median_seconds([sys.executable, "-c", MINIMAL_CLICK], runs)
    help_time = median_seconds([quizmg, "--help"], runs)
    print(f"median of {runs} runs each")
    print(f"  python -c pass          {bare * 1000:7.1f} ms")
    print(f"  minimal click --help    {click_min * 1000:7.1f} ms   ({click_min / bare:.2f}x bare)")
    print(
        f"  quizmg --help           {help_time * 1000:7.1f} ms   ({help_time / bare:.2f}x bare, "
        f"{help_time / click_min:.2f}x minimal click)"
    )


if __name__ == "__main__":
    main()
