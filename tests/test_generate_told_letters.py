"""A box, an example or a story may spell out letters of its own ('the Kestrel Ridge Observatory (KRO)'):
a blank on such letters asks the case's particular, unless the text teaches them (marks, defines or heads
with them) or they are letters every reader meets outside the text ('DNA').

The text is written for these tests in the project's own words.
"""

from __future__ import annotations

from quizmg.generate.details import detail_blank
from quizmg.generate.document import read_document
from quizmg.generate.term_finding import find_terms

TEXT = """# Listening to the sky

A **radio telescope**{: data-type="term"} collects radio waves with a wide metal dish.
A **radio source**{: data-type="term"} is any object in the sky that gives off radio waves.
Several dishes wired together form a **dish array**{: data-type="term"} (DSA), which sees finer detail.
The DSA turns with the Earth, so each dish sweeps a new strip of the sky through the night.
Radio waves pass through clouds and dust that hide the same source from an optical telescope.

<div data-type="note" class="everyday" markdown="1">
High in the hills stands the Kestrel Ridge Observatory (KRO), built by a club of amateur astronomers.
At the KRO, volunteers point a small radio telescope at the sky on every clear night.
Members also freeze moss from the ridge so that its deoxyribonucleic acid (DNA) can be read later.
The DNA of the moss shows how long the plants have grown on the bare rock.
A DSA of three old dishes now stands beside the club house at the KRO.
</div>

Most radio sources are galaxies whose centres give off far more energy than their stars.
"""


def _reason(sentence_start: str, hidden: str) -> str | None:
    document = read_document(TEXT, "sky.md")
    terms = find_terms(document)
    context = next(s.text for s in document.sentences if s.text.startswith(sentence_start))
    start = context.index(hidden)
    return detail_blank(hidden, context, start, start + len(hidden), terms)


def test_letters_a_box_spells_out_for_its_own_case_are_no_answer() -> None:
    reason = _reason("At the KRO", "KRO")
    assert reason is not None and "particular" in reason, reason


def test_letters_every_reader_meets_stay_an_answer_in_a_box() -> None:
    assert _reason("The DNA of the moss", "DNA") is None


def test_letters_the_text_marks_stay_an_answer_in_a_box() -> None:
    assert _reason("A DSA of three", "DSA") is None
