"""A glossary line that opens with its term's verb ('secretes ...', 'assumes ...') is asked with that verb,
never as 'What is the term for a secretes ...?', and is no longer left out as a clause.

Every text here is written for the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.bank import bank_from_deck
from quizmg.generate.draft import draft_deck
from quizmg.generate.glossary_predicates import opening_verb, predicate_prompt
from quizmg.model import Short


def _shorts(text: str) -> dict[str, str]:
    draft = draft_deck(text, Path("notes.md"), keep_all=True, max_questions=200)
    return {q.prompt: q.answer.lower() for q in bank_from_deck(draft.deck).questions if isinstance(q, Short)}


def test_a_singular_term_is_asked_what_does_it() -> None:
    assert predicate_prompt("grinds the grain between two flat stones", "quern") == (
        "What grinds the grain between two flat stones?")
    assert predicate_prompt("has no wheel and is pushed by hand", "hand quern") == (
        "What has no wheel and is pushed by hand?")


def test_a_term_that_names_its_kind_is_asked_which_kind() -> None:
    assert predicate_prompt("assumes that every buyer knows every price", "Theory of the open stall") == (
        "Which theory assumes that every buyer knows every price?")
    assert predicate_prompt("require that every sack be weighed twice", "market laws") == (
        "Which laws require that every sack be weighed twice?")


def test_a_line_about_the_word_is_asked_which_term() -> None:
    assert predicate_prompt("describes a loaf in which the crust is thicker than the crumb", "crusty") == (
        "Which term describes a loaf in which the crust is thicker than the crumb?")
    assert predicate_prompt("refers to how quickly dough rises in a warm room", "proof") == (
        "Which term refers to how quickly dough rises in a warm room?")


def test_no_verb_no_predicate() -> None:
    assert opening_verb("means a whole field, from an old word for a plot", "acre") is None  # a word's sense
    assert opening_verb("mills that run on the tide and grind twice a day", "tide mills") is None  # a plural noun
    assert opening_verb("uses of a mill pond in winter", "pond") is None  # 'uses of': a noun
    assert opening_verb("a mill that grinds by wind", "windmill") is None
    assert predicate_prompt("a mill that grinds by wind", "windmill") is None


def test_a_glossary_of_predicates_drafts_questions_that_read() -> None:
    shorts = _shorts(
        "# Mills\n\nThe quern came before the mill. A hopper sat above the stones of every mill. "
        "The hopper held grain for the quern as well.\n\n"
        "### Glossary\n\n"
        "quern\n: grinds the grain between two round stones turned by hand\n\n"
        "hopper\n: feeds the grain into the eye of the upper stone a little at a time\n"
    )
    assert shorts.get("What grinds the grain between two round stones turned by hand?") == "quern", shorts
    assert shorts.get("What feeds the grain into the eye of the upper stone a little at a time?") == "hopper", shorts
    assert not any(prompt.startswith("What is the term for a grinds") for prompt in shorts), shorts
