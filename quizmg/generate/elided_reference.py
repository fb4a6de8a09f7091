"""A noun the sentence before named, left out or pointed at: 'Most are ...', 'The rest of the time, ...', 'to
that process'.

A paragraph names a group and then says things of its parts with the noun left out: 'Most are found in
the belt', 'Some may travel far', 'Others involve a neighbour', 'Each has its own charge', 'None was ever
found', 'Some trigger the growth of ...' (any verb before its object). Read alone, the quantifier stands for
nothing ('most' of what?). With a noun of its own ('Most comets are ...', 'Some people argue ...') or a phrase
('Most of the gas is ...') the sentence says what it counts and stands alone. 'Both' is read elsewhere
(sentence_use.leans_back).

So does 'the rest of' at the sentence's head ('The rest of the time, the cloud shrinks ...': the rest
besides the time the sentence before gave), except 'the rest of the world', which is a place of its own.

And 'that' after a preposition, heading a noun the sentence has not named ('Engineers refer to that
process as ...', 'the remnant of that star', 'for that reason'): which process, star or reason, the
sentence before said. When the sentence names the noun first ('a loan from a bank ... from that bank')
it points inside the sentence; 'that' before a participle ('similar to that seen in ...', 'to that of')
is a pronoun with its own phrase; 'in that' may be the conjunction ('in that each atom has ...').
"""

from __future__ import annotations

import re

_AUXILIARIES = (
    r"is|are|was|were|has|have|had|can|could|may|might|will|would|must|should|do|does|did|cannot"
)
# Verbs a quantifier's elided noun does things with, in the plain (plural) and the -s (singular) form. Verbs of
# saying and thinking are left out: 'Some argue that ...', 'Many believe ...' mean people, and stand alone.
_VERBS = (
    r"involves?|includes?|contains?|becomes?|remains?|appears?|seems?|lies?|occurs?|exists?|survives?|produces?"
    r"|causes?|requires?|consists?|belongs?|falls?|reaches?|emits?|reflects?|relies?|depends?|tends?|lacks?"
    r"|follows?|uses?|lives?|grows?|orbits?|moves?|carries?|infects?|enters?|forms?|shows?|takes?|makes?|gives?"
)
_LEAD = r"(?:(?:But|And|So|Yet|However|Still|Thus|Hence|Instead|Indeed|Now|Today),?\s+)?"
_BARE_QUANTIFIER = re.compile(
    rf"^{_LEAD}(?i:most|many|some|few|a\s+few|several|others|all|none|each|neither|half|the\s+majority"
    r"|the\s+others|still\s+others|many\s+others)"
    rf"(?:\s+(?:also|still|even|now|then|often|usually|typically|only|never|always|[a-z]+ly))?\s+"
    rf"(?:{_AUXILIARIES}|{_VERBS})\b"
    # ... and no noun after all: 'Some forms of life', 'Each orbit has' (a noun, then its verb).
    rf"(?!\s+(?:of|{_AUXILIARIES})\b)"
    # 'Many have argued ...' is people; a form of a verb after 'some' as a noun ('Some forms of life') never
    # reaches here: the verb must come right after the quantifier (and an adverb).
    r"(?!\s+(?:argued|suggested|claimed|said|thought|believed|proposed)\b)"
)
# ... or with any verb that takes an object: a word right after the quantifier that a determiner follows is its verb
# ('Some trigger the growth of ...', 'Others regulate the copying of ...', 'Each transcribes a set of ...'), as a
# noun after the quantifier would be followed by its own verb ('Some cells divide'). A noun of time or a preposition
# there opens a phrase ('Each time the lever drops, ...', 'All around the globe, ...'), and a verb of saying, thinking
# or feeling means people ('Some cite the ...', 'Many regarded the ...'), as 'Some argue' does.
_QUANTIFIER_OBJECT = re.compile(
    rf"^{_LEAD}(?i:most|many|some|few|a\s+few|several|others|all|none|each|neither|half|the\s+majority"
    r"|the\s+others|still\s+others|many\s+others)"
    r"(?:\s+(?:also|still|even|now|then|often|usually|typically|only|never|always|[a-z]+ly))?\s+"
    r"(?!(?:time|times|day|days|year|years|way|ways|around|over|across|along|through|about|within|of|but|except)\b)"
    r"(?!(?:cite|cited|interpret|interpreted|regard|regarded|label|labeled|labelled|view|viewed|see|saw|consider"
    r"|considered|call|called|describe|described|believe|believed|feel|felt|think|thought|argue|argued|claim"
    r"|claimed|say|said|suggest|suggested|hold|held|fear|feared|resent|resented|greet|greeted|share|shared|like"
    r"|liked|want|wanted|prefer|preferred|blame|blamed|criticize|criticized|question|questioned|saw)\b)"
    r"[a-z]{3,}(?<!ly)\s+(?:the|a|an|its|their|this|these|those)\b"
)
_REST_OF = re.compile(
    rf"^{_LEAD}(?:(?:For|During|In|Over|Through|Throughout)\s+)?(?:[Tt]he|[Mm]uch\s+of\s+the|[Mm]ost\s+of\s+the)"
    r"\s+(?:rest|remainder)\s+of\b(?!\s+(?:the\s+)?world\b)"
)
_PREPOSITIONS = (
    r"to|of|for|by|with|from|on|at|as|into|through|during|after|before|under|about|like|toward|towards|within"
    r"|across|throughout|beyond|despite|without|behind|near|inside|outside|onto|upon|around|along"
)
# Words after 'that' that make it no determiner: a pronoun's phrase or a clause ('that of', 'that seen',
# 'that is', 'that the').
_NOT_A_NOUN = (
    r"is|are|was|were|be|been|has|have|had|can|could|may|might|will|would|must|should|do|does|did|the|a|an|it"
    r"|they|we|he|she|you|one|this|these|those|its|their|his|her|our|all|any|some|no|not|of|which|who|in|to|for"
    r"|with|on|at|by|from|there|same|seen|shown|found|made|given|done|known|held|used|said|told|taken|chosen|written"
    r"|proven|reported|described"
)
_THAT_NOUN = re.compile(
    rf"\b(?i:{_PREPOSITIONS})\s+that\s+(?!(?:{_NOT_A_NOUN})\b)(?![a-z]+(?:ly|ed)\b)(?P<noun>[a-z][\w-]*)\b"
)

