"""A word English seldom uses, named again and again, is one of the text's terms though the text never marks it."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.named_terms import named_again
from quizmg.generate.term_finding import find_terms
from quizmg.generate.trust import key_groups

TEXT = (
    "Glaciers leave **moraines** where they stop, **eskers** where meltwater ran under them, and **drumlins** "
    "where they rode over soft ground. At its front a glacier loses ice by ablation. In a warm summer the "
    "ablation of the lower tongue can thin it by several metres. Where ablation outpaces snowfall, the glacier "
    "retreats up its valley. Glaciologists measure the snow line every autumn. Glaciologists also drill cores "
    "through the old ice. Glaciologists compare the cores with the air bubbles of older ice. The lower tongue "
    "ends 12 furlongs from the lake, and the moraine lies 3 furlongs below it; the old road runs 5 furlongs "
    "beside the water."
)


def test_a_rare_word_named_again_is_a_term_of_the_text() -> None:
    terms = find_terms(read_document(TEXT, Path("ice.md")))
    assert key_groups(terms) is not None  # the text marks its key terms
    term = terms.get("ablation")
    assert term is not None and term.count >= 3
    assert named_again("ablation", terms) is term  # a blank on it passes as a name the text uses again


def test_a_unit_after_a_number_or_the_people_of_a_field_are_no_terms() -> None:
    terms = find_terms(read_document(TEXT, Path("ice.md")))
    assert terms.get("furlongs") is None
    assert terms.get("glaciologists") is None
