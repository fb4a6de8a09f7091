"""'The Y ... is called X' with a relative clause in Y is a definition: a 'to be' after 'that', 'which' or 'in
which' belongs to the noun phrase ('the season in which the river is frozen'), while one before any relative
word opens a clause of its own ('the river is called a stream and the lake ...'). A small word ending in s
before an article ('as the result of') is no verb. Every text here is written for the test, in the
project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.bank import bank_from_deck
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.term_finding import find_terms
from quizmg.model import Short

TEXT = (
    "# Rivers\n\n"
    "The season in which the upper river is frozen solid is called the ice time. "
    "Boats that are carried overland between two rivers are known as portage boats. "
    "Floods that come as the result of a sudden thaw are called melt floods. "
    "Every spring the ice time ends, the portage boats go back on the water and the melt floods begin.\n"
)


def test_a_relative_clause_with_to_be_still_defines() -> None:
    terms = find_terms(read_document(TEXT, Path("rivers.md")))
    assert terms.get("ice time").definition == "the season in which the upper river is frozen solid"
    assert terms.get("portage boats").definition == "boats that are carried overland between two rivers"
    assert terms.get("melt floods").definition == "floods that come as the result of a sudden thaw"


def test_the_term_is_asked_by_its_definition() -> None:
    draft = draft_deck(TEXT, Path("rivers.md"), keep_all=True, max_questions=100)
    shorts = {q.prompt: q.answer.lower() for q in bank_from_deck(draft.deck).questions if isinstance(q, Short)}
    assert shorts.get("What is the term for the season in which the upper river is frozen solid?") == "ice time", \
        shorts


def test_a_clause_of_its_own_is_no_definition() -> None:
    from quizmg.generate.definitions import _own_predicate

    assert _own_predicate("the river is called a stream and the lake")
    assert _own_predicate("the wide river is deep where the valley")
    assert not _own_predicate("the season in which the upper river is frozen solid")
    assert not _own_predicate("boats that are carried overland")
