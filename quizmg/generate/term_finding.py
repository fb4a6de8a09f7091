"""Finding a document's key terms: acronyms with expansions, defined, emphasised, recurring, substances."""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from quizmg.generate.acronym_terms import PLURAL_ACRONYM, add_acronyms
from quizmg.generate.acronyms import taught_groups
from quizmg.generate.clause_tail import verb_follows, verb_shaped
from quizmg.generate.contact_clauses import contact_clause
from quizmg.generate.crafts import craft_names
from quizmg.generate.definitions import SEE, glossary_phrase, head_noun, read_definitions
from quizmg.generate.details import tells_history
from quizmg.generate.document import Document, Sentence
from quizmg.generate.formula_definitions import without_symbol
from quizmg.generate.frequency import is_rare
from quizmg.generate.glossary_predicates import opening_verb
from quizmg.generate.glosses import read_glosses
from quizmg.generate.name_terms import a_person, capitalised_in_glossary, institution, people_named
from quizmg.generate.set_off_titles import bare_title, set_off_titles, written_in_lower_case
from quizmg.generate.terms import (
    BARE_ACRONYM,
    CATEGORY_NOUNS,
    NOT_SUBSTANCE,
    SUBSTANCE,
    TERM_VERBS,
    Term,
    TermIndex,
    fold,
    is_content_word,
    looks_like_substance,
    simplify,
    singular,
    tokens,
)
from quizmg.generate.verb_use import VERB_OPENERS, acts, plural, uses, verb_by_form, verbs_in_use
from quizmg.generate.words import DETERMINERS, STOP_WORDS, word_set

# A part that names another word, points back ('this allows ...') or sends the reader elsewhere.
# A part wholly in brackets gives the term's symbol or other name ('(γ ray); extremely high-frequency ...').
_BRACKETED = re.compile(r"\([^()]*\)")
_ASIDE = re.compile(r"(?:also|see|or|e\.g\.|contrast|compare|this|these|it|they|an example)\b", re.I)
# A part that gives the word's origin ('Latin for “sea”'), after any bracket: where the name comes from, not
# what it names.
_ORIGIN = re.compile(r"^(?:\([^()]*\)\s*)?(?:latin|greek|german|french|arabic|spanish|italian)\s+(?:for|word)\b",
                     re.I)


def _first_sentence(definition: str) -> str:
    """'a base that accepts two protons. The protons are taken up in two steps': a glossary line that runs
    on into a second sentence is asked by its first."""
    return re.split(r"(?:(?<=[a-z]{3})|(?<=[0-9)]))\.\s+(?=[A-Z][a-z])", definition, maxsplit=1)[0]  # not 'e.g. Na'


_SETTING_ONLY = re.compile(r"(?:in|during|at|on|within|among|after|before|under)\s+(?!which\b|whom\b)[^,]+", re.I)


def _main_part(definition: str) -> str:
    """The part of 'also simply called shock; a life-threatening condition ...' or 'a method for protecting
    iron ...; zinc-plated iron' that defines: the first phrase of three words or more, never an aside naming
    another word. A glossary puts the kind of thing first and adds after a semicolon what it does, where it
    occurs or how it is measured ('unit of temperature; water freezes at 0 °C on this scale'): the later
    parts, however long, describe without saying what the thing is; so does a second sentence."""
    definition = _first_sentence(definition)
    # 'or the tax paid on ...': a line that opens on 'or' rewords the term; what follows defines it.
    definition = re.sub(r"^or\s+(?=(?:the|an?)\s)", "", definition.strip())
    # 'Latin for “sea;” the name applied to ...': a part may open on the quote a semicolon inside it closed
    parts = [p.strip().lstrip("”").strip() for p in definition.split(";") if p.strip().lstrip("”").strip()]
    if len(parts) > 1 and _SETTING_ONLY.fullmatch(parts[0]):
        # 'in bone grafts; occurs when ...': the first part only sets the scene for the next, which defines
        parts = [f"{parts[1]}, {parts[0]}", *parts[2:]]
    phrases = [p for p in parts if glossary_phrase(p) and not _ASIDE.match(p) and not _BRACKETED.fullmatch(p)]
    named = [p for p in phrases if not _ORIGIN.match(p) and re.match(r"(?:the|an?)\s", p, re.I)]
    if named and any(_ORIGIN.match(p) for p in phrases):
        phrases = named  # 'Latin for “sea;” the name applied to ...': the part that names what the word names
    if phrases:
        return next((p for p in phrases if len(p.split()) >= 3), phrases[0])
    return max(parts or [definition], key=len)


