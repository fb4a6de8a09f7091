"""Words whose referent lies outside the sentence, though nothing at its head points back.

'them' as the object of its own clause ('Food scientists use them to ...', 'The survey counts them as ...',
'Landlords would not rent to them.') cannot stand for the clause's own subject (that would be 'themselves'), so it
stands for something the sentence before named. A plural noun the opening words name after a preposition ('The
glow of the embers makes them ...', 'Critics of the tariffs call them ...') may be what 'them' stands for, and 'with
them' ('Travellers carry with them ...') is the subject's own; those stand.

The text's own numbered cases ('a case 2 image', 'This is a case 3 image') are labels a table or section elsewhere
set out: read alone, the card asks for a number the reader was never given. A label the sentence explains ('only in
case 2, where a convex lens is used') or only adds at its end ('... smaller than the object—a case 3 image') is an
aside; the claim stands without it.

So are the text's own other parts, named by their place in it: 'the last equation', 'The previous discussion showed
...', 'our earlier discussion': what they said, the card does not show. ('As explained in <a section>, X is Y' only
adds where to read; its claim stands.)
"""

from __future__ import annotations

import re

# Up to five words, none closing a clause, then 'them'.
_EARLY_THEM = re.compile(r"^(?P<before>(?:[^\s,;:()\u2013\u2014]+\s+){1,5})(?<!with\s)them\b")
# A plural after a preposition in those words: what 'them' may stand for.
_PLURAL_AFTER_PREPOSITION = re.compile(
    r"\b(?:of|about|for|on|in|from|between|among|by|against)\s+(?:[a-z][\w-]*\s+){0,2}"
    r"(?:[a-z][\w-]{2,}(?<!ss)(?<!us)(?<!is)s|people|children|data|bacteria|fungi)\b"
)
_NUMBERED_CASE = re.compile(r"\b[Cc]ases?\s+(?:[1-9]|I{1,3}|IV)\b")
_EXPLAINED = re.compile(r"^\s*,\s*(?:where|in which|when|that is)\b")
_OWN_PART = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hat|[Oo]ur)\s+(?:last|previous|preceding|above|earlier|prior|foregoing)\s+(?:equations?"
    r"|expressions?|formulas?|results?|relations?|relationships?|calculations?|derivations?|discussions?|sections?"
    r"|chapters?|examples?|problems?|analys[ie]s)\b"
    r"|\b(?:equation|expression|formula)\s+above\b"
)
_ADDED_AT_END = re.compile(r"[\u2013\u2014]\s*(?:an?\s+|the\s+)?$")
_ENDS_AFTER = re.compile(r"^(?:\s+[a-z]+)?\s*[.!?]?\s*$")


def outside_referent(text: str) -> str | None:
    """The words that need something outside the sentence ('use them', 'a case 3', 'the last equation'), or
    None."""
    early = _EARLY_THEM.match(text)
    if early and not _PLURAL_AFTER_PREPOSITION.search(early.group("before")):
        return early.group(0)
    part = _OWN_PART.search(text)
    if part:
        return part.group(0).strip()  # 'the last equation', 'The previous discussion'
    for case in _NUMBERED_CASE.finditer(text):
        before, after = text[: case.start()], text[case.end():]
        if _EXPLAINED.match(after) or (_ADDED_AT_END.search(before) and _ENDS_AFTER.match(after)):
            continue  # an aside: the sentence says what the case is, or tacks the label on after its claim
        return case.group(0)
    return None
