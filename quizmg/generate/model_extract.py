"""Mechanisms proposed by a language model (through the `llm` library), checked against the source.

The model is asked for mechanisms in the deck's own mechanism schema (agent, action, target, effects),
as structured output. Nothing it says is taken on trust: a mechanism is kept only when one sentence of
the document has its agent and its target, and each effect is kept only when a sentence has it; the
statement is then built on that sentence, so every question names the line it comes from, and it
goes through the same templates and checks as a statement the rules found. The rest is reported.

`llm` is an optional extra (`pip install 'quizmg[llm]'`); it is imported only here, only when a
model is asked for.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from pydantic import BaseModel, Field, ValidationError

from quizmg.generate.document import Document, Sentence
from quizmg.generate.mechanisms import Statement
from quizmg.generate.stems import content_stems

MAX_PROMPT_CHARACTERS = 60_000


class ProposedMechanism(BaseModel):
    """One mechanism as the model must give it: the fields of a deck's mechanism it can fill."""

    agent: str = Field(description="What acts, as the text names it, e.g. 'magnesium'.")
    action: str = Field(description="What it does, a verb phrase agreeing with the agent: 'blocks'.")
    target: str = Field(description="What it acts on, as the text names it: 'NMDA receptors'.")
    effects: list[str] = Field(default_factory=list, description="What follows, in order, each a short clause.")


class ProposedMechanisms(BaseModel):
    mechanisms: list[ProposedMechanism]


PROMPT = (
    "Read the text below and list the mechanisms it states: something (the agent) acts on something "
    "(the target), and what follows from it (effects, in order). Use the text's own words for agent and "
    "target. Only mechanisms the text states; no outside knowledge.\n\nTEXT:\n"
)


@dataclass
class ModelResult:
    """What the model proposed, kept as statements, and what was rejected and why."""

    statements: list[Statement] = field(default_factory=list)
    rejected: list[str] = field(default_factory=list)
    proposed: int = 0


class ModelUnavailable(Exception):
    """No model to ask: the extra is not installed, no model has that name, or the call failed."""


def ask_model(name: str, text: str) -> list[ProposedMechanism]:
    """The mechanisms the named llm model proposes for `text` (ModelUnavailable when it cannot)."""
    try:
        import llm
    except ImportError:
        raise ModelUnavailable(
            "the llm library is not installed (pip install 'quizmg[llm]')"
        ) from None
    try:
        model = llm.get_model(name)
    except llm.UnknownModelError:
        raise ModelUnavailable(f"llm has no model named {name!r} (see `llm models`)") from None
    try:
        response = model.prompt(PROMPT + text[:MAX_PROMPT_CHARACTERS], schema=ProposedMechanisms)
        reply = response.text()
    except Exception as error:  # a plugin may raise anything: a key missing, the network down
        raise ModelUnavailable(f"the model {name!r} failed: {str(error).splitlines()[0] if str(error) else error}") \
            from None
    try:
        return ProposedMechanisms.model_validate(json.loads(reply)).mechanisms
    except (ValueError, ValidationError):
        raise ModelUnavailable(f"the model {name!r} did not answer in the mechanism schema") from None


def check_proposals(proposals: list[ProposedMechanism], document: Document) -> ModelResult:
    """Keep what a sentence of the document supports; report the rest."""
    result = ModelResult(proposed=len(proposals))
    indexed = [(sentence, content_stems(sentence.text)) for sentence in document.sentences]
    for proposal in proposals:
        agent, target = proposal.agent.strip(), proposal.target.strip()
        label = f"{agent} {proposal.action} {target}"
        if not agent or not target or not proposal.action.strip():
            result.rejected.append(f"{label!r}: an agent, action or target is missing")
            continue
        wanted = content_stems(agent) | content_stems(target) | content_stems(_base(proposal.action))
        sentence = _supporting(indexed, wanted)
        if sentence is None:
            result.rejected.append(f"{label!r}: no sentence of the text states it")
            continue
        effects: list[str] = []
        dropped: list[str] = []
        for effect in proposal.effects:
            (effects if _supporting(indexed, content_stems(effect), share=0.75) else dropped).append(effect.strip())
        for effect in dropped:
            result.rejected.append(f"the effect {effect!r} of {label!r}: no sentence of the text states it")
        result.statements.append(
            Statement(agent=agent, action=proposal.action.strip(), verb=_base(proposal.action), target=target,
                      sentence=sentence, effects=effects)
        )
    return result


def _base(action: str) -> str:
    first, _, rest = action.strip().lower().partition(" ")
    if first.endswith("ies"):
        first = first[:-3] + "y"
    elif first.endswith(("shes", "ches", "sses", "xes")):
        first = first[:-2]
    elif first.endswith("s") and not first.endswith("ss"):
        first = first[:-1]
    return f"{first} {rest}".strip()


def _supporting(
    indexed: list[tuple[Sentence, frozenset[str]]], wanted: frozenset[str], share: float = 1.0
) -> Sentence | None:
    """The first sentence holding every wanted word (or `share` of them), or None."""
    if not wanted:
        return None
    for sentence, words in indexed:
        if len(wanted & words) >= share * len(wanted):
            return sentence
    return None
