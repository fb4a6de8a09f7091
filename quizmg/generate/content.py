"""Sentences that are not content, and names that are no answer.

A textbook's prose also points at other places ('as the next chapter will discuss', a web address,
'Reaction 1', 'the following mechanism:'), and tells worked examples about invented people and firms
('Start with a hypothetical bank called ...', 'Dana keeps her savings ...'). None of it is a fact of the
subject: such sentences are never mined. A person's surname ('Pavlov' in 'Ivan Pavlov (1849–1936)
noticed ...') is who said it, not what was said: it is never an answer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from quizmg.generate.words import STOP_WORDS

_REFERENCE = re.compile(
    # Another part of the book: 'the next chapter will discuss', 'will be explained in ...'.
    r"\b(?:will|shall)\s+(?:be\s+)?(?:discuss|explain|examine|explore|cover|address|introduce|describe|analy[sz]e|"
    r"take up|return to|look at|consider)(?:e?[ds])?\b"
    r"|\b(?:discussed|explained|described|covered|examined|introduced|treated)\s+(?:in\s+(?:more\s+|greater\s+)?"
    r"detail\s+)?(?:later|earlier|elsewhere|below|above|in\s+(?:the|a|an|another)\s+(?:later|earlier|next|previous|"
    r"following|other|separate)\b)"
    r"|\bchapters?\b"
    r"|\b(?:this|that|the\s+(?:next|previous|following|preceding|last|first)|a\s+later|an\s+earlier|another)\s+"
    r"(?:section|module|unit|feature|appendix|lesson)\b"
    # A web address or link markup left in the prose.
    r"|https?://|\bwww\.|\]\[\d*\]|\]\(|\[link\]"
    # A numbered thing the reader cannot see here: 'Reaction 1', 'Equation 3', 'Example 2'.
    r"|\b(?:[Rr]eaction|[Ee]quation|[Ff]igure|[Ff]ig\.|[Tt]able|[Ee]xample|[Ss]ection|[Aa]ppendix|[Ee]xercise|"
    r"[Pp]roblem|[Bb]ox|[Ss]tep|[Pp]anel|[Ss]cheme)\s+\(?\d"
    r"|\b[Pp]oints?\s+[A-Z](?:[₀-₉0-9]|\b)"  # 'moves from point E₀ to E₁': a point of a graph not shown
    # What comes next on the page: 'the following mechanism:', 'as follows', 'shown below'.
    r"|\b[Tt]he\s+following\b(?!\s+(?:year|years|day|days|week|weeks|month|months|decade|decades|century|generation|"
    r"morning|night|season))"
    r"|\bas\s+follows\b|\b(?:shown|given|listed|illustrated|outlined|summari[sz]ed)\s+(?:below|above)\b",
)
# Invented for a worked example: 'a hypothetical bank called Birchwood Savings'.
_INVENTED = re.compile(
    r"\b(?:hypothetical|imaginary|fictional|fictitious|made-up|invented)\s+(?:[a-z-]+\s+){0,2}(?:called|named)\s+"
    r"((?:[A-Z][\w’'-]*)(?:\s+[A-Z][\w’'-]*)*)"
)
_INVENTED_WORDS = ("hypothetical", "imaginary", "fictional", "fictitious", "made-up", "invented")
# A worked example opens by naming its character: 'Consider Dana, a nurse who ...', 'Imagine Ravi ...'.
_CHARACTER = re.compile(r"^(?:Consider|Imagine|Suppose|Meet|Picture|Take)\s+([A-Z][a-z]+)\b(?![\s\d]*[A-Z0-9])")
_CAPITALISED = re.compile(r"(?<![\w’'-])[A-Z][a-z][\w’'-]*(?:\s+[A-Z][a-z][\w’'-]*)*")
_THIRD_PERSON = re.compile(r"\b(?:he|she|his|her|him|hers|himself|herself)\b", re.I)
_SURNAME = r"[A-ZÀ-Ý][a-zà-ÿ]+(?:[A-Z][a-zà-ÿ]+)?"  # 'Pavlov', 'LeDoux', 'Héroult'
_FULL_NAME = re.compile(rf"\b([A-ZÀ-Ý][a-zà-ÿ]+|[A-Z]\.)\s+(?:[A-Z]\.\s+)*({_SURNAME})\b")
# ... and with a middle name ('George Ellery Hale'), read as well: 'Mount Wilson Observatory' still gives 'Wilson'. A
# title's small word in the middle ('Winning Your Wings', 'Wealth Against Commonwealth') makes no middle name.
_MIDDLE_NAMED = re.compile(rf"\b([A-ZÀ-Ý][a-zà-ÿ]+)\s+(?P<middle>[A-ZÀ-Ý][a-zà-ÿ]+)\s+({_SURNAME})\b")
_CITATION = re.compile(r"\([^()]*\b\d{4}[a-z]?\b[^()]*\)")  # '(Okafor & Lind, 2004)', '(Reyes 1998; ...)'
_CITED = re.compile(rf"(?<![\w-])({_SURNAME})(?=\s*(?:,|&|and\b|et al\b|\d{{4}}|\)|;))")
_OPENING_VERBS = frozenset({"Consider", "Imagine", "Suppose", "Meet", "Picture", "Take", "Let", "Assume", "Recall"})
# A full name with its office or trade after a comma: 'William McAdoo, the Secretary of the Treasury', 'Rachel
# Carson, an American biologist', 'Ada Lind, a local historian'.
_TITLED = re.compile(
    rf"\b(?:[A-ZÀ-Ý][a-zà-ÿ]+|[A-Z]\.)\s+(?:[A-Z]\.\s+)*({_SURNAME}),\s+(?:the|a|an)\s+(?:[\w-]+\s+){{0,3}}?"
    r"(?i:secretary|president|senator|governor|justice|judge|chief|leader|founder|author|writer|inventor|king|queen|"
    r"emperor|minister|chairman|director|commander|general|admiral|ambassador|mayor|professor|[a-z]{3,}ist|"
    r"[a-z]{3,}ian)\b"
)
_DATED = re.compile(r"\b([A-Z][a-z]+)\s*\(\s*(?:\d{4}|\d{4}\s*[–-]\s*\d{4})\s*\)")
# A firm named for its owner in a worked example: 'Dana’s Garden Supply', 'Ravi’s Car Wash'.
_OWNED_FIRM = re.compile(
    r"\b[A-Z][a-z]+[’']s(?:\s+[A-Z][a-z]+)*\s+(?:Supply|Supplies|Dealership|Company|Corporation|Store|Shop|Farm|"
    r"Factory|Bakery|Motors|Industries|Enterprises|Services|Restaurant|Caf[eé]|Diner|Market|Wash|Garage|Pizza)\b"
)


# A label on a graph the reader cannot see: a curve's or a point's letters with a small number ('shifts
# from D₀ to D₁', 'declined ... to Q₂'). A number 0 marks a starting position and is never a count of
# atoms; a 1 or 2 is a label only in a sentence about a graph (a curve, a shift, a point, an equilibrium),
# so 'O₂', 'CO₂', 'T₄' and 'CD4' stay the names they are.
_LABEL = r"(?<![\w-])[A-Z]{1,4}(?:[₀-₂]|[0-2])(?![\w-])"
_START_LABEL = re.compile(r"(?<![\w-])[A-Z]{1,4}(?:₀|0)(?![\w-])")
_GRAPH_LABEL = re.compile(rf"\b(?:to|from|at|and|point|curve)\s+(?:the\s+)?({_LABEL})")
_GRAPH_WORDS = re.compile(r"\b(?:curves?|shift(?:s|ed|ing)?|points?|equilibrium|axis|graph|intersect\w*|diagram)\b",
                          re.I)


# An instruction to the reader after an opening phrase: 'In addition, make the standard assumption ...',
# 'Now consider a market ...'. A thought experiment's set-up, not a fact.
_INSTRUCTION = re.compile(
    r"^(?:(?:In addition|Also|Next|Now|Then|First|Second|Finally|Again|Here|Instead|For example|Similarly),?\s+)"
    r"(?:make|consider|assume|imagine|suppose|let|note|look|think|recall|take|picture|compare)\b"
)


# Lettered areas of a figure: 'the area H', 'a deadweight loss of J + K', 'consumer surplus is T + V'.
_AREAS = re.compile(r"\b[Aa]reas?\s+[A-Z](?![\w’'-])|(?<![\w’'-])[A-Z]\s*\+\s*[A-Z](?![\w’'-])")


def not_content(text: str) -> str | None:
    """Why a sentence is no fact of the subject (a cross-reference, a link, an unseen item), or None."""
    # Asked of every sentence of the text: each pattern is searched only where the text holds what it needs.
    found = _REFERENCE.search(text) if _may_refer(text) else None
    if found:
        return f"points elsewhere ({found.group(0).strip()!r})"
    if _INSTRUCTION.match(text):
        return "tells the reader to do something"
    label = _START_LABEL.search(text) if "0" in text or "₀" in text else None
    if label is None and _LABEL_SHAPE.search(text) and _GRAPH_WORDS.search(text):
        label = next((found for found in _GRAPH_LABEL.finditer(text) if not _formula(found.group(1))), None)
    if label:
        return f"reads a graph not shown ({label.group(0).strip()!r})"
    area = _AREAS.search(text) if "rea" in text or "+" in text else None
    if area:
        return f"names lettered areas of a figure not shown ({area.group(0)!r})"
    return None


# A word each branch of _REFERENCE needs (a numbered thing needs a digit): a sentence with none points nowhere.
_REFERENCE_WORDS = ("will", "shall", "discussed", "explained", "described", "covered", "examined", "introduced",
                    "treated", "chapter", "section", "module", "unit", "feature", "appendix", "lesson", "http", "www.",
                    "][", "](", "[link]", "oint", "follow", "below", "above")
_DIGIT = re.compile(r"\d")
_LABEL_SHAPE = re.compile(r"[A-Z][0-2₀-₂]")  # what every _GRAPH_LABEL match holds: without it, no graph words needed


def _may_refer(text: str) -> bool:
    return any(word in text for word in _REFERENCE_WORDS) or _DIGIT.search(text) is not None


_ONE_LETTER_ELEMENTS = frozenset("HBCNOFPSKVYIWU")


def _formula(label: str) -> bool:
    """True when a label's capitals all read as one-letter element symbols: 'H₂', 'CO₂', 'NO₂'."""
    return all(ch in _ONE_LETTER_ELEMENTS for ch in label if ch.isupper())


