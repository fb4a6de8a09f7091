"""A wrong choice that names a kind of the answer by its make-up is right as well, and two smaller
cuts of a drafted claim (seen on fresh sections): a subject whose pointer is cut ('These large,
lipophilic molecules bind to ...' asked as 'Lipophilic molecules bind to ergosterol.'), and a sentence
that denies ('Nor is the trade balance determined by ...') asked as true/false."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.conditions import cut_short_side
from quizmg.generate.document import read_document
from quizmg.generate.name_kinds import kind_by_name
from quizmg.generate.questions import Drafter
from quizmg.generate.term_finding import find_terms
from quizmg.model import TrueFalse


def test_a_name_with_a_piece_put_in_is_a_kind_of_the_other() -> None:
    assert kind_by_name("antiviral drugs", "antiretroviral drugs")
    assert kind_by_name("Staphylokinases", "kinases")
    assert kind_by_name("keratitis", "keratoconjunctivitis") is False
    assert kind_by_name("conjunctivitis", "keratoconjunctivitis")
    # Siblings, opposites, a prefix making another compound, a match of letters that is no word: none nests.
    assert not kind_by_name("streptokinases", "staphylokinases")
    assert not kind_by_name("hypothyroidism", "hyperthyroidism")
    assert not kind_by_name("calcium oxide", "calcium hydroxide")
    assert not kind_by_name("glycolysis", "glycogenolysis")
    assert not kind_by_name("antifungal drugs", "antiviral drugs")


def test_a_subject_whose_pointer_is_cut_is_cut_short() -> None:
    assert cut_short_side("These long, waxy chains coat the leaves of desert plants.", "waxy chains", "the leaves")
    assert cut_short_side("This enzyme splits starch into sugars.", "enzyme", "starch") == "This enzyme"
    assert cut_short_side("Waxy chains coat the leaves of desert plants.", "Waxy chains", "the leaves") == ""
    assert cut_short_side("In this way, waxes coat the leaves.", "waxes", "the leaves") == ""
    assert cut_short_side("This is why thick wax can seal the leaves.", "thick wax", "the leaves") == ""


def test_a_sentence_that_denies_with_nor_is_no_true_false() -> None:
    text = """# Trade

A **tariff** raises the price of imported steel in the home market.
Nor is the price of steel set by the government in a market economy.
Neither does a **quota** raise the revenue of the government.
A **quota** limits the quantity of steel that can be imported each year.
"""
    document = read_document(text, Path("trade.md"))
    drafter = Drafter(find_terms(document), len(document.sentences), set(range(len(document.sentences))),
                      document.sentences)
    statements = [candidate.question.statement for sentence in document.sentences
                  for candidate in drafter.draft(sentence) if isinstance(candidate.question, TrueFalse)]
    assert not any(s.lower().startswith(("nor ", "neither ")) for s in statements), statements
