"""Multiple choice: a name the text gives a marked term as 'X or Y' (one head noun) is no wrong choice.

The texts are written for these tests in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from drafting import term

from quizmg.generate.document import read_document
from quizmg.generate.peers import Peers
from quizmg.generate.term_finding import find_terms
from quizmg.generate.terms import simplify

LOANS = f"""---
title: "Loans at the harbour bank"
---

A loan has a {term("repayment rate")} or interest rate, which the bank sets each spring. The interest rate
rises when money is scarce, and the interest rate falls when the harbour trade is good. The repayment rate
is paid every month. {term("Positive feedback")} or negative feedback can follow a change in trade.
Negative feedback steadies trade, and positive feedback speeds a change.
"""


def test_a_marked_term_and_its_everyday_name_joined_by_or_are_one_thing() -> None:
    document = read_document(LOANS, Path("loans.md"))
    terms = find_terms(document)
    peers = Peers(terms, (simplify(s.text) for s in document.sentences))
    rate, interest = terms.get("repayment rate"), terms.get("interest rate")
    assert rate is not None and interest is not None
    assert interest.key in peers.renamed.get(rate.key, set())
    # Opposites joined by 'or' are two things.
    positive, negative = terms.get("positive feedback"), terms.get("negative feedback")
    assert positive is not None and negative is not None
    assert negative.key not in peers.renamed.get(positive.key, set())
