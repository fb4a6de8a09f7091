"""Wording that trips learners up: double negatives, typed answers with an obvious other spelling
left out, cloze deletions that hide only a small word."""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizmg.bank import Bank
from quizmg.errors import Problem
from quizmg.lint.findings import warning
from quizmg.lint.words import NEGATIONS, NUMBER_WORDS, STOP_WORDS, choice_gaps, contains_words, words_of
from quizmg.model import Cloze, MultipleChoice, Short, TrueFalse

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}s?$")
# Words written in capitals that are words, not acronyms.
_SHOUTED_WORDS = frozenset(["true", "false", "yes", "no", "not", "and", "or", "all", "none", "ok", "both", "neither"])
_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z][A-Z0-9]{1,5})\)")


_CLAUSE = re.compile(r"[.?!;,:\n]+|\b(?:if|when|unless|because|although|though|but|while)\b", re.I)


def double_negative(bank: Bank) -> Iterator[Problem]:
    """A true/false statement or a multiple-choice prompt with two negations, which tests
    reading more than knowing."""
    for question in bank.questions:
        if isinstance(question, TrueFalse):
            text, what, where = question.statement, "statement", "statement"
        elif isinstance(question, MultipleChoice):
            text, what, where = question.prompt, "question", "prompt"
        else:
            continue
        # Two negations in one clause; "Don't worry, I haven't forgotten." or "no point if you never
        # drive it" hold one each.
        for clause in _CLAUSE.split(text):
            count = sum(word in NEGATIONS or word.endswith("n't") for word in words_of(clause))
            if count >= 2:
                yield warning(bank, question, f"the {what} has a double negative: say it positively", where)
                break


def _alternatives(answer: str) -> list[str]:
    """Obvious other ways to write an answer: 3 / three, an acronym and its expansion."""
    text = answer.strip()
    lowered = text.casefold()
    if text.isdigit() and int(text) < len(NUMBER_WORDS):
        return [NUMBER_WORDS[int(text)]]
    if lowered in NUMBER_WORDS:
        return [str(NUMBER_WORDS.index(lowered))]
    if _ACRONYM.match(text) and lowered not in _SHOUTED_WORDS:
        return ["its full name"]
    bracketed = _ACRONYM_IN_BRACKETS.search(text)
    if bracketed:
        return [bracketed.group(1), _ACRONYM_IN_BRACKETS.sub("", text).strip()]
    return []


def short_answer_alternatives(bank: Bank) -> Iterator[Problem]:
    """A typed answer with an obvious other spelling that is not accepted."""
    for question in bank.questions:
        if not isinstance(question, Short):
            continue
        accepted = {a.casefold().strip() for a in question.accepted}
        # An alternative the prompt itself shows is what the question asks to turn into the answer
        # ("How do you write the number 1 as a word?" wants "one", not "1").
        missing = [
            alt
            for alt in _alternatives(question.answer)
            if alt.casefold() not in accepted and not contains_words(question.prompt, alt)
        ]
        if _ACRONYM.match(question.answer.strip()) and question.accepted:
            missing = []  # the teacher has listed alternatives: trust them
        if missing:
            listed = " and ".join(repr(m) if m != "its full name" else m for m in missing)
            yield warning(
                bank,
                question,
                f"learners may type {listed} instead of {question.answer!r}: add it under "
                "`accepted:` so a right answer is not marked wrong",
                "accepted",
            )


# A cloze with this many cards is an exercise passage rather than a fact with a word hidden.
_PASSAGE_GAPS = 4


def cloze_hides_stop_word(bank: Bank) -> Iterator[Problem]:
    """A deletion that hides only a word like 'the' or 'of', which tests nothing."""
    for question in bank.questions:
        if not isinstance(question, Cloze):
            continue
        deletions = question.deletions()
        if len(deletions) >= _PASSAGE_GAPS:
            continue  # a gap-fill passage (Moodle's embedded answers, an open cloze): its small words are the test
        choosing = choice_gaps(question)  # choosing "a / an / the" is what a grammar gap tests
        for ordinal, hidden_words in sorted(deletions.items()):
            if ordinal in choosing:
                continue
            if all(words_of(h) and set(words_of(h)) <= STOP_WORDS for h in hidden_words):
                yield warning(
                    bank,
                    question,
                    f"c{ordinal} hides only {hidden_words[0]!r}: hide a word that carries the meaning instead",
                    "text",
                )
                break
