"""Openings that name one member of a list or a case the sentence before set out.

A paragraph often announces a set ('The bank can weaken its currency in two ways.') and then walks
through it: 'One approach is ...', 'Another issue arises when ...', 'The second case is ...', 'One is
...'. The member's noun is a shell (approach, issue, case, reason): it says what kind of thing follows,
not which set it belongs to, so read alone the sentence answers a question nobody asked ('One approach'
to what?). With its own complement the shell says what it is about ('One way to remove phosphate is
...', 'Another reason for the delay ...', 'A second factor that raises prices ...') and the sentence
stands alone. A concrete noun ('Another ciliate, Stentor, ...', 'Other protists use ...') names its own
kind and stands alone too.

A sentence that opens on the case or the words of the sentence before leans on it the same way: 'In
that case, ...', 'In either case, ...', 'In such a situation, ...', 'Under these conditions, ...' (which
case?), 'In other words, ...' (a rewording of a claim whose conditions the sentence before states), and 'In the
same way, ...' (a claim that holds as the one before did).
So does 'Both molecules are ...': the pair the sentence before named, by their kind alone.

A count in order opens on a member of any set, not only a set of shells: 'The sixth subunit is known as
...', 'The fourth column lists ...', 'The first to arrive are ...' (the sixth subunit of what, the first of
whom?). A phrase of its own after the noun ('The second law of thermodynamics', 'The first exposure to an
antigen') says which set, and the sentence stands alone. So does a past participle that tells what an
event before did to the thing: 'The unwound region is called ...', 'The increased pressure brings ...'
(unwound by what, increased from what?).

More members of a set the sentence before began lean on it too: 'Two other moons ...', 'Several other metals ...',
'Still others ...' (other than which?), as do bare 'Examples include ...' (of what?) and the text's own worked
example, 'In our example, ...', 'as in the example above'.
"""

from __future__ import annotations

import re

from quizmg.generate.words import is_plural_phrase

