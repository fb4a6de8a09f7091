"""Definitions a text states with a verb of naming: 'X refers to Y', 'X is defined as Y', 'The term X is used
to describe Y', 'Economists use the term X to refer to Y'.

A teacher reads each as the text saying what a word means, as surely as 'Y is called X', whether or not the
word is printed in bold: the verb itself marks it. The term is the sentence's subject (or the word after
'the term'), of one to four words that name a thing; the definition is the noun phrase or the 'how'/'what'
clause after the verb, cut where the sentence goes on to something else ('..., while', '; ...').

Not a definition: a subject that only points ('This acronym refers to ...', 'In short, demand refers to ...':
an opener before the subject), a subject with a verb or an '-ing' word in it ('Focusing on racial identity
refers to ...'), a relation between phrases ('The high returns of stock market investments refer to ...': a
subject of more than four words), a reference to a place in the book ('refer to [link]', 'refer to the
first column').
"""

from __future__ import annotations

import re

from quizmg.generate.terms import is_content_word
from quizmg.generate.words import STOP_WORDS, VERB_WORDS, word_set

_TERM = r"(?P<term>[A-Za-z][\w’'/-]*(?:\s+[A-Za-z][\w’'/-]*){0,3}?)"
_NAMING = [
    # 'Experimenter bias refers to the possibility that ...', 'The term culture refers to all of ...', 'The
    # word cardia refers to ...' (the word, never 'word cardia', is the term)
    re.compile(rf"^(?:The\s+(?:terms?|words?)\s+|The\s+)?{_TERM}\s+(?:refers|refer)\s+to\s+"
               r"(?P<def>.+)$"),
    # 'Psychology is defined as the scientific study of mind and behavior.', 'The mass percentage of a solution
    # component is defined as the ratio of ...' (the term is named before what it is of)
    re.compile(rf"^(?:The\s+)?{_TERM}(?:\s+of\s+(?:a|an)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)?\s+(?:is|are)\s+defined\s+as\s+"
               r"(?P<def>.+)$"),
    # 'Hypoxia is the term for a shortage of oxygen in the tissues.', '... is the name given to ...'
    re.compile(rf"^(?:The\s+)?{_TERM}\s+is\s+the\s+(?:term|name)\s+(?:for|given\s+to|used\s+(?:for|to\s+describe))\s+"
               r"(?P<def>.+)$"),
    # 'The term meningitis is used to describe an inflammation of the meninges.'
    re.compile(rf"^The\s+terms?\s+{_TERM}\s+(?:is|are)\s+used\s+(?:to\s+describe|to\s+refer\s+to|for)\s+(?P<def>.+)$"),
    # 'Economists use the term demand to refer to the amount of ...'
    re.compile(rf"^[A-Z][a-z]+\s+use\s+the\s+term\s+{_TERM}\s+to\s+(?:refer\s+to|describe|mean)\s+(?P<def>.+)$"),
]
# One of these words is in every sentence a pattern above matches: 'refer(s)', 'defined', 'term(s)', 'name'.
_NAMING_WORDS = ("refer", "defined", "term", "name")
# What may open the definition: a noun phrase, or a clause a question can name ('how easily money ...').
_OPENS = word_set("the a an any all how what")
# Where the sentence goes on past the definition.
_ENDS = re.compile(r"\s*(?:[;:(]|[,—–]\s*(?:while|whereas|but|so|although|which\s+(?:is|are|can|may|was))\b"
                   r"|,\s*(?:including|such as|for example|e\.g\.)"
                   r"|,\s*and\s+(?:it|they|this|these|is|are|was|were|can|may)\b|\s+and\s+(?:is|are|was|were|has|have|can|may)\s)")
_NOT_A_SUBJECT = word_set("this these that those it they which what there here one each both another such")
_ABOUT_WORDS = word_set("name names term terms word words label phrase expression prefix suffix root abbreviation "
                        "acronym title designation")
