"""Multiple choice: wrong choices of the answer's own type from the document, and the questions built on them."""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

from quizmg.generate.candidate import Candidate, source_note, stable_id, upper
from quizmg.generate.claim_sides import named_after
from quizmg.generate.definition_checks import circular
from quizmg.generate.document import Sentence
from quizmg.generate.false_statements import said_together
from quizmg.generate.frequency import is_generic
from quizmg.generate.name_kinds import kind_by_name
from quizmg.generate.peers import Peers
from quizmg.generate.quality import has_phrase, synonyms
from quizmg.generate.terms import (
    Term,
    TermIndex,
    fold,
    rival_kinds,
    singular,
    substance_family,
)
from quizmg.generate.word_forms import same_family
from quizmg.generate.words import STOP_WORDS, VERB_WORDS, is_plural_phrase, word_set
from quizmg.model import Choice, MultipleChoice


class ChoiceDrafter:
    """The Drafter's multiple-choice part: distractors, multiple choice, and the term swap of a false statement."""

    terms: TermIndex
    peers: Peers
    _ranked: list[Term]
    _alternatives_cache: dict[str, list[Term]]
    _rivals: dict[tuple[str, bool], list[tuple[Term, str]]] | None

    def distractors(self, term: Term, avoid_text: str = "", count: int = 3) -> list[str]:
        """Other terms of the same type from the document, never the answer or a synonym of it."""
        avoid = fold(avoid_text)
        # Words the sentence already uses, apart from the answer's own.
        said = set(re.findall(r"[a-z][\w-]{3,}", avoid)) - set(fold(term.text).split()) - STOP_WORDS
        picked: list[str] = []
        picked_keys: set[str] = set()
        for other in self._alternatives(term):
            if len(picked) == count:
                break
            named = _singular_phrase(other.key)
            # The words themselves first: the search (a pattern of its own per choice) only when they are there.
            if avoid and named in avoid and re.search(rf"\b{re.escape(named)}(?:s|es)?\b", avoid):
                continue
            if " " in other.key and said & set(re.split(r"[\s-]+", other.key.rsplit(" ", 1)[0])):
                continue  # 'absorbs excess hydrogen or [hydrogen ions]': a choice the sentence half says
            if any(synonyms(other.text, chosen, self.terms) or _same_word(other.text, chosen) for chosen in picked) \
                    or self.peers.renamed.get(other.key, set()) & picked_keys:
                continue  # two names of one thing among the wrong choices: one rules the other out
            if _same_word(other.text, term.text) or (avoid and _same_word(other.text, avoid_text)):
                continue  # 'substitutes' beside 'substitute': one word in two forms
            if kind_by_name(other.text, term.text):
                continue  # 'antiretroviral drugs' beside 'antiviral drugs': a kind of the answer is right as well
            if _complement_of(other.text, term.text):
                continue  # 'nonvenomous snakes' holds every snake but the venomous: right whenever the answer is
            # 'Neurogenic shock' only ever opened a sentence: as a choice it is 'neurogenic shock'; a
            # name the text capitalises inside a sentence ('Graves disease') keeps its capital.
            first = other.text.split()[0]
            lower = _shape(other.text)[0] == "a" and first.lower() not in self.peers.capitalised \
                and not re.search(r"[^\W\d_][\w-]*[A-Z]", first)  # 'Epstein-Barr' is a name
            picked.append(other.text[:1].lower() + other.text[1:] if lower else other.text)
            picked_keys.add(other.key)
        return picked

    def _alternatives(self, term: Term) -> list[Term]:
        """Terms that could stand in for `term`, closest type first (cached: asked per sentence)."""
        if term.key in self._alternatives_cache:
            return self._alternatives_cache[term.key]
        shape = _shape(term.text)
        ranked = []
        plural = is_plural_phrase(term.text)
        evidence = self.peers.evidence_for(term)
        # Choices of one outline, so none stands out; the text's own list may mix one word and two
        # ('psoriasis, myasthenia gravis, and rheumatoid arthritis'): its items are plainly of a kind.
        # Nor of another number: 'granulomas' beside 'edema', 'antimetabolites' beside 'trimethoprim'.
        for other, outline in self._rivals_of(shape[0], plural):
            if other.group == term.group:
                continue
            tier = evidence(other)
            if tier is None:
                continue  # nothing in the text says it is the answer's kind of thing
            if outline != shape and tier > 0:
                continue  # of another outline, and not listed with the answer
            if self.terms.is_topic(other.text):
                continue  # the document's topic is no wrong answer
            if tier > 1 and "substance" in term.kinds | other.kinds \
                    and substance_family(other.text) != substance_family(term.text):
                continue  # 'hydrogen' beside 'norepinephrine': another kind of chemical, unless the text says so
            if not rival_kinds(term.text, other.text):
                continue  # 'thrombosis' beside 'fibrin': a condition among proteins gives itself away
            if is_generic(other.text, marked=bool(other.kinds & {"marked", "defined", "acronym"})):
                continue  # an everyday word is no rival for a term
            if is_named(term) and not is_named(other):
                continue
            if "expansion" in other.kinds and "acronym" not in other.kinds and tier > 0:
                continue
            if other.text.split()[0].lower() in VERB_WORDS | _COUNTS:
                continue  # 'include multiple sclerosis', 'two atoms': a verb or a count is no kind
            if synonyms(other.text, term.text, self.terms) or other.key in self.peers.renamed.get(term.key, ()) \
                    or self.peers.nested(term, other):
                continue  # 'low pH, or acidic pH', a type of the answer: another name or a part is no wrong choice
            salt = hashlib.sha256(f"{term.key}|{other.key}".encode()).hexdigest()
            ranked.append((tier, salt, other))
        found = [other for _, _, other in sorted(ranked, key=lambda item: item[:2])]
        self._alternatives_cache[term.key] = found
        return found

    def _rivals_of(self, style: str, plural: bool) -> list[tuple[Term, str]]:
        """The 400 most central terms of one outline style and number, each with its outline, most central
        first: the only terms `_alternatives` may pick. Sorted out once, not per answer."""
        if self._rivals is None:
            self._rivals = {}
            for other in self._ranked[:400]:
                outline = _shape(other.text)
                self._rivals.setdefault((outline[0], is_plural_phrase(other.text)), []).append((other, outline))
        return self._rivals.get((style, plural), [])

    def _mcq(self, sentence: Sentence, text: str, start: int, end: int, term: Term,
             value: float) -> Candidate | None:
        if not is_named(term):
            return None  # choices among common words ('water', 'banks') are guesswork, not knowledge
        if term.text.split()[0].lower() in VERB_WORDS | _COUNTS:
            return None  # '[build resistance]' or '[two atoms]' among kinds of one: not a kind itself
        if _NEGATED.match(term.text):
            return None  # '[nonvenomous snakes]': every other kind of snake is nonvenomous too
        # A wrong choice that another sentence names beside the rest of this one may be right as well.
        others = {other.key for _, _, other in self.terms.occurrences(text) if other.key != term.key}
        stem = text[:start] + " " + text[end:]
        wrong = [w for w in self.distractors(term, text, count=6)
                 if not (others and said_together(fold(w), others, self.peers.mentioning.get(fold(w), ()), term.key))
                 and not self._fits_too(w, stem, term)][:3]
        if len(wrong) < 3:
            return None  # three choices make a guess too easy: a cloze asks the same thing better
        if _CONTRAST_BEFORE.search(text[:start]):
            return None  # 'Unlike _____, tetanus toxin ...': every other toxin is unlike it too
        hidden = text[start:end]
        rest = fold(text[:start] + " " + text[end:])
        if has_phrase(fold(hidden), rest) or self._tells(hidden, wrong, text[:start] + text[end:]):
            return None  # 'iron and _____ ... the sodium reacts': the sentence gives the answer away
        # Wrong choices the text groups with the answer ('A, B, C, and D') are plainly of its kind:
        # choosing among them teaches more than a blank. Weaker evidence leaves the blank first.
        kin = all(other is not None and self.peers.kin(term, other) for other in map(self.terms.get, wrong))
        value += MCQ_KIN_BONUS if kin else -0.2
        if start == 0:  # at the start of the sentence every choice needs its capital
            wrong = [upper(w) for w in wrong]
        choices = [Choice(text=hidden, correct=True), *(Choice(text=w) for w in wrong)]
        question = MultipleChoice(
            id=stable_id("mcq", hidden, text),
            prompt=f"Which completes the sentence? “{either_article(text[:start], [hidden, *wrong])}_____{text[end:]}”",
            choices=choices,
            explanation=source_note(sentence),
            section=sentence.section,
            tags=["generated"],
        )
        return Candidate(question, value, frozenset({f"{sentence.index}:{term.key}"}), hidden, sentence,
                         grouped=kin)

    def _fits_too(self, choice: str, stem: str, answer: Term) -> bool:
        other = self.terms.get(choice)
        return other is not None and self.peers.fits_too(other, stem, answer)

    def _tells(self, answer: str, wrong: list[str], rest: str) -> bool:
        """True when the rest of the sentence, its acronyms spelled out, holds the word that tells the
        answer from every wrong choice: 'CRE [carbapenem-resistant ...] and _____' for 'carbapenem
        resistance' among other resistances."""
        spelled = " ".join(term.expansion or "" for _, _, term in self.terms.occurrences(rest))
        context = fold(f"{rest} {spelled}")
        shared = {word for choice in wrong for word in fold(choice).split()}
        if circular(answer, rest) or named_after(rest, answer) or named_after(answer, rest):
            # '_____ is the emission of an α particle' for alpha decay: the words that tell it are shown;
            # '_____ is caused by EEEV', 'EEE is caused by _____': a virus named after its disease.
            return True
        words = context.split()
        for word in fold(answer).split():
            if len(word) < 4 or word in shared:
                continue
            # 'psoriatic' tells 'psoriasis', 'Aspergillus ... cause _____' tells 'aspergillosis': the answer's
            # word in another form, unless a wrong choice holds that form too.
            shown = next((other for other in words if same_family(word, other)), None)
            if shown and not any(same_family(other, shown) for other in shared):
                return True
        return False

    def _swap_term(self, text: str, found: list[tuple[int, int, Term]]) -> str | None:
        # Only named things are swapped: 'caffeine' for 'aspirin' is clearly false, while 'banks'
        # for 'water' may well be true too.
        for start, end, term in sorted(found, key=lambda f: -f[2].weight()):
            if not is_named(term) or _in_aside(text, start, end):
                continue  # an aside ('X, an autoimmune disease that ..., causes Y') only describes: the claim is Y
            rest = {other.key for _, _, other in found if other.key != term.key}
            wrong = [w for w in self.distractors(term, text, count=3) if is_named(self.terms.get(w))
                     and not said_together(fold(w), rest, self.peers.mentioning.get(fold(w), ()), term.key)][:1]
            if wrong:
                before = _fit_article(text[:start], wrong[0])
                return before + _match_case(wrong[0], text[start:end], len(before)) + text[end:]
        return None


