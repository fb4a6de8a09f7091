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

from quizmg.generate.quality import normalised
from quizmg.generate.questions import Candidate
from quizmg.generate.terms import singular

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
    # 'sacrificial anode' and 'sacrificial anodes' are one answer.
    keys = {
        id(c): (_prompt_key(c), " ".join(singular(w) for w in normalised(group(c.answer)).split()))
        for c in pool
    }
    chosen = _Chosen()
    remaining = _fill(pool, limit, keys, chosen, FIRST_PER_ANSWER, FIRST_PER_SENTENCE, strict=True)
    _fill(remaining, limit, keys, chosen, MAX_PER_ANSWER, MAX_PER_SENTENCE, strict=False)
    return chosen.questions


def _fill(
    remaining: list[Candidate],
    limit: int,
    keys: dict[int, tuple[tuple[str, str], str]],
    chosen: _Chosen,
    answer_cap: int,
    sentence_cap: int,
    *,
    strict: bool,
) -> list[Candidate]:
    """Add the best candidates that fit the caps to `chosen`; return the ones left over."""
    skipped: list[Candidate] = []
    while remaining and len(chosen.questions) < limit:
        best_index, best_value = -1, float("-inf")
        keep: list[Candidate] = []
        for candidate in remaining:
            spoils = candidate.sentence is not None and (
                _gives_away(candidate, chosen.answers_in.get(candidate.sentence.index, set()))
                or _given_away(candidate, chosen.prompts_in.get(candidate.sentence.index, []))
            )
            if (spoils and strict) or _conflicts(candidate, keys[id(candidate)], chosen, answer_cap, sentence_cap):
                skipped.append(candidate)
                continue
            keep.append(candidate)
            value = candidate.score - KIND_PENALTY * chosen.per_kind[candidate.kind]
            if spoils:
                value -= GIVE_AWAY_PENALTY
            if _blank(candidate) and candidate.sentence is not None and candidate.sentence.index in chosen.blanked:
                value -= REPEAT_BLANK_PENALTY
            if value > best_value:
                best_index, best_value = len(keep) - 1, value
        if best_index < 0:
            break
        best = keep.pop(best_index)
        remaining = keep
        _add(chosen, best, keys[id(best)])
    return sorted([*skipped, *remaining], key=lambda c: (-c.score, c.question.id or ""))


def _add(chosen: _Chosen, best: Candidate, key: tuple[tuple[str, str], str]) -> None:
    chosen.questions.append(best)
    chosen.facts |= best.facts
    chosen.prompts.add(key[0])
    chosen.per_kind[best.kind] += 1
    if best.kind != "truefalse":
        chosen.per_answer[key[1]] += 1
    if best.sentence is not None:
        chosen.per_sentence[best.sentence.index] += 1
        if best.kind != "truefalse":
            chosen.answers_in.setdefault(best.sentence.index, set()).add(normalised(best.answer))
        chosen.prompts_in.setdefault(best.sentence.index, []).append(normalised(best.question.prompt_text()))
        if _blank(best):
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
    key: tuple[tuple[str, str], str],
    chosen: _Chosen,
    answer_cap: int,
    sentence_cap: int,
) -> bool:
    if candidate.facts & chosen.facts or key[0] in chosen.prompts:
        return True
    if candidate.kind != "truefalse" and chosen.per_answer[key[1]] >= answer_cap:
        return True
    if candidate.sentence is None:
        return False
    # A long sentence holds more facts than a short one, so it may give more questions.
    cap = sentence_cap + len(candidate.sentence.text.split()) // 20
    return chosen.per_sentence[candidate.sentence.index] >= cap


def _gives_away(candidate: Candidate, answers: set[str]) -> bool:
    """True when the question shows, word for word, what another question on its sentence asks for."""
    if not answers:
        return False
    shown = normalised(candidate.question.prompt_text())
    return any(re.search(rf"\b{re.escape(answer)}\b", shown) for answer in answers if answer)


def _given_away(candidate: Candidate, prompts: list[str]) -> bool:
    """True when a question already chosen on the sentence shows this one's answer word for word."""
    answer = normalised(candidate.answer)
    if not prompts or not answer or candidate.kind == "truefalse":
        return False
    return any(re.search(rf"\b{re.escape(answer)}\b", prompt) for prompt in prompts)
