"""`quizmg generate`: a drafted claim never starts inside an abbreviation or stops inside a clause.

'A stronger U.S. dollar boosts the returns of a foreign investor putting money into a U.S. investment'
was asked as 'What does S. dollar do to the returns of a foreign investor putting money?': its subject
lost the 'U.' of 'U.S.', its object lost where the money goes. Neither side stands for what the text
says. The text here is written for this test.
"""

from __future__ import annotations

import re

from quizmg.generate.conditions import cut_short_side
from quizmg.generate.draft import draft_deck

TEXT = """# Currency and trade

A stronger U.K. pound raises the costs of a British exporter selling goods abroad.
A weaker U.K. pound lowers the returns of a British saver putting money into a foreign bond.
A weaker pound raises the price of imported fuel.
An **exchange rate**{: data-type="term"} is the price of one currency in units of another.
Exporters gain when their home currency weakens, and importers lose.
"""


def test_a_side_cut_from_an_abbreviation_or_a_clause_is_found() -> None:
    sentence = "A weaker U.K. pound lowers the returns of a British saver putting money into a foreign bond."
    assert cut_short_side(sentence, "K. pound", "the returns") == "K. pound"
    assert cut_short_side(sentence, "A weaker U.K. pound", "the returns of a British saver putting money") \
        == "the returns of a British saver putting money"
    assert cut_short_side("A weaker pound raises the price of imported fuel.", "A weaker pound",
                          "the price of imported fuel") == ""


def test_no_question_asks_a_claim_with_a_cut_side() -> None:
    draft = draft_deck(TEXT, "currency.md", keep_all=True)
    shown = " ".join(
        getattr(q, "prompt", "") + getattr(q, "statement", "") + str(getattr(q, "answer", ""))
        for q in draft.deck.questions
    )
    assert not re.search(r"(?<!U\.)K\. pound", shown)  # 'U.K. pound' whole is the text's own subject
    assert "U.K. pound raises the costs of a British exporter" in shown
    assert "putting money?" not in shown and "putting money." not in shown


def test_a_definition_keeps_a_pronoun_that_ends_it() -> None:
    from quizmg.generate.document import read_document
    from quizmg.generate.term_finding import find_terms

    document = read_document(TEXT, "currency.md")
    assert find_terms(document).get("exchange rate").definition == "the price of one currency in units of another"  # type: ignore[union-attr]


def test_an_adjective_in_ing_cuts_nothing() -> None:
    sentence = "Opiates also slow the breathing centre in the brainstem."
    assert cut_short_side(sentence, "Opiates", "the breathing centre") == ""


def test_a_side_that_ends_before_the_name_it_is_given_is_cut() -> None:
    sentence = "The bacterium makes a sticky protein known as Q7, which binds to the enamel."
    assert cut_short_side(sentence, "The bacterium", "a sticky protein known") == "a sticky protein known"


def test_a_name_with_capitals_inside_keeps_them() -> None:
    from quizmg.generate.document import read_document
    from quizmg.generate.term_finding import find_terms

    text = ("# Mumps\n\nMumps is caused by the mumps virus (MuV). MuV spreads in saliva. "
            "MuV is a paramyxovirus. The protein P1 binds to saliva. P1 is an adhesin.")
    terms = find_terms(read_document(text, "mumps.md"))
    assert not [term.text for term in terms.terms.values() if term.text in {"muv", "p1"}]
