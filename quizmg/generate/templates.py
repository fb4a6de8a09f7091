"""Mechanism templates: each mechanism expands, deterministically, into questions of several kinds.

A generated question's id is `<mechanism id>.<template>`. A hand-written question with the same id
replaces it; a template named in the mechanism's `skip` list is switched off.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator

from quizmg.generate import chains
from quizmg.generate.false_statements import doubles_a_word, reversed_action, turned_phrase
from quizmg.generate.template_text import common, do_verb, lower_first, sentence, statement, upper_first
from quizmg.generate.words import MODALS, NEGATIONS, UNREAL, base_form, word_set
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
        "why": chains.why,
        "whatif": chains.whatif,
        "not": chains.not_effect,
        "pathway": chains.pathway,
    }
    for name, make in makers.items():
        if name in mechanism.skip:
            continue
        question = make(mechanism, deck)
        if question is not None:
            yield question


def _recall(mechanism: Mechanism, deck: Deck) -> Basic | None:
    if "generated" in mechanism.tags and UNREAL.search(mechanism.action):
        # 'The gene would not induce cancer' asked 'What does the gene do to cancer?': a denial or a
        # hypothetical is no action to recall. An author's deck words its own.
        return None
    answer = statement(mechanism)
    if mechanism.effects:
        answer += f" As a result: {lower_first(mechanism.effects[0]).rstrip('.')}."
    return Basic(
        prompt=_recall_prompt(mechanism, deck),
        answer=answer,
        **common(mechanism, "recall"),
    )


def _recall_prompt(mechanism: Mechanism, deck: Deck) -> str:
    # "What does X do to Y?" only fits an action verb; "is a cofactor in" or "has a role in" do not.
    link = f"What is the link between {mechanism.agent} and {mechanism.target}?"
    if _RELATIONAL.match(mechanism.action):
        # 'the link between the ovaries and testes and sex hormones' cannot be parsed: with an 'and' in
        # either side, the relation is asked from the agent ('What do the ovaries and testes produce?').
        joined = " and " in f" {mechanism.agent} {mechanism.target} "
        return (_directed_prompt(mechanism) or link) if joined else link
    relation = _relation_prompt(mechanism)
    if relation:
        # 'What does the multiplier depend on?' has one answer only if the deck names one.
        verb = _verb_of(mechanism)
        others = [m for m in deck.mechanisms if m.id != mechanism.id and m.agent.lower() == mechanism.agent.lower()
                  and _verb_of(m) == verb]
        return link if others else relation
    # 'breaks down maltose into glucose', 'converts nitrogen to nitrites': what is done to is the object;
    # what it becomes ('into glucose', 'to nitrites') belongs to the answer.
    acted_on = mechanism.target.split(" into ", 1)[0]
    if _verb_of(mechanism).split()[:1] and _verb_of(mechanism).split()[0] in _VERBS_OF_CHANGE:
        acted_on = acted_on.split(" to ", 1)[0]
    return f"What {do_verb(mechanism)} {mechanism.agent} do to {acted_on}?"


def _directed_prompt(mechanism: Mechanism) -> str:
    """'What can X lead to?', 'What is X associated with?', 'What do X produce?' ('' for 'has', 'is a')."""
    words = mechanism.action.split()
    first = words[0].lower() if words else ""
    if first in MODALS and len(words) > 1:
        return f"What {first} {mechanism.agent} {' '.join(words[1:])}?"
    if first in {"is", "are", "was", "were"} and len(words) > 1 and words[1].endswith("ed"):
        return f"What {first} {mechanism.agent} {' '.join(words[1:])}?"
    if first in {"is", "are", "was", "were", "has", "have", "acts", "serves"} or any(w in NEGATIONS for w in words):
        return ""
    return f"What {do_verb(mechanism)} {mechanism.agent} {' '.join([base_form(first), *words[1:]])}?"




# 'causes anemia': the target is an outcome, so "What does X do to anemia?" would not make sense.
_RELATIONAL = re.compile(
    r"^(is|are|was|were|has|have|acts as|serves as|"
    r"(?:(?:can|may|might|will|could|should|would|must) )?"
    r"(?:causes?|leads? to|results? in|triggers?|produces?|gives? rise to|contributes? to|induces?|"
    r"initiates?|brings? about))\b",
    re.IGNORECASE,
)


_PREPOSITIONS = word_set("on to with in for from of upon")
# Verbs that turn their object into something or take it somewhere ('converts X to Y', 'carries X to Y'):
# the 'to' phrase is what it becomes or where it goes, not part of what is acted on.
_VERBS_OF_CHANGE = word_set("convert change turn transform reduce oxidize oxidise shift break degrade metabolize "
                            "metabolise hydrolyze hydrolyse cleave fix move carry transport transfer deliver bring "
                            "send pump attach bind add return link pass export")
# Verbs that state a relation, not an action on their object: 'what does X do to Y' misreads them.
_RELATION_VERBS = word_set("reflect represent indicate require involve resemble mirror need")


def _verb_of(mechanism: Mechanism) -> str:
    """'will depend on' and 'depends on' are one relation: 'depend on'."""
    words = [w.lower() for w in mechanism.action.split() if w.lower() not in MODALS]
    return " ".join([base_form(words[0]), *words[1:]]) if words else ""


def _relation_prompt(mechanism: Mechanism) -> str:
    """'What does the multiplier depend on?', 'What will demand depend on?', 'What does X reflect?':
    a verb with its own preposition, or a verb of relation, is asked in its own words ('' otherwise)."""
    words = mechanism.action.split()
    if not words or any(w.lower() in NEGATIONS for w in words):
        return ""
    modal = words[0].lower() if words[0].lower() in MODALS and len(words) > 1 else ""
    verb = words[1:] if modal else words
    head = base_form(verb[0].lower())
    if len(verb) > 2 or not (
        (len(verb) == 2 and verb[1].lower() in _PREPOSITIONS) or (len(verb) == 1 and head in _RELATION_VERBS)
    ):
        return ""
    auxiliary = modal or do_verb(mechanism)
    return f"What {auxiliary} {mechanism.agent} {' '.join([head, *verb[1:]])}?"


def _what(mechanism: Mechanism, deck: Deck) -> Basic | None:
    if not mechanism.target_is:
        return None
    return Basic(
        prompt=f"What is meant by {mechanism.target}?",
        answer=sentence(mechanism.target_is),
        **common(mechanism, "what", statement(mechanism)),
    )


def _target(mechanism: Mechanism, deck: Deck) -> MultipleChoice | None:
    wrong = _wrong_targets(mechanism, deck)
    if not wrong:
        return None
    choices = [Choice(text=upper_first(mechanism.target), correct=True)]
    choices += [Choice(text=upper_first(text)) for text in wrong[: MAX_CHOICES - 1]]
    return MultipleChoice(
        prompt=f"Complete the statement: {upper_first(mechanism.agent)} {mechanism.action} …",
        choices=choices,
        **common(mechanism, "target", statement(mechanism)),
    )


def _true(mechanism: Mechanism, deck: Deck) -> TrueFalse:
    return TrueFalse(statement=statement(mechanism), answer=True, **common(mechanism, "true"))


def _false(mechanism: Mechanism, deck: Deck) -> TrueFalse | None:
    """A false statement: a drafted mechanism's action turned the other way, a wrong target swapped
    in, or failing that another mechanism's action.

    A wrong target keeps the verb's sense ("blocks GABA receptors"); a swapped action often does
    not fit the target at all ("is a cofactor in NMDA receptors"), so it is only the fallback.
    """
    wrong = _wrong_targets(mechanism, deck)
    # A drafted mechanism's wrong target is a guess; its direction turned around ('reduces' ->
    # 'increases') is false for the reason the source states. An author's deck keeps its own choices.
    flipped = reversed_action(mechanism.action) if "generated" in mechanism.tags else None
    # Or its object turned by one word ('to the right' -> 'to the left', 'gram-positive' -> 'gram-negative').
    turned = turned_phrase(mechanism.target, _deck_words(deck)) if "generated" in mechanism.tags else None
    name = mechanism.key_term if mechanism.key_term and mechanism.key_term in mechanism.target else ""
    if turned and (doubles_a_word(statement(mechanism), statement(mechanism, target=turned))
                   or (name and name not in turned)):
        # 'a smaller or larger size' turned into 'a larger or larger size' is nonsense; 'the lower respiratory
        # tract' turned into 'the higher respiratory tract' breaks a name: neither is a claim to judge false.
        turned = None
    if flipped:
        false_text = statement(mechanism, action=flipped)
    elif turned:
        false_text = statement(mechanism, target=turned)
    elif wrong:
        if "generated" in mechanism.tags:  # an author's own distractors come first, as chosen
            wrong = _same_relation_first(mechanism, deck, wrong)
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
        **common(mechanism, "false", f"False. {statement(mechanism)}"),
    )


def _deck_words(deck: Deck) -> set[str]:
    """The words the deck's claims use, in lower case: where a partner word must come from."""
    return {
        word.lower()
        for other in deck.mechanisms
        for phrase in (other.agent, other.target, *other.effects)
        for word in re.findall(r"[\w-]+", phrase)
    }


