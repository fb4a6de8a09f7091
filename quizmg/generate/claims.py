"""Whether the document might support a claim: the check behind every false statement and wrong choice.

A mechanism template swaps in a wrong target or action; the swap is only safe when the document says
nothing that makes it true. A verb's direction (blocks vs. enhances) is what tells a contradiction.
"""

from __future__ import annotations

import re

from quizmg.generate.mechanisms import Statement
from quizmg.generate.quality import normalised
from quizmg.generate.words import LOWERING, RAISING, base_form
from quizmg.model import Cloze, Mechanism, TrueFalse

_HEDGE = re.compile(r"\b(?:may|might|could|possibly|perhaps)\b", re.I)


def claim_problems(
    question: object, mechanism: Mechanism, template: str, statements: list[Statement]
) -> list[str]:
    """A 'false' statement or a wrong choice that the document might in fact support."""
    problems = []
    own_verb = verb_of(mechanism.action, statements)
    if template in {"true", "false"} and _HEDGE.search(mechanism.action):
        # 'X may cause Y': what may happen cannot be judged false, so neither version teaches.
        problems.append(f"a hedged claim ({mechanism.action!r}) is neither plainly true nor plainly false")
    elif _HEDGE.search(mechanism.action) and _reason_dropped(mechanism, statements):
        # 'TSI may cause conflicting symptoms because it may stimulate ... or block ...': without its
        # reason the hedge says nothing a learner can know.
        problems.append(f"a hedged claim ({mechanism.action!r}) cut before the reason its sentence gives")
    if template == "false" and isinstance(question, TrueFalse):
        body = question.statement.rstrip(".")
        agent = mechanism.agent
        if body.lower().startswith(agent.lower()) and body.lower().endswith(mechanism.target.lower()):
            action = body[len(agent) : len(body) - len(mechanism.target)].strip().lower()
            verb = verb_of(action, statements)
            if not verb_direction(verb) or verb_direction(own_verb) in {"", verb_direction(verb)} \
                    or contradicted(agent, own_verb, mechanism.target, statements):
                # the section says it both ways ('raises X at first, lowers X later'): no false statement
                problems.append(f"the swapped action {action!r} may be true as well")
        else:
            target = body[len(agent) + len(mechanism.action) + 2 :]
            if not contradicted(agent, own_verb, target, statements):
                problems.append(f"the swapped target {target!r} may be true as well")
    # "Magnesium supports [...]." has many right answers: a blank needs a sentence around it.
    if template == "cloze" and isinstance(question, Cloze) and len(question.render(1).split()) < 6:
        problems.append("too little context around the blank")
    if template == "target":
        for choice in getattr(question, "choices", []):
            if not choice.correct and supported(mechanism.agent, own_verb, choice.text, statements):
                problems.append(f"the wrong choice {choice.text!r} may be right as well")
    return problems


def _reason_dropped(mechanism: Mechanism, statements: list[Statement]) -> bool:
    """True when the mechanism's sentence goes on, after its target, with the reason: 'because ...'."""
    for statement in statements:
        if (statement.agent, statement.action, statement.target) != (
            mechanism.agent, mechanism.action, mechanism.target
        ):
            continue
        text = statement.sentence.text
        at = text.lower().find(mechanism.target.lower())
        return at >= 0 and _REASON.match(text[at + len(mechanism.target) :]) is not None
    return False


_REASON = re.compile(r"^,?\s+(?:because|since|as a result of|due to)\b", re.I)


def verb_of(action: str, statements: list[Statement]) -> str:
    for statement in statements:
        if statement.action.lower() == action.lower():
            return statement.verb
    words = action.split()
    # 'increases' (an action no statement has, turned from 'reduces') is the verb 'increase'.
    return base_form(words[0].lower()) if len(words) == 1 else (words[-1] if words else "")


def verb_direction(verb: str) -> str:
    """'down' for blocking verbs, 'up' for enhancing ones, '' when the verb has no direction."""
    if verb in LOWERING:
        return "down"
    if verb in RAISING:
        return "up"
    return ""


def contradicted(agent: str, verb: str, target: str, statements: list[Statement]) -> bool:
    """True when the document says the agent acts the opposite way on the target."""
    agent_key, target_key = normalised(agent), normalised(target)
    direction = verb_direction(verb)
    for statement in statements:
        other_agent, other_target = normalised(statement.agent), normalised(statement.target)
        if not (agent_key in other_agent or other_agent in agent_key):
            continue
        if not (target_key in other_target or other_target in target_key):
            continue
        other = verb_direction(statement.verb)
        if direction and other and direction != other:
            return True
    return False


def supported(agent: str, verb: str, target: str, statements: list[Statement]) -> bool:
    """True when the document may say that the agent does this (or the like) to the target.

    Only a statement acting the opposite way rules a claim out; a verb without a direction
    ('interacts with') could mean anything, so it counts as support.
    """
    agent_key, target_key = normalised(agent), normalised(target)
    direction = verb_direction(verb)
    for statement in statements:
        other_agent, other_target = normalised(statement.agent), normalised(statement.target)
        related_agent = agent_key in other_agent or other_agent in agent_key
        related_target = target_key in other_target or other_target in target_key
        if related_target and not related_agent:
            # Something else acts this way on it: a learner could argue the agent does too.
            other = verb_direction(statement.verb)
            if direction and other and direction != other:
                continue
            return True
        if not (related_agent and related_target):
            continue
        other = verb_direction(statement.verb)
        if not direction or not other or direction == other:
            return True
    return False
