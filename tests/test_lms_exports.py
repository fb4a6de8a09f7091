"""Aiken and CSV out, and CSV in as spreadsheets and Quizlet write it: header rows in other
languages, `;` between rows, Anki's images, a chosen separator and encoding."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from moodle_support import moodle_read, need_moodle

from quizmg.cli import cli
from quizmg.errors import DeckError
from quizmg.formats.aiken import read_aiken, write_aiken
from quizmg.formats.delimited import read_delimited, write_delimited
from quizmg.formats.yaml_deck import load_yaml_deck
from quizmg.model import Basic, Choice, Deck, MultipleChoice, TrueFalse

DATA = Path(__file__).parent / "data"


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(cli, list(args))
    return result.exit_code, result.output


def test_header_rows_in_other_languages_are_not_cards() -> None:
    for header in ("Begriff;Definition", "Terme;Définition", "Pregunta;Respuesta", "Vraag;Antwoord"):
        deck = read_delimited(f"{header}\nHund;dog\nKatze;cat\n", "de.csv").deck
        assert [q.prompt_text() for q in deck.questions] == ["Hund", "Katze"], header


def test_quizlet_rows_ended_by_semicolons() -> None:
    deck = read_delimited("apple\tApfel;pear\tBirne;plum\tPflaume", "q.txt", "\t").deck
    assert [(q.prompt_text(), q.answer_text()) for q in deck.questions] == [
        ("apple", "Apfel"),
        ("pear", "Birne"),
        ("plum", "Pflaume"),
    ]
    commas = read_delimited("apple,Apfel;pear,Birne;plum,Pflaume\n", "q.csv").deck
    assert len(commas.questions) == 3
    # A `;` inside a definition is no row end when the pieces would not each hold a term and definition.
    kept = read_delimited("river\ta stream; a brook\nlake\tstill water\n", "k.tsv", "\t").deck
    assert kept.questions[0].answer_text() == "a stream; a brook"


def test_anki_images_are_kept_as_markdown_images() -> None:
    deck = read_delimited('#html:true\n#separator:tab\nCat\t<img src="cat.png"> a <b>cat</b>\n', "a.txt").deck
    assert deck.questions[0].answer_text() == "![](cat.png) a cat"


def test_separator_and_encoding_options(tmp_path: Path) -> None:
    piped = tmp_path / "p.csv"
    piped.write_text("Hund|dog\nKatze|cat\n", encoding="utf-8")
    out = tmp_path / "p.yaml"
    code, output = run("import", str(piped), "-o", str(out), "--separator", "pipe")
    assert code == 0, output
    assert [q.prompt_text() for q in load_yaml_deck(out)[0].questions] == ["Hund", "Katze"]
    windows = tmp_path / "w.csv"
    windows.write_bytes("café,coffee\nthé,tea\n".encode("cp1252"))
    code, output = run("import", str(windows), "-o", str(tmp_path / "w.yaml"))
    assert code == 1 and f"{windows}:1: byte 0xe9 is not valid UTF-8" in output
    code, output = run("import", str(windows), "-o", str(tmp_path / "w.yaml"), "--encoding", "cp1252")
    assert code == 0, output
    assert load_yaml_deck(tmp_path / "w.yaml")[0].questions[0].prompt_text() == "café"
    code, output = run("import", str(windows), "-o", str(tmp_path / "x.yaml"), "--encoding", "nope")
    assert code == 1 and "unknown encoding 'nope'" in output and "Traceback" not in output
    code, output = run("import", str(piped), "-o", str(tmp_path / "y.yaml"), "--separator", "ab")
    assert code == 1 and "--separator 'ab'" in output


def aiken_deck() -> Deck:
    return Deck(
        id="a",
        title="A",
        questions=[
            MultipleChoice(
                id="m",
                prompt="Which is\nred?",
                choices=[Choice(text="B) sky"), Choice(text="apple", correct=True), Choice(text="grass")],
            ),
            TrueFalse(id="t", statement="Fire is hot.", answer=True),
            Basic(id="b", prompt="Left out", answer="yes"),
        ],
    )


def test_aiken_export_reads_back() -> None:
    text, warnings = write_aiken(aiken_deck())
    assert any("b: Aiken holds only" in w for w in warnings)
    assert any("put in brackets" in w for w in warnings)
    back = read_aiken(text, "a.txt").deck
    assert [q.answer_text() for q in back.questions] == ["apple", "True"]
    assert back.questions[0].prompt_text() == "Which is red?"


def test_aiken_export_is_read_by_moodle(tmp_path: Path) -> None:
    need_moodle()
    path = tmp_path / "a.txt"
    path.write_text(write_aiken(aiken_deck())[0], encoding="utf-8")
    reading = moodle_read(path, "aiken")
    assert reading["errors"] == []
    answers = [[(a["text"], a["fraction"]) for a in q["answers"]] for q in reading["questions"]]
    assert answers == [
        [("(B) sky)", 0.0), ("apple", 1.0), ("grass", 0.0)],
        [("True", 1.0), ("False", 0.0)],
    ]


def test_csv_export_reads_back_and_aiken_command(tmp_path: Path) -> None:
    deck = load_yaml_deck(DATA / "sample.yaml")[0]
    text, _ = write_delimited(deck)
    back = read_delimited(text, "s.csv").deck
    assert len(back.questions) == len(deck.questions)
    assert back.questions[0].prompt_text() == deck.questions[0].prompt_text()
    out = tmp_path / "s.csv"
    code, output = run("export", "csv", str(DATA / "sample.yaml"), "-o", str(out), "--separator", "semicolon")
    assert code == 0 and out.read_text(encoding="utf-8").startswith("Term;Definition\n"), output
    code, output = run("export", "aiken", str(DATA / "sample.yaml"), "-o", str(tmp_path / "s.txt"))
    assert code == 0 and "questions as Aiken" in output


def test_aiken_file_with_a_bad_question_names_its_line() -> None:
    with pytest.raises(DeckError) as caught:
        read_aiken("Q?\nA) a\nB) b\nANSWER: C\n", "bad.txt")
    assert caught.value.problems[0].line == 4
