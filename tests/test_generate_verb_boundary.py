"""A blank is a noun phrase: a subject's verb after it ends the term, never joins it.

Seen on held-out set 7: '[EIAs rely] on the ability of antibodies ...' (an acronym in its plural, then its
verb) and 'The [DSM-5 lists] several different subtypes of depression.' (an -s verb read as a plural noun).
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.clause_tail import verb_follows
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import TermIndex


def _terms(text: str) -> TermIndex:
    return find_terms(read_document(text, Path("t.md")))


def test_the_word_after_a_plural_acronym_is_its_verb_not_a_head_noun() -> None:
    text = ("Radio telescopes (RTs) gather faint signals from distant galaxies. "
            "RTs gather more signal when their dishes are wider.")
    terms = _terms(text)
    assert terms.get("RTs gather") is None
    assert terms.get("RTs") is not None
    # A singular acronym still takes a head noun: 'the ADC board'.
    singular = _terms("An analog-to-digital converter (ADC) board turns voltages into numbers. "
                      "The ADC board samples the signal.")
    assert singular.get("ADC board") is not None


def test_a_number_or_quantifier_after_a_phrase_shows_its_last_word_is_a_verb() -> None:
    assert verb_follows(["several", "subtypes"])
    assert verb_follows(["two", "general"])
    assert verb_follows(["many", "forms"])
    assert not verb_follows(["of", "depression"])
    assert not verb_follows(["are", "listed"])


def test_a_recurring_name_and_an_s_verb_before_a_quantifier_is_no_term() -> None:
    text = (
        "The **handbook** of rock climbing covers knots and belaying. "
        "The **belay device** locks the rope when a climber falls. "
        "The **harness** spreads the load across the hips. "
        "The CLH-2 lists two grades of anchor strength. "
        "The CLH-2 lists several kinds of rope failure. "
        "A climber checks each **anchor** before the climb."
    )
    assert _terms(text).get("CLH-2 lists") is None
    draft = draft_deck(text, "climb.md", max_questions=20, keep_all=True)
    answers = {q.model_dump().get("text", "") for q in draft.deck.questions}
    assert not any("CLH-2 lists}}" in answer for answer in answers)


def test_a_blank_after_the_most_cuts_an_adjective_from_its_adverb() -> None:
    # Seen on set 9: 'The most [abundant elements] in cells are hydrogen, carbon, ...'.
    from quizmg.generate.quality import bad_blank

    text = "The most **abundant gases** in air are nitrogen and oxygen. **Argon** is a noble gas in air."
    terms = find_terms(read_document(text, Path("air.md")))
    context = "The most abundant gases in air are nitrogen and oxygen."
    start = context.index("abundant gases")
    why = bad_blank("abundant gases", context, start, start + len("abundant gases"), terms)
    assert why is not None and "graded" in why
    later = "Argon is a noble gas in air."
    assert bad_blank("Argon", later, 0, 5, terms) is None
