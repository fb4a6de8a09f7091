"""A blank on one instance the sentence gives of a kind: any other instance of that kind fills it as well.

'[...] is an example of a natural condition that affects supply', 'An example of a household cleaner that kills
germs is [...]', '[...] is one of the main routes by which germs enter the body', '[...] are among the most
popular batteries': the sentence says the answer is one of several, so the other members of the kind (frost,
rain; bleach, soap) are right answers too, and the text seldom says which one it means. The kind as the blank
('Handwashing is an example of [...]') is still asked: it is the concept the example shows. So is an instance the
sentence goes on to gloss ('..., in which ...'), and a member told by its class ('[...] is one of a group of
disorders in which ...'), which defines it.
"""

from __future__ import annotations

import re

# The instance after its kind: 'An example of X is [...]', 'A prime example of X is [...]', 'Examples of X are
# [...]'. The kind is a noun phrase: no clause starts inside it ('The example of taxes showed that ... is [...]').
_KIND_BEFORE = re.compile(
    r"(?:^|[.!?;:]\s+)(?:(?:An?|One|Another)\s+(?:[a-z]+\s+)?(?:example|instance)\s+of\s+"
    r"(?P<one>[^.;:]{2,80}?)\s+(?:is|was)"
    r"|(?:Some\s+|Common\s+|Other\s+)?[Ee]xamples\s+of\s+(?P<many>[^.;:]{2,80}?)\s+(?:are|include))\s+(?:the\s+)?$")
# The instance before its kind, as the sentence's subject: '[...] is an example of X', '[...] is one of the Ys',
# '[...] are among the Ys'.
_KIND_AFTER = re.compile(
    r"^\s+(?:is|are|was|were)\s+(?:(?:only|just|but|also|perhaps|probably|simply)\s+)?"
    r"(?:(?:one|an?|another)\s+(?:[a-z]+\s+)?(?:example|instance)s?\s+of|one\s+of\s+the|among)\s", re.IGNORECASE)
_SUBJECT = re.compile(r"(?:^|[.!?]\s+)(?:(?:The|A|An)\s+)?$")
# '[...], in which agents steer buyers ...': the sentence goes on to say which instance it means.
_GLOSSED = re.compile(r"^\s*(?:,|—)\s*(?:in\s+which|which|who|where|that\s+is|meaning)\b", re.IGNORECASE)
_CLAUSE = re.compile(r"\b(?:that|which|who|because|when|if|showed|shows|is|are|was|were)\b", re.IGNORECASE)


def instance_blank(hidden: str, before: str, after: str) -> str | None:
    """Why a blank that is one instance of a kind the sentence names is poor, or None."""
    if _GLOSSED.match(after):
        return None
    kind = _KIND_BEFORE.search(before)
    if kind and not _CLAUSE.search(kind.group("one") or kind.group("many") or ""):
        return f"hides one instance of a kind ({hidden!r}): other instances fit the blank as well"
    if _SUBJECT.search(before) and _KIND_AFTER.match(after):
        return f"hides one instance of a kind ({hidden!r}): other instances fit the blank as well"
    return None
