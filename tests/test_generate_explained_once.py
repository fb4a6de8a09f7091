"""A sentence a why/how question explains is asked once: its link, what-if, blank and true/false of the same
claims say again what the why/how's answer says, so a teacher deletes them."""

from __future__ import annotations

from pathlib import Path

from quizmg.generate.candidate import Candidate
from quizmg.generate.document import read_document
from quizmg.generate.draft import draft_deck
from quizmg.generate.true_false import explained_once
from quizmg.model import Basic

FLOODS = (
    "# Floods\n\nHeavy rain causes river flooding that can lead to crop failure. Farmers keep grain in dry barns "
    "on high ground. Levees hold back the water of small rivers in spring.\n"
)


def test_the_link_of_a_claim_its_why_question_explains_is_not_asked_beside_it() -> None:
    draft = draft_deck(FLOODS, Path("floods.md"), max_questions=20)
    templates = {q.id.rsplit(".", 1)[1] for q in draft.deck.questions if q.id and q.mechanism}
    assert "why" in templates, [q.prompt_text() for q in draft.deck.questions]
    assert not templates & {"recall", "whatif", "true", "false", "target"}, templates


def _candidate(template: str, score: float, sentence: int, mechanism: str) -> Candidate:
    document = read_document("Rain causes floods that ruin crops. Dry barns keep grain. Levees hold rivers.",
                             Path("s.md"))
    question = Basic(id=f"{mechanism}.{template}", prompt=f"{template}?", answer="x")
    return Candidate(question, score, frozenset({f"claim:{mechanism}"}), "x", document.sentences[sentence],
                     mechanism=mechanism, template=template)


def test_the_why_question_ranks_first_among_the_questions_of_its_sentence() -> None:
    why = _candidate("why", 3.0, 0, "rain")
    other_claim = _candidate("recall", 3.6, 0, "floods")  # another claim of the same sentence, scored higher
    elsewhere = _candidate("recall", 3.6, 1, "barns")
    explained_once([why, other_claim, elsewhere])
    assert why.facts & other_claim.facts  # one of them is chosen
    assert other_claim.score < why.score
    assert not elsewhere.facts & why.facts and elsewhere.score == 3.6


def test_a_why_question_with_a_problem_leaves_the_others_to_stand_in() -> None:
    why = _candidate("why", 3.0, 0, "rain")
    why.problems.append("cut short")
    link = _candidate("recall", 2.5, 0, "rain")
    explained_once([why, link])
    assert link.facts == frozenset({"claim:rain"}) and link.score == 2.5
