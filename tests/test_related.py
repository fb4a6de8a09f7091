"""Questions that give each other away (quizmg.model.related), kept apart in study, on quiz
papers and on worksheets, and found by the linter; on the built-in magnesium deck."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from quizmg.bank import load_bank
from quizmg.catalog import builtin_decks
from quizmg.formats.worksheet import select_questions
from quizmg.lint.related_rules import answer_each_other, cloze_reveals_its_blank
from quizmg.model.related import Relations, spread
from quizmg.store import open_collection
from quizmg.study.quiz import choose_paper
from quizmg.study.session import SessionOver, StudySession, waiting_from_queue

NOW = datetime(2026, 3, 2, 10, 0, tzinfo=timezone.utc)


@pytest.fixture(scope="module")
def magnesium():
    return load_bank(builtin_decks()["magnesium"])


def test_a_statement_gives_away_the_question_that_asks_for_it(magnesium) -> None:
    relations = Relations(magnesium.questions)
    basic = magnesium.question("nmda-block.recall")  # answer: "Magnesium blocks NMDA receptors ..."
    completion = magnesium.question("nmda-block.target")  # "Complete the statement: Magnesium blocks …"
    assert basic is not None and completion is not None
    assert relations.gives_away(basic, completion)
    assert relations.close(completion, basic)  # either order
    unrelated = magnesium.question("melatonin-cofactor.target")
    assert unrelated is not None and not relations.close(basic, unrelated)


def test_spread_keeps_order_but_moves_give_aways_apart(magnesium) -> None:
    relations = Relations(magnesium.questions)
    questions = magnesium.questions
    ordered = spread(questions, lambda q: q, relations, mechanisms=False)
    assert sorted(id(q) for q in ordered) == sorted(id(q) for q in questions)
    close_neighbours = sum(relations.close(a, b) for a, b in itertools.pairwise(ordered))
    in_file_order = sum(relations.close(a, b) for a, b in itertools.pairwise(questions))
    assert in_file_order > 10 and close_neighbours <= 2  # only where nothing else was left


def test_new_cards_in_study_interleave_questions_and_mechanisms(tmp_path: Path, magnesium) -> None:
    """Four study days on a simulated clock with the default 20 new cards a day: no card follows
    one that gives it away or a sibling, and new cards of one mechanism hardly ever meet."""
    relations = Relations(magnesium.questions)
    with open_collection(tmp_path / "c.sqlite3", NOW) as collection:
        collection.sync(magnesium, NOW)
        collection.set_setting("timezone", "UTC")
        for day in range(4):
            clock = NOW + timedelta(days=day)
            due_new = collection.due_counts(clock, ["magnesium"]).new
            session = StudySession(
                collection, {"magnesium": magnesium}, waiting_from_queue(collection.queue(clock, ["magnesium"])), clock
            )
            shown = []
            while True:
                try:
                    asked = session.next_card(clock)
                except SessionOver:
                    break
                assert session.current is not None
                shown.append((asked.question, session.current.reason))
                session.rate(3, 5.0, clock)
                clock += timedelta(seconds=20)
            new = [question for question, reason in shown if reason == "new"]
            assert len(new) == due_new == 20  # what `quizmg due` said is what the session showed
            pairs = list(itertools.pairwise(question for question, _ in shown))
            # The issue saw 15 of 19 neighbours share a mechanism, and a card answered by the one before.
            assert not [(a.id, b.id) for a, b in pairs if relations.gives_away(a, b) or a.id == b.id], day
            news = list(itertools.pairwise(shown))
            assert sum(relations.same_mechanism(a, b) for (a, x), (b, y) in news if x == y == "new") <= 1, day
            # Nor does any card of the day's new ones give away another: the collection held it back.
            assert not any(relations.close(a, b) for a, b in itertools.combinations(new, 2)), day


@pytest.mark.parametrize("seed", [1, 7, 42])
def test_a_quiz_paper_holds_no_two_questions_that_give_each_other_away(magnesium, seed) -> None:
    paper = choose_paper(magnesium, 20, seed)
    assert paper == choose_paper(magnesium, 20, seed)  # still the same paper for the same seed
    relations = Relations(magnesium.questions)
    questions = [asked.question for asked in paper]
    assert len(questions) == 20
    assert not any(relations.close(a, b) for i, a in enumerate(questions) for b in questions[i + 1 :])


def test_a_worksheet_does_not_put_a_give_away_next_to_its_question(magnesium) -> None:
    chosen = select_questions(magnesium.questions)
    relations = Relations(chosen)
    assert sum(relations.close(a, b) for a, b in itertools.pairwise(chosen)) <= 2


def _deck(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "deck.yaml"
    path.write_text("id: related\ntitle: Related\nquestions:\n" + body, encoding="utf-8")
    return path


def test_the_linter_finds_a_question_that_states_anothers_answer(tmp_path: Path) -> None:
    bank = load_bank(_deck(tmp_path, """
  - id: fact
    kind: truefalse
    statement: The aorta leaves the left ventricle.
    answer: true
  - id: ask
    kind: short
    prompt: Which vessel leaves the left ventricle?
    answer: aorta
  - id: other
    kind: short
    prompt: Which chamber receives blood from the lungs?
    answer: left atrium
