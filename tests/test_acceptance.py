"""generate/acceptance.py: the signals a reviewer's verdict is predicted from, each on a small text of our own."""

from __future__ import annotations

import math

import pytest

from quizmg.generate import acceptance
from quizmg.generate.acceptance import Drafted, Setting, signals
from quizmg.generate.document import Sentence, read_document
from quizmg.generate.term_finding import find_terms
from quizmg.generate.trust import key_groups
from quizmg.model import Cloze, Short, TrueFalse

TEXT = """# Rivers and Lakes

A **tributary**{: data-type="term"} is a river that flows into a larger river.
The land a river drains is its **watershed**{: data-type="term"}.
Slow water on a flat plain forms **meanders**{: data-type="term"}, and a meander cut off from the river
becomes an **oxbow lake**{: data-type="term"}.
"""


@pytest.fixture(scope="module")
def setting() -> Setting:
    document = read_document(TEXT, "rivers.md")
    terms = find_terms(document)
    return Setting(terms, key_groups(terms), frozenset({"Hutton"}),
                   ["the land a river drains is its watershed", "what is a tributary"])


def blank(sentence: str, answer: str, *, position: int = 3, section: str | None = "Rivers") -> Drafted:
    question = Cloze(id="c", text=sentence.replace(answer, "{{c1::" + answer + "}}", 1))
    return Drafted(question, answer, Sentence(sentence, 5, section, position, 9), None)


def test_kind_and_form_signals() -> None:
    statement = TrueFalse(id="t", statement="A tributary flows into a larger river.", answer=True)
    link = Short(id="s", prompt="What is the link between rain and floods?", answer="Rain causes floods.")
    acronym = Short(id="a", prompt="What does GDP stand for?", answer="gross domestic product")
    term_for = Short(id="d", prompt="What is the term for a river that flows into another?", answer="tributary")
    empty = Setting(find_terms(read_document("Nothing here.", "x.md")), None)
    assert acceptance.true_false(Drafted(statement, "True", None, None), empty) == 1.0
    assert acceptance.link_question(Drafted(link, link.answer, None, None), empty) == 1.0
    assert acceptance.acronym_question(Drafted(acronym, acronym.answer, None, None), empty) == 1.0
    assert acceptance.term_for(Drafted(term_for, "tributary", None, None), empty) == 1.0
    assert acceptance.mechanism_template(Drafted(link, link.answer, None, "recall"), empty) == 1.0
    assert acceptance.mechanism_template(Drafted(statement, "True", None, "true"), empty) == 0.0


def test_answer_signals(setting: Setting) -> None:
    marked = blank("A tributary is a river that flows into a larger river.", "tributary")
    assert acceptance.answer_marked(marked, setting) == 1.0
    assert acceptance.answer_named(marked, setting) > 0
    assert acceptance.answer_shown_elsewhere(marked, setting) == 1.0  # 'what is a tributary'
    everyday = blank("The water moves slowly on a flat plain.", "water")
    assert acceptance.answer_marked(everyday, setting) == 0.0
    assert acceptance.answer_everyday(everyday, setting) > acceptance.answer_everyday(marked, setting)
    assert acceptance.answer_in_title(blank("Rivers carry sand to the sea.", "Rivers"), setting) == 1.0
    assert acceptance.answer_length(blank("It becomes an oxbow lake in time.", "oxbow lake"), setting) == 2.0
    named = blank("The plain was mapped by James Hutton in one summer.", "James Hutton")
    assert acceptance.answer_proper_name(named, setting) == 1.0
    assert acceptance.answer_proper_name(blank("James Hutton mapped the plain.", "James Hutton"), setting) == 0.0


def test_sentence_signals(setting: Setting) -> None:
    figures = blank("The river carried 40 tonnes of sand in 2 days to the delta.", "delta")
    assert acceptance.sentence_figures(figures, setting) == 1.0
    assert acceptance.sentence_date(blank("In 1998 the delta flooded.", "delta"), setting) == 1.0
    assert acceptance.sentence_person(blank("Floods shape a delta (Smith & Jones, 2004).", "delta"), setting) == 1.0
    assert acceptance.sentence_person(blank("Hutton mapped the delta.", "delta"), setting) == 1.0
    assert acceptance.opens_pointing_back(blank("However, the delta grows each year.", "delta"), setting) == 1.0
    assert acceptance.opens_pointing_back(blank("The delta grows each year.", "delta"), setting) == 0.0
    assert acceptance.example_sentence(blank("For example, the delta grows each year.", "delta"), setting) == 1.0
    assert acceptance.long_sentence(blank(" ".join(["word"] * 40) + " delta.", "delta"), setting) == 1.0
    assert acceptance.section_opening(blank("The delta grows.", "delta", position=1), setting) == 1.0
    assert acceptance.summary_section(blank("The delta grows.", "delta", section="Summary"), setting) == 1.0
    listed = blank("Rivers carry sand, silt, and clay to the sea.", "clay")
    assert acceptance.list_member(listed, setting) == 1.0
    assert acceptance.list_member(blank("Rivers carry clay to the sea.", "clay"), setting) == 0.0


def test_short_sentence_and_common_acronym(setting: Setting) -> None:
    assert acceptance.short_sentence(blank("Plants take up nitrates.", "nitrates"), setting) == 1.0
    assert acceptance.short_sentence(blank("Plants take up nitrates through the fine hairs of their roots in spring.",
                                           "nitrates"), setting) == 0.0
    known = Short(id="k", prompt="What does AIDS stand for?", answer="acquired immunodeficiency syndrome")
    rare = Short(id="r", prompt="What does WPPSI stand for?", answer="Wechsler Preschool and Primary Scale")
    assert acceptance.common_acronym(Drafted(known, known.answer, None, None), setting) > \
        acceptance.common_acronym(Drafted(rare, rare.answer, None, None), setting)


def test_chance_and_reasons_follow_the_weights(setting: Setting) -> None:
    good = signals(blank("A tributary is a river that flows into a larger river.", "tributary"), setting)
    bad = signals(blank("For example, in 1998 the river carried 40 tonnes of water.", "water"), setting)
    assert set(good) == {s.__name__ for s in acceptance.SIGNALS} == set(acceptance.WEIGHTS)
    weights = {"answer_marked": 1.0, "example_sentence": -1.0}
    assert acceptance.chance(good, weights, 0.0) > acceptance.chance(bad, weights, 0.0)
    assert acceptance.chance(good, weights, 0.0) == pytest.approx(1 / (1 + math.exp(-1.0)))
    # With the fitted weights: the reasons name the signals that moved the chance most, signed.
    judged = acceptance.judge([blank("Plants take up nitrates.", "nitrates")], setting)[0]
    assert "the sentence is short -" in judged.note() and judged.note().startswith("Reviewers kept about ")
