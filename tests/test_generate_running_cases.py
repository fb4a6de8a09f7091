"""A case set up under a name the text has not used before ('Suppose the Chilean peso ...', 'Imagine a
farm in Kenya ...') runs on past its paragraph: a later sentence of the same section that names it, and
the rest of a paragraph that opens by naming it, tell the case, so only a key term the text marks is asked
there. A case whose opening is left out of the text read (it reads a graph not shown) still runs on to the
end of its paragraph. A name the text used before the case, or a new section, ends it."""

from __future__ import annotations

from quizmg.generate.document import read_document
from quizmg.generate.told import STORY, running_cases

PESO = """# Pegged currencies

## Holding a peg

A **currency board** keeps a currency at a fixed rate by holding reserves.

Suppose the Chilean peso trades at 800 pesos to the dollar and the bank wants 900.
The bank then sells pesos and buys dollars until the rate moves.

The Chilean bank could also cut its interest rates. Lower rates make deposits in pesos less attractive.

A country that pegs its currency gives up its own **monetary policy**.

## Floating

A floating currency finds its own price in the market. The Chilean economist Ruiz argued for floating.
"""


def test_a_case_under_a_new_name_runs_on_through_its_section() -> None:
    told = [(s.text.split(" ", 2)[1], s.told) for s in read_document(PESO, "peso.md").sentences]
    assert told == [
        ("currency", ""),
        ("the", STORY),  # the case's opening and the rest of its paragraph, as before
        ("bank", STORY),
        ("Chilean", STORY),  # a later paragraph of the section that opens by naming the case
        ("rates", STORY),  # ... and the rest of that paragraph
        ("country", ""),  # the prose goes on
        ("floating", ""),  # another section: the case is over
        ("Chilean", ""),
    ]


def test_a_name_the_text_used_before_the_case_is_no_case_name() -> None:
    pieces = [
        ("Money", True, "The Federal Reserve sets the interest rate banks pay."),
        ("Money", True, "Suppose the Federal Reserve raises the rate by a point."),
        ("Money", True, "The Federal Reserve also buys bonds in the market."),
    ]
    assert running_cases(pieces) == [False, False, False]
    fresh = [(section, opens, text.replace("Federal Reserve", "Bank of Ghana")) for section, opens, text in pieces[1:]]
    assert running_cases(fresh) == [False, True]


LOST = """# Rates

## A graph

Suppose the rate starts at E₀ on the graph and a fall in demand moves it. The **quantity supplied** then exceeds demand.
"""


def test_a_case_whose_opening_was_left_out_still_runs_to_its_paragraph_end() -> None:
    document = read_document(LOST, "rates.md")
    assert [(s.text.split()[0], s.told) for s in document.sentences] == [("The", STORY)]
