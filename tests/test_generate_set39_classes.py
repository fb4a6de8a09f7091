"""Classes of poor question found in a review of sealed textbook sections (set 39): a question set in quotation
marks asked as a fill-in ('... in this “[cosmic year]?”'), an article before a plural after a noun in -ing ('a
suburban housing developments'), and an article before a list ('a physiological arousal, psychological appraisal,
and subjective experience')."""

from __future__ import annotations

from quizmg.generate.draft import draft_deck
from quizmg.generate.sentence_use import asks
from quizmg.generate.short_answers import term_prompt
from quizmg.model import Cloze


def test_a_question_inside_quotation_marks_is_a_question() -> None:
    assert asks("When did other events happen in this “cosmic year?”")
    assert asks('What did the "cosmic calendar" show?"')
    assert asks("Is it a wave (or a particle?)")
    assert not asks("The “cosmic year” compresses the history of the universe into one year.")


def test_no_fill_in_is_drafted_from_a_quoted_question() -> None:
    document = ("# Time\n\nAstronomers squeeze the whole history of the universe into one **cosmic year**. "
                "The **Big Bang** opens the year at midnight on January 1. The **Milky Way** forms in the spring. "
                "When did other events in the development of the universe happen in this “cosmic year?” "
                "The **solar nebula** collapses in early September. The first **dinosaurs** appear on December 25. "
                "Modern **humans** arrive in the last minutes of December 31.\n")
    texts = [q.text for q in draft_deck(document, "time.md", keep_all=True).deck.questions if isinstance(q, Cloze)]
    assert texts and not [t for t in texts if "happen in this" in t]


def test_a_noun_in_ing_and_a_list_take_no_article_for_a_plural_or_a_list() -> None:
    assert term_prompt("suburban housing developments consisting of acres of mass-produced homes") == (
        "What is the term for suburban housing developments consisting of acres of mass-produced homes?")
    assert term_prompt("physiological arousal, psychological appraisal, and subjective experience") == (
        "What is the term for physiological arousal, psychological appraisal, and subjective experience?")
    # A singular head after a noun in -ing keeps its article; a participle in -ing still ends the phrase.
    assert term_prompt("public housing project for families") == (
        "What is the term for a public housing project for families?")
    assert term_prompt("graph summarizing conditions") == "What is the term for a graph summarizing conditions?"
