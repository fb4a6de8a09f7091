"""False statements for true/false: one meaningful change to a true sentence, never a new truth.

- The main verb turned to its opposite in the same form ('raises' -> 'lowers'): only a finite verb,
  never one inside a key term ('quantitative easing') or used as an adjective ('increasing concerns'),
  and only where the opposite is a change of direction or a verb the document itself uses ('absorbs'
  -> 'reflects' is a false statement about light, nonsense about vitamins).
- A mechanism's action turned the other way ('reduces' -> 'increases'): false because the section
  says which way it goes; a hedged action ('may reduce') or one without a direction makes none.
- A key term swapped for another of its own kind, unless some sentence of the document puts that
  other term beside the rest of the statement: then the 'false' statement may well be true.
- A comparison turned the other way ('more often' -> 'less often'), never its verb.
- A word of direction or degree turned the other way ('shifts to the right' -> 'to the left', 'a higher
  price' -> 'a lower price', 'longer wavelengths' -> 'shorter', 'inversely related' -> 'directly'):
  false for the reason the text states, as a teacher turns a relation around.
- A word swapped for its partner that the document also uses ('gram-positive' -> 'gram-negative',
  'hypothyroidism' -> 'hyperthyroidism', 'endotoxin' -> 'exotoxin'): the sibling the text sets against it.

A sentence that joins two claims makes no false statement, and one whose subject is no term of the text
('Serious cases can lead to ...') makes none at all.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable

from quizmg.generate.partners import PartnerFinder, partner_words
from quizmg.generate.terms import tokens
from quizmg.generate.words import ANTONYMS, LOWERING, RAISING, STOP_WORDS, VERB_WORDS, inflect, verb_forms, word_set

_VERB_LOOKUP: dict[str, tuple[str, str]] = {}
for _base in ANTONYMS:
    for _form, _role in verb_forms(_base).items():
        _VERB_LOOKUP.setdefault(_form, (_base, _role))

# Verbs of signalling: 'blocks a receptor' turns into 'activates a receptor'. The same verbs also say that one
# thing screens another ('the Moon blocks the sunlight', 'a slit blocks the waves'), and their opposite then
# reads as nonsense ('activates the sunlight'). A text that uses another signalling verb writes of signals.
_SIGNALLING = frozenset({"block", "inhibit", "suppress", "activate", "stimulate"})


# 'prevent X from doing' has no opposite of the same frame: 'causes them from inactivating'.
_FRAMED = {"prevent": "from", "protect": "from", "discourage": "from"}


def _directed(base: str, opposite: str) -> bool:
    """True for a change of direction: 'raise' and 'lower', 'inhibit' and 'stimulate'."""
    return (base in LOWERING and opposite in RAISING) or (base in RAISING and opposite in LOWERING)


def opposite_verb(text: str, inside_terms: Iterable[tuple[int, int]] = (),
                  vocabulary: Collection[str] = ()) -> str | None:
    """The sentence with its first finite action verb replaced by the opposite one, in the same form."""
    spans = list(inside_terms)
    words = list(tokens(text))
    for index, match in enumerate(words):
        lookup = _VERB_LOOKUP.get(match.group().lower())
        if lookup is None or index == 0:
            continue
        base, role = lookup
        before = words[index - 1].group().lower()
        after = words[index + 1].group().lower() if index + 1 < len(words) else ""
        if before in STOP_WORDS - {"also", "and"} or after == "of" or role in {"past", "gerund"}:
            continue  # a noun ('the increase of'), an adjective ('increased activity', 'increasing costs')
        if any(start <= match.start() < end for start, end in spans):
            continue  # part of a name: 'quantitative easing'
        frame = _FRAMED.get(base)
        if frame and f" {frame} " in text[match.end():]:
            continue
        if _MEANS_OF_DIRECTION.search(text[match.end():]):
            continue  # 'slows the heart by decreasing its rate': turned, the verb contradicts its own means
        opposite = ANTONYMS[base]
        if {base, opposite} & _ALL_OR_NOTHING:
            continue  # 'the gland causes the release ... for the first time' -> 'prevents': nonsense, not a claim
        if not _directed(base, opposite) and not set(verb_forms(opposite)) & set(vocabulary):
            continue  # an opposite the document never uses is likely the wrong sense of the verb
        if {base, opposite} & _SIGNALLING and not _signals(base, vocabulary):
            continue  # 'blocks the wind' in a text that never writes of signals: a screen, not an inhibitor
        return text[: match.start()] + inflect(opposite, role) + text[match.end() :]
    return None


def said_together(swapped_in: str, rest: Collection[str], mentions: Iterable[Collection[str]],
                  replaced: str = "") -> bool:
    """True when some sentence names the swapped-in term beside all the statement's other key terms,
    in the replaced term's place: a sentence naming both contrasts or lists them, it supports neither."""
    return any(
        swapped_in in keys and replaced not in keys and all(key in keys for key in rest) for keys in mentions
    )


