"""Moodle XML both ways: exports read back by Moodle's own XML importer question by question, and
by quizmg into the same deck; hostile XML refused; kinds quizmg cannot hold skipped by line."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from moodle_support import (
    compare_file,
    differences,
    moodle_read,
    moodle_view,
    need_moodle,
    need_moodle_cloze,
    quizmg_view,
)

from quizmg.cli import cli
from quizmg.errors import DeckError
from quizmg.formats.importing import detect_text_format
from quizmg.formats.moodle_xml import read_moodle_xml
from quizmg.formats.moodle_xml_write import write_moodle_xml
from quizmg.model import (
    Choice,
    Cloze,
    Deck,
    GradedAnswer,
    Match,
    MultipleChoice,
    Numeric,
    NumericAnswer,
    Pair,
    Short,
    TrueFalse,
)

DATA = Path(__file__).parent / "data"


def rich_deck() -> Deck:
    """One question of each kind Moodle XML holds, with everything quizmg keeps of Moodle's."""
    return Deck(
        id="rich",
        title="Rich / deck",
        description="Every Moodle feature quizmg keeps.",
        tags=["unit-1"],
        questions=[
            MultipleChoice(
                id="mc",
                name="Best animal",
                prompt="Which is **best**? <b>not bold</b>",
                choices=[
                    Choice(text="Frog", correct=True, explanation="Yes!"),
                    Choice(text="Toad", credit=50, explanation="close"),
                    Choice(text="Cat"),
                ],
                shuffle=False,
                explanation="Frogs win.",
                tags=["animals"],
            ),
            MultipleChoice(
                id="multi",
                prompt="Pick both.",
                choices=[Choice(text="a", correct=True), Choice(text="b", correct=True)],
                single=False,
            ),
            Short(
                id="sa",
                prompt="Name the star?",
                answer="Sun",
                accepted=["the Sun", "Sol*"],
                feedback={"Sun": "Right."},
                partial=[GradedAnswer(text="Star", credit=50, feedback="Which one?"), GradedAnswer(text="*", credit=0)],
                hints=["It rises in the east.", "Look **up**."],
                penalty=10,
            ),
            Numeric(
                id="num",
                prompt="Body temperature?",
                answer=37,
                tolerance=0.5,
                unit="°C",
                feedback="Normal.",
                more=[NumericAnswer(answer=38, tolerance=1, credit=50, feedback="Fever range.")],
                other_feedback="Far off.",
            ),
            TrueFalse(
                id="unit-1-q2",
                idnumber="Unit 1 Q2",
                statement="Water is wet.",
                answer=False,
                right_feedback="Yes.",
                wrong_feedback="No.",
                section="Unit 1::Part A",
            ),
            Match(
                id="m",
                prompt="Colours.",
                pairs=[
                    Pair(left="Red", right="Primary"),
                    Pair(left="Blue", right="Primary"),
                    Pair(left="Green", right="Secondary"),
                ],
                distractors=["Tertiary"],
                section="Art/Colour",
            ),
        ],
    )


def test_export_imported_back_is_the_same_deck() -> None:
    deck = rich_deck()
    text, warnings = write_moodle_xml(deck)
    assert warnings == []
    assert read_moodle_xml(text, "rich.xml").deck == deck


def test_export_is_read_by_moodles_own_xml_importer(tmp_path: Path) -> None:
    need_moodle()
    deck = rich_deck()
    path = tmp_path / "rich.xml"
    path.write_text(write_moodle_xml(deck)[0], encoding="utf-8")
    reading = moodle_read(path, "xml")
    assert reading["errors"] == []
    moodle = [q for q in reading["questions"] if q["qtype"] != "category"]
    assert len(moodle) == len(deck.questions)
    for theirs, ours in zip(moodle, deck.questions, strict=True):
        view = moodle_view(theirs)
        assert view is not None
        expected = quizmg_view(ours)
        expected["tags"] = sorted({*expected["tags"], *deck.tags})  # deck tags go on every question
        assert differences(view, expected) == [], theirs["name"]
    categories = [q["category"] for q in reading["questions"] if q["qtype"] == "category"]
    assert categories == [
        "$course$/Rich // deck",
        "$course$/Rich // deck/Unit 1/Part A",  # a nested section nests in Moodle
        "$course$/Rich // deck/Art//Colour",  # a `/` in a name does not
    ]
    assert moodle[0]["shuffle"] == 0 and moodle[3]["units"] == ["°C"]
    assert (moodle[2]["hints"], moodle[2]["penalty"]) == (["It rises in the east.", "Look **up**."], 0.1)
    assert moodle[4]["idnumber"] == "Unit 1 Q2"  # the ID number the question came with, not its slug
    assert moodle[0]["penalty"] == pytest.approx(0.3333333)


