"""A box, an example or a story names its own places, schools, projects and tests: 'a village called
[Brackenmoor]', 'the [Saltmarsh Reading Scheme]', the [NRSA]'s scores. What such a case calls by a proper
name is its particular, even where it says what the thing is ('X is a charter school'); only a name the
text marks as a term is asked from it. Letters spelled out in common words ('DNA') stay an answer.

The text is written for these tests in the project's own words.
"""

from __future__ import annotations

from quizmg.generate.details import detail_blank
from quizmg.generate.document import read_document
from quizmg.generate.term_finding import find_terms

TEXT = """# Schools and reading

**Literacy**{: data-type="term"} is the ability to read and write well enough to take part in daily life.
A **charter school**{: data-type="term"} is a school paid for by the state but run by a private board.
Children who read little at home often fall behind in **reading fluency**{: data-type="term"}.
The **Open Library Project**{: data-type="term"} lends books to schools in remote areas.

<div data-type="note" class="real-world" markdown="1">
There is a village called Brackenmoor, far up in the northern hills.
The Saltmarsh Reading Scheme is a charter school with twelve pupils in the village.
The Saltmarsh Reading Scheme pays its teachers twice what the towns pay them.
Visitors often ask how the Saltmarsh Reading Scheme keeps its teachers so long.
Each spring the pupils sit a test called the National Reading Skills Assessment (NRSA).
Last year the school came first on the NRSA in the whole region, and the NRSA was in the news.
Pupils read books from the Open Library Project every week.
A nurse tests the pupils' saliva for deoxyribonucleic acid (DNA) in a health study.
The DNA tests show nothing about reading, the nurse says.
Many pupils there gain literacy late but quickly.
</div>

Reading fluency grows with practice more than with age.
"""


def _reason(sentence_start: str, hidden: str) -> str | None:
    document = read_document(TEXT, "schools.md")
    terms = find_terms(document)
    context = next(s.text for s in document.sentences if s.text.startswith(sentence_start))
    start = context.index(hidden)
    return detail_blank(hidden, context, start, start + len(hidden), terms)


def test_a_place_the_story_calls_by_name_is_its_particular() -> None:
    reason = _reason("There is a village called", "Brackenmoor")
    assert reason is not None and "particular" in reason, reason


def test_a_school_the_story_names_and_describes_is_its_particular() -> None:
    reason = _reason("The Saltmarsh Reading Scheme pays", "Saltmarsh Reading Scheme")
    assert reason is not None and "particular" in reason, reason


def test_letters_of_a_named_test_are_its_particular() -> None:
    reason = _reason("Last year the school", "NRSA")
    assert reason is not None and "particular" in reason, reason


def test_what_the_text_marks_or_what_every_reader_knows_stays_an_answer() -> None:
    assert _reason("Pupils read books from", "Open Library Project") is None  # marked in the prose
    assert _reason("The DNA tests", "DNA") is None  # letters of a common name
    assert _reason("Many pupils there", "literacy") is None  # a key term used in the story
