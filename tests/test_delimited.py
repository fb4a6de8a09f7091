"""CSV and TSV flashcards: Quizlet exports, Anki's plain-text export headers, separators."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from quizmg.errors import DeckError
from quizmg.formats.delimited import detect_separator, read_delimited, write_delimited
from quizmg.model import Basic, Cloze, Deck

TEACHER = Path(__file__).parent / "data" / "teacher"


def test_quizlet_csv_with_header_row_and_quoted_commas() -> None:
    path = TEACHER / "quizlet-plants.csv"
    deck = read_delimited(path.read_text(), path).deck
    assert len(deck.questions) == 3
    first = deck.questions[0]
    assert isinstance(first, Basic) and first.prompt == "photosynthesis"
    assert first.answer == "the process by which plants make glucose from light, water and carbon dioxide"


def test_quizlet_tsv_without_header() -> None:
    path = TEACHER / "quizlet-cells.tsv"
    deck = read_delimited(path.read_text(), path).deck
    assert [(q.prompt_text(), q.answer_text()) for q in deck.questions][1] == (
        "nucleus",
        "holds the genetic material",
    )


def test_anki_text_export_headers() -> None:
    path = TEACHER / "anki-notes.txt"
    deck = read_delimited(path.read_text(), path).deck
    sodium, water, force = deck.questions
    assert isinstance(sodium, Basic)
    assert sodium.answer == "Na\n(from natrium)"  # <br> kept as a line break, <i> dropped
    assert sodium.tags == ["chemistry", "elements"] and sodium.section == "Chemistry"
    assert isinstance(water, Cloze) and water.extra == "H2O & friends"
    assert isinstance(force, Basic) and force.reversed and force.section == "Physics"


def test_file_wide_deck_and_tags_headers() -> None:
    text = "#separator:semicolon\n#deck:Spanish::Food\n#tags:vocab\nel pan;bread\nla leche;milk\n"
    deck = read_delimited(text, "food.txt").deck
    assert deck.title == "Food"
    assert all(q.tags == ["vocab"] and q.section == "Food" for q in deck.questions)
    assert deck.questions[1].answer_text() == "milk"


def test_extra_columns_are_reported() -> None:
    result = read_delimited("a,b,c\nd,e,f\n", "x.csv")
    assert len(result.warnings) == 2 and "columns after the second" in result.warnings[0]


def test_row_with_one_column_names_its_line() -> None:
    with pytest.raises(DeckError) as caught:
        read_delimited("sun,star\nmoon\n", "space.csv", ",")
    assert caught.value.problems[0].line == 2
    assert "two columns" in caught.value.problems[0].message


def test_multi_line_quoted_cells_keep_line_numbers_right() -> None:
    with pytest.raises(DeckError) as caught:
        read_delimited('sun,"a star,\nour own"\nmoon\n', "space.csv", ",")
    assert caught.value.problems[0].line == 3


@pytest.mark.parametrize(("sep", "name"), [("\t", "tab"), (",", "comma"), (";", "semicolon"), ("|", "pipe")])
def test_separator_is_detected(sep: str, name: str) -> None:
    rows = ["cat{0}a small animal, furry", "dog{0}a loyal animal", "owl{0}a bird of the night"]
    text = "\n".join(row.format(sep) if sep != "," else row.format(sep).replace(", furry", "") for row in rows)
    assert detect_separator(text) == sep, name


CELL = st.text(alphabet="abc XYZ,;\"'é?-", min_size=1, max_size=15).map(str.strip).filter(bool)


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(CELL, CELL), min_size=1, max_size=8), st.sampled_from([",", "\t", ";"]))
def test_written_csv_reads_back(rows: list[tuple[str, str]], sep: str) -> None:
    import csv
    import io

    buffer = io.StringIO()
    csv.writer(buffer, delimiter=sep, lineterminator="\n").writerows(rows)
    # A first row made only of header words would be read as a header, as it should.
    rows_read = [
        (q.prompt_text(), q.answer_text()) for q in read_delimited(buffer.getvalue(), "r.csv", sep).deck.questions
    ]
    assert rows_read == rows


def test_flattened_kinds_are_named_as_a_teacher_names_them() -> None:
    deck = Deck(id="d", title="D", questions=[
        {"kind": "basic", "id": "b", "prompt": "P?", "answer": "A"},
        {"kind": "order", "id": "o", "prompt": "Steps?", "items": ["one", "two"]},
        {"kind": "mcq", "id": "m", "prompt": "Which?", "choices": [{"text": "x", "correct": True}, {"text": "y"}]},
        {"kind": "truefalse", "id": "t", "statement": "S.", "answer": True},
    ])
    _, warnings = write_delimited(deck)
    assert [str(w) for w in warnings] == [
        "o: an ordering question was written as term and answer",
        "m: a multiple-choice question was written as term and answer",
        "t: a true/false question was written as term and answer",
    ]
