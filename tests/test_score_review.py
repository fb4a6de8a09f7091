"""benchmarks/score_review.py: a reviewer's verdicts counted against a drafted set, run as the team runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).parents[1] / "benchmarks" / "score_review.py"

SHOW = """
=== rivers.md: top 3
 1. [cloze] A river that flows into another river is called a [...].
    answer: tributary
    Draft score 100/100: answer in the source at line 4; reads as a sentence; new.
 2. [short] What is the term for the land drained by one river?
    answer: watershed
    Draft score 90/100: answer in the source at line 7; choices of one shape; new.
 3. [cloze] The [...] carries sediment.
    answer: river
    Draft score 70/100: answer in the source at line 9; reads as a sentence; its sentence is also blanked above.

=== glaciers.md: top 2
 1. [truefalse] Glaciers move uphill.
    answer: False
    Draft score 100/100: stated at line 2; reads as a sentence; new.
 2. [mcq] Which completes the sentence? Ice sheets cover most of ___.
    choices: *Antarctica | Peru | Sahara | Iceland
    Draft score 55/100: answer in the source at line 5; choices of mixed types; new.
"""


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True,
                          timeout=60)


@pytest.fixture
def reviewed(tmp_path: Path) -> Path:
    (tmp_path / "show-abc.txt").write_text(SHOW, encoding="utf-8")
    (tmp_path / "rivers.md").write_text(
        "# rivers, reviewer x\n1 ok\n2 REJECT give-away: the definition names it\n3 REJECT generic: any word fits\n"
        "total: 1/3\n", encoding="utf-8")
    (tmp_path / "glaciers.md").write_text("2 REJECT choices: a country among places\n1 OK\n", encoding="utf-8")
    (tmp_path / "CLASSES.md").write_text("- `generic` [ha]: 1 vague blank\n", encoding="utf-8")
    return tmp_path


def test_counts_per_document_class_kind_and_score_band(reviewed: Path) -> None:
    done = run(reviewed / "show-abc.txt")
    assert done.returncode == 0, done.stderr
    out = done.stdout
    lines = [" ".join(line.split()) for line in out.splitlines()]
    assert "rivers.md 1/3 = 33% (show-abc.txt)" in lines and "glaciers.md 1/2 = 50% (show-abc.txt)" in lines
    assert "all 2/5 = 40%" in lines
    classes = lines[lines.index("rejections by class (3)") + 1:][:3]
    assert classes == ["choices: 1", "generic: 1", "give-away: 1"]  # equal counts: by name
    assert "  cloze: 1/2 = 50% acceptable" in out
    assert "  short definition: 0/1 = 0% acceptable" in out
    assert "  mcq completion: 0/1 = 0% acceptable" in out
    assert "  70-89: 0/1 = 0% acceptable" in out and "  under 60: 0/1 = 0% acceptable" in out
    assert "  its sentence is also blanked above: 0/1 = 0% acceptable" in out
    assert "  answer in the source: 1/4 = 25% acceptable" in out  # line numbers folded into one reason
    assert done.stderr == ""  # the reviewer's total agrees, every question is reviewed


def test_warns_where_a_review_does_not_add_up(reviewed: Path) -> None:
    (reviewed / "rivers.md").write_text("1 ok\n1 REJECT trivial: on second thoughts\n2 ok\ntotal: 2/2\n",
                                        encoding="utf-8")
    done = run(reviewed / "show-abc.txt", reviewed / "rivers.md")
    assert done.returncode == 0
    assert "question 1 reviewed twice" in done.stderr
    assert "not reviewed: 3" in done.stderr
    assert "says total 2/2, its lines give 1/2" in done.stderr
    assert "glaciers" not in done.stdout  # only the review named counts


def test_rows_and_a_second_set_together(reviewed: Path) -> None:
    other = reviewed / "later"
    other.mkdir()
    (other / "show-def.txt").write_text(SHOW.split("=== glaciers")[0], encoding="utf-8")
    (other / "rivers.md").write_text("1 ok\n2 ok\n3 ok\n", encoding="utf-8")
    done = run(reviewed / "show-abc.txt", "--set", other / "show-def.txt", other, "--rows")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].split("\t")[:4] == ["set", "document", "number", "kind"]
    assert len(lines) == 1 + 5 + 3
    assert "show-def.txt\trivers.md\t3\tcloze\tcloze\t70\t" in done.stdout


def test_a_missing_show_file_is_one_line_and_status_1(tmp_path: Path) -> None:
    done = run(tmp_path / "nothing.txt")
    assert done.returncode == 1
    assert "nothing.txt: no such file" in done.stderr and "Traceback" not in done.stderr


RECALL = Path(__file__).parents[1] / "benchmarks" / "review_recall.py"
RIVERS = """# Rivers

A river carries water from high ground to the sea. A stream that flows into a larger river is called a
**tributary**. The land from which one river gathers its water is its **drainage basin**. Where a river
meets the sea and drops its load of sand and mud, it builds a **delta**. Fast water in a narrow valley
cuts down into the rock, while slow water on a flat plain swings from side to side and forms
**meanders**. A meander cut off from the river becomes an **oxbow lake**.
"""


def test_review_recall_counts_good_kept_and_bad_kept_against_the_draft_now(tmp_path: Path) -> None:
    from quizmg.generate.draft import draft_deck

    (tmp_path / "rivers.md").write_text(RIVERS, encoding="utf-8")
    first, second = draft_deck(RIVERS, "rivers.md", max_questions=20).deck.questions[:2]
    reviews = tmp_path / "reviews"
    reviews.mkdir()
    (reviews / "show-old.txt").write_text(
        "=== rivers.md: top 3\n"
        f" 1. [{first.kind}] {first.prompt_text()}\n    answer: x\n"
        f" 2. [{second.kind}] {second.prompt_text()}\n    answer: y\n"
        " 3. [cloze] Rivers are [...] in spring.\n    answer: highest\n", encoding="utf-8")
    (reviews / "rivers.md").write_text("1 ok\n2 REJECT generic: any word\n3 ok\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(RECALL), tmp_path, reviews / "show-old.txt", "--lost", "--bad"],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    lines = [" ".join(line.split()) for line in done.stdout.splitlines()]
    row = next(line for line in lines if line.startswith("rivers.md drafts"))
    assert "good kept 1/2 = 50%" in row and "bad kept 1/1 = 100%" in row
    assert "precision of the kept reviewed questions: 1/2 = 50%" in lines
    # Where the kept ones stand in the deck now: the accepted first question, the rejected second.
    assert "place in the deck (1 = first): accepted 1.0 on average, rejected 2.0 on average; " \
           "rejected in the first 10: 1 of 1 kept" in lines
    assert "rivers.md 3. [cloze] Rivers are [...] in spring. -> highest (not drafted)" in lines
    # --bad lists the rejected one still kept.
    assert f"rivers.md 2. [{second.kind}] {second.prompt_text()} -> y" in lines


def test_review_recall_names_a_missing_folder_in_one_line(tmp_path: Path) -> None:
    (tmp_path / "show.txt").write_text(SHOW, encoding="utf-8")
    done = subprocess.run([sys.executable, str(RECALL), tmp_path / "absent", tmp_path / "show.txt"],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "absent: no such file or folder" in done.stderr and "Traceback" not in done.stderr
