"""Which key terms are the same kind of thing, by what the document itself says about them.

A wrong choice must be of the right answer's type, and a category hint ('[enzyme]') must be right.
Word endings only guess at a type; the text states it:

- a list joins things of one kind: "penicillins, cephalosporins, and monobactams", "X or Y";
- a category named beside the term: "the enzyme catalase", "clavulanic acid, a molecule made by ...",
  "X is a hormone that ...", "drugs such as X and Y", "X and other drugs";
- a shared head noun: "carbapenem resistance" and "vancomycin resistance" are both resistances.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import pairwise

from quizmg.generate.bracketed_names import bracketed_names
from quizmg.generate.evidence_index import EvidenceIndex
from quizmg.generate.frequency import zipf
from quizmg.generate.kinds import Kinds
from quizmg.generate.partners import partner_words
from quizmg.generate.term_lists import listed_terms
from quizmg.generate.term_outline import described, outline
from quizmg.generate.terms import CATEGORY_NOUNS, Term, TermIndex, singular, tokens
from quizmg.generate.words import NAMED_AS, STOP_WORDS, VERB_WORDS, is_plural_phrase, search_end, word_set

# "Ys such as X", "Ys, including X", "Ys like X" just before a list's first item.
_SUCH_AS_BEFORE = re.compile(r"\b(?P<cat>[a-z][a-z-]+?)s,?\s+(?P<verb>such as|including|includes?|like)\s+$")
# 'TSEs in animals include A, B': the verb's subject is the TSEs; a noun after a preposition is not it.
_AFTER_PREPOSITION = re.compile(
    r"\b(?:in|of|on|at|for|from|with|by|among|to|within|between)\s+(?:the\s+|an?\s+)?$", re.I
)
# After 'X, the Y': a list that goes on ('X, the Y, and Z') makes the Y another item.
_LIST_GOES_ON = re.compile(r"^,\s+(?:and|or)\s|^,\s+(?:[\w-]+\s+){0,3}[\w-]+,\s+(?:and|or)\s")
# "the enzyme X", "the enzymes X and Y" just before an item.
_THE_CATEGORY_BEFORE = re.compile(r"\b(?:[Tt]he|[Aa]n?)\s+(?P<cat>[a-z][a-z-]+)\s+$")
# "X and other Ys" just after a list's last item.
_AND_OTHER_AFTER = re.compile(r"^,?\s+and\s+other\s+(?:[a-z-]+\s+){0,2}?(?P<cat>[a-z][a-z-]+?)s\b")
# "X, a Y that ...", "X is an enzyme that ...", "X, which is the Y." just after the term: an appositive
# or a predicate noun phrase that ends where a clause, a participle or the sentence does. "X, the
# measure has risen" is no apposition: a verb follows the noun.
_CATEGORY_AFTER = re.compile(
    r"^(?:,\s+(?:which|that)\s+(?:is|are)\s+|,\s+|\s+(?:is|are|was|were)\s+)"
    r"(?:an?|the|one of the)\s+(?P<modifiers>(?:[a-z][\w-]*\s+){0,3}?)(?P<cat>[a-z][a-z-]+)"
    r"(?=\s*[,.;:)]|\s*$|\s+(?:that|which|who|whose|produced|used|made|found|called|known|responsible|"
    r"involved|derived|able|capable)\b)"
)


# 'hypovolemia, or low blood volume,' / 'X, also called Y' / 'Y, known as X': two names of one thing.
_RENAMING = re.compile(
    r"\s*,\s+(?:or|(?:(?:also|sometimes|commonly|often|usually|more)\s+)?(?:called|known as|referred to as|termed)"
    r"|or simply|that is,?|i\.e\.,?)\s+(?:(?:the|a|an)\s+)?",
    re.I,
)
# 'The final stage is the genital stage.': a copula between two definite noun phrases that make up
# the whole clause says they are one thing (an equative clause), so neither is a wrong choice for the other.
# 'Implicit memory is also called non-declarative memory.': a naming verb as the predicate.
_NAMING_PREDICATE = re.compile(
    r"\s+(?:is|are)\s+(?:(?:also|sometimes|commonly|often|usually)\s+)?(?:called|known as|referred to as|termed)"
    r"\s+(?:the\s+|an?\s+)?",
    re.I,
)
_NAMING_SENTENCE = re.compile(
    r"^(?:The\s+)?(?P<first>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s+(?:is|are)\s+"
    r"(?:(?:also|sometimes|commonly|often|usually)\s+)?(?:called|known as|referred to as|termed)\s+(?:the\s+|an?\s+)?"
    r"(?P<second>[A-Za-z][\w-]*(?:\s+[a-z][\w-]*){0,3})\s*[.;]?$"
)
_EQUATIVE_GAP = re.compile(r"\s+(?:is|are|was|were)\s+the\s+", re.I)
# 'called X or Y', 'referred to as the X or the Y': after a naming verb, 'or' joins two names.
_OR_ONLY = re.compile(r"\s+or\s+(?:the\s+|an?\s+)?", re.I)
_DETERMINER_BEFORE = re.compile(
    r"\b(?:the|a|an|this|that|these|those|its|their|each|every|any|no)\s+(?:[a-z][\w-]*\s+)?$", re.I
)
# Where a clause's subject starts: the sentence's start, after a comma, 'that' or 'which'.
_CLAUSE_START = re.compile(r"(?:^|[,;:]\s+|\b(?:that|which|while|whereas|because|when)\s+)(?:(?:the|a|an)\s+)?$", re.I)
_NOT_A_CATEGORY = word_set(
    "type kind form class group member example part one way result cause source number amount level lot "
    "variety set range series"
)


# Words of a stem that point at one thing: a pair with an uncommon word, in few sentences of the text.
_RARE_ZIPF = 4.0
_RARE_SPREAD = 4


def _word_key(word: str) -> str:
    """One key for a word's forms: 'lenses' and 'lens' both 'len' (the rough singular, twice)."""
    return singular(singular(word.lower()))