def _order(mechanism: Mechanism, deck: Deck) -> Order | None:
    if len(mechanism.effects) < 3:
        return None
    return Order(
        prompt=(f"{statement(mechanism).rstrip('.')}. Put what follows in order, first to last."),
        items=[sentence(effect).rstrip(".") for effect in mechanism.effects],
        **common(mechanism, "order"),
    )


def _cloze(mechanism: Mechanism, deck: Deck) -> Cloze:
    term = mechanism.key_term or mechanism.target
    hidden = mechanism.target.replace(term, f"{{{{c1::{term}}}}}", 1)
    text = f"{mechanism.agent} {mechanism.action} {hidden}"
    if mechanism.target_is:
        text += f", that is, {lower_first(mechanism.target_is).rstrip('.')}"
    return Cloze(
        text=sentence(text),
        extra=" ".join(sentence(effect) for effect in mechanism.effects),
        **common(mechanism, "cloze"),
    )


def _same_relation_first(mechanism: Mechanism, deck: Deck, wrong: list[str]) -> list[str]:
    """The wrong targets, those another subject reaches by the same verb first ('the mumps virus causes
    mumps' for 'HSV-1 causes gingivostomatitis'): a false statement built on a pairing the text teaches."""
    verb = _relation_verb(mechanism.action)
    same = {other.target.lower() for other in deck.mechanisms
            if other.agent.lower() != mechanism.agent.lower() and _relation_verb(other.action) == verb}
    return sorted(wrong, key=lambda text: text.lower() not in same)


def _relation_verb(action: str) -> str:
    words = [w for w in action.lower().split() if w not in MODALS]
    return base_form(words[0]) if words else ""


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


