"""A mechanism statement found in the text: agent, action, target, and the effects that follow."""

from __future__ import annotations

import re
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
    passive: bool = False  # read from 'Y is caused by X': the sentence ends this clause on the agent
    result: Statement | None = None  # for a 'by doing X' statement, the main clause

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes two statements the same claim."""
        return (fold(self.agent), self.verb, fold(self.target))

    def text(self) -> str:
        """The statement as a clause: 'magnesium blocks NMDA receptors'."""
        return f"{self.agent} {self.action} {self.target}"


# A sentence's link to the one before ('Finally,', 'In addition,'), an example tacked on after a
# semicolon, and 'also' are no part of the claim: a true statement stands on its own without them.
OPENER = re.compile(
    r"^(?:finally|additionally|in addition|furthermore|moreover|further|however|thus|therefore|consequently|"
    r"as a result|for example|for instance|in fact|indeed|similarly|likewise|instead|also|in turn|hence|"
    r"overall|in general|lastly|next|not surprisingly|importantly|specifically|in this way|in short|"
    r"in other words|again|then)\s*,\s+",
    re.I,
)
_EXAMPLE_AFTER = re.compile(r"\s*;\s*(?:for example|for instance|e\.g\.|that is|i\.e\.)[\s,].*$", re.I)
_ALSO = re.compile(r"\s+also\b(?!\s+(?:called|known|termed|referred|named))", re.I)


def standalone(sentence_text: str) -> str:
    """The sentence as a claim of its own: 'Finally, the multiplier also depends on X; for example, Y.'
    reads 'The multiplier depends on X.'"""
    text = OPENER.sub("", sentence_text.strip(), count=1)
    text = _EXAMPLE_AFTER.sub(".", text)
    text = _ALSO.sub("", text)
    if text[:1].islower() and not (len(text) > 1 and text[1].isupper()):
        text = text[:1].upper() + text[1:]
    return text