def story_names(sentences: Iterable[str], keep: set[str], history: bool = False) -> set[str]:
    """The invented people and firms of the text's worked examples.

    A firm a sentence calls hypothetical, a firm named for its owner ('Dana’s Garden Supply'), and a person
    the text knows by one name only, never with a first name, an initial or a year, and refers to as he or
    she ('Dana ... her savings'), are characters of an example. So is a name most mentions of which are in a
    sentence about a character, or first named beside a person of the story. `keep` holds the text's own key
    terms (folded): never characters. In a text that tells a history (`history`), a person known by one name is a
    real one ('Jefferson chose ...'): only a name the text calls invented, or one an example opens on, is a character.
    """
    texts = list(sentences)
    full_names = _full_names(tuple(texts))
    names: set[str] = set()
    people: set[str] = set()
    for text in texts:
        if any(word in text for word in _INVENTED_WORDS):
            names.update(found.group(1) for found in _INVENTED.finditer(text))
        if "’s" in text or "'s" in text:
            names.update(found.group(0) for found in _OWNED_FIRM.finditer(text))
        people.update(found.group(1) for found in _CHARACTER.finditer(text))
        if history or not _THIRD_PERSON.search(text):
            continue
        for found in _CAPITALISED.finditer(_CITATION.sub(lambda m: " " * len(m.group(0)), text)):
            name = found.group(0)
            if " " in name or name.endswith(("’s", "'s")) or name.lower() in keep or name in full_names:
                continue
            if found.start() > 0 or (re.match(r"[A-Z][a-z]+\s+[a-z]+s\b", text) and _proper_elsewhere(name, texts)):
                people.add(name)  # mid-sentence, or opening 'Dana keeps her ...' and capitalised elsewhere too
    # A person of a worked example comes back; a place or a test named once beside 'she' does not.
    mentions = _Mentions(texts)
    people = {name for name in people if len(mentions.of(name)) >= 2}
    names = {name for name in names | people if name.lower() not in keep}
    while names:
        story = _texts_naming(names, mentions)
        # What a character of the story deals with ('Dana pays Birch Street Garage'), named there first.
        dealt = _texts_naming(people, mentions)
        more = {
            found.group(0) for text in story for found in _CAPITALISED.finditer(text)
            if found.start() > 0 and found.group(0).lower() not in keep | STOP_WORDS and found.group(0) not in names
            and (_mostly_in(found.group(0), story, mentions) or _introduced_in(found.group(0), dealt, mentions))
        }
        if not more:
            break
        names |= more
    return names