def _pairs(words: list[str], rare: bool = False) -> set[str]:
    """Two words side by side ('contact lens', 'adrenal gland'), with `rare` only those with a word
    uncommon in English (a single word such as 'gland' points at too many things to tell one)."""
    return {
        f"{_word_key(first)} {_word_key(second)}"
        for first, second in pairwise(words)
        if first.lower() not in STOP_WORDS and second.lower() not in STOP_WORDS and len(first) > 2 and len(second) > 2
        and (not rare or min(zipf(first.lower()), zipf(second.lower())) < _RARE_ZIPF)
    }


def _same_head(first: Term, second: Term) -> bool:
    """True when two names end on one head noun and differ in a word that is no opposite of the other
    ('coupon rate' / 'interest rate'; not 'positive feedback' / 'negative feedback')."""
    one, two = first.text.lower().split(), second.text.lower().split()
    if len(one) < 2 or len(two) < 2 or singular(one[-1]) != singular(two[-1]) or one == two:
        return False
    return not any(partner_words(a, b) for a in one[:-1] for b in two[:-1])


class Peers:
    """The document's evidence of which terms are of one kind, and what kind the text says each is."""

    def __init__(self, terms: TermIndex, texts: Iterable[str], asides: Iterable[str] = ()) -> None:
        """`texts`: the sentences with their asides in brackets removed; `asides`: the sentences as
        written, read only for the other names a bracket gives."""
        self.terms = terms
        self.listed: dict[str, set[str]] = {}  # term key -> keys of the terms listed beside it
        self.stated: dict[str, set[str]] = {}  # term key -> categories the text names for it
        # Term key -> the key terms of each sentence that names it (false_statements.said_together).
        self.mentioning: dict[str, list[frozenset[str]]] = {}
        self.vocabulary: set[str] = set()  # every word of the text, in lower case
        self.capitalised: set[str] = set()  # words written with a capital inside a sentence: names
        self.beside: dict[str, set[str]] = {}  # term key -> the word pairs of the sentences that name it
        self.spread: dict[str, int] = {}  # word pair -> how many sentences use it
        sentences = []
        bare: dict[str, int] = {}  # how often each term stands without an article: a name does
        for text in texts:
            found = sorted(terms.occurrences(text), key=lambda item: item[0])
            sentences.append((text, found))
            keys = frozenset(term.key for _, _, term in found)
            for key in keys:
                self.mentioning.setdefault(key, []).append(keys)
            words = [word.group() for word in tokens(text)]
            self.vocabulary.update(word.lower() for word in words)
            said = _pairs(words)
            for word in said:
                self.spread[word] = self.spread.get(word, 0) + 1
            for _, _, term in found:
                self.beside.setdefault(term.key, set()).update(said)
            self.capitalised.update(
                word.lower() for index, word in enumerate(words)
                if index and word[:1].isupper() and not word.isupper() and text[:1] != word[:1]
                and not re.search(r"[.:!?]\W*$", text[: text.find(word)])
            )
            for start, _, term in found:
                before = text[:start]
                named = search_end(_THE_CATEGORY_BEFORE, before, 2)
                if named and singular(named.group("cat")) in CATEGORY_NOUNS:
                    continue  # 'the enzyme X' or 'the cell X': this use cannot tell
                bare[term.key] = bare.get(term.key, 0) + (-1 if search_end(_DETERMINER_BEFORE, before, 2) else 1)
        self._names = {key for key, balance in bare.items() if balance > 0}
        self._evidence: EvidenceIndex | None = None  # evidence_for's index, made when first asked
        self.renamed: dict[str, set[str]] = {}  # term key -> keys the text gives as its other names
        self.kinds = Kinds()  # what the text calls a kind of what
        for text, found in sentences:
            for (begin, end, first), (start, after, second) in pairwise(found):
                gap = text[end:start]
                if NAMED_AS.search(text[:begin]) and _OR_ONLY.fullmatch(gap):
                    pass  # 'often referred to as the X or the Y': two names of one thing
                elif _OR_ONLY.fullmatch(gap) and _same_head(first, second) and "marked" in first.kinds \
                        and not re.search(r",\s*(?:(?:the|a|an)\s+)?$", text[:begin]):
                    pass  # 'a **coupon rate** or interest rate': the marked term and its everyday name
                elif not _RENAMING.fullmatch(gap):
                    continue
                # 'A, B, or C.' is a list; 'B, or C,' set off by commas renames B.
                if gap.strip().startswith(", or") and (
                    re.search(r",\s*(?:(?:the|a|an)\s+)?$", text[:begin])
                    or not re.match(r"\s*(?:[,.;:)]|$)", text[after:])
                ):
                    continue
                self._rename(first.key, second.key)
            for (begin, end, first), (start, after, second) in pairwise(found):
                if _NAMING_PREDICATE.fullmatch(text[end:start]) and re.fullmatch(r"\s*(?:[Tt]he\s+)?", text[:begin]):
                    self._rename(first.key, second.key)  # 'Episodic memories are also called X.'
                    continue
                if _EQUATIVE_GAP.fullmatch(text[end:start]) and re.fullmatch(r"\s*(?:[Tt]he\s+)?", text[:begin]) \
                        and re.match(r"\s*(?:[.;]|$)", text[after:]):
                    self._rename(first.key, second.key)
            named = _NAMING_SENTENCE.match(text)
            if named:
                # 'Episodic memories are also called autobiographical memories.': the plural forms of
                # two terms the index knows in the singular.
                one, two = self._key_of(named.group("first")), self._key_of(named.group("second"))
                if one and two and one != two:
                    self._rename(one, two)
            for items in listed_terms(text, found):
                listed_keys = {term.key for _, _, term in items}
                for key in listed_keys:
                    self.listed.setdefault(key, set()).update(listed_keys - {key})
                self._list_categories(text, items)
            for start, end, term in found:
                self._categories(text, start, end, term)
            self.kinds.read(text, found)

        for term in terms.terms.values():
            self.kinds.read_definition(term.key, term.definition, self._key_of)
        for text in asides:
            for one, two in bracketed_names(text):
                # 'Oxidation-reduction (redox) reactions are ...': the word in brackets stands in for
                # the word before it, so 'redox reactions' is another name of 'oxidation-reduction reactions'.
                first_key, second_key = self._key_of(one), self._key_of(two)
                if first_key and second_key and first_key != second_key:
                    self._rename(first_key, second_key)

    def _key_of(self, phrase: str) -> str | None:
        """The key of the term a phrase names, in the singular or as written."""
        words = phrase.split()
        for form in (" ".join([*words[:-1], singular(words[-1])]) if words else phrase, phrase):
            term = self.terms.get(form)
            if term is not None:
                return term.key
        return None

    def _rename(self, first: str, second: str) -> None:
        """Record two names of one thing; a third name of either is a name of both ('X, also referred
        to as Y or Z')."""
        names = self.renamed.get(first, set()) | self.renamed.get(second, set()) | {first, second}
        for key in names:
            self.renamed[key] = names - {key}

    def _state(self, key: str, category: str) -> None:
        category = singular(category.lower())
        if category in STOP_WORDS or category in VERB_WORDS or category in _NOT_A_CATEGORY or len(category) < 3:
            return
        self.stated.setdefault(key, set()).add(category)

    def _categories(self, text: str, start: int, end: int, term: Term) -> None:
        before = search_end(_THE_CATEGORY_BEFORE, text[:start], 2)
        if before and self._names_a_member(before.group("cat"), [term]):
            self._state(term.key, before.group("cat"))
        after = _CATEGORY_AFTER.match(text[end:])
        # 'X is a Y' says what X is only when X opens the clause: 'the acceptor at the end of the X
        # is an oxygen molecule' says what the acceptor is.
        if after and _noun_phrase(after.group("modifiers")) and (
            after.group(0)[:1] == "," or _CLAUSE_START.search(text[:start])
        ) and not self._another_item(text, end, after):
            self._state(term.key, after.group("cat"))

    def _another_item(self, text: str, end: int, after: re.Match[str]) -> bool:
        """True when ', the Y' after a term is the next item of a list, not what the term is: 'gluten,
        the transglutaminase enzyme, and endomysium' (the list goes on, or the phrase names a term of
        its own)."""
        if after.group(0)[:1] != ",":
            return False
        if _LIST_GOES_ON.match(text[end + after.end() :]):
            return True
        definite = re.search(r"\bthe\s", after.group(0)) is not None
        return definite and any(True for _ in self.terms.occurrences(after.group("modifiers")))

    def _names_a_member(self, category: str, items: list[Term]) -> bool:
        """'the enzyme catalase': a category noun before names used without an article; 'the cell
        membrane' is one compound noun, 'the organism learns' a subject and its verb."""
        if singular(category) not in CATEGORY_NOUNS:
            return False
        plural_category = singular(category) != category
        return all(
            term.key in self._names and term.key not in VERB_WORDS
            and (plural_category or not is_plural_phrase(term.text))
            and not _act_of(term.text, singular(category))
            for term in items
        )

    def _list_categories(self, text: str, items: list[tuple[int, int, Term]]) -> None:
        first, last = items[0], items[-1]
        before = _SUCH_AS_BEFORE.search(text[: first[0]]) or search_end(_THE_CATEGORY_BEFORE, text[: first[0]], 2)
        after = _AND_OTHER_AFTER.match(text[last[1] :])
        for found in (before, after):
            if found is None:
                continue
            category = found.group("cat")
            if found.re is _THE_CATEGORY_BEFORE and not self._names_a_member(category, [t for _, _, t in items]):
                continue
            if found.re is _SUCH_AS_BEFORE and found.group("verb").startswith("include") \
                    and _AFTER_PREPOSITION.search(text[: found.start("cat")]):
                continue
            for _, _, term in items:
                self._state(term.key, category)

    def hint(self, term: Term) -> str | None:
        """The category to show in a blank: one the text names for this term, or none."""
        said = self.stated.get(term.key, set()) & set(CATEGORY_NOUNS)
        if term.category in said:
            return term.category
        return next(iter(said)) if len(said) == 1 else None

    @property
    def kind_of(self) -> dict[str, set[str]]:
        """'conjugate vaccine' -> {'subunit vaccine'}: what the text calls each term a kind of."""
        return self.kinds.kind_of

    def nested(self, term: Term, other: Term) -> bool:
        """True when the text calls one a kind of the other ('a conjugate vaccine is a type of subunit
        vaccine', 'autoimmune diseases such as Graves disease'): neither is a wrong choice for the other.
        Two things listed side by side stay siblings ('sourdough rolls, soda rolls, and rye rolls').

        The text may say it under another name of either: 'Explicit (declarative) memory has two parts:
        semantic memory and episodic memory' makes semantic memory a kind of declarative memory too, and
        'Episodic memories are also called autobiographical memories' makes autobiographical memory one."""
        sibling = other.key in self.listed.get(term.key, ())
        if self.kinds.nested(term.key, other.key, sibling=sibling):
            return True
        empty: set[str] = set()
        names = {term.key} | self.renamed.get(term.key, empty)
        others = {other.key} | self.renamed.get(other.key, empty)
        if names & others:
            return False  # two names of one thing: not a kind of each other (synonyms are judged apart)
        return any(self.kinds.declares(one, two) for one in names for two in others)

    def fits_too(self, other: Term, stem: str, answer: Term) -> bool:
        """True when a sentence of the text names `other` beside a rare word of the stem that the answer
        does not hold ('contact lens users' beside keratitis, for '... who use contact lenses should stop
        when _____ is suspected'): what the stem says of its blank, the text says of `other` too."""
        # The answer's own words say nothing of the others; nor does the kind both are ('a fungal disease').
        own = {_word_key(word) for word in answer.text.split()}
        kinds = {_word_key(kind) for kind in self.stated.get(answer.key, set()) | self.stated.get(other.key, set())}
        cues = {
            pair for pair in _pairs(re.findall(r"[\w'-]+", stem), rare=True)
            if not set(pair.split()) & own and pair.split()[-1] not in kinds
            and self.spread.get(pair, 0) <= _RARE_SPREAD
        }
        return bool(cues & self.beside.get(other.key, set()))

    def kin(self, term: Term, other: Term) -> bool:
        """True when the text itself groups the two: listed together, listed with two of the same
        companions, or called by one category name. (A shared head noun or ending only suggests it.)"""
        empty: set[str] = set()
        listed = self.listed.get(term.key, empty)
        return other.key in listed or len(listed & self.listed.get(other.key, empty)) >= 2 or bool(
            self.stated.get(term.key, empty) & self.stated.get(other.key, empty)
        )

    def evidence(self, term: Term, other: Term) -> int | None:
        """How well the text shows `other` is the kind of thing `term` is: 0 listed together; 1 two
        list companions shared, the same category named or the same head noun; 2 the same telling
        ending; None for no evidence."""
        return self.evidence_for(term)(other)

    def evidence_for(self, term: Term) -> Callable[[Term], int | None]:
        """`evidence` of `term` against each other term, what `term` brings read once for all of them
        (the drafter weighs hundreds of terms against one answer). Only the terms some evidence can
        name are read further (evidence_index.py); the rest of the index has none."""
        empty: set[str] = set()
        mine_described = described(term.text)
        listed = self.listed.get(term.key, empty)
        stated = self.stated.get(term.key)
        mine = outline(term)
        if self._evidence is None:
            self._evidence = EvidenceIndex(self.terms.terms, self.listed, self.stated)
        indexed, possible = self._evidence.indexed, self._evidence.possible(listed, stated or empty, mine)

        def tier(other: Term) -> int | None:
            if other.key not in possible and other.key in indexed:
                return None  # no list, category, head noun or ending in common
            if mine_described != described(other.text):
                return None  # 'final stage' beside 'anal stage': a place in a sequence, not a name of its kind
            if other.key in listed:
                return 0
            if listed and len(listed & self.listed.get(other.key, empty)) >= 2:
                return 1  # listed with two of the things the answer is listed with
            if stated and stated & self.stated.get(other.key, empty):
                return 1
            theirs = outline(other)
            if mine[0] and mine[:2] == theirs[:2]:
                return 1  # one head noun, modifiers of one word class
            if mine[2] and mine[2] == theirs[2]:
                return 2
            return None

        return tier


# Nouns of an act or a change ('oxidation', 'corrosion', 'hydrolysis', 'movement'): after a noun for a thing ('the
# acid oxidation of metals', 'the cell division'), that noun says what undergoes or does the act; it
# names no member of its kind. Only a noun for acts ('the process X') names one.
_ACT_ENDINGS = ("tion", "sion", "ysis", "ment")
_ACT_CATEGORIES = word_set("process policy measure feedback tax radiation force")


def _act_of(term_text: str, category: str) -> bool:
    """True when 'the CATEGORY TERM' reads as an act done by or to a CATEGORY ('the acid oxidation')."""
    head = term_text.split()[-1].lower() if term_text.split() else ""
    return category not in _ACT_CATEGORIES and head.endswith(_ACT_ENDINGS)


def _noun_phrase(modifiers: str) -> bool:
    """Words that can stand before a noun: no verb ('the electron loses energy' is a clause)."""
    return not any(
        word in VERB_WORDS or word in STOP_WORDS
        or (word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")))
        for word in modifiers.lower().split()
    )
