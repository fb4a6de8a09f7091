"""A glossary line that is a noun with a clause that has no 'that' ('the time it takes to ...') is a noun
phrase: it is asked 'What is the term for the time it takes ...?', not left out as a clause nor asked 'What
is it called when the time it takes ...?'.

Every text here is written for the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.bank import bank_from_deck
from quizmg.generate.contact_clauses import contact_clause
from quizmg.generate.draft import draft_deck
from quizmg.generate.glossary_statements import statement_prompt
from quizmg.model import Short


def _shorts(text: str) -> dict[str, str]:
    draft = draft_deck(text, Path("notes.md"), keep_all=True, max_questions=200)
    return {q.prompt: q.answer.lower() for q in bank_from_deck(draft.deck).questions if isinstance(q, Short)}


def test_a_noun_with_a_clause_of_its_own_subject_is_a_contact_clause() -> None:
    assert contact_clause("the hours it takes a loaf to rise in a cool room")
    assert contact_clause("the heat a kiln must reach before the glaze melts")
    assert contact_clause("the way people judge a dough by its feel")


def test_a_clause_or_a_plain_phrase_is_not() -> None:
    assert not contact_clause("the baker shapes a loaf by hand")  # the verb comes before 'a'
    assert not contact_clause("a kiln that fires tiles")
    assert not contact_clause("the weight of a loaf after baking")
    assert not contact_clause("the method whereby a baker folds the dough")
    assert not contact_clause("hours it takes a loaf to rise")  # no article: 'a hours it takes' would not read


def test_a_contact_clause_is_no_state_of_affairs() -> None:
    assert statement_prompt("the hours it takes a loaf to rise in a cool room", "proving time") is None


def test_a_glossary_line_with_a_contact_clause_is_asked_as_a_phrase() -> None:
    shorts = _shorts(
        "# Baking\n\nEvery loaf needs its proving time. A hot kiln has a firing point. "
        "Bakers note the proving time of each dough, and potters the firing point of each clay.\n\n"
        "### Glossary\n\n"
        "proving time\n: the hours it takes a loaf to rise in a cool room\n\n"
        "firing point\n: the heat a kiln must reach before the glaze melts\n"
    )
    assert shorts.get("What is the term for the hours it takes a loaf to rise in a cool room?") == "proving time", \
        shorts
    assert shorts.get("What is the term for the heat a kiln must reach before the glaze melts?") == "firing point", \
        shorts
