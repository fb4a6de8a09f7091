"""Where a blank stands in its sentence: on the term the sentence names or defines, or on a term it uses.

A term comes back in many sentences of a section: where the text brings it in and says what it is, and
where it only uses it ('Diagnosis of [infectious arthritis] requires ...', 'After ingestion, eggs hatch ...,
causing [hydatid disease]'). `blank_shape` tells them apart by the words around the blank:

- 'naming': a verb of naming right before it: 'Another cestode, Echinococcus granulosus, causes a serious
  infection known as [hydatid disease].', 'the silver electrode is referred to as the [cathode]';
- 'definition': the blank is the subject of a sentence that says what it is: '[Reliability] refers to the
  ability to ...', 'An [isotope] is one of two or more forms of an element', '[Charles's law] states that
  ...', 'A [demand curve] is a graph that shows ...';
  and, wherever the blank stands, a gloss right after it: '... is a [progressive tax], which means that ...';
- 'subject': the blank opens its sentence, whose verb says what the thing does ('[Tapeworms] use their
  scolex ...', 'The [opportunity set] identifies ...');
- 'inside': anywhere else.

Not a naming: 'so-called X', 'what Keynes termed X', 'this is called X' (a name for what the sentence has just
told, often a case). Not a definition: one thing said of the subject ('[Sulfur dioxide] is a gas at room
temperature', '... is a moderately strong acid', '... is a different kind of property') or a comparison
('[Endomorphs] are the opposite of ectomorphs', 'Heart disease is one such condition').

Measured (benchmarks/blank_shapes.py, reviews of t5-t9, s7, s8): reviewers accepted blanks named or defined
by their sentence far more often than the rest. Ranking them first for their answer was tried at stop 27
and failed two gates of fresh sections (10 right / 11 wrong, 8 / 9): it mostly swapped one acceptable blank
for another, and the questions it displaced let weaker ones in. It is a reading for measurement, not a rule
of the ranking. What it does decide (named_terms.defined_here): an unmarked cloze answer that its own sentence
names or defines counts as marked in words, over the threshold but still after the marked terms, so it fills
short decks without displacing them.
"""

from __future__ import annotations

import re

# A verb of naming right before the blank, with its article: 'known as the [...]', 'is called [...]'.
_NAMED_BEFORE = re.compile(
    r"\b(?:(?:is|are|was|were|be|been)\s+)?(?:called|known\s+as|termed|referred\s+to\s+as|named|described\s+as)"
    r"\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE,
)
_IN_PASSING = re.compile(
    r"(?:\bso-|\bwhat(?:\s+[\w’']+){1,2}\s+|\b(?:this|that|it)\s+(?:is|was)\s+)(?:called|known\s+as|termed)"
    r"\s+(?:an?\s+|the\s+)?$",
    re.IGNORECASE)
# Nothing but an article before the blank: the term opens its sentence.
_OPENS = re.compile(r"^(?:(?:The|A|An)\s+)?$")
# What may stand between a subject and its verb: a bracketed acronym or symbol, a comma aside.
_BETWEEN = r"^(?:\s+\([^()]{1,40}\))?(?:,[^,]{1,80},)?\s+"
_COMPARED = r"(?!\s+(?:opposite|reverse|same|inverse|converse|such)\b)"
_DEFINED_AFTER = re.compile(
    _BETWEEN + rf"(?:(?:is|are)\s+(?:(?:the|one|any){_COMPARED}\s|defined\s+as\b)|refers?\s+to\b|means\b"
    r"|states?\s+that\b)",
    re.IGNORECASE,
)
# 'is a/an Y' defines when the Y is picked out: 'a graph that shows', 'a protein made by', 'a network of nerves
# connecting', 'a sensory relay for the brain'.
_KIND_AFTER = re.compile(_BETWEEN + r"(?:is|are)\s+an?\s+(?P<kind>[^,;:.]{3,120})", re.IGNORECASE)
_PICKED_OUT = re.compile(
    r"\b(?:that|which|who|whose|where|in\s+which|by\s+which|for)\b|\b\w+ed\s+(?:by|to|for|in|from|as|with)\b"
    r"|\b[a-z]+\s+[a-z]{3,}ing\b",
    re.IGNORECASE)

