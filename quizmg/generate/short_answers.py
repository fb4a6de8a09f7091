"""Short answers: 'What is the term for <definition>?' from the text's definitions and glossary, and
'What does NMDA stand for?' from its acronyms."""

from __future__ import annotations

import re

from quizmg.generate.acronyms import EXPAND
from quizmg.generate.candidate import Candidate, source_note, stable_id, upper
from quizmg.generate.definition_checks import (
    askable_definition,
    ranked_plural,
    ranking,
    ranking_prompt,
)
from quizmg.generate.definition_shapes import IRREGULAR_PARTICIPLES, defines_nothing, shaped_prompt
from quizmg.generate.document import Sentence
from quizmg.generate.formula_definitions import defining_text
from quizmg.generate.glossary_predicates import predicate_prompt
from quizmg.generate.glossary_statements import statement_prompt
from quizmg.generate.quality import has_phrase, normalised
from quizmg.generate.questions import Drafter
from quizmg.generate.sentence_use import term_value
from quizmg.generate.terms import Term, TermIndex, fold
from quizmg.generate.words import DETERMINERS, STOP_WORDS, VERB_WORDS, adverb_ly, base_form, is_plural_phrase, word_set
from quizmg.model import Short


def definition_questions(drafter: Drafter, sentences: list[Sentence]) -> list[Candidate]:
    """Short answers: 'What does the text describe as <definition>?' and 'What does NMDA stand for?'."""
    candidates = []
    sharing = _sharing_definitions(drafter.ranked_terms)
    for term in drafter.ranked_terms:
        # An aside between commas ('X, the Y,') is too often not a definition: never asked on its own.
        if term.definition and term.definition_source not in {"", "comma"}:
            sentence = sentences[term.definition_sentence] if term.definition_sentence is not None else None
            # '(also, second-order conditioning) using a stimulus ...': an aside before the definition
            # names the term's other name, and would give the answer away.
            bare = _bare_definition(term.definition)
            if len(sharing.get(normalised(bare), ())) > 1:
                continue  # another term of the text answers it as well
            # 'NA, the number of ...', 'the rate at which charge flows, I = Q/t': the words, not the symbols
            glossary = term.definition_source == "glossary"  # written to stand alone (definition_checks)
            if not bare or not askable_definition(term.text, bare, glossary=glossary) or defines_nothing(bare):
                continue
            # A glossary line may state a law or a state of affairs rather than name a thing.
            # ... or give only the term's predicate ('secretes hormones that ...': glossary_predicates).
            stated = (predicate_prompt(bare, term.text) or statement_prompt(bare, term.text)) if glossary else None
            prompt = stated or (ranking_prompt(bare, ranked_plural(bare)) if ranking(bare)
                                else term_prompt(bare, term.text))
            definition = with_article(bare)
            folded = fold(prompt)
            if has_phrase(term.key, folded):
                continue
            # 'What is the term for a genetic disorder ...?' is answered 'cystic fibrosis', not 'CF': an
            # acronym is accepted, and is no answer of its own.
            answer = term.expansion if term.expansion and "acronym" in term.kinds else term.text
            if answer != term.text and (has_phrase(fold(answer), folded)
                                        or not askable_definition(answer, bare, glossary=glossary)):
                continue
            accepted = sorted(set(accepted_forms(term, drafter.terms)) - {answer} | ({term.text} - {answer}))
            question = Short(
                id=stable_id("short", term.text, definition),
                prompt=prompt,
                answer=answer,
                accepted=accepted,
                explanation=f"{upper(answer)}: {definition}. "
                + (source_note(sentence) if sentence else "Source: the document's glossary."),
                section=sentence.section if sentence else None,
                tags=["generated"],
            )
            value = 2.2 + term_value(term, drafter.share(term))
            facts = {f"define:{term.group}"} | ({f"{sentence.index}:{term.key}"} if sentence else set())
            candidates.append(Candidate(question, value, frozenset(facts), answer, sentence))
        if term.expansion and "acronym" in term.kinds and " " not in term.text:
            sentence = sentences[term.first_sentence]
            question = Short(
                id=stable_id("short", term.expansion, f"{term.text} stands for"),
                # "What do NSAIDs stand for?": a plural acronym takes the plural verb.
                prompt=f"What {'do' if term.text[-1] == 's' else 'does'} {term.text} stand for?",
                answer=term.expansion,
                accepted=spellings(term.expansion),
                explanation=f"{term.text} is short for {term.expansion}. {source_note(sentence)}",
                section=sentence.section,
                tags=["generated"],
            )
            value = 1.6 + term_value(term, drafter.share(term))
            candidates.append(Candidate(question, value, frozenset({f"{EXPAND}{term.group}"}),
                                        term.expansion, sentence))
    return candidates


