"""Details a teacher does not ask: when, where, with whom and by whom a study or a case was done.

A sentence that reports a study ('A World Bank study done in the late 1990s, looking at government
budgets, found ...', 'research with nonhuman primates has shown that ...', 'In one study, monkeys
watched ...') teaches its finding, not its setting. The words before the reporting verb name the study;
a blank there asks who studied what, where or when. The beings a cited study was done on ('observed in
both humans and nonhuman primates (Olsson & Phelps, 2007)') are its subjects, not a fact of the topic.
A sentence that tells a case pinned to a time ('Since the 1970s, West Virginia and Mississippi have had
...', '... happened in the twentieth century.') is an example: the fact it illustrates is stated
elsewhere. So is one set in a named place ('In the Caribbean, the queen conch ...'), unless its blank is a
term the text marks.

A sentence that gives two figures or more (amounts of money, shares, large counts) reports a statistic or
works an example: a blank on one of its words asks a reader to recall the numbers' setting.

A date or a period ('the late 1990s', 'the twentieth century') is an answer only in a text that tells a
history, where dates mark the story the section is about: a quarter of its sentences or more carry one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from quizmg.generate.definition_checks import past_use_at
from quizmg.generate.frequency import zipf
from quizmg.generate.name_parts import proper_name
from quizmg.generate.terms import TermIndex
from quizmg.generate.word_origins import origin_blank

_ORDINALS = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|"
    r"fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first|\d{1,2}(?:st|nd|rd|th)"
)
# The months, and a year or a decade ('1962', 'the 1950s'): shared with blanks.story_blank.
MONTHS = r"January|February|March|April|May|June|July|August|September|October|November|December"
YEAR = r"(?:1[0-9]\d\d|20\d\d)(?:s|’s|'s)?"
# A point or stretch of time as a whole answer: '1998', 'the 1990s', 'late 1990s', 'the twentieth century',
# 'March 2010', 'the Middle Ages'.
_TIME_ANSWER = re.compile(
    rf"^(?:the\s+)?(?:(?:early|mid|middle|late)[\s-]+)?(?:{YEAR}"
    rf"|(?:{_ORDINALS})(?:\s|-)(?:century|centuries|millennium)"
    rf"|(?:{MONTHS})(?:\s+\d{{1,2}},?)?\s+{YEAR}"
    r"|(?:last|past|next)\s+(?:decade|century)|Middle\s+Ages)$",
    re.I,
)
_A_YEAR = re.compile(rf"\b{YEAR}\b")
HISTORY_SHARE = 0.25  # sentences carrying a year, from which a text tells a history

# What reports research: its subject names a study, or the researchers who did it.
_STUDY = (
    r"stud(?:y|ies)|surveys?|experiments?|research|researchers?|investigators?|scientists?|trials?|polls?|"
    r"analys[ie]s|meta-analys[ie]s|investigations?|reviews?|reports?|evidence|data"
)
_REPORTING = (
    r"found|finds?|showed|shows?|shown|suggests?|suggested|revealed|reveals?|reported|reports|demonstrated|"
    r"demonstrates?|indicated|indicates?|concluded|concludes?|confirmed|confirms?|observed|noted|estimated|"
    r"estimates?|documented|identified"
)
_REPORTED = re.compile(rf"\b(?:{_REPORTING})\b")
_STUDY_WORD = re.compile(rf"\b(?:{_STUDY})\b", re.I)
_RESEARCH_WORD = re.compile(r"\b(?:stud(?:y|ies)|surveys?|experiments?|research|researchers?|trials?)\b", re.I)
# 'In one study, ...', 'In a 2010 survey, ...', 'One experiment ...': the whole sentence tells the study.
_TOLD_STUDY = re.compile(
    rf"^(?:(?:In|For)\s+)?(?:one|a|an|another|this|that|their|his|her|the\s+same|a\s+later|a\s+classic|a\s+famous)"
    rf"\s+(?:[\w-]+\s+){{0,2}}?(?:{_STUDY})\b",
    re.I,
)
# The beings of an experiment as the subject of a verb in the past: 'The observer monkeys developed fears
# of ...', 'Participants were shown ...': the sentence tells what happened in the study.
_OBSERVED = re.compile(
    r"^(?:(?:The|These|Those|All|Most|Some|Half\s+of\s+the|Many)\s+)?(?:[\w-]+\s+)?"
    r"(?:primates|monkeys|apes|chimpanzees|rats|mice|pigeons|participants|subjects|volunteers|respondents|"
    r"observers)\s+(?:[a-z]+ly\s+)?(?:were|was|had|did|[a-z]{3,}ed|saw|took|made|gave|ran|learned|learnt)\b"
)
# Who was found out: '(Olsson & Phelps, 2007)', '(Charney et al.', 'Okafor (2004)'.
CITATION = re.compile(r"\(\s*[A-Z][\w’'-]+[^()]{0,80}?(?:\d{4}|et\s+al)|\bet\s+al\b|\b[A-Z][a-z]+\s+\(\d{4}\)")
# The beings a study observes.
_SUBJECTS = re.compile(
    r"\b(?:primates?|monkeys?|apes?|chimpanzees?|rats?|mice|pigeons?|dogs?|cats?|animals?|participants?|"
    r"subjects?|volunteers?|respondents?|students?|undergraduates?|children|adults?|infants?|people|"
    r"individuals?|men|women|twins|patients?|humans?|households?|firms?|countries|nations|cultures)$",
    re.I,
)
# A case pinned to a time at the head of its sentence: 'Since the 1970s, ...', 'In 2010, ...', 'By the
# late 1990s, ...', 'For example, in 2008 ...'.
_DATED_OPENING = re.compile(
    rf"^(?:(?:For example|For instance|By contrast|In contrast|However|Similarly),?\s+)?"
    rf"(?:in|since|by|during|until|from|after|before|around|as of)\s+(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?"
    rf"(?:{YEAR}|(?:{MONTHS})\b)",
    re.I,
)


# A figure a statistic or a worked example gives: an amount of money, a share, a large count.
_FIGURE = re.compile(
    r"[$£€¥]\s?\d|\b\d+(?:\.\d+)?\s?(?:%|percent\b|per\s?cent\b)|\b\d{1,3}(?:,\d{3})+\b"
    r"|\b\d+(?:\.\d+)?\s(?:thousand|million|billion|trillion)\b"
)
# ... or ended by one: 'Most of the gains happened in the twentieth century.'
_DATED_END = re.compile(
    rf"\b(?:in|during|by|since|until|before|after|around)\s+(?:the\s+)?(?:(?:early|mid|middle|late)[\s-]+)?"
    rf"(?:{YEAR}|(?:{_ORDINALS})[\s-]century)\s*[.!]?$",
    re.I,
)
# ... or a past event with a time anywhere in it: 'Alchemists, as early as the eighth century, knew ...'.
_TIME_ANYWHERE = re.compile(rf"\b(?:{YEAR}|(?:{_ORDINALS})[\s-]century)\b", re.I)
_SIMPLE_PAST = re.compile(r"\b(?:was|were|had|did|knew|began|became|found|made|took|[a-z]{3,}ed)\b")
# A case set in a named place: 'In the Caribbean, ...', 'In Norway, ...' (every word of the place capitalised).
_PLACE_OPENING = re.compile(r"^In\s+(?:the\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3},\s")
_KEY_KINDS = frozenset({"marked", "defined", "acronym", "emphasised"})
# How common a word of letters is in English ('DNA' 4.5, 'HIV' 4.2; 'LHC' 2.6, 'DCS' 2.9): at this or
# above, readers meet the acronym outside the text.
KNOWN_LETTERS_ZIPF = 4.0


def _key_term(text: str, terms: TermIndex) -> bool:
    term = terms.get(text)
    return term is not None and bool(term.kinds & _KEY_KINDS)


def _told_key_term(text: str, terms: TermIndex) -> bool:
    """A key term asked in an example: a capitalised word the text only sets in italics ('attend
    *Folkeskole*') is the case's own name (a foreign word, a title, a product), not a term it teaches."""
    term = terms.get(text)
    if term is None or not term.kinds & _KEY_KINDS:
        return False
    if not term.kinds & (_KEY_KINDS - {"acronym"}) and term.expansion and term.group not in terms.taught \
            and zipf(term.text) < KNOWN_LETTERS_ZIPF:
        # 'In the [LHC], particles are boosted ...' in a box on one laboratory: letters the case spells out
        # for itself, which the text never marks, defines or heads with, name its particular, not a term.
        # Letters every reader meets ('DNA', 'HIV') name a thing of the world, not of the case.
        return False
    return not (text[:1].isupper() and not term.kinds & (_KEY_KINDS - {"emphasised"}))


def _told_name(hidden: str, before: str, terms: TermIndex) -> bool:
    """True for a proper name the text does not mark, in an example or a story: the case's own place,
    school, project or test ('a town called [Centralia]', '[The Equity Project] is a charter school',
    letters of one: 'the [PISA]', for the Program for International Student Assessment). Saying what it
    is ('called', 'is a school') describes the case; only the text's marking makes it a term."""
    term = terms.get(hidden)
    if term is not None and "marked" in term.kinds:
        return False
    if term is not None and "acronym" in term.kinds and term.expansion:
        return proper_name(term.expansion, "")
    return proper_name(hidden, before)


def _in_told(context: str, start: int, terms: TermIndex) -> bool:
    """True when the blank at `start` lies in a sentence that tells an example or a story, whether the
    cloze shows it alone or after the sentence before it (context.py)."""
    if context in terms.told:
        return True
    ending = _by_ending(terms.told)
    return any(start >= len(context) - len(told) and context.endswith(told)
               for told in (*ending.get(context[-_TAIL:], ()), *ending.get("", ())))


_TAIL = 24  # characters: told sentences are looked up by how they end, not tried one by one


@lru_cache(maxsize=8)
def _by_ending(told: frozenset[str]) -> dict[str, tuple[str, ...]]:
    """The told sentences by their last characters (a frozenset keeps its hash: built once a text); the
    few shorter than that under ''."""
    found: dict[str, list[str]] = {}
    for text in told:
        found.setdefault(text[-_TAIL:] if len(text) >= _TAIL else "", []).append(text)
    return {tail: tuple(texts) for tail, texts in found.items()}


# The reader's own question, put in the text to lead on: 'You might be wondering if ...', 'You may ask
# why ...', 'Have you ever wondered how ...'. It asks; it states nothing to learn.
_READER_WONDERS = re.compile(
    r"^(?:(?:Perhaps|Maybe|Now|So|But),?\s+)?(?:you|we|one|many\s+people|some\s+people)\s+"
    r"(?:(?:might|may|could|would|will|must|probably|often|sometimes)\s+)*(?:be\s+|have\s+|ever\s+)*"
    r"(?:wonder(?:ing|ed)?|ask(?:ing|ed)?(?:\s+(?:yourself|ourselves|themselves))?|question(?:ing|ed)?|curious)"
    r"\s+(?:about\s+)?(?:if|whether|why|how|what|which|who|when)\b"
    r"|^Have\s+you\s+ever\s+(?:wondered|asked\s+yourself|thought\s+about)\b",
    re.I,
)


def reader_wonders(sentence: str) -> bool:
    """True when a sentence puts the reader's question ('You might be wondering if ...'): nothing is stated."""
    return bool(_READER_WONDERS.match(sentence.lstrip("“\"‘'(")))


# A bracket that cites a source by its year ('(Phillips, 1974)', '(APA, 2013; Smith et al., 2001)'): the year
# says when a study was published, not when something happened.
_CITED_YEAR = re.compile(r"\([^()]*\b\d{4}[a-z]?\b[^()]*\)")


def tells_history(sentences: Iterable[str]) -> bool:
    """True when the text tells a history: a quarter of its sentences or more carry a year, outside the
    brackets that cite a source ('(Phillips, 1974)')."""
    texts = list(sentences)
    if not texts:
        return False
    dated = sum(1 for text in texts if _A_YEAR.search(_CITED_YEAR.sub("", text)))
    return dated >= HISTORY_SHARE * len(texts)


def is_time(text: str) -> bool:
    """True when `text` is a point or stretch of time: a year, a decade, a century, a month of a year."""
    return bool(_TIME_ANSWER.match(text.strip()))


@dataclass(frozen=True)
class _Setting:
    """What a sentence itself says of how it is told, whichever blank it has (`detail_blank`)."""

    wonders: bool  # the reader's own question
    figures: bool  # two figures or more: a statistic or a worked example
    study: bool  # told as a study or an observation
    dated: bool  # told as a dated case (before the text's history is weighed)
    finding: int | None  # where a reported finding starts
    once: int | None  # where it starts telling what a thing was once used for
    place: bool  # a case set in one place
    reporting: int | None  # where its reporting verb stands
    research: bool  # it cites a source or names research


@lru_cache(maxsize=4096)
def _setting(context: str) -> _Setting:
    """The sentence's facts for `detail_blank`, read once a sentence: a sentence has several blanks."""
    reporting = _REPORTED.search(context)
    return _Setting(
        wonders=reader_wonders(context),
        figures=len(_FIGURE.findall(context)) >= 2,
        study=bool(_TOLD_STUDY.match(context) or _OBSERVED.match(context)),
        dated=bool(_DATED_OPENING.match(context) or _DATED_END.search(context)
                   or (_TIME_ANYWHERE.search(context) and _SIMPLE_PAST.search(context))),
        finding=_finding_starts(context),
        once=past_use_at(context),
        place=bool(_PLACE_OPENING.match(context)),
        reporting=reporting.start() if reporting else None,
        research=bool(CITATION.search(context) or _RESEARCH_WORD.search(context)),
    )


def detail_blank(hidden: str, context: str, start: int, end: int, terms: TermIndex) -> str | None:
    """Why the blank asks a detail of a study or a case (its setting, its date, its subjects), or None."""
    origin = origin_blank(hidden, context, start, end)
    if origin:
        return origin
    if is_time(hidden) and not terms.history:
        return f"asks a date ({hidden!r}) in a text that tells no history: when, not what"
    setting = _setting(context)
    if setting.wonders:
        return f"blanks the reader's own question ({hidden!r}): the sentence asks, it states nothing"
    if _in_told(context, start, terms) and (
        not _told_key_term(hidden, terms) or _told_name(hidden, context[:start], terms)
    ):
        # 'For example, start with the [three macroeconomic goals] ...', a box's 'In terms of your [broken
        # printer], ...': what an example names is its particular, only a key term is the concept
        return f"names a particular of an example or a story ({hidden!r}), not a term the text marks"
    before = context[:start]
    if setting.figures:
        # 'Global exports are about 23% of global [GDP], about $18 trillion', 'if the pound is worth $1.60,
        # ... at the new [exchange rate], and have $25,600': the numbers are the sentence's point
        return f"names a word of a statistic or a worked example ({hidden!r}): its figures are the point"
    dated = setting.dated and not terms.history
    if setting.study or dated:
        # Told as a study or a case: only its finding ('found that [...] ...') may be asked.
        reported = setting.finding
        kind = "a study" if setting.study else "a dated case"
        if reported is None or start < reported:
            return f"names a detail of {kind} ({hidden!r}): its setting, not its finding"
        named = terms.get(hidden)
        if hidden[:1].isupper() and not (named and named.kinds & {"marked", "defined"}):
            # '... found that suicides rose after a story ran on the front page of the [New York Times]':
            # a name in the finding is the case's own, not what the study teaches (a title in italics too)
            return f"names a detail of {kind} ({hidden!r}): a name of its case, not its finding"
    if setting.once is not None and start < setting.once:
        return f"names what the text says was once used so ({hidden!r}): a detail of history, not what it is"
    term = terms.get(hidden)
    if setting.place and not (term and term.kinds & _KEY_KINDS):
        return f"names a detail of a case set in one place ({hidden!r}), which the text does not mark as a term"
    if setting.reporting is not None and start < setting.reporting and _STUDY_WORD.search(before):
        # 'A World Bank study ... looking at [...] ..., found ...', 'research with [...] has shown ...'
        return f"names the setting of a study ({hidden!r}): who, where or what it looked at, not what it found"
    if setting.research and _SUBJECTS.search(hidden) and not terms.get(hidden):
        return f"names whom a study observed ({hidden!r}), not what it found"
    return None


def _finding_starts(context: str) -> int | None:
    """Where the finding of a reported study starts: after 'found that', 'showed that', or None."""
    found = re.search(rf"\b(?:{_REPORTING})\s+that\s+", context)
    return found.end() if found else None
