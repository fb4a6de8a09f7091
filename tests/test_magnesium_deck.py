"""The built-in magnesium deck: complete, lint-clean, well formed, and in the project's own words."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.bank import Bank, load_bank
from quizmg.catalog import builtin_decks
from quizmg.cli import cli
from quizmg.generate.templates import expand_mechanism
from quizmg.lint import lint_bank
from quizmg.model import Cloze, MultipleChoice, Short, TrueFalse

SHARED = Path(__file__).parents[2] / "shared"
SOURCE = SHARED / "source" / "magnesium-relaxation.txt"

MECHANISMS = {
    "nmda-block",
    "gaba-boost",
    "neural-balance",
    "hpa-cortisol",
    "deficiency-stress",
    "calcium-antagonism",
    "muscle-feedback",
    "deep-sleep",
    "melatonin-cofactor",
    "four-pathways",
}
KEY_TERMS = ("NMDA", "GABA", "glutamate", "HPA axis", "cortisol", "calcium", "melatonin", "serotonin")
# Generated questions that read badly (nonsense, half true, or asking nothing) and are replaced by
# hand-written ones with the same id. Removing an override must fail a test.
OVERRIDDEN = {
    "nmda-block.false",
    "gaba-boost.false",
    "neural-balance.false",
    "hpa-cortisol.recall",
    "hpa-cortisol.false",
    "deficiency-stress.recall",
    "calcium-antagonism.what",
    "calcium-antagonism.false",
    "muscle-feedback.what",
    "muscle-feedback.false",
    "deep-sleep.false",
    "melatonin-cofactor.recall",
    "melatonin-cofactor.false",
    "four-pathways.recall",
    "four-pathways.what",
}
# Parts of the article without a heading of their own.
UNHEADED_SECTIONS = {"Introduction", "Closing summary"}


def words(text: str) -> list[str]:
    """The own-words check's tokens: runs of lower-case letters and digits."""
    return re.findall(r"[a-z0-9]+", text.lower())


def shared_runs(deck_text: str, source_text: str, length: int = 8) -> set[str]:
    """Every run of `length` consecutive words that the deck shares with the source."""

    def runs(tokens: list[str]) -> set[str]:
        return {" ".join(tokens[i : i + length]) for i in range(len(tokens) - length + 1)}

    return runs(words(deck_text)) & runs(words(source_text))


@pytest.fixture(scope="module")
def bank() -> Bank:
    """The built-in deck, loaded the way `quizmg study magnesium` loads it."""
    return load_bank(builtin_decks()["magnesium"])


@pytest.fixture(scope="module")
def kinds_by_mechanism(bank: Bank) -> dict[str, set[str]]:
    """The question kinds asked about each mechanism."""
    found: dict[str, set[str]] = defaultdict(set)
    for question in bank.questions:
        if question.mechanism:
            found[question.mechanism].add(question.kind)  # type: ignore[attr-defined]
    return found


def test_the_deck_is_built_in_with_its_header(bank: Bank) -> None:
    assert bank.id == "magnesium"
    assert bank.deck.title and bank.deck.description and bank.deck.tags
    assert bank.deck.source is not None
    assert bank.deck.source.title == "Magnesium: Relaxation?"
    assert "facts only" in (bank.deck.source.licence or "")


def test_at_least_80_questions(bank: Bank) -> None:
    assert len(bank.questions) >= 80
    assert len(bank.cards()) >= len(bank.questions)


def test_every_mechanism_of_the_source_is_present(bank: Bank) -> None:
    assert {m.id for m in bank.deck.mechanisms} == MECHANISMS


def test_each_mechanism_is_complete(bank: Bank) -> None:
    for mechanism in bank.deck.mechanisms:
        assert mechanism.target_is, mechanism.id
        assert mechanism.section, mechanism.id
        assert mechanism.explanation, mechanism.id
        assert mechanism.effects, mechanism.id


def test_each_mechanism_is_asked_in_at_least_four_kinds(
    kinds_by_mechanism: dict[str, set[str]],
) -> None:
    for mechanism_id in MECHANISMS:
        assert len(kinds_by_mechanism[mechanism_id]) >= 4, (mechanism_id, kinds_by_mechanism[mechanism_id])


def test_questions_name_only_existing_mechanisms(bank: Bank) -> None:
    named = {q.mechanism for q in bank.questions if q.mechanism}
    assert named <= MECHANISMS


def test_every_question_has_an_explicit_id_explanation_and_section(bank: Bank) -> None:
    assert not bank.deck.derived_id_indexes
    ids = [q.id for q in bank.questions]
    assert all(ids) and len(set(ids)) == len(ids)
    for question in bank.questions:
        assert question.explanation.strip(), question.id
        assert question.section, question.id


def test_card_keys_are_unique(bank: Bank) -> None:
    keys = [card.key for card in bank.cards()]
    assert len(set(keys)) == len(keys)


