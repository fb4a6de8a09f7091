"""A claim read off a fragment (a list item or a caption with no sentence around it) stays under the threshold;
a term asked from one keeps its place. Claims from such lines ('Bronchi major air passages lead to the lungs.')
were acceptable less than half the time on the ten OpenStax books' top 20s."""

from __future__ import annotations

from quizmg.generate.draft import draft_deck
from quizmg.generate.trust import THRESHOLD
from quizmg.model import Basic, TrueFalse

_TEXT = (
    "# Halogens\n\n**Halogens** are reactive elements. Chlorine gas is pale green and very reactive in water.\n\n"
    "Reactions of the halogens\n\n- Bromine oxidizes iodide ions\n- Chlorine oxidizes bromide ions\n\n"
    "Fluorine is the most reactive halogen of all. Fluorine oxidizes water to oxygen gas.\n"
)


def test_a_claim_from_a_fragment_is_left_out() -> None:
    kept = draft_deck(_TEXT, "kilns.md").deck.questions
    claims = [q.prompt_text() for q in kept if isinstance(q, (TrueFalse, Basic))]
    assert claims, "the whole sentences still give claims"
    assert not any("iodide" in c.lower() or "bromide" in c.lower() for c in claims), claims
    every = draft_deck(_TEXT, "kilns.md", keep_all=True).deck.questions
    from_list = [q for q in every if "fragment" in q.explanation]
    assert from_list and all(f"Draft score {THRESHOLD}/100" not in q.explanation for q in from_list)
