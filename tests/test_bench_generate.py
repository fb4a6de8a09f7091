"""benchmarks/bench_generate.py: the document it times, from a folder of real text, and the anchor it prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[1] / "benchmarks" / "bench_generate.py"

_SECTION = (
    "# Tides\n\n**Tides** are the daily rise and fall of the sea. The pull of the Moon raises the water on the "
    "near side of the Earth. A **spring tide** is a tide of large range, near a new or full Moon. A **neap tide** "
    "is a tide of small range, near a quarter Moon. Coastal towns print tide tables for fishing boats.\n"
)


def test_a_folder_of_sections_is_timed_with_its_anchor(tmp_path: Path) -> None:
    for number in range(6):
        (tmp_path / f"s{number}.md").write_text(_SECTION.replace("Tides", f"Tides {number}"), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, str(SCRIPT), "--megabytes", "0.002", "--runs", "1", "--folder", str(tmp_path)],
        capture_output=True, text=True, timeout=300, check=True,
    )
    assert "document: 0.00 MB" in run.stdout and "drafted questions" in run.stdout, run.stdout
    assert "anchor: the tokenizer reads the document's words in" in run.stdout, run.stdout


def test_an_empty_folder_is_refused(tmp_path: Path) -> None:
    run = subprocess.run([sys.executable, str(SCRIPT), "--folder", str(tmp_path)], capture_output=True, text=True,
                         timeout=120)
    assert run.returncode == 1 and "no .md or .txt documents" in run.stderr
