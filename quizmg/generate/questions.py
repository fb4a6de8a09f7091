"""Drafting questions from sentences: cloze on key terms, multiple choice, true/false, short answers."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from quizmg.generate.document import Sentence
from quizmg.generate.false_statements import opposite_verb, said_together
from quizmg.generate.frequency import is_generic, zipf
from quizmg.generate.peers import Peers, built_on
from quizmg.generate.quality import bad_blank, synonyms
from quizmg.generate.statement import standalone
from quizmg.generate.terms import (
    Term,
    TermIndex,
    fold,
    rival_kinds,
    simplify,
    singular,
    substance_family,
)
from quizmg.generate.words import (
    PRONOUN_STARTS,
    STOP_WORDS,
    VERB_WORDS,
    is_plural_phrase,
    word_set,
)
from quizmg.model import Choice, Cloze, MultipleChoice, QuestionBase, TrueFalse


@dataclass
class Candidate:
    """A drafted question with its score and the facts it asks about (to keep questions distinct)."""

    question: QuestionBase
    score: float
    facts: frozenset[str]
    answer: str
    sentence: Sentence | None = None
    mechanism: str | None = None  # for questions a mechanism template makes
    template: str | None = None
    problems: list[str] = field(default_factory=list)
    grouped: bool = False  # a multiple choice whose wrong choices the text itself groups with the answer

    @property
    def kind(self) -> str:
        """The question's kind: cloze, mcq, truefalse, short, basic or order."""
        return self.question.kind  # type: ignore[attr-defined]


def stable_id(kind: str, answer: str, sentence_text: str) -> str:
    """An id from the kind, the answer and the sentence's words: the same document gives the same ids."""
    digest = hashlib.sha256(f"{kind}\n{fold(answer)}\n{fold(sentence_text)}".encode()).hexdigest()[:8]
    slug = re.sub(r"[^a-z0-9]+", "-", fold(answer)).strip("-")[:30].strip("-") or "q"
    return f"{kind}-{slug}-{digest}"


def source_note(sentence: Sentence) -> str:
    """Where the question comes from, so a teacher can find it: section, sentence, line."""
    where = f"section “{sentence.section}”, " if sentence.section else ""
    return f"Source: {where}sentence {sentence.position} (line {sentence.line})."


def sentence_score(sentence: Sentence, text: str, terms_found: int, has_mechanism: bool) -> float:
    """How much a sentence teaches: key terms, a mechanism, a readable length, no loose pronoun."""
    words = text.split()
    score = 1.0 + 0.6 * min(terms_found, 3) + (0.8 if has_mechanism else 0.0)
    if len(words) < 7:
        score -= 1.0
    if len(words) > 40:
        score -= 1.0 + (len(words) - 40) / 20
    if words and words[0].lower().strip(",") in PRONOUN_STARTS:
        score -= 1.5
    if sentence.is_fragment:
        score -= 2.0
    if re.search(r"\b(may|might|could|perhaps|possibly)\b", text, re.I):
        score -= 0.3
    if re.search(r"\b(according to|I|we|you|our)\b", text):
        score -= 0.6
    if text.rstrip().endswith("?"):
        score -= 3.0
    return score


def usable(sentence: Sentence, text: str) -> bool:
    """A sentence good enough to quote in a question."""
    words = text.split()
    return (
        not sentence.is_fragment
        and 6 <= len(words) <= 45
        and not text.rstrip().endswith("?")
        and words[0].lower().strip(",") not in PRONOUN_STARTS
        and words[0].lower().strip(",") not in IMPERATIVES
        and text[:1].isupper()
        and not _NEEDS_CONTEXT.search(text)
    )


# A sentence that leans on something outside it: 'these impairments', 'this reaction', a figure, a
# video, an episode of a table, a named study. Quoted in a question it cannot be understood.
_NEEDS_CONTEXT = re.compile(
    r"\b(?:[Tt]his|[Tt]hese|[Tt]hose)\s+(?!is\b|are\b|was\b|were\b|can\b|may\b|will\b)[a-z][\w-]*"
    r"|\b(?:[Ff]igure|[Ff]ig\.|[Tt]able|[Gg]raph|[Cc]hart|[Dd]iagram|[Vv]ideo|[Ee]pisodes?|[Aa]nimation|[Ss]imulation)\b"
    r"|\b(?:[Aa]s (?:discussed|described|shown|noted|mentioned|seen))\b"
    r"|\b[Yy]ou (?:have|will|may|might) (?:read|seen|learned|learnt|recall)\b"
    r"|^(?:Step|Stage|Part) \d"  # 'Step 3: When CO2 ...': a step of a list the reader cannot see
    r"|\b(?:is|are) (?:an? |one |another )?examples?\.?$"  # 'The X of 2009 is an example.'
    # Two sentences the splitter left together ('at high pH. Lipids are ...'): never one question.
    r"|[A-Za-z0-9⁺⁻)][.!?] [A-Z][a-z]"
)