def find_terms(document: Document) -> TermIndex:
    """Every key term of the document, with counts, categories and definitions."""
    terms: dict[str, Term] = {}

    def add(text: str, kind: str, sentence: Sentence | None = None) -> Term | None:
        text = without_symbol(text.strip(" ,;:.\"'“”‘’()"), document.symbols)
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

    verbs = verbs_in_use(document)
    after_auxiliary, after_article = uses(document)
    marked_names = {fold(text) for text in document.marked_terms}
    for sentence in document.sentences:
        add_acronyms(sentence, add, verbs | after_auxiliary, after_article, marked_names)
    for sentence in document.sentences:
        simple = simplify(sentence.text)
        read_definitions(sentence, simple, add)
        _named(simple, sentence, add)
    titles = set_off_titles(document.italics, document.marked_terms)
    for text in document.emphasised:
        bare = bare_title(text)
        if bare in titles and written_in_lower_case(bare, (sentence.text for sentence in document.sentences)):
            continue  # the show *Frontier Life*: a title, and 'frontier life' elsewhere only a phrase
        if len(text.split()) <= 4 and not re.search(r"\d", text):
            add(text, "emphasised")
    for text in document.marked_terms:
        if len(text.split()) <= 5:
            add(text, "marked")
    for text, definition in document.glossary.items():
        text = re.sub(r"\s*\([^()]*\)\s*$", "", text)  # 'quantitative easing (QE)': the term, not its acronym
        term = add(text, "defined")
        definition = _main_part(definition)
        see = SEE.match(definition)
        if see and term is not None:
            other = add(see.group(1), "defined")
            if other is not None:
                term.group = other.group  # 'tight monetary policy: see contractionary ...': one thing, two names
            continue
        # 'secretes hormones that ...': the term's own predicate, asked with its verb (glossary_predicates)
        predicate = term is not None and opening_verb(definition, term.text) is not None
        # 'the time it takes to ...': a noun and a clause with no 'that' (contact_clauses)
        if not glossary_phrase(definition) and not predicate and not contact_clause(definition):
            continue  # 'sleep-deprived individuals will fall asleep sooner': a clause, not what a term names
        if term is not None and term.definition_source in {"", "comma"}:
            term.definition, term.definition_sentence, term.definition_source = definition, None, "glossary"
            if not predicate:  # a verb names no kind of thing
                term.category = term.category or head_noun(definition if definition.split()[0].lower() in
                                                            {"a", "an", "the"} else f"a {definition}")
    read_glosses(document, terms)  # hd: '**vertigo** (a sense of spinning)', '**hedge**, which means ...'
    for sentence in document.sentences:
        _other_names(sentence.text, terms, add)
    _recurring(document, add, verbs)
    named = _count(document, terms) | capitalised_in_glossary(document)
    headings = "\n".join(fold(h) for h in document.headings)
    for term in terms.values():
        if looks_like_substance(term.text):
            term.kinds.add("substance")
        if " " not in term.text and term.text[:1].isupper() and term.text[1:].isalpha() and term.text[1:].islower() \
                and term.kinds & {"substance", "defined", "category"} and term.group not in named:
            term.text = term.text.lower()  # 'Zinc' only ever opened a sentence: it is 'zinc' ('MuV' keeps its capitals)

        if term.key in headings and re.search(rf"\b{re.escape(term.key)}\b", headings):
            term.kinds.add("heading")
        if "acronym" in term.kinds:
            term.count += 1  # the place it is spelled out counts too
    # he: read before the long forms never counted on their own are dropped
    taught = taught_groups(terms.values(), document.marked_terms, document.index_marked, document.emphasised)
    # A term that occurs nowhere in the text (only in a heading) cannot be asked about.
    # A glossary term may be asked from its definition even where the prose never uses it.
    kept = {key: term for key, term in terms.items() if term.count > 0 or term.definition_source == "glossary"}
    # Who said it is not what was said: 'Pavlov' of 'Ivan Pavlov' is never an answer, marked or not.
    people = people_named(document)
    kept = {key: term for key, term in kept.items() if not a_person(term.text, people)}
    # An institution is where the work was done, not what it found: 'MIT', 'the National Sleep Foundation'.
    kept = {key: term for key, term in kept.items() if not institution(term.expansion or term.text)}
    # A formula's symbol is no term to ask ('What is the term for the energy of a photon?' - 'hf'), unless the
    # text spells it out as an acronym ('PE', 'NA').
    symbols = document.symbols | {s.lower() for s in document.symbols if s[1:].isalpha() and s[1:].islower()}
    kept = {key: term for key, term in kept.items()  # ... nor one lowered as 'Zinc' is above ('Kc' -> 'kc')
            if term.text not in symbols or "acronym" in term.kinds}
    index = TermIndex(kept, document.title)
    index.symbols = frozenset(document.symbols)
    index.titles = frozenset(document.linked_titles)
    index.set_off = titles
    index.verbs = frozenset(verbs)
    index.only_verbs = frozenset(after_auxiliary - after_article)
    index.nouns = frozenset(after_article)
    for name, places in document.marked_at.items():
        marked = index.get(name)
        if marked is not None:
            index.marked_at[marked.key] = index.marked_at.get(marked.key, frozenset()) | frozenset(places)
    index.people = frozenset(people)
    index.crafts = craft_names((sentence.text for sentence in document.sentences), index.people)
    index.taught = taught
    index.history = tells_history(sentence.text for sentence in document.sentences)
    # A cloze reads its sentence without asides (terms.simplify): both forms are looked up.
    index.told = frozenset(form for sentence in document.sentences if sentence.told
                           for form in (sentence.text, simplify(sentence.text)))
    return index


