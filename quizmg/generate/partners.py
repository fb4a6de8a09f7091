"""Pair partners: two names that differ only as a word and its opposite, and a blank that is one of them.

A text that contrasts two things names them alike: 'saturated' and 'unsaturated fatty acids',
'fear-relevant' and 'fear-irrelevant stimuli', 'hyperthyroidism' and 'hypothyroidism', 'the cis form'
and 'the trans form'. A blank on one of them beside the other is no question: the partner shown spells
the answer ('[Saturated fatty acids] ..., whereas unsaturated fatty acids ...'), and a learner fills it
by the word's shape, not by knowing the fact. The same holds for two names joined as a pair ('both
antigenic drift and [antigenic shift]', 'Type A and [Type B]'): the shared word is shown, and the one
word left is the other half of a contrast the sentence only names.

`partner_words` tells a word and its opposite by their shape: one is the other with a negating prefix
(un-, in-, im-, il-, ir-, non-, dis-, a-, an-, anti-), the two differ by a pair of opposite prefixes
(hyper-/hypo-, endo-/exo-, intra-/inter-, ...) or opposite endings (-philic/-phobic), or they are a
pair of opposite words of the sciences' common stock (positive/negative, cis/trans, ...).
`partner_shown` finds, in the sentence around a blank, the phrase that is the blank's partner.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection
from functools import lru_cache
from string import ascii_letters

from quizmg.generate.contrasts import COMPARED
from quizmg.generate.terms import is_content_word, singular
from quizmg.generate.words import STOP_WORDS, VERB_WORDS

_NEGATING = ("non-", "non", "un", "in", "im", "il", "ir", "dis", "anti", "an", "a")
_OPPOSITE_PREFIXES = (
    ("hyper", "hypo"), ("endo", "exo"), ("intra", "inter"), ("pre", "post"), ("sub", "super"),
    ("homo", "hetero"), ("mono", "poly"), ("macro", "micro"), ("over", "under"), ("ana", "cata"),
    ("uni", "multi"), ("in", "out"), ("in", "ex"), ("pro", "anti"), ("ef", "af"), ("up", "down"),
)
_OPPOSITE_ENDINGS = (("philic", "phobic"),)
_OPPOSITE_WORDS = frozenset(
    frozenset(pair.split("/")) for pair in (
        "positive/negative", "cis/trans", "high/low", "upper/lower", "inner/outer", "major/minor",
        "left/right", "male/female", "internal/external", "anterior/posterior", "dominant/recessive",
        "active/passive", "increase/decrease", "acidic/basic", "soluble/insoluble", "sense/antisense",
        "aerobic/anaerobic", "voluntary/involuntary", "afferent/efferent", "explicit/implicit",
        "direct/indirect", "short-term/long-term", "gain/loss", "ionic/covalent",
    )
)
_IN_PAIRS = frozenset(word for pair in _OPPOSITE_WORDS for word in pair)
_SHORTEST_STEM = 5  # 'a-typical', 'non-polar' count; 'a-cute', 'in-form', 'in-vent' are too short to tell
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
# 'X and Y', 'X than Y', 'X/Y'. Not 'X or Y': two alternatives the sentence weighs ('any change in budget
# deficits or budget surpluses') ask which one; and not 'X, or Y', which gives X another name.
_JOINED = r"(?:,?\s+(?:and|than|versus|vs\.?|nor|but\s+not|rather\s+than)\s+|\s*/\s*)"
# A sentence that opens on a contrast names one side in its opening phrase and the other after it:
# 'Unlike botulinum toxin, [tetanus toxin] binds ...'.
_CONTRAST_OPENING = re.compile(rf"^{COMPARED}\s+(?:(?:the|a|an)\s+)?", re.I)
_COMMA = re.compile(r",\s+(?:(?:the|a|an)\s+)?")
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+")


def partner_words(word: str, other: str) -> bool:
    """True when `other` is `word`'s opposite by its shape ('relevant' / 'irrelevant', 'hyper-' / 'hypo-')."""
    a, b = _bare(word), _bare(other)
    if not a or not b or a == b:
        return False
    if a[-3:] != b[-3:] and a[:3] != b[:3] and "-" not in a and a not in _IN_PAIRS:
        return False  # a word and its opposite share an ending or a beginning: quick no for the rest
    if frozenset((a, b)) in _OPPOSITE_WORDS:
        return True
    # A compound differs in one of its parts: 'fear-relevant' / 'fear-irrelevant', 'gram-positive' / 'gram-negative'.
    parts_a, parts_b = a.split("-"), b.split("-")
    if len(parts_a) == len(parts_b) > 1:
        differ = [(x, y) for x, y in zip(parts_a, parts_b, strict=True) if x != y]
        return len(differ) == 1 and partner_words(*differ[0])
    short, long = sorted((a, b), key=len)
    for prefix in _NEGATING:
        if long == prefix + short and len(short) >= _SHORTEST_STEM:
            return True
    for first, second in _OPPOSITE_PREFIXES:
        for x, y in ((a, b), (b, a)):
            if x.startswith(first) and y.startswith(second) and x[len(first):] == y[len(second):] \
                    and len(x) - len(first) >= _SHORTEST_STEM:
                return True
    for first, second in _OPPOSITE_ENDINGS:
        for x, y in ((a, b), (b, a)):
            if x.endswith(first) and y.endswith(second) \
                    and x[: -len(first)] == y[: -len(second)] and len(x) - len(first) >= 3:
                return True
    return False