_PLACE = re.compile(r"\[|\blink\b|\b(?:figure|table|column|row|chapter|section|appendix)\b", re.I)
_WORDS = (3, 22)
# A connective before the subject links the sentence to the one before; the definition stands alone.
_OPENER = re.compile(r"^(?:Thus|Therefore|Hence|Formally|Technically|Simply put|In other words),\s+(?=[a-z])")
_LONG = 14  # words: past this, a definition that goes on after a comma is cut there


def naming_definition(simple: str) -> tuple[str, str] | None:
    """(term, definition) when the sentence says what a term means with a verb of naming, else None."""
    simple = _OPENER.sub("", simple)
    if not any(word in simple for word in _NAMING_WORDS):
        return None  # most sentences hold none of the words every pattern needs
    for pattern in _NAMING:
        match = pattern.match(simple)
        if match is None:
            continue
        term = match.group("term").strip()
        if not _names_a_thing(term):
            return None
        definition = _definition(match.group("def"))
        if definition is None:
            return None
        return term, definition
    return None


def _names_a_thing(term: str) -> bool:
    words = term.split()
    lower = [w.lower() for w in words]
    if len(lower) == 1 and lower[0] in _ABOUT_WORDS:
        return False  # 'The name refers to the flow of anions toward it': the name of a term said before
    if lower[0] in _NOT_A_SUBJECT or lower[0] in STOP_WORDS:
        return False  # 'This acronym refers to', 'In short, demand refers to' (no match: a comma), 'It refers'
    if any(w in STOP_WORDS and w not in {"of", "and"} for w in lower):
        return False  # 'demand refers' inside 'In short demand'; a clause, not a name
    if lower[-1] in {"of", "and"} or lower[0] in {"of", "and"}:
        return False
    if any(w in VERB_WORDS or (w.endswith("ing") and i == 0 and len(words) > 1) for i, w in enumerate(lower)):
        return False  # 'Focusing on racial identity refers to ...': an act described, not a term
    return all(is_content_word(w) or w in {"of", "and"} for w in lower)


def _definition(rest: str) -> str | None:
    text = _ENDS.split(rest, maxsplit=1)[0].strip().rstrip(".!?,")
    words = text.split()
    if len(words) > _LONG and "," in text and len(text.split(",")[0].split()) >= 5 and _cut_whole(text):
        text = text.split(",")[0]  # 'an industry that has more than a few firms, each offering ...'
        words = text.split()
    if not words or words[0].lower() not in _OPENS or _PLACE.search(text):
        return None  # 'refer to [link]', 'refer to the first column of that row'
    if not _WORDS[0] <= len(words) <= _WORDS[1]:
        return None
    return text


# After a comma, what belongs to the definition: a condition or concession ('..., even if it is hidden',
# '..., no matter how small, ...', '..., unless ...'); cut there, the definition says something else.
_HOLDS_ONLY = re.compile(r"^\s*(?:even\s+(?:if|when|though)|no\s+matter|regardless|unless|only\s+(?:if|when)|"
                         r"provided|as\s+long\s+as|whether|if|when)\b", re.I)


def _cut_whole(text: str) -> bool:
    """True when a long definition may stop at its first comma: the phrase before it is whole and what follows
    only adds to it. Not before a condition, nor inside a list ('a combination of labor, capital, and
    technology that ...', 'to find, hold, and carry'), nor after a word that needs what follows ('from')."""
    head, rest = text.split(",", 1)
    if head.split()[-1].lower() in STOP_WORDS or _HOLDS_ONLY.match(rest):
        return False
    return _LIST_GOES_ON.match(rest) is None


# 'labor, physical capital, and technology': after the comma, an item of up to four words and ', and'.
_LIST_GOES_ON = re.compile(r"^\s*(?:[\w’'-]+\s+){0,3}[\w’'-]+,?\s+(?:and|or)\s|^\s*[\w’'-]+,", re.I)
