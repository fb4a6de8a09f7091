"""A question whose answer a higher-ranked question shows, saying the same of it, is given away.

Seen on set 9 (photosynthesis): 'Noncyclic photophosphorylation is used in [...] when there is a need for
both ATP and NADPH production' ranked above 'If the cell requires both ATP and NADPH for biosynthesis, then
it will carry out [noncyclic photophosphorylation].'
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.facts import claim_of, shown_above
from quizmg.generate.questions import Candidate
from quizmg.generate.term_finding import find_terms
from quizmg.generate.trust import THRESHOLD, rate
from quizmg.model import Cloze

KILN = (
    "**Salt glazing** is used in **wood kilns** when a potter needs both orange peel texture and flashing colour. "
    "If the potter requires both orange peel texture and flashing colour on a tall jar, the firing crew must throw "
    "rock salt into the firebox late in the firing, a method called **salt glazing**. "
    "A **bisque firing** hardens the clay before glazing, and salt glazing follows it."
)


def _cloze(text: str, answer: str, sentence) -> Candidate:
    return Candidate(Cloze(id=answer.replace(" ", "-"), text=text), 1.0, frozenset(), answer, sentence)


def test_an_answer_shown_above_with_what_is_said_of_it_is_given_away() -> None:
    document = read_document(KILN, Path("kiln.md"))
    terms = find_terms(document)
    first, second, third = document.sentences
    above = _cloze("Salt glazing is used in {{c1::wood kilns}} when a potter needs both orange peel texture and "
                   "flashing colour.", "wood kilns", first)
    below = _cloze("If the potter requires both orange peel texture and flashing colour on a tall jar, the firing "
                   "crew must throw rock salt into the firebox late in the firing, a method called "
                   "{{c1::salt glazing}}.", "salt glazing", second)
    # The same term shown above in another relation gives nothing away.
    other = _cloze("A {{c1::bisque firing}} hardens the clay before glazing, and salt glazing follows it.",
                   "bisque firing", third)
    rated = rate([above, below, other], terms, KILN)
    assert rated[0].score >= THRESHOLD
    assert rated[1].score < THRESHOLD
    assert "a higher-ranked question shows its answer and says the same of it" in rated[1].reasons
    assert rated[2].score >= THRESHOLD, rated[2]


def test_the_same_words_scattered_are_not_the_answer_shown() -> None:
    above = claim_of(Cloze(id="a", text="Prices of final goods or outputs bought in the {{c1::economy}} rise."),
                     "economy", asks_term=True)
    below = claim_of(Cloze(id="b", text="Suppliers react to higher prices for {{c1::final outputs}} bought."),
                     "final outputs", asks_term=True)
    assert not shown_above(below, above)