# 'a wide basin called a caldera', '... is known as the Doppler effect.': the text gives the phrase as a name.
_NAMED = re.compile(
    r"\b(?:called|termed|known\s+as|referred\s+to\s+as)\s+(?:an?\s+|the\s+)?"
    r"(?P<term>[A-Za-z][\w’'-]*(?:\s+[A-Za-z][\w’'-]*){0,2})(?=\s*(?:[.;,:)]|$))"
)


def _named(simple: str, sentence: Sentence, add: object) -> None:
    """A phrase the sentence names ('called X', 'known as X') at the end of a clause is a key term."""
    for match in _NAMED.finditer(simple):
        term = match.group("term")
        if all(is_content_word(word) for word in term.split()):
            add(term, "defined", sentence)  # type: ignore[operator]


# 'the rate-limiting step (or rate-determining step)', 'the lag (also called the delay)': a name in brackets
# right after a term, opened by 'or' or 'also called', is another name for the same thing.
_OTHER_NAME = re.compile(
    r"\s\((?:or|also(?:\s+(?:called|known\s+as|termed|named))?|sometimes\s+called)\s+(?:an?\s+|the\s+)?"
    r"(?P<name>[A-Za-z][\w’'-]*(?:\s+[A-Za-z][\w’'-]*){0,3})\)"
)


def _other_names(text: str, terms: dict[str, Term], add: object) -> None:
    """Another name the text gives a marked term in brackets is marked with it, as one answer."""
    for match in _OTHER_NAME.finditer(text):
        before = [word.strip("*_\"“”‘’") for word in text[: match.start()].split()[-5:]]
        for size in range(len(before), 0, -1):
            known = terms.get(fold(" ".join(before[-size:])))
            if known is None or not known.kinds & {"marked", "emphasised"}:
                continue
            for kind in sorted(known.kinds & {"marked", "emphasised"}):
                other = add(match.group("name"), kind)  # type: ignore[operator]
                if other is not None and other is not known:
                    other.group = known.group
            break


