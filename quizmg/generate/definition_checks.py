"""Whether a definition the text gives can be asked as 'What is the term for <definition>?', and how.

A teacher's rules for a definition question: the definition must not use the word it defines (a
circular definition gives the answer away); it must stand alone (no 'that part', 'the other metal',
'the area labeled F': which one only the paragraph or the figure knows); it must be a whole phrase (a
relative clause with its verb, not 'the condition where one party'); and it must define a name, not
a count ('the two main layers are ...') nor a thing named at its end ('the principal ore is the oxide
cassiterite' says which oxide, it does not define 'principal ore'). A predicate that ranks its subject
among others of its kind ('the only birds that ...', 'the third most common metal ...', 'the best
defence against ...') states a fact about the subject rather than a term's meaning: it is asked
'What is the third most common metal ...?', not 'What is the term for ...?'.
"""

from __future__ import annotations

import re

from quizmg.generate.back_reference import pair_from_before
from quizmg.generate.frequency import zipf
from quizmg.generate.such_reference import such_reference
from quizmg.generate.word_forms import same_family
from quizmg.generate.word_origins import word_origin_definition
from quizmg.generate.words import STOP_WORDS, is_plural_phrase, word_set

# Greek letters the text may write either way: 'alpha decay' is 'the emission of an α particle'.
_GREEK = {"α": "alpha", "β": "beta", "γ": "gamma", "δ": "delta", "κ": "kappa", "λ": "lambda", "μ": "mu",
          "σ": "sigma", "ω": "omega"}


def _words(text: str) -> list[str]:
    text = text.lower()
    for letter, name in _GREEK.items():
        text = text.replace(letter, f" {name} ")
    return [w for w in re.findall(r"[a-z][a-z'’]*", text) if w not in STOP_WORDS]


def circular(term: str, definition: str) -> bool:
    """True when the definition shows what tells the term from others of its kind: every word of the term
    but its head noun ('positron' of 'positron emission'; 'production' of 'factors of production'), or
    for a one-word term the word itself in another form ('caused by Babesia' for 'babesiosis'). The head
    noun may recur: 'a catalyst that ...' defines 'heterogeneous catalyst' the way a dictionary does."""
    _head, of, rest = term.partition(" of ")
    words = _words(rest) if of else _words(term)
    if not words:
        return False
    telling = words[:-1] if len(words) > 1 and not of else words
    shown = _words(definition)
    return all(any(same_family(word, other) for other in shown) for word in telling)


def names_itself(term: str, definition: str) -> bool:
    """True when a definition question would give its answer away: the definition shows every word of
    the term ('the dues paid ... in the harbours' for 'harbour dues'), or a one-word term in another
    form. Showing the modifier alone leaves the term's own word to recall: 'a legal maximum price' asks
    for 'price ceiling', 'the difference in charge across a membrane' for 'membrane potential'.
    (Among choices that share the head noun the modifier alone tells: that is `circular`.)"""
    words = _words(term)
    if len(words) < 2:
        return circular(term, definition)
    shown = _words(definition)
    return all(any(same_family(word, other) for other in shown) for word in words)


# 'that part', 'these cells', 'the other metal', 'the latter', 'the area labeled F': words that point at
# something the reader of the question cannot see.
_POINTING = re.compile(
    r"\b(?:this|these|those)\s+(?!that\b|which\b|who\b)[a-z]"
    r"|\b(?:of|in|on|at|to|for|from|with|by|about|into|within)\s+that\s+[a-z]+\b(?!\s+(?:is|are|was|were)\b)"
    r"|\bthe\s+(?:other|former|latter|aforementioned|above|previous|said|same(?![^,.;]*\bas\b))\b|\banother\b"
    r"|\b(?:labell?ed|marked|shown|pictured)\s+(?:as\s+)?[A-Z0-9]\b|\b(?:figure|fig\.|table|graph|diagram)\b"
    # 'the most severe of the three', 'the largest of these': a set the sentence before named
    r"|\b(?:of|among|between)\s+(?:the\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|both|them|these|those|all)"
    r"\s*[.?]?$"
    r"|—",
    re.I,
)


