"""Blanks more than one answer fits, or that are no noun phrase of the subject.

A blank is a question only when the rest of the sentence points at one answer. It does not when the
blank is one of a pair or a list of examples ('such as the pancreas and [...]', 'a speech or [...]'), a
general setting ('In a [...] with flexible wages'), who wrote a study ('[...] et al.'), or the answer
shows in the sentence in another form ('the infected macrophage ... other [...]', 'react with [...]
to form fluorides'). Nor is a verb phrase
a term ('do not [conduct electricity]', 'As the [ossicles move]').
"""

from __future__ import annotations

import re
from collections.abc import Collection
from functools import lru_cache

from quizmg.generate.before_blank import adverb_before, after_comma, word_before_adverbs
from quizmg.generate.built_on import WORD as _WORD
from quizmg.generate.built_on import built_on_answer
from quizmg.generate.details import MONTHS, YEAR
from quizmg.generate.give_aways import (
    every_word_shown,
    initials_shown,
    named_for_shown_species,
    renamed_with_its_word,
    species_named_for,
)
from quizmg.generate.main_verb import swallows_main_verb
from quizmg.generate.partners import partner_shown
from quizmg.generate.terms import TermIndex
from quizmg.generate.word_forms import same_family
from quizmg.generate.words import MODALS, NEGATIONS, VERB_WORDS, adverb_ly, search_end, word_set

