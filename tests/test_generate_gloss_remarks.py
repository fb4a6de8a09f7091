"""A bracket, dash or colon after a marked term that holds a remark, not the term's meaning, is no gloss:
a word to the reader, what the text adds or how things stand now, the word's name in another language, a
list the sentence counts, or the meaning of a longer phrase the term ends.

Every text here is written for the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.term_finding import find_terms
from quizmg.model import Short

TERM = '{: data-type="term"}'

REMARKS = f"""# Rivers and towns

The largest island in the lake, **Halmo**{TERM} (don’t mix it up with the town of Holmo), has steep cliffs.

The table lists the big **harbours**{TERM} (plus our own small jetty for comparison) along the coast.

The valley once had two **ferry crossings**{TERM} (now five, including the one at the mill) across the river.

The river was named **Vedra**{TERM} (the old local name for a running stream) by the first settlers.

The length of the Kell’s **main channel**{TERM} (the line that joins its source to its mouth) is forty kilometres.

Three things decide a town’s **water supply**{TERM}: the size of its catchment, its rainfall, and its wells.

If the well water made you ill once, you have a **water aversion**{TERM}: you’ve learned to avoid it for years.

A **weir**{TERM} (a low wall that holds back the water of a river) slows the flow.
"""


def _glosses(text: str) -> dict[str, str]:
    terms = find_terms(read_document(text, Path("rivers.md")))
    return {t.text: t.definition or "" for t in terms.terms.values() if t.definition_source == "gloss"}


def test_a_remark_beside_a_term_is_no_gloss() -> None:
    glosses = _glosses(REMARKS)
    for term in ("Halmo", "harbours", "ferry crossings", "Vedra", "main channel", "water supply", "water aversion"):
        assert term not in glosses, (term, glosses.get(term))
    assert glosses.get("weir") == "a low wall that holds back the water of a river", glosses


def test_remarks_are_not_asked_as_definitions() -> None:
    draft = draft_deck(REMARKS, Path("rivers.md"), max_questions=40, keep_all=True)
    prompts = [q.prompt for q in draft.deck.questions if isinstance(q, Short)]
    for words in ("don’t", "plus our", "now five", "local name", "the line that joins", "the size of its",
                  "you’ve"):
        assert not any(words in prompt for prompt in prompts), (words, prompts)
    assert "What is the term for a low wall that holds back the water of a river?" in prompts, prompts
