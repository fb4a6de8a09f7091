"""Near-duplicates: two hand-written questions that ask the same thing in other words."""

from __future__ import annotations

from collections.abc import Iterator

from quizmg.bank import Bank
from quizmg.errors import Problem
from quizmg.lint.findings import warning
from quizmg.lint.words import content_words, words_of
from quizmg.model import Cloze, QuestionBase, TrueFalse

# Prompts this similar (rapidfuzz token-sort ratio, 0-100) ask the same thing in other words.
NEAR_DUPLICATE_RATIO = 92


def _spelling_variants(first: list[str], second: list[str]) -> bool:
    """True when every word one list has and the other lacks is a misspelling of a word there.

    "GABA" and "NMDA" in the same sentence frame ask different things; "colour" and "color" don't.
    """
    from rapidfuzz import fuzz

    only_first = set(first) - set(second)
    only_second = set(second) - set(first)
    return all(any(fuzz.ratio(a, b) >= 80 for b in only_second) for a in only_first) and all(
        any(fuzz.ratio(b, a) >= 80 for a in only_first) for b in only_second
    )


def near_duplicates(bank: Bank) -> Iterator[Problem]:
    """Two hand-written questions of a kind whose prompts say nearly the same thing."""
    from rapidfuzz import fuzz, process

    # Per kind: earlier questions, their content words, and those words sorted and joined, so
    # fuzz.ratio on the joined text equals a token-sort ratio and runs in rapidfuzz's C++ loop;
    # and, by answer, which earlier questions have it (only those can be the same one reworded).
    earlier: dict[str, _Earlier] = {}
    by_answer: dict[tuple[str, tuple[str, ...]], list[int]] = {}
    for question in bank.deck.questions:
        words = content_words(question.prompt_text())
        plain = words_of(question.prompt_text())
        key = " ".join(sorted(words))
        kind = question.kind  # type: ignore[attr-defined]
        seen = earlier.setdefault(kind, _Earlier())
        matches = []
        if words:
            matches = process.extract(
                key, seen.keys, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE_RATIO, limit=None
            )
        same_answer = by_answer.setdefault((kind, tuple(words_of(question.answer_text()))), [])
        reworded = _first_reworded(question, words, plain, same_answer, seen, {m[2] for m in matches})
        if reworded is not None:
            matches = [m for m in matches if m[2] < reworded] + [("", 100.0, reworded)]
        for sorted_key, _, index in sorted(matches, key=lambda match: match[2]):
            other = seen.questions[index]
            if seen.plain[index] == plain:
                continue  # exact repeats are the duplicate-prompt rule's job
            if isinstance(question, TrueFalse) and isinstance(other, TrueFalse) and question.answer != other.answer:
                continue  # a statement and its opposite are a fair pair
            if sorted_key == "" or seen.keys[index] == key or _spelling_variants(words, seen.word_lists[index]):
                yield warning(
                    bank,
                    question,
                    f"asks nearly the same as {other.id}: merge the two, or make them ask different things",
                    "prompt",
                )
                break
        same_answer.append(len(seen.questions))
        seen.add(question, words, plain, key)


class _Earlier:
    """The questions of one kind met so far, with what the comparisons read of each."""

    def __init__(self) -> None:
        self.questions: list[QuestionBase] = []
        self.word_lists: list[list[str]] = []
        self.word_sets: list[set[str]] = []
        self.plain: list[list[str]] = []
        self.keys: list[str] = []

    def add(self, question: QuestionBase, words: list[str], plain: list[str], key: str) -> None:
        self.questions.append(question)
        self.word_lists.append(words)
        self.word_sets.append(set(words))
        self.plain.append(plain)
        self.keys.append(key)


# Two prompts with one answer that share this much of their content words ask the same in other words.
REWORDED_OVERLAP = 0.6


def _first_reworded(
    question: QuestionBase, words: list[str], plain: list[str], same_answer: list[int], seen: _Earlier,
    found: set[int],
) -> int | None:
    """The first earlier question with the same answer (their places, `same_answer`), not among
    those the similarity search `found`, whose prompt shares most content words with this one
    without repeating it word for word (reworded)."""
    if not words or isinstance(question, (TrueFalse, Cloze)) or not words_of(question.answer_text()):
        return None
    mine = set(words)
    for index in same_answer:
        if index in found:
            continue
        theirs = seen.word_sets[index]
        shared = len(mine & theirs)
        if theirs and shared / (len(mine) + len(theirs) - shared) >= REWORDED_OVERLAP and seen.plain[index] != plain:
            return index
    return None