class _Mentions:
    """Which sentences name a word, each word looked up once (a long text asks about many words)."""

    def __init__(self, texts: list[str]) -> None:
        self.texts = texts
        self._found: dict[str, list[str]] = {}

    def of(self, name: str) -> list[str]:
        """The sentences naming `name` as a whole word, in order."""
        found = self._found.get(name)
        if found is None:
            whole = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
            found = self._found[name] = [text for text in self.texts if name in text and whole.search(text)]
        return found


def _texts_naming(names: set[str], mentions: _Mentions) -> set[str]:
    return {text for name in names for text in mentions.of(name)}


def _introduced_in(name: str, story: set[str], mentions: _Mentions) -> bool:
    """True when the first sentence naming `name` is one of the story's."""
    first = mentions.of(name)
    return bool(first) and first[0] in story


def _mostly_in(name: str, story: set[str], mentions: _Mentions) -> bool:
    """True when more than half the sentences naming `name` are sentences of the story."""
    naming = mentions.of(name)
    return 2 * sum(text in story for text in naming) > len(naming)


def _full_names(texts: tuple[str, ...]) -> frozenset[str]:
    """The words the text gives as part of a real person's full name, or with a year."""
    return _surnames(texts) | _given_names(texts)


def _proper_elsewhere(name: str, texts: list[str]) -> bool:
    """True when the word is capitalised mid-sentence somewhere: a name, not a sentence's first word."""
    pattern = re.compile(rf"(?<=[a-z,;] ){re.escape(name)}\b")
    return any(name in text and pattern.search(text) for text in texts)  # a substring check first


