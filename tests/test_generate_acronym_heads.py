"""The word after an acronym in brackets joins it as a head noun ('(GFP) marker'), never as a verb."""

from __future__ import annotations

from quizmg.generate.acronym_heads import verb_after_acronym
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.term_finding import find_terms
from quizmg.model import Cloze

# A section whose acronyms are followed by verbs of every shape (a plain form after a plural subject with
# 'that', an -s form, a past form, an adverb) and by real head nouns.
SURVEY = """# Surveys of Household Spending

Renters of low household net worth (HNW) say that rising rents take most of their pay.
The Office of Price Records (OPR) collects prices in ninety towns every month.
The Household Spending Survey (HSS) began in 1950 and asks ten thousand homes about their bills.
The green fluorescent protein (GFP) marker glows under blue light, and the GFP marker shows where a gene is on.
The national price board (NPB) regularly compares the prices of one basket of goods across towns.
A question may be dropped by the Survey Review Team (SRT) when it proves unclear.
Most homes answer the survey by post, and the GFP marker is used in a lab.
"""


def test_a_verb_after_an_acronym_is_not_a_head_noun() -> None:
    nouns: set[str] = set()
    assert verb_after_acronym("say", ["that", "rising"], set(), nouns)  # 'that' opens its clause
    assert verb_after_acronym("collects", ["prices", "in"], set(), nouns)  # the -s form of a listed verb
    assert verb_after_acronym("conducted", ["by"], set(), nouns)  # a past form
    assert verb_after_acronym("began", ["in", "1950"], set(), nouns)
    # a past form in -ed of four letters, and 'to' with a plain verb in -ss: 'the Road Safety Check (RSC)
    # used to assess drivers' had made the term 'RSC used'
    assert verb_after_acronym("used", ["to", "assess", "drivers"], set(), nouns)
    assert verb_after_acronym("stands", ["to", "address", "it"], set(), nouns)
    assert not verb_after_acronym("marker", ["to", "cells"], set(), nouns)
    assert verb_after_acronym("regularly", ["compares"], set(), nouns)  # an adverb
    assert verb_after_acronym("lists", ["two", "kinds"], set(), nouns)  # a number opens its object
    assert verb_after_acronym("blends", ["flour"], {"blend"}, nouns)  # the text uses 'blend' as a verb


def test_a_head_noun_after_an_acronym_is_kept() -> None:
    assert not verb_after_acronym("marker", ["glows"], set(), set())
    assert not verb_after_acronym("polymerase", ["that", "copies"], set(), {"polymerase"})  # 'the polymerase'
    assert not verb_after_acronym("tests", ["that", "detect"], {"test"}, {"test"})  # 'a test' elsewhere
    assert not verb_after_acronym("cell,", ["a", "second"], set(), set())  # a name ends at the comma
    assert not verb_after_acronym("scans.", ["These"], {"scan"}, set())


def test_the_term_finder_stops_an_acronym_before_its_verb() -> None:
    found = {term.text.lower() for term in find_terms(read_document(SURVEY, "survey.md")).terms.values()}
    assert "hnw say" not in found and "household net worth say" not in found
    assert "opr collects" not in found
    assert "npb regularly" not in found
    assert "hss began" not in found
    assert "gfp marker" in found  # a head noun the text uses twice


def test_a_cloze_on_a_spelled_out_acronym_leaves_its_verb_outside_the_blank() -> None:
    questions = draft_deck(SURVEY, "survey.md", keep_all=True).deck.questions
    answers = [q.answer_text().lower() for q in questions if isinstance(q, Cloze)]
    assert answers  # the section has clozes to look at
    assert not any(a.endswith((" say", " collects", " regularly")) for a in answers), answers