def reversed_action(action: str) -> str | None:
    """The action turned the other way, in the same form: 'reduces' -> 'increases', 'blocks' ->
    'activates'; None when its verb has no direction, or when a modal or a negation hedges it."""
    words = action.split()
    if not words or any(word.lower() in _HEDGED for word in words):
        return None
    head = words[0].lower()
    lookup = _VERB_LOOKUP.get(head)
    if lookup is None or lookup[1] not in {"base", "third"}:
        return None
    base, role = lookup
    opposite = ANTONYMS[base]
    if not _directed(base, opposite) or {base, opposite} & _ALL_OR_NOTHING:
        return None
    return " ".join([inflect(opposite, role), *words[1:]])


def unused_opposite(action: str, vocabulary: Collection[str]) -> str | None:
    """The opposite a reversed signalling action takes in a text that uses no other signalling verb, else None:
    'blocks' -> 'activates' in a text that never inhibits, suppresses or stimulates is likely a screen."""
    words = action.split()
    lookup = _VERB_LOOKUP.get(words[0].lower()) if words else None
    if lookup is None or reversed_action(action) is None:
        return None
    opposite = ANTONYMS[lookup[0]]
    if not {lookup[0], opposite} & _SIGNALLING or _signals(lookup[0], vocabulary):
        return None
    return opposite


def _signals(base: str, vocabulary: Collection[str]) -> bool:
    """True when the text writes of signals: it uses a signalling verb besides the one turned ('inhibits' in a
    text that says 'activated' somewhere), so the opposite is the verb's own sense."""
    words = set(vocabulary)
    return any(set(verb_forms(other)) & words for other in _SIGNALLING - {base})


# 'causes' and 'prevents' say whether a thing happens, not which way it goes: 'SSRIs cause reuptake',
# 'X prevents impaired processes' read as nonsense rather than as a claim turned around.
_ALL_OR_NOTHING = frozenset({"cause", "prevent"})
_HEDGED = frozenset({"may", "might", "could", "can", "not", "never", "sometimes", "often", "usually"})


# A comparison: 'more often than', 'less soluble than'. Its point is which way it goes.
_COMPARED = re.compile(r"\b(?P<word>more|less)\b(?=[^,;:.]*?\bthan\b)", re.I)
_OTHER_WAY = {"more": "less", "less": "more"}
# A second claim joined to the first: ', and most viral infections lead to ...', '; but ...'.
_JOINED = re.compile(r"(?:,|;)\s+(?:and|but|while|whereas|yet)\s+(?P<clause>(?:[\w'-]+\s+){0,4}[\w'-]+)", re.I)
_FINITE = word_set("is are was were has have had can will would does do did must should cause causes lead leads")


