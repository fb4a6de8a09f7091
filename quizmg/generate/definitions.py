"""What a document says a term is: 'X, the Y,' / 'X is a Y that ...' / 'the Ys are called X' / a
glossary's 'term: definition', and the kind of thing a term names ('the hormone X', 'Ys such as X')."""

from __future__ import annotations

import re
from itertools import pairwise

from quizmg.generate.appositive import not_an_appositive
from quizmg.generate.definition_phrase import (
    ARTICLES,
    SECOND_PREDICATE,
    context_bound,
    finite_verb,
    place_in_a_list,
    trim_definition,
)
from quizmg.generate.document import Sentence
from quizmg.generate.naming import naming_definition
from quizmg.generate.terms import CATEGORY_NOUNS, is_content_word, singular
from quizmg.generate.words import ADVERBS, NUMBER_WORDS, STOP_WORDS, VERB_WORDS, adverb_ly, word_set

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


# A letter of a phrase: no punctuation that ends it, but the period of an abbreviated genus ('T. gondii',
# 'E. coli'), of a number ('1.5 cm', '3.3 billion') and of initials ('the U.S. economy') stays inside.
_PHRASE = r"(?:[^,.;:]|(?<=\b[A-Z])\.(?=\s[a-z])|(?<=\d)\.(?=\d)|(?<=\b[A-Z])\.(?=[A-Z]\.)|(?<=\b[A-Z]\.[A-Z])\.(?=\s))"


def read_definitions(sentence: Sentence, simple: str, add: object) -> None:
    """'X, the Y,' / 'X, which is a Y' / 'X is a Y' / 'the Y X' / 'X and other Ys' / 'Ys such as X'."""
    # The lookahead: a phrase cut at the length limit ('in the forward direct') is no definition.
    for match in re.finditer(r",\s+(?:which (?:is|are)\s+)?(?P<def>(?:the|a|an)\s+" + _PHRASE + r"{3,90})(?=[,.;:]|$)",
                             simple):
        left = simple[: match.start()]
        if not_an_appositive(simple, match.start(), match.end("def")):
            continue  # 'In most cases, the fever ...', 'a baker, a plumber, ...': no definition
        words = left.split()
        picked: list[str] = []
        for word in reversed(words):
            bare = word.strip("()")
            if not is_content_word(bare) or bare.lower() in VERB_WORDS or len(picked) == 3 \
                    or bare.lower().endswith(("ing", "ed")):
                break
            picked.insert(0, bare)
        definition = trim_definition(match.group("def")) if whole_before_comma(simple, match.end("def")) else None
        if len(picked) == 1 and _linking_word(picked[0]):
            continue  # 'Instead, the clavicle develops ...', 'Thereafter, the limbs ...': a sentence's link, no term
        if picked and definition and picked[-1][:1].isalnum():
            _define(add, " ".join(picked), definition, sentence, "comma")  # type: ignore[arg-type]
        elif picked and picked[-1][:1].isalnum():
            # Too short to ask about ("an enzyme"), but it still says what kind of thing it is.
            category = head_noun(match.group("def").split(" that ")[0])
            if category in CATEGORY_NOUNS:
                term = add(" ".join(picked), "category", sentence)  # type: ignore[operator]
                if term is not None and term.category is None:
                    term.category = category
    start = re.match(
        r"^(?:(?:The|A|An)\s+)?(?P<term>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2})\s+(?:is|are)\s+"
        r"(?P<def>(?:the|a|an)\s+" + _PHRASE + r"{3,90})(?=[,.;:]|$)",
        simple,
    )
    if start and all(is_content_word(w) for w in start.group("term").split()) and \
            whole_before_comma(simple, start.end("def")):
        found = start.group("def")
        definition = _with_its_list(simple, start.end("def"), found, trim_definition(found))
        # 'Phosphate is a normal constituent of nucleic acids' says one thing about phosphate; so
        # are sugars and bases. 'A Y that ...' or 'the Y' picks out one thing: a definition.
        if definition and (not re.match(r"an?\s", definition) or _RESTRICTIVE.search(definition)):
            _define(add, start.group("term"), definition, sentence, "copula")  # type: ignore[arg-type]
    plural = _PLURAL_COPULA.match(simple)
    if plural and not start and all(is_content_word(w) for w in plural.group("term").split()) and (
            whole_before_comma(simple, plural.end("def"))
            or re.match(r",\s+[a-z]{4,}ly\b", simple[plural.end("def"):])):  # ', particularly ...' adds to it
        # 'Learning disabilities are cognitive disorders that affect ...': a class named by what picks it
        # out ('that', 'which', 'who'); 'Stocks are risky in the short term' says one thing about stocks.
        found = plural.group("def")
        definition = _with_its_list(simple, plural.end("def"), found, trim_definition(found))
        head = re.split(r"\s+(?:(?:in|by|of|to|through|from) )?(?:that|which|who|whom)\s", definition or "", maxsplit=1)
        words = head[0].lower().split()
        if definition and len(head) == 2 and words and singular(words[-1]) != words[-1] and not any(
                w in VERB_WORDS or w.endswith("ed") for w in words):
            _define(add, plural.group("term"), definition, sentence, "copula")  # type: ignore[arg-type]
    called = _CALLED.search(simple)
    if called:
        definition = _called_definition(called.group("def"))
        if definition and _own_predicate(definition):
            definition = None  # 'the hormone is called a first messenger and the cellular component'
        term_text = called.group("term")
        if definition and all(is_content_word(w) for w in term_text.split()) and \
                term_text.split()[0].lower() not in {"following", "above", "below", "this", "that", "it"} and \
                not definition.lower().startswith(("an example", "one example", "another example", "examples")):
            _define(add, term_text, definition, sentence, "called")  # type: ignore[arg-type]
    named = naming_definition(simple)  # 'X refers to Y', 'X is defined as Y', 'The term X is used to describe Y'
    if named:
        _define(add, named[0], named[1], sentence, "called")
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


