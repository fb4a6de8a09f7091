"""Where a definition's noun phrase ends: 'a family that also includes ibuprofen' out of 'X is a family that also
includes ibuprofen, which ...', its relative clause kept when short, a second predicate or a clause left out, and
a phrase that names its thing only by its place among others ('the most simplistic model') refused."""

from __future__ import annotations

import re

from quizmg.generate.frequency import EVALUATIVE, KIND_NOUNS
from quizmg.generate.words import STOP_WORDS, VERB_WORDS, word_set


def finite_verb(word: str) -> bool:
    """'makes', 'produces': a verb that turns a phrase into a clause ('made' may qualify a noun)."""
    lower = word.lower()
    return lower.endswith("s") and lower in VERB_WORDS and (lower[:-1] in VERB_WORDS or lower[:-2] in VERB_WORDS)


# Words that end a phrase as its head, though they are stop words: 'the price of one currency in units
# of another', 'a bond between two atoms that attract each other'.
_PRONOUN_ENDS = frozenset({"another", "others", "itself", "themselves", "other"})


def trim_definition(text: str) -> str | None:
    """A noun phrase, with its relative clause when short: 'a family that also includes ibuprofen'."""
    pieces = re.split(r"\s+(?:whereas|while|because|when|if|although)\s+", text, maxsplit=1)
    if len(pieces) > 1 and _BARE_RELATIVE_END.search(pieces[0]):
        return None  # 'defects that occur [when positions ... are vacant]': what they are was in the clause cut off
    text = pieces[0]
    # 'the oldest synthetic agents and are analogues of PABA': a second predicate, not the phrase
    text = re.split(r"\s+and\s+(?:is|are|was|were|has|have|can|may)\s+", text)[0]
    # 'the most concentrated component and determines the state': 'and' before a verb in -s with
    # its own object opens a second predicate; the definition is the noun phrase before it.
    text = SECOND_PREDICATE.split(text)[0]
    # 'a pattern of behaviour in which we engage': the preposition belongs to the relative clause,
    # so it moves with 'which' (without it the clause reads 'which we engage').
    parts = _RELATIVE.split(text, maxsplit=1)
    head = parts[0].split()
    while head and head[-1].lower() in STOP_WORDS and head[-1].lower() not in _PRONOUN_ENDS:
        head.pop()
    if not head or any(finite_verb(w) for w in head):
        return None  # a clause ("the body makes ..."), not a noun phrase
    if _adjective_without_noun(head):
        return None  # 'the body's fast acting [system]': the noun the adjective needs was cut off
    words = head
    if len(parts) == 3 and parts[1].lower() in {"of which", "of whom"} and len(head) <= 2:
        return None  # 'X, the function of which is unknown': a remark about X ('whose function'), no definition
    if len(parts) == 3:
        whole = [*head, *parts[1].split(), *parts[2].split()]
        if len(whole) <= 16:
            words = whole
    elif context_bound(head):
        return None  # 'the most simplistic model': which model only the paragraph knows
    # 'from which all light is kept out': a particle after the clause's verb belongs to it.
    while words and words[-1].lower() in STOP_WORDS and words[-1].lower() not in _PRONOUN_ENDS and not (
            words is not head and words[-1].lower() in _PARTICLES and words[-2].lower() not in STOP_WORDS):
        words.pop()
    if len(words) < 3 or len(words) > 16:
        return None  # too vague ("a family") or too long to ask about
    return " ".join(words)


# A relative clause of its verb alone at the end of what is left: 'defects that occur', 'changes which happen'.
# Not 'such that even', 'so that': a clause of result, cut where it began.
_BARE_RELATIVE_END = re.compile(r"(?<!\bsuch )(?<!\bso )\b(?:that|which|who)\s+(?!even$|also$|only$|still$)[a-z]+$",
                                re.I)


_RELATIVE = re.compile(
    r"\s+((?:(?:in|from|to|by|with|on|at|for|of|through|under|into|within|during|upon|over|between|"
    r"among|against|around|beneath|behind|below|above|beyond|after|before|about|along|across|inside|"
    r"without|via|toward|towards|throughout)\s+)?(?:which|whom|whose)|that|which|who)\s+"
)


SECOND_PREDICATE = re.compile(
    r"\s+and\s+(?=[a-z]+[^su\s]s\s+(?:the|a|an|its|their|his|her|this|these|that|those|[a-z]+ly)\s)"
)


# Words that place a noun relative to others the reader has just seen: 'the other', 'the most ...'.
_RELATIVE_PLACE = word_set(
    "most least more less other same following former latter above previous next last first second third "
    " final best worst latest earliest lower higher greater smaller larger bigger fewer longer "
    "shorter wider narrower earlier later faster slower stronger weaker")
ARTICLES = word_set("the a an")
_DEGREE_WORDS = word_set("most least more less")
_NOT_SUPERLATIVE = word_set("interest forest honest modest harvest request digest protest contest manifest suggest")


def context_bound(head: list[str]) -> bool:
    """A noun phrase with nothing to pick its thing out but its place among others ('the most simplistic
    model', 'the other components', 'the largest'): it names something only beside the text's others."""
    modifiers = [w.lower().strip(",") for w in head[1:-1]] if len(head) > 1 else []
    if any(w in _HEAD_ENDS for w in (x.lower() for x in head)) or any(w.endswith(("'s", "’s")) for w in head):
        return False  # 'the lowest concentration of oxygen', 'the brain's circuit': it is restricted
    placing = [w in _RELATIVE_PLACE or (w.endswith("est") and len(w) > 5 and w not in _NOT_SUPERLATIVE)
               for w in modifiers]
    if not any(placing):
        return False
    # 'the oldest synthetic antibacterial agents' still says what they are beside 'oldest'; 'the most
    # simplistic model' says nothing else ('most' takes its adjective with it).
    others = [w for w, p, before in zip(modifiers, placing, ["", *modifiers[:-1]], strict=True)
              if not p and before not in _DEGREE_WORDS]
    return not others


def place_in_a_list(term: str) -> bool:
    """'first', 'the second important factor', 'the latter': a subject named only by its place in an
    enumeration the text just made, with at most general words beside it; 'second messenger' names a
    thing of its own."""
    words = [w.lower() for w in term.split() if w.lower() not in ARTICLES]
    if not words or not any(w in _RELATIVE_PLACE for w in words):
        return False
    return all(w in _RELATIVE_PLACE or w in EVALUATIVE or w in KIND_NOUNS or w == "one" for w in words)


_PARTICLES = word_set("out off up down away back over")
_HEAD_ENDS = word_set("of in on at by for with from within between among into during under over")
_DEGREE = word_set("fast slow quick long short well hard free self ever high low deep far close")


def _adjective_without_noun(head: list[str]) -> bool:
    """'the body's fast acting': a compound adjective ('fast acting', 'slowly growing') at the end of a
    phrase is missing its noun."""
    if len(head) < 2 or not head[-1].lower().endswith("ing"):
        return False
    before = head[-2].lower()
    return before in _DEGREE or before.endswith("ly")