def flipped_comparison(text: str) -> str | None:
    """A comparison turned the other way ('more often than' -> 'less often than'): the only change that
    makes a comparing sentence false for its own reason. Turning its verb instead ('viruses prevent
    infections more often than bacteria') makes nonsense, not a false claim."""
    compared = _COMPARED.search(text)
    if compared is None:
        return None
    word = compared.group("word")
    other = _OTHER_WAY[word.lower()]
    other = other.capitalize() if word[0].isupper() else other
    return text[: compared.start()] + other + text[compared.end() :]


def joins_claims(text: str) -> bool:
    """True when the sentence joins a second claim with its own verb (', and most X lead to Y'): a false
    version changes one of the two, and the reader cannot tell which claim is being judged."""
    def has_verb(words: str) -> bool:
        return any(word in _FINITE or word in VERB_WORDS for word in re.findall(r"[a-z'-]+", words.lower()))

    # 'Iron, copper, and zinc are metals' is one claim: its verb comes only after the list.
    return any(
        has_verb(text[: joined.start()]) and has_verb(joined.group("clause")) for joined in _JOINED.finditer(text)
    )


def names_its_subject(text: str, first_term: int) -> bool:
    """False for a claim of what something 'can' do whose subject holds no term of the text: 'Serious
    cases can lead to pneumonia' (cases of what? the paragraph says) is true of nearly anything judged
    alone. A subject the text does not mark but that makes a firm claim stays: 'Higher interest rates
    attract foreign savers'."""
    before = re.findall(r"[a-z']+", text[:first_term].lower())
    verb = next((i for i, word in enumerate(before) if word in _FINITE or word in VERB_WORDS), None)
    return verb is None or "can" not in before[verb:]


# Words of direction or degree and their opposites: one of them turned makes the claim false for the reason
# its sentence states. Each is a modifier here ('a higher price', 'to the right', 'inversely related'), so
# the opposite fits the same place; a verb ('lowers') is opposite_verb's.
_DIRECTION_WORDS = {
    "higher": "lower", "lower": "higher", "larger": "smaller", "smaller": "larger", "greater": "smaller",
    "longer": "shorter", "shorter": "longer", "faster": "slower", "slower": "faster",
    "stronger": "weaker", "weaker": "stronger", "increased": "decreased", "decreased": "increased",
    "increasing": "decreasing", "decreasing": "increasing", "positive": "negative", "negative": "positive",
    "inversely": "directly", "above": "below", "below": "above", "left": "right", "right": "left",
    "leftward": "rightward", "rightward": "leftward", "upward": "downward", "downward": "upward",
}
_DIRECTION = re.compile(r"(?<![\w-])(?P<word>" + "|".join(_DIRECTION_WORDS) + r")(?![\w-])", re.I)
# Where a word of the list is no direction: 'no longer', 'any longer'; 'left' and 'right' only as sides.
_NOT_DIRECTION_BEFORE = re.compile(r"\b(?:no|any)\s+$", re.I)
_SIDES = frozenset({"left", "right"})
_MEANS_OF_DIRECTION = re.compile(r"\bby\s+(?:increas|decreas|reduc|rais|lower|inhibit|stimulat|block|activat|enhanc|"
                                 r"suppress|slow|speed)ing\b", re.I)
_VERB_BEFORE = re.compile(r"\b(?:can|could|may|might|will|would|should|must|to|does|do|did|helps?)\s+$", re.I)