def test_key_terms_appear_in_the_bank(bank: Bank) -> None:
    text = " ".join(f"{q.prompt_text()} {q.answer_text()} {q.explanation}" for q in bank.questions)
    for term in KEY_TERMS:
        assert term in text, term


def test_every_kind_but_numeric_is_used(bank: Bank) -> None:
    # The source gives no number to ask about, so the deck has no numeric question.
    kinds = {q.kind for q in bank.questions}  # type: ignore[attr-defined]
    assert kinds == {"basic", "cloze", "mcq", "truefalse", "short", "order", "match"}


def test_the_kinds_show_their_features(bank: Bank) -> None:
    clozes = [q for q in bank.questions if isinstance(q, Cloze)]
    assert any(len(q.card_ordinals()) >= 2 for q in clozes)
    several = [q for q in bank.questions if isinstance(q, MultipleChoice) and q.multiple]
    assert several
    assert any(all(choice.explanation for choice in q.choices) for q in several)
    shorts = [q for q in bank.questions if isinstance(q, Short)]
    assert any(q.answer == "GABA" and "gamma-aminobutyric acid" in q.accepted for q in shorts)
    statements = [q for q in bank.questions if isinstance(q, TrueFalse)]
    assert {True, False} <= {q.answer for q in statements}


def test_lint_finds_nothing(bank: Bank) -> None:
    assert lint_bank(bank) == []


def test_bad_generated_questions_are_overridden(bank: Bank) -> None:
    written = {q.id: q for q in bank.deck.questions}
    for question_id in OVERRIDDEN:
        assert question_id in written, question_id
        assert bank.question(question_id) is written[question_id]
        mechanism_id, _template = question_id.rsplit(".", 1)
        mechanism = bank.deck.mechanism(mechanism_id)
        assert mechanism is not None
        generated = {q.id: q for q in expand_mechanism(mechanism, bank.deck)}
        # The override really replaces something the template makes.
        assert question_id in generated, question_id
        assert generated[question_id] != written[question_id]


def test_surviving_generated_false_statements_swap_in_a_chosen_distractor(bank: Bank) -> None:
    # Swapping another mechanism's action made nonsense in every case ("is a cofactor in NMDA
    # receptors"), so only the target swaps with a hand-picked distractor are kept.
    written = {q.id for q in bank.deck.questions}
    for mechanism in bank.deck.mechanisms:
        question = bank.question(f"{mechanism.id}.false")
        if question is None or question.id in written:
            continue
        assert isinstance(question, TrueFalse) and question.answer is False
        assert any(question.statement.rstrip(".").endswith(d) for d in mechanism.distractors), question.statement


def test_no_cloze_gives_its_answer_away(bank: Bank) -> None:
    for question in bank.questions:
        if not isinstance(question, Cloze):
            continue
        for ordinal, hidden in question.deletions().items():
            shown = question.render(ordinal).lower()
            for answer in hidden:
                assert not re.search(rf"\b{re.escape(answer.lower())}\b", shown), (
                    question.id,
                    answer,
                )


def test_check_strict_passes_through_the_cli() -> None:
    result = CliRunner().invoke(cli, ["check", "--strict", "magnesium"])
    assert result.exit_code == 0, result.output
    assert "0 warnings" in result.output


def test_show_prints_the_deck_by_its_built_in_id() -> None:
    result = CliRunner().invoke(cli, ["show", "magnesium", "--answers"])
    assert result.exit_code == 0, result.output
    assert "Magnesium blocks NMDA receptors." in result.output
    assert "Guy Meadows" in result.output


def needs_source() -> None:
    """Skip when the shared folder with the source document is not next to the checkout."""
    if not SOURCE.is_file():
        pytest.skip("../shared/source is absent")


def test_the_deck_is_in_the_projects_own_words() -> None:
    needs_source()
    deck_text = builtin_decks()["magnesium"].read_text(encoding="utf-8")
    source_text = SOURCE.read_text(encoding="utf-8")
    assert shared_runs(deck_text, source_text) == set()


def test_the_own_words_check_catches_a_copied_sentence() -> None:
    needs_source()
    source_text = SOURCE.read_text(encoding="utf-8")
    copied = " ".join(words(source_text)[40:52])
    assert shared_runs(f"explanation: {copied}", source_text)


def test_sections_name_the_source_headings(bank: Bank) -> None:
    needs_source()
    headings = {line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines()}
    sections = {q.section for q in bank.questions} | {m.section for m in bank.deck.mechanisms}
    assert sections - UNHEADED_SECTIONS <= headings


def test_named_facts_are_in_the_source(bank: Bank) -> None:
    needs_source()
    source_text = SOURCE.read_text(encoding="utf-8")
    for fact in ("Guy Meadows", "Sleep School", "N-methyl-D-aspartate", "gamma-aminobutyric acid"):
        assert fact in source_text
        assert any(fact in f"{q.prompt_text()} {q.answer_text()}" for q in bank.questions), fact
