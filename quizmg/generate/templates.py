"""Mechanism templates: each mechanism expands, deterministically, into questions of several kinds.

A generated question's id is `<mechanism id>.<template>`. A hand-written question with the same id
replaces it; a template named in the mechanism's `skip` list is switched off.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from quizmg.model import (
    Basic,
    Choice,
    Cloze,
    Deck,
    Mechanism,
    MultipleChoice,
    Order,
    QuestionBase,
    TrueFalse,
)

MAX_CHOICES = 4


def expand_deck(deck: Deck) -> list[QuestionBase]:
    """Every question of the deck: generated ones first (unless overridden), then hand-written."""
    written_ids = {question.id for question in deck.questions}
    generated = [
        question
        for mechanism in deck.mechanisms
        for question in expand_mechanism(mechanism, deck)
        if question.id not in written_ids
    ]
    return [*generated, *deck.questions]


def expand_mechanism(mechanism: Mechanism, deck: Deck) -> Iterator[QuestionBase]:
    """The questions one mechanism makes, in template order, skipping switched-off templates."""
    makers = {
        "recall": _recall,
        "what": _what,
        "target": _target,
        "true": _true,
        "false": _false,
        "order": _order,
        "cloze": _cloze,
    }
    for name, make in makers.items():
        if name in mechanism.skip:
            continue
        question = make(mechanism, deck)
        if question is not None:
            yield question


def statement(mechanism: Mechanism, *, action: str | None = None, target: str | None = None) -> str:
    """'Agent action target.' as a sentence."""
    text = f"{mechanism.agent} {action or mechanism.action} {target or mechanism.target}"
    return _sentence(text)


def _common(mechanism: Mechanism, template: str, explanation: str = "") -> dict:
    parts = [part for part in (explanation, mechanism.explanation) if part]
    return {
        "id": f"{mechanism.id}.{template}",
        "tags": list(mechanism.tags),
        "explanation": " ".join(parts),
        "mechanism": mechanism.id,
        "section": mechanism.section,
    }


def _recall(mechanism: Mechanism, deck: Deck) -> Basic:
    answer = statement(mechanism)
    if mechanism.effects:
        answer += f" As a result: {_lower_first(mechanism.effects[0]).rstrip('.')}."
    return Basic(
        prompt=_recall_prompt(mechanism),
        answer=answer,
        **_common(mechanism, "recall"),
    )


def _recall_prompt(mechanism: Mechanism) -> str:
    # "What does X do to Y?" only fits an action verb; "is a cofactor in" or "has a role in" do not.
    if _RELATIONAL.match(mechanism.action):
        return f"What is the link between {mechanism.agent} and {mechanism.target}?"
    return f"What {_do(mechanism)} {mechanism.agent} do to {mechanism.target}?"


def _do(mechanism: Mechanism) -> str:
    """'does' for a singular agent, 'do' for a plural one, read off the verb the author wrote.

    The action agrees with its agent ("magnesium blocks", "NSAIDs block"), so a first verb without
    the third-person -s marks a plural agent.
    """
    verb = mechanism.action.split()[0].lower()
    singular = (verb.endswith("s") and not verb.endswith("ss")) or verb in {"does", "has", "is", "was"}
    return "does" if singular else "do"


_RELATIONAL = re.compile(r"^(is|are|was|were|has|have|acts as|serves as)\b", re.IGNORECASE)


def _what(mechanism: Mechanism, deck: Deck) -> Basic | None:
    if not mechanism.target_is:
        return None
    return Basic(
        prompt=f"What is meant by {mechanism.target}?",
        answer=_sentence(mechanism.target_is),
        **_common(mechanism, "what", statement(mechanism)),
    )


def _target(mechanism: Mechanism, deck: Deck) -> MultipleChoice | None:
    wrong = _wrong_targets(mechanism, deck)
    if not wrong:
        return None
    choices = [Choice(text=_upper_first(mechanism.target), correct=True)]
    choices += [Choice(text=_upper_first(text)) for text in wrong[: MAX_CHOICES - 1]]
    return MultipleChoice(
        prompt=f"Complete the statement: {_upper_first(mechanism.agent)} {mechanism.action} …",
        choices=choices,
        **_common(mechanism, "target", statement(mechanism)),
    )


def _true(mechanism: Mechanism, deck: Deck) -> TrueFalse:
    return TrueFalse(statement=statement(mechanism), answer=True, **_common(mechanism, "true"))


def _false(mechanism: Mechanism, deck: Deck) -> TrueFalse | None:
    """A false statement: a wrong target swapped in, or failing that another mechanism's action.

    A wrong target keeps the verb's sense ("blocks GABA receptors"); a swapped action often does
    not fit the target at all ("is a cofactor in NMDA receptors"), so it is only the fallback.
    """
    wrong = _wrong_targets(mechanism, deck)
    if wrong:
        false_text = statement(mechanism, target=wrong[0])
    else:
        others = [
            other
            for other in _others_by_closeness(mechanism, deck)
            if other.action.lower() != mechanism.action.lower() and other.agent.lower() == mechanism.agent.lower()
        ]
        if not others:
            return None
        false_text = statement(mechanism, action=others[0].action)
    return TrueFalse(
        statement=false_text,
        answer=False,
        **_common(mechanism, "false", f"False. {statement(mechanism)}"),
    )


def _order(mechanism: Mechanism, deck: Deck) -> Order | None:
    if len(mechanism.effects) < 3:
        return None
    return Order(
        prompt=(f"{statement(mechanism).rstrip('.')}. Put what follows in order, first to last."),
        items=[_sentence(effect).rstrip(".") for effect in mechanism.effects],
        **_common(mechanism, "order"),
    )


def _cloze(mechanism: Mechanism, deck: Deck) -> Cloze:
    term = mechanism.key_term or mechanism.target
    hidden = mechanism.target.replace(term, f"{{{{c1::{term}}}}}", 1)
    text = f"{mechanism.agent} {mechanism.action} {hidden}"
    if mechanism.target_is:
        text += f", that is, {_lower_first(mechanism.target_is).rstrip('.')}"
    return Cloze(
        text=_sentence(text),
        extra=" ".join(_sentence(effect) for effect in mechanism.effects),
        **_common(mechanism, "cloze"),
    )


def _wrong_targets(mechanism: Mechanism, deck: Deck) -> list[str]:
    """Wrong answers for 'what does the agent act on': the author's, then other mechanisms' targets.

    Targets of mechanisms with the same agent and action are left out: they would be right too.
    """
    same_claim = {
        other.target.lower()
        for other in deck.mechanisms
        if other.agent.lower() == mechanism.agent.lower() and other.action.lower() == mechanism.action.lower()
    }
    seen = {mechanism.target.lower()}
    wrong: list[str] = []
    candidates = [*mechanism.distractors]
    candidates += [other.target for other in _others_by_closeness(mechanism, deck)]
    for text in candidates:
        if text.lower() in seen or (text.lower() in same_claim and text not in mechanism.distractors):
            continue
        seen.add(text.lower())
        wrong.append(text)
    return wrong


def _others_by_closeness(mechanism: Mechanism, deck: Deck) -> list[Mechanism]:
    """The deck's other mechanisms, in an order fixed by their ids (so output is deterministic)."""

    def rank(other: Mechanism) -> str:
        return hashlib.sha256(f"{mechanism.id}|{other.id}".encode()).hexdigest()

    return sorted((m for m in deck.mechanisms if m.id != mechanism.id), key=rank)


def _sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = _upper_first(text)
    return text if text.endswith((".", "!", "?")) else text + "."


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def _lower_first(text: str) -> str:
    # Keep acronyms (NMDA, HPA) as they are.
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]
