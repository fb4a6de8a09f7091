"""Choosing the best drafted questions: highest score first, distinct facts, a mix of kinds.

Two passes. The first asks each answer once and each sentence once (a long sentence twice): a teacher
deletes the second 'amygdala' blank and the third question drawn from one sentence. Only when the
document has no other question left does a second pass fill the deck with repeats, up to the caps.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from quizmg.generate.quality import normalised
from quizmg.generate.questions import Candidate
from quizmg.generate.terms import singular
from quizmg.generate.word_forms import ize_root

KIND_PENALTY = 0.35  # each question of a kind already chosen makes the next one of it less welcome
MAX_PER_ANSWER = 2  # a third question with the same answer is redundancy a teacher deletes
MAX_PER_SENTENCE = 3
FIRST_PER_ANSWER = 1  # while the document has other questions to ask
FIRST_PER_SENTENCE = 1
# A second blank in a sentence already asked as a fill-in mostly repeats the first: it comes only when
# the document has little else to ask.
REPEAT_BLANK_PENALTY = 1.0
# A question whose prompt shows what another question on its sentence asks for spoils that one: in the
# first pass it waits; after that it comes last, so a short document keeps the term it alone asks.
GIVE_AWAY_PENALTY = 1.5


@dataclass(frozen=True)
class _Keys:
    """What ranking compares of one candidate, read once: every pass looks at every candidate again."""

    prompt: tuple[str, str]  # its kind and its prompt, normalised
    answer: str  # its answer's group, singular: 'sacrificial anode' for 'sacrificial anodes'
    shown: str  # its answer, normalised
    blank: bool  # a fill-in of its sentence


@dataclass
class _Chosen:
    """What the questions chosen so far ask: their facts, prompts, answers and sentences."""

    questions: list[Candidate] = field(default_factory=list)
    facts: set[str] = field(default_factory=set)
    prompts: set[tuple[str, str]] = field(default_factory=set)
    per_answer: Counter[str] = field(default_factory=Counter)
    per_sentence: Counter[int] = field(default_factory=Counter)
    per_kind: Counter[str] = field(default_factory=Counter)
    blanked: set[int] = field(default_factory=set)  # sentences already asked as a fill-in
    answers_in: dict[int, set[str]] = field(default_factory=dict)  # sentence -> its chosen answers
    prompts_in: dict[int, list[str]] = field(default_factory=dict)  # sentence -> its chosen prompts


def select(
    candidates: list[Candidate],
    limit: int,
    kinds: set[str] | None = None,
    answer_group: Callable[[str], str] | None = None,
) -> list[Candidate]:
    """Up to `limit` candidates, best first, no two asking the same thing.

    `answer_group` folds two names of one thing into one key ('ROS' and 'reactive oxygen species').
    """
    pool = [c for c in candidates if not c.problems and (kinds is None or c.kind in kinds)]
    pool.sort(key=lambda c: (-c.score, c.question.id or ""))
    pool = pool[: max(limit * 25, 200)]  # the rest could never win against these
    group = answer_group or (lambda answer: answer)
    # 'sacrificial anode' and 'sacrificial anodes' are one answer, and so are 'generalize' and 'generalizing'.
    keys = {
        id(c): _Keys(_prompt_key(c), " ".join(ize_root(singular(w)) for w in normalised(group(c.answer)).split()),
                     normalised(c.answer), _blank(c))
        for c in pool
    }
    chosen = _Chosen()
    remaining = _fill(pool, limit, keys, chosen, FIRST_PER_ANSWER, FIRST_PER_SENTENCE, strict=True)
    _fill(remaining, limit, keys, chosen, MAX_PER_ANSWER, MAX_PER_SENTENCE, strict=False)
    return chosen.questions


def _fill(
    remaining: list[Candidate],
    limit: int,
    keys: dict[int, _Keys],
    chosen: _Chosen,
    answer_cap: int,
    sentence_cap: int,
    *,
    strict: bool,
) -> list[Candidate]:
    """Add the best candidates that fit the caps to `chosen`; return the ones left over.

    `remaining` comes best score first. Each turn reads each kind's candidates in that order and stops
    as soon as no later one of the kind could beat the best found (a value is never above the score less
    its kind's penalty); a tie goes to the one ranked first, as if all were read."""
    position = {id(c): number for number, c in enumerate(remaining)}
    by_kind: dict[str, list[Candidate]] = {}
    for candidate in remaining:
        by_kind.setdefault(candidate.kind, []).append(candidate)
    skipped: list[Candidate] = []
    while by_kind and len(chosen.questions) < limit:
        best: Candidate | None = None
        best_value = float("-inf")
        for kind, candidates in by_kind.items():
            penalty = KIND_PENALTY * chosen.per_kind[kind]
            keep: list[Candidate] = []
            for number, candidate in enumerate(candidates):
                if candidate.score - penalty < best_value:
                    keep.extend(candidates[number:])  # none of these can win this turn
                    break
                key = keys[id(candidate)]
                spoils = candidate.sentence is not None and (
                    _gives_away(key, chosen.answers_in.get(candidate.sentence.index, set()))
                    or _given_away(candidate, key, chosen.prompts_in.get(candidate.sentence.index, []))
                )
                if (spoils and strict) or _conflicts(candidate, key, chosen, answer_cap, sentence_cap):
                    skipped.append(candidate)
                    continue
                keep.append(candidate)
                value = candidate.score - penalty
                if spoils:
                    value -= GIVE_AWAY_PENALTY
                if key.blank and candidate.sentence is not None and candidate.sentence.index in chosen.blanked:
                    value -= REPEAT_BLANK_PENALTY
                if value > best_value or (
                    value == best_value and best is not None and position[id(candidate)] < position[id(best)]
                ):
                    best, best_value = candidate, value
            by_kind[kind] = keep
        if best is None:
            break
        of_kind = by_kind[best.kind]
        del of_kind[next(number for number, c in enumerate(of_kind) if c is best)]
        by_kind = {kind: candidates for kind, candidates in by_kind.items() if candidates}
        best.repeat = not strict
        _add(chosen, best, keys[id(best)])
    left = [c for candidates in by_kind.values() for c in candidates]
    return sorted([*skipped, *left], key=lambda c: (-c.score, c.question.id or ""))


def _add(chosen: _Chosen, best: Candidate, key: _Keys) -> None:
    chosen.questions.append(best)
    chosen.facts |= best.facts
    chosen.prompts.add(key.prompt)
    chosen.per_kind[best.kind] += 1
    if best.kind != "truefalse":
        chosen.per_answer[key.answer] += 1
    if best.sentence is not None:
        chosen.per_sentence[best.sentence.index] += 1
        if best.kind != "truefalse":
            chosen.answers_in.setdefault(best.sentence.index, set()).add(key.shown)
        chosen.prompts_in.setdefault(best.sentence.index, []).append(key.prompt[1])
        if key.blank:
            chosen.blanked.add(best.sentence.index)


def _blank(candidate: Candidate) -> bool:
    """A fill-in of the source sentence: a cloze, or a multiple choice that completes the sentence."""
    return candidate.kind == "cloze" or (
        candidate.kind == "mcq" and candidate.question.prompt_text().startswith("Which completes the sentence")
    )


def _prompt_key(candidate: Candidate) -> tuple[str, str]:
    return candidate.kind, normalised(candidate.question.prompt_text())


def _conflicts(
    candidate: Candidate,
    key: _Keys,
    chosen: _Chosen,
    answer_cap: int,
    sentence_cap: int,
) -> bool:
    if candidate.facts & chosen.facts or key.prompt in chosen.prompts:
        return True
    if candidate.kind != "truefalse" and chosen.per_answer[key.answer] >= answer_cap:
        return True
    if candidate.sentence is None:
        return False
    # A long sentence holds more facts than a short one, so it may give more questions.
    cap = sentence_cap + len(candidate.sentence.text.split()) // 20
    return chosen.per_sentence[candidate.sentence.index] >= cap


def _gives_away(key: _Keys, answers: set[str]) -> bool:
    """True when the question shows, word for word, what another question on its sentence asks for."""
    return any(_whole_words(answer).search(key.prompt[1]) for answer in answers if answer)


def _given_away(candidate: Candidate, key: _Keys, prompts: list[str]) -> bool:
    """True when a question already chosen on the sentence shows this one's answer word for word."""
    if not prompts or not key.shown or candidate.kind == "truefalse":
        return False
    pattern = _whole_words(key.shown)
    return any(pattern.search(prompt) for prompt in prompts)


@lru_cache(maxsize=4096)
def _whole_words(text: str) -> re.Pattern[str]:
    return re.compile(rf"\b{re.escape(text)}\b")