def _recurring(document: Document, add: object, verbs: set[str]) -> None:
    """Noun phrases of two or three words used at least twice; substances used at least twice.

    A run of words that mostly follows 'to', 'not' or a modal is a verb phrase ('to yield ions'), and one
    that ends in a plural and the plain form of a verb the text uses is a clause ('the ossicles move').
    """
    grams: Counter[str] = Counter()
    after_verb_word: Counter[str] = Counter()
    singles: Counter[str] = Counter()
    rare: Counter[str] = Counter()  # lowercase words rare in English ('precession', 'neutrinos')
    rare_noun: Counter[str] = Counter()  # ... standing where a noun phrase ends
    units: set[str] = set()  # ... after a number
    shown: dict[str, str] = {}
    noun_use: Counter[str] = Counter()
    before_that: Counter[str] = Counter()  # 'historians argue that ...': a verb takes the clause
    verb_after: Counter[str] = Counter()  # 'equivalence holds completely': what follows shows a verb
    noun_after: Counter[str] = Counter()  # 'price controls are': what follows shows a noun phrase
    seen = {w.lower() for sentence in document.sentences for w in _WORDS.findall(sentence.text)}
    acting: set[str] = set()  # words with a substance's ending the text uses as verbs ('ions migrate to')
    for sentence in document.sentences:
        text = simplify(sentence.text)
        matches = tokens(text)
        words = [m.group() for m in matches]
        lowers = [word.lower() for word in words]
        phrase_words = [_phrase_word(word) for word in words]  # asked of each word up to four times below
        for index, word in enumerate(words):
            lower = lowers[index]
            if lower.endswith(_SUBSTANCE_ENDS) and SUBSTANCE.fullmatch(lower) and lower not in NOT_SUBSTANCE \
                    and singular(lower) not in CATEGORY_NOUNS \
                    and lower not in TERM_VERBS and lower not in STOP_WORDS:
                singles[lower] += 1
                if acts(lower, words, index, seen):
                    acting.add(lower)
            if lower == word and word.isalpha() and len(lower) > 3 and phrase_words[index] and lower not in TERM_VERBS \
                    and not lower.endswith(("ly", "ing", "ed", "ist", "ists")) and is_rare(lower):
                rare[lower] += 1
                rare_noun[lower] += _noun_slot(text, matches, index) and not verb_follows([word])
                if _AFTER_NUMBER.search(text[: matches[index].start()]):
                    units.add(lower)  # '10³⁴ joules', 'one arcsecond': a unit, not a thing to name
            if not phrase_words[index]:
                continue  # every phrase counted below opens on a word that can stand in one
            for size in (2, 3):
                gram = words[index : index + size]
                if len(gram) < size or not all(phrase_words[index : index + size - 1]):
                    continue
                key = " ".join(gram).lower()
                if index + size < len(words) and lowers[index + size] == "that":
                    before_that[key] += 1
                if not phrase_words[index + size - 1]:
                    # 'wage cuts' ends in a verb's form, but stands where a noun phrase does: before a
                    # full stop, a verb or a preposition ('fight against wage cuts.', 'wage cuts might').
                    if _phrase_word(gram[-1], verb_ok=True) and _noun_slot(text, matches, index + size - 1):
                        noun_use[key] += 1
                        shown.setdefault(key, " ".join(gram))
                    continue
                grams[key] += 1
                if verb_follows(words[index + size : index + size + 2]):
                    verb_after[key] += 1
                elif _noun_slot(text, matches, index + size - 1):
                    noun_after[key] += 1
                previous = lowers[index - 1] if index > 0 else ""
                if previous in VERB_OPENERS or previous in _SUBJECT_PRONOUNS:
                    after_verb_word[key] += 1  # 'it acquires angular momentum': a verb and its object
                elif previous in DETERMINERS:
                    after_verb_word[key] -= 100  # 'the yield ...': a noun after all
                if key not in shown or (index > 0 and shown[key] != key):
                    shown[key] = " ".join(gram)
    for word, count in singles.items():
        if count >= 2 and word not in acting:
            add(word, "substance")  # type: ignore[operator]
    for word, count in rare.items():
        # 'precession', 'neutrinos', 'luminosity': a word English seldom uses, named again and again where
        # a noun stands, is the subject's own vocabulary, though this section never marks it; not a
        # word for those who practise a field ('sociologists') nor a unit after a number ('10³⁴ joules')
        if count >= RARE_USES and rare_noun[word] >= 2 and word not in singles and word not in acting \
                and word not in units:
            add(word, "recurring")  # type: ignore[operator]
    for key, count in noun_use.items():
        if count >= 2:  # a noun made of a verb's form ('wage cuts') is a name the text chose: a compound
            add(shown[key], "compound")  # type: ignore[operator]
    for key, count in grams.items():
        *rest, last = key.split()
        if count < 2 or 2 * after_verb_word[key] > count or noun_use[key] >= 2:
            continue
        if last.endswith("s") and (last[:-1] in verbs or last[:-2] in verbs):
            continue  # 'sodium reacts'
        if plural(rest[-1]) and (last in verbs or before_that[key]) and not last.endswith("s"):
            continue  # 'the ossicles move', 'historians argue that ...'
        if after_verb_word[key] > 0 and verb_by_form(rest[0], seen):
            continue  # 'to motivate employees' in a text with 'motivation': a verb and its object
        if PLURAL_ACRONYM.fullmatch(shown[key].split()[-2]):
            continue  # 'EIAs rely': a plural acronym is a whole noun phrase, the word after it its verb
        if verb_shaped(key.split()) and verb_after[key] and not noun_after[key]:
            continue  # 'Ricardian equivalence holds completely', 'economies appear to have'
        add(shown[key], "recurring")  # type: ignore[operator]


