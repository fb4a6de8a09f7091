"""A quiz whose collection can no longer be written when it ends: the learner still gets the score
and the JSON, then one message naming the collection, exit status 1 (issue 13, item 5).

The real executable in a pty; the disk "fills" between the first question and the hand-in, by
lowering the running process's file-size limit (so SQLite cannot create the files it needs to write).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")
resource = pytest.importorskip("resource")

pytestmark = pytest.mark.skipif(not hasattr(resource, "prlimit"), reason="needs Linux's prlimit")


def test_a_finished_quiz_shows_its_score_and_json_when_the_collection_cannot_be_written(
    tmp_path: Path, sample_deck: Path
) -> None:
    executable = shutil.which("quizmg")
    assert executable is not None
    home = tmp_path / "home"
    env = {**os.environ, "QUIZMG_HOME": str(home), "COLUMNS": "120"}
    # Register the deck and take today's backup first, so the quiz itself only reads until it ends.
    for args in (["add", str(sample_deck)], ["backup"]):
        subprocess.run([executable, *args], env=env, check=True, capture_output=True)
    for leftover in home.glob("collection.sqlite3-*"):
        leftover.unlink()  # closed cleanly: nothing is in them
    before = _quiz_rows(home / "collection.sqlite3")

    child = pexpect.spawn(
        executable,
        ["quiz", "sample", "-n", "1", "--kinds", "numeric", "--seed", "3", "--json", "-"],
        env=env, encoding="utf-8", timeout=30, dimensions=(40, 120),
    )
    try:
        child.expect(r"\?.*\r\n.*>")
        # The disk is now full for this process: no file may grow past 512 bytes.
        resource.prlimit(child.pid, resource.RLIMIT_FSIZE, (512, 512))
        child.sendline("70")
        child.expect("hand in")
        child.sendline("")
        child.expect(pexpect.EOF)
    finally:
        child.close()
    output = child.before
    assert child.exitstatus == 1
    assert "Traceback" not in output and "This is a bug" not in output
    assert "Score" in output
    # The JSON result reached the screen whole, before the error.
    start, end = output.index("{"), output.rindex("}") + 1
    result = json.loads(output[start:end].replace("\r\n", "\n"))
    assert result["deck"] == "sample" and len(result["questions"]) == 1
    assert "collection.sqlite3" in output[end:]
    # Nothing was half-written: the collection is as it was, and still opens.
    assert _quiz_rows(home / "collection.sqlite3") == before
    due = subprocess.run([executable, "due"], env=env, capture_output=True, text=True)
    assert due.returncode == 0, due.stderr


def _quiz_rows(path: Path) -> int:
    import sqlite3

    with sqlite3.connect(path) as connection:
        return int(connection.execute("select count(*) from quiz_results").fetchone()[0])


if sys.platform != "linux":  # pragma: no cover
    pytest.skip("file-size limits on another process are Linux's", allow_module_level=True)
