"""Whether a claim asked as a relation joins two things the text teaches.

'What is the link between A and B?' and 'What does A do to B?' hand the learner both sides and ask
for the relation between them; a true/false drafted from a mechanism states one. In a text that marks
its key terms, such a question teaches when both sides are things it marks (a term, an acronym, a
name it defines): 'Chlamydia trachomatis causes inclusion conjunctivitis'. When a side holds none
('Governments can encourage international trade', 'Radiation causes the ionization of the gas',
'Acute infections can result in undulant fever'), the relation is the writer's passing remark, true
of many things or only in its paragraph: reviewers kept about a third of these. They stay in the
draft, under the threshold (`--all` writes them).
"""

from __future__ import annotations

from quizmg.generate.candidate import Candidate
from quizmg.generate.terms import TermIndex, fold
from quizmg.model import Mechanism

# The templates that state one relation between the mechanism's two sides.
RELATION_TEMPLATES = frozenset({"recall"})


def untaught_side(candidate: Candidate, mechanism: Mechanism | None, terms: TermIndex,
                  keys: frozenset[str] | None) -> str:
    """The side of a drafted relation question that holds no term the text marks ('' when both do, when
    the text marks too few terms to tell, or for any other question)."""
    if keys is None or mechanism is None or candidate.template not in RELATION_TEMPLATES \
            or "generated" not in mechanism.tags:
        return ""
    untaught = [side for side in (mechanism.agent, mechanism.target)
                if not any(_key(term.group, term.text, keys) for _, _, term in terms.occurrences(side))]
    return " and ".join(untaught) if len(untaught) == 2 else ""


def _key(group: str, text: str, keys: frozenset[str]) -> bool:
    return group in keys or f"expansion:{fold(text)}" in keys
