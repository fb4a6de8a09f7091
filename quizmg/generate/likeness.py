"""'A similar X', 'the opposite', 'the given X' with nothing to say similar to what: the sentence before said.

'A similar rule applies to ...', 'Bakers have a similar method for ...', 'At the opposite extreme, ...': read alone,
each compares with something the reader cannot see. What 'a similar X' is like comes right after it ('a similar
shape to ...', 'a similar size as ...'), or the sentence names it itself: the same noun earlier ('buy a product ...
or a similar product'), 'similar to' elsewhere, a group compared within ('both', 'all': 'all breeds have a similar
coat'), or a clause of its own before ('stoves replaced fires, which served a similar purpose'). A preposition further
on belongs to the sentence ('A similar history was associated with ...': similar to what?). 'The opposite', 'the
particular', 'the given' and 'the corresponding' are read more loosely: any comparing word in the next few words.

A comparison whose other term the sentence before gave leans on it the same way: 'The reverse is also true.', 'The
opposite is true for X.', 'Exactly the opposite happened ...' (the opposite of what?), a comparative closed by 'yet'
or 'still' with no 'than' ('... and the rest are smaller yet.': smaller than what?), and a likeness to something the
reader cannot see, 'runs like this', 'questions like these.' ('the opposite of X', 'warmer still than Y', 'a case
like this one' name their other term).

A comparative that opens the sentence, its subject put after the verb, ranks what follows against what came before:
'More serious are the floods ...', 'Much more fundamental is ...', 'Also required is ...', 'Of particular concern
are ...' (more serious than what, required besides what?). A 'than' in the sentence names the other term, and 'of
particular interest to X' says to whom.
"""

from __future__ import annotations

import re

from quizmg.generate.back_reference import named_before
from quizmg.generate.words import STOP_WORDS

_LIKE_BEFORE = re.compile(r"\b(?:[Aa] similar|[Tt]he opposite|[Tt]he particular|[Tt]he given|[Tt]he corresponding)\b")
_COMPARED_WITH = frozenset({"to", "as", "of", "from", "than", "with", "that", "which", "who", "in", "for"})
_SIMILAR_TO = frozenset({"to", "as"})
_CLAUSE_BEFORE = re.compile(r";|,\s+(?:which|and|but|whereas|while)\b")
_BOTH_OR_ALL = re.compile(r"\b(?:[Bb]oth|[Aa]ll)\b")


def unstated_likeness(text: str) -> str | None:
    """The words that compare with something the sentence does not name ('A similar rule'), or None."""
    like = _LIKE_BEFORE.search(text)
    if like is None or _compared_here(like.group(0), text, like.end()):
        return None
    return " ".join(text[like.start():].split()[:3]).strip(",.;:")


def _compared_here(like: str, text: str, end: int) -> bool:
    """True when the sentence says what its 'a similar', 'the opposite', 'the given' ... is compared with."""
    words = re.findall(r"[a-z]+", text[end:].lower())
    if like.lower() != "a similar":
        return bool(_COMPARED_WITH & set(words[:6]))
    before = text[:end]
    nouns = [word for word in words[:2] if word not in STOP_WORDS]  # 'a similar product', 'a similar dust-free view'
    return bool(_SIMILAR_TO & set(words[:2])) or "similar to" in text or bool(_BOTH_OR_ALL.search(before)) \
        or bool(_CLAUSE_BEFORE.search(before)) or any(named_before(noun, before) for noun in nouns)


# 'The opposite is true', 'The reverse also holds', 'Exactly the opposite occurred', 'just the reverse': of what?
_OPPOSITE_OF_BEFORE = re.compile(
    r"\b(?:[Tt]he\s+(?:opposite|reverse|converse)\s+(?:is|was|also|holds|applies|occurs|occurred|happens|happened"
    r"|would\s+be|can\s+be|may\s+be)\b"
    r"|(?:[Ee]xactly|[Jj]ust|[Pp]recisely|[Qq]uite)\s+the\s+(?:opposite|reverse)\b)(?!\s+of\b)"
)
# '... are smaller yet.', '... slides farther still,': a comparative closed with nothing to compare it to.
_CLOSED_COMPARATIVE = re.compile(
    r"\b(?:(?:small|larg|great|high|low|bigg|farth|furth|clos|fast|slow|hott|cold|cool|warm|dens|bright|faint|dimm"
    r"|heavi|light|long|short|strong|weak|old|young|deep|wid|thick|thinn|bett|wors|easi|hard|simpl|rich|poor|steep"
    r"|loud|soft|dark|redd|blu|smooth|rough|quick|cheap|few)er|(?:more|less)\s+[a-z]+)\s+(?:yet|still)(?=\s*[,.;:!)]|\s*$|\s+[-–—])"
)
# 'runs like this.', 'questions like these', 'like that—in a lab': a likeness to what the card does not show. A colon
# points ahead ('looks like this: ...'): what follows it in the sentence is the likeness.
_LIKE_THIS = re.compile(r"\b(?:[Ll]ike|[Aa]s)\s+(?:this|that|these|those)(?=\s*[,.;!?)]|\s*$|\s*[-–—])")


# An adjective of worth, rank or frequency that can open an inverted comparison.
_RANKING = (
    r"important|fundamental|significant|serious|common|likely|interesting|striking|surprising|puzzling|remarkable"
    r"|relevant|useful|critical|crucial|troubling|difficult|impressive|notable|exciting|recent|familiar|disruptive"
    r"|dangerous|harmful|damaging|effective|promising|intriguing|worrying|frequent|unusual|typical|controversial"
    r"|challenging|subtle|obvious|revealing|encouraging|curious|mysterious|widespread|severe|valuable|powerful"
    r"|dramatic|problematic|successful|popular|accurate|reliable|urgent|pressing|basic|telling"
)
# 'More serious are ...', 'Much more fundamental is ...', 'Most disruptive are ...', 'Equally important is ...',
# 'Also required is ...', 'Of particular concern are ...': the verb before its subject, the other term unsaid.
_INVERTED_COMPARISON = re.compile(
    r"^(?:(?:Much|Even|Far|Still|Perhaps|Probably|Possibly|Somewhat|Slightly|Arguably)\s+)?"
    rf"(?:(?:[Mm]ore|[Ll]ess|Most|Least|Equally|Just\s+as|Every\s+bit\s+as)\s+(?:{_RANKING})"
    r"|Also\s+(?!(?:it|this|that|there|they|these|we)\b)[a-z]+"
    r"|Of\s+(?:particular|special|greater|greatest|more|most|less|equal|similar|further)\s+(?:interest|concern"
    r"|importance|note|significance|relevance|value|use))"
    r"\s+(?:is|are|was|were)\b"
)


def unstated_comparand(text: str) -> str | None:
    """The words of a comparison whose other term is not in the sentence ('The reverse is true', 'smaller yet',
    'like this'), or None."""
    closed = _CLOSED_COMPARATIVE.search(text)
    if closed and re.search(r"\bthan\b", text[closed.end():]):
        closed = None  # 'warmer still than the space between them'
    opposite = _OPPOSITE_OF_BEFORE.search(text)
    if opposite and re.search(r"(?:[,;:]|\band|\bbut)\s*$", text[: opposite.start()]):
        opposite = None  # 'Good sleep aids memory, and the reverse is also true': the clause before is its term
    inverted = _INVERTED_COMPARISON.match(text)
    if inverted and re.search(r"\bthan\b", text):
        inverted = None  # 'More common than measles is ...' names its other term
    found = opposite or closed or _LIKE_THIS.search(text) or inverted
    return found.group(0).strip() if found else None
