"""benchmarks/fit_acceptance.py: fitting the acceptance model on a tiny labelled set built here, as the team runs it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).parents[1] / "benchmarks" / "fit_acceptance.py"

RIVERS = """# Rivers

A **tributary** is a river that flows into a larger river. The land that a river drains is its
**watershed**. Where a river meets the sea it may build a **delta** of sand and silt. Fast water
cuts down into the rock, while slow water on a flat plain swings from side to side and forms
**meanders**. A meander cut off from the river becomes an **oxbow lake**. A **floodplain** is the flat
land beside a river that its floods cover. Rivers carry **sediment**, the sand and mud they wear from
their banks. A **levee** is a bank of sediment a flood leaves beside the river.
"""


def show_of(folder: Path, name: str) -> tuple[str, int]:
    from quizmg.generate.draft import draft_deck

    questions = draft_deck(RIVERS, folder / name, max_questions=20).deck.questions
    lines = [f"=== {name}: top {len(questions)}"]
    for number, question in enumerate(questions, start=1):
        lines.append(f" {number}. [{question.kind}] {question.prompt_text()}")
        lines.append(f"    answer: {question.answer_text()}")
    return "\n".join(lines) + "\n", len(questions)


def test_fits_and_proves_leave_one_set_out_on_two_small_sets(tmp_path: Path) -> None:
    (tmp_path / "rivers.md").write_text(RIVERS, encoding="utf-8")
    show, count = show_of(tmp_path, "rivers.md")
    assert count >= 4
    (tmp_path / "show-a.txt").write_text(show, encoding="utf-8")
    (tmp_path / "show-b.txt").write_text(show, encoding="utf-8")
    reviews = tmp_path / "reviews-a"
    reviews.mkdir()
    # Every third one rejected by a per-question review; the lead's one-line form names only the rejected.
    (reviews / "rivers.md").write_text(
        "".join(f"{n} ok\n" if n % 3 else f"{n} REJECT generic: any word fits\n" for n in range(1, count + 1))
        + "\n# after, at another commit\n1 REJECT generic: a second review of other drafts is not read\n",
        encoding="utf-8")
    (tmp_path / "REVIEW-lead.md").write_text(
        f"# Lead's review\nrivers {count - 2}/{count} (rejected: 1 \"...\" generic; 2 trivia)\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(SCRIPT), "--set", "a", tmp_path / "show-a.txt", reviews, tmp_path,
         "--set", "b", tmp_path / "show-b.txt", tmp_path / "REVIEW-lead.md", tmp_path, "--weights"],
        capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert f"reviewed questions: {2 * count}; joined to a question drafted now: {2 * count} (100%)" in out
    accepted = sum(1 for n in range(1, count + 1) if n % 3) + count - 2
    assert f"of them accepted {accepted}" in out
    assert "leave-one-set-out" in out
    rows = [line.split() for line in out.splitlines() if line[:2] in {"a ", "b "}]
    assert [row[0] for row in rows] == ["a", "b"] and all(int(row[1]) == count for row in rows)
    assert "INTERCEPT = " in out and '"answer_marked": ' in out


def test_a_missing_review_file_is_one_line_and_status_1(tmp_path: Path) -> None:
    (tmp_path / "show.txt").write_text("=== x.md: top 1\n", encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCRIPT), "--set", "a", tmp_path / "show.txt", tmp_path / "absent.md",
                           tmp_path], capture_output=True, text=True, timeout=60)
    assert done.returncode == 1
    assert "absent.md: no such file or folder" in done.stderr and "Traceback" not in done.stderr
