"""The sentence where the text marks a term: where a textbook brings a term in and says what it is.

A textbook prints a term in bold where it explains it ('**Functional fixedness** is a type of mental set
...', 'A **primary cell culture** is freshly prepared from animal organs'); later sentences use the term in a
case, a study or a list ('NASA engineers had to overcome functional fixedness', 'To prevent contact
inhibition, cells from the primary cell culture ...'). Among blanks on one term, the one in the sentence
that marks it is the one a teacher asks.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache

from quizmg.generate.document import Sentence
from quizmg.generate.terms import TermIndex

NEAR = 3  # lines: a paragraph wrapped over a few lines marks the term a line or two after its sentence starts


def marking_sentences(sentences: Sequence[Sentence], terms: TermIndex) -> set[tuple[int, str]]:
    """(sentence index, term key) for each sentence that holds a place where the text marks the term."""
    ordered = sorted(sentences, key=lambda sentence: (sentence.line, sentence.index))
    starts = [sentence.line for sentence in ordered]
    found: set[tuple[int, str]] = set()
    for key, places in terms.marked_at.items():
        term = terms.terms.get(key)
        if term is None:
            continue
        name = term.text.lower()
        for line, before in places:
            on_line = ordered[bisect_left(starts, line):bisect_right(starts, line)]
            marking = _holding(on_line, name, before)
            if marking is not None:
                found.add((marking.index, key))
                continue
            last = bisect_right(starts, line) - 1
            if last < 0:
                continue
            # The sentences starting on the nearest line at or before the mark, in order, then further back.
            first = bisect_right(starts, starts[last] - 1)
            near = [*ordered[first:last + 1], *reversed(ordered[max(0, first - NEAR):first])]
            for sentence in near:
                if line - sentence.line > NEAR:
                    break
                if name in sentence.text.lower():
                    found.add((sentence.index, key))
                    break
    return found


def _holding(on_line: Sequence[Sentence], name: str, before: int) -> Sentence | None:
    """Of the sentences a line starts, the one holding the mark: the line names the term `before` times
    before it. None when the line starts no sentence or its sentences name the term too few times."""
    seen = 0
    for sentence in on_line:
        seen += _uses(name, sentence.text)
        if seen > before:
            return sentence
    return None


def _uses(name: str, text: str) -> int:
    """How many times `text` names `name` (in lower case), in any case and not glued to a letter, a digit,
    '_' or '-' before it. Read without a pattern when both are ASCII: a pattern per marked term cost more
    than the reading. Other letters may match another case by rules of their own ('ſ' and 's')."""
    if not name or not name.isascii() or not text.isascii():
        return len(_named(name).findall(text))
    lower = text.lower()
    count, at = 0, lower.find(name)
    while at >= 0:
        if at and (lower[at - 1].isalnum() or lower[at - 1] in "_-"):
            at = lower.find(name, at + 1)
        else:
            count += 1
            at = lower.find(name, at + len(name))
    return count


@lru_cache(maxsize=1024)
def _named(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-]){re.escape(name)}", re.IGNORECASE)