# A glossary line is written to be read alone: 'another object', 'the same element', 'those portions that ...',
# 'the periodic table', 'a graph of ...', an aside set off by dashes name nothing outside it. What does point out
# of it is the text's own parts ('discussed in this chapter', 'shown in the figure', 'labeled B', 'the latter').
_POINTING_OUT = re.compile(
    r"\b(?:this|these|the\s+(?:next|following|previous|preceding))\s+(?:chapters?|sections?|units?|modules?|books?"
    r"|figures?|tables?|examples?|pages?)\b"
    r"|\b(?:figure|fig\.)\s*\d|\bthe\s+(?:former|latter|aforementioned)\b"
    r"|\b(?:labell?ed|marked)\s+(?:as\s+)?[A-Z0-9]\b|\b(?:shown|pictured|illustrated)\s+(?:above|below|here|in)\b",
    re.I,
)


def points_out_of_glossary(definition: str) -> bool:
    """True when a glossary line points at a part of the text the question cannot show ('the vessel labeled
    B', 'as discussed in this chapter'). Unlike prose, a glossary line is written to stand alone, so 'another',
    'the same', 'those ... that' and dashes are its own words (`points_elsewhere` is for prose)."""
    return bool(_POINTING_OUT.search(definition))


def points_elsewhere(definition: str) -> bool:
    """True when the definition names its thing only by pointing at the text around it ('one ... the
    other' is a pair the definition itself makes)."""
    for match in _POINTING.finditer(definition):
        if match.group(0).lower().startswith(("the other", "another")) and re.search(
                r"\bone\b", definition[: match.start()], re.I):
            continue
        return True
    if pair_from_before(definition):
        return True  # 'the effects of both processes': the two were named before
    return such_reference(definition) is not None  # 'stars of such great size': of what size, said before


_RELATIVE_START = re.compile(r"\b(?:where|when|whereby|in which|on which|at which)\s+(?P<rest>.*)$", re.I)
_DETERMINERS = word_set("one a an the each either neither some any every this that its their his her")


def cut_relative(definition: str) -> bool:
    """'the condition where one party': the clause after 'where' or 'when' is a determiner and a noun
    and nothing more -- its verb was cut off at a comma ('where one party, either A or B, has ...')."""
    match = _RELATIVE_START.search(definition)
    if not match:
        return False
    rest = match.group("rest").split()
    return 1 <= len(rest) <= 2 and rest[0].lower() in _DETERMINERS


# A participle after a degree word with no noun of its own: 'the best characterized as the ...'.
_NOUNLESS = re.compile(r"^(?:the|a|an)\s+(?:best|most|least|well|better|worst)\s+[a-z]+(?:ed|en)\s+(?:as|by|in|for)\b",
                       re.I)


# A superlative with no noun after it: 'the least productive and the easiest to extinguish' (of what, only
# the paragraph says); 'the most common cause of ...' has its noun.
_BARE_SUPERLATIVE = re.compile(r"^the\s+(?:(?:most|least)\s+[a-z]+|[a-z]{3,}est)(?:\s+(?:and|or|to)\b|\s*$)", re.I)


def nounless(definition: str) -> bool:
    return bool(_NOUNLESS.match(definition) or _BARE_SUPERLATIVE.match(definition))


_COUNTS = word_set("two three four five six seven eight nine ten several many both")


def counted(term: str) -> bool:
    """'two main layers': a subject that counts things names no term."""
    first = term.split()[0].lower() if term.split() else ""
    return first in _COUNTS or first.isdigit()


def names_at_its_end(definition: str) -> bool:
    """'the oxide cassiterite', 'the hormone insulin': a category followed by the name of one member,
    with nothing after it; the sentence says which thing, it does not define the subject."""
    words = definition.split()
    if len(words) != 3 or words[0].lower() != "the" or not words[2][:1].isalpha():
        return False
    category, name = words[1].lower(), words[2].lower()
    if category.endswith(("al", "ic", "ous", "ive", "ful", "able", "ible", "ary", "est", "ed", "ing")):
        return False  # 'the outermost layer', 'the watery material': a describing word, then the noun
    return zipf(name) < zipf(category) - 1.0


