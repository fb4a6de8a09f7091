"""A step of the text's own working: 'To find X, we ...', 'We can derive an expression for ...', 'We can get X
from the equation by cancelling ...'.

A physics or chemistry section works its results out in front of the reader. A sentence that says what the
writer does next on the way ('To find the total, we first note that ...', 'To express the force in newtons, we
convert the area ...') or announces that a formula is coming ('We can obtain an expression for the current by
considering ...') states no fact of the subject: what it sets up (the assumption made, the quantity
considered) is a choice of this one derivation. A blank in it asks which step the writer took; read alone, a
learner cannot tell what the step is for. The sentence before does not help either: it is the derivation's
previous step, or the formula, so such a sentence is not carried (context.carried).

A result the sentence states stands: 'We find that the binding energy is roughly proportional to ...', 'We can
determine the dipole moment by adding the bond moments' (a method of the subject, with no derivation of the
text's own), 'Thus, we see that triple bonds are shorter'.
"""

from __future__ import annotations

import re

_OPENING = r"(?:(?:But|And|So|Now|Then|First|Next|Finally|Again|Here),?\s+)?"
# What the working is for: to find, get, show or understand something.
_PURPOSE = (
    r"find|get|obtain|derive|calculate|determine|see|show|understand|analy[sz]e|solve|compute|evaluate|express"
    r"|relate|estimate|check|verify|discuss|describe|illustrate|simplify|account"
)
# 'To find the total capacitance, we first note that ...': a purpose clause, then the writer (or 'one') at work.
_FOR_A_PURPOSE = re.compile(
    rf"^{_OPENING}[Tt]o\s+(?:{_PURPOSE})\b[^,;:]*,\s+(?:we|let\s+us|let[’']s|one)\b"
)
_MODAL = r"(?:(?:can|could|will|shall|may|must|now|first|then|also|again|easily)\s+)*"
# 'We can obtain an expression for ...', 'We will derive a relationship between ...': a derivation announced.
_DERIVES = re.compile(
    rf"\b(?:[Ww]e|[Oo]ne)\s+{_MODAL}(?:derive|obtain|get|find|develop|deduce)\s+(?:an?\s+|the\s+)?"
    r"(?:(?:general|simple|useful|similar)\s+)?(?:expression|formula|relationship|relation)s?\b"
)
# Working on an equation, or a way of seeing a thing the writer chose: 'We can get the energy ... from the
# right-hand side of the equation by cancelling N', 'We can understand the phases of matter by considering ...'.
_BY_STEP = re.compile(
    rf"^{_OPENING}[Ww]e\s+{_MODAL}(?:get|obtain|derive|find|understand)\b[^.;:]*?\bby\s+"
    r"(?:considering|taking|cancel+ing|multiplying|dividing|substituting|rearranging|setting|equating"
    r"|inserting|plugging|summing|integrating|manipulating|noting|looking)\b"
)


def derivation_step(text: str) -> str | None:
    """The words by which a sentence is a step of the text's own working ('To find the total, we', 'We can
    derive an expression'), or None when it says what is so."""
    for pattern in (_FOR_A_PURPOSE, _DERIVES, _BY_STEP):
        found = pattern.search(text)
        if found:
            return found.group(0).strip(" ,")
    return None
