"""Moodle GIFT in and out: a hand-written sample, escaping, warnings, and round trips."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from quizmg.errors import DeckError
from quizmg.formats.gift import escape, read_gift, write_gift
from quizmg.formats.yaml_deck import load_yaml_deck
from quizmg.model import (
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


@pytest.fixture(scope="module")
def rivers() -> tuple[Deck, list[str]]:
    result = read_gift((TEACHER / "rivers.gift").read_text(), "rivers.gift")
    return result.deck, result.warnings


def by_id(deck: Deck) -> dict[str, object]:
    return {q.id: q for q in deck.questions}


def test_sample_deck_header_and_sections(rivers: tuple[Deck, list[str]]) -> None:
    deck, _ = rivers
    assert deck.id == "rivers" and deck.title == "Rivers and coasts"
    questions = by_id(deck)
    assert questions["longest"].section is None  # type: ignore[attr-defined]
    assert questions["thames"].section == "Numbers"  # type: ignore[attr-defined]
    assert questions["match-terms"].section == "Vocabulary"  # type: ignore[attr-defined]


def test_sample_multiple_choice_with_feedback_and_tags(rivers: tuple[Deck, list[str]]) -> None:
    longest = by_id(rivers[0])["longest"]
    assert isinstance(longest, MultipleChoice)
    assert [c.text for c in longest.choices if c.correct] == ["The Nile"]
    assert longest.choices[1].explanation == "It carries more water, but is shorter."
    assert longest.explanation == "Lengths depend on where the source is taken to be."
    assert longest.tags == ["rivers", "africa"]


def test_sample_weights_make_a_several_answer_question(rivers: tuple[Deck, list[str]]) -> None:
    question = by_id(rivers[0])["which-are-rivers"]
    assert isinstance(question, MultipleChoice) and question.multiple
    assert [c.text for c in question.choices if c.correct] == ["Danube", "Mekong"]


def test_sample_missing_word_short_answer_and_true_false(rivers: tuple[Deck, list[str]]) -> None:
    questions = by_id(rivers[0])
    estuary = questions["estuary"]
    assert isinstance(estuary, Short)
    assert estuary.prompt == ("Where a river meets the sea, fresh and salt water mix in an _____ where tides reach.")
    assert (estuary.answer, estuary.accepted) == ("estuary", ["estuaries"])
    delta = questions["delta-tf"]
    assert isinstance(delta, TrueFalse) and delta.answer is True
    # Moodle's order is {TRUE#feedback for a wrong answer#feedback for a right one}.
    assert delta.right_feedback == "Yes: the river slows and drops its load."
    assert delta.wrong_feedback == "No, think of the Nile's mouth."
    meanders = questions["meanders"]
    assert isinstance(meanders, TrueFalse) and meanders.answer is False
    formatted = questions["fmt"]
    assert isinstance(formatted, TrueFalse)
    assert formatted.statement == "Rivers flow **downhill** to the sea."


def test_sample_numbers_with_margin_range_and_weights(rivers: tuple[Deck, list[str]]) -> None:
    questions = by_id(rivers[0])
    thames, boiling, ratio = questions["thames"], questions["boiling"], questions["ratio"]
    assert isinstance(thames, Numeric) and (thames.answer, thames.tolerance) == (346, 10)
    assert isinstance(boiling, Numeric) and (boiling.answer, boiling.tolerance) == (100, 1)
    assert isinstance(ratio, Numeric) and (ratio.answer, ratio.tolerance) == (0.75, 0)
    assert ratio.prompt == "Write 3:4 as a decimal."


def test_sample_matching_and_escapes(rivers: tuple[Deck, list[str]]) -> None:
    questions = by_id(rivers[0])
    terms = questions["match-terms"]
    assert isinstance(terms, Match)
    assert terms.pairs[2] == Pair(left="tributary", right="a smaller river that joins a larger one")
    escapes = questions["escapes"]
    assert isinstance(escapes, Short)
    assert escapes.prompt.startswith("In GIFT, what does the character = mean")
    assert "what is { used for?" in escapes.prompt
    assert escapes.answer == "it marks the right answer ~ and a brace opens answers"


def test_sample_warns_about_what_it_skips(rivers: tuple[Deck, list[str]]) -> None:
    deck, warnings = rivers
    assert len(deck.questions) == 11
    joined = "\n".join(warnings)
    assert "rivers.gift:47: an essay question was skipped" in joined
    assert "rivers.gift:49: a description" in joined
    assert len(warnings) == 2  # graded numbers and true/false feedback are all kept now


def test_escape_covers_every_reserved_character() -> None:
    assert escape("a~b=c#d{e}f:g\\h\ni") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h\\ni"


def test_written_sample_reads_back_the_same(rivers: tuple[Deck, list[str]]) -> None:
    deck, _ = rivers
    text, warnings = write_gift(deck)
    assert warnings == []
    again = read_gift(text, "rivers.gift").deck
    assert again == deck


def test_export_warns_for_kinds_gift_lacks(sample_deck: Path) -> None:
    deck, _ = load_yaml_deck(sample_deck)
    text, warnings = write_gift(deck)
    joined = "\n".join(warnings)
    assert "basic-1: a basic card was written as a GIFT short-answer question" in joined
    assert "basic-1: the reversed card has no GIFT form" in joined
    assert "cloze-1: cloze hints have no GIFT form" in joined
    assert "order-1: GIFT has no ordering question" in joined
    assert "numeric-1: GIFT has no units" in joined
    # A two-deletion cloze becomes two missing-word questions, each with one gap.
    assert "::cloze-1-c1::[markdown]The {=left ventricle####It has the thickest wall.} pumps blood to the body." in text
    assert "::cloze-1-c2::[markdown]The left ventricle pumps blood to the {=body####" in text
    back = read_gift(text, "sample.gift").deck
    kinds = {q.id: q.kind for q in back.questions}
    assert kinds["order-1"] == "match" and kinds["basic-1"] == "short"
    assert kinds["cloze-1-c1"] == "short"
    order = next(q for q in back.questions if q.id == "order-1")
    assert isinstance(order, Match) and order.pairs[0] == Pair(left="right atrium", right="1")


def test_cloze_at_the_end_of_a_sentence() -> None:
    deck = Deck(id="d", title="D", questions=[Cloze(id="c", text="Rain falls from {{c1::clouds}}")])
    text, _ = write_gift(deck)
    assert "::c::[markdown]Rain falls from {=clouds}" in text


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("\n\n::a:: Broken {=one\n", 3, "unbalanced braces"),
        ("\n::n::How many? {#many}\n", 2, "not a number"),
        ("::e::Describe it. {}\n", 1, "essay question was skipped"),
        ("::m::Match {=a -> b =c}\n", 1, "needs `->`"),
    ],
)
def test_bad_gift_names_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(DeckError) as caught:
        read_gift(text, "bad.gift")
    problem = caught.value.problems[0]
    assert (problem.path, problem.line) == ("bad.gift", line)
    assert words in problem.message


def test_file_with_no_questions_is_refused() -> None:
    with pytest.raises(DeckError, match="no questions found"):
        read_gift("// only a comment\n", "empty.gift")


def test_duplicate_titles_get_distinct_ids() -> None:
    deck = read_gift("::same::One? {T}\n\n::same::Two? {F}\n", "d.gift").deck
    assert [q.id for q in deck.questions] == ["same", "same-2"]


# ------------------------------------------------------------------ round trips

WORD = st.text(alphabet="abcXYZ019 ~=#{}:\\->_%é?.,'", min_size=1, max_size=8).filter(
    lambda w: bool(w.strip()) and not w.lstrip().startswith("%")
)
TEXT = st.lists(WORD, min_size=1, max_size=4).map(" ".join).filter(lambda t: bool(t.strip()))
MULTI = st.lists(TEXT, min_size=1, max_size=3).map("\n".join)
EXPLANATION = st.one_of(st.just(""), MULTI)
IDS = st.from_regex(r"[a-z][a-z0-9-]{0,8}", fullmatch=True)
SAFE = TEXT.filter(lambda t: "->" not in t)


@st.composite
def gift_question(draw: st.DrawFn, qid: str) -> object:
    base = {
        "id": qid,
        "explanation": draw(EXPLANATION),
        "tags": draw(st.lists(st.from_regex(r"[a-z0-9]{1,6}", fullmatch=True), max_size=2)),
        "section": draw(st.one_of(st.none(), st.sampled_from(["Cells", "Energy: light"]))),
    }
    kind = draw(st.sampled_from(["mcq", "tf", "short", "numeric", "match"]))
    if kind == "mcq":
        texts = draw(st.lists(TEXT, min_size=2, max_size=6))
        right = draw(st.integers(0, len(texts) - 1))
        wrong = (right + 1) % len(texts)
        correct = [i == right or (i != wrong and draw(st.booleans())) for i in range(len(texts))]
        choices = [
            Choice(text=t, correct=c, explanation=draw(EXPLANATION)) for t, c in zip(texts, correct, strict=True)
        ]
        return MultipleChoice(prompt=draw(MULTI), choices=choices, **base)
    if kind == "tf":
        return TrueFalse(statement=draw(MULTI), answer=draw(st.booleans()), **base)
    if kind == "short":
        accepted = draw(st.lists(SAFE, max_size=3))
        return Short(prompt=draw(MULTI), answer=draw(SAFE), accepted=accepted, **base)
    if kind == "numeric":
        return Numeric(
            prompt=draw(MULTI),
            answer=draw(st.floats(-1e9, 1e9, allow_nan=False)),
            tolerance=draw(st.floats(0, 1e6)),
            **base,
        )
    lefts = draw(st.lists(SAFE, min_size=2, max_size=5, unique_by=str.strip))  # the model strips them
    rights = draw(st.lists(TEXT, min_size=len(lefts), max_size=len(lefts), unique=True))
    pairs = [Pair(left=a, right=b) for a, b in zip(lefts, rights, strict=True)]
    return Match(prompt=draw(MULTI), pairs=pairs, **base)


@st.composite
def gift_decks(draw: st.DrawFn) -> Deck:
    count = draw(st.integers(1, 6))
    title = draw(st.from_regex(r"[A-Z][a-z ]{0,12}[a-z]", fullmatch=True))
    return Deck(id="roundtrip", title=title, questions=[draw(gift_question(f"q{i}")) for i in range(count)])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(gift_decks())
def test_gift_round_trip(deck: Deck) -> None:
    text, warnings = write_gift(deck)
    assert warnings == []
    assert read_gift(text, "roundtrip.gift").deck == deck, text


def test_arrow_in_a_short_answer_is_written_as_an_arrow_sign() -> None:
    deck = Deck(id="d", title="D", questions=[Short(id="s", prompt="Which way?", answer="a -> b")])
    text, warnings = write_gift(deck)
    assert "{=a → b}" in text and warnings == ["s: '->' has no escape in GIFT and was written as '→'"]
    assert read_gift(text, "d.gift").deck.questions[0].kind == "short"


def test_order_and_numeric_unit_round_trip_is_not_claimed() -> None:
    deck = Deck(
        id="d",
        title="D",
        questions=[
            Order(id="o", prompt="Order", items=["a", "b"]),
            Numeric(id="n", prompt="How far?", answer=3, unit="km"),
        ],
    )
    text, warnings = write_gift(deck)
    back = read_gift(text, "d.gift").deck
    assert back != deck and len(warnings) == 2
    assert back.questions[1].prompt_text() == "How far? (in km)"
