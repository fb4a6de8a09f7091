"""What names one case -- a running example, a study's own particulars, a source's year -- is no answer.

Seen on held-out set 7: '[frozen raspberries]' and 'a firm like the [raspberry farm]' (the section runs one
farm's figures through many paragraphs and calls it 'the raspberry farm example'); 'One study ... found
that suicides rose after a story ran on the front page of the [New York Times]' (a name of the study's
case, in its finding); and a psychology text whose citations' years made it read as a history.
"""

from __future__ import annotations

from quizmg.generate.details import detail_blank, tells_history
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.term_finding import find_terms
from quizmg.generate.told import STORY, running_examples
from quizmg.model import Cloze

BAKERY = """# Costs of a small firm

A firm's **fixed costs** do not change with output. Its **variable costs** rise with each unit made.
Total cost is the sum of fixed and variable costs, and every firm in the industry faces this split.
A bakery that sells sourdough loaves pays rent whatever it bakes.
The horizontal axis shows the number of sourdough loaves baked each morning; the vertical axis shows costs.
Sourdough loaves sell for four dollars at the market stall.

In the sourdough bakery example, the **marginal cost** of a loaf first falls and then rises.
A firm earns the most profit where **marginal revenue** equals marginal cost.
"""


def test_the_words_of_an_example_the_text_names_as_one_mark_its_sentences() -> None:
    assert running_examples(["In the sourdough bakery example, costs rise."]) == frozenset({"sourdough", "bakery"})
    # 'the previous example' names no case; an everyday word ('the firm example') marks nothing.
    assert running_examples(["As in the previous example, costs rise."]) == frozenset()
    assert running_examples(["In the firm example, costs rise."]) == frozenset()
    document = read_document(BAKERY, "bakery.md")
    told = {s.text: s.told for s in document.sentences}
    assert told["The horizontal axis shows the number of sourdough loaves baked each morning; the vertical "
                "axis shows costs."] == STORY
    assert told["A firm earns the most profit where marginal revenue equals marginal cost."] == ""
    draft = draft_deck(BAKERY, "bakery.md", keep_all=True)
    clozes = [q.text for q in draft.deck.questions if isinstance(q, Cloze)]
    assert not any("{{c1::sourdough loaves}}" in cloze for cloze in clozes), clozes


MOODS = """# Moods

**Depression** is a lasting low mood (Reyes, 2004). **Mania** is a state of raised mood (Okafor, 1999).
Mood disorders run in families (Lind & Marsh, 2011). Stress can start an episode (Tan, 2008).
One study of clinic records from 1950-1970 found that admissions rose in the month after a storm was reported
on the front page of the *Harbour Gazette* (Mills, 1975).
"""


def test_a_name_in_a_study_s_finding_is_a_detail_of_its_case() -> None:
    document = read_document(MOODS, "moods.md")
    terms = find_terms(document)
    sentence = next(s.text for s in document.sentences if s.text.startswith("One study"))
    start = sentence.index("Harbour Gazette")
    why = detail_blank("Harbour Gazette", sentence, start, start + len("Harbour Gazette"), terms)
    assert why is not None and "a name of its case" in why


def test_a_year_in_a_citation_does_not_make_a_history() -> None:
    sentences = [s.text for s in read_document(MOODS, "moods.md").sentences]
    assert not tells_history(sentences)
    assert tells_history(["In 1848, the canal opened.", "In 1850, it froze.", "Trade grew."])


def test_an_analogy_set_up_to_think_through_runs_to_the_paragraph_s_end() -> None:
    from quizmg.generate.told import told_in_paragraph

    assert told_in_paragraph(["A rate falls as a reaction slows.", "Consider the analogy of a bicycle coasting uphill.",
                              "The rider's speed at the foot of the hill is the initial rate."]) == [False, True, True]