# Who found it: 'Brondolo et al.', 'Lazarus and colleagues', 'Okafor (2004)'.
_CITATION_AFTER = re.compile(r"^\.?\s*(?:et\s+al\b|and\s+(?:colleagues|coworkers|co-workers)\b|\(?\d{4}\b)")
_ET_AL = re.compile(r"\bet\s+al\b", re.I)
# A genus cut to its initial just before the blank: 'E. ', 'Ps. ' (not 'U.S. ', whose 'S.' follows a stop).
_GENUS_INITIAL = re.compile(r"(?:^|[\s(])[A-Z][a-z]?\.\s+$")
# Words after which only a verb can follow: 'do not [...]', 'can [...]', 'economists who [...]'.
_BEFORE_VERB = (MODALS | NEGATIONS | word_set("cannot do does did who")) - word_set("no")
# Examples of a class: any member fits ('such as the pancreas and [...]', 'such as [...] and the thyroid').
_OPENER = r"(?:\bsuch\s+as|\binclud(?:e|es|ing)|\bnamely|\be\.g\.,?|\blike)"
_EXAMPLE_LAST = re.compile(rf"{_OPENER}\s+[^.;:()]{{1,80}}?\s(?:and|or)\s+$", re.I)
_EXAMPLE_FIRST_BEFORE = re.compile(rf"{_OPENER}\s+(?:the\s+|a\s+|an\s+)?$", re.I)
# One example of a class the sentence names: 'advocacy groups, such as [...]', 'Antiviral drugs like [...]'.
_ONE_EXAMPLE = re.compile(
    r"(?:\bsuch\s+as|\be\.g\.,?|\bincluding|\bfor\s+example,?|\b[a-z]{3,}s,?\s+like)\s+(?:the\s+|a\s+|an\s+)?$", re.I
)
# 'transmit [...] and other diseases', 'comparison of [...] and other statistics': the blank is one member of the
# class the sentence names right after it; any member fits.
# 'some [conscientious objectors] and others spoke out': one of a group the sentence does not name.
_AND_OTHER_AFTER = re.compile(r"^,?\s+(?:and|or)\s+(?:many\s+|several\s+|some\s+|various\s+)?others?\b", re.I)
# 'such as different groups of [...]', 'for example, strains of [...]': the blank is the example's own name.
_EXAMPLE_OF = re.compile(r"(?:\bsuch\s+as|\bfor\s+example,?)\s+(?:[\w’'-]+\s+){1,3}of\s+(?:the\s+)?$", re.I)
_PAIR_AFTER = re.compile(r"^,?\s+(?:and|or)\s+(?:the\s+)?[\w’'-]+(?:\s[\w’'-]+){0,2}\s*(?:[,.;:)]|$)")
# '[A], B, and C are ...', 'treated with [A], B, and C.': the first of three or more items.
_NOT_AN_ITEM = r"(?!(?:is|are|was|were|has|have|had|can|may|will|which|who|that|where|when|while|but|so|not)\b)"
_SERIES_AFTER_FIRST = re.compile(
    rf"^(?:,\s+{_NOT_AN_ITEM}[^,.;:()]{{1,40}}){{1,6}},\s+(?:and|or)\s+{_NOT_AN_ITEM}[^,.;:()]{{1,40}}?"
    r"(?=\s*[.;:)]|\s*$|\s+(?:are|is|were|was|have|has|can|may|in|as|at|for|from|to|with|by)\b)"
)
# 'A, [...] of wage cuts, C, and D': the blank opens an item whose own phrase runs to the list's next comma.
_ITEM_TAIL_IN_LIST = re.compile(r"^\s+(?:of|for|in|on)\s+[^,.;:()]{1,40},\s+[^,.;:()]{1,50}(?:,|\s(?:and|or)\s)")
# Alternatives: 'a speech or [...]'. 'either A or B' and 'whether A or B' name both sides of a choice.
_OR_BEFORE = re.compile(r"(?<![,])\s+or\s+(?:the\s+|a\s+|an\s+)?$")
_ANNOUNCED = re.compile(r"\b(?:either|whether|both|between)\b", re.I)
# '[productive efficiency] or allocative efficiency': the blank is the first of two alternatives.
_OR_AFTER = re.compile(r"^,?\s+or\s+(?:(?:the|a|an)\s+)?")
_ADJECTIVE_END = ("ive", "ic", "al", "ous", "ent", "ant", "able", "ible", "ful", "less", "ary", "ory")
_GRADED = word_set("high low strong weak large small fast slow")
# '... by unions or the [...] may be set ...': the 'or' joins two clauses, the blank opens the second.
_CLAUSE_AFTER = re.compile(r"^\s+(?:is|are|was|were|may|might|can|could|will|would|should|must|has|have|had|does|do)\b")
# 'two basic forms of coping: A and [...]': the sentence says how many, so the pair is the point.
_COUNTED = re.compile(r"\b(?:two|pair|couple|dual|twin)\b", re.I)
_AND_BEFORE = re.compile(r"\s+and\s+(?:the\s+)?$")
# After the blank (and its own 'of' phrase): 'and the ...', 'and a lower ...'.
_AND_AFTER = re.compile(
    r"^(?:\s+of\s+(?:(?:the|a|an)\s+)?[\w’'-]+)?\s+and\s+(?:(?:the|a|an)\s+)?(?:(?:higher|lower|greater|smaller|larger)\s+)?"
)
# What may end the second of a pair: punctuation, the end, or a word that opens the rest of the clause.
_PAIR_END = re.compile(
    r"^(?:\s*[,.;:)!?]|\s*$|\s+(?:is|are|was|were|have|has|may|can|will|could|both|in|of|on|at|to|from|by|for|"
    r"with|via|through|during|within|when)\b)"
)
# 'Together, these are known as the [...]': the thing named is described in another sentence.
_NAMES_WHAT_CAME_BEFORE = re.compile(
    r"^(?:[A-Za-z]+,\s+)?(?:these|those|this|they|such)\s+(?:are|is|was|were)\s+"
    r"(?:(?:collectively|together|also|often|commonly|sometimes)\s+)?(?:known\s+as|called|referred\s+to\s+as|termed)"
    r"\s+(?:the\s+|a\s+|an\s+)?$",
    re.I,
)
# A general setting opening the sentence: 'In a [...] with flexible wages, ...', 'From a [...], an instinct is ...'.
_SETTING = re.compile(r"^(?:In|For|From|Within|During|On|At|Under)\s+(?:a|an|any)\s+$")


