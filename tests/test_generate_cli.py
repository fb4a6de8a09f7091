"""`quizmg generate` through click's CliRunner and, for the progress bar, the real executable."""

from __future__ import annotations

import sys
from pathlib import Path

import pexpect
import pytest
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.cli import cli

DOCUMENTS = Path(__file__).parent / "data" / "documents"


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_generate_writes_a_deck_that_check_accepts(tmp_path: Path) -> None:
    output = tmp_path / "painkillers.yaml"
    code, text = _run("generate", str(DOCUMENTS / "painkillers.md"), "-o", str(output))
    assert code == 0, text
    assert text.startswith("Drafted ") and " questions (" in text and "mechanisms" in text
    assert f"Wrote {output}" in text and f"quizmg check {output}" in text
    assert output.read_text(encoding="utf-8").startswith("# Drafted by `quizmg generate`")
    bank = load_bank(output)
    assert bank.deck.id == "painkillers" and bank.deck.title == "How Common Painkillers Work (draft)"
    assert str(len(bank.questions)) in text.split()[1]
    code, checked = _run("check", str(output))
    assert code == 0, checked
    assert "error" not in checked and ", 0 warnings" in checked


def test_max_kinds_and_id_options(tmp_path: Path) -> None:
    output = tmp_path / "deck.yaml"
    code, text = _run(
        "generate", str(DOCUMENTS / "interest-rates.md"), "-o", str(output),
        "--max", "6", "--kinds", "cloze, short", "--id", "rates",
    )
    assert code == 0, text
    bank = load_bank(output)
    assert bank.deck.id == "rates"
    assert 1 <= len(bank.questions) <= 6
    assert {q.kind for q in bank.questions} <= {"cloze", "short"}


def test_an_existing_output_is_kept_unless_forced(tmp_path: Path) -> None:
    output = tmp_path / "deck.yaml"
    output.write_text("keep me", encoding="utf-8")
    code, text = _run("generate", str(DOCUMENTS / "greenhouse-notes.txt"), "-o", str(output))
    assert code == 1 and "exists already; pass --force" in text
    assert output.read_text(encoding="utf-8") == "keep me"
    code, text = _run("generate", str(DOCUMENTS / "greenhouse-notes.txt"), "-o", str(output), "--force")
    assert code == 0 and load_bank(output).questions


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (b"", "empty.txt", "the document is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "image.txt", "binary file"),
        (b"caf\xe9 au lait, then tea", "latin.txt", "not valid UTF-8"),
        (b"%PDF-1.7", "paper.pdf", "save or export it as one of those"),
    ],
)
def test_awkward_inputs_give_one_clear_line_and_status_1(
    tmp_path: Path, content: bytes, name: str, message: str
) -> None:
    document = tmp_path / name
    document.write_bytes(content)
    code, text = _run("generate", str(document), "-o", str(tmp_path / "out.yaml"))
    assert code == 1
    assert text.startswith("Error: ") and message in text and "Traceback" not in text
    assert not (tmp_path / "out.yaml").exists()


def test_non_english_text_is_refused(tmp_path: Path) -> None:
    code, text = _run("generate", str(DOCUMENTS / "french-bread.txt"), "-o", str(tmp_path / "x.yaml"))
    assert code == 1
    assert "french-bread.txt" in text and "does not look like English text" in text


def test_a_missing_document_and_a_wrong_output_type(tmp_path: Path) -> None:
    code, text = _run("generate", str(tmp_path / "nothing.txt"), "-o", str(tmp_path / "x.yaml"))
    assert code == 1 and "no such file" in text
    code, text = _run("generate", str(DOCUMENTS / "painkillers.md"), "-o", str(tmp_path / "x.json"))
    assert code == 1 and "the output must be a .yaml deck file" in text


def test_bad_option_values_are_usage_errors(tmp_path: Path) -> None:
    args = ["generate", str(DOCUMENTS / "painkillers.md"), "-o", str(tmp_path / "x.yaml")]
    code, text = _run(*args, "--kinds", "cloze,essay")
    assert code == 2 and "unknown kind essay" in text
    code, text = _run(*args, "--max", "0")
    assert code == 2
    code, text = _run(*args, "--id", "Not An Id")
    assert code == 2 and "--id" in text


