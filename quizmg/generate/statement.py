"""A mechanism statement found in the text: agent, action, target, and the effects that follow."""

from __future__ import annotations

from dataclasses import dataclass, field

from quizmg.generate.document import Sentence
from quizmg.generate.terms import fold


@dataclass
class Statement:
    """One mechanism found in the text: agent, action, target, and the effects that follow."""

    agent: str
    action: str  # as it should read after the agent: 'blocks', 'may help reduce', 'does not block'
    verb: str  # the base verb phrase, for comparing actions: 'block'
    target: str
    sentence: Sentence
    negated: bool = False
    hedged: bool = False
    effects: list[str] = field(default_factory=list)
    start: int = 0  # token index of the verb, for ordering within the sentence
    end: int = 0  # token index after the target
    means: bool = False  # found as 'by doing X': the main clause is its result
    relative: bool = False  # found in a relative clause ('which leads to', 'pathways converting')
    result: Statement | None = None  # for a 'by doing X' statement, the main clause

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes two statements the same claim."""
        return (fold(self.agent), self.verb, fold(self.target))

    def text(self) -> str:
        """The statement as a clause: 'magnesium blocks NMDA receptors'."""
        return f"{self.agent} {self.action} {self.target}"