def ambiguous_blank(
    hidden: str,
    context: str,
    start: int,
    end: int,
    verbs: Collection[str] = (),
    term_spans: Collection[tuple[int, int]] = (),
    terms: Collection[str] = (),
    only_verbs: Collection[str] = (),
) -> str | None:
    """Why more than one answer fits the blank, or why it is no noun phrase; None when it is fine.

    `verbs` are words the document uses as verbs ('to move', 'will yield'), `only_verbs` those it never
    uses after an article; `term_spans` where the context names the document's key terms, `terms` those
    terms (folded).
    """
    before, after = context[:start], context[end:]
    if _ET_AL.search(hidden) or _CITATION_AFTER.match(after):
        return f"hides a citation ({hidden!r}): who found it, not what was found"
    if _CUT_AT_STOP.match(after):
        return f"hides an abbreviation cut at its full stop ({hidden + '.'!r})"  # '[Salmonella spp]. is
    if _GENUS_INITIAL.search(before) and hidden[:1].islower():
        # 'E. [coli]': a species' second name after its genus's initial is half of one name.
        return f"hides the second half of a species name ({before.split()[-1] + ' ' + hidden!r})"
    problem = _verb_phrase(hidden, before, verbs, only_verbs)
    if problem:
        return problem
    if swallows_main_verb(hidden, before, after, verbs):
        return f"hides the sentence's verb ({hidden!r}): a clause, not a term"
    other = _other_form(hidden, before, after) or built_on_answer(hidden, before, after) \
        or _disease_name(hidden, before, after) or species_named_for(hidden, before, after) \
        or initials_shown(hidden, before, after) or named_for_shown_species(hidden, before, after) \
        or every_word_shown(hidden, before, after) or renamed_with_its_word(hidden, before)
    if other:
        return f"the answer shows in the sentence as {other!r}"
    partner = partner_shown(hidden, before, after)
    if partner:
        return f"its partner {partner!r} is in the sentence: the blank is the other half of a pair"
    if after_comma(before) and _ITEM_TAIL_IN_LIST.match(after):
        return f"hides part of one item of a list ({hidden!r}): the other items fit the blank as well"
    # The patterns anchored at the end are searched in the last words they can span (words.search_end).
    if _EXAMPLE_LAST.search(before) or (search_end(_EXAMPLE_FIRST_BEFORE, before, 3) and _pair_after(after)):
        return f"hides one of the examples ({hidden!r}): any member of the class fits"
    if search_end(_ONE_EXAMPLE, before, 3) or search_end(_EXAMPLE_OF, before, 7):
        return f"hides an example of a class ({hidden!r}): any other member fits as well"
    if _AND_OTHER_AFTER.match(after):
        return f"hides one member of the class named after it ({hidden!r}): any other member fits as well"
    if _SERIES_AFTER_FIRST.match(after):
        return f"hides the first item of a list ({hidden!r}): the other items fit the blank as well"
    sentence_before = _CLAUSE_STOP.split(before)[-1]
    if not _ANNOUNCED.search(sentence_before) and (
        (search_end(_OR_BEFORE, before, 2) and not _CLAUSE_AFTER.match(after)) or _alternative_after(after)
    ):
        return f"hides one of two alternatives ({hidden!r}): the other fits as well"
    adverb = adverb_before(before)
    first = hidden.split()[0].lower()
    if adverb and adverb_ly(adverb) and (first.endswith(_ADJECTIVE_END) or first in _GRADED):
        # 'In a perfectly [competitive market]': the adverb belongs to the blank's first word.
        return f"hides part of the phrase {adverb + ' ' + hidden!r}"
    if not _ANNOUNCED.search(sentence_before) and not _COUNTED.search(sentence_before) \
            and _paired_term(hidden, before, after, end, term_spans, terms):
        return f"hides one of a pair ({hidden!r}): the other one fits as well"
    if _NAMES_WHAT_CAME_BEFORE.search(before):
        return f"names what another sentence describes ({hidden!r}): 'these are known as [...]' asks nothing here"
    if _SETTING.match(before):
        return f"hides a general setting ({hidden!r}): any instance fits"
    return None