def turned_direction(text: str, inside_terms: Iterable[tuple[int, int]] = (), start: int = 0) -> str | None:
    """The sentence with its first word of direction or degree after `start` turned the other way
    ('shifts to the right' -> 'shifts to the left', 'is associated with longer wavelengths' ->
    'shorter'), or None. A word inside a key term's name ('lower respiratory tract') is part of the name;
    'left' and 'right' count only as sides ('to the left', 'the right side'), never 'has left' or 'rights'."""
    spans = list(inside_terms)
    for match in _DIRECTION.finditer(text, start):
        word = match.group("word")
        lower = word.lower()
        if any(begin <= match.start() < end for begin, end in spans):
            continue
        before = text[: match.start()]
        if _NOT_DIRECTION_BEFORE.search(before):
            continue
        if lower in _SIDES and not re.search(r"\b(?:the|to|its)\s+$", before, re.I):
            continue  # 'has left', 'rights'; only a side ('to the left', 'the right side') turns
        rest = text[match.end():]
        if lower in _SIDES and re.match(r"\s+to\b", rest) and not re.search(r"\bto\s+the\s+$", before, re.I):
            continue  # 'the right to fish': an entitlement, no side
        if lower in {"above", "below"} and not re.match(r"\s+\w", rest):
            continue  # 'as shown below.'
        if lower == "lower" and (_VERB_BEFORE.search(before) or (
                re.match(r"\s+(?:the|a|an|its|their)\b", rest) and not re.search(r"\bthe\s+$", before, re.I))):
            continue  # 'can lower the energy': a verb, whose opposite 'higher' is not ('the lower the pH' is no verb)
        if lower in {"increasing", "decreasing"} and re.search(r"\bby\s+$", before, re.I):
            continue  # 'slows the heart by decreasing its rate': turned, the means contradicts its own result
        opposite = _DIRECTION_WORDS[lower]
        if word[0].isupper():
            opposite = opposite.capitalize()
        return text[: match.start()] + opposite + text[match.end():]
    return None


def partner_swapped(text: str, vocabulary: Collection[str] | PartnerFinder) -> str | None:
    """The sentence with its first word that has a partner in the document's words ('gram-positive' and
    'gram-negative', 'hyper-' and 'hypo-', 'endo-' and 'exo-') swapped for that partner, or None. A
    drafter asking for many sentences passes its words once indexed (`PartnerFinder`)."""
    if not vocabulary:
        return None
    finder = vocabulary if isinstance(vocabulary, PartnerFinder) else PartnerFinder(vocabulary)
    for match in tokens(text):
        word = match.group()
        if len(word) < 5 or word.lower() in STOP_WORDS:
            continue
        partner = finder.partner_of(word)
        if partner:
            partner = partner[:1].upper() + partner[1:] if word[0].isupper() else partner
            return text[: match.start()] + partner + text[match.end():]
    return None


def turned_phrase(phrase: str, vocabulary: Collection[str] = ()) -> str | None:
    """A claim's side turned the other way by one word: a direction ('to the right' -> 'to the left') or
    a partner the document uses ('hypothyroidism' -> 'hyperthyroidism'); None when it has neither."""
    return turned_direction(phrase) or partner_swapped(phrase, vocabulary)


def turned_by_one_word(original: str, changed: str) -> bool:
    """True when `changed` is `original` with one word turned to its opposite: a direction or a partner."""
    before, after = original.split(), changed.split()
    if len(before) != len(after):
        return False
    differ = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    if len(differ) != 1:
        return False
    a, b = (word.strip(".,;:").lower() for word in differ[0])
    return _DIRECTION_WORDS.get(a) == b or partner_words(a, b)


# A word joined to itself: 'smaller or smaller', 'below and below'.
_DOUBLED = re.compile(r"\b(\w+)\s+(?:and|or|nor|to)\s+\1\b", re.I)


def doubles_a_word(text: str, version: str) -> bool:
    """True when a false version turned one of a pair into its partner ('a smaller or larger size' made 'a
    smaller or smaller size', 'above and below' made 'below and below'): it reads as nonsense, not as a claim
    a learner can judge false."""
    if len(_DOUBLED.findall(version)) > len(_DOUBLED.findall(text)):
        return True
    # 'Catabolic reactions produce energy and anabolic reactions use energy' made 'catabolic ... and catabolic
    # ...': the word swapped in was already set against its partner in the sentence, and the contrast is lost.
    before, after = re.findall(r"[\w'’-]+", text.lower()), re.findall(r"[\w'’-]+", version.lower())
    if len(before) != len(after):
        return False
    differ = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    return len(differ) == 1 and differ[0][1] in before
