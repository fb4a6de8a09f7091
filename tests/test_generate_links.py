"""'What is the link between A and B?' is drafted only when each side names one particular thing.

Reviewers kept about a quarter of the drafted link questions over six evaluation sets: the rest had a
side naming nothing in particular ('some strains', 'the onset of this illness', 'various parts of ...'),
a judgement or an absolute degree ('considerable worry', 'unique habits'), an action with its object ('adding
salts'), or a name cut before its complement ('a coat protein known' [as VP7]). An author's own
mechanisms are never refused.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.claims import claim_problems
from quizmg.generate.document import read_document
from quizmg.generate.links import link_problems
from quizmg.generate.mechanisms import Statement, extract_statements
from quizmg.generate.term_finding import find_terms
from quizmg.model import Basic, Mechanism


def _statements(text: str) -> list[Statement]:
    document = read_document(f"# Notes\n\n{text}\n", Path("notes.md"))
    return extract_statements(document.sentences, find_terms(document))


def _link_problems(text: str, agent_start: str, tags: tuple[str, ...] = ("generated",)) -> list[str]:
    statements = _statements(text)
    claim = next(s for s in statements if s.agent.lower().startswith(agent_start))
    mechanism = Mechanism(id="m", agent=claim.agent, action=claim.action, target=claim.target, tags=list(tags))
    question = Basic(id="m.recall", prompt=f"What is the link between {claim.agent} and {claim.target}?",
                     answer=f"{claim.agent} {claim.action} {claim.target}.", mechanism="m")
    return [p for p in claim_problems(question, mechanism, "recall", statements) if "link question" in p]


def test_a_link_between_two_named_things_is_asked() -> None:
    assert _link_problems("Borrelia burgdorferi causes Lyme disease, a tick-borne illness.", "borrelia") == []
    assert link_problems("Borrelia burgdorferi", "Lyme disease") == []
    assert link_problems("repeated freezing of the soil", "frost heave") == []
    assert link_problems("the pituitary gland", "growth hormone") == []


def test_a_side_that_names_some_of_a_kind_or_points_elsewhere_is_no_link() -> None:
    assert _link_problems("Some strains produce a toxin called verotoxin that damages the kidneys.", "some")
    assert link_problems("lead", "the onset of this illness")
    assert link_problems("the shape of the ear", "various parts of our sense of balance")
    assert link_problems("tidal range", "the height of a given coastline")


def test_a_side_that_grades_or_judges_is_no_link() -> None:
    assert _link_problems("Panic disorders cause considerable worry in adults.", "panic")
    assert link_problems("the chemical makeup of waxes", "unique habits")
    assert link_problems("severe storms", "coastal flooding")
    assert link_problems("a lower interest rate", "more borrowing") == []  # a comparison is the claim's content


def test_an_action_with_its_object_or_a_name_cut_short_is_no_link() -> None:
    assert link_problems("adding salts", "a lower freezing point")
    assert link_problems("E. coli", "a coat protein known")
    assert link_problems("signalling", "the nucleus") == []  # one word: the activity itself is named


def test_an_authors_own_mechanism_is_never_refused_as_a_vague_link() -> None:
    assert _link_problems("Panic disorders cause considerable worry in adults.", "panic", tags=()) == []