_CUT_AT_STOP = re.compile(r"\.\s+[a-z]")
_CLAUSE_STOP = re.compile(r"[.;]\s")


def _verb_phrase(
    hidden: str, before: str, verbs: Collection[str], only_verbs: Collection[str]
) -> str | None:
    words = hidden.lower().split()
    previous = word_before_adverbs(before)
    word = previous.group(1).lower().replace("’", "'") if previous else ""
    if previous and (word in _BEFORE_VERB or word.endswith("n't") or re.fullmatch(r"To\s+", before)):
        return f"hides a verb phrase ({hidden!r})"  # 'do not [...]', 'To [...], a substance must ...'
    if previous and previous.group(1).lower() in {"to", "that", "which"} and words[0] in only_verbs:
        # 'began to [salivate]', 'the factors that [affect demand]': the text never uses it as a noun
        return f"hides a verb phrase ({hidden!r})"
    if len(words) >= 2 and _plural(words[-2]) and _plain_verb(words[-1], verbs):
        return f"hides a clause ({hidden!r}): a subject and its verb"
    return None


def _plural(word: str) -> bool:
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _plain_verb(word: str, verbs: Collection[str]) -> bool:
    """A verb's plain form ('move'), known as a verb from the text or from the word lists."""
    return not word.endswith("s") and (word in verbs or (word in VERB_WORDS and not word.endswith("ed")))


def _other_form(hidden: str, before: str, after: str) -> str | None:
    """The answer's other number ('macrophage' for 'macrophages') elsewhere in the sentence."""
    words = hidden.split()
    if not words or len(words[-1]) < 4 or not words[-1].isalpha():
        return None
    last = words[-1]
    if last.endswith("ies"):
        forms = {last[:-3] + "y"}
    elif last.endswith("es"):
        forms = {last[:-1], last[:-2]}
    elif last.endswith("s") and not last.endswith("ss"):
        forms = {last[:-1]}
    else:
        forms = {last + "s", last + "es"} | ({last[:-1] + "ies"} if last.endswith("y") else set())
    forms = {form for form in forms if len(form) >= 3}
    rest = _WORD.findall(f"{before} | {after}".lower())  # '|' keeps the two sides apart
    head = [w.lower() for w in words[:-1]]
    size = len(words)
    for index, word in enumerate(rest):
        if word in forms and index + 1 >= size and rest[index + 1 - size : index] == head:
            return " ".join([*rest[index + 1 - size : index], word])
    return None


_DISEASE_ENDINGS = ("itis", "osis", "iasis", "emia", "aemia")


def _disease_name(hidden: str, before: str, after: str) -> str | None:
    """A disease named after its cause or its organ, beside the answer: '[Giardiasis] ... Giardia',
    'the [appendix] ... appendicitis', 'antimalarial drugs ... [malaria]'. The learner reads one off the
    other."""
    words = hidden.lower().split()
    if not words:
        return None
    answer = words[0] if len(words) == 1 else words[-1] if words[-1].endswith(_DISEASE_ENDINGS) else words[0]
    if len(answer) < 5 or not answer.isalpha():
        return None
    for word in _WORD.findall(f"{before} {after}".lower()):
        if len(word) < 5 or word == answer:
            continue
        # One side names a disease, the other its cause or organ; not two diseases ('pneumonia',
        # 'meningitis'), not two plain words ('balance', 'balances'): those are other rules' business.
        disease, cause = (answer, word) if answer.endswith(_DISEASE_ENDINGS) else (word, answer)
        if disease.endswith(_DISEASE_ENDINGS) and not cause.endswith(_DISEASE_ENDINGS) \
                and same_family(disease, cause):
            return word
        if word.startswith("anti") and same_family(answer, word):
            return word  # 'antimalarial' for 'malaria'
    return None