def surnames(sentences: Iterable[str]) -> set[str]:
    """Single words the text uses as real people's surnames: 'Pavlov' of 'Ivan Pavlov', 'Skinner (1938)'.

    A name is always capitalised: a word the text also writes in lower case ('Federal Reserve' and 'on
    reserve') is no surname, nor is one after a word the text also writes in lower case ('The Great').
    """
    texts = tuple(sentences)
    return set(_surnames(texts))


def _alone(last: str, texts: tuple[str, ...]) -> bool:
    """True when the text also names the person by the surname alone ('Pavlov noticed'), as it does people;
    'the Long Drought' is never 'the Drought'."""
    whole = re.compile(rf"\b{re.escape(last)}\b")
    for text in texts:
        if last not in text:
            continue  # a substring check first: most sentences never name the person
        for match in whole.finditer(text):
            before = re.search(r"(\S+)\s+$", text[: match.start()])
            if before is None or not before.group(1)[:1].isupper() or before.group(1).lower() in STOP_WORDS:
                return True
    return False


@lru_cache(maxsize=8)
def _given_names(texts: tuple[str, ...]) -> frozenset[str]:
    """The first names of the full names `_surnames` finds ('Ivan' of 'Ivan Pavlov')."""
    people = _surnames(texts)
    return frozenset(
        match.group(1) for text in texts for match in _FULL_NAME.finditer(text)
        if match.group(2) in people and not match.group(1).endswith(".")
    )


@lru_cache(maxsize=8)
def _surnames(texts: tuple[str, ...]) -> frozenset[str]:
    lower = {word for text in texts for word in re.findall(r"\b[a-z][a-z]+\b", text)}
    found: set[str] = set()
    for text in texts:
        for match in (*_FULL_NAME.finditer(text), *_MIDDLE_NAMED.finditer(text)):
            first, last = match.group(1), match.group(match.lastindex or 2)
            middle = match.groupdict().get("middle") or ""
            opening = match.start() == 0 and first in _OPENING_VERBS  # 'Consider Dana, ...'
            if last.lower() not in lower and not opening and (first.endswith(".") or first.lower() not in lower) \
                    and middle.lower() not in lower | STOP_WORDS and _alone(last, texts):
                found.add(last)
        if "(" in text:  # a year in brackets, or a citation
            found.update(name for name in _DATED.findall(text) if name.lower() not in lower)
        found.update(name for name in _TITLED.findall(text) if name.lower() not in lower)
        if "(" in text:
            for citation in _CITATION.findall(text):
                found.update(name for name in _CITED.findall(citation) if name.lower() not in lower)
    return frozenset(found)
