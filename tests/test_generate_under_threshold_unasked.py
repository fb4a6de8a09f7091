"""A question under the threshold is left out of the deck: it counts as asked for none that follow."""

from __future__ import annotations

from pathlib import Path

from candidate_support import cloze_candidate as _cloze

from quizmg.generate.document import read_document
from quizmg.generate.term_finding import find_terms
from quizmg.generate.trust import THRESHOLD, rate

TEXT = ("Rivers carry **silt** to the sea. The **delta** grows where the **current** slows. "
        "Many tidal channels shift after each storm. "
        "Narrow winding passages cut through the mud flats; these are called tidal channels.")


def test_a_blank_left_out_does_not_hold_down_a_later_one_on_its_answer() -> None:
    document = read_document(TEXT, Path("river.md"))
    terms = find_terms(document)
    passing = _cloze(document.sentences[2], "tidal channels")  # an unmarked name, in passing
    named = _cloze(document.sentences[3], "tidal channels")  # the sentence gives the name
    scores = rate([passing, named], terms, TEXT)
    assert scores[0].score < THRESHOLD
    assert scores[1].score >= THRESHOLD
    assert "also asked" not in scores[1].note()


def test_a_blank_in_the_deck_still_holds_down_a_second_one_on_its_answer() -> None:
    document = read_document(TEXT, Path("river.md"))
    terms = find_terms(document)
    named = _cloze(document.sentences[3], "tidal channels")
    passing = _cloze(document.sentences[2], "tidal channels")
    scores = rate([named, passing], terms, TEXT)
    assert scores[0].score >= THRESHOLD > scores[1].score
