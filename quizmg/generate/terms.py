"""Key terms: what a term is (its kinds, definition, category), reading words in text, the term index."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from quizmg.generate.acronym_expansion import schwartz_hearst
from quizmg.generate.frequency import GENERAL_NOUNS, KIND_NOUNS
from quizmg.generate.words import (
    ACTION_VERBS,
    ADVERBS,
    STOP_WORDS,
    adverb_ly,
    verb_forms,
    word_set,
)

# A word, hyphenated compounds whole, with sub- and superscript digits and an ion's charge kept:
# 'CO₂', 'Ca²⁺', 'Ca2+', 'K+', 'Ca⁺⁺' (a '+' only when no word follows it: '1+1' is not a charge), an isotope's
# mass number before its symbol ('¹⁸O'); Greek letters are letters ('β-lactamase', 'TNF-α').
WORD_PATTERN = (
    r"(?:[⁰¹²³⁴-⁹]{1,3}(?=[A-Z]))?[A-Za-z0-9À-ÿͰ-Ͽ](?:[A-Za-z0-9À-ÿͰ-Ͽ₀-₉⁰¹²³⁴-⁹'’-]*[A-Za-z0-9À-ÿͰ-Ͽ₀-₉⁰¹²³⁴-⁹])?"
    r"(?:[⁰¹²³⁴-⁹]*[⁺⁻]{1,3}|\+{1,3}(?![\w+]))?"
)
TOKEN = re.compile(WORD_PATTERN)
# An abbreviation in brackets stands apart from the words it abbreviates: 'adenosine triphosphate (ATP)'.
# A bracket glued to the word before it is part of that word, a formula or a name ('[Zn(CN)₄]²⁻',
# 'iron(II) chloride'), never an abbreviation of what comes before.
EXPANSION_ACRONYM = re.compile(
    r"(?<![\w’'-])(?:[\w’'-]+\s+){0,6}?[\w’'-]+\s+\(([A-Z][A-Za-z0-9-]{0,9}[A-Z0-9])s?\)"
)
ACRONYM_PAREN = re.compile(r"(?<!\S)\(([A-Z][A-Za-z0-9-]{0,9}[A-Z0-9])s?\)")
# An aside in brackets stands apart: a space (or the start) before it, no letter or sign glued after it.
# 'Co(en)₂', '(w/w)%' and '(380 nm)/1.333' keep their brackets.
ASIDE = re.compile(r"(?:^|\s+)\([^()]*\)(?![\w%‰°⁺⁻₀-₉⁰-⁹/×·^])")
BARE_ACRONYM = re.compile(r"^(?=[A-Z0-9-]*[A-Z][A-Z0-9-]*[A-Z0-9]$)[A-Z][A-Z0-9-]{1,9}$")
SUBSTANCE = re.compile(r"[a-z]{3,}(?:ine|ate|ium|ol|ide|ase|ose|onin|gen|ene|ane|ite|yme|mone)$")
NOT_SUBSTANCE = word_set("""
    state rate late create regulate mediate associate ultimate adequate separate climate moderate
    accurate immediate appropriate estimate indicate private delicate elaborate approximate
    deliberate intermediate alternate stimulate accumulate facilitate substrate candidate
    control role whole tone alone done none gone bone zone phone someone everyone close those
    whose purpose dose lose nose suppose chose increase decrease release because ease disease
    cause these wide side inside outside provide decide guide divide aside online line fine
    define combine decline determine examine machine engine routine medicine discipline genuine
    imagine baseline deadline guideline timeline pipeline outline headline alkaline marine
    feminine masculine doctrine decline shine spine nine wine mine origin general oxygen often
    when then than open even given seven eleven between kitchen written hidden sudden golden
    wooden listen happen hence scene gene plane lane crane hurricane mundane insane humane
    arcane profane site white write quite bite polite favorite favourite opposite despite
    definite infinite finite unite invite elite excite ignite premium medium podium stadium
    overdose dose compete extreme supreme theme scheme regime volume shame same came frame
    membrane endocrine exocrine paracrine autocrine intestine urine saline famine vaccine cuisine
    routine doctrine determine submarine pristine vitamine sanguine equine bovine canine feline
    """)
TERM_VERBS = frozenset(
    form for verb in ACTION_VERBS for form in verb_forms(verb.split()[0]) if " " not in form
)
# Generic nouns that name a category: "the neurotransmitter glutamate", "the enzyme lipase".
CATEGORY_NOUNS = (
    "neurotransmitter", "hormone", "enzyme", "mineral", "protein", "drug", "gas", "element",
    "molecule", "receptor", "vitamin", "acid", "compound", "metal", "ion", "nutrient", "species",
    "predator", "prey", "plant", "bacterium", "fungus", "organ", "gland", "cell", "tissue",
    "process", "force", "particle", "wave", "policy", "tax", "currency", "market", "rate",
    "medicine", "painkiller", "antibiotic", "toxin", "pollutant", "pigment", "sugar", "fat",
    "organism", "insect", "bird", "fish", "tree", "herbivore", "carnivore", "decomposer",
    "animal", "system", "messenger", "family", "institution", "index", "lens", "channel",
    "room", "enzyme", "radiation", "feedback", "measure", "bond", "tool", "instrument",
)


@dataclass
class Term:
    """A key term of the document and what the document says about it."""

    text: str
    kinds: set[str] = field(default_factory=set)
    expansion: str | None = None
    definition: str | None = None
    definition_sentence: int | None = None
    # Where the definition came from: 'glossary' (a `term: definition` line), 'called' ('... are called
    # X'), 'copula' ('X is a Y'), 'comma' ('X, a Y,': often an aside, never asked about on its own).
    definition_source: str = ""
    category: str | None = None
    count: int = 0
    group: str = ""  # terms with the same group are synonyms (an acronym and its expansion)
    first_sentence: int = 0
    key: str = field(init=False, default="")  # the text folded for lookups; case never changes it

    def __post_init__(self) -> None:
        self.key = fold(self.text)

    @property
    def kind_of_thing(self) -> str:
        """What sort of thing the term names, for picking distractors of the same type."""
        if self.category:
            return self.category
        words = self.text.split()
        if len(words) > 1:
            return singular(words[-1].lower())
        if "substance" in self.kinds:
            return "substance"
        if "acronym" in self.kinds and self.expansion:
            # 'BMI' (an index) is no rival for 'PWS' (a syndrome): the expansion names the kind.
            return singular(self.expansion.split()[-1].lower())
        # An acronym the text never spells out: what kind of thing it names is unknown, so it has no
        # rivals ('BMI' beside 'PWS', 'CDC' and 'APA' is a guess at nothing).
        return f"acronym:{self.key}" if "acronym" in self.kinds else "thing"

    def weight(self) -> float:
        """How central the term is: frequent, defined, emphasised, an acronym, in a heading."""
        # Sorted: a set's order changes from run to run, and with it the sum's last bit and so ties.
        score = math.log1p(self.count) + sum(_KIND_BONUS.get(kind, 0.0) for kind in sorted(self.kinds))
        return score + (0.3 if " " in self.text else 0.0)


_KIND_BONUS = {
    "acronym": 1.2, "defined": 1.5, "emphasised": 1.0, "heading": 0.6,
    "substance": 0.8, "recurring": 0.3, "compound": 0.3, "mechanism": 1.0, "category": 0.8, "marked": 1.5,
}


# Families of chemical names, by ending: a distractor from another family gives itself away
# ('hydrogen' or 'cholesterol' beside 'norepinephrine', 'oxidase' beside 'glucose').
_FAMILIES = (
    ("ion", ("ate", "ite", "ide", "ium")),
    ("amine", ("ine", "onin", "mone")),
    ("enzyme", ("ase", "yme")),
    ("sugar", ("ose",)),
    ("alcohol", ("ol",)),
    ("gen", ("gen",)),
    ("hydrocarbon", ("ene", "ane")),
)


def substance_family(text: str) -> str:
    """The family of a one-word chemical name ('ion' for 'phosphate'), or '' for anything else."""
    return _by_ending(text, _FAMILIES)


def _by_ending(text: str, table: tuple[tuple[str, tuple[str, ...]], ...]) -> str:
    """The name in `table` whose endings end the one-word `text`, or ''."""
    lower = text.lower()
    if " " in lower:
        return ""
    for name, endings in table:
        if lower.endswith(endings):
            return name
    return ""


# Kinds of thing a medical or scientific word's ending names. A condition is no rival for a protein
# or a sign ('thrombosis' beside 'fibrin', 'hypoxia' beside 'pulse'), nor an instrument for a condition
# ('sphygmomanometer' beside 'ischemia').
_WORD_KINDS = (
    ("condition", ("emia", "itis", "pathy", "algia", "oxia", "philia", "plegia", "rosis", "bosis", "nosis",
                   "crosis", "stenosis", "sclerosis", "trophy")),
    ("instrument", ("meter", "scope", "graph")),
    ("cell", ("cyte", "cytes", "blast", "blasts", "phil", "phils", "phage", "phages")),
)


def word_kind(text: str) -> str:
    """What a one-word term's ending says it names ('condition' for 'ischemia'), or ''."""
    return _by_ending(text, _WORD_KINDS)


