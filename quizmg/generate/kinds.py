"""Which things the text calls kinds of others: 'Ys such as A and B', 'Examples of Ys include A',
'the two kinds of Ys are A and B', 'A and other Ys', 'A is a type of Y'.

A class is never a wrong choice among its members, nor a member among the class: each is a right
answer in the reader's eyes ('autoimmune disease' beside 'Graves disease').
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import pairwise

from quizmg.generate.terms import Term, singular
from quizmg.generate.words import word_set

# What may stand between a category term and its members: 'autoimmune diseases such as A, B, and C',
# 'Examples of Ys include A, B', 'Ys, including A': the members' list runs to the item.
_MEMBERS_BEFORE = re.compile(
    r"^,?\s+(?P<verb>such as|including|includes?|are|e\.g\.,?)\s+(?P<items>(?:[^,.;:()]+,\s+){0,6}(?:(?:and|or)\s+)?)$"
)
# 'Ys include A' names the Ys' members only when the Ys head the subject: 'Examples of Ys include',
# 'Common Ys include'; 'viruses that cause Ys include' lists viruses.
_SUBJECT_BEFORE = re.compile(
    r"(?:^|[,;:]\s+|\b(?:examples|types|kinds|forms|classes|categories)\s+of\s+)"
    r"(?:(?:the|a|an|some|many|other|common|several|additional|all)\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_KINDS_OF = re.compile(r"\b(?:types|kinds|forms|classes|categories) of\b")
_CLASS_OF = re.compile(
    r"\b(?:(?:types|kinds|forms|classes|categories|examples) of (?P<cls>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
    r",?\s+(?:are|include|includes)"
    # 'A popular form of Y is X', 'One type of Y is X': a single member named after 'is'.
    r"|(?:type|kind|form|class|category|example) of (?P<one>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\s+is"
    # 'Two Y techniques are A and B': a count of a plural class, then its members.
    r"|^(?:the\s+)?(?:two|three|four|five|six|several)\s+(?P<counted>(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*s)\s+are)"
    r"\s+(?:the\s+)?",
    re.I,
)
# 'X has two parts: A and B', 'X is divided into three types: A, B, and C': the parts are kinds of X.
_PARTS_AFTER = re.compile(
    r"^\s+(?:has|have|is divided into|are divided into|is split into|consists of|comes in)\s+"
    r"(?:two|three|four|five|six|several)\s+(?:main\s+|major\s+|basic\s+|distinct\s+)?"
    r"(?:parts|types|kinds|forms|components|subtypes|categories|divisions|branches|classes)\s*[:,\u2014-]?\s*",
    re.I,
)
# 'the behavior therapy technique of exposure therapy': a class, a kind noun and 'of' before a member.
_KIND_NOUN_OF = re.compile(
    r"\s+(?:technique|method|form|type|kind|class|variety|approach|procedure|subtype)\s+of\s+(?:the\s+)?"
)
# 'examples of Ys', 'symptoms of Ys': the noun a category term completes.
_OF_BEFORE = re.compile(r"\b(?P<noun>[A-Za-z][a-z-]*)\s+of\s+(?:(?:the|a|an)\s+)?(?:[a-z][\w-]*\s+){0,2}$")
_KIND_NOUNS = word_set(
    "example examples type types kind kinds form forms class classes sort sorts group groups category categories"
)
# 'X and other Ys', 'X, or other Ys': the term after names the kind of the one before.
_OTHER_BETWEEN = re.compile(r"^,?\s+(?:and|or)\s+other\s+$")
# 'X is a type of Y that ...': X names a narrower kind of Y.
_KIND_OF = re.compile(
    r"^\s+(?:is|are)\s+(?:a|an|one)\s+(?:[a-z-]+\s+){0,2}?(?:type|kind|form|class|subtype|subset|variety|category)s?"
    r"\s+of\s+(?:the\s+|an?\s+)?(?P<general>[a-z][\w-]*(?:\s+[a-z][\w-]*){0,3}?)"
    r"(?=\s+(?:that|which|who|whose|with|in|for|used|made|produced|where)\b|\s*[,.;:)]|\s*$)"
)


# A definition that opens on the kind it narrows: 'type of declarative memory about ...', 'a form of exposure therapy'.
_DEFINED_KIND = re.compile(
    r"^(?:an?\s+|one\s+)?(?:type|kind|form|class|subtype|subset|variety|category)\s+of\s+(?:the\s+|an?\s+)?(?P<rest>.+)",
    re.I,
)


def _base(key: str) -> str:
    """A phrase with its last word singular: 'subunit vaccines' -> 'subunit vaccine', 'diseases' ->
    'disease' ('-ses' loses its 'es' only after an 's': 'processes', 'viruses')."""
    words = key.lower().split()
    if not words:
        return key
    last = words[-1]
    one = last[:-1] if last.endswith("ses") and not last.endswith(("sses", "uses", "ises")) else singular(last)
    return " ".join([*words[:-1], one])


def _within(general: str, kinds: Iterable[str]) -> bool:
    """True when `general` is one of the kinds, or the head of one: an 'organ-specific autoimmune
    disease' is an 'autoimmune disease' too."""
    return any(kind == general or kind.endswith(" " + general) for kind in kinds)


