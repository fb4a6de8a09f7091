"""`quizmg generate`: the text's own lists, read as lists, give the wrong choices of a multiple choice.

The texts are written for these tests in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from drafting import drafter as _drafter
from drafting import term

from quizmg.generate.document import read_document
from quizmg.generate.peers import Peers
from quizmg.generate.term_finding import find_terms


def test_lists_are_read_as_lists_and_joined_clauses_are_not() -> None:
    text = f"""---
title: "Lists"
---

The shop sells {term("apples")}, {term("pears")}, and {term("plums")} from the valley.
The farmer grows {term("barley")}, and {term("sheep")} graze the hills above the farm in summer.
Wool from the sheep and {term("flax")} from the lowland fields go to the mill in the town.
"""
    document = read_document(text, Path("lists.md"))
    terms = find_terms(document)
    from quizmg.generate.terms import simplify

    peers = Peers(terms, (simplify(s.text) for s in document.sentences))
    assert peers.listed["apples"] == {"pears", "plums"}
    assert "sheep" not in peers.listed.get("barley", set())  # ', and' joined two clauses


def test_a_unit_after_a_number_is_no_list_item_and_a_plural_in_the_sentence_is_no_wrong_choice() -> None:
    text = f"""---
title: "Tyres"
---

A car tyre with a {term("front pressure")} of 32 {term("psi")} and a {term("rear pressure")} of 30 psi grips well.
The {term("side pressure")}, {term("rim pressure")}, and {term("valve pressure")} matter less on a dry road.
A {term("worn tyre")} is either a {term("bald tyre")} or a {term("cracked tyre")}, and a {term("flat tyre")} is neither.
Drivers who check the front pressure every week wear out their tyres more slowly.
"""
    drafter, terms = _drafter(text)
    assert "psi" not in drafter.peers.listed.get("rear pressure", set())
    sentence = "The two main kinds of worn tyres are the _____ and the cracked tyre."
    wrong = drafter.distractors(terms.get("bald tyre"), sentence, count=5)  # type: ignore[attr-defined]
    assert "flat tyre" in wrong and "worn tyre" not in wrong


def test_the_texts_own_list_gives_choices_of_one_word_and_two_but_never_a_verb_glued_to_a_term() -> None:
    text = f"""---
title: "Rose Beds"
---

The beds suffer from {term("mildew")}, {term("black spot")}, {term("rust")}, {term("leaf curl")}, and
{term("include canker")}.
Black spot leaves dark rings on the leaves and spreads in wet weather.
Mildew coats the young shoots in a white dust during dry, warm spells.
Rust shows as orange pustules under the leaves late in the summer.
Leaf curl twists the new growth until the leaves drop.
"""
    drafter, terms = _drafter(text)
    wrong = drafter.distractors(terms.get("black spot"), count=6)  # type: ignore[attr-defined]
    assert {"mildew", "rust", "leaf curl"} <= set(wrong), wrong
    assert not any(w.startswith("include") for w in wrong)


def test_two_names_after_a_naming_verb_are_one_thing_not_two_choices() -> None:
    text = f"""---
title: "Tides"
---

The tide at new moon, often called the {term("king tide")} or the {term("perigean tide")}, floods the road.
A {term("neap tide")} barely moves the water line, while a {term("spring tide")} moves it a long way.
A {term("high tide")} floods the lower road twice a month in spring.
The king tide brings the sea over the harbour wall once or twice a year.
"""
    drafter, terms = _drafter(text)
    wrong = drafter.distractors(terms.get("king tide"), count=5)  # type: ignore[attr-defined]
    assert "perigean tide" not in wrong and "neap tide" in wrong, wrong
