"""The deck commands through click's runner and the real executable: exit codes and output."""

from __future__ import annotations

import json
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import yaml
from click.testing import CliRunner

from quizmg.cli import cli
from quizmg.formats.yaml_deck import dump_yaml_deck, load_yaml_deck


def invoke(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args), prog_name="quizmg")
    return result.exit_code, result.output


def test_version_agrees_with_package_metadata() -> None:
    code, output = invoke("--version")
    assert code == 0 and output.strip() == f"quizmg, version {version('quizmg')}"


def test_python_dash_m_runs_the_same_cli() -> None:
    result = subprocess.run([sys.executable, "-m", "quizmg", "--version"], capture_output=True, text=True, check=True)
    assert version("quizmg") in result.stdout


def test_decks_lists_the_built_in_decks_with_counts() -> None:
    code, output = invoke("decks", "--json")
    assert code == 0
    rows = {row["id"]: row for row in json.loads(output)}
    assert "magnesium" in rows
    assert rows["magnesium"]["questions"] >= 80
    assert rows["magnesium"]["cards"] >= rows["magnesium"]["questions"]


def test_show_prints_every_question(sample_deck: Path) -> None:
    code, output = invoke("show", str(sample_deck))
    assert code == 0
    assert "Sample deck" in output and "21 questions, 23 cards, 2 mechanisms" in output
    assert "What does adrenaline do to beta-1 receptors?" in output
    assert "The [...] pumps blood to the body." in output
    assert "Answer:" not in output


def test_show_answers(sample_deck: Path) -> None:
    code, output = invoke("show", str(sample_deck), "--answers")
    assert code == 0
    assert "Answer: Left atrium" in output and "The pulmonary veins end in the left atrium." in output


def test_show_json_gives_kind_id_mechanism_prompt_answer(sample_deck: Path) -> None:
    code, output = invoke("show", str(sample_deck), "--json")
    assert code == 0
    data = json.loads(output)
    questions = {q["id"]: q for q in data["questions"]}
    assert len(questions) == 21
    recall = questions["adrenaline-heart.recall"]
    assert recall["kind"] == "basic" and recall["mechanism"] == "adrenaline-heart"
    assert recall["prompt"] == "What does adrenaline do to beta-1 receptors?"
    assert questions["numeric-1"]["answer"] == "70 ± 10 bpm"
    assert questions["basic-1"]["cards"] == 2
    assert questions["cloze-1"]["fields"]["text"].startswith("The {{c1::left ventricle}}")


def test_show_keeps_deck_markup_literal(tmp_path: Path) -> None:
    deck = tmp_path / "markup.yaml"
    deck.write_text(
        "id: m\ntitle: '[bold red]Loud[/]'\nquestions:\n"
        '  - {id: q, kind: basic, prompt: "[link=x]click[/link] \\e[31mred", answer: A}\n',
        encoding="utf-8",
    )
    code, output = invoke("show", str(deck))
    assert code == 0
    assert "[bold red]Loud[/]" in output and "[link=x]click[/link]" in output
    assert "\x1b" not in output and "\\x1b[31mred" in output


def test_check_clean_deck_reports_counts(tmp_path: Path) -> None:
    deck = tmp_path / "clean.yaml"
    deck.write_text(
        "id: c\ntitle: C\nquestions:\n  - {id: q, kind: basic, prompt: P, answer: A, explanation: E}\n",
        encoding="utf-8",
    )
    code, output = invoke("check", "--strict", str(deck))
    assert code == 0
    assert f"{deck}: 1 question, 1 card, 0 warnings" in output


def test_check_warnings_exit_zero_unless_strict(tmp_path: Path) -> None:
    deck = tmp_path / "warn.yaml"
    deck.write_text(
        "id: w\ntitle: W\nquestions:\n"
        "  - {kind: basic, prompt: Same?, answer: A, explanation: E}\n"
        "  - {id: two, kind: basic, prompt: 'same ?', answer: B}\n"
        "  - id: three\n    kind: mcq\n    prompt: P\n    explanation: E\n    choices:\n"
        "      - {text: Yes, correct: true}\n      - {text: 'yes'}\n",
        encoding="utf-8",
    )
    code, output = invoke("check", str(deck))
    assert code == 0
    assert f"{deck}:4: q-" in output and "no id" in output
    assert f"{deck}:5: two prompt: asks the same as q-" in output
    assert f"{deck}:5: two explanation: no explanation" in output
    assert f"{deck}:6: three choices: the wrong choice 'yes' equals a correct one" in output
    assert invoke("check", "--strict", str(deck))[0] == 1


def test_check_several_files_reports_each_and_fails_on_any_error(tmp_path: Path, sample_deck: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: b\n", encoding="utf-8")
    code, output = invoke("check", str(sample_deck), str(broken))
    assert code == 1
    assert f"{sample_deck}: 21 questions" in output and f"{broken}:1: title: this field is required" in output


def test_schema_is_json_schema_of_the_format() -> None:
    code, output = invoke("schema")
    assert code == 0
    schema = json.loads(output)
    assert schema["title"] == "quizmg deck"
    assert {"id", "title"} <= set(schema["required"])
    kinds = json.dumps(schema["$defs"])
    for kind in ("Basic", "Cloze", "MultipleChoice", "TrueFalse", "Short", "Numeric", "Order", "Match"):
        assert kind in kinds


def test_yaml_dump_round_trips(sample_deck: Path, tmp_path: Path) -> None:
    deck, _ = load_yaml_deck(sample_deck)
    copy = tmp_path / "copy.yaml"
    copy.write_text(dump_yaml_deck(deck), encoding="utf-8")
    again, _ = load_yaml_deck(copy)
    assert again == deck
    assert yaml.safe_load(copy.read_text())["questions"][0]["kind"] == "basic"


def test_no_arguments_shows_something_useful() -> None:
    code, output = invoke()
    assert code == 0 and "magnesium" in output