class Kinds:
    """What the text says is a kind of what, by the phrases' base forms."""

    def __init__(self) -> None:
        self.kind_of: dict[str, set[str]] = {}  # 'conjugate vaccine' -> {'subunit vaccine'}
        self._classes: set[str] | None = None  # the kinds the text names two members or more of

    def _add(self, member: str, general: str) -> None:
        self.kind_of.setdefault(_base(member), set()).add(_base(general))

    def read(self, text: str, found: list[tuple[int, int, Term]]) -> None:
        """Record what one sentence says is a kind of what; `found` holds its key terms in order."""
        for _, _, term in found:
            # 'a unimolecular elementary reaction': two modifiers on one head name one thing that is both,
            # so a 'unimolecular reaction' is a kind of 'elementary reaction', never its rival.
            words = _base(term.key).split()
            if len(words) >= 3:
                self._add(f"{words[0]} {words[-1]}", " ".join(words[1:]))
        for _, end, term in found:
            kind = _KIND_OF.match(text[end:])
            if kind:
                self._add(term.key, kind.group("general"))
        for index, (_, end, whole) in enumerate(found):
            parts = _PARTS_AFTER.match(text[end:])
            if parts is None:
                continue
            # 'Explicit memory has two parts: semantic memory and episodic memory.'
            edge = end + parts.end()
            for start, stop, member in found[index + 1 :]:
                if not re.fullmatch(r"(?:,?\s*(?:and|or)\s+|,\s*)?(?:the\s+|an?\s+)?", text[edge:start]):
                    break
                self._add(member.key, whole.key)
                edge = stop
        for (begin, end, general), (start, _, member) in pairwise(found):
            if _KIND_NOUN_OF.fullmatch(text[end:start]) and re.search(r"\b(?:the|a|an|one)\s+$", text[:begin], re.I):
                self._add(member.key, general.key)
        lowered = text.lower()
        cues = ("such as", "includ", "e.g.", " other ", " is ", " are ")
        if not any(cue in lowered for cue in cues) and not _KINDS_OF.search(lowered):
            return
        for named in _CLASS_OF.finditer(text):
            # 'The two kinds of persistent infections are A and B': the class need not be a key term.
            edge = named.end()
            for start, end, member in found:
                if start < edge:
                    continue
                if not re.fullmatch(r"(?:,?\s*(?:and|or)\s+|,\s*)?(?:the\s+|an?\s+)?", text[edge:start]):
                    break
                self._add(member.key, named.group("cls") or named.group("one") or named.group("counted"))
                edge = end
        for (_, end, member), (start, _, category) in pairwise(found):
            if category.key != member.key and _OTHER_BETWEEN.match(text[end:start]):
                self._add(member.key, category.key)
        for index, (begin, end, category) in enumerate(found):
            of = _OF_BEFORE.search(text[:begin])
            if of and of.group("noun").lower() not in _KIND_NOUNS:
                continue  # 'symptoms of X include A': A is a symptom of X, not a kind of X
            for start, _, member in found[index + 1 :]:
                gap = _MEMBERS_BEFORE.match(text[end:start])
                if gap is None:
                    continue
                verb = gap.group("verb")
                if verb.startswith("include") and not _SUBJECT_BEFORE.search(text[:begin]):
                    break  # 'viruses that cause latent infections include X': the class is the viruses
                if verb == "are" and not (of and of.group("noun").lower() in _KIND_NOUNS):
                    break  # 'Ys are A and B' names kinds only after 'the two types of Ys are'
                if member.key != category.key:
                    self._add(member.key, category.key)

    def read_definition(self, key: str, definition: str | None, known: Callable[[str], str | None]) -> None:
        """Record the kind a definition names first ('semantic memory: type of declarative memory about
        words ...'): the longest run of words after 'type of' that `known` gives a term's key for."""
        found = _DEFINED_KIND.match(definition or "")
        if found is None:
            return
        words = found.group("rest").split()
        for size in range(min(4, len(words)), 0, -1):
            general = known(" ".join(words[:size]).strip(",;:."))
            if general and general != key:
                self._add(key, general)
                return

    def declares(self, key: str, other: str) -> bool:
        """True when the text says in so many words that one is a kind of the other (no guess by head nouns)."""
        first, second = _base(key), _base(other)
        return _within(second, self.kind_of.get(first, ())) or _within(first, self.kind_of.get(second, ()))

    def nested(self, key: str, other: str, *, sibling: bool = False) -> bool:
        """True when the text calls one a kind of the other, or when one is a class the text fills
        with members and the other shares its head noun (it is most likely one of them)."""
        first, second = _base(key), _base(other)
        if _within(second, self.kind_of.get(first, ())) or _within(first, self.kind_of.get(second, ())):
            return True
        if " " not in first and " " not in second and first != second and (
            (len(second) >= 5 and first.endswith(second)) or (len(first) >= 5 and second.endswith(first))
        ):
            return True  # 'streptokinase' is a 'kinase', 'phospholipase' a 'lipase': one word built on the other
        if sibling:
            return False
        if self._classes is None:
            members: dict[str, int] = {}
            for kinds in self.kind_of.values():
                for kind in kinds:
                    members[kind] = members.get(kind, 0) + 1
            self._classes = {kind for kind, count in members.items() if count >= 2}
        for one, two in ((first, second), (second, first)):
            if " " in one and one.split()[-1] == two.split()[-1] and _within(one, self._classes):
                if self.kind_of.get(two) and not _within(one, self.kind_of[two]):
                    continue  # the text files it under another kind ('procedural memory' under implicit memory)
                return True
        return False
