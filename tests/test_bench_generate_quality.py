"""benchmarks/bench_generate_quality.py's automatic checks, on text built here."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).parents[1] / "benchmarks" / "bench_generate_quality.py"


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_generate_quality", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_an_answer_is_looked_for_in_the_text_as_a_reader_sees_it() -> None:
    bench = _bench()
    text = "Reiter\\'s syndrome follows an infection, and \\*starred\\* words stay words."
    assert not bench.absent("Reiter's syndrome", text)  # the backslash escape is markup, not text
    assert not bench.absent("starred words", text)
    assert bench.absent("Kawasaki disease", text)


def test_a_backslash_escape_left_in_a_question_is_a_markup_leak() -> None:
    bench = _bench()
    assert bench.LEAK.search("What is the term for Merkel\\'s disc?")
    assert bench.LEAK.search("a tree\\: with fan-shaped leaves")
    assert not bench.LEAK.search("What is the term for Merkel's disc, 5' end of RNA?")


def test_a_file_with_nothing_to_draft_is_named_and_skipped(tmp_path: Path) -> None:
    (tmp_path / "rivers.md").write_text(
        "# Rivers\n\nA **meander** is a loop that a slow river cuts into soft ground.\n"
        "An **oxbow lake** forms when a meander is cut off from the river.\n",
        encoding="utf-8",
    )
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "review.md").write_text("# Review of the deck\n", encoding="utf-8")  # a heading, no sentence
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path), "--no-speed"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "review.md" in done.stderr and "skipped" in done.stderr
    assert "rivers.md |" in done.stdout


def test_yield_counts_the_words_read_and_the_thin_documents(tmp_path: Path) -> None:
    (tmp_path / "rivers.md").write_text(
        "# Rivers\n\nA **meander** is a loop that a slow river cuts into soft ground.\n"
        "An **oxbow lake** forms when a meander is cut off from the river.\n",
        encoding="utf-8",
    )
    done = subprocess.run(
        [sys.executable, str(SCRIPT), str(tmp_path), "--no-speed"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    header = next(line for line in done.stdout.splitlines() if line.startswith("document |"))
    row = next(line for line in done.stdout.splitlines() if line.startswith("rivers.md |"))
    cells = dict(zip(header.split(" | "), row.split(" | "), strict=True))
    assert cells["words"] == "26"  # the heading and the two sentences as read, markup gone
    questions = int(cells["questions"])
    assert 1 <= questions <= 5
    assert f"yield: {1000 * questions / 26:.1f} questions per 1,000 words; 1 of 1 documents give 5 questions" \
        in done.stdout


def test_a_repeat_written_after_the_new_questions_is_in_ranked_order() -> None:
    bench = _bench()
    assert bench.out_of_order([(90, False), (80, False), (95, True), (85, True)]) == 0
    assert bench.out_of_order([(80, False), (90, False)]) == 1  # a higher score after a lower one
    assert bench.out_of_order([(95, True), (80, False)]) == 1  # a repeat before a new question
    assert bench.out_of_order([(85, True), (95, True)]) == 1
