"""The wording the mechanism templates share: a mechanism as a sentence, ids and explanations."""

from __future__ import annotations

import re

from quizmg.generate.mechanism_links import species_name
from quizmg.generate.words import MODALS as _MODALS
from quizmg.generate.words import is_plural_phrase
from quizmg.model import Mechanism


def statement(mechanism: Mechanism, *, action: str | None = None, target: str | None = None) -> str:
    """'Agent action target.' as a sentence."""
    text = f"{mechanism.agent} {action or mechanism.action} {target or mechanism.target}"
    return sentence(text)


def common(mechanism: Mechanism, template: str, explanation: str = "") -> dict:
    parts = [part for part in (explanation, mechanism.explanation) if part]
    return {
        "id": f"{mechanism.id}.{template}",
        "tags": list(mechanism.tags),
        "explanation": " ".join(parts),
        "mechanism": mechanism.id,
        "section": mechanism.section,
    }


def do_verb(mechanism: Mechanism) -> str:
    """'does' for a singular agent, 'do' for a plural one, read off the verb the author wrote.

    The action agrees with its agent ("magnesium blocks", "NSAIDs block"), so a first verb without
    the third-person -s marks a plural agent.
    """
    verb = mechanism.action.split()[0].lower()
    if verb in _MODALS or verb.endswith("ed"):
        # 'will reduce', 'reduced': the verb does not show the number, so the agent's own words do.
        return "do" if is_plural_phrase(mechanism.agent) and not species_name(mechanism.agent) else "does"
    singular = (verb.endswith("s") and not verb.endswith("ss")) or verb in {"does", "has", "is", "was"}
    return "does" if singular else "do"


def sentence(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    text = upper_first(text)
    return text if text.endswith((".", "!", "?")) else text + "."


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    # Keep acronyms (NMDA, HPA) as they are.
    if len(text) > 1 and (text[1].isupper() or (text[1] in "-. " and text[0].isupper())):
        return text  # 'NMDA', 'G-proteins', 'B cells', 'P. jirovecii': a letter that is a name
    return text[:1].lower() + text[1:]
