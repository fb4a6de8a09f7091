"""Two kinds of card a teacher deletes: a sentence that only says a thing is hard or large, and a blank on a rank.

'The details of X are complex.' teaches only that X is complicated; 'The amount of work this takes can be
enormous.' only that it is a lot. A sentence that goes on to say why or what follows ('..., so prevention is
hard') says more and is kept. A blank that opens with a superlative ('The [widest river] is ...') asks the
learner to guess a grade, not to recall a term, unless the text marks that phrase as its term. Every text here
is written for the test, in the project's own words.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.contrasts import says_nothing
from quizmg.generate.document import read_document
from quizmg.generate.quality import bad_blank
from quizmg.generate.ranks import ranked_blank
from quizmg.generate.term_finding import find_terms


def test_a_sentence_that_only_calls_a_thing_hard_or_large_says_nothing() -> None:
    assert says_nothing("The details of reef spawning are complex.")
    assert says_nothing("The number of hours needed to map a cave system can be enormous.")
    assert says_nothing("Keeping a hive alive through winter is often difficult.")
    assert says_nothing("In the case of frozen lakes, the picture is more complicated.")


def test_a_sentence_that_says_more_is_kept() -> None:
    assert not says_nothing("Spores spread on the wind, so keeping a field clean is difficult.")
    assert not says_nothing("The warmth comes from heat stored in the rock, which is substantial.")
    assert not says_nothing("Granite is hard.")
    assert not says_nothing("Reef spawning is complex and happens on one night a year.")


def test_a_blank_opening_with_a_superlative_hides_a_rank() -> None:
    assert ranked_blank("widest river")
    assert ranked_blank("earliest")
    assert ranked_blank("most distant moon")
    assert ranked_blank("biggest")
    assert ranked_blank("interest rate") is None
    assert ranked_blank("forest canopy") is None
    assert ranked_blank("first stage") is None


def test_bad_blank_refuses_a_superlative_unless_the_text_marks_it() -> None:
    text = (
        "# Rivers\n\n"
        "A **delta** forms where a river drops its silt into the sea. "
        "A **meander** is a loop that a slow river cuts into its plain. "
        "The **lowest flood plain** is the strip a river covers every year. "
        "The Tamsel has the widest delta on the coast.\n"
    )
    terms = find_terms(read_document(text, Path("rivers.md")))
    sentence = "The Tamsel has the widest delta on the coast."
    start = sentence.index("widest delta")
    assert bad_blank("widest delta", sentence, start, start + len("widest delta"), terms)
    marked = "The lowest flood plain is the strip a river covers every year."
    assert bad_blank("lowest flood plain", marked, 4, 4 + len("lowest flood plain"), terms) is None
