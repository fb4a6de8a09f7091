"""A word that opens a sentence and links it to the one before ('Instead, the ...', 'Thereafter, the ...') is no
term its comma sets off: read as one, it had become the answer of a cloze ('[...], the clavicle develops ...' with
the answer 'Instead'). A name set off by the same comma stays defined."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.term_finding import find_terms

_TEXT = (
    "# Quarries\n\nSlate does not split well along its grain in every quarry. Instead, the quarry workers cut "
    "the slate with a wire saw. Thereafter, the blocks rest for a week before splitting. Similarly, the marble "
    "blocks dry slowly. Travertine, a banded limestone from hot springs, is cut the same way.\n"
)


def test_a_linking_word_is_no_term_but_a_name_is() -> None:
    document = read_document(_TEXT, Path("quarries.md"))
    terms = find_terms(document)
    assert not {"instead", "thereafter", "similarly"} & set(terms.terms), sorted(terms.terms)
    travertine = terms.get("travertine")
    assert travertine is not None and travertine.definition.startswith("a banded limestone"), travertine