_COUNTS = word_set("one two three four five six seven eight nine ten several many few some both each every")
# A blank the sentence only sets against something else: any other member of the kind differs too.
_CONTRAST_BEFORE = re.compile(
    r"\b(?:unlike|in contrast to|compared (?:to|with)|as opposed to|rather than|instead of|other than|apart from"
    r"|except(?: for)?|besides"
    # 'NK cells have a different lineage than _____', 'differs from _____', 'distinct from _____'
    r"|(?:differ\w*|distinct)\b[^.,;:]{0,40}?\b(?:than|from))\s+(?:the\s+|an?\s+)?$",
    re.I,
)
MCQ_KIN_BONUS = 0.2  # a multiple choice over its blank, when the text groups every wrong choice with the answer
NAMED_KINDS = frozenset({"acronym", "substance", "defined", "category", "emphasised"})


# 'nonvenomous', 'non-native': a word that names everything but one kind.
_NEGATED = re.compile(r"non-?(?P<rest>[a-z]{3,})", re.I)


def _complement_of(choice: str, answer: str) -> bool:
    """A wrong choice that names everything but one kind ('nonvenomous snakes') holds the answer unless
    the answer is that one kind ('venomous snakes')."""
    negated = _NEGATED.match(choice)
    return negated is not None and fold(answer).split()[0] != negated.group("rest").lower()


