"""GIFT as Moodle reads it: quizmg beside Moodle's own importer, question by question.

The cases below are the forms real course files use that quizmg once refused or misread; each is
checked against what Moodle's importer makes of it (when php and Moodle's source are here) and
against the reading quizmg must give (always).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from moodle_support import compare_file, differences, moodle_folder, moodle_read, moodle_view, need_moodle, quizmg_view

from quizmg.errors import DeckError
from quizmg.formats.gift import read_gift, write_gift
from quizmg.formats.yaml_deck import load_yaml_deck
from quizmg.model import Cloze, Deck, Match, MultipleChoice, Numeric, Short, TrueFalse
from quizmg.study.asking import ask
from quizmg.study.grading import grade_match, grade_mcq, grade_numeric, grade_short

DATA = Path(__file__).parent / "data"

CASES = {
    "tilde_equals": "::Capital::The capital of France is {~London ~=Paris ~Berlin}\n",
    "match_distractor": "::Acts::Match. {\n=Forum -> talk\n=Wiki -> edit\n=Quiz -> test\n= -> Chat\n}\n",
    "shared_answer": "Colours. {=Red -> Primary =Blue -> Primary =Green -> Secondary}\n",
    "many_pairs": "Numbers. {" + " ".join(f"=n{i} -> {i}" for i in range(15)) + "}\n",
    "all_half": "Pick both. {~%50%a ~%50%b}\n",
    "idnumber": "// [id:Q2] [tag:unit 1]\n::Second::Two plus two? {=4 =four}\n",
    "idnumber_spaces": "// [id:Unit 1 Q2]\nTwo plus three? {=5}\n",
    "format_tags": "::Sky::[html]Sky <b>colour</b>? {=[plain]blue#[html]right, it's <i>blue</i> ~red#wrong}\n",
    "partial_single": "::Best::Which is best? {=Frog ~%50%Toad#close ~Cat}\n",
    "numeric_graded": "::Year::When? {#=1822:0#exact =%50%1822:2#close ~#no}\n",
    "short_graded": "::Animal::Best animal? {=Frog#Good! =%50%Cat#cats... =%0%*#wrong}\n",
    "truefalse_feedback": "::TF::Water is wet. {T#No, it is.#Yes.}\n",
    "essay_among_others": "::E::Write about it. {}\n\n::S::Say hi. {=hi}\n\nJust some text.\n",
    "cloze_embedded": "::C::Fill {1:SHORTANSWER:=in} here.\n\n::S::Say hi. {=hi}\n",
    "name_kept": "::Unit 3: the heart::How many chambers? {#4}\n",
    # Forms of real course files and of GIFT parsers' test corpora (h16, second pass).
    "any_right": "::as/like::Shall we eat, {~=as ~=like} we said?\n",
    "html_image_comment": (
        '::Net::[html]<p>Which device?<br><img width\\="200" src\\="http\\://x.org/sw.png"/></p>'
        "{=%100%Switch =%100%Conmutador ####<p><!--<var>L1</var>-->See the <b>law</b></p>}\n"
    ),
    "symbols_not_tags": "::Sym::Symbols such as <>? and a < b > c. {TRUE}\n",
    "name_is_text": "::What is 2+2?::What is 2+2? {=4}\n",
    "cloze_choices": "::C::Pick {1:MC:~=a~b} and {1:MC:~c~=d}.\n\n::S::Say hi. {=hi}\n",
    "uncarried_image": (
        '::Img::[html]<p>See this.<img src\\="@@PLUGINFILE@@/3.png" alt\\=""></p>'
        '{=a ~b####<img src\\="@@PLUGINFILE@@/4.png">}\n'
    ),
}


def _read(name: str) -> Deck:
    return read_gift(CASES[name], f"{name}.gift").deck


def test_tilde_equals_is_a_right_answer() -> None:
    question = _read("tilde_equals").questions[0]
    assert isinstance(question, MultipleChoice) and question.answer_text() == "Paris"
    assert not question.multiple


def test_match_distractor_and_shared_answers_and_many_pairs() -> None:
    acts = _read("match_distractor").questions[0]
    assert isinstance(acts, Match) and acts.distractors == ["Chat"] and len(acts.pairs) == 3
    colours = _read("shared_answer").questions[0]
    assert isinstance(colours, Match) and colours.right_items() == ["Primary", "Secondary"]
    many = _read("many_pairs").questions[0]
    assert isinstance(many, Match) and len(many.pairs) == 15


def test_shared_answer_and_distractor_are_graded_by_their_text() -> None:
    colours = _read("shared_answer").questions[0]
    asked = ask("d", colours, 1, seed=3)
    assert len(asked.shown) == 2
    grade = grade_match(colours, asked.answer_key(), asked.shown)  # type: ignore[arg-type]
    assert grade.correct
    acts = _read("match_distractor").questions[0]
    asked = ask("d", acts, 1, seed=5)
    assert len(asked.shown) == 4  # the distractor is offered too
    assert grade_match(acts, asked.answer_key(), asked.shown).correct  # type: ignore[arg-type]


def test_every_choice_right_is_a_several_answer_question() -> None:
    question = _read("all_half").questions[0]
    assert isinstance(question, MultipleChoice) and question.multiple
    assert [question.credit(i) for i in range(2)] == [50, 50]
    assert grade_mcq(question, "a b", (0, 1)).correct
    assert grade_mcq(question, "a", (0, 1)).score == 0.5


def test_one_answer_question_with_several_right_choices_takes_either() -> None:
    question = _read("any_right").questions[0]
    assert isinstance(question, MultipleChoice) and not question.multiple
    assert grade_mcq(question, "a", (0, 1)).correct and grade_mcq(question, "b", (0, 1)).correct


def test_embedded_answers_become_a_cloze_not_a_choice_question() -> None:
    """Moodle's GIFT importer misreads `{1:MC:~=a~b}` as a choice question whose first choice is
    `1:MC:`; the teacher meant Moodle's embedded answers: one card per gap, choices as the hint."""
    result = read_gift(CASES["cloze_choices"], "cloze.gift")
    cloze, hi = result.deck.questions
    assert isinstance(cloze, Cloze) and hi.prompt_text() == "Say hi."
    assert cloze.text == "Pick {{c1::a::a / b}} and {{c2::d::c / d}}."
    assert "cloze.gift:1: an embedded-answers (cloze) question became a quizmg cloze" in result.warnings[0]
    text = "::Cap::[html]<p>The capital is {1:SHORTANSWER:=Paris#Yes~%50%paris}, {2:NM:=37:0.5} \\{not a gap\\}</p>"
    capital = read_gift(text, "capital.gift")
    assert capital.deck.questions[0].text == "The capital is {{c1::Paris}}, {{c2::37}} {not a gap}"  # type: ignore[union-attr]
    assert capital.warnings[0].endswith("left out: feedback, numeric tolerances, partial credit")
    with pytest.raises(DeckError, match="a gap has no right answer"):
        read_gift("::N::Nothing right {1:SA:~wrong}\n", "none.gift")