# A gloss right after the blank, wherever it stands: '... is a [progressive tax], which means that the rates rise
# with income', '[balanced], meaning that ...', '[monatomic ions], that is, ions formed from single atoms'.
_GLOSSED_AFTER = re.compile(r"^\s*,\s*(?:which\s+means\s+that|meaning\s+that|that\s+is,)", re.IGNORECASE)

SHAPES = ("naming", "definition", "subject", "inside")


def blank_shape(text: str, start: int, end: int) -> str:
    """Where the blank text[start:end] stands: 'naming', 'definition', 'subject' or 'inside' (see above)."""
    before, after = text[:start], text[end:]
    if _NAMED_BEFORE.search(before) and not _IN_PASSING.search(before):
        return "naming"
    if _GLOSSED_AFTER.match(after):
        return "definition"
    if not _OPENS.match(before):
        return "inside"
    if _DEFINED_AFTER.match(after):
        return "definition"
    kind = _KIND_AFTER.match(after)
    return "definition" if kind is not None and _PICKED_OUT.search(kind.group("kind")) else "subject"


def defining_blank(text: str, start: int, end: int) -> bool:
    """True when the blank is the term its sentence names or defines."""
    return blank_shape(text, start, end) in {"naming", "definition"}


# How a sentence may say what its blank is without naming or defining it as a term (glossed_blank):
# a gloss right after the blank, '[...]—two stars that orbit each other', '[...], rocky bodies that orbit the Sun',
# '[...], compounds in which ...', '[...], which is the value of ...'; a bare plural head, or a count after a dash:
# 'In an example of [...], the same insults that ...' opens the main clause, not a gloss.
_GLOSS_AFTER = re.compile(
    r"^(?:\s*,\s*which\s+(?:is|are)\s+(?:the|an?)\s"
    r"|\s*—\s*(?:(?:the|an?|one|two|three|four|several|many)\s+)?(?:[\w-]+\s+){0,3}?[\w-]+\s+"
    r"(?:that|which|who|whose|in\s+which)\s"
    r"|\s*,\s*(?!(?:the|an?|this|these|those|its|their|some|many|most|all|such)\s)(?:[\w-]+\s+){0,2}?[\w-]+s\s+"
    r"(?:that|which|who|whose|in\s+which)\s)",
    re.IGNORECASE)
# 'its path is called its [...]': a name with a possessive, which the naming pattern above (an article) leaves out.
_CALLED_ITS = re.compile(r"\b(?:is|are|was|were)\s+called\s+(?:its|their|his|her)\s+$", re.IGNORECASE)
# 'If the value does not change with the amount, it is an [...].': a condition, then its name.
_CONDITION_NAMED = re.compile(
    r"^(?:If|When|Whenever)\b[^.;]*,\s+(?:it|this|they)\s+(?:is|are)\s+(?:said\s+to\s+be\s+|called\s+)?(?:an?\s+|the\s+)?$")
# 'Specifically, [...] is the mass divided by the volume': an adverb opening a sentence that defines its subject.
_OPENER = re.compile(r"^[A-Z][a-z]+ly,\s+")
_WHEN_AFTER = re.compile(r"^\s+(?:occurs?|happens?|arises?)\s+when\b", re.IGNORECASE)


def glossed_blank(text: str, start: int, end: int) -> bool:
    """True when the sentence says what its blank is, though not in the shapes that name or define a term
    (blank_shape): a gloss after it, a possessive name, a condition then its name, '[...] occurs when ...',
    or a definition behind an adverb ('Specifically, [...] is the ...')."""
    before, after = text[:start], text[end:]
    if _GLOSS_AFTER.match(after) or _CALLED_ITS.search(before):
        return True
    if _CONDITION_NAMED.search(before) and re.match(r"^\s*\.", after):
        return True
    if _OPENS.match(before) and _WHEN_AFTER.match(after):
        return True  # 'A [...] occurs when the wires overheat.'
    opener = _OPENER.match(before)
    if opener is None:
        return False
    cut = opener.end()
    return blank_shape(text[cut:], start - cut, end - cut) == "definition"
