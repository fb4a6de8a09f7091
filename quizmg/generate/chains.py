"""The questions teachers ask about a mechanism's chain of effects.

- why: "How does PTH raise blood calcium levels?" when the outcome is the agent's own doing, else
  "How does magnesium bring about this outcome: less tension builds up?" The answer is the chain,
  step by step, from what the agent does to the outcome.
- whatif: "What would happen if magnesium could not block NMDA receptors?" The answer names every
  step that would no longer follow.
- not: "Magnesium blocks NMDA receptors. Which of these is NOT one of its effects?" The right
  choice is an early step of another agent's chain that shares no word with this one.
- pathway: "Describe the pathway: put the steps in order." The agent's own step and its two
  effects (a chain of three or more effects has the `order` template already).

Prompts never show the answer: the why prompt names only the agent and the outcome, the what-if
prompt only the first step, and the not prompt only the first step.
"""

from __future__ import annotations

import hashlib
import re

from quizmg.generate.stems import content_stems
from quizmg.generate.template_text import common, do_verb, lower_first, sentence, statement, upper_first
from quizmg.generate.words import (
    DETERMINERS,
    MODALS,
    NEGATIONS,
    STOP_WORDS,
    VERB_WORDS,
    base_form,
    is_plural_phrase,
    word_set,
)
from quizmg.model import Basic, Choice, Deck, Mechanism, MultipleChoice, Order

_WORD = re.compile(r"[a-z0-9]+")


def why(mechanism: Mechanism, deck: Deck) -> Basic | None:
    if not mechanism.effects:
        return None
    outcome = _clause(mechanism.effects[-1])
    answer = told_as_sentences(statement(mechanism).rstrip("."), mechanism.agent,
                               [_clause(e) for e in mechanism.effects], mechanism.target)
    prompt = _how(mechanism.agent, outcome) or _lead_to(mechanism, outcome) or (
        f"How {do_verb(mechanism)} {mechanism.agent} bring about this outcome: {outcome}?"
    )
    return Basic(prompt=sentence(prompt), answer=upper_first(answer), **common(mechanism, "why"))


# 'A can lead to B', 'A results in B': a step that is itself a cause names its outcome as a noun phrase.
_CAUSING = re.compile(
    r"^(?P<subject>.+?)\s+(?:(?P<modal>can|may|might|could|will|would)\s+)?"
    r"(?:leads?|lead|results?|gives? rise|causes?|brings? about|contributes?)(?:\s+(?:to|in))?\s+(?P<outcome>.+)$"
)
# 'lower protein levels decrease blood viscosity': a step that changes an amount names it as its outcome.
_CHANGING = re.compile(
    r"^(?P<subject>.+?)\s+(?:(?P<modal>can|may|might|could|will|would)\s+)?"
    r"(?P<verb>(?:decrease|reduce|lower|increase|raise|elevate)s?)\s+(?P<outcome>.+)$"
)
_UPWARD = ("increase", "raise", "elevate")
# 'signs and symptoms follow', 'the cellular response is triggered': an outcome named with no cause.
_FOLLOWING = re.compile(
    r"^(?P<outcome>.+?)\s+(?:follows?|(?:is|are)\s+(?:triggered|produced|caused|induced|initiated))$"
)


def _lead_to(mechanism: Mechanism, outcome: str) -> str:
    """'How can Meniere's disease lead to hearing loss?' when the chain ends in a cause ('a degeneration ...
    can lead to hearing loss') or a bare outcome ('signs follow'): the outcome is asked as a noun phrase,
    never as a clause glued after 'this outcome:'. '' when the last step is no such clause."""
    following = _FOLLOWING.match(outcome)
    causing = None if following else _CAUSING.match(outcome)
    changing = None if following or causing else _CHANGING.match(outcome)
    if following:
        named, modal = following.group("outcome"), ""
    elif causing and causing.group("subject").split()[0].lower() not in NEGATIONS:
        named, modal = causing.group("outcome"), causing.group("modal") or ""
    elif changing and changing.group("subject").split()[0].lower() not in NEGATIONS:
        # 'lower protein levels decrease blood viscosity': whatever came before, the chain ends in a
        # decrease in blood viscosity, and that is the outcome asked about.
        change = "an increase" if changing.group("verb").startswith(_UPWARD) else "a decrease"
        named, modal = f"{change} in {changing.group('outcome')}", changing.group("modal") or ""
    else:
        return ""
    if modal in {"can", "may", "might", "could"}:
        return f"How can {mechanism.agent} lead to {named}?"
    return f"How {do_verb(mechanism)} {mechanism.agent} lead to {named}?"


