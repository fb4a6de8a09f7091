"""Which terms can be of one kind with a term at all, found without weighing every term (peers.Peers.evidence).

`Peers.evidence` finds a term of the answer's kind by what the two share: the answer's list companions (one of
them, or two), a category the text states for both, the head noun and the class of its modifier, or a telling
ending (term_outline.outline). A term that shares none of them has no evidence; the index finds the rest
through each of those, read once for the whole text.
"""

from __future__ import annotations

from collections.abc import Mapping

from quizmg.generate.term_outline import outline
from quizmg.generate.terms import Term

Outline = tuple[str, bool, str]  # head noun, modifier an adjective, telling ending


class EvidenceIndex:
    """The index's terms by their categories and outlines, and the lists they are in (as first asked: a
    term added later is not in `indexed`, and is weighed in full)."""

    def __init__(self, terms: Mapping[str, Term], listed: Mapping[str, set[str]],
                 stated: Mapping[str, set[str]]) -> None:
        self.indexed: dict[str, Outline] = {key: outline(term) for key, term in terms.items()}
        self._listed = listed  # recorded both ways round: B among A's companions, A among B's
        self._by_category: dict[str, set[str]] = {}
        for key, categories in stated.items():
            for category in categories:
                self._by_category.setdefault(category, set()).add(key)
        self._by_outline: dict[tuple[str, bool] | str, set[str]] = {}
        for key, (head, adjective, ending) in self.indexed.items():
            self._by_outline.setdefault((head, adjective), set()).add(key)
            self._by_outline.setdefault(ending, set()).add(key)

    def possible(self, listed: set[str], stated: set[str], mine: Outline) -> set[str]:
        """The keys of the terms that share with a term its list companions (`listed`: one, or two of
        them), a category stated for it (`stated`), its head noun and modifier's class, or its ending (`mine`)."""
        possible = set(listed)
        shared: dict[str, int] = {}
        for companion in listed:
            for key in self._listed.get(companion, ()):
                shared[key] = shared.get(key, 0) + 1
        possible.update(key for key, count in shared.items() if count >= 2)
        for category in stated:
            possible.update(self._by_category.get(category, ()))
        if mine[0]:
            possible.update(self._by_outline.get(mine[:2], ()))
        if mine[2]:
            possible.update(self._by_outline.get(mine[2], ()))
        return possible
