"""A blank whose sentence names or defines its term has asked what the term is: a definition question on the
same term after it is the same fact twice, and stays under the threshold."""

from __future__ import annotations

from pathlib import Path

from candidate_support import cloze_candidate as _cloze
from candidate_support import definition_candidate as _definition

from quizmg.generate.defined_after import names_its_answer
from quizmg.generate.document import read_document
from quizmg.generate.term_finding import find_terms
from quizmg.generate.trust import THRESHOLD, rate

TEXT = ("Warm air rises from the valley floor and cools as it climbs the slope; this is called **upslope flow**. "
        "Small pools of cold air left in hollows after sunset are known as **frost pockets**. "
        "Tf and Tg are jointly called the **threshold readings**. "
        "A farmer can plant vines on the hillside above the frost pockets in the valley. "
        "A **frost pocket** may keep its ice into May.")


def _rated(text: str, index: int, answer: str, term: str, definition: str) -> tuple[bool, list[float]]:
    """Whether the cloze on `answer` in sentence `index` names its answer, and the scores of that cloze and of a
    definition question on `term` after it."""
    document = read_document(text, Path("notes.md"))
    blank = _cloze(document.sentences[index], answer)
    scores = rate([blank, _definition(term, definition)], find_terms(document), text)
    return names_its_answer(blank), [score.score for score in scores]


def test_a_definition_after_a_blank_that_says_this_is_called_stays_under_the_threshold() -> None:
    names, scores = _rated(TEXT, 0, "upslope flow", "upslope flow",
                           "a daytime drift of air up a hillside as the ground warms")
    assert names
    assert scores[0] >= THRESHOLD > scores[1]


def test_a_definition_after_a_known_as_blank_in_the_plural_stays_under_the_threshold() -> None:
    names, scores = _rated(TEXT, 1, "frost pockets", "frost pocket",
                           "a low spot where chilled air settles on a still night")
    assert names
    assert scores[0] >= THRESHOLD > scores[1]


def test_a_name_given_to_symbols_leaves_the_definition_to_ask() -> None:
    names, scores = _rated(TEXT, 2, "threshold readings", "threshold readings",
                           "the two temperatures at which a bud is harmed by cold")
    assert not names  # 'Tf and Tg are jointly called [...]' says nothing of what they are
    assert THRESHOLD <= scores[1] < scores[0]


def test_a_blank_that_only_uses_the_term_leaves_the_definition_to_ask() -> None:
    names, scores = _rated(TEXT, 3, "frost pockets", "frost pocket",
                           "a low spot where chilled air settles on a still night")
    assert not names
    assert THRESHOLD <= scores[1] < scores[0]


def test_a_definition_after_a_blank_its_sentence_glosses_stays_under_the_threshold() -> None:
    # 'The income tax is a [progressive tax], which means that ...' has said what the term is: the glossary's
    # definition of it is the same fact again.
    text = ("The road toll is a **sliding charge**, which means that heavier trucks pay a larger share of the upkeep. "
            "Farm carts pay nothing.")
    names, scores = _rated(text, 0, "sliding charge", "sliding charge",
                           "a toll that takes more from heavy vehicles than from light ones")
    assert names
    assert scores[0] >= THRESHOLD > scores[1]
