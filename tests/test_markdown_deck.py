"""The Markdown deck form: parsing every kind, errors with lines, round trips, and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from quizmg.bank import load_bank
from quizmg.cli import cli
from quizmg.errors import DeckError
from quizmg.formats.markdown_deck import parse_markdown_deck, to_markdown
from quizmg.formats.yaml_deck import load_yaml_deck
from quizmg.model import (
    Basic,
    Choice,
    Cloze,
    Deck,
    Match,
    MultipleChoice,
    Numeric,
    Order,
    Pair,
    Short,
    TrueFalse,
)

TEACHER = Path(__file__).parent / "data" / "teacher"
HEADER = "---\nid: t\ntitle: T\n---\n"


def parse(body: str) -> Deck:
    return parse_markdown_deck(HEADER + body, "t.md")[0]


def test_plants_sample_reads_every_kind() -> None:
    deck, lines = parse_markdown_deck((TEACHER / "plants.md").read_text(), "plants.md")
    kinds = [q.kind for q in deck.questions]
    assert kinds == [
        "basic",
        "cloze",
        "mcq",
        "truefalse",
        "truefalse",
        "short",
        "numeric",
        "order",
        "match",
    ]
    where, pigment, gas, oxygen, night, sugar, sunlight, water, parts = deck.questions
    assert deck.source is not None and deck.source.author == "Ms Rivera"
    assert deck.tags == ["biology", "year8"]
    assert where.section == "Where it happens" and gas.section == "Inputs and outputs"
    assert isinstance(pigment, Cloze) and pigment.extra.startswith("It reflects green light")
    assert isinstance(gas, MultipleChoice)
    assert [c.correct for c in gas.choices] == [True, False, False, False]
    assert gas.choices[2].explanation.startswith("Nitrogen is taken up")
    assert gas.tags == ["gases"]
    assert isinstance(oxygen, TrueFalse) and oxygen.answer is True
    assert isinstance(night, TrueFalse) and night.answer is False
    assert isinstance(sugar, Short) and sugar.answer == "glucose" and sugar.accepted == ["C6H12O6"]
    assert isinstance(sunlight, Numeric)
    assert (sunlight.answer, sunlight.tolerance, sunlight.unit) == (8.3, 0.5, "minutes")
    assert sunlight.prompt == "Roughly how many minutes does light from the Sun\ntake to reach a leaf?"
    assert isinstance(water, Order) and water.items[0] == "water enters the root hairs"
    assert isinstance(parts, Match) and parts.pairs[2] == Pair(left="phloem", right="carry sugars")
    # Lines point at where each question starts in the file.
    text = (TEACHER / "plants.md").read_text().split("\n")
    assert text[lines[("questions", 2)] - 1].startswith("Q: Which gas")
    assert text[lines[("questions", 8)] - 1].startswith("Q: Match each part")


def test_yaml_sample_converts_to_markdown_and_back_unchanged(sample_deck: Path) -> None:
    deck, _ = load_yaml_deck(sample_deck)
    text, warnings = to_markdown(deck)
    assert warnings == []
    assert "N: 70 ± 10 bpm" in text and "- mitral -> left heart" in text
    assert parse_markdown_deck(text, "sample.md")[0] == deck


def test_multi_line_answer_keeps_list_lines() -> None:
    deck = parse("Q: Name two gases plants use.\nA: Two of them:\n- carbon dioxide\n- oxygen\nid: two\n")
    question = deck.questions[0]
    assert isinstance(question, Basic)
    assert question.answer == "Two of them:\n- carbon dioxide\n- oxygen"


def test_backslash_lines_are_literal_and_lone_backslash_is_blank() -> None:
    deck = parse("Q: First line\n\\Q: not a marker\n\\\n\\# not a heading\nA: yes\nid: lit\n")
    assert deck.questions[0].prompt_text() == "First line\nQ: not a marker\n\n# not a heading"


def test_comments_are_ignored_inside_and_between_questions() -> None:
    deck = parse("<!-- a note\nover two lines -->\nT: Leaves are green.\n<!-- inside -->\nid: green\n")
    assert deck.questions[0].id == "green"


def test_tags_accept_commas_and_section_line_overrides_heading() -> None:
    deck = parse("# Unit 1\n\nT: Roots hold water.\ntags: a, b c\nsection: Roots\nid: r\n")
    question = deck.questions[0]
    assert question.tags == ["a", "b", "c"] and question.section == "Roots"


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("Q: What colour are leaves?\nid: colour\n", 5, "has no answer"),
        ("Q: Which?\n- [x] a\nA: b\n", 7, "already a mcq question"),
        ("Q: How far?\nN: far\n", 6, "is not one"),
        ("A: orphan\n", 5, "needs a `Q:`"),
        ("T: Leaves are green.\nreversed: maybe\n", 6, "yes or no"),
        ("Q: Which?\n- a thing\n", 6, "a list item under a question"),
        ("Q: Pick one\n- [ ] a\n- [ ] b\nid: pick\n", 5, "mark at least one choice"),
        ("Plain words with no gap.\n", 5, "needs at least one deletion"),
        ("T: One.\nid: same\n\nT: Two.\nid: same\n", 8, "duplicate id"),
        ("T: One.\nid: Bad Id\n", 6, "lower-case letters"),
    ],
)
def test_errors_name_the_line(body: str, line: int, words: str) -> None:
    with pytest.raises(DeckError) as caught:
        parse(body)
    problem = caught.value.problems[0]
    assert problem.path == "t.md"
    assert problem.line == line, str(caught.value)
    assert words in problem.message


def test_missing_front_matter_is_explained() -> None:
    with pytest.raises(DeckError, match="starts with front matter"):
        parse_markdown_deck("Q: Hi\nA: there\n", "x.md")
    with pytest.raises(DeckError, match="no closing"):
        parse_markdown_deck("---\nid: x\n", "x.md")
    with pytest.raises(DeckError) as caught:
        parse_markdown_deck("---\nid: x\n---\n", "x.md")
    assert caught.value.problems[0].field == "title"


def test_section_without_heading_after_headed_ones_uses_section_lines() -> None:
    deck = Deck(
        id="d",
        title="D",
        questions=[
            TrueFalse(id="a", statement="A.", answer=True, section="One"),
            TrueFalse(id="b", statement="B.", answer=False),
        ],
    )
    text, warnings = to_markdown(deck)
    assert "# One" not in text and "section: One" in text and warnings == []
    assert parse_markdown_deck(text, "d.md")[0] == deck


def test_multi_line_choice_is_joined_with_a_warning() -> None:
    deck = Deck(
        id="d",
        title="D",
        questions=[
            MultipleChoice(id="m", prompt="P", choices=[Choice(text="one\ntwo", correct=True), Choice(text="x")])
        ],
    )
    text, warnings = to_markdown(deck)
    assert "- [x] one two" in text
    assert warnings and "m: a choice spans several lines" in warnings[0]


# ------------------------------------------------------------------ round trips

WORD = st.text(alphabet="abcdXYZ019:#>=-*+<{}\\~()?.,'é", min_size=1, max_size=6)
ITEM_WORD = st.text(alphabet="abcdXYZ019:#=*+<{}()?.,'é", min_size=1, max_size=6)
IDS = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)


def line_of(words: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.lists(words, min_size=1, max_size=5).map(" ".join)


LINE = line_of(WORD)
ITEM = line_of(ITEM_WORD)
TEXT = (
    st.lists(st.one_of(LINE, st.just("")), min_size=1, max_size=4)
    .map("\n".join)
    .filter(lambda text: bool(text.strip()))
)
EXPLANATION = st.one_of(st.just(""), TEXT)
SECTION = st.one_of(st.none(), st.sampled_from(["Cells", "Energy and light", "Unit 2: roots"]))
TAGS = st.lists(st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True), max_size=3)


@st.composite
def common(draw: st.DrawFn) -> dict[str, object]:
    return {
        "tags": draw(TAGS),
        "explanation": draw(EXPLANATION),
        "section": draw(SECTION),
        "mechanism": draw(st.one_of(st.none(), IDS)),
    }


@st.composite
def question(draw: st.DrawFn, qid: str) -> object:
    base = {"id": qid, **draw(common())}
    kind = draw(st.sampled_from(["basic", "cloze", "mcq", "tf", "short", "numeric", "order", "match"]))
    if kind == "basic":
        return Basic(prompt=draw(TEXT), answer=draw(TEXT), reversed=draw(st.booleans()), **base)
    if kind == "cloze":
        hidden = draw(st.from_regex(r"[a-z]{1,8}", fullmatch=True))
        # Spaces at the end of a line are not kept by the Markdown form (nor seen by anyone).
        text = f"{draw(LINE)} {{{{c1::{hidden}}}}} {draw(TEXT)}".replace(" \n", "\n")
        return Cloze(text=text, extra=draw(EXPLANATION), **base)
    if kind == "mcq":
        texts = draw(st.lists(ITEM, min_size=2, max_size=5))
        right = draw(st.integers(0, len(texts) - 1))
        wrong = (right + 1) % len(texts)
        correct = [i == right or (i != wrong and draw(st.booleans())) for i in range(len(texts))]
        choices = [
            Choice(text=t, correct=c, explanation=draw(EXPLANATION)) for t, c in zip(texts, correct, strict=True)
        ]
        return MultipleChoice(prompt=draw(TEXT), choices=choices, shuffle=draw(st.booleans()), **base)
    if kind == "tf":
        return TrueFalse(statement=draw(TEXT), answer=draw(st.booleans()), **base)
    if kind == "short":
        return Short(prompt=draw(TEXT), answer=draw(ITEM), accepted=draw(st.lists(ITEM, max_size=3)), **base)
    if kind == "numeric":
        number = st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False)
        return Numeric(
            prompt=draw(TEXT),
            answer=draw(number),
            tolerance=draw(st.floats(0, 1e6)),
            unit=draw(st.one_of(st.none(), ITEM)),
            **base,
        )
    if kind == "order":
        return Order(prompt=draw(TEXT), items=draw(st.lists(ITEM, min_size=2, max_size=6, unique=True)), **base)
    lefts = draw(st.lists(ITEM, min_size=2, max_size=5, unique=True))
    rights = draw(st.lists(ITEM, min_size=len(lefts), max_size=len(lefts), unique=True))
    return Match(prompt=draw(TEXT), pairs=[Pair(left=a, right=b) for a, b in zip(lefts, rights, strict=True)], **base)


@st.composite
def decks(draw: st.DrawFn) -> Deck:
    count = draw(st.integers(0, 6))
    questions = [draw(question(f"q{i}")) for i in range(count)]
    return Deck(
        id=draw(IDS),
        title=draw(LINE),
        description=draw(EXPLANATION),
        tags=draw(TAGS),
        questions=questions,
    )


def test_a_text_line_shaped_like_a_lettered_choice_is_escaped() -> None:
    """A prompt line such as "a) 0" or "*b. two" would be read back as a choice (the Aiken-style
    lettered form): the writer escapes it (hypothesis found "0\na) 0")."""
    deck = Deck(
        id="d", title="T",
        questions=[Basic(id="q", prompt="0\na) 0", answer="x"), Short(id="s", prompt="Pick\n*b. two", answer="y")],
    )
    text, warnings = to_markdown(deck)
    assert not warnings and "\\a) 0" in text and "\\*b. two" in text
    assert parse_markdown_deck(text, "r.md")[0] == deck


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@example(Deck(id="d", title="T", questions=[Basic(id="q", prompt="0\na) 0", answer="x")]))
@given(decks())
def test_markdown_round_trip(deck: Deck) -> None:
    text, warnings = to_markdown(deck)
    assume(not warnings)
    assert parse_markdown_deck(text, "r.md")[0] == deck, text


# ------------------------------------------------------------------ the CLI on .md decks


def test_check_and_show_accept_markdown_decks() -> None:
    runner = CliRunner()
    path = str(TEACHER / "plants.md")
    checked = runner.invoke(cli, ["check", path])
    assert checked.exit_code == 0, checked.output
    assert "9 questions, 9 cards" in checked.output
    shown = runner.invoke(cli, ["show", path, "--answers"])
    assert shown.exit_code == 0, shown.output
    assert "Carbon dioxide" in shown.output and "chlorophyll" in shown.output


def test_check_reports_markdown_errors_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.md"
    bad.write_text(HEADER + "\nQ: What is missing?\nid: lonely\n")
    result = CliRunner().invoke(cli, ["check", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:6" in result.output and "has no answer" in result.output
    assert "Traceback" not in result.output


def test_markdown_bank_loads_like_yaml(sample_deck: Path, tmp_path: Path) -> None:
    deck, _ = load_yaml_deck(sample_deck)
    md = tmp_path / "sample.md"
    md.write_text(to_markdown(deck)[0])
    from_md, from_yaml = load_bank(md), load_bank(sample_deck)
    assert [c.key for c in from_md.cards()] == [c.key for c in from_yaml.cards()]
    assert (
        from_md.line_of_question("mcq-1")
        == md.read_text().split("\n").index("Q: Which chamber receives blood from the lungs?") + 1
    )