def _sharing_definitions(ranked: list[Term]) -> dict[str, list[Term]]:
    """The terms (of distinct groups, best first) whose definitions read the same once asked, by that reading.

    'purine: type of nitrogenous base in DNA and RNA; adenine and guanine are ...' and 'pyrimidine: type of
    nitrogenous base in DNA and RNA; cytosine, ...' are asked alike: either term answers, and neither is asked;
    nor are two names the glossary gives one line ('inputs', 'factors of production'), where a short answer
    would mark the other name wrong. On the ten books' top 20s this leaves out 'a middle ear ossicle' (incus),
    'one of the types of rays emitted from the nucleus' (gamma rays) and 'a quark flavor' (color)."""
    found: dict[str, list[Term]] = {}
    for term in ranked:
        if term.definition and term.definition_source not in {"", "comma"}:
            same = found.setdefault(normalised(_bare_definition(term.definition)), [])
            if all(other.group != term.group for other in same):
                same.append(term)
    return found


def _bare_definition(definition: str) -> str:
    """The words of a definition a question asks with: no aside before it, no symbols ('NA, the number of ...')."""
    return defining_text(re.sub(r"^\([^()]*\)\s*", "", definition).rstrip(".")) or ""


_HEAD_ENDS = word_set(
    "of in on at by for with that which who whose where from to into between within near under over "
    "during after before through across against among via without than as when while whereby wherein"
)
# Prepositions that close a plural head as well: 'points about which ...', 'cycles per second' take no 'a'.
_PLURAL_ENDS = word_set("about around along beyond behind beneath beside toward towards upon per throughout")
# Nouns in -s that name one thing: 'a lens that ...'.
_SINGULAR_IN_S = word_set("lens atlas bias chaos canvas")
_RELATIVES = word_set("that which who whose where")


_NOMINAL = ("tion", "sion", "ment", "ance", "ence", "ity", "ness", "growth", "binding", "ing")
_ARTICLES = word_set("the a an its their")
# Nouns in -ance/-ence/-ment that count things rather than name an action: 'a fatty substance', 'a
# difference in charge', 'a segment of DNA'.
_COUNTED = word_set("substance difference sequence distance instance sentence fence appliance province audience "
                    "experience conference preference reference segment fragment element instrument compartment "
                    "document statement ligament filament pigment supplement "
                    # ... and in -tion/-ity: 'a reaction that ...', 'a physical quantity with ...', 'a condition
                    # caused by ...'.
                    "condition situation quantity institution nation reaction solution equation variation "
                    "organization population community entity mutation")
_LATIN_PLURALS = word_set("bacteria data criteria phenomena media genera strata protozoa taxa")
_ORDINALS = word_set("first second third fourth fifth last final only sole main principal")


_WH_WORDS = word_set("how what why whether who whom which")
# Words that take no 'a' at the head of a definition: plurals without an -s and the indefinite pronouns
# ('people who share ...', 'someone who fled ...').
# Three or more phrases in a list with its 'and', and no verb or relative word before the 'and': the parts
# the term names, each its own noun phrase.
_LISTED = re.compile(r"^[a-z][\w-]*(?:\s[a-z][\w-]*){0,3},\s[a-z][\w-]*(?:\s[a-z][\w-]*){0,3},\s(?:and|or)\s[a-z]")
_NUMBERED = re.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+|[IVX]+)[,;:]?$")
_NO_ARTICLE_HEADS = word_set("people persons children men women someone somebody anyone anybody everyone everybody "
                             "something anything everything")
# Words that close a noun phrase as a preposition would: 'sounds below 20 Hz', 'factors such as ...',
# 'behaviors like ...', 'particles, analogous to ...'.
_PHRASE_CLOSERS = word_set("such like below above analogous including especially usually")
# A quantity defined as an operation on others ('mass times the square of ...', 'profit divided by ...')
# is a formula in words, not a thing to count.
_OPERATIONS = word_set("times plus minus divided multiplied")
_QUANTIFIERS = word_set("one two three any each all both many several most some few no every either other another")


