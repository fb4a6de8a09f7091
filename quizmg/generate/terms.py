"""Finding a document's key terms: acronyms with expansions, defined, emphasised, recurring, substances."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise

from quizmg.generate.document import Document, Sentence
from quizmg.generate.words import (
    ACTION_VERBS,
    ADVERBS,
    STOP_WORDS,
    VERB_WORDS,
    verb_forms,
    word_set,
)

# A word, hyphenated compounds whole, with sub- and superscript digits and an ion's charge kept:
# 'CO₂', 'Ca²⁺', 'Ca2+', 'K+' (a '+' only when no word follows it: '1+1' is not a charge).
WORD_PATTERN = (
    r"[A-Za-z0-9À-ÿ](?:[A-Za-z0-9À-ÿ₀-₉⁰¹²³⁴-⁹'’-]*[A-Za-z0-9À-ÿ₀-₉⁰¹²³⁴-⁹])?"
    r"(?:[⁰¹²³⁴-⁹]*[⁺⁻]|\+(?![\w+]))?"
)
TOKEN = re.compile(WORD_PATTERN)
_EXPANSION_ACRONYM = re.compile(
    r"(?<![\w’'-])(?:[\w’'-]+\s+){0,6}?[\w’'-]+\s*\(([A-Z][A-Za-z0-9-]{0,9}[A-Z0-9])s?\)"
)
_ACRONYM_PAREN = re.compile(r"\(([A-Z][A-Za-z0-9-]{0,9}[A-Z0-9])s?\)")
_BARE_ACRONYM = re.compile(r"^(?=[A-Z0-9-]*[A-Z][A-Z0-9-]*[A-Z0-9]$)[A-Z][A-Z0-9-]{1,9}$")
_SUBSTANCE = re.compile(r"[a-z]{3,}(?:ine|ate|ium|ol|ide|ase|ose|onin|gen|ene|ane|ite|yme|mone)$")
_NOT_SUBSTANCE = word_set("""
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
_VERB_WORDS = frozenset(
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
_CATEGORY_BEFORE = re.compile(
    r"\b(?:[Tt]he|[Aa]n?)\s+(?P<category>(?:" + "|".join(CATEGORY_NOUNS) + r"))s?\s+"
    r"(?P<term>[a-z][a-z0-9-]{2,}|[A-Z][A-Z0-9-]{1,9})\b"
)
_AND_OTHER = re.compile(
    r"\b(?P<term>[A-Za-z][\w-]{2,})\s+and\s+other\s+(?P<category>(?:[a-z-]+\s+){0,2}[a-z-]+?)s\b"
)
_SUCH_AS = re.compile(
    r"\b(?P<category>[a-z-]+?)s,?\s+such\s+as\s+(?P<list>[^.;:()]+)"
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
        return "acronym" if "acronym" in self.kinds else "thing"

    def weight(self) -> float:
        """How central the term is: frequent, defined, emphasised, an acronym, in a heading."""
        bonus = {
            "acronym": 1.2, "defined": 1.5, "emphasised": 1.0, "heading": 0.6,
            "substance": 0.8, "recurring": 0.3, "mechanism": 1.0, "category": 0.8, "marked": 1.5,
        }
        score = math.log1p(self.count) + sum(bonus.get(kind, 0.0) for kind in self.kinds)
        return score + (0.3 if " " in self.text else 0.0)


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
    lower = text.lower()
    if " " in lower:
        return ""
    for family, endings in _FAMILIES:
        if lower.endswith(endings):
            return family
    return ""


def looks_like_substance(text: str) -> bool:
    """One word with a chemical-sounding ending: 'glutamate', 'serotonin', 'calcium'."""
    lower = text.lower()
    return " " not in lower and bool(_SUBSTANCE.fullmatch(lower)) and lower not in _NOT_SUBSTANCE


def fold(text: str) -> str:
    """Lower case, straight quotes, single spaces."""
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


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
    return list(TOKEN.finditer(text))


def is_content_word(word: str) -> bool:
    """A word that can be part of a key term."""
    lower = word.lower().replace("’", "'")
    return (
        lower not in STOP_WORDS
        and lower not in ADVERBS
        and not lower.endswith("ly")
        and not lower.isdigit()
        and not lower.endswith(("'s", "'"))
        and len(lower) > 1
    )


@lru_cache(maxsize=65_536)
def simplify(text: str) -> str:
    """A sentence with 'expansion (ACR)' reduced to 'ACR' and other asides in brackets removed."""
    # Starting only where a word starts keeps this linear: from inside a 40,000-letter word every
    # start would scan to the word's end again.
    text = _EXPANSION_ACRONYM.sub(_acronym_only, text)
    text = re.sub(r"\s*\([^()]*\)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def _acronym_only(match: re.Match[str]) -> str:
    whole = match.group(0)
    words = whole[: whole.index("(")].split()
    expansion = schwartz_hearst(words, match.group(1))
    if expansion is None:
        return whole
    kept = words[: len(words) - len(expansion.split())]
    return " ".join([*kept, whole[whole.index("(") + 1 : -1]])  # "NSAIDs", plural kept


def schwartz_hearst(words: list[str], acronym: str) -> str | None:
    """The shortest run of words ending `words` whose letters spell the acronym (Schwartz & Hearst)."""
    letters = [ch.lower() for ch in acronym if ch.isalnum()]
    if len(letters) < 2:
        return None
    limit = min(len(words), len(letters) + 5, 2 * len(letters))
    for size in range(1, limit + 1):
        candidate = " ".join(words[-size:])
        if _spells(candidate, letters) and candidate[:1].lower() == letters[0]:
            return candidate
    return None


def _spells(candidate: str, letters: list[str]) -> bool:
    """True when the letters occur in order in the candidate, the first at a word start."""
    text = candidate.lower()
    position = len(text) - 1
    for index in range(len(letters) - 1, -1, -1):
        letter = letters[index]
        while position >= 0:
            ok = text[position] == letter
            if index == 0:
                ok = ok and (position == 0 or not text[position - 1].isalnum())
            if ok:
                break
            position -= 1
        if position < 0:
            return False
        position -= 1
    return True


class TermIndex:
    """The key terms of a document, looked up by their words."""

    def __init__(self, terms: dict[str, Term], topic: str = "") -> None:
        self.terms = terms
        self.longest = max((len(key.split()) for key in terms), default=1)
        self._cache: dict[tuple[str, int, int], tuple[tuple[int, int, Term], ...]] = {}
        # The content words of the document's title: what the whole text is about is no answer.
        self.topic = frozenset(singular(w) for w in re.findall(r"[a-z][a-z-]+", topic.lower())
                               if w not in STOP_WORDS and len(w) > 2)

    @lru_cache(maxsize=8192)  # noqa: B019 - one index per draft; the cache dies with it
    def is_topic(self, text: str) -> bool:
        """True when `text` is the document's topic ('enzymes' in 'Energy, Matter, and Enzymes')."""
        words = [singular(w) for w in re.findall(r"[a-z][a-z-]+", text.lower()) if w not in STOP_WORDS]
        return bool(words) and all(w in self.topic for w in words)

    def __contains__(self, text: str) -> bool:
        return fold(text) in self.terms

    def get(self, text: str) -> Term | None:
        """The term spelled `text`, if known."""
        return self.terms.get(fold(text))

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
        words = tokens(text)
        folded = [m.group().lower().replace("’", "'") for m in words]
        # A term may span words only when a single space separates them (no comma or bracket).
        spaced = [text[a.end() : b.start()] == " " for a, b in pairwise(words)]
        index = 0
        while index < len(words):
            for size in range(min(self.longest, len(words) - index), 0, -1):
                if size > 1 and not all(spaced[index : index + size - 1]):
                    continue
                term = self.terms.get(" ".join(folded[index : index + size]))
                if term is not None:
                    yield words[index].start(), words[index + size - 1].end(), term
                    index += size
                    break
            else:
                index += 1

    def ranked(self) -> list[Term]:
        """Terms from most to least central; ties broken by text, so the order is fixed."""
        return sorted(self.terms.values(), key=lambda t: (-t.weight(), t.key))


def find_terms(document: Document) -> TermIndex:
    """Every key term of the document, with counts, categories and definitions."""
    terms: dict[str, Term] = {}

    def add(text: str, kind: str, sentence: Sentence | None = None) -> Term | None:
        text = text.strip(" ,;:.\"'“”‘’()")
        if not text or not any(is_content_word(w) for w in text.split()):
            return None
        if text.split()[0].lower() in STOP_WORDS or text.split()[-1].lower() in STOP_WORDS:
            return None
        term = terms.get(fold(text))
        if term is None:
            term = Term(text=text, group=fold(text))
            term.first_sentence = sentence.index if sentence else 0
            terms[fold(text)] = term
        term.kinds.add(kind)
        return term

    for sentence in document.sentences:
        _acronyms(sentence, add)
    for sentence in document.sentences:
        simple = simplify(sentence.text)
        _definitions(sentence, simple, add)
    for text in document.emphasised:
        if len(text.split()) <= 4 and not re.search(r"\d", text):
            add(text, "emphasised")
    for text in document.marked_terms:
        if len(text.split()) <= 5:
            add(text, "marked")
    for text, definition in document.glossary.items():
        text = re.sub(r"\s*\([^()]*\)\s*$", "", text)  # 'quantitative easing (QE)': the term, not its acronym
        term = add(text, "defined")
        see = _SEE.match(definition)
        if see and term is not None:
            other = add(see.group(1), "defined")
            if other is not None:
                term.group = other.group  # 'tight monetary policy: see contractionary ...': one thing, two names
            continue
        if not glossary_phrase(definition):
            continue  # 'sleep-deprived individuals will fall asleep sooner': a clause, not what a term names
        if term is not None and term.definition_source in {"", "comma"}:
            term.definition, term.definition_sentence, term.definition_source = definition, None, "glossary"
            term.category = term.category or _head_noun(definition if definition.split()[0].lower() in
                                                        {"a", "an", "the"} else f"a {definition}")
    _recurring(document, add)
    _count(document, terms)
    headings = "\n".join(fold(h) for h in document.headings)
    for term in terms.values():
        if looks_like_substance(term.text):
            term.kinds.add("substance")
        if " " not in term.text and term.text[:1].isupper() and not term.text[1:2].isupper() \
                and term.kinds & {"substance", "defined", "category"}:
            term.text = term.text.lower()  # 'Zinc' only ever opened a sentence: it is 'zinc'

        if term.key in headings and re.search(rf"\b{re.escape(term.key)}\b", headings):
            term.kinds.add("heading")
        if "acronym" in term.kinds:
            term.count += 1  # the place it is spelled out counts too
    # A term that occurs nowhere in the text (only in a heading) cannot be asked about.
    # A glossary term may be asked from its definition even where the prose never uses it.
    kept = {key: term for key, term in terms.items() if term.count > 0 or term.definition_source == "glossary"}
    return TermIndex(kept, document.title)


def _acronyms(sentence: Sentence, add: object) -> None:
    text = sentence.text
    for match in _ACRONYM_PAREN.finditer(text):
        acronym = text[match.start() + 1 : match.end() - 1]  # as written: "NSAIDs"
        before = text[: match.start()].split()
        expansion = schwartz_hearst(before, match.group(1))
        if expansion is None:
            continue
        after = text[match.end() :].split()
        head = after[0].strip(",.;:") if after else ""
        group = fold(acronym)
        made = [add(acronym, "acronym", sentence), add(expansion, "expansion", sentence)]  # type: ignore[operator]
        if head and head.islower() and head.isalpha() and head not in STOP_WORDS \
                and head not in _VERB_WORDS and len(head) > 2:
            made.append(add(f"{acronym} {head}", "acronym", sentence))  # type: ignore[operator]
            made.append(add(f"{expansion} {head}", "expansion", sentence))  # type: ignore[operator]
        for term in made:
            if term is not None:
                term.group = group
                if term.text == acronym:
                    term.expansion = expansion


def _definitions(sentence: Sentence, simple: str, add: object) -> None:
    """'X, the Y,' / 'X, which is a Y' / 'X is a Y' / 'the Y X' / 'X and other Ys' / 'Ys such as X'."""
    # The lookahead: a phrase cut at the length limit ('in the forward direct') is no definition.
    for match in re.finditer(r",\s+(?:which (?:is|are)\s+)?(?P<def>(?:the|a|an)\s+[^,.;:]{3,90})(?=[,.;:]|$)", simple):
        left = simple[: match.start()]
        words = left.split()
        picked: list[str] = []
        for word in reversed(words):
            bare = word.strip("()")
            if not is_content_word(bare) or bare.lower() in VERB_WORDS or len(picked) == 3 \
                    or bare.lower().endswith(("ing", "ed")):
                break
            picked.insert(0, bare)
        definition = _trim_definition(match.group("def"))
        if picked and definition and picked[-1][:1].isalnum():
            _define(add, " ".join(picked), definition, sentence, "comma")  # type: ignore[arg-type]
        elif picked and picked[-1][:1].isalnum():
            # Too short to ask about ("an enzyme"), but it still says what kind of thing it is.
            category = _head_noun(match.group("def").split(" that ")[0])
            if category in CATEGORY_NOUNS:
                term = add(" ".join(picked), "category", sentence)  # type: ignore[operator]
                if term is not None and term.category is None:
                    term.category = category
    start = re.match(
        r"^(?:(?:The|A|An)\s+)?(?P<term>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})\s+(?:is|are)\s+"
        r"(?P<def>(?:the|a|an)\s+[^,.;:]{3,90})(?=[,.;:]|$)",
        simple,
    )
    if start and all(is_content_word(w) for w in start.group("term").split()):
        definition = _trim_definition(start.group("def"))
        # 'Phosphate is a normal constituent of nucleic acids' says one thing about phosphate; so
        # are sugars and bases. 'A Y that ...' or 'the Y' picks out one thing: a definition.
        if definition and (not re.match(r"an?\s", definition) or _RESTRICTIVE.search(definition)):
            _define(add, start.group("term"), definition, sentence, "copula")  # type: ignore[arg-type]
    called = _CALLED.search(simple)
    if called:
        definition = _called_definition(called.group("def"))
        if definition and re.search(r"\b(?:is|are|was|were|called)\b", definition):
            definition = None  # 'the hormone is called a first messenger and the cellular component'
        term_text = called.group("term")
        if definition and all(is_content_word(w) for w in term_text.split()) and \
                term_text.split()[0].lower() not in {"following", "above", "below", "this", "that", "it"} and \
                not definition.lower().startswith(("an example", "one example", "another example", "examples")):
            _define(add, term_text, definition, sentence, "called")  # type: ignore[arg-type]
    for match in _CATEGORY_BEFORE.finditer(simple):
        if match.group("term").endswith(("ing", "ed")) or match.group("term") in VERB_WORDS:
            continue
        following = simple[match.end():].split(maxsplit=1)
        if following and following[0].lower() in _OBJECT_STARTS:
            continue  # 'the hormone determines the ...', 'hormones diffuse across ...': a verb, not a name
        term = add(match.group("term"), "category", sentence)  # type: ignore[operator]
        if term is not None and term.category is None:
            term.category = singular(match.group("category"))
    for match in _AND_OTHER.finditer(simple):
        term = add(match.group("term"), "category", sentence)  # type: ignore[operator]
        if term is not None and term.category is None:
            term.category = singular(match.group("category").split()[-1])
    for match in _SUCH_AS.finditer(simple):
        category = singular(match.group("category"))
        for item in re.split(r",\s*|\s+and\s+|\s+or\s+", match.group("list")):
            item = item.strip()
            if 0 < len(item.split()) <= 3:
                term = add(item, "category", sentence)  # type: ignore[operator]
                if term is not None and term.category is None:
                    term.category = category


_OBJECT_STARTS = word_set("the a an its their his her this these that those across through into onto")
_SEE = re.compile(r"^(?:see|same as|also called|also known as)\s+(?:the\s+)?(.+?)\.?$", re.I)
_CLAUSE_VERB = word_set("is are was were has have had will would can could may might must should does do did")


def glossary_phrase(definition: str) -> bool:
    """True when a glossary definition is a phrase a question can name ('a protein that ...'), not a
    clause of its own ('individuals will tend to ...') before any relative word."""
    for word in definition.split()[:8]:
        lower = word.lower().strip(",;:()")
        if lower in {"that", "which", "who", "whose", "where", "when", "in", "of", "by", "for", "with", "to"}:
            return True
        if lower in _CLAUSE_VERB or _finite_verb(lower):
            return False
    return True


def _finite_verb(word: str) -> bool:
    """'makes', 'produces': a verb that turns a phrase into a clause ('made' may qualify a noun)."""
    lower = word.lower()
    return lower.endswith("s") and lower in VERB_WORDS and (lower[:-1] in VERB_WORDS or lower[:-2] in VERB_WORDS)


def _trim_definition(text: str) -> str | None:
    """A noun phrase, with its relative clause when short: 'a family that also includes ibuprofen'."""
    text = re.split(r"\s+(?:whereas|while|because|when|if|although)\s+", text)[0]
    # 'the oldest synthetic agents and are analogues of PABA': a second predicate, not the phrase
    text = re.split(r"\s+and\s+(?:is|are|was|were|has|have|can|may)\s+", text)[0]
    parts = re.split(r"\s+(that|which|who)\s+", text, maxsplit=1)
    head = parts[0].split()
    while head and head[-1].lower() in STOP_WORDS:
        head.pop()
    if not head or any(_finite_verb(w) for w in head):
        return None  # a clause ("the body makes ..."), not a noun phrase
    words = head
    if len(parts) == 3:
        whole = [*head, parts[1], *parts[2].split()]
        if len(whole) <= 16:
            words = whole
    while words and words[-1].lower() in STOP_WORDS:
        words.pop()
    if len(words) < 3 or len(words) > 16:
        return None  # too vague ("a family") or too long to ask about
    return " ".join(words)


_RESTRICTIVE = re.compile(r"\b(?:that|which|who|whose|where|in which)\b|\b\w+ed\s+(?:by|to|for|in|from|as|with)\b")
_CALLED = re.compile(
    r"^(?P<def>(?:The|A|An|Those|These)\s+[^,;:]{8,140}?)\s+(?:is|are)\s+(?:called|known as|termed|referred to as)\s+"
    r"(?:an?\s+|the\s+)?(?P<term>[A-Za-z][\w⁺⁻₀-₉-]*(?:\s+[A-Za-z][\w⁺⁻₀-₉-]*){0,3}?)\s*(?:[.;]|,|$)"
)
_DEFINITION_RANK = {"": 0, "comma": 1, "copula": 2, "called": 3, "glossary": 4}


def _called_definition(text: str) -> str | None:
    """'The chemical reactants to which an enzyme binds' as a definition: lower-case article first."""
    words = text.split()
    if len(words) < 3 or len(words) > 22:
        return None
    return words[0].lower() + (" " + " ".join(words[1:]) if len(words) > 1 else "")


_NOT_A_DEFINITION = re.compile(
    r"^(?:an?|one|another|the)\s+(?:good\s+|classic\s+)?(?:example|case|instance)s?\b", re.I
)


def _define(add: object, text: str, definition: str, sentence: Sentence, source: str = "copula") -> None:
    if _NOT_A_DEFINITION.match(definition):
        return  # 'HIV is an example of a virus that ...' names an instance, it does not define HIV
    term = add(text, "defined", sentence)  # type: ignore[operator]
    if term is None or (term.definition and _DEFINITION_RANK[term.definition_source] >= _DEFINITION_RANK[source]):
        return
    term.definition = definition
    term.definition_sentence = sentence.index
    term.definition_source = source
    if term.category is None:
        term.category = _head_noun(definition)


_ADJECTIVE_ENDINGS = ("est", "al", "ic", "ous", "ive", "ful", "able", "ible", "ary", "’s", "'s")


def _head_noun(definition: str) -> str | None:
    """The noun a definition is built on: 'the hormone regulating ...' -> 'hormone'."""
    head: list[str] = []
    for word in definition.split()[1:]:
        bare = word.strip(",").lower()
        if bare in STOP_WORDS or bare in VERB_WORDS:
            break
        head.append(bare)
    known = [w for w in head if singular(w) in CATEGORY_NOUNS]
    if known:
        return singular(known[0])
    for index, word in enumerate(head):
        if word.endswith("ing") and index > 0 and not head[index - 1].endswith(_ADJECTIVE_ENDINGS):
            head = head[:index]
            break
    if not head or head[-1].endswith(_ADJECTIVE_ENDINGS) or head[-1].endswith("ing"):
        return None
    return singular(head[-1])


def _recurring(document: Document, add: object) -> None:
    """Noun phrases of two or three words used at least twice; substances used at least twice."""
    grams: Counter[str] = Counter()
    singles: Counter[str] = Counter()
    shown: dict[str, str] = {}
    for sentence in document.sentences:
        words = [m.group() for m in tokens(simplify(sentence.text))]
        for index, word in enumerate(words):
            lower = word.lower()
            if _SUBSTANCE.fullmatch(lower) and lower not in _NOT_SUBSTANCE \
                    and singular(lower) not in CATEGORY_NOUNS \
                    and lower not in _VERB_WORDS and lower not in STOP_WORDS:
                singles[lower] += 1
            for size in (2, 3):
                gram = words[index : index + size]
                if len(gram) < size or not all(_phrase_word(w) for w in gram):
                    continue
                key = " ".join(gram).lower()
                grams[key] += 1
                if key not in shown or (index > 0 and shown[key] != key):
                    shown[key] = " ".join(gram)
    for word, count in singles.items():
        if count >= 2:
            add(word, "substance")  # type: ignore[operator]
    verbs = _verbs_in_use(document)
    for key, count in grams.items():
        last = key.split()[-1]
        if count >= 2 and not (last.endswith("s") and (last[:-1] in verbs or last[:-2] in verbs)):
            add(shown[key], "recurring")  # type: ignore[operator]


_VERB_BEFORE = word_set("to will can may might could would should must both they not cannot")


def _verbs_in_use(document: Document) -> set[str]:
    """Words the document uses as verbs ('will react', 'both react'): 'sodium reacts' is then a
    clause, never a recurring noun phrase to ask about."""
    found: set[str] = set()
    for sentence in document.sentences:
        words = [m.group().lower() for m in tokens(sentence.text)]
        found.update(after for before, after in pairwise(words) if before in _VERB_BEFORE)
    return found


def _phrase_word(word: str) -> bool:
    """A word that can stand in a recurring noun phrase."""
    lower = word.lower()
    if lower in STOP_WORDS or lower.isdigit() or lower in _VERB_WORDS:
        return False
    if _BARE_ACRONYM.match(word):
        return True
    return is_content_word(word) and not lower.endswith(("ing", "ed"))


def _count(document: Document, terms: dict[str, Term]) -> None:
    """Count each term, and show it as the text writes it mid-sentence ('calcium', not 'Calcium')."""
    index = TermIndex(terms)
    for sentence in document.sentences:
        simple = simplify(sentence.text)
        for start, end, term in index.occurrences(simple):
            term.count += 1
            if start > 0 and term.text != simple[start:end] and term.text[:1].isupper():
                term.text = simple[start:end]