def test_sample_deck_export_reads_back_in_moodle(tmp_path: Path) -> None:
    need_moodle_cloze()  # the sample's cloze goes as embedded answers
    from quizmg.formats.yaml_deck import load_yaml_deck

    deck = load_yaml_deck(DATA / "sample.yaml")[0]
    path = tmp_path / "sample.xml"
    path.write_text(write_moodle_xml(deck)[0], encoding="utf-8")
    reading = moodle_read(path, "xml")
    assert reading["errors"] == []
    back = read_moodle_xml(path.read_text(encoding="utf-8"), path).deck
    moodle = [q for q in reading["questions"] if q["qtype"] != "category"]
    assert len(moodle) == len(back.questions)
    for theirs, ours in zip(moodle, back.questions, strict=True):
        view = moodle_view(theirs)
        expected = quizmg_view(ours)
        expected["tags"] = sorted({*expected["tags"], *back.tags})  # deck tags go on every question
        assert view is not None and differences(view, expected) == []


def test_command_line_round_trip(tmp_path: Path) -> None:
    out = tmp_path / "sample.xml"
    runner = CliRunner()
    written = runner.invoke(cli, ["export", "moodle-xml", str(DATA / "sample.yaml"), "-o", str(out)])
    assert written.exit_code == 0, written.output
    assert detect_text_format(out.read_text(encoding="utf-8")) == "moodle-xml"
    deck = tmp_path / "back.yaml"
    imported = runner.invoke(cli, ["import", str(out), "-o", str(deck)])
    assert imported.exit_code == 0 and "(moodle-xml)" in imported.stdout
    assert runner.invoke(cli, ["check", str(deck)]).exit_code == 0