_CONTEXT = re.compile(r"^(?P<context>(?:in|within|among|for|during|at|on|from) [^,]{3,40}),\s+(?P<rest>.{12,})$", re.I)
# A definition that is only where or how a thing is ('outside the body cavity', 'at an angle', 'without air'):
# the sense of a describing word, with no noun to put 'the term for' before.
_PLACE_ONLY = re.compile(r"^(?:at|to\s+the|outside|inside|within|without|toward|towards|away\s+from|near|beside|behind|"
                         r"beneath|between|beyond)\s+[^,;]{2,50}$", re.I)
# A definition of one or two words that opens on an article or is a plain noun ('skull', 'a throat') names
# a thing; 'short', 'three' and 'the largest' do not.
_NOUN_HEADED = re.compile(r"^(?:an?\s+\w+|the\s+(?!\w+est\b)\w+(?:\s+\w+)?)$", re.I)
_IT_IS = re.compile(r"^(?:it\s+is|they\s+are)\s+(?=(?:the|an?)\s)", re.I)
_THIS_ONE = re.compile(r"^(?:this|these)\s+(?P<noun>[a-z]+)\s+(?P<rest>(?:[a-z]+s|helps?\s+to\s+[a-z]+)\b.*)$")
_PREDICATE_VERBS = word_set("consist refer exhibit contain describe represent occur lie serve act measure "
                            "indicate include connect link carry allow form")
# Words that open a verb's object and never follow a plural noun at the head of a definition.
# ('laws some states passed', 'methods our ancestors used': 'some', 'many', a possessive may open a clause's subject.)
_OBJECT_OPENERS = word_set("multiple several various both")


def term_prompt(definition: str, term: str = "") -> str:
    """'What is the term for <definition>?', in an order that reads: a glossary's opening context goes
    last ('in the ear, tiny hairs that ...' -> '... tiny hairs that ..., in the ear?'), and a definition
    that is a predicate ('consists of the cochlea and ...') is asked 'What consists of ...?'; one that opens
    with no noun phrase is asked as definition_shapes says."""
    shaped = shaped_prompt(definition, term)
    if shaped:
        return shaped
    context = _CONTEXT.match(definition)
    if context:
        return _setting_last(context, term)
    if _PLACE_ONLY.match(definition):
        return f"Which word means “{definition}”?"  # 'at an angle', 'without oxygen': a describing word's sense
    words = definition.split()
    if term and " " not in term and len(words) <= 2 and not _NOUN_HEADED.match(definition):
        # a word part's or a Latin word's sense ('brevis: short', 'tri: three', 'maximus: the largest'):
        # 'What is the term for a short?' reads as nonsense
        return f"Which word means “{definition}”?"
    if words[0] == "to" and len(words) > 2 and words[1].lower() not in _ARTICLES:
        return f"Which verb means {definition}?"  # a verb's gloss: 'to use the U.S. dollar as a currency'
    if len(words) > 2 and _predicate_start(words[0], words[1]):
        return f"What {words[0][:1].lower()}{words[0][1:]} {' '.join(words[1:])}?"
    return f"What is the term for {with_article(definition)}?"


def _setting_last(context: re.Match[str], term: str) -> str:
    """A glossary line that opens on its setting ('in the ear, tiny hairs that ...'), asked with the setting last."""
    setting = f"{context.group('context')[:1].lower()}{context.group('context')[1:]}"
    rest = _IT_IS.sub("", context.group("rest"))  # 'for a heat pump, it is the ratio of ...'
    pointed = _THIS_ONE.match(rest)
    if pointed:  # 'during replication, this enzyme opens ...': 'What enzyme opens ..., during replication?'
        return f"What {pointed.group('noun')} {pointed.group('rest')}, {setting}?"
    # 'at the existing price, the quantity demanded exceeds ...': what follows the setting is a clause
    stated = statement_prompt(rest, term)
    if stated:
        return f"{stated.rstrip('?')}, {setting}?"
    return f"What is the term for {with_article(rest)}, {setting}?"