# A sentence opening with one of these tells the reader to do something ("Draw the graph ...",
# "Consider a market ..."): an exercise or a thought experiment, not a fact to learn.
IMPERATIVES = word_set(
    "draw explain describe consider imagine suppose think calculate compare list identify use let note recall see "
    "watch "
    "look try remember predict sketch show find assume discuss label name design write read plot graph"
)


def term_value(term: Term, topic_share: float) -> float:
    """A term's worth as an answer; the document's main topic is too easy to guess."""
    value = term.weight()
    return value * 0.35 if topic_share > 0.3 else value


class Drafter:
    """Drafts every kind of question from a document's sentences and key terms."""

    def __init__(self, terms: TermIndex, sentence_count: int, mechanism_sentences: set[int],
                 sentences: Iterable[Sentence] = ()) -> None:
        self.terms = terms
        self.sentence_count = max(sentence_count, 1)
        self.mechanism_sentences = mechanism_sentences
        self._ranked = terms.ranked()
        self._alternatives_cache: dict[str, list[Term]] = {}
        # What the text says of each term's kind: the only ground for a wrong choice or a hint.
        self.peers = Peers(terms, (simplify(sentence.text) for sentence in sentences))

    @property
    def ranked_terms(self) -> list[Term]:
        """The document's key terms, most central first."""
        return self._ranked

    def share(self, term: Term) -> float:
        """The share of sentences the term appears in."""
        return term.count / self.sentence_count

    def draft(self, sentence: Sentence) -> list[Candidate]:
        """Every candidate question one sentence can give."""
        text = simplify(sentence.text)
        if not usable(sentence, text):
            return []
        found = [
            (start, end, term)
            for start, end, term in self.terms.occurrences(text)
            if not bad_blank(text[start:end], text, start, end, self.terms)
        ]
        distinct = {term.key for _, _, term in found}
        base = sentence_score(sentence, text, len(distinct), sentence.index in self.mechanism_sentences)
        ranked = sorted(
            found, key=lambda item: (-term_value(item[2], self.share(item[2])), item[0])
        )
        candidates: list[Candidate] = []
        used_terms: set[str] = set()
        for start, end, term in ranked:
            if term.key in used_terms or len(used_terms) >= 3 or self.share(term) > 0.3:
                continue  # the document's main topic is too easy an answer
            if sum(1 for _, _, other in found if other.key == term.key) > 1:
                continue  # the answer would show elsewhere in the sentence
            used_terms.add(term.key)
            value = base + term_value(term, self.share(term)) - 0.3 * (len(used_terms) - 1)
            candidates.append(self._cloze(sentence, text, start, end, term, value))
            mcq = self._mcq(sentence, text, start, end, term, value)
            if mcq:
                candidates.append(mcq)
        statement = self._true_false(sentence, text, found, base)
        if statement:
            candidates.append(statement)
        return candidates

    def _cloze(self, sentence: Sentence, text: str, start: int, end: int, term: Term,
               value: float) -> Candidate:
        hidden = text[start:end]
        # A hint only when the text names the term's kind ('the enzyme catalase', 'X, a molecule that'),
        # never a guess from a loose definition, never a word that gives it away.
        hint = self.peers.hint(term)
        if hint and hint in text.lower():
            hint = None
        if hint and " " not in hidden and zipf(hidden) >= 4.0:
            hint = None  # 'an inoculum of [plant]' for 'virus': a common word's category is too often a guess
        deletion = f"{{{{c1::{hidden}::{hint}}}}}" if hint else f"{{{{c1::{hidden}}}}}"
        question = Cloze(
            id=stable_id("cloze", hidden, text),
            text=text[:start] + deletion + text[end:],
            explanation=source_note(sentence),
            section=sentence.section,
            tags=["generated"],
        )
        return Candidate(question, value, frozenset({f"{sentence.index}:{term.key}"}), hidden, sentence)

    def distractors(self, term: Term, avoid_text: str = "", count: int = 3) -> list[str]:
        """Other terms of the same type from the document, never the answer or a synonym of it."""
        avoid = fold(avoid_text)
        # Words the sentence already uses, apart from the answer's own.
        said = set(re.findall(r"[a-z][\w-]{3,}", avoid)) - set(fold(term.text).split()) - STOP_WORDS
        picked: list[str] = []
        for other in self._alternatives(term):
            if len(picked) == count:
                break
            if avoid and re.search(rf"\b{re.escape(_singular_phrase(other.key))}(?:s|es)?\b", avoid):
                continue
            if " " in other.key and said & set(re.split(r"[\s-]+", other.key.rsplit(" ", 1)[0])):
                continue  # 'absorbs excess hydrogen or [hydrogen ions]': a choice the sentence half says
            if any(synonyms(other.text, chosen, self.terms) or _same_word(other.text, chosen) for chosen in picked):
                continue
            if _same_word(other.text, term.text) or (avoid and _same_word(other.text, avoid_text)):
                continue  # 'substitutes' beside 'substitute': one word in two forms
            # 'Neurogenic shock' only ever opened a sentence: as a choice it is 'neurogenic shock'; a
            # name the text capitalises inside a sentence ('Graves disease') keeps its capital.
            first = other.text.split()[0]
            lower = _shape(other.text)[0] == "a" and first.lower() not in self.peers.capitalised \
                and not re.search(r"[^\W\d_][\w-]*[A-Z]", first)  # 'Epstein-Barr' is a name
            picked.append(other.text[:1].lower() + other.text[1:] if lower else other.text)
        return picked

    def _alternatives(self, term: Term) -> list[Term]:
        """Terms that could stand in for `term`, closest type first (cached: asked per sentence)."""
        if term.key in self._alternatives_cache:
            return self._alternatives_cache[term.key]
        shape = _shape(term.text)
        ranked = []
        for other in self._ranked[:400]:
            tier = self.peers.evidence(term, other)
            if tier is None:
                continue  # nothing in the text says it is the answer's kind of thing
            if self.terms.is_topic(other.text):
                continue  # the document's topic is no wrong answer
            # Choices of one outline, so none stands out; the text's own list may mix one word and two
            # ('psoriasis, myasthenia gravis, and rheumatoid arthritis'): its items are plainly of a kind.
            outline = _shape(other.text)
            if other.group == term.group or outline[0] != shape[0] or (outline != shape and tier > 0):
                continue
            if is_plural_phrase(other.text) != is_plural_phrase(term.text):
                continue  # 'granulomas' beside 'edema', 'antimetabolites' beside 'trimethoprim': the number tells
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

    def _mcq(self, sentence: Sentence, text: str, start: int, end: int, term: Term,
             value: float) -> Candidate | None:
        if not is_named(term):
            return None  # choices among common words ('water', 'banks') are guesswork, not knowledge
        if term.text.split()[0].lower() in VERB_WORDS | _COUNTS:
            return None  # '[build resistance]' or '[two atoms]' among kinds of one: not a kind itself
        # A wrong choice that another sentence names beside the rest of this one may be right as well.
        others = {other.key for _, _, other in self.terms.occurrences(text) if other.key != term.key}
        wrong = [w for w in self.distractors(term, text, count=6)
                 if not (others and said_together(fold(w), others, self.peers.mentions, term.key))][:3]
        if len(wrong) < 3:
            return None  # three choices make a guess too easy: a cloze asks the same thing better
        hidden = text[start:end]
        rest = fold(text[:start] + " " + text[end:])
        if re.search(rf"\b{re.escape(fold(hidden))}\b", rest) or self._tells(hidden, wrong, text[:start] + text[end:]):
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
            prompt=f"Which completes the sentence? “{text[:start]}_____{text[end:]}”",
            choices=choices,
            explanation=source_note(sentence),
            section=sentence.section,
            tags=["generated"],
        )
        return Candidate(question, value, frozenset({f"{sentence.index}:{term.key}"}), hidden, sentence,
                         grouped=kin)

    def _tells(self, answer: str, wrong: list[str], rest: str) -> bool:
        """True when the rest of the sentence, its acronyms spelled out, holds the word that tells the
        answer from every wrong choice: 'CRE [carbapenem-resistant ...] and _____' for 'carbapenem
        resistance' among other resistances."""
        spelled = " ".join(term.expansion or "" for _, _, term in self.terms.occurrences(rest))
        context = fold(f"{rest} {spelled}")
        shared = {word for choice in wrong for word in fold(choice).split()}
        words = context.split()
        for word in fold(answer).split():
            # 'psoriatic' tells 'psoriasis': a word of the sentence sharing all but the answer word's ending
            stem = word[: max(5, len(word) - 3)]
            if len(word) >= 6 and word not in shared and re.search(rf"\b{re.escape(stem)}", context):
                return True
            # 'Aspergillus ... cause _____' tells 'aspergillosis' unless a wrong choice is built on it too
            root = built_on(word, words)
            if root and word not in shared and not any(built_on(other, [root]) for other in shared):
                return True
        return False

    def _true_false(self, sentence: Sentence, text: str, found: list[tuple[int, int, Term]],
                    base: float) -> Candidate | None:
        """A true statement, or a false one made by an opposite verb or a same-type term swap."""
        if re.search(r"\b(not|never|no|may|might|could)\b", text, re.I) or len(text.split()) > 30:
            return None
        if sentence.index not in self.mechanism_sentences or not found:
            return None
        digest = int(hashlib.sha256(fold(text).encode()).hexdigest(), 16)
        false_text = None
        if digest % 2:
            names = [(start, end) for start, end, _ in found]
            false_text = opposite_verb(text, names, self.peers.vocabulary) or self._swap_term(text, found)
        value = base + 0.2
        if false_text and false_text != text:
            question = TrueFalse(
                id=stable_id("truefalse", "false", text),
                statement=standalone(false_text),
                answer=False,
                explanation=f"False. The text says: {text} {source_note(sentence)}",
                section=sentence.section,
                tags=["generated"],
            )
            return Candidate(question, value, frozenset({f"{sentence.index}:statement"}), "False",
                             sentence)
        question = TrueFalse(
            id=stable_id("truefalse", "true", text),
            statement=standalone(text),
            answer=True,
            explanation=f"True. {source_note(sentence)}",
            section=sentence.section,
            tags=["generated"],
        )
        return Candidate(question, value - 0.2, frozenset({f"{sentence.index}:statement"}), "True",
                         sentence)

    def _swap_term(self, text: str, found: list[tuple[int, int, Term]]) -> str | None:
        # Only named things are swapped: 'caffeine' for 'aspirin' is clearly false, while 'banks'
        # for 'water' may well be true too.
        for start, end, term in sorted(found, key=lambda f: -f[2].weight()):
            if not is_named(term):
                continue
            rest = {other.key for _, _, other in found if other.key != term.key}
            wrong = [w for w in self.distractors(term, text, count=3) if is_named(self.terms.get(w))
                     and not said_together(fold(w), rest, self.peers.mentions, term.key)][:1]
            if wrong:
                return text[:start] + _match_case(wrong[0], text[start:end], start) + text[end:]
        return None


# A count before a noun ('two atoms', 'several enzymes') says how many, not what kind.
_COUNTS = word_set("one two three four five six seven eight nine ten several many few some both each every")
MCQ_KIN_BONUS = 0.2  # a multiple choice over its blank, when the text groups every wrong choice with the answer
NAMED_KINDS = frozenset({"acronym", "substance", "defined", "category", "emphasised"})


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


def _shape(text: str) -> str:
    """A coarse outline of a term: acronym, capitalised name, or common words; and its length."""
    words = text.split()
    first = words[0]
    # A name capitalises each word ('Great Recession'); 'Sourdough loaves' only opened a sentence.
    named = first[:1].isupper() and all(w[:1].isupper() or not w[:1].isalpha() for w in words[1:] if len(w) > 3)
    style = "A" if first.isupper() and len(first) > 1 else ("C" if named else "a")
    return f"{style}{min(len(text.split()), 3)}"


def _match_case(replacement: str, original: str, start: int) -> str:
    if start == 0:
        return replacement[:1].upper() + replacement[1:]
    return replacement


def upper(text: str) -> str:
    return text[:1].upper() + text[1:]