# 'the only', 'the best', 'the third most common', 'the largest', 'the main': the subject's place among
# its kind.
_RANKING = re.compile(
    r"^the\s+(?:(?:first|second|third|fourth|fifth|single|one)\s+)?"
    r"(?:only|sole|best|worst|main|chief|leading|primary|principal|major|predominant|dominant|most|least|"
    r"[a-z]{3,}est)\b",
    re.I,
)
_NOT_SUPERLATIVE = word_set("interest forest honest modest harvest request digest protest contest manifest "
                            "suggest arrest conquest inquest behest quest")


def ranking(definition: str) -> bool:
    """True for a predicate that ranks its subject among its kind rather than defining a term."""
    match = _RANKING.match(definition)
    if not match:
        return False
    last = match.group(0).split()[-1].lower()
    return last not in _NOT_SUPERLATIVE


def ranking_prompt(definition: str, plural: bool) -> str:
    """'What is the third most common metal in the soil?', 'What are the only birds that ...?'."""
    return f"What {'are' if plural else 'is'} {definition[:1].lower()}{definition[1:]}?"


_VERBS_OF_BEING = word_set("is are was were be been has have had can could may might must will would")
_HEAD_STOPS = word_set("that which who whom whose where when of in on at by for from with to into within among "
                      "between against during through under over than as")


def ranked_plural(definition: str) -> bool:
    """Whether a ranking predicate's noun is plural: 'the only known hosts for ...' -> True."""
    head = ""
    for word in definition.split()[1:]:
        lower = word.lower().strip(",")
        if lower in _HEAD_STOPS or lower in _VERBS_OF_BEING:
            break
        head = lower
    return is_plural_phrase(head) if head else False


def vague(definition: str) -> bool:
    """'the definitive host', 'the main reason': 'the' and two words with nothing restricting them name a
    role the paragraph gives its subject ('cats are the definitive host [of this parasite]'), not a
    term's meaning; 'the integrated phage genome' says enough."""
    words = definition.split()
    return len(words) <= 3 and words[0].lower() == "the" and not ranking(definition)


# What a gloss may say of a term that is no account of what it is: an example ('e.g., an insect sting'), a
# comparison only ('a more severe illness than ...'), or a role graded by importance ('an important nutrient
# in some foods', 'the main agent for heating ...').
_NOT_A_MEANING = re.compile(
    r"^(?:e\.\s?g\.|for\s+example\b|such\s+as\b)"
    r"|^(?:an?|the)\s+(?:(?:more|less)\s+\w+|\w+er)\s+(?:\w+\s+){0,2}?than\b"
    r"|^(?:an?|the)\s+(?:(?:most|very|particularly|especially)\s+)?(?:important|main|major|key|chief|principal"
    r"|significant|leading)\s",
    re.I,
)


def says_no_meaning(definition: str) -> bool:
    """A gloss that gives an example, a comparison or a graded role, not what the term is: fit to quote, not
    to answer 'What is meant by ...?' (templates.py's 'what')."""
    return bool(_NOT_A_MEANING.search(definition.strip()))


_PAST_USE = re.compile(
    r"\b(?:was|were)\s+(?:formerly|once|previously|historically|traditionally)\b|\b(?:formerly|once)\s+used\b"
    r"|\bused\s+to\s+be\b|\bin\s+(?:the\s+)?(?:past|ancient\s+times|antiquity)\b",
    re.I,
)


def past_use(definition: str) -> bool:
    """'a bright yellow solid that was formerly used as an artist's pigment': what a thing was once used
    for is its history, a detail; what it is or does is the definition a teacher asks."""
    return bool(_PAST_USE.search(definition))


def past_use_at(text: str) -> int | None:
    """Where a sentence starts telling what a thing was once used for, or None."""
    found = _PAST_USE.search(text)
    return found.start() if found else None


def askable_definition(term: str, definition: str, *, glossary: bool = False) -> bool:
    """All the checks above: a definition a teacher would ask a term from (or a ranking to ask). A definition
    with no words left once its asides are gone ('(γ ray)') asks nothing. A glossary line is judged as one
    written to stand alone (`points_out_of_glossary`)."""
    if not definition.split():
        return False
    pointing = points_out_of_glossary(definition) if glossary else points_elsewhere(definition)
    return not (names_itself(term, definition) or pointing or cut_relative(definition)
                or nounless(definition) or counted(term) or names_at_its_end(definition) or vague(definition)
                or past_use(definition) or word_origin_definition(definition))
