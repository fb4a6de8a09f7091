"""An -ing word after a verb is that verb's object, not a claim's own verb: 'Treatment includes avoiding the
dust' once became 'treatment ... includes | avoids | the dust' ('What does treatment includes do to ...?')."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.document import read_document
from quizmg.generate.mechanisms import extract_statements
from quizmg.generate.term_finding import find_terms

TEXT = """# Lungs

**Farmer's lung** is an inflammation of the lungs caused by breathing in dust from mouldy hay.
Treatment of farmer's lung includes avoiding the dust, along with steroids such as **prednisone**.
Good ventilation also involves removing damp straw from the barn.
Mould spores damage the lining of the airways.
"""


def test_an_ing_word_after_a_verb_makes_no_statement() -> None:
    document = read_document(TEXT, Path("lungs.md"))
    found = extract_statements(document.sentences, find_terms(document))
    claims = [(s.agent, s.verb, s.target) for s in found]
    assert not any(agent.endswith(("includes", "involves")) or agent in {"includes", "involves"}
                   for agent, _, _ in claims), claims
    assert ("mould spores", "damage", "the lining of the airways") in claims, claims
