"""Which way a claim is asked as true/false, and which questions a true/false statement restates.

A deck of true statements teaches a learner to answer 'True'. A claim is asked as its false version
whenever the text gives it a plainly false one (its direction turned, its partner or another of its kind
swapped in: false_statements.py); only a claim with none is asked as stated. The false version ranks before
the claim's link question ('What is the link between X and Y?' only states what it tests), and after a
blank on the claim's term, which asks more.

A true/false statement shows its claim whole (one drafted from a whole sentence: every claim of it), so
beside the link, why/how or what-if question of the same claim it asks the same thing again. Beside a link
it shares a fact, so ranking keeps one; a why/how or what-if question asks more of the claim (its chain,
a prediction), so the statement yields.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizmg.generate.candidate import Candidate

# How far a claim's link question ranks down when the claim has a plainly false version: just under it.
LINK_AFTER_FALSE = 0.2
# The template questions that ask to explain a sentence's claim or predict from it.
EXPLAINING_TEMPLATES = frozenset({"why", "whatif"})


def stated_facts(sentence: int) -> frozenset[str]:
    """The facts a true/false drafted from a whole sentence shares with the link questions of its claims."""
    return frozenset({f"{sentence}:statement", f"{sentence}:recall"})


def one_way(templates: list[Candidate], drafted: Sequence[Candidate] = ()) -> None:
    """Marks the questions not to ask: a mechanism's true statement when its false version has no problems
    (one true/false per claim), and any true/false (a template's or one drafted from a sentence) whose
    sentence a why/how or what-if question explains. The link question of a claim with a false version
    ranks after it."""
    by_mechanism: dict[str, dict[str, Candidate]] = {}
    for candidate in templates:
        if candidate.mechanism and candidate.template in {"true", "false", "recall"}:
            by_mechanism.setdefault(candidate.mechanism, {})[candidate.template] = candidate
    for pair in by_mechanism.values():
        true, false, link = pair.get("true"), pair.get("false"), pair.get("recall")
        if false is None or false.problems:
            continue
        if true is not None and not true.problems:
            true.problems.append("asked as its false version (one true/false per claim)")
        if link is not None and not link.problems:
            # 'What is the link between X and Y?' states what the false version asks the learner to judge:
            # it comes after it, and stays for when the false version is not chosen.
            link.score -= LINK_AFTER_FALSE
    explaining = [c for c in templates if c.template in EXPLAINING_TEMPLATES and not c.problems]
    explained_claims = {c.mechanism for c in explaining}
    explained_sentences = {c.sentence.index for c in explaining if c.sentence is not None}
    for candidate in [*templates, *drafted]:
        if candidate.kind != "truefalse" or candidate.problems:
            continue
        # A template's statement shows its own claim; one drafted from a sentence shows all of the sentence's.
        if candidate.mechanism in explained_claims if candidate.mechanism else (
                candidate.sentence is not None and candidate.sentence.index in explained_sentences):
            candidate.problems.append("a why/how or what-if question asks its claim")