def rival_kinds(answer: str, other: str) -> bool:
    """False when the two words' endings name different kinds of thing; a condition competes only
    with conditions."""
    mine, theirs = word_kind(answer), word_kind(other)
    if "condition" in (mine, theirs):
        return mine == theirs
    return not (mine and theirs and mine != theirs)


def looks_like_substance(text: str) -> bool:
    """One word with a chemical-sounding ending: 'glutamate', 'serotonin', 'calcium'."""
    lower = text.lower()
    return " " not in lower and bool(SUBSTANCE.fullmatch(lower)) and lower not in NOT_SUBSTANCE


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Lower case, straight quotes, single spaces."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def singular_phrase(text: str) -> str:
    """Each word of a phrase made singular: 'blood cells' -> 'blood cell' (case left as it is)."""
    return " ".join(singular(word) for word in text.split())


@lru_cache(maxsize=65_536)  # asked of the same words again and again while drafting (peers, word families)
def singular(word: str) -> str:
    """A rough singular: 'hormones' -> 'hormone', 'bacteria' stays."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def tokens(text: str) -> list[re.Match[str]]:
    """The words of a text, hyphenated compounds kept whole."""
    return list(_token_matches(text))


@lru_cache(maxsize=32_768)
def _token_matches(text: str) -> tuple[re.Match[str], ...]:
    """tokens, kept per text: a sentence is read by term finding, each term index and the drafting after."""
    return tuple(TOKEN.finditer(text))


def is_content_word(word: str) -> bool:
    """A word that can be part of a key term."""
    lower = word.lower().replace("’", "'")
    return (
        lower not in STOP_WORDS
        and lower not in ADVERBS
        and not adverb_ly(lower)
        and not lower.isdigit()
        and not lower.endswith(("'s", "'"))
        and len(lower) > 1
    )


@lru_cache(maxsize=65_536)
def simplify(text: str) -> str:
    """A sentence with 'expansion (ACR)' reduced to 'ACR' and other asides in brackets removed."""
    # Starting only where a word starts keeps this linear: from inside a 40,000-letter word every
    # start would scan to the word's end again.
    # Both patterns need a bracket, and an acronym one after a space: most sentences have neither.
    if "(" in text:
        if _ACRONYM_OPENING.search(text):
            text = EXPANSION_ACRONYM.sub(_acronym_only, text)
        text = ASIDE.sub("", text)
    return _SPACES.sub(" ", text).strip()


_ACRONYM_OPENING = re.compile(r"\s\([A-Z]")  # where every EXPANSION_ACRONYM match ends its expansion
_SPACES = re.compile(r"\s+")


def _acronym_only(match: re.Match[str]) -> str:
    whole = match.group(0)
    words = whole[: whole.index("(")].split()
    expansion = schwartz_hearst(words, match.group(1))
    if expansion is None:
        return whole
    kept = words[: len(words) - len(expansion.split())]
    return " ".join([*kept, whole[whole.index("(") + 1 : -1]])  # "NSAIDs", plural kept


@lru_cache(maxsize=32_768)
def _term_words(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[str, ...], tuple[bool, ...]]:
    """The words of `text` as TermIndex._find reads them: where each starts and ends, folded, and whether a
    single space joins it to the next (a term may span words only there, no comma or bracket). A sentence
    is read again each time an index gains terms, and by each index: its words are the same every time."""
    begins: list[int] = []
    ends: list[int] = []
    folded: list[str] = []
    for match in _token_matches(text):
        begin, end = match.span()
        begins.append(begin)
        ends.append(end)
        folded.append(text[begin:end].lower().replace("’", "'"))
    spaced = tuple(text[end:begin] == " " for end, begin in zip(ends[:-1], begins[1:], strict=True))
    return tuple(begins), tuple(ends), tuple(folded), spaced


def _glued(text: str, start: int, end: int) -> bool:
    """True when the words are part of a longer name or formula joined by brackets without a space
    ('bis(bipyridyl)osmium(II)', 'Zn(CN)₄'): a piece of it is no term of its own."""
    if text[end : end + 1] in {"(", "["} or (start > 0 and text[start - 1] in {")", "]"}):
        return True
    # Inside brackets glued to the word before: 'Al³⁺(aq)', 'Zn(CN)₄'; one side of a ratio: '¹⁴C:¹²C', 'n:p'.
    if start > 1 and text[start - 1] in {"(", "[", ":", "/"} and not text[start - 2].isspace():
        return True
    return text[end : end + 1] in {":", "/"} and text[end + 1 : end + 2].isalnum()


class TermIndex:
    """The key terms of a document, looked up by their words."""

    def __init__(self, terms: dict[str, Term], topic: str = "") -> None:
        self.terms = terms
        self.verbs: frozenset[str] = frozenset()  # words the document uses as verbs ('to move')
        self.people: frozenset[str] = frozenset()  # surnames of the real people the text names
        self.crafts: frozenset[str] = frozenset()  # names the text gives spacecraft and telescopes (crafts.py)
        self.symbols: frozenset[str] = frozenset()  # what the text's short formulas read as ('PV', 'hf')
        self.titles: frozenset[str] = frozenset()  # titles of other sections the text links to, as set
        self.set_off: frozenset[str] = frozenset()  # titles the text sets in italics or bold (set_off_titles.py)
        self.only_verbs: frozenset[str] = frozenset()  # verbs never used after an article ('salivate')
        self.nouns: frozenset[str] = frozenset()  # words the document uses after an article ('the cell')
        # A term's key -> where the text marks it: (line, how many times the line names it before the mark).
        self.marked_at: dict[str, frozenset[tuple[int, int]]] = {}
        self.history = False  # the text tells a history: its dates are worth asking (details.tells_history)
        self.told: frozenset[str] = frozenset()  # sentences that tell an example or a story (generate.told)
        self.taught: frozenset[str] = frozenset()  # groups the text marks, defines or heads with (acronyms.py)
        self.longest = max((len(key.split()) for key in terms), default=1)
        self._cache: dict[tuple[str, int, int], tuple[tuple[int, int, Term], ...]] = {}
        self._long_forms: tuple[int, dict[str, Term]] = (-1, {})  # acronym_of: (terms counted, long form -> acronym)
        self._starts: tuple[int, dict[str, int]] = (-1, {})  # _find: (terms counted, first word -> most words)
        # The content words of the document's title: what the whole text is about is no answer.
        self.topic = frozenset(singular(w) for w in re.findall(r"[a-z][a-z-]+", topic.lower())
                               if w not in STOP_WORDS and len(w) > 2)
        title = re.findall(r"[a-z][a-z-]+", topic.lower())
        # A title about one thing ('Earth’s Crust'), not two or a list ('Titan and Triton', 'Sun, Moon, and Sky').
        self.one_subject = bool(title) and not re.search(r"\band\b|&|,|\bvs\.?|\bversus\b", topic, re.I)
        self._general_head = bool(title) and (title[-1] in KIND_NOUNS or title[-1] in GENERAL_NOUNS)

    @lru_cache(maxsize=8192)  # noqa: B019 - one index per draft; the cache dies with it
    def is_topic(self, text: str) -> bool:
        """True when `text` is the document's topic ('enzymes' in 'Energy, Matter, and Enzymes'), also
        under another general head ('autoimmune diseases' in 'Autoimmune Disorders')."""
        raw = [w for w in re.findall(r"[a-z][a-z-]+", text.lower()) if w not in STOP_WORDS]
        if self._general_head and len(raw) > 1 and (raw[-1] in KIND_NOUNS or raw[-1] in GENERAL_NOUNS):
            raw = raw[:-1]
        words = [singular(w) for w in raw]
        return bool(words) and all(w in self.topic for w in words)

    def __contains__(self, text: str) -> bool:
        return fold(text) in self.terms

    def get(self, text: str) -> Term | None:
        """The term spelled `text`, if known."""
        return self.terms.get(fold(text))

    def acronym_of(self, text: str) -> Term | None:
        """The acronym `text` is the long form of ('standard temperature and pressure' -> STP), if any: a
        long form the text spells out once is counted only as its acronym, and may have no term of its own."""
        if self._long_forms[0] != len(self.terms):  # made again when the index gains a term
            self._long_forms = (len(self.terms), {fold(term.expansion): term for term in self.terms.values()
                                                  if term.expansion and "acronym" in term.kinds})
        return self._long_forms[1].get(fold(text))

    def occurrences(self, text: str) -> Iterator[tuple[int, int, Term]]:
        """Every key term in `text`, longest match first, as (start, end, term).

        Asked again and again of the same sentence (once per blank it might hide), so the answer is
        kept until the index gains a term.
        """
        key = (text, len(self.terms), self.longest)
        found = self._cache.get(key)
        if found is None:
            if len(self._cache) > 20_000:
                self._cache.clear()
            found = self._cache[key] = tuple(self._find(text))
        return iter(found)

    def _find(self, text: str) -> Iterator[tuple[int, int, Term]]:
        begins, ends, folded, spaced = _term_words(text)
        starts = self._term_starts()
        index = 0
        while index < len(folded):
            most = starts.get(folded[index])
            if most is None:  # no term begins with this word: most words of a sentence
                index += 1
                continue
            for size in range(min(most, self.longest, len(folded) - index), 0, -1):
                if size > 1 and not all(spaced[index : index + size - 1]):
                    continue
                term = self.terms.get(" ".join(folded[index : index + size]))
                if term is not None and not _glued(text, begins[index], ends[index + size - 1]):
                    yield begins[index], ends[index + size - 1], term
                    index += size
                    break
            else:
                index += 1

    def _term_starts(self) -> dict[str, int]:
        """Each word a term begins with -> the most words of a term beginning with it (made again when the
        index gains a term)."""
        if self._starts[0] != len(self.terms):
            starts: dict[str, int] = {}
            for key in self.terms:
                parts = key.split(" ")
                starts[parts[0]] = max(starts.get(parts[0], 0), len(parts))
            self._starts = (len(self.terms), starts)
        return self._starts[1]

    def ranked(self) -> list[Term]:
        """Terms from most to least central; ties broken by text, so the order is fixed."""
        return sorted(self.terms.values(), key=lambda t: (-t.weight(), t.key))