# 'an [...]' before a blank: the article tells which choice fits, unless every choice takes it.
_ARTICLE_END = re.compile(r"\b(?P<article>an?)\s+$", re.I)
_AN_SOUND = re.compile(r"(?!uni|use|usu|eu|one|ur[aeiou])[aeiou]|hour|honest|heir")


def _takes_an(choice: str) -> bool:
    """Whether a choice is read with 'an': 'an enzyme', 'an MRI', but 'a unit', 'a eukaryote'."""
    first = choice.split()[0] if choice.split() else ""
    if first[:2].isupper():
        return bool(re.match(r"[AEFHILMNORSX]", first))  # an acronym read letter by letter
    return bool(_AN_SOUND.match(first.lower()))


def either_article(before: str, choices: list[str]) -> str:
    """The stem before the blank, its 'a' or 'an' written 'a(n)' when the choices would not all take it:
    'An _____ is ...' among 'elementary' and 'bimolecular' gives the answer away."""
    article = _ARTICLE_END.search(before)
    if article is None or len({_takes_an(choice) for choice in choices}) == 1:
        return before
    written = "A(n)" if article.group("article")[0] == "A" else "a(n)"
    return before[: article.start()] + written + " "


def _same_word(first: str, second: str) -> bool:
    """True for two forms of one phrase: 'demand curve' and 'demand curves', 'substitute(s)'."""
    def base(text: str) -> str:
        return " ".join(singular(word) for word in fold(text).split())

    return base(first) == base(second)