_OPENING_ENDS = ("ing", "ed", "ally", "ively", "ously", "ably", "ibly", "ently", "antly")


def whole_before_comma(text: str, end: int) -> bool:
    """False when a phrase that stops at a comma goes on after it: 'patches of thick, red skin' (two
    describing words), 'nitrogen, oxygen, and argon' (a list). After a comma a new part of the sentence
    opens: a small word ('which', 'the', 'and'), a participle, an adverb, a name, a number, or the verb the
    aside stood before ('The lens, a ring of prisms, sits ...'). Not 'such that' or 'whereby': they go on to say
    which one the phrase is."""
    if text[end : end + 1] != ",":
        return True
    following = text[end + 1 :].split()
    if not following:
        return True
    word = following[0].strip("“”\"'(")
    lower = word.lower()
    if lower == "whereby" or (lower == "such" and len(following) > 1 and following[1].lower() == "that"):
        return False  # 'a phenomenon that occurs at a boundary, such that ...': what picks it out comes after
    if not word[:1].isalpha() or not word[:1].islower() or lower in STOP_WORDS or lower in ADVERBS or \
            lower.rstrip(",") in _CONNECTIVES or \
            (len(lower) > 4 and lower.endswith(_OPENING_ENDS)):
        return True
    if word.endswith(",") or (len(following) > 1 and following[1].lower() in {"and", "or"}):
        return False  # a list goes on
    return lower in VERB_WORDS or (lower.endswith("s") and not lower.endswith(("ss", "us", "is")))


_LIST_MARK = re.compile(r",|\band\b|\bor\b")


def _counts(phrase: str) -> bool:
    """'the sum of four components', 'several parts': the phrase says how many there are."""
    return any(word in NUMBER_WORDS - {"one"} or word == "several" for word in re.findall(r"[a-z]+", phrase.lower()))


def _with_its_list(text: str, end: int, found: str, definition: str | None) -> str | None:
    """'the sum of four components: A, B, C, and D': a definition that counts its parts and names them
    after a colon is whole only with them ('What is the term for the sum of four components?' asks for
    something no reader can tell from anything else). After any other colon ('an acid with three
    protons ...: one example is ...') the definition is as it was."""
    if definition is None or text[end : end + 1] != ":" or not _counts(definition) or definition != found.strip():
        return definition
    named = text[end + 1 :].strip().rstrip(".").strip()
    items = [item for item in _LIST_MARK.split(named) if item.strip()]
    if len(items) < 2 or len(named.split()) > 20 or any(len(item.split()) > 5 for item in items):
        return definition  # a clause after the colon, not the parts by name
    return f"{definition}: {named}"


# 'and, thus, are the main ...': a word that links two clauses, set off by its own commas.
_CONNECTIVES = word_set("thus hence therefore however moreover furthermore consequently accordingly")
# Words that open a sentence and link it to the one before ('Instead, ...'), never a term set off by a comma.
_OPENING_LINKS = word_set("instead thereafter meanwhile similarly additionally finally later afterward afterwards "
                          "subsequently nevertheless nonetheless otherwise likewise besides next initially eventually")


def _linking_word(word: str) -> bool:
    lower = word.lower()
    return lower in _CONNECTIVES | _OPENING_LINKS or lower in ADVERBS or adverb_ly(lower)


_OBJECT_STARTS = word_set("the a an its their his her this these that those across through into onto")


SEE = re.compile(r"^(?:see|same as|also called|also known as)\s+(?:the\s+)?(.+?)\.?$", re.I)


_CLAUSE_VERB = word_set("is are was were has have had will would can could may might must should does do did")


