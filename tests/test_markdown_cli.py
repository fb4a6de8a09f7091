"""`quizmg new` and `quizmg export yaml|markdown|gift`: the teacher's file conversions."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.cli import cli
from quizmg.formats.gift import read_gift
from quizmg.formats.markdown_deck import parse_markdown_deck
from quizmg.formats.yaml_deck import load_yaml_deck, parse_yaml_deck
from quizmg.model import KINDS


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize(("name", "flag"), [("unit1.yaml", ()), ("unit1.md", ()), ("unit1", ("--markdown",))])
def test_new_scaffolds_one_of_every_kind_and_checks_clean(tmp_path: Path, name: str, flag: tuple[str, ...]) -> None:
    target = tmp_path / name
    code, stdout, _ = invoke("new", str(target), *flag)
    written = target if target.suffix else target.with_suffix(".md")
    assert code == 0 and f"Wrote {written}: 8 example questions" in stdout
    bank = load_bank(written)
    assert bank.deck.id == "unit1" and bank.deck.title == "Unit1"
    # Every kind but Image Occlusion, which needs an image (it comes from Anki decks).
    assert sorted(q.kind for q in bank.deck.questions) == sorted(k for k in KINDS if k != "occlusion")  # type: ignore[attr-defined]
    text = written.read_text()
    assert text.count("<!--" if written.suffix == ".md" else "# ") >= 8  # commented examples
    code, stdout, stderr = invoke("check", "--strict", str(written))
    assert code == 0, stdout + stderr


def test_new_refuses_to_overwrite_and_odd_suffixes(tmp_path: Path) -> None:
    target = tmp_path / "a.yaml"
    assert invoke("new", str(target))[0] == 0
    code, _, stderr = invoke("new", str(target))
    assert code == 1 and "exists already" in stderr
    assert invoke("new", str(target), "--force")[0] == 0
    code, _, stderr = invoke("new", str(tmp_path / "a.txt"))
    assert code == 2 and ".yaml or .md" in stderr


def test_new_title_with_quotes_survives(tmp_path: Path) -> None:
    target = tmp_path / "q.md"
    assert invoke("new", str(target), "--title", 'Year 8: "Plants" \\ more')[0] == 0
    assert load_bank(target).deck.title == 'Year 8: "Plants" \\ more'


def test_export_markdown_then_yaml_gives_back_the_deck(tmp_path: Path, sample_deck: Path) -> None:
    md = tmp_path / "sample.md"
    code, stdout, stderr = invoke("export", "markdown", str(sample_deck), "-o", str(md))
    assert code == 0 and f"Wrote 8 questions as Markdown to {md}." in stdout and stderr == ""
    back = tmp_path / "back.yaml"
    code, stdout, _ = invoke("export", "yaml", str(md), "-o", str(back))
    assert code == 0
    assert load_yaml_deck(back)[0] == load_yaml_deck(sample_deck)[0]


def test_export_to_stdout(sample_deck: Path) -> None:
    code, stdout, _ = invoke("export", "markdown", str(sample_deck))
    assert code == 0 and parse_markdown_deck(stdout, "-")[0].id == "sample"
    code, stdout, _ = invoke("export", "yaml", "magnesium")
    assert code == 0 and parse_yaml_deck(stdout, "-")[0].id == "magnesium"


def test_export_markdown_warns_about_losses(tmp_path: Path) -> None:
    deck = tmp_path / "d.yaml"
    deck.write_text(
        "id: d\ntitle: D\nquestions:\n  - id: m\n    kind: mcq\n    prompt: P\n"
        '    choices:\n      - {text: "one\\ntwo", correct: true}\n      - {text: x}\n'
    )
    code, _, stderr = invoke("export", "markdown", str(deck), "-o", str(tmp_path / "d.md"))
    assert code == 0 and "warning: m: a choice spans several lines" in stderr


def test_export_gift_includes_generated_questions_and_warns(tmp_path: Path, sample_deck: Path) -> None:
    out = tmp_path / "sample.gift"
    code, stdout, stderr = invoke("export", "gift", str(sample_deck), "-o", str(out))
    assert code == 0 and f"questions as GIFT to {out}." in stdout
    assert "warning: a basic card was written as a GIFT short-answer question (5 times: " in stderr
    assert "(5 times: adrenaline-heart.recall, adrenaline-heart.what, acetylcholine-heart.recall and 2 more)" in stderr
    deck = read_gift(out.read_text(), out).deck
    ids = {q.id for q in deck.questions}
    assert "adrenaline-heart.target" in ids and "mcq-1" in ids  # generated and hand-written


def test_export_of_a_missing_deck_is_one_clear_error(tmp_path: Path) -> None:
    code, _, stderr = invoke("export", "gift", str(tmp_path / "nope.yaml"))
    assert code == 1 and "no such file" in stderr and "Traceback" not in stderr