# 'that' with a clause of its own that says which ('that mental activity of which we are unaware', 'at that
# point in its life when ...'): the noun is picked out right there.
_RESTRICTED = re.compile(
    r"(?:\s+[a-z][\w-]*){0,3}?\s+(?:which|who|whom|whose|when|where|whereby|(?:of|in|by|to|at|for|on) (?:which|whom))\b"
)


def elided_reference(text: str) -> str | None:
    """The words by which a sentence stands for, or points at, a noun the sentence before named ('Most are',
    'The rest of', 'to that process'), or None."""
    for pattern in (_BARE_QUANTIFIER, _QUANTIFIER_OBJECT, _REST_OF):
        found = pattern.match(text)
        if found:
            return found.group(0).strip(" ,")
    for found in _THAT_NOUN.finditer(text):
        noun = found.group("noun")
        if not noun.isalpha() or _named_before(noun, text[: found.start()]) \
                or _RESTRICTED.match(text, found.end()):
            continue
        return found.group(0)
    return None


def _named_before(noun: str, before: str) -> bool:
    """True when the sentence names the noun (or its root) before 'that' points at it."""
    stem = noun.lower()
    stem = stem[:-1] if stem.endswith("s") and not stem.endswith("ss") else stem
    stem = stem[: max(4, len(stem) - 2)]
    lower = before.lower()  # the stem's letters first: a pattern of its own per noun costs more than the search
    return stem in lower and re.search(rf"\b{re.escape(stem)}", lower) is not None