def test_images_moodle_keeps_in_its_own_files_are_left_out_with_a_warning() -> None:
    """A GIFT file cannot carry Moodle's files: `@@PLUGINFILE@@/3.png` would make a deck that fails
    `quizmg check` and every export."""
    result = read_gift(CASES["uncarried_image"], "img.gift")
    question = result.deck.questions[0]
    assert (question.prompt_text(), question.explanation) == ("See this.", "")
    assert result.warnings == [
        "img.gift:1: images Moodle keeps among its own files were left out, as this file does not carry them: "
        "3.png, 4.png"
    ]


def test_id_numbers_become_ids_and_names_are_kept() -> None:
    question = _read("idnumber").questions[0]
    assert (question.id, question.name, question.tags) == ("q2", "Second", ["unit-1"])
    result = read_gift(CASES["idnumber_spaces"], "ids.gift")
    assert (result.deck.questions[0].id, result.deck.questions[0].idnumber) == ("unit-1-q2", "Unit 1 Q2")
    assert "// [id:Unit 1 Q2]" in write_gift(result.deck)[0]  # back out under the same ID number
    named = _read("name_kept").questions[0]
    assert named.name == "Unit 3: the heart" and named.id == "unit-3-the-heart"


def test_format_tags_are_read_not_kept_as_text() -> None:
    question = _read("format_tags").questions[0]
    assert isinstance(question, MultipleChoice)
    assert question.prompt == "Sky colour?"
    assert question.choices[0].text == "blue"
    assert question.choices[0].explanation == "right, it's blue"