def glossary_phrase(definition: str) -> bool:
    """True when a glossary definition is a phrase a question can name ('a protein that ...'), not a
    clause of its own ('individuals will tend to ...') before any relative word."""
    for word in definition.split()[:8]:
        lower = word.lower().strip(",;:()")
        if lower in {"that", "which", "who", "whose", "where", "when", "in", "of", "by", "for", "with", "to"}:
            return True
        if lower in _CLAUSE_VERB or finite_verb(lower) or lower in _PERSONAL:
            return False  # 'individuals view themselves as ...': a pronoun before any 'that' belongs to a clause
    return True


_PERSONAL = word_set("they we he she themselves itself himself herself ourselves yourself")


_RESTRICTIVE = re.compile(r"\b(?:that|which|who|whose|where|in which)\b|\b\w+ed\s+(?:by|to|for|in|from|as|with)\b")


# A plural subject and a plural class with no article: 'Learning disabilities are cognitive disorders that ...'.
_PLURAL_COPULA = re.compile(
    r"^(?:The\s+)?(?P<term>[A-Za-z][\w-]*(?:\s+[A-Za-z][\w-]*){0,2}(?<![su'’])s)\s+are\s+"
    r"(?P<def>(?!(?:the|a|an|not|also|often|usually|more|less|most|very|so|too|all|both|some|many|few|only|each)\b)"
    r"[a-z][\w-]*\s+" + _PHRASE + r"{3,90})(?=[,.;:]|$)"
)


_CALLED = re.compile(
    # 'The ... is called X', and a class named by a bare plural: 'Substances that ... are called X'.
    r"^(?P<def>(?:(?:The|A|An)\s+|(?=[A-Z][a-z]+(?<![su])s\s+(?:that|which|who|with|of|in|from|[a-z]+ed)\s[^,;:]+\s+are\s))"
    r"[^,;:]{8,140}?)\s+(?:is|are)\s+(?:called|known as|termed|referred to as)\s+"
    r"(?:an?\s+|the\s+)?(?P<term>[A-Za-z][\w⁺⁻₀-₉-]*(?:\s+[A-Za-z][\w⁺⁻₀-₉-]*){0,3}?)(?:\s+\([^()]{1,40}\))?\s*(?:[.;]|,|$)"
)


_DEFINITION_RANK = {"": 0, "comma": 1, "gloss": 1, "copula": 2, "called": 3, "glossary": 4}


def _called_definition(text: str) -> str | None:
    """'The chemical reactants to which an enzyme binds' as a definition: lower-case article first."""
    words = text.split()
    if len(words) < 3 or len(words) > 22 or context_bound(words):
        return None
    if words[-1].lower() in {"what", "which"} or SECOND_PREDICATE.search(" and " + " ".join(words[1:])) or any(
            w.lower().endswith("s") and not w.lower().endswith(("ss", "us", "is")) and w.lower() not in STOP_WORDS
            and nxt.lower() in ARTICLES
            for w, nxt in pairwise(words[1:])):
        return None  # 'The chart shows the data in what [is called a curve]': a clause, not a noun phrase
    return words[0].lower() + (" " + " ".join(words[1:]) if len(words) > 1 else "")


_NAMING_VERB = re.compile(r"\b(?:called|known\s+as|termed|referred\s+to\s+as|named)\b")
_BE = re.compile(r"\b(?:is|are|was|were)\b")
_RELATIVE_WORD = re.compile(r"\b(?:that|which|who|whom|whose|where|when|whereby)\b")


def _own_predicate(definition: str) -> bool:
    """True when 'The ... is called X' matched past a clause of its own ('the hormone is called a first
    messenger and the cellular component'); a 'to be' inside a relative clause belongs to the noun phrase
    ('the process in which a cell is infected by a virus', 'rocks that are formed under heat')."""
    if _NAMING_VERB.search(definition):
        return True
    be = _BE.search(definition)
    if be is None:
        return False
    relative = _RELATIVE_WORD.search(definition)
    return relative is None or relative.start() > be.start()


_NOT_A_DEFINITION = re.compile(
    r"^(?:(?:an?|one|another|the)\s+)?(?:good\s+|classic\s+)?(?:example|case|instance)s?\b", re.I
)


def _define(add: object, text: str, definition: str, sentence: Sentence, source: str = "copula") -> None:
    if _NOT_A_DEFINITION.match(definition):
        return  # 'HIV is an example of a virus that ...' names an instance, it does not define HIV
    if place_in_a_list(text):
        return  # 'The second important factor is ...': which factor depends on the sentences before
    term = add(text, "defined", sentence)  # type: ignore[operator]
    if term is None or (term.definition and _DEFINITION_RANK[term.definition_source] >= _DEFINITION_RANK[source]):
        return
    term.definition = definition
    term.definition_sentence = sentence.index
    term.definition_source = source
    if term.category is None:
        term.category = head_noun(definition)


_ADJECTIVE_ENDINGS = ("est", "al", "ic", "ous", "ive", "ful", "able", "ible", "ary", "’s", "'s")


def head_noun(definition: str) -> str | None:
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