_MEMBER = (
    r"(?:One(?:\s+of\s+the)?|Another|Yet\s+another|Still\s+another|Other|Some\s+other"
    r"|(?:A|The)\s+(?:first|second|third|fourth|fifth|next|last|final|further|remaining))"
)
# Shell nouns: the kind of thing a list is made of (a way, a problem, a finding), never a thing itself.
_SHELLS = (
    r"approach|way|method|means|technique|strategy|tactic|tool|option|alternative|choice|solution|remedy|response"
    r"|answer|issue|problem|concern|difficulty|challenge|limitation|drawback|disadvantage|advantage|benefit"
    r"|criticism|objection|complaint|argument|reason|explanation|factor|consequence|outcome|implication|result"
    r"|finding|example|case|instance|scenario|situation|possibility|point|aspect|feature|step|stage"
    r"|phase|theme|idea|view|perspective|lesson|group|trial|experiment|stud(?:y|ies)|possibilit(?:y|ies)"
    r"|discover(?:y|ies)|categor(?:y|ies)|attempt|effort"
)
# The complement that says what the shell is about: 'One way to ...', 'Another reason for ...', 'A second
# factor that ...', 'One approach, called X, ...' is still a member and leans.
_ABOUT = (
    r"of|for|to|that|which|who|with|in|on|about|behind|against|between|among|from|by|used|facing|affecting"
    r"|involving|concerning|regarding|underlying|associated|related|linked"
)
_ENUMERATED = re.compile(
    rf"^(?:(?:But|And|So|Yet|However|Moreover|Finally|Also),?\s+)?{_MEMBER}\s+"
    # Up to three adjectives ('One interesting, and complicating, discovery'), never a shell or a preposition.
    rf"(?:(?!(?:{_ABOUT}|the|a|an)\b|(?:{_SHELLS})(?:e?s)?\b)[a-z][\w-]*,?\s+(?:and\s+|but\s+)?){{0,3}}?"
    rf"(?P<shell>(?:{_SHELLS})(?:e?s)?)\b"
    rf"(?!\s+(?:{_ABOUT})\b)(?!-)"
)
# 'One is ...', 'Another was ...', 'The second involves ...', 'The second would be to ...', 'The first asserts
# that ...': the member with no noun at all ('One can ...', 'One must ...' is anyone, and stands); and an order word
# as the subject, 'First is the ...', 'Second are ...', 'Next were ...' (the first of what?)
_ORDER = r"(?:first|second|third|fourth|fifth|last|final|other)"
_BARE_MEMBER = re.compile(
    r"^(?:(?:But|And|So|Yet|However|Finally),?\s+)?(?:"
    rf"(?:One|Another|Yet\s+another|The\s+{_ORDER})\s+(?:is|are|was|were|involves?|concerns?|occurs?|arises?|has|have)\b"
    rf"|(?:Another|Yet\s+another|The\s+{_ORDER})\s+(?:would|could|can|may|might|will|should|must|asserts|suggests"
    r"|states|holds|argues|proposes|claims|maintains|posits|predicts|assumes|describes|explains|focuses|uses|relies"
    r"|requires|deals|emphasizes|measures|looks|takes)\b"
    # ... unless a clause says what the member is: 'First is the X hypothesis, which holds that ...'.
    r"|(?:First|Second|Third|Fourth|Fifth|Next|Last)\s+(?:is|are|was|were|comes?|came)\b(?![^,;]*,\s+which\b)"
    r")"
)
# 'An example is ...', 'A good example is ...', 'Other examples include ...': an example of what the sentence before
# said. 'An example of X is ...' says of what, and stands.
_EXAMPLE_OPENING = re.compile(
    r"^(?:(?:For instance|Thus|So|Hence|Here),?\s+)?(?:(?:An?|Some|Other|Further|More|Good|Classic|Famous|Common"
    r"|Typical)(?:\s+(?!of\b)[a-z-]+)?\s+(?:examples?|instances?|illustrations?)|Examples|Instances)\s+(?:is|are|was"
    r"|were|includes?|would\s+be|may\s+be|might\s+be)\b"
)
# 'Two other asteroids ...', 'Several other metals ...', 'Most other oxides ...', 'Still others ...': more members
# of a set the sentence before began (other than which?). 'All other things being equal' is an idiom, and stands.
_COUNTED_OTHERS = re.compile(
    r"^(?:(?:But|And|So|Yet|However|Also|Thus),?\s+)?(?:Two|Three|Four|Five|Six|Several|Many|Most|Some|A\s+few|Few"
    r"|Numerous|Various|Still|Yet|Countless|All|A\s+number\s+of|Dozens\s+of|Hundreds\s+of|Thousands\s+of)\s+"
    r"others?\b(?!\s+things\b)(?!\s+than\b)"
)
# 'Most of the axons terminate in ...', 'Some of the cells die': part of a group the sentence before named, by its kind
# alone and with its verb right after it. A phrase or clause after the noun says which ('Most of the carbon dioxide in
# the blood ...', 'Many of the caregivers who ...'), and a word in -ed, -ing or -ly may open one, so those stand.
_PART_OF_THE = re.compile(
    r"^(?:(?:But|And|So|Yet|However|Thus),?\s+)?(?:Most|Many|Some|Few|Several|All|None|Each|Half|Both)\s+of\s+the\s+"
    r"(?P<noun>[a-z][\w-]*[^\Wsu]s)\s+"
    r"(?!(?:of|in|on|at|from|that|which|who|whom|whose|with|for|by|within|inside|between|among|to|into|near|along"
    r"|across|under|over|and|or|but|as|than|such|like|here|there|mentioned|listed|described|above|below)\b)"
    r"(?![a-z]+(?:ed|ing|ly)\b)[a-z]+\b"
)
# 'In our example, ...', 'as in the example above': a worked example the card does not show.
_OUR_EXAMPLE = re.compile(r"\bour\s+examples?\b|\bthe\s+(?:example|examples)\s+above\b|\babove\s+example\b")
# A pair every reader knows is two ('both sexes', 'both parents', 'in both directions') needs no sentence before.
KNOWN_PAIRS = (r"sexes|parents|sides|ends|hands|eyes|ears|cheeks|hemispheres|kidneys|lungs|partners|twins|directions"
               r"|strands")
# 'the effects of both processes', 'the price of both goods': two things the sentence before named, by their
# kind alone. 'both A and B' names them; 'both sides', 'in both directions' are pairs every reader knows.
_BOTH_INSIDE = re.compile(
    r"\b(?:of|in|on|at|for|from|by|with|to|between|among)\s+both\s+(?:the\s+|these\s+|those\s+)?"
    rf"(?!(?:{KNOWN_PAIRS}|its|his|hers|theirs|ours|yours|this|us|is|was)\b)(?P<noun>[a-z][\w-]*s)\b"
    r"(?![^,.;:]*\b(?:and|or|&)\b)"
)
# 'Both atoms have ...', 'Both effects cause ...': the two things the sentence before named, named again by
# their kind alone. 'Both X and Y ...' names them; 'Both kinds of X' says of what.
_BOTH = re.compile(
    r"^(?:(?:Thus|Hence|However|Therefore|So|Here|Again),?\s+)?Both\s+(?:of\s+(?:these|those|them)\b|"
    r"(?:the\s+|these\s+|those\s+)?(?:(?!(?:and|or|of)\b)[a-z][\w-]*\s+){0,2}"
    rf"(?!(?:{KNOWN_PAIRS})\b)"
    r"[a-z][\w-]*s\b(?!\s+(?:and|or|of|&)\b))"
)
# The case or the words of the sentence before: 'In that case', 'In either case', 'In such a situation',
# 'Under these conditions', 'In other words'.
_CASE_BEFORE = re.compile(
    r"^(?:(?:But|And|So|Yet|Now|Then),?\s+)?(?:"
    r"(?:In|Under|For)\s+(?:that|this|such\s+an?|such|either|each|both|these|those|which|any\s+such)\s+"
    r"(?:case|cases|situation|situations|scenario|scenarios|instance|instances|event|circumstance|circumstances"
    r"|condition|conditions|setting|example)"
    r"|In\s+other\s+words|That\s+is\s+to\s+say|Put\s+(?:another\s+way|differently|simply)|Stated\s+differently"
    # 'In the same way, ...', 'By the same token, ...': the claim holds as the one before did.
    r"|In\s+(?:the\s+same|a\s+similar|much\s+the\s+same|a\s+like)\s+(?:way|manner|fashion)|By\s+the\s+same\s+token"
    r")\b"
)


