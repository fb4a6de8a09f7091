"""Fuzzing the readers: whatever the bytes, a reader gives a deck or a QuizmgError naming the
file, never another exception and never a hang. A few hundred examples per reader in CI;
QUIZMG_FUZZ_EXAMPLES=2000 for the long run."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizmg.errors import QuizmgError
from quizmg.formats.markdown_deck import parse_markdown_deck
from quizmg.formats.text import decode
from quizmg.formats.yaml_deck import parse_yaml_deck
from quizmg.generate.document import read_document

EXAMPLES = int(os.environ.get("QUIZMG_FUZZ_EXAMPLES", "200"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SAMPLE = (Path(__file__).parent / "data" / "sample.yaml").read_text(encoding="utf-8")

# Pieces of real decks, so the fuzzer reaches past the first line of each parser.
YAML_PIECES = [
    "id: d\n", "title: T\n", "questions:\n", "  - kind: basic\n", "    prompt: P\n", "    answer: A\n",
    "  - kind: mcq\n", "    choices:\n", "      - text: x\n", "        correct: true\n", "mechanisms:\n",
    "  - id: m\n", "    agent: a\n", "    effects: [a, a, b]\n", "    id: q1\n", "  - kind: numeric\n",
    "    answer: 3\n", "    unit: kg\n", "    tolerance: -1\n", "&a [*a]\n", "{", "[", "'", '"', ":", "- ",
    "\t", "\x00", "\u202e", "  - kind: cloze\n", "    text: '{{c1::x}}'\n", "\n", "#",
]
MD_PIECES = [
    "---\n", "id: d\n", "title: T\n", "Q: what?\n", "A: this\n", "T: true\n", "F: false\n", "N: 3 0.1 kg\n",
    "- [x] right\n", "- [ ] wrong\n", "> why\n", "{{c1::x}}\n", "## Section\n", "1. one\n", "\n", "Q:", "A:",
    "```\n", "<!-- -->\n", "\u200b", "\x1b",
]
DOC_PIECES = [
    "# Title\n", "Magnesium blocks NMDA receptors. ", "ATP (adenosine triphosphate) is ", "**bold** ",
    "inhibits ", "activates ", "the ", "\n\n", "- item\n", "Mg2+ ", "x" * 200, "; ", ". ", "---\n",
    "title: T\n", "`code` ", "[link](http://x) ", "\u00ad", "é",
]


def _texts(pieces: list[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.lists(st.sampled_from(pieces), max_size=40).map("".join),
        st.text(max_size=400),
        st.binary(max_size=400).map(lambda b: b.decode("utf-8", "replace")),
    )


def _mutated(text: str) -> st.SearchStrategy[str]:
    """`text` with a slice cut, repeated or replaced by random characters."""
    return st.tuples(
        st.integers(0, len(text)), st.integers(0, 60), st.text(max_size=20)
    ).map(lambda t: text[: t[0]] + t[2] + text[t[0] + t[1]:])


def _refusal_names_the_file(error: QuizmgError, name: str) -> None:
    assert name in str(error), str(error)


@FUZZ
@given(st.one_of(_texts(YAML_PIECES), _mutated(SAMPLE)))
def test_yaml_reader(text: str) -> None:
    try:
        parse_yaml_deck(text, "fuzz.yaml")
    except QuizmgError as error:
        _refusal_names_the_file(error, "fuzz.yaml")


@FUZZ
@given(_texts(MD_PIECES))
def test_markdown_reader(text: str) -> None:
    try:
        parse_markdown_deck(text, "fuzz.md")
    except QuizmgError as error:
        _refusal_names_the_file(error, "fuzz.md")


@FUZZ
@given(_texts(DOC_PIECES), st.booleans())
def test_document_reader(text: str, markdown: bool) -> None:
    try:
        read_document(text, "fuzz.md" if markdown else "fuzz.txt", markdown=markdown)
    except QuizmgError as error:
        _refusal_names_the_file(error, "fuzz")


@FUZZ
@given(st.binary(max_size=600))
def test_decoding_bytes(data: bytes) -> None:
    try:
        decode(data, "fuzz.yaml")
    except QuizmgError as error:
        _refusal_names_the_file(error, "fuzz.yaml")