_OF_TAIL = re.compile(r"\s+of\s+(?:(?:the|a|an)\s+)?[\w’'-]+(?:\s[\w’'-]+)?")


def _paired_term(
    hidden: str,
    before: str,
    after: str,
    end: int,
    term_spans: Collection[tuple[int, int]],
    terms: Collection[str] = (),
) -> bool:
    """True when the blank and a key term are joined by 'and' alone, as two of a kind ('evoked by racial
    prejudice and [...]', '[...] and discrimination.'): the learner cannot tell which one is wanted."""
    joined_before = _AND_BEFORE.search(before)
    if joined_before:
        at = joined_before.start()
        for _, span_end in term_spans:
            # 'the equilibrium quantity of output and [...]': the term may carry its own 'of' phrase.
            if span_end == at or (span_end < at and _OF_TAIL.fullmatch(before[span_end:at])):
                return True
        # 'Consumer and [business confidence]': 'consumer confidence' is the first of the pair.
        shared = re.search(r"([A-Za-z][\w’'-]*)$", before[:at])
        tail = hidden.split()[1:]
        if shared and tail and " ".join([shared.group(1), *tail]).lower() in terms:
            return True
        # 'in labor and [financial capital markets]': 'labor markets' is the first of the pair.
        head = hidden.split()[-1].lower()
        if shared and tail and any(f"{shared.group(1).lower()} {form}" in terms for form in {head, _singular(head)}):
            return True
    joined_after = _AND_AFTER.match(after)
    if joined_after:
        at = end + joined_after.end()
        for span_start, span_end in term_spans:
            if span_start == at and _PAIR_END.match(after[span_end - end:]):
                return True
        # '[prejudicial attitudes] and discriminatory behaviors.': an adjective and a plural noun each.
        rest = after[joined_after.end():]
        for partner in re.finditer(r"(?<=[\w’'-])(?=[\s,.;:)!?]|$)", rest):
            words = rest[: partner.start()]
            if len(words.split()) > 3:
                break
            if _PAIR_END.match(rest[partner.start():]) and _same_shape(hidden, words):
                return True
    return False


def _singular(word: str) -> str:
    return word[:-1] if _plural(word) else word


def _same_shape(first: str, second: str) -> bool:
    """Two phrases of one build: as many words, each word in the same number ('prejudicial attitudes' and
    'discriminatory behaviors')."""
    a, b = first.lower().split(), second.lower().split()
    if len(a) != len(b) or len(a) < 2:
        return False
    return all(_plural(x) == _plural(y) and not x.isdigit() and not y.isdigit() for x, y in zip(a, b, strict=True))


def _pair_after(after: str) -> bool:
    """True when 'and' or 'or' and a short noun phrase follow the blank and end the pair: '[A] and B.',
    '[A] and B as volatile oxides'."""
    if _PAIR_AFTER.match(after):
        return True
    joined = re.match(r"^,?\s+(?:and|or)\s+(?:the\s+)?", after)
    if not joined:
        return False
    return _short_partner(after[joined.end():], also_before_as=True)


def _alternative_after(after: str) -> bool:
    """True when 'or' and a short noun phrase follow the blank and end the clause ('[...] or allocative
    efficiency.', '[...] or B are ...')."""
    joined = _OR_AFTER.match(after)
    if not joined:
        return False
    return _short_partner(after[joined.end():])