BOMB = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<quiz><question type="truefalse"><name><text>&lol2;</text></name></question></quiz>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE quiz [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
<quiz><question type="truefalse"><name><text>&secret;</text></name></question></quiz>"""


@pytest.mark.parametrize("text", [BOMB, EXTERNAL])
def test_hostile_xml_is_refused(text: str) -> None:
    with pytest.raises(DeckError, match=r"hostile\.xml"):
        read_moodle_xml(text, "hostile.xml")


def test_broken_xml_names_its_line() -> None:
    with pytest.raises(DeckError) as caught:
        read_moodle_xml("<quiz>\n<question type='truefalse'>\n</quiz>\n", "broken.xml")
    assert caught.value.problems[0].line == 3


def test_kinds_quizmg_cannot_hold_are_skipped_by_line() -> None:
    text = """<quiz>
<question type="essay"><name><text>E</text></name>
<questiontext format="html"><text>Write.</text></questiontext></question>
<question type="truefalse">
  <name><text>T</text></name><questiontext format="html"><text>&lt;p&gt;Sky is blue.&lt;/p&gt;</text></questiontext>
  <answer fraction="100"><text>true</text><feedback><text>Yes</text></feedback></answer>
  <answer fraction="0"><text>false</text><feedback><text>No</text></feedback></answer>
  <hint format="html"><text>Look up.</text></hint>
</question>
</quiz>"""
    result = read_moodle_xml(text, "mixed.xml")
    question = result.deck.questions[0]
    assert isinstance(question, TrueFalse) and question.statement == "Sky is blue." and question.answer
    assert (question.right_feedback, question.wrong_feedback) == ("Yes", "No")
    assert result.warnings[0].startswith("mixed.xml:2: an essay question was skipped")
    assert question.hints == ["Look up."] and len(result.warnings) == 1  # hints are kept now


def test_a_damaged_deck_note_is_ignored_not_a_crash() -> None:
    text = write_moodle_xml(rich_deck())[0].replace("id=rich", "id=<rich", 1)
    deck = read_moodle_xml(text, "damaged.xml").deck
    assert deck.id == "damaged" and len(deck.questions) == len(rich_deck().questions)


def test_embedded_answers_question_becomes_a_cloze() -> None:
    text = """<quiz><question type="cloze"><name><text>Cities</text></name>
<questiontext format="html"><text><![CDATA[<p>San Francisco: {1:MULTICHOICE:=California#OK~Arizona#Wrong}<br>
Capital of France: {1:SHORTANSWER:%100%Paris#Yes~%50%Marseille}, pi: {2:NUMERICAL:=3.14:0.01}
and {1:SA:=a \\} brace}</p>]]></text></questiontext>
<generalfeedback format="html"><text>Geography.</text></generalfeedback></question></quiz>"""
    result = read_moodle_xml(text, "cities.xml")
    question = result.deck.questions[0]
    assert isinstance(question, Cloze) and (question.name, question.id) == ("Cities", "cities")
    assert question.text == (
        "San Francisco: {{c1::California::California / Arizona}}\n\n"
        "Capital of France: {{c2::Paris}}, pi: {{c3::3.14}}\nand {{c4::a } brace}}"
    )
    assert question.explanation == "Geography." and question.card_ordinals() == [1, 2, 3, 4]
    assert result.warnings == [
        "cities.xml:1: an embedded-answers (cloze) question became a quizmg cloze, one card per gap; "
        "left out: feedback, numeric tolerances, partial credit"
    ]


PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000") + b"\x1f\x15\xc4\x89" + bytes(20)


def test_images_travel_inside_the_file_as_moodles_embedded_files(tmp_path: Path) -> None:
    (tmp_path / "media" / "a").mkdir(parents=True)
    (tmp_path / "media" / "heart.png").write_bytes(PNG)
    (tmp_path / "media" / "a" / "heart.png").write_bytes(PNG + b"other")  # same name, other file
    deck_path = tmp_path / "pics.yaml"
    deck_path.write_text(
        "id: pics\ntitle: Pics\nquestions:\n"
        "- {kind: mcq, id: which, prompt: 'Which chamber? ![the heart](media/heart.png)',"
        " choices: [{text: 'left ![](media/a/heart.png)', correct: true}, {text: right}]}\n",
        encoding="utf-8",
    )
    out = tmp_path / "pics.xml"
    runner = CliRunner()
    written = runner.invoke(cli, ["export", "moodle-xml", str(deck_path), "-o", str(out)])
    assert written.exit_code == 0, written.output
    text = out.read_text(encoding="utf-8")
    assert "![the heart](@@PLUGINFILE@@/heart.png)" in text and "![](@@PLUGINFILE@@/heart-2.png)" in text
    back_path = tmp_path / "back" / "pics.yaml"
    assert runner.invoke(cli, ["import", str(out), "-o", str(back_path)]).exit_code == 0
    back = read_moodle_xml(text, out)
    assert back.media == {"media/heart.png": PNG, "media/heart-2.png": PNG + b"other"}
    assert (back_path.parent / "media" / "heart-2.png").read_bytes() == PNG + b"other"
    question = back.deck.questions[0]
    assert isinstance(question, MultipleChoice) and question.prompt == "Which chamber? ![the heart](media/heart.png)"
    need_moodle()
    reading = moodle_read(out, "xml")
    assert reading["errors"] == []
    assert sorted(reading["files"]) == [["heart-2.png", len(PNG) + 5], ["heart.png", len(PNG)]]


def test_every_fixture_of_moodles_xml_suite_agrees() -> None:
    """Moodle's own XML fixtures (question/format/xml/tests/fixtures in MOODLE_SOURCE), question by question."""
    need_moodle_cloze()
    fixtures = Path(os.environ["MOODLE_SOURCE"]) / "question" / "format" / "xml" / "tests" / "fixtures"
    if not fixtures.is_dir():
        pytest.skip("MOODLE_SOURCE has no question/format/xml/tests/fixtures")
    agreeing = holdable = 0
    notes: list[str] = []
    for path in sorted(fixtures.glob("*.xml")):
        agree, hold, _, found = compare_file(path, "xml")
        agreeing, holdable, notes = agreeing + agree, holdable + hold, notes + found
    assert notes == []
    assert agreeing == holdable >= 18  # the embedded-answers and old-image-field questions included


def test_a_cloze_goes_to_moodle_as_embedded_answers_and_comes_back_the_same(tmp_path: Path) -> None:
    deck = Deck(
        id="gaps",
        title="Gaps",
        questions=[
            Cloze(id="heart", text="The <b>{{c1::heart}}</b> pumps & {{c2::blood::blood / water}}.", explanation="e"),
            Cloze(id="order", text="{{c2::a}} then {{c1::b}}"),  # not 1, 2 in order: short answers instead
        ],
    )
    text, warnings = write_moodle_xml(deck)
    assert warnings == ["order: the cloze was written as Moodle short-answer question(s)"]
    assert read_moodle_xml(text, "gaps.xml").deck.questions[0] == deck.questions[0]
    need_moodle_cloze()
    path = tmp_path / "gaps.xml"
    path.write_text(text, encoding="utf-8")
    reading = moodle_read(path, "xml")
    assert reading["errors"] == []
    cloze = next(q for q in reading["questions"] if q["qtype"] == "multianswer")
    view = moodle_view(cloze)
    assert view is not None and differences(view, quizmg_view(deck.questions[0])) == []
    assert view["text"] == "The <b>[[1]]</b> pumps & [[2]]."  # shown as written, not as HTML