def test_partial_credit_single_answer_stays_single() -> None:
    question = _read("partial_single").questions[0]
    assert isinstance(question, MultipleChoice) and not question.multiple
    assert question.answer_text() == "Frog"
    toad = grade_mcq(question, "b", (0, 1, 2))
    assert not toad.correct and toad.score == 0.5 and toad.note == "close"


def test_several_numeric_answers_with_their_own_credit() -> None:
    question = _read("numeric_graded").questions[0]
    assert isinstance(question, Numeric) and question.answer == 1822 and question.feedback == "exact"
    assert [(m.answer, m.tolerance, m.credit) for m in question.more] == [(1822, 2, 50)]
    close = grade_numeric(question, "1823")
    assert not close.correct and close.score == 0.5 and close.note == "close"
    assert grade_numeric(question, "1700").note == "no"


def test_short_answer_credit_feedback_and_wildcard() -> None:
    question = _read("short_graded").questions[0]
    assert isinstance(question, Short) and question.answer == "Frog"
    assert grade_short(question, "frog").note == "Good!"
    cat = grade_short(question, "cat")
    assert not cat.correct and cat.score == 0.5
    assert grade_short(question, "a dog").note == "wrong"


def test_truefalse_feedback_both_ways() -> None:
    question = _read("truefalse_feedback").questions[0]
    assert isinstance(question, TrueFalse)
    assert (question.right_feedback, question.wrong_feedback) == ("Yes.", "No, it is.")


def test_questions_quizmg_cannot_hold_are_skipped_by_line() -> None:
    result = read_gift(CASES["essay_among_others"], "mixed.gift")
    assert [q.prompt_text() for q in result.deck.questions] == ["Say hi."]
    assert "mixed.gift:1: an essay question was skipped" in result.warnings[0]
    assert "mixed.gift:5: a description" in result.warnings[1]
    cloze = read_gift(CASES["cloze_embedded"], "cloze.gift")
    assert [q.kind for q in cloze.deck.questions] == ["cloze", "short"]
    assert "cloze.gift:1: an embedded-answers (cloze) question became a quizmg cloze" in cloze.warnings[0]


def test_a_file_of_only_essays_shows_each_skip() -> None:
    with pytest.raises(DeckError) as caught:
        read_gift("::A::One? {}\n\n::B::Two? {}\n", "essays.gift")
    assert [p.line for p in caught.value.problems] == [1, 3]
    assert "essay" in str(caught.value) and "is this a GIFT file" not in str(caught.value)


# ------------------------------------------------------------------ beside Moodle


@pytest.mark.parametrize("name", sorted(CASES))
def test_built_case_agrees_with_moodle(name: str, tmp_path: Path) -> None:
    need_moodle()
    path = tmp_path / f"{name}.gift"
    path.write_text(CASES[name], encoding="utf-8")
    agree, holdable, _, notes = compare_file(path)
    assert notes == [] and agree == holdable > 0


def test_every_snippet_of_moodles_suite_agrees() -> None:
    need_moodle()
    folder = moodle_folder()
    assert folder is not None
    agreeing = holdable = 0
    notes: list[str] = []
    for kind, pattern in (("gift", "gift/*.gift"), ("aiken", "aiken/*.txt")):
        for path in sorted(folder.glob(pattern)):
            agree, hold, _, found = compare_file(path, kind)
            agreeing, holdable, notes = agreeing + agree, holdable + hold, notes + found
    assert notes == []
    assert agreeing == holdable >= 70


