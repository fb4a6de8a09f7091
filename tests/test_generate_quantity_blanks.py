"""A blank over a quantity's words ('12 [million years]') or a grade without its noun ('The [best known] is
...') names no thing a text teaches; the term the sentence does teach is still blanked.

Every text here is written for the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.quality import bad_blank
from quizmg.generate.term_finding import find_terms
from quizmg.model import Cloze

ROCKS = """# Old rocks

The oldest granite in the valley is about 3 million years old. Sandstone there formed over 40 million years.
Glaciers carved the upper valley during the last few million years, leaving moraines across its floor.
Moraines are ridges of rock that a glacier pushes ahead of it and leaves behind when it melts.
Many moraines hold boulders of granite carried from the far end of the valley.
The best known is the long moraine below the village, which the old road follows.
Of all the valley's landforms, the best known are its moraines and the gorge below the lake.
"""


def test_a_quantitys_words_or_a_bare_grade_are_no_blank() -> None:
    terms = find_terms(read_document(ROCKS, Path("rocks.md")))
    for text in ("The oldest granite in the valley is about 3 million years old.",
                 "Glaciers carved the upper valley during the last few million years, leaving moraines."):
        start = text.index("million years")
        assert bad_blank("million years", text, start, start + len("million years"), terms) is not None, text
    graded = "The best known is the long moraine below the village."
    start = graded.index("best known")
    assert bad_blank("best known", graded, start, start + len("best known"), terms) is not None
    plain = "Many moraines hold boulders of granite carried from the far end of the valley."
    start = plain.index("moraines")
    assert bad_blank("moraines", plain, start, start + len("moraines"), terms) is None


def test_no_fill_in_asks_for_a_quantity_or_a_grade() -> None:
    deck = draft_deck(ROCKS, "rocks.md", keep_all=True, max_questions=40).deck
    answers = {q.answer_text().lower() for q in deck.questions if isinstance(q, Cloze)}
    assert not answers & {"million years", "best known"}, answers
