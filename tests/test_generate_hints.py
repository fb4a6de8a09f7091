"""`quizmg generate`: a category hint is one the text gives the term itself, or none.

The texts are written for these tests in the project's own words.
"""

from __future__ import annotations

import re

from drafting import drafter as _drafter
from drafting import term

from quizmg.generate.draft import draft_deck
from quizmg.model import Cloze


def test_a_category_hint_is_one_the_text_names_for_the_term_or_none() -> None:
    text = f"""---
title: "Ponds"
---

The enzyme {term("urease")} splits urea into ammonia in the pond's mud.
After it fell sharply during the {term("Long Drought")}, the measure has risen again and is back to normal.
During the Long Drought the level of the pond dropped by half and many fish died.
Algae bloom in summer, when warm water and the run-off from the fields feed them.
Snails graze the {term("biofilm")}, a thin film of microbes that covers the stones.
The biofilm grows back within a week after the snails have moved on.
The mud holds so much urease that a sample foams when urea is added to it.
"""
    deck = draft_deck(text, "ponds.md", max_questions=60, keep_all=True).deck
    hints = {
        re.sub(r"::.*", "", m.group(1)): m.group(2)
        for q in deck.questions if isinstance(q, Cloze)
        for m in re.finditer(r"\{\{c1::([^}]*?)(?:::([^}]*))?\}\}", q.text)
    }
    assert "Long Drought" in hints and hints["Long Drought"] is None  # 'the measure has risen': a clause
    assert hints.get("urease") in {None, "enzyme"}
    drafter, terms = _drafter(text)
    assert drafter.peers.hint(terms.get("urease")) == "enzyme"  # type: ignore[attr-defined]
    assert drafter.peers.hint(terms.get("biofilm")) is None  # type: ignore[attr-defined]  # 'film' names no kind


def test_no_hint_from_a_compound_noun_a_verb_or_a_noun_phrase_that_is_not_the_subject() -> None:
    text = f"""---
title: "Roots"
---

Water enters through the root {term("epidermis")} and then moves inward towards the centre of the root.
Salts cross the plant {term("cortex")} on their way to the vessels that carry them upwards.
The end of the {term("xylem")} is a tube that opens into the leaf.
In each step through the xylem, the water loses pressure, but the pull from the leaves keeps it moving.
The hormone {term("auxin")} gathers on the shaded side of a growing shoot.
Auxin makes the cells on that side grow longer, so the shoot bends towards the light.
"""
    drafter, terms = _drafter(text)
    for name in ("epidermis", "cortex", "xylem"):
        assert drafter.peers.hint(terms.get(name)) is None, name  # type: ignore[attr-defined]
    assert drafter.peers.hint(terms.get("auxin")) == "hormone"  # type: ignore[attr-defined]


def test_a_category_hint_comes_from_the_terms_own_apposition_never_from_the_next_item_of_a_list() -> None:
    text = f"""---
title: "A Dairy"
---

The cheese maker tests the milk for {term("casein")}, the {term("rennet")} enzyme, and spores of mould.
The enzyme rennet curdles warm milk within the hour.
Casein gives the curd its firm, springy texture after pressing.
{term("Lactose")}, a sugar found in milk, ferments into lactic acid in the vat.
"""
    drafter, terms = _drafter(text)
    assert drafter.peers.hint(terms.get("casein")) is None  # type: ignore[attr-defined]
    assert drafter.peers.hint(terms.get("lactose")) == "sugar"  # type: ignore[attr-defined]


def test_no_hint_from_a_thing_that_undergoes_or_does_an_act() -> None:
    # 'the acid corrosion of pipes' is corrosion by an acid, not an acid named corrosion; 'the hormone
    # secretion' is the secreting of a hormone. A noun for acts ('the process X') still names one.
    text = f"""---
title: "Pipes"
---

Old iron pipes fail through the acid {term("corrosion")} of their inner walls.
{term("Corrosion")} eats the metal fastest where the water stands still for days.
The gland controls the hormone {term("secretion")} of the whole body at night.
Secretion stops for a while after a large meal.
The process {term("galvanization")} coats the iron with a thin layer of zinc.
Galvanization keeps a pipe sound for many years.
"""
    drafter, terms = _drafter(text)
    assert drafter.peers.hint(terms.get("corrosion")) is None  # type: ignore[attr-defined]
    assert drafter.peers.hint(terms.get("secretion")) is None  # type: ignore[attr-defined]
    assert drafter.peers.hint(terms.get("galvanization")) == "process"  # type: ignore[attr-defined]