def _how(agent: str, outcome: str) -> str:
    """'How does PTH raise blood calcium levels?' for an outcome whose subject is the agent; else ''."""
    if not outcome.lower().startswith(agent.lower() + " "):
        return ""
    verb, _, rest = outcome[len(agent) + 1 :].partition(" ")
    if not rest or verb.lower() in NEGATIONS or rest.split()[0].lower() in NEGATIONS:
        return ""
    if verb.lower() in MODALS:
        return f"How {verb.lower()} {agent} {rest}?"
    if verb.lower() in {"is", "are", "was", "were", "has", "have", "had", "does", "do", "did"}:
        return ""  # 'PTH is released ...': a state, not something the agent does
    if is_plural_phrase(agent):
        return f"How do {agent} {verb} {rest}?"
    return f"How does {agent} {base_form(verb.lower())} {rest}?"


def whatif(mechanism: Mechanism, deck: Deck) -> Basic | None:
    if not mechanism.effects:
        return None
    answer = what_would_not_happen([_clause(e) for e in mechanism.effects])
    words = mechanism.action.split()
    while words and words[0].lower() in MODALS:
        words = words[1:]  # 'will reduce' -> 'could not reduce'
    if " ".join(w.lower() for w in words) in _BARE_CAUSES:
        # 'What would happen if the disease could not result in ...?': a bare cause is no deed to block;
        # the why question asks for its chain.
        return None
    if not words or any(w.lower() in NEGATIONS for w in words):
        # 'X does not block Y': there is no step to take away, so ask about the agent itself.
        prompt = f"What would happen without {mechanism.agent}?"
        answer += f" ({statement(mechanism)})"
    elif words[0].lower() in _STATE_VERBS:
        # 'is a cofactor in', 'is associated with': a state, not a deed the agent could fail to do.
        role = " ".join(words[1:])
        if re.match(r"(?:an?|the)\s", role) and not role.split()[-1].endswith("ed"):
            prompt = f"What would happen without {mechanism.agent} as {role} {mechanism.target}?"
        else:
            prompt = f"What would happen without {mechanism.agent}?"
    else:
        action = _shared_modal(" ".join([base_form(words[0].lower()), *words[1:], mechanism.target]))
        prompt = f"What would happen if {mechanism.agent} could not {action}?"
    return Basic(prompt=sentence(prompt), answer=answer, **common(mechanism, "whatif"))


_LINKING = word_set("to on in with from into")
_BARE_CAUSES = frozenset({"cause", "causes", "lead to", "leads to", "result in", "results in", "give rise to",
                          "gives rise to", "bring about", "brings about", "contribute to", "contributes to"})
_STATE_VERBS = word_set("is are was were has have")
_COMPARING = word_set("less fewer more lower higher greater smaller larger reduced increased instead while "
                      "rather than not no")
_OUTCOME_VERBS = word_set(
    "follow follows rise rises fall falls drop drops ease eases grow grows build builds become becomes "
    "relax relaxes enter enters occur occurs improve improves happen happens stop stops start starts "
    "increase increases decrease decreases last lasts form forms"
)


def told_as_sentences(first: str, agent: str, effects: list[str], target: str = "") -> str:
    """A chain as a teacher would write it: 'The ozone layer absorbs ultraviolet light, and so it protects
    earth.' / 'Noise damages hair cells, which can lead to deafness.' (a step that starts from what the
    first acted on) / 'A. As a result, B, then C, and finally D.' (semicolons when a step has its own comma)."""
    first = upper_first(first)
    if len(effects) == 1:
        if target and effects[0].lower().startswith(target.lower() + " ") and not first.endswith(","):
            return f"{first}, which {effects[0][len(target) + 1:]}."
        return f"{first}, and so {_pronoun_for(effects[0], agent)}."
    joint = "; " if any("," in e for e in effects) else ", "
    middle = "".join(f"{joint}then {e}" for e in effects[1:-1])
    return f"{first}. As a result, {effects[0]}{middle}{joint}and finally {effects[-1]}."


def _pronoun_for(clause: str, agent: str) -> str:
    """'the ozone layer protects earth' after 'The ozone layer absorbs ...,' reads 'it protects earth'."""
    if not clause.lower().startswith(agent.lower() + " ") or not agent:
        return clause
    return ("they" if is_plural_phrase(agent) else "it") + clause[len(agent):]


def what_would_not_happen(effects: list[str]) -> str:
    """'The ozone layer would not protect earth.', or, when a step cannot be turned round in plain words
    ('less tension builds up'), the steps that would be lost, as a list."""
    turned = [_would_not(e) for e in effects]
    if all(turned):
        clauses = [t for t in turned if t]
        if len(clauses) == 1:
            return f"{upper_first(clauses[0])}."
        return upper_first(", ".join(clauses[:-1]) + f", and {clauses[-1]}.")
    joint = "; " if any("," in e for e in effects) else ", "
    listed = effects[0] if len(effects) == 1 else joint.join(effects[:-1]) + f"{joint}and {effects[-1]}"
    return f"None of what follows from it would happen: {listed}."


