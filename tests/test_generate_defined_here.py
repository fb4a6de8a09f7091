"""A term the text introduces in words ('... are called [strains]') counts as marked, as bold would.

In a text that marks its key terms in bold, a blank on a word it does not mark falls under the threshold:
most such words are not what the section teaches. But a textbook also brings in terms in running prose,
with a verb of naming or as the subject of a definition. Those blanks are drafted, over the threshold,
still after the terms the text marks. The document is written for the test.
"""

from __future__ import annotations

import re

from quizmg.generate.draft import draft_deck
from quizmg.model import Cloze

SECTION = """# Growth of Microbial Populations

A **culture** is a population of microorganisms grown in a nutrient medium. The **lag phase** comes first, \
while the cells adjust to the medium and make the enzymes they need. In the **log phase**, the number of cells \
doubles at a steady rate. A population reaches the **stationary phase** when nutrients run short and as many \
cells die as divide.

Bacteria that cannot grow without oxygen are called obligate aerobes. Obligate aerobes use oxygen as the final \
electron acceptor of their respiration. Bacteria that grow without oxygen and are killed by it are called \
obligate anaerobes. The number of cells can be counted under a microscope with a special slide called a \
counting chamber. Microbiologists compare growth curves to choose the medium for each organism.

The final stage is the death phase, in which more cells die than divide. A so-called persister cell survives \
the death phase in a dormant state.
"""

_SCORE = re.compile(r"Draft score (\d+)/100: (.*)")


def _cloze_answers() -> dict[str, tuple[int, int, str]]:
    """Each drafted cloze's answer -> (place in the deck, score, reasons)."""
    deck = draft_deck(SECTION, "growth.md", keep_all=True).deck
    found = {}
    for place, question in enumerate(deck.questions, 1):
        if isinstance(question, Cloze):
            match = _SCORE.search(question.explanation)
            assert match, question.explanation
            found.setdefault(question.answer_text(), (place, int(match.group(1)), match.group(2)))
    return found


def test_a_term_named_in_words_is_over_the_threshold_after_the_marked_terms() -> None:
    answers = _cloze_answers()
    marked = [answers[term][0] for term in ("lag phase", "log phase", "stationary phase") if term in answers]
    assert marked, sorted(answers)
    for named in ("obligate aerobes", "obligate anaerobes"):
        assert named in answers, sorted(answers)
        place, score, reasons = answers[named]
        assert score >= 60, reasons
        assert "its sentence names or defines it" in reasons
        assert all(other < place for other in marked)


def test_an_ordinal_or_a_name_in_passing_stays_under_the_threshold() -> None:
    answers = _cloze_answers()
    for answer in ("final stage", "persister cell"):
        if answer in answers:
            assert answers[answer][1] < 60, answers[answer]
