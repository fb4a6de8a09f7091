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
    # fuzz.ratio on the joined text equals a token-sort ratio and runs in rapidfuzz's C++ loop.
    earlier: dict[str, tuple[list[QuestionBase], list[list[str]], list[str]]] = {}
    for question in bank.deck.questions:
        words = content_words(question.prompt_text())
        key = " ".join(sorted(words))
        kind = question.kind  # type: ignore[attr-defined]
        questions, word_lists, keys = earlier.setdefault(kind, ([], [], []))
        matches = []
        if words:
            matches = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE_RATIO, limit=None)
        matches = [*matches, *_reworded(question, words, questions, word_lists, {m[2] for m in matches})]
        for reworded, _, index in sorted(matches, key=lambda match: match[2]):
            other = questions[index]
            if words_of(other.prompt_text()) == words_of(question.prompt_text()):
                continue  # exact repeats are the duplicate-prompt rule's job
            if isinstance(question, TrueFalse) and isinstance(other, TrueFalse) and question.answer != other.answer:
                continue  # a statement and its opposite are a fair pair
            if reworded == "" or keys[index] == key or _spelling_variants(words, word_lists[index]):
                yield warning(
                    bank,
                    question,
                    f"asks nearly the same as {other.id}: merge the two, or make them ask different things",
                    "prompt",
                )
                break
        questions.append(question)
        word_lists.append(words)
        keys.append(key)


# Two prompts with one answer that share this much of their content words ask the same in other words.
REWORDED_OVERLAP = 0.6


def _reworded(
    question: QuestionBase,
    words: list[str],
    questions: list[QuestionBase],
    word_lists: list[list[str]],
    found: set[int],
) -> list[tuple[str, float, int]]:
    """Earlier questions with the same answer whose prompts share most content words (reworded)."""
    answer = words_of(question.answer_text())
    if not answer or not words or isinstance(question, (TrueFalse, Cloze)):
        return []
    out = []
    for index, other in enumerate(questions):
        if index in found or words_of(other.answer_text()) != answer:
            continue
        mine, theirs = set(words), set(word_lists[index])
        if theirs and len(mine & theirs) / len(mine | theirs) >= REWORDED_OVERLAP:
            out.append(("", 100.0, index))
    return out