# A count in order and its noun (up to three words, no phrase of its own), then the verb or a comma: 'The sixth
# subunit is', 'The fourth column, marginal revenue, is', 'The final period is known as'; or with no noun at all,
# 'The first to arrive'.
_COMPLEMENT = r"(?:of|in|on|at|for|to|from|by|with|under|over|between|among|within|that|which|who|whose|where|when)"
_VERB_NEXT = (
    r"(?:is|are|was|were|has|have|had|can|could|may|might|will|would|must|should|does|do|did"
    r"|typically|usually|often|also|then|always|generally|[a-z]+s(?<!ss)(?<!us)(?<!is)(?<!ies))"
)
_ORDINAL_HEAD = re.compile(
    r"^(?:(?:But|And|So|Yet|However|Finally|Thus|Here),?\s+)?The\s+(?:first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth|tenth|final|last|next)\s+"
    rf"(?:to\s+[a-z]+\b|(?:(?!{_COMPLEMENT}\b)[a-z][\w-]*\s+){{0,2}}?(?!{_COMPLEMENT}\b)[a-z][\w-]*(?<!ed)"
    rf"(?=\s*,|\s+{_VERB_NEXT}\b))"
)
# 'The unwound region is ...', 'The increased pressure brings ...': an -ed participle (or 'unwound'-like
# irregular -ound/-own/-en one), a single noun, then the verb. A longer name ('The induced fit hypothesis',
# 'The earned income tax credit') is a term, not an event's result.
_RESULT_HEAD = re.compile(
    r"^(?:(?:But|And|So|Yet|However|Thus|Then|Next|Finally),?\s+)?The\s+"
    r"(?P<participle>[a-z]{4,}ed|un[a-z]+(?:ound|own|en))\s+(?!(?:by|to|in|at|on|with)\b)[a-z][\w-]*"
    rf"(?=\s+{_VERB_NEXT}\b)(?!\s+(?:{_COMPLEMENT})\b)"
)


def pair_from_before(text: str) -> str | None:
    """'of both processes', 'in both bulbs': a pair the sentence names by its kind alone, or None. A sentence
    that joins two things with 'and' before it ('between A and B, ... in both types') may name the pair itself."""
    found = _BOTH_INSIDE.search(text)
    if found is None or re.search(r"\band\b", text[: found.start()]):
        return None
    if named_before(found.group("noun"), text[: found.start()]):
        return None  # 'two samples ... of both samples': the sentence counted them itself
    return found.group(0)


def named_before(noun: str, before: str) -> bool:
    """True when the sentence names the noun (by its first letters) before the word that points at it ('five
    symptoms ...; these symptoms', 'a system where ... such a system'): what it points to is in the sentence."""
    stem = noun.lower().rstrip("s")[:6]
    lower = before.lower()  # the stem's letters first: a pattern of its own per noun costs more than the search
    return len(stem) >= 3 and stem in lower and re.search(rf"\b{re.escape(stem)}", lower) is not None


def refers_back(text: str) -> str | None:
    """The opening words by which a sentence names a member of a set, or a case, that the sentence before
    set out ('One approach', 'Another issue', 'In that case', 'In other words'), or None."""
    stripped = text.lstrip(" \"'“‘(")
    found = (_ENUMERATED.match(stripped) or _BARE_MEMBER.match(stripped) or _EXAMPLE_OPENING.match(stripped)
             or _CASE_BEFORE.match(stripped) or _BOTH.match(stripped) or _ORDINAL_HEAD.match(stripped)
             or _RESULT_HEAD.match(stripped) or _COUNTED_OTHERS.match(stripped)
             or _part_of_the(stripped) or _OUR_EXAMPLE.search(stripped))
    return found.group(0).strip(" ,") if found else None


def _part_of_the(text: str) -> re.Match[str] | None:
    found = _PART_OF_THE.match(text)
    return found if found and is_plural_phrase(found.group("noun")) else None  # 'Most of the gas is ...' is a mass
