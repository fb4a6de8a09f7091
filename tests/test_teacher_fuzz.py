"""Fuzzed GIFT, Aiken, CSV and TSV files through `import`: each is read into a deck that passes
`quizmg check`, or refused with a message naming the file (and the line); none crashes or hangs.

A few hundred examples per reader run in CI; QUIZMG_FUZZ_EXAMPLES=2000 runs a long campaign.
"""

from __future__ import annotations

import os
import tempfile
from datetime import timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizmg.bank import load_bank
from quizmg.cli import cli
from quizmg.errors import DeckError, QuizmgError
from quizmg.formats.importing import import_file
from quizmg.formats.yaml_deck import dump_yaml_deck

EXAMPLES = int(os.environ.get("QUIZMG_FUZZ_EXAMPLES", "150"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=timedelta(seconds=5),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize="QUIZMG_FUZZ_EXAMPLES" not in os.environ,
)

WORDS = st.sampled_from(["Paris", "2+2", "é", "the capital", "<b>x</b>", "<img src='a.png'>", "*", "%", "  ", "\t"])
GIFT_TOKENS = st.sampled_from(
    [
        "{", "}", "=", "~", "#", "####", "->", "%50%", "%-100%", "%100%", "%33.3%", "::", "::Q1::", "$CATEGORY: a/b",
        "// [id:Unit 1 Q2]", "// [tag:x y]", "\\", "\\{", "\\=", "\\n", "[html]", "[plain]", "[markdown]", "T", "FALSE",
        "#3:1", "#1..5", "#=1:0", "~#no", "1:SA:", "\n", "\n\n", " ", "_____",
    ]
)  # fmt: skip
AIKEN_LINES = st.sampled_from(
    ["Q?", "A) one", "B. two", "C)three", "D)", "ANSWER: A", "ANSWER: B", "ANSWER: Z", "ANSWER:", "", "  ", "I) x"]
)
CELL = st.one_of(WORDS, st.text(alphabet="ab,;\t\"'\n\r#:<>=", max_size=8))


def _text(pieces: list[str]) -> str:
    return "".join(pieces)


MARKS = st.sampled_from(["=", "~", "~=", "~%50%", "~%-100%", "=%50%", "= ", "=%0%", "", "#", "~%33.3%"])
ANSWER = st.tuples(MARKS, WORDS, st.sampled_from(["", "#good", "#[html]<i>no</i>", " -> Chat", " -> x"])).map(_text)
GIFT_QUESTION = st.tuples(
    st.sampled_from(["", "// [id:Q2]\n", "// [id:Unit 1 Q2] [tag:a b]\n", "// note\n"]),
    st.sampled_from(["", "::Q1::", "::Unit 3: heart::", "::q::[html]", "[markdown]"]),
    WORDS,
    st.sampled_from(["{", "{#", "{T", "{FALSE#no#yes", "{"]),
    st.lists(ANSWER, max_size=6).map(" ".join),
    st.sampled_from(["}", "####why}", "} after", ""]),
).map(_text)
GIFT = st.one_of(
    st.lists(GIFT_QUESTION, min_size=1, max_size=6).map("\n\n".join),
    st.lists(st.one_of(GIFT_TOKENS, WORDS), max_size=40).map(_text),
)
AIKEN_QUESTION = st.tuples(
    WORDS, st.lists(st.sampled_from(["A) one", "B. two", "C)three", "D)", "I) x"]), max_size=5), AIKEN_LINES
).map(lambda parts: "\n".join([parts[0], *parts[1], parts[2]]))
SOLID = WORDS.filter(lambda word: bool(word.strip()))
GOOD_AIKEN = st.tuples(SOLID, st.lists(SOLID, min_size=2, max_size=9)).flatmap(
    lambda parts: st.integers(0, len(parts[1]) - 1).map(
        lambda right: "\n".join(
            [
                f"Q {parts[0]}",
                *(f"{'ABCDEFGHI'[i]}){w}" for i, w in enumerate(parts[1])),
                f"ANSWER: {'ABCDEFGHI'[right]}",
            ]
        )
    )
)
AIKEN = st.one_of(
    st.lists(GOOD_AIKEN, min_size=1, max_size=5).map("\n\n".join),
    st.lists(AIKEN_QUESTION, min_size=1, max_size=5).map("\n\n".join),
    st.lists(st.one_of(AIKEN_LINES, WORDS), max_size=30).map("\n".join),
)
CSV = st.lists(st.lists(CELL, min_size=1, max_size=4).map(",".join), max_size=12).map("\n".join)
SEMI = st.lists(st.lists(CELL, min_size=1, max_size=3).map(";".join), max_size=12).map("\n".join)
TSV = st.lists(st.lists(CELL, min_size=1, max_size=4).map("\t".join), max_size=12).map("\n".join)
HEADED = st.tuples(
    st.sampled_from(["#separator:tab\n", "#html:true\n", "Term,Definition\n", "Begriff;Definition\n"]), CSV
)


TALLY: dict[str, int] = {}


def _count(key: str) -> None:
    TALLY[key] = TALLY.get(key, 0) + 1


def read_or_refuse(text: str, suffix: str) -> str:
    """'read' (and the deck written passes check) or 'refused'; anything else fails the test."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"fuzz{suffix}"
        path.write_text(text, encoding="utf-8")
        try:
            _, result = import_file(path)
        except QuizmgError as error:
            message = str(error)
            assert str(path) in message, message
            if isinstance(error, DeckError):
                assert all(problem.path == str(path) for problem in error.problems)
                lined = all(problem.line is not None for problem in error.problems)
                tail = message.replace(str(path), "FILE")[:70]
                _count(f"{suffix} refused, " + ("each problem by line" if lined else f"file-level: {tail}"))
            else:
                _count(f"{suffix} refused, file-level: {message.replace(str(path), 'FILE')[:70]}")
            return "refused"
        written = Path(folder) / "out.yaml"
        written.write_text(dump_yaml_deck(result.deck), encoding="utf-8")
        load_bank(written)  # what import writes, `check` reads
        _count(f"{suffix} read")
        return "read"


@FUZZ
@given(GIFT)
def test_fuzzed_gift(text: str) -> None:
    read_or_refuse(text, ".gift")


@FUZZ
@given(AIKEN)
def test_fuzzed_aiken(text: str) -> None:
    read_or_refuse(text, ".aiken")


@FUZZ
@given(st.one_of(CSV, SEMI, HEADED.map("".join)))
def test_fuzzed_csv(text: str) -> None:
    read_or_refuse(text, ".csv")


@FUZZ
@given(TSV)
def test_fuzzed_tsv(text: str) -> None:
    read_or_refuse(text, ".tsv")


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("d.csv", "What is 2+2?,4\nWhat is 2+2?,4\n"),
        ("d.tsv", "What is 2+2?\t4\nWhat is 2+2?\t4\n"),
        ("d.aiken", "Q?\nA. a\nB. b\nANSWER: A\n\nQ?\nA. a\nB. b\nANSWER: A\n"),
        ("d.gift", "Q? {=a}\n\nQ? {=a}\n"),
    ],
)
def test_what_import_writes_passes_check(tmp_path: Path, name: str, text: str) -> None:
    source = tmp_path / name
    source.write_text(text, encoding="utf-8")
    out = tmp_path / "out.yaml"
    runner = CliRunner()
    imported = runner.invoke(cli, ["import", str(source), "-o", str(out)])
    assert imported.exit_code == 0, imported.output
    checked = runner.invoke(cli, ["check", str(out)])
    assert checked.exit_code == 0, checked.output


def test_aiken_with_nine_options_and_no_space_after_the_letter() -> None:
    text = "Pick I.\n" + "".join(f"{letter})opt {letter}\n" for letter in "ABCDEFGHI") + "ANSWER: I\n"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "nine.aiken"
        path.write_text(text, encoding="utf-8")
        deck = import_file(path)[1].deck
    question = deck.questions[0]
    assert question.answer_text() == "opt I" and len(question.choices) == 9  # type: ignore[attr-defined]


def _moodle_xml_sample() -> str:
    from test_moodle_xml import rich_deck

    from quizmg.formats.moodle_xml_write import write_moodle_xml

    return write_moodle_xml(rich_deck())[0]


XML_SAMPLE = _moodle_xml_sample()
XML_NOISE = st.sampled_from(["<", ">", "&", "&lol;", "]]>", "<![CDATA[", '"', "</answer>", "<answer fraction='x'>", ""])


@FUZZ
@given(st.lists(st.tuples(st.integers(0, len(XML_SAMPLE)), st.integers(0, 40), XML_NOISE), max_size=4))
def test_fuzzed_moodle_xml(edits: list[tuple[int, int, str]]) -> None:
    text = XML_SAMPLE
    for start, length, noise in edits:
        text = text[:start] + noise + text[start + length :]
    read_or_refuse(text, ".xml")


def test_tally_of_a_long_run() -> None:
    """With QUIZMG_FUZZ_EXAMPLES set, print how the fuzzed files ended (run with -s)."""
    if "QUIZMG_FUZZ_EXAMPLES" not in os.environ:
        pytest.skip("only reported on long runs")
    for key, count in sorted(TALLY.items()):
        print(f"{count:6d}  {key}")
    assert TALLY
