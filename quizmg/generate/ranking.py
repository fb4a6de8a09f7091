"""Choosing the best drafted questions: highest score first, distinct facts, a mix of kinds."""

from __future__ import annotations

from collections import Counter

from quizmg.generate.quality import normalised
from quizmg.generate.questions import Candidate
from quizmg.generate.terms import singular

KIND_PENALTY = 0.35  # each question of a kind already chosen makes the next one of it less welcome
MAX_PER_ANSWER = 2  # a third question with the same answer is redundancy a teacher deletes
MAX_PER_SENTENCE = 3
# A second blank in a sentence already asked as a fill-in mostly repeats the first: it comes only when
# the document has little else to ask.
REPEAT_BLANK_PENALTY = 1.0


def select(candidates: list[Candidate], limit: int, kinds: set[str] | None = None) -> list[Candidate]:
    """Up to `limit` candidates, best first, no two asking the same thing."""
    pool = [c for c in candidates if not c.problems and (kinds is None or c.kind in kinds)]
    pool.sort(key=lambda c: (-c.score, c.question.id or ""))
    pool = pool[: max(limit * 25, 200)]  # the rest could never win against these
    # 'sacrificial anode' and 'sacrificial anodes' are one answer.
    keys = {id(c): (_prompt_key(c), " ".join(singular(w) for w in normalised(c.answer).split())) for c in pool}
    chosen: list[Candidate] = []
    facts: set[str] = set()
    prompts: set[tuple[str, str]] = set()
    per_answer: Counter[str] = Counter()
    per_sentence: Counter[int] = Counter()
    per_kind: Counter[str] = Counter()
    blanked: set[int] = set()  # sentences already asked as a fill-in: a second blank in one is a repeat
    remaining = list(pool)
    while remaining and len(chosen) < limit:
        best_index, best_value = -1, float("-inf")
        keep: list[Candidate] = []
        for candidate in remaining:
            if _conflicts(candidate, keys[id(candidate)], facts, prompts, per_answer, per_sentence):
                continue
            keep.append(candidate)
            value = candidate.score - KIND_PENALTY * per_kind[candidate.kind]
            if _blank(candidate) and candidate.sentence is not None and candidate.sentence.index in blanked:
                value -= REPEAT_BLANK_PENALTY
            if value > best_value:
                best_index, best_value = len(keep) - 1, value
        if best_index < 0:
            break
        best = keep.pop(best_index)
        remaining = keep
        chosen.append(best)
        facts |= best.facts
        prompts.add(keys[id(best)][0])
        per_kind[best.kind] += 1
        if best.kind != "truefalse":
            per_answer[keys[id(best)][1]] += 1
        if best.sentence is not None:
            per_sentence[best.sentence.index] += 1
            if _blank(best):
                blanked.add(best.sentence.index)
    return chosen


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
    facts: set[str],
    prompts: set[tuple[str, str]],
    per_answer: Counter[str],
    per_sentence: Counter[int],
) -> bool:
    if candidate.facts & facts or key[0] in prompts:
        return True
    if candidate.kind != "truefalse" and per_answer[key[1]] >= MAX_PER_ANSWER:
        return True
    if candidate.sentence is None:
        return False
    # A long sentence holds more facts than a short one, so it may give more questions.
    cap = MAX_PER_SENTENCE + len(candidate.sentence.text.split()) // 20
    return per_sentence[candidate.sentence.index] >= cap