def _ing_modifier(definition: str) -> bool:
    """'magnifying lens used to ...', 'imaging technique in which ...', 'spinning sensation': a word in -ing
    before a bare singular noun that a participle, a relative clause or nothing follows describes that
    noun, which takes an article. A gerund's object goes on otherwise ('accessing information without
    cues', 'rewarding behavior only some of the time') or is plural or has its own article ('classifying
    students', 'adding a stimulus'): the definition is an action, with no article."""
    words = [word.lower().strip(",;") for word in definition.split()]
    if len(words) < 2 or words[0] in _NOMINAL_ING:
        return False
    noun = words[1]
    if noun in _ING_NOUNS:
        return True  # 'living being that ...'
    if not noun.isalpha() or noun in STOP_WORDS or noun.endswith(("ing", "ed", "ly")) or (
            is_plural_phrase(noun) and noun not in _SINGULAR_IN_S):
        return False
    if len(words) == 2:
        return True
    following = words[2]
    return following in _RELATIVES or (following.endswith("ed") and following not in STOP_WORDS) or (
        following in {"in", "by", "through", "with"} and len(words) > 3 and words[3] in {"which", "whom"})


# Nouns in -ing after the -ing word: 'living being that has ...', 'ruling king'.
_ING_NOUNS = word_set("being thing ring string wing spring ceiling king")
# Words in -ing that are nouns of their own ('learning that ...', 'spending that ...'): no modifier.
_NOMINAL_ING = word_set("learning spending building training meaning funding housing thinking clothing")
_NOUNS_IN_ING = _ING_NOUNS | _NOMINAL_ING  # none ends a definition's head as a participle would


def _predicate_start(first: str, second: str) -> bool:
    """'consists of', 'exhibits properties', 'carries the ...', 'compares multiple segments ...': a verb in -s
    opens the definition. What follows a plural noun is a relative word, a preposition or a participle
    ('defects that occur', 'spaces between ...'); a word that opens a noun phrase (an article, 'multiple',
    'their') follows a verb."""
    lower, following = first.lower(), second.lower()
    if not lower.endswith("s") or lower.endswith(("ss", "us", "is")) or len(lower) < 4:
        return False
    base = base_form(lower)
    known = base in _PREDICATE_VERBS or lower[:-1] in _PREDICATE_VERBS  # 'lies' -> 'lie'
    return following in _ARTICLES or following in _OBJECT_OPENERS or known or base in VERB_WORDS \
        or lower in VERB_WORDS


# A name's possessive opens a noun phrase as its determiner ('Kirchhoff’s first rule', a name of up to four
# words with the small words of a name: 'Woodrow Wilson’s postwar plan', 'Alexis de Tocqueville’s phrase'); a
# common noun's ('individual’s belief in ...') still takes an article.
_NAMED_OWNER = re.compile(r"(?:(?:[A-Z][\w.-]*|de|da|di|du|del|della|der|den|van|von|la|le)\s+){0,4}[A-Z][\w-]*"
                          r"(?:['’]s|s['’])(?:\s|$)")
_DATE = re.compile(r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
                   r"\s+\d{1,2}\b")