def _singular_phrase(text: str) -> str:
    """'persistent infections' -> 'persistent infection': the phrase with its head noun singular."""
    words = text.split()
    return " ".join([*words[:-1], singular(words[-1])]) if words else text


def is_named(term: Term | None) -> bool:
    """A term that names a particular thing (an acronym, a substance, a defined term)."""
    return term is not None and (bool(term.kinds & NAMED_KINDS) or term.text.count(" ") >= 1)


@lru_cache(maxsize=16_384)
def _shape(text: str) -> str:
    """A coarse outline of a term: acronym, capitalised name, or common words; and its length."""
    words = text.split()
    first = words[0]
    # A name capitalises each word ('Great Recession'); 'Sourdough loaves' only opened a sentence.
    named = first[:1].isupper() and all(w[:1].isupper() or not w[:1].isalpha() for w in words[1:] if len(w) > 3)
    style = "A" if first.isupper() and len(first) > 1 else ("C" if named else "a")
    return f"{style}{min(len(text.split()), 3)}"


def _in_aside(text: str, start: int, end: int) -> bool:
    """True when text[start:end] stands in a comma aside that describes what comes before it: ', an
    autoimmune disease that affects the skin,'."""
    opening = text.rfind(", ", 0, start)
    if opening < 0 or not re.fullmatch(r",\s+(?:(?:a|an|the)\s+)?(?:[\w-]+\s+){0,3}", text[opening:start], re.I):
        return False
    return "," in text[end:] and re.match(r"^[^,]*,", text[end:]) is not None


def _fit_article(before: str, replacement: str) -> str:
    """The text before a swapped-in word with its article fitted to it: 'an' before a vowel sound."""
    article = _ARTICLE_END.search(before)
    if article is None:
        return before
    wanted = "an" if _AN_SOUND.match(replacement.lower()) else "a"
    if article.group("article").lower() == wanted:
        return before
    wanted = wanted.capitalize() if article.group("article")[0].isupper() else wanted
    return before[: article.start("article")] + wanted + before[article.end("article"):]


def _match_case(replacement: str, original: str, start: int) -> str:
    if start == 0:
        return replacement[:1].upper() + replacement[1:]
    return replacement