def _exported_through_moodle(deck: Deck, tmp_path: Path) -> None:
    text, _ = write_gift(deck)
    path = tmp_path / f"{deck.id}.gift"
    path.write_text(text, encoding="utf-8")
    reading = moodle_read(path)
    assert reading["errors"] == []
    moodle = [q for q in reading["questions"] if q["qtype"] != "category"]
    assert all(q["save_problems"] == [] for q in moodle), [q["save_problems"] for q in moodle]
    back = read_gift(text, path.name).deck
    assert len(moodle) == len(back.questions)
    for theirs, ours in zip(moodle, back.questions, strict=True):
        view = moodle_view(theirs)
        assert view is not None
        expected = quizmg_view(ours)
        expected["tags"] = sorted({*expected["tags"], *back.tags})  # deck tags go on every question
        assert differences(view, expected) == []
    # And Moodle's reading is the original's, for every kind GIFT holds as it is.
    originals = {
        q.id: q
        for q in deck.questions
        if q.kind in ("mcq", "truefalse", "short", "numeric", "match") and not getattr(q, "unit", None)
    }
    for theirs, ours in zip(moodle, back.questions, strict=True):
        if ours.id in originals:
            view = moodle_view(theirs)
            expected = quizmg_view(originals[ours.id])
            expected["tags"] = sorted({*expected["tags"], *deck.tags})
            assert view is not None and differences(view, expected) == [], ours.id


@pytest.mark.parametrize("name", sorted(CASES))
def test_export_of_each_case_reads_back_in_moodle(name: str, tmp_path: Path) -> None:
    need_moodle()
    _exported_through_moodle(_read(name), tmp_path)


def test_export_of_the_sample_decks_reads_back_in_moodle(tmp_path: Path) -> None:
    need_moodle()
    _exported_through_moodle(load_yaml_deck(DATA / "sample.yaml")[0], tmp_path)
    rivers = read_gift((DATA / "teacher" / "rivers.gift").read_text(encoding="utf-8"), "rivers.gift").deck
    _exported_through_moodle(rivers, tmp_path)


# ------------------------------------------------------------------ exports that grade the same


def _hostile_deck() -> Deck:
    from quizmg.model import Choice, Pair

    return Deck(
        id="hostile",
        title="Cells/Tissues",
        tags=["biology", "unit-4"],
        questions=[
            Short(id="idea", prompt="Say *anything*", answer="I have no idea *"),
            MultipleChoice(
                id="half",
                prompt="[markdown] is the start of this prompt",
                choices=[Choice(text="%50% of people", correct=True), Choice(text="[x] a box")],
            ),
            TrueFalse(id="tags", statement="<b>bold</b> and <script>alert(1)</script> \x1b[2J\u202e", answer=True),
            Match(
                id="m",
                prompt="Pair them",
                pairs=[Pair(left="a < b", right="x*"), Pair(left="c & d", right="[y]")],
                section="Part 1/Part 2",
            ),
        ],
    )


def test_export_escapes_what_moodle_would_read_otherwise() -> None:
    text, _ = write_gift(_hostile_deck())
    assert "{=I have no idea \\*}" in text  # `*` is Moodle's wildcard in short answers
    assert "=%50% of people" in text  # after `=`, Moodle reads no weight
    assert "~[markdown][x] a box" in text  # a leading [x] is no format, but [html] would be
    assert "::half::[markdown][markdown] is the start" in text
    assert "&lt;script&gt;" in text and "\x1b" not in text and "&lt;U+001B&gt;[2J&lt;U+202E&gt;" in text
    assert "$CATEGORY: $course$/Cells//Tissues/Part 1//Part 2" in text  # `/` would nest categories
    assert "[tag:biology] [tag:unit-4]" in text


def test_export_of_hostile_text_shows_and_grades_the_same_in_moodle(tmp_path: Path) -> None:
    need_moodle()
    deck = _hostile_deck()
    path = tmp_path / "hostile.gift"
    path.write_text(write_gift(deck)[0], encoding="utf-8")
    reading = moodle_read(path)
    assert reading["errors"] == []
    categories = [q["category"] for q in reading["questions"] if q["qtype"] == "category"]
    assert categories[-1] == "$course$/Cells//Tissues/Part 1//Part 2"
    moodle = {q["idnumber"]: q for q in reading["questions"] if q["qtype"] != "category"}
    assert all(q["save_problems"] == [] for q in moodle.values())
    assert [(a["answer"], a["fraction"]) for a in moodle["idea"]["answers"]] == [("I have no idea \\*", 1.0)]
    half = moodle["half"]
    assert half["textformat"] == "markdown" and half["text"] == "[markdown] is the start of this prompt"
    assert [(a["text"], a["fraction"]) for a in half["answers"]] == [("%50% of people", 1.0), ("[x] a box", 0.0)]
    shown_tf = moodle_view(moodle["tags"])
    assert shown_tf is not None
    assert shown_tf["text"] == "<b>bold</b> and <script>alert(1)</script> <U+001B>[2J<U+202E>"
    assert moodle["tags"]["tags"] == ["biology", "unit-4"]
    pairs = moodle_view(moodle["m"])
    assert pairs is not None and pairs["pairs"] == [("a < b", "x*"), ("c & d", "[y]")]


