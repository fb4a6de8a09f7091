"""A term's definition asked after blanks on the term: it asks what the term is, which no blank asked."""

from __future__ import annotations

from pathlib import Path

from candidate_support import cloze_candidate as _cloze
from candidate_support import definition_candidate as _definition

from quizmg.generate.document import read_document
from quizmg.generate.term_finding import find_terms
from quizmg.generate.trust import THRESHOLD, rate

TEXT = ("Glaciers leave a **moraine** behind them wherever they stop moving forward for a while. "
        "A **moraine** can dam a valley and hold a lake behind it for centuries. "
        "Many **drumlins** line up in rows across the farms to the north of the town. "
        "A lake held by drumlins is rare.")


def test_a_definition_after_a_blank_on_its_term_passes_the_threshold_below_new_questions() -> None:
    document = read_document(TEXT, Path("ice.md"))
    terms = find_terms(document)
    first, second, third, _ = document.sentences
    blank = _cloze(first, "moraine")
    again = _cloze(second, "moraine")  # a second blank on one answer: still left out
    defined = _definition("moraine", "a ridge of rock and soil a glacier leaves at its edge")
    other = _cloze(third, "drumlins")
    scores = rate([blank, other, again, defined], terms, TEXT)
    assert scores[0].score >= THRESHOLD and scores[1].score >= THRESHOLD
    assert scores[2].score < THRESHOLD
    assert THRESHOLD <= scores[3].score < scores[1].score
    assert "this asks what it is" in scores[3].note()


def test_a_definition_after_the_term_blanked_in_its_plural_passes_too() -> None:
    document = read_document(TEXT, Path("ice.md"))
    terms = find_terms(document)
    blank = _cloze(document.sentences[2], "drumlins")
    defined = _definition("drumlin", "a long low hill the ice shaped, its blunt end upstream")
    scores = rate([blank, defined], terms, TEXT)
    assert THRESHOLD <= scores[1].score < scores[0].score


def test_a_second_definition_of_one_term_stays_under_the_threshold() -> None:
    document = read_document(TEXT, Path("ice.md"))
    terms = find_terms(document)
    first = _definition("moraine", "a ridge of rock and soil a glacier leaves at its edge")
    second = _definition("moraine", "the debris a glacier heaps up where it stops")
    scores = rate([first, second], terms, TEXT)
    assert scores[0].score >= THRESHOLD > scores[1].score


def test_a_definition_after_a_blank_whose_sentence_gave_the_meaning_stays_under_the_threshold() -> None:
    text = ("An **esker** is a long winding ridge of sand that a river under the ice laid down. "
            "The plain north of the lake is crossed by eskers.")
    document = read_document(text, Path("ridges.md"))
    terms = find_terms(document)
    blank = _cloze(document.sentences[0], "esker")
    # the same meaning in other words: the sentence above already asked what an esker is
    restated = _definition("esker", "a winding ridge of sand laid down by a river running under a glacier")
    scores = rate([blank, restated], terms, text)
    assert scores[0].score >= THRESHOLD > scores[1].score
    assert "asked 1× above" in scores[1].note()
    # a blank that only uses the term leaves its meaning to ask
    used = _cloze(document.sentences[1], "eskers")
    scores = rate([used, restated], terms, text)
    assert THRESHOLD <= scores[1].score < scores[0].score
