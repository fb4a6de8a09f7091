"""A verb that takes no object, followed by an adverb, is no claim about a target: 'Glaciers advance slowly across
the valley' once asked 'What do glaciers do to slowly across the valley?'. An adverb inside an object
('rapidly dividing cells') still leaves a target."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.mechanisms import extract_statements
from quizmg.generate.term_finding import find_terms


def _targets(text: str) -> dict[str, str]:
    document = read_document(f"# Notes\n\n{text}\n", Path("notes.md"))
    return {s.agent.lower(): s.target for s in extract_statements(document.sentences, find_terms(document))}


def test_an_adverb_and_its_phrase_are_no_target() -> None:
    found = _targets("**Red giants** are old stars that have used up the hydrogen in their cores. "
                     "Red giants cool steadily throughout their final stage. "
                     "**Glaciers** are rivers of ice. Glaciers advance slowly across the valley floor.")
    assert not any(target.split()[0] in {"steadily", "slowly"} for target in found.values()), found


def test_an_adverb_inside_an_object_keeps_it() -> None:
    found = _targets("**Chemotherapy** uses drugs to treat cancer. Chemotherapy kills rapidly dividing cells.")
    assert any(target.startswith("rapidly dividing cells") for target in found.values()), found


def test_an_adverb_after_the_object_is_not_part_of_it() -> None:
    # 'The kidney glomerulus filters blood mainly.' had been a true/false statement
    found = _targets("**Sieves** are tools with a mesh. A sieve filters flour mainly by the size of its grains.")
    assert found.get("a sieve") == "flour", found