def with_article(definition: str) -> str:
    """'A protein that ...' reads 'a protein that ...' inside a question; a glossary's bare singular
    noun ('type of shock that ...') gets its article ('a type of shock that ...'); plurals, gerunds
    ('moving in ...') and quantities stay as they are."""
    first, _, rest = definition.partition(" ")
    if first in {"A", "An", "The"}:
        return f"{first.lower()} {rest}"
    lower = first.lower()
    if len(rest.split()) > 1 and _predicate_start(first, rest.split()[0]):
        return definition  # 'occurs because water molecules ...': a predicate takes no article
    if _NAMED_OWNER.match(definition):
        return definition  # "Bernoulli's equation applied ...": no 'a', and the name keeps its capital
    if first[1:].islower() and _DATE.match(definition):
        return definition  # 'October 29, 1929, when ...': a date, not a kind of thing
    if lower in DETERMINERS or lower in _QUANTIFIERS or (
            lower.endswith("ing") and lower not in _ING_NOUNS and not _ing_modifier(definition)) \
            or not first[:1].isalpha() \
            or first[1:2].isupper() or lower in _WH_WORDS:
        return definition  # 'DNA polymerase ...': how an acronym sounds is a guess; 'how fast ...' is a clause
    head = ""
    words = definition.split()
    if len(words) > 2 and words[1].lower() in _OPERATIONS:
        return definition
    ended = len(words)  # where the head's noun phrase ends
    for index, word in enumerate(words):
        bare = word.lower().strip(",;:()")
        following = words[index + 1].lower() if index + 1 < len(words) else ""
        # 'activated by ...' ends the noun phrase; 'elevated blood levels' does not; 'designed
        # specifically to ...' ends it as well.
        closes = bare in _HEAD_ENDS or (bare in _PLURAL_ENDS and is_plural_phrase(head))
        # 'sounds heard via ...': a participle not made with -ed ends it the same way.
        if closes or (((bare.endswith(("ed", "ing")) and bare not in _NOUNS_IN_ING)
                       or bare in IRREGULAR_PARTICIPLES)
                      and head and (
                following in _HEAD_ENDS or adverb_ly(following))) or (bare in _PHRASE_CLOSERS and head):
            ended = index
            break
        if bare.endswith("ly") and len(bare) > 4 and not head:
            continue  # 'abnormally increased blood levels': the adverb describes the participle after it
        if ((bare.endswith("ing") and bare not in _NOUNS_IN_ING) or bare in VERB_WORDS or bare == "not") \
                and head:
            ended = index
            break  # 'graph summarizing conditions', 'proteins found in', 'substances not produced': a clause starts
        head = bare
        if word.endswith((",", ";")) and is_plural_phrase(bare):
            break  # 'materials, such as ...', 'interviews, focus groups, ...': a plural before a comma heads it
    if _LISTED.match(definition):
        return definition  # 'physiological arousal, psychological appraisal, and subjective experience': a list
    if head in _NO_ARTICLE_HEADS or (len(words) > 1 and _NUMBERED.match(words[1]) and words[2:3] in ([], ["of"])):
        return definition  # 'stage three of the syndrome', 'phase 2 of ...': a numbered member is named, no 'a'
    if head.endswith(_NOMINAL) and len(head) > 5 and head not in _COUNTED | _ING_NOUNS:
        # 'growth of a clone', 'binding of antigen': an action named as a noun takes 'the' before its
        # 'of', and nothing otherwise ('selection against ...', 'constriction or dilation in ...').
        # A definition that opens with such a noun and its 'to' ('ability to ...') takes 'the' as well.
        of_follows = re.search(rf"\b{re.escape(head)}\s+of\b", definition.lower()) or (
            lower == head and re.match(rf"{re.escape(head)}\s+to\b", definition.lower()))
        return f"the {definition[:1].lower()}{definition[1:]}" if of_follows else definition
    # 'physical characteristics that are ...', 'ganglia that are ...': the head's own verb says it is plural, whatever
    # its ending ('-ics' is mostly a singular's: 'genetics', 'physics').
    plural = (is_plural_phrase(head) and head not in _SINGULAR_IN_S) \
        or _PLURAL_AGREES.match(" ".join(words[ended:ended + 2]).lower()) is not None
    if not head or plural or head in _LATIN_PLURALS or head.endswith("ae") or (head.endswith("i") and len(head) > 4):
        return definition  # 'bacteria in the gut', 'fungi that ...': plurals take no 'a'
    if lower in _ORDINALS or (lower.endswith("est") and len(lower) > 5):
        return f"the {definition[:1].lower()}{definition[1:]}"  # 'the first of the three bones'

    if re.match(r"[A-Z]-", first):
        # A letter's shape or name keeps its capital and is said as the letter: 'a U-shaped ...', 'an X-ray ...'.
        return f"{'an' if first[0] in _VOWEL_LETTERS else 'a'} {definition}"
    article = "an" if re.match(r"[aeiou]", lower) and not lower.startswith(("uni", "use", "usu", "eu", "one")) \
        else "a"
    if len(words) > 1 and words[1][:1].isupper() and first[1:].islower():
        return f"{article} {definition}"  # 'a North Atlantic alliance ...': a name of two words keeps its capitals
    return f"{article} {definition[:1].lower()}{definition[1:]}"


_PLURAL_AGREES = re.compile(r"(?:that|which|who)\s+(?:are|were|have|do)\b")
_VOWEL_LETTERS = frozenset("AEFHILMNORSX")  # letters whose names open on a vowel sound: 'an F', 'an S'


def accepted_forms(term: Term, terms: TermIndex) -> list[str]:
    """Other answers a learner may type: the term's other names of its own shape (one word for one word, a
    phrase for a phrase: 'tight monetary policy' for 'contractionary monetary policy'), its expansion, its
    lower case."""
    forms: list[str] = []
    for other in terms.terms.values():
        if other.group == term.group and other.key != term.key and (" " in other.text) == (" " in term.text):
            forms.append(other.text)
    if term.expansion:
        forms.append(term.expansion)
    lower = term.text.lower()
    if lower != term.text and not term.text.isupper():
        forms.append(lower)
    return sorted(set(forms) - {term.text})


def spellings(expansion: str) -> list[str]:
    spaced = expansion.replace("-", " ")
    return [spaced] if spaced != expansion else []