"""))
    found = list(answer_each_other(bank))
    assert [(p.question_id, "ask" in p.message) for p in found] == [("fact", True)]


def test_the_linter_finds_a_cloze_whose_gloss_spells_out_its_blank(tmp_path: Path) -> None:
    bank = load_bank(_deck(tmp_path, """
  - id: hpa
    kind: cloze
    text: Magnesium tempers the {{c1::HPA}} axis, that is, the hypothalamic-pituitary-adrenal axis.
  - id: repeat
    kind: cloze
    text: The {{c1::aorta}} carries blood from the heart; the aorta is the largest artery.
  - id: fine
    kind: cloze
    text: The {{c1::aorta}} is the largest artery.
"""))
    assert [p.question_id for p in cloze_reveals_its_blank(bank)] == ["hpa", "repeat"]


def test_the_magnesium_deck_has_no_cloze_that_gives_its_blank_away(magnesium) -> None:
    assert list(cloze_reveals_its_blank(magnesium)) == []


def test_check_reports_give_aways_when_asked_and_the_magnesium_deck_has_none(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from quizmg.cli import cli

    path = _deck(tmp_path, """
  - id: fact
    kind: truefalse
    statement: The aorta leaves the left ventricle.
    answer: true
  - id: ask
    kind: short
    prompt: Which vessel leaves the left ventricle?
    answer: aorta
""")
    plain = CliRunner().invoke(cli, ["check", str(path)])
    asked = CliRunner().invoke(cli, ["check", "--give-aways", str(path)])
    said = " ".join(asked.output.split())
    assert "states the answer to ask" not in plain.output
    assert "fact prompt: its text states the answer to ask" in said
    assert said.count("warning:") == " ".join(plain.output.split()).count("warning:") + 1
    magnesium = CliRunner().invoke(cli, ["check", "--give-aways", "--strict", "magnesium"])
    assert magnesium.exit_code == 0 and "0 warnings" in magnesium.output


def test_the_order_prompts_example_is_never_the_answer() -> None:
    """Seen: the order prompt's example "e.g. 4 3 2 1" was once the right answer."""
    from quizmg.model import Order
    from quizmg.study.asking import ask
    from quizmg.ui.ask import hint

    question = Order(id="steps", prompt="Put these in order.", items=["one", "two", "three", "four"])
    reversed_seen = 0
    for seed in range(300):
        asked = ask("deck", question, 1, seed)
        example = hint(asked).rsplit("e.g. ", 1)[1]
        assert example != asked.answer_key(), seed
        reversed_seen += asked.answer_key() == "4 3 2 1"
    assert reversed_seen  # the layout that used to collide with the example did come up