def _would_not(clause: str) -> str | None:
    """'excitation is damped' -> 'excitation would not be damped'; 'PTH raises calcium' -> 'PTH would not
    raise calcium'; None for a clause whose negation would not say the opposite in plain words."""
    words = clause.split()
    if any(w.lower().strip(",;") in _COMPARING for w in words) or "," in clause:
        return None  # 'less tension builds up' negated is no plain English; 'while' joins two claims
    for index, word in enumerate(words[:7]):
        lower = word.lower()
        if index == 0 or words[index - 1].lower() in STOP_WORDS:
            continue  # 'a sense of calm': after 'of' or 'the' a word is a noun
        subject, rest = " ".join(words[:index]), words[index + 1 :]
        if lower in {"is", "are", "was", "were"} and rest:
            return f"{subject} would not be {' '.join(rest)}"
        if lower in MODALS and rest:
            return f"{subject} would not {' '.join(rest)}"
        # A word in -s before an article ('the canopy shelters the seedlings') is a verb too.
        # A word in -s before an article ('the canopy shelters the seedlings') or ending the clause after
        # its noun ('the slope slides') is a verb too.
        governs = lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and (
            not rest or rest[0].lower() in DETERMINERS
            or (len(rest) > 1 and rest[0].lower() in _LINKING and rest[1].lower() in DETERMINERS))
        if lower in VERB_WORDS or lower in _OUTCOME_VERBS or governs:
            if lower.endswith("ed"):
                return None  # 'calcium released': a participle, no verb of its own
            return " ".join([subject, "would not", base_form(lower), *rest]).strip()
    return None


def _shared_modal(target: str) -> str:
    """'stress and improves sleep': after 'could not ...', a second verb shares the modal ('improve')."""
    return re.sub(r"\b(and|or) ([a-z]+)\b", lambda m: f"{m.group(1)} {base_form(m.group(2))}"
                  if m.group(2) in VERB_WORDS and m.group(2).endswith("s") else m.group(0), target)


def not_effect(mechanism: Mechanism, deck: Deck) -> MultipleChoice | None:
    """'Which is NOT an effect': this chain's effects are the wrong choices, an unrelated one is right."""
    if len(mechanism.effects) < 2:
        return None
    outsider = _unrelated_effect(mechanism, deck)
    if outsider is None:
        return None
    choices = [Choice(text=upper_first(_clause(outsider)), correct=True)]
    choices += [Choice(text=upper_first(_clause(e))) for e in mechanism.effects[:3]]
    return MultipleChoice(
        prompt=f"{statement(mechanism)} Which of these is NOT one of its effects?",
        choices=choices,
        **common(mechanism, "not", f"Its effects: {'; '.join(_clause(e) for e in mechanism.effects)}."),
    )


def pathway(mechanism: Mechanism, deck: Deck) -> Order | None:
    if len(mechanism.effects) != 2:
        return None
    items = [statement(mechanism).rstrip("."), *(sentence(e).rstrip(".") for e in mechanism.effects)]
    if len({i.lower() for i in items}) != len(items):
        return None
    return Order(
        prompt=f"Describe the pathway that starts with {mechanism.agent}: put the steps in order, first to last.",
        items=items,
        **common(mechanism, "pathway"),
    )


def fold_agent(agent: str) -> str:
    return " ".join(_WORD.findall(agent.lower()))


def _clause(effect: str) -> str:
    return lower_first(effect.strip().rstrip("."))


def _unrelated_effect(mechanism: Mechanism, deck: Deck) -> str | None:
    """Another agent's effect that shares no content word with this one's agent, target or effects.

    Sharing a word ('anxiety eases' beside 'less anxiety builds up') could make it an effect here too.
    """
    own = content_stems(" ".join([mechanism.agent, mechanism.target, *mechanism.effects]))
    own -= content_stems(mechanism.agent)  # the agent's name is in every effect of a one-agent deck
    lengths = sorted(len(e) for e in mechanism.effects[:3])
    typical = lengths[len(lengths) // 2]
    spread: dict[str, int] = {}
    for other in deck.mechanisms:
        for word in content_stems(" ".join(other.effects)):
            spread[word] = spread.get(word, 0) + 1
    candidates = []
    for other in deck.mechanisms:
        # Another agent's chain in another section: one agent's chains (or one section's) too often
        # end in each other's effects, so "not one of its effects" would be false.
        if fold_agent(other.agent) == fold_agent(mechanism.agent) or (
            mechanism.section and other.section == mechanism.section
        ):
            continue
        # Never a chain's last step: outcomes ('calm follows', 'stress is relieved') are where many
        # chains end, so they may well follow from this one too. Early steps are specific.
        for effect in other.effects[:-1]:
            words = content_stems(effect)
            # A word in two chains' effects ('calm', 'stress') marks a shared outcome, not a specific step.
            if words and not (words & own) and all(spread.get(w, 0) < 2 for w in words):
                salt = hashlib.sha256(f"{mechanism.id}|{effect}".encode()).hexdigest()
                # A right choice longer than the wrong ones gives itself away: the closest length wins.
                candidates.append((abs(len(effect) - typical), salt, effect))
    return min(candidates)[2] if candidates else None