def test_a_document_without_mechanisms_still_gives_a_deck(tmp_path: Path) -> None:
    output = tmp_path / "lighthouse.yaml"
    code, text = _run("generate", str(DOCUMENTS / "lighthouse-history.txt"), "-o", str(output))
    assert code == 0, text
    assert "0 mechanisms" in text
    # the blank on the lantern room, then its definition (what no blank asked: defined after a blank)
    assert [q.kind for q in load_bank(output).questions] == ["cloze", "short"]
    # a second blank in a short sentence already blanked
    assert "Left out 1 question scoring under 60/100" in text
    code, text = _run("generate", str(DOCUMENTS / "lighthouse-history.txt"), "-o", str(output), "--all", "--force")
    assert code == 0, text
    assert {q.kind for q in load_bank(output).questions} >= {"cloze", "short"}


def test_a_document_with_nothing_to_ask_says_so(tmp_path: Path) -> None:
    document = tmp_path / "diary.txt"
    document.write_text("We went out today. It was warm and we were happy. Then we came home.\n")
    code, text = _run("generate", str(document), "-o", str(tmp_path / "x.yaml"))
    assert code == 1 and "no questions could be drafted" in text and "no mechanisms" in text


def test_a_document_whose_drafts_all_score_low_says_so_and_points_to_all(tmp_path: Path) -> None:
    # Before, this said the document had no key terms, though it has one and a draft on it.
    document = tmp_path / "gardens.md"
    document.write_text(
        "# Why Learn Gardening?\n\nGardening teaches people patience. Looking at the garden from a gardener's "
        "point of view helps people notice small changes in the garden. A **community garden** brings neighbours "
        "together. Many people say that a community garden makes a street friendlier, and a community garden can "
        "also feed families.\n"
    )
    output = tmp_path / "gardens.yaml"
    code, text = _run("generate", str(document), "-o", str(output))
    assert code == 1 and not output.exists()
    assert "scored under 60/100" in text and "--all" in text and "no key terms" not in text
    code, text = _run("generate", str(document), "-o", str(output), "--all")
    assert code == 0 and load_bank(output).questions


def _long_document(path: Path, size: int) -> Path:
    parts = []
    sources = [(DOCUMENTS / n).read_text(encoding="utf-8") for n in ("wolves-and-rivers.txt", "greenhouse-notes.txt")]
    number = 0
    while sum(map(len, parts)) < size:
        number += 1
        parts.append(f"\n\nChapter {number}\n\n" + sources[number % 2])
    path.write_text("".join(parts), encoding="utf-8")
    return path


def test_a_long_document_shows_a_progress_bar_in_a_terminal(tmp_path: Path) -> None:
    document = _long_document(tmp_path / "long.txt", 250_000)
    output = tmp_path / "long.yaml"
    # The executable installed next to this Python, so the test runs the code under test.
    executable = str(Path(sys.executable).with_name("quizmg"))
    child = pexpect.spawn(
        executable, ["generate", str(document), "-o", str(output)],
        encoding="utf-8", timeout=60, dimensions=(24, 100),
    )
    child.expect("Drafting questions")
    child.expect(r"Drafted (\d+) questions")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert load_bank(output).questions


def test_a_short_deck_says_how_many_passed_and_what_all_would_add(tmp_path: Path) -> None:
    document = tmp_path / "rivers.md"
    document.write_text(
        "# Rivers\n\n"
        "A **tributary** is a stream that flows into a larger river.\n"
        "A **watershed** is all the land whose rain drains into one river.\n"
        "The **floodplain** is the flat land beside a river that floods in a wet season.\n"
        "An oxbow is a curved lake left behind when a river cuts across the neck of a loop.\n"
        "A delta is a fan of mud and sand laid down where a river meets the sea.\n",
        encoding="utf-8",
    )
    output = tmp_path / "rivers.yaml"
    code, text = _run("generate", str(document), "-o", str(output), "--max", "20")
    assert code == 0, text
    kept = len(load_bank(output).questions)
    assert 0 < kept < 20
    # The unbolded terms (oxbow, delta) score under the threshold in a text that bolds its terms.
    assert f"(--all adds them); the {kept} written scored 60 or more (--max 20)." in text
    left = int(text.split("Left out ", 1)[1].split()[0])
    code, text = _run("generate", str(document), "-o", str(output), "--max", "20", "--all", "--force")
    assert code == 0 and "Left out" not in text
    assert len(load_bank(output).questions) == kept + left