class PartnerFinder:
    """A document's words, indexed so that the partner of a word is found without trying every word.

    `partner_words` finds a word's opposite by a prefix put on or taken off, a prefix or an ending swapped
    for its opposite, a listed pair, or one part of a compound: each gives the few words the opposite can
    be (`_shapes`), looked up here; only those are tried. `partner_of` gives what trying every word in
    sorted order would give.
    """

    def __init__(self, vocabulary: Collection[str]) -> None:
        self._words = sorted(vocabulary)
        self._by_bare: dict[str, list[int]] = {}
        self._by_parts: dict[tuple[int, int, tuple[str, ...]], list[int]] = {}
        for place, word in enumerate(self._words):
            bare = _bare(word)
            self._by_bare.setdefault(bare, []).append(place)
            for key in _part_keys(bare):
                self._by_parts.setdefault(key, []).append(place)

    def partner_of(self, word: str) -> str | None:
        """The first word of the document, in sorted order, that is `word`'s opposite by shape, or None."""
        bare = _bare(word)
        if not bare:
            return None
        places: set[int] = set()
        for shape in _shapes(bare):
            places.update(self._by_bare.get(shape, ()))
        for key in _part_keys(bare):
            places.update(self._by_parts.get(key, ()))
        return next((self._words[place] for place in sorted(places) if partner_words(word, self._words[place])), None)


# Each listed opposite word -> the words listed against it.
_PAIRS_OF: dict[str, list[str]] = {}
for _pair in _OPPOSITE_WORDS:
    for _word in _pair:
        _PAIRS_OF.setdefault(_word, []).extend(other for other in _pair if other != _word)


@lru_cache(maxsize=16_384)
def _shapes(a: str) -> frozenset[str]:
    """Every word that `partner_words` could take for the opposite of `a` (in its bare form), but a
    compound's part for part (`_part_keys`): what each of its rules makes of `a`."""
    shapes = set(_PAIRS_OF.get(a, ()))
    for prefix in _NEGATING:
        if len(a) >= _SHORTEST_STEM:
            shapes.add(prefix + a)
        if a.startswith(prefix) and len(a) - len(prefix) >= _SHORTEST_STEM:
            shapes.add(a[len(prefix):])
    for first, second in _OPPOSITE_PREFIXES:
        for mine, theirs in ((first, second), (second, first)):
            if a.startswith(mine) and len(a) - len(mine) >= _SHORTEST_STEM:
                shapes.add(theirs + a[len(mine):])
    for first, second in _OPPOSITE_ENDINGS:
        for mine, theirs in ((first, second), (second, first)):
            if a.endswith(mine) and len(a) - len(mine) >= 3:
                shapes.add(a[: -len(mine)] + theirs)
    return frozenset(shapes)


def _part_keys(bare: str) -> list[tuple[int, int, tuple[str, ...]]]:
    """A compound's parts with one left out, for each part: its opposite differs in one part only."""
    parts = bare.split("-")
    if len(parts) < 2:
        return []
    return [(len(parts), index, (*parts[:index], *parts[index + 1:])) for index in range(len(parts))]


def partner_shown(hidden: str, before: str, after: str) -> str | None:
    """The phrase of the blank's own sentence that is its partner, or None.

    A partner is a phrase of as many words as the blank, the same words but one, that one word being
    the blank's word's opposite by shape ('[saturated fatty acids] ... unsaturated fatty acids'). A name
    of two words or more joined to the blank as a pair ('both antigenic drift and [antigenic shift]',
    '[Type A] or Type B') is its partner too when it shares all its words but one, whatever that word.
    """
    words = [_bare(w) for w in _WORD.findall(hidden)]
    if not words or len(words) > 4:
        return None
    size = len(words)
    sentence_before = _SENTENCE_END.split(before)[-1]
    sentence_after = _SENTENCE_END.split(after)[0]
    after_words = _WORD.findall(sentence_after[:80])
    # The blank's sentence is read into words once for all its blanks; each side takes its stretch of them.
    whole = sentence_before + hidden + sentence_after
    sides = (("before", sentence_before, 0), ("after", sentence_after, len(whole) - len(sentence_after)))
    for side, text, offset in sides:
        found = _words_between(whole, offset, offset + len(text))
        for at in _runs_differing_once(words, [bare for _, _, bare, _ in found]):
            run = found[at: at + size]
            other = [w for _, _, w, _ in run]
            differ = [i for i in range(size) if other[i] != words[i]]
            if len(differ) != 1:
                continue
            i = differ[0]
            opposite = partner_words(words[i], other[i])
            if not opposite and size == 1:
                continue
            if not _whole(found, at, size):
                continue  # 'direct investment' is the end of 'foreign direct investment'
            if size == 1 and _other_things(found, at + size, after_words):
                continue  # 'a polar head ... [nonpolar] tails': a property of another thing, asked
            if opposite or _joined(side, text, run[0][0], run[-1][1]) \
                    or _contrasted(side, text, run[0][0], run[-1][1], sentence_before):
                return text[run[0][0]: run[-1][1]]
    return None


