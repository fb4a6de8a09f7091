"""`quizmg generate --review` in a real terminal: keep, edit in $EDITOR, skip, stop, and a second run."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pexpect
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.cli import cli

DOCUMENTS = Path(__file__).parent / "data" / "documents"
EDITOR = '''#!{python}
import sys
path = sys.argv[1]
lines = open(path, encoding="utf-8").read().split("\\n")
for number, line in enumerate(lines):
    for key in ("prompt: ", "text: ", "statement: "):
        if line.startswith(key):
            lines[number] = key + "Reworded by the teacher, " + line[len(key):].strip("'\\"")
            break
    else:
        continue
    break
open(path, "w", encoding="utf-8").write("\\n".join(lines))
'''


def _editor(tmp_path: Path) -> Path:
    script = tmp_path / "editor.py"
    script.write_text(EDITOR.format(python=sys.executable), encoding="utf-8")
    script.chmod(0o755)
    return script


def _spawn(tmp_path: Path, output: Path) -> pexpect.spawn:
    executable = str(Path(sys.executable).with_name("quizmg"))
    environment = {**os.environ, "EDITOR": str(_editor(tmp_path)), "QUIZMG_HOME": str(tmp_path / "home")}
    environment.pop("VISUAL", None)
    return pexpect.spawn(
        executable, ["generate", str(DOCUMENTS / "painkillers.md"), "-o", str(output), "--review"],
        encoding="utf-8", timeout=60, dimensions=(40, 120), env=environment,
    )


def test_review_keeps_edits_skips_and_stops_then_shows_only_new_drafts(tmp_path: Path) -> None:
    output = tmp_path / "deck.yaml"
    child = _spawn(tmp_path, output)
    child.expect(r"(\d+) drafts to review \(0 decided before\)")
    total = int(child.match.group(1))
    shown = []
    for key in "kes":
        child.expect(r"Draft \d+/\d+ · \w+\S*\r\n(.*?)\r\n")
        shown.append(child.match.group(1))
        child.expect(r"source \(line \d+\): ")  # every draft shows the sentence it came from
        child.expect(r"\[k/e/s/q\] ")
        child.send(key)
    child.expect(r"Draft 4/\d+")
    child.expect(r"\[k/e/s/q\] ")
    child.send("q")
    child.expect(r"Kept 2 questions in .*deck\.yaml\. (\d+) drafts left")
    assert int(child.match.group(1)) == total - 3
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    questions = load_bank(output).questions
    assert len(questions) == 2
    assert questions[0].prompt_text() == shown[0]
    assert "Reworded by the teacher, " in questions[1].prompt_text()
    decisions = json.loads((tmp_path / "deck.yaml.review.json").read_text(encoding="utf-8"))["decisions"]
    assert sorted(decisions.values()) == ["edited", "kept", "skipped"]

    # A second run shows only the drafts not decided yet and adds what it keeps to the same deck.
    child = _spawn(tmp_path, output)
    child.expect(rf"{total - 3} drafts to review \(3 decided before\)")
    child.expect(r"Draft 1/\d+ · \w+\S*\r\n(.*?)\r\n")
    assert child.match.group(1) not in shown
    child.expect(r"\[k/e/s/q\] ")
    child.send("k")
    child.expect(r"\[k/e/s/q\] ")
    child.send("q")
    child.expect("Kept 3 questions")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert len(load_bank(output).questions) == 3


def test_review_does_not_replace_a_deck_it_did_not_write(tmp_path: Path) -> None:
    output = tmp_path / "deck.yaml"
    output.write_text("id: mine\ntitle: Mine\nquestions: []\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["generate", str(DOCUMENTS / "painkillers.md"), "-o", str(output), "--review"],
                                input="q\n")
    assert result.exit_code == 1
    assert "--force" in result.output
    assert output.read_text(encoding="utf-8").startswith("id: mine")