_WORDS = re.compile(r"[A-Za-z][a-z]+")
# The endings SUBSTANCE ends on: a word without one is no substance, and the pattern is not tried on it.
_SUBSTANCE_ENDS = ("ine", "ate", "ium", "ol", "ide", "ase", "ose", "onin", "gen", "ene", "ane", "ite", "yme", "mone")
_SUBJECT_PRONOUNS = word_set("it he she they")  # only a verb follows a subject pronoun
RARE_USES = 3  # uses of a word rare in English that make it one of the text's terms
_AFTER_NUMBER = re.compile(r"(?:\d[\d,.⁰¹²³⁴⁵⁶⁷⁸⁹⁻]*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|"
                           r"hundred|thousand|million|billion|several|few|many)|[¼½¾])\s*$", re.I)


# What follows a noun phrase, never a verb's object or its particle ('depends on'): an auxiliary or 'of'
# ('wage cuts might', 'price increases of ...').
_AFTER_NOUN = word_set("is are was were may might will can could would should must has have had of for and or")


def _noun_slot(text: str, matches: list[re.Match[str]], last: int) -> bool:
    """True when the word at `last` ends a noun phrase: punctuation or a verb or preposition follows."""
    after = text[matches[last].end():].lstrip(" ")
    if not after or after[0] in ",.;:)!?":
        return True
    return last + 1 < len(matches) and matches[last + 1].group().lower() in _AFTER_NOUN


@lru_cache(maxsize=65_536)
def _phrase_word(word: str, *, verb_ok: bool = False) -> bool:
    """A word that can stand in a recurring noun phrase."""
    lower = word.lower()
    if lower in STOP_WORDS or lower.isdigit() or (lower in TERM_VERBS and not verb_ok) or lower in {"et", "al"}:
        return False  # 'et al.' names who wrote a study
    if BARE_ACRONYM.match(word):
        return True
    return is_content_word(word) and not lower.endswith(("ing", "ed"))


def _count(document: Document, terms: dict[str, Term]) -> set[str]:
    """Count each term, and show it as the text writes it mid-sentence ('calcium', not 'Calcium').

    Returns the groups of the terms the text writes with a capital mid-sentence: names ('Sputnik', 'the
    Pilgrims'), which keep it.
    """
    index = TermIndex(terms)
    named: set[str] = set()
    for sentence in document.sentences:
        simple = simplify(sentence.text)
        for start, end, term in index.occurrences(simple):
            term.count += 1
            if start > 0 and term.text != simple[start:end] and term.text[:1].isupper():
                term.text = simple[start:end]
            elif start > 0 and simple[start:start + 1].isupper() and simple[start - 1:start] == " " \
                    and not simple[:start].rstrip().endswith((".", ":", "?", "!", "“", '"')):
                named.add(term.group)
    return named