def _short_partner(rest: str, *, also_before_as: bool = False) -> bool:
    """True when `rest` opens with a noun phrase of at most three words that ends the clause (or, with
    `also_before_as`, comes before 'as')."""
    for partner in re.finditer(r"(?<=[\w’'-])(?=[\s,.;:)!?]|$)", rest):
        if len(rest[: partner.start()].split()) > 3:
            return False
        tail = rest[partner.start():]
        if _PAIR_END.match(tail) or (also_before_as and re.match(r"\s+as\b", tail)):
            return True
    return False


# A story pins a past event to a time: a year or decade ('in 1962', 'the 1950s'), a date ('March 4'), or
# a time counted from the story's own events ('Two winters later', 'years ago').
_WHEN = re.compile(
    rf"\b{YEAR}\b"
    rf"|\b(?:{MONTHS})\s+\d"
    r"|\b(?:later|ago)\b"
)
# A verb in the simple past: an -ed form before its object or at a clause's end ('bought an old cello',
# 'the cello split.'), a past auxiliary, or a common irregular past.
_PAST = re.compile(
    r"\b(?:was|were|had|did)\b"
    r"|(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeen )(?<!\bhas )(?<!\bhave )(?<!\bnot )"
    r"\b(?:[a-z]{3,}ed|took|bought|sold|ran|made|gave|went|came|saw|said|wrote|thought|knew|won|told|kept|"
    r"left|brought|built|held|met|paid|sent|spent|stood|taught|fell|grew|drew|began|became|led|found|split|broke)"
    r"(?=\s+(?:the|a|an|his|her|their|its|that|this|it|them|him|to|up|out|off)\b|\s*[,.;:]|$)"
)
# What researchers did is the history of the subject, not a story: 'Holmes and Rahe proposed that ...',
# 'Benson developed a method called ...'.
_RESEARCH = word_set(
    "developed proposed found discovered demonstrated showed shown argued suggested described identified "
    "published studied coined introduced defined theorized theorised postulated speculated observed noticed "
    "reported concluded investigated measured tested examined named classified isolated explained predicted "
    "hypothesized hypothesised established founded invented designed called termed"
)
# The reader as the subject of a sentence: 'You again save ten dollars by ...', 'Now, you might say ...'.
_READER = re.compile(r"^(?:(?:Now|So|Then|Again|Here|Instead|Still|Next),?\s+)?[Yy]ou\b")
_NAME = re.compile(r"(?<![\w’'-])[A-ZÀ-Ý][a-zà-ÿ]+(?:[A-Z][a-zà-ÿ]+)?\b")
# What a story may still ask: the terms the text marks, defines or abbreviates.
_KEY_KINDS = frozenset({"marked", "defined", "acronym", "emphasised"})


def story_blank(hidden: str, context: str, terms: TermIndex) -> str | None:
    """Why the blank is a detail of a story or of the reader's thought experiment, or None.

    A sentence that tells a particular past event (a verb in the past, pinned to a date or to a person
    the text names: 'In 1962, Okonkwo bought ...'; what researchers found or proposed is the subject's
    history, not a story) or whose subject is the reader ('You again save ten dollars by ...') states no
    fact of the subject: what it names (the varnish, the bus, the shop) is an
    anecdote's detail. Only a key term the text marks, defines or abbreviates is asked there.
    """
    term = terms.get(hidden)
    if term is not None and term.kinds & _KEY_KINDS:
        return None
    kind = _told(context, terms.people)
    if kind == "reader":
        return f"names a detail of a thought experiment addressed to the reader ({hidden!r})"
    if kind == "story":
        return f"names a detail of a story ({hidden!r}): a past event, not a fact of the subject"
    return None


@lru_cache(maxsize=4096)
def _told(context: str, people: frozenset[str]) -> str:
    """'reader', 'story' or '' for a sentence: each sentence is read once, however many blanks it has."""
    if _READER.search(context):
        return "reader"
    if not any(found.group(0) not in _RESEARCH for found in _PAST.finditer(context)):
        return ""
    if _WHEN.search(context) or any(found.group(0) in people for found in _NAME.finditer(context)):
        return "story"
    return ""
