"""The rating a graded answer proposes, and in a few words why.

The rule (the learner can always choose another rating):

- a wrong answer proposes Again;
- a right answer slower than `hard_seconds` proposes Hard;
- a right answer proposes Easy only when it is fast (within `easy_seconds`) AND the card is in
  review (never on a new card or one in its learning or relearning steps: Easy would skip the
  steps) AND the kind cannot be guessed (not true/false, not multiple choice) AND it was accepted
  as typed (not only with a typo or as a near miss) AND it is not an answer given again after
  an undo (the learner has just seen the card);
- every other right answer proposes Good.
"""

from __future__ import annotations

from dataclasses import dataclass

from quizmg.scheduling.memory import CardPhase, Rating

# Kinds where a right answer may be a guess: at most Good.
GUESSABLE_KINDS = frozenset({"mcq", "truefalse"})


@dataclass(frozen=True)
class Proposal:
    """A proposed rating and the reason shown beside it."""

    rating: int
    why: str


def propose(
    *,
    correct: bool,
    near_miss: bool,
    seconds: float,
    hard_seconds: float,
    easy_seconds: float,
    phase: CardPhase,
    kind: str,
    after_undo: bool,
) -> Proposal:
    """The rating the answer suggests, by the rule in this module's docstring."""
    if not correct:
        return Proposal(int(Rating.AGAIN), "wrong")
    if seconds >= hard_seconds:
        return Proposal(int(Rating.HARD), f"right but slow ({seconds:.0f} s)")
    if near_miss:
        return Proposal(int(Rating.GOOD), "right, but not as written")
    if after_undo:
        return Proposal(int(Rating.GOOD), "answered again after an undo")
    if phase is CardPhase.NEW:
        return Proposal(int(Rating.GOOD), "right; a new card is never Easy")
    if phase is not CardPhase.REVIEW:
        return Proposal(int(Rating.GOOD), "right; still in its learning steps")
    if kind in GUESSABLE_KINDS:
        return Proposal(int(Rating.GOOD), "right; a choice can be a guess")
    if seconds <= easy_seconds:
        return Proposal(int(Rating.EASY), f"right and fast ({seconds:.0f} s)")
    return Proposal(int(Rating.GOOD), "right")
