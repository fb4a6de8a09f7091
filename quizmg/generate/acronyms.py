"""When an acronym is worth asking about: 'What does SARS stand for?' in a section about SARS, not
'What does HUD stand for?' where a policy sentence names the agency once.

A text that marks its key terms (bold, term markup) marks the acronyms it teaches, or their long
forms, defines them, or puts them in a heading. An acronym it spells out but marks in none of these
ways is a molecule named in a step ('GTP'), an agency named in a policy ('HUD'), a disease named beside
the subject ('AIDS' in a chapter on stress): reviewers rejected 10 of 13 such questions and kept 19 of
23 on acronyms the text marks, defines or heads with.
"""

from __future__ import annotations

from collections.abc import Iterable

from quizmg.generate.candidate import Candidate
from quizmg.generate.terms import Term, TermIndex, fold

EXPAND = "expand:"  # the fact of a 'What does X stand for?' question: expand:<the acronym's group>
TAUGHT = frozenset({"marked", "emphasised", "heading", "defined"})


def expanded_group(candidate: Candidate) -> str | None:
    """The acronym group a 'What does X stand for?' question asks about, or None for any other."""
    return next((fact[len(EXPAND):] for fact in sorted(candidate.facts) if fact.startswith(EXPAND)), None)


def taught_groups(terms: Iterable[Term], marked: Iterable[str] = ()) -> frozenset[str]:
    """The groups (an acronym with its long forms) of which the text marks, defines or heads with one.

    Read before the index drops the terms it never counts: a long form spelled out once, in the
    bracket that gives its acronym ('**positron emission tomography (PET)**'), is marked, and then
    counted only as 'PET'. `marked` are the phrases the text marks, of any length: a long form of six
    words ('Aid to Families with Dependent Children') is marked though it is too long to be a term.
    """
    marked_keys = {fold(phrase) for phrase in marked}
    return frozenset(term.group for term in terms
                     if term.kinds & TAUGHT or term.definition_source in {"glossary", "called"}
                     or (term.expansion and fold(term.expansion) in marked_keys))


def in_passing(candidate: Candidate, terms: TermIndex, keys: frozenset[str] | None) -> bool:
    """True for 'What does X stand for?' on an acronym a text that marks its key terms only mentions.

    `keys` is None when the text marks too few terms to tell (trust.key_groups): then no acronym is
    judged by its marking.
    """
    if keys is None:
        return False
    group = expanded_group(candidate)
    return group is not None and group not in terms.taught