Found = list[tuple[int, int, str, str]]  # each word's start, end, bare form and lower case


@lru_cache(maxsize=64)
def _words_of(text: str) -> tuple[Found, list[int]]:
    found = [(m.start(), m.end(), _bare(m.group()), m.group().lower()) for m in _WORD.finditer(text)]
    return found, [start for start, _, _, _ in found]


def _words_between(text: str, start: int, end: int) -> Found:
    """The words of text[start:end], placed in it, as reading that stretch alone finds them: a word
    of `text` cut by the stretch's end is cut there too, and one cut by its start begins at its first
    letter after the cut."""
    found, starts = _words_of(text)
    words: Found = []
    at = bisect_right(starts, start) - 1
    if at >= 0 and found[at][0] < start < found[at][1]:
        stop = min(found[at][1], end)
        first = next((i for i in range(start, stop) if text[i] in ascii_letters), None)
        if first is not None:
            words.append(_word_at(text, first, stop, start))
        at += 1
    elif at < 0 or found[at][0] < start:
        at += 1
    while at < len(found) and found[at][0] < end:
        word_start, word_end, bare, lower = found[at]
        words.append((word_start - start, word_end - start, bare, lower) if word_end <= end
                     else _word_at(text, word_start, end, start))
        at += 1
    return words


def _word_at(text: str, start: int, end: int, offset: int) -> tuple[int, int, str, str]:
    return start - offset, end - offset, _bare(text[start:end]), text[start:end].lower()


def _runs_differing_once(words: list[str], found: list[str]) -> list[int]:
    """Where a run of `found` as long as `words` differs from them in one word (for one word: is its
    opposite), first to last: the only runs `partner_shown` reads further."""
    if len(words) == 1:
        word = words[0]
        # Only a word of one of the shapes its opposite can take (or a compound beside a compound) is tried.
        bare = _bare(word)
        shapes, compound = _shapes(bare), "-" in bare
        return [at for at, other in enumerate(found) if other != word and (
            _bare(other) in shapes or (compound and "-" in _bare(other))) and partner_words(word, other)]
    size = len(words)
    first, second = words[0], words[1]
    return [
        at for at in range(len(found) - size + 1)
        # With one word differing, the first or the second is the same: a quick no for most runs.
        if (found[at] == first or found[at + 1] == second)
        and sum(found[at + i] != words[i] for i in range(size)) == 1
    ]


def _whole(found: Found, at: int, size: int) -> bool:
    """True when the words at..at+size are a whole name, not the end or the start of a longer one: the
    word before them and the word after them are no content words ('the', 'both', 'and', 'binds')."""
    edges = [found[at - 1][3]] if at > 0 else []
    return all(not is_content_word(word) or word in VERB_WORDS for word in edges)


def _other_things(found: Found, following: int, after: list[str]) -> bool:
    """True when a one-word partner and the blank are each followed by a noun, and by different ones: they
    describe two things ('a polar head', 'nonpolar tails'), and the blank asks what the second one is."""
    if following >= len(found) or not after:
        return False
    mine, theirs = after[0].lower(), found[following][3]
    plain = STOP_WORDS | VERB_WORDS
    return mine != theirs and mine not in plain and theirs not in plain


def _joined(side: str, text: str, start: int, end: int) -> bool:
    """True when the phrase at start:end of the text before (or after) the blank is joined to it as a pair."""
    if side == "before":
        return re.fullmatch(rf"{_JOINED}(?:(?:the|a|an)\s+)?", text[end:]) is not None
    return re.fullmatch(rf"{_JOINED}(?:(?:the|a|an|to|of)\s+)?", text[:start]) is not None


def _contrasted(side: str, text: str, start: int, end: int, sentence_before: str) -> bool:
    """True when the sentence opens on a contrast of the blank and the phrase ('Unlike [X], Y ...')."""
    if side == "before":  # 'Unlike Y, [X] ...'
        opening = _CONTRAST_OPENING.match(text)
        return opening is not None and opening.end() == start and _COMMA.fullmatch(text[end:]) is not None
    opening = _CONTRAST_OPENING.match(sentence_before)  # 'Unlike [X], Y ...'
    if opening is None or sentence_before[opening.end():].strip():
        return False
    return _COMMA.fullmatch(text[:start]) is not None


@lru_cache(maxsize=65_536)
@lru_cache(maxsize=65_536)
def _bare(word: str) -> str:
    """A word in lower case, in the singular when it is long enough to tell ('acids'; not 'cis', 'trans')."""
    word = word.lower().replace("’", "'").strip("'-")
    return singular(word) if len(word) > 5 else word