def test_full_credit_pattern_and_truefalse_feedback_in_grading() -> None:
    from quizmg.study.grading import grade_truefalse

    question = read_gift("Which animal? {=Frog =%100%*cat*#a cat of some kind}\n", "p.gift").deck.questions[0]
    assert isinstance(question, Short)
    wild = grade_short(question, "a wild cat here")
    assert wild.correct and wild.score == 1.0 and wild.note == "a cat of some kind"
    tf = _read("truefalse_feedback").questions[0]
    assert isinstance(tf, TrueFalse)
    assert grade_truefalse(tf, "t").note == "Yes." and grade_truefalse(tf, "f").note == "No, it is."


NESTED = (
    "$CATEGORY: $course$/top/Biology\n\n::A::Cell? {=cell}\n\n"
    "$CATEGORY: $course$/top/Biology/Cells/Membranes\n\n::B::Lipid? {=lipid}\n\n"
    "$CATEGORY: $course$/top/Biology/Input//Output\n\n::C::Osmosis? {=water}\n"
)


def test_nested_categories_stay_nested_and_a_slash_stays_in_its_name(tmp_path: Path) -> None:
    deck = read_gift(NESTED, "bio.gift").deck
    assert deck.title == "Biology"
    assert [q.section for q in deck.questions] == [None, "Cells::Membranes", "Input/Output"]
    text = write_gift(deck)[0]
    assert "$CATEGORY: $course$/Biology/Cells/Membranes" in text
    assert "$CATEGORY: $course$/Biology/Input//Output" in text
    back = read_gift(text, "back.gift").deck
    assert [q.section for q in back.questions] == [None, "Cells::Membranes", "Input/Output"]
    need_moodle()
    path = tmp_path / "back.gift"
    path.write_text(text, encoding="utf-8")
    categories = [q["category"] for q in moodle_read(path)["questions"] if q["qtype"] == "category"]
    assert categories[-2:] == ["$course$/Biology/Cells/Membranes", "$course$/Biology/Input//Output"]


def test_deck_tags_and_id_come_back_as_the_decks_not_each_questions() -> None:
    deck = Deck(
        id="cells",
        title="Cells",
        tags=["biology", "unit-4"],
        questions=[Short(id="one", prompt="Powerhouse?", answer="mitochondrion", tags=["organelles"])],
    )
    text = write_gift(deck)[0]
    assert "[tag:organelles] [tag:biology] [tag:unit-4]" in text  # Moodle has no deck tags: on every question
    back = read_gift(text, "exported under another name.gift").deck
    assert (back.id, back.tags, back.questions[0].tags) == ("cells", ["biology", "unit-4"], ["organelles"])
    plain = read_gift("// my notes (quizmg deck is a phrase here)\n\n" + text.split("\n", 1)[1], "notes.gift").deck
    assert plain.id == "notes" and plain.questions[0].tags == ["organelles", "biology", "unit-4"]


def test_id_number_and_hints_go_back_to_moodle_as_they_came(tmp_path: Path) -> None:
    deck = read_gift("// [id:Unit 1 Q2]\n::Two::Two plus two? {=4}\n", "ids.gift").deck
    question = deck.questions[0]
    with_hints = question.model_copy(update={"hints": ["Count."]})
    text, warnings = write_gift(deck.model_copy(update={"questions": [with_hints]}))
    assert "// [id:Unit 1 Q2]" in text
    assert warnings == ["unit-1-q2: GIFT has no hints or penalty; they were left out (Moodle XML keeps them)"]
    need_moodle()
    path = tmp_path / "ids.gift"
    path.write_text(text, encoding="utf-8")
    moodle = [q for q in moodle_read(path)["questions"] if q["qtype"] != "category"]
    assert moodle[0]["idnumber"] == "Unit 1 Q2"
