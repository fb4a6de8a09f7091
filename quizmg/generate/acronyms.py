"""When an acronym is worth asking about: 'What does SARS stand for?' in a section about SARS, not
'What does HUD stand for?' where a policy sentence names the agency once.

A text that marks its key terms (bold, term markup) marks the acronyms it teaches, or their long
forms, defines them, or puts them in a heading. An acronym it spells out but marks in none of these
ways is a molecule named in a step ('GTP'), an agency named in a policy ('HUD'), a disease named beside
the subject ('AIDS' in a chapter on stress): reviewers rejected 10 of 13 such questions and kept 19 of
23 on acronyms the text marks, defines or heads with.

A book may mark a name for its index only, set in plain type (kramdown's `.no-emphasis`): one virus of
a list of examples ('human papillomavirus (HPV)'), a test named in a step, a law in a policy. Such a
mark teaches the acronym only when the text goes on using it: on the four h17 books, 38 'What does X
stand for?' drafts in top 20s had an index mark alone and three uses or fewer (acronym and long form
together), and about 35 of them asked about an aside ('AST', 'EBV', 'NAFTA', 'VTEC').
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from quizmg.generate.candidate import Candidate
from quizmg.generate.terms import Term, TermIndex, fold

EXPAND = "expand:"  # the fact of a 'What does X stand for?' question: expand:<the acronym's group>
TAUGHT = frozenset({"marked", "emphasised", "heading", "defined"})
_SHOWN = frozenset({"marked", "emphasised"})  # kinds a term has from how the text sets it
_TAUGHT_IN_WORDS = TAUGHT - _SHOWN
IN_PASSING_USES = 3  # uses of an index-marked acronym and its long form, at most, of one named in passing


def expanded_group(candidate: Candidate) -> str | None:
    """The acronym group a 'What does X stand for?' question asks about, or None for any other."""
    return next((fact[len(EXPAND):] for fact in sorted(candidate.facts) if fact.startswith(EXPAND)), None)


def taught_groups(terms: Iterable[Term], marked: Iterable[str] = (), index_marked: Iterable[str] = (),
                  emphasised: Iterable[str] = ()) -> frozenset[str]:
    """The groups (an acronym with its long forms) of which the text marks, defines or heads with one.

    Read before the index drops the terms it never counts: a long form spelled out once, in the
    bracket that gives its acronym ('**positron emission tomography (PET)**'), is marked, and then
    counted only as 'PET'. `marked` and `emphasised` are the phrases the text marks or sets in bold, of
    any length: a long form of six words ('Aid to Families with Dependent Children') is marked though it
    is too long to be a term. `index_marked` are the marks among them that only index a name
    (clean.Cleaned): a group so marked, and no other way, is taught when the text names it more than
    IN_PASSING_USES times.
    """
    terms = list(terms)
    index = Counter(fold(phrase) for phrase in index_marked)
    # An index mark is one of the marks, and its bold one of the bold spans: what is left over is marked
    # or set in bold in its own right.
    marks = Counter(fold(phrase) for phrase in marked) - index
    bold = Counter(fold(phrase) for phrase in emphasised) - index
    marked_keys = set(marks) | set(bold)
    index_keys = set(index) - marked_keys
    uses: Counter[str] = Counter()
    for term in terms:
        uses[term.group] += term.count
    taught: set[str] = set()
    for term in terms:
        keys = {term.key} | ({fold(term.expansion)} if term.expansion else set())
        if term.kinds & _TAUGHT_IN_WORDS or term.definition_source in {"glossary", "called"} or keys & marked_keys:
            taught.add(term.group)
        elif term.kinds & _SHOWN and not keys & index_keys:
            taught.add(term.group)  # marked or in bold in a text read without its marks (a test's terms)
        elif (keys & index_keys or term.kinds & _SHOWN) and uses[term.group] > IN_PASSING_USES:
            taught.add(term.group)
    return frozenset(taught)


def in_passing(candidate: Candidate, terms: TermIndex, keys: frozenset[str] | None) -> bool:
    """True for 'What does X stand for?' on an acronym a text that marks its key terms only mentions.

    `keys` is None when the text marks too few terms to tell (trust.key_groups): then no acronym is
    judged by its marking.
    """
    if keys is None:
        return False
    group = expanded_group(candidate)
    return group is not None and group not in terms.taught


def spelled_out_here(term: Term, hidden: str, sentence: str) -> str | None:
    """The long form, as the sentence writes it, where a blank over an acronym hides the place the
    sentence spells it out ('Reverse osmosis (RO) is used ...' reads 'RO is used ...' once its aside is
    left out): there the text gives the name, and the name is what a learner can recall; the letters
    alone are a guess. None for an acronym the sentence only uses."""
    if not term.expansion or "acronym" not in term.kinds or fold(hidden) != term.key:
        return None
    written = re.search(rf"(?<![\w-]){re.escape(term.expansion)}(?=\s+\({re.escape(hidden)}s?\))", sentence, re.I)
    return written.group(0) if written else None
