"""Drafting questions from sentences: cloze on key terms, multiple choice, true/false.

The parts live beside it: candidate.py (the drafted question), sentence_use.py (which sentences to quote),
choices.py (distractors and multiple choice); short_answers.py builds on the Drafter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from quizmg.generate.acronyms import spelled_out_here
from quizmg.generate.candidate import Candidate, source_note, stable_id
from quizmg.generate.choices import ChoiceDrafter
from quizmg.generate.claim_sides import named_after, shares_a_name
from quizmg.generate.claims import QUANTITY as _QUANTITY
from quizmg.generate.claims import SOME as _SOME
from quizmg.generate.conditions import loose_relation, narrowing_aside, vague_subject
from quizmg.generate.context import carried, carried_answer, shown_in
from quizmg.generate.document import Sentence
from quizmg.generate.false_statements import (
    doubles_a_word,
    flipped_comparison,
    joins_claims,
    names_its_subject,
    opposite_verb,
    partner_swapped,
    turned_direction,
)
from quizmg.generate.frequency import zipf
from quizmg.generate.links import vague_sides
from quizmg.generate.marked_sentences import marking_sentences
from quizmg.generate.partners import PartnerFinder
from quizmg.generate.peers import Peers
from quizmg.generate.quality import bad_blank, only_frames
from quizmg.generate.sentence_use import sentence_score, term_value, usable
from quizmg.generate.statement import Statement, standalone
from quizmg.generate.terms import Term, TermIndex, simplify, singular_phrase
from quizmg.generate.told import taught_elsewhere
from quizmg.generate.true_false import changes_an_aside, contrast_swapped, labelled_item, stated_facts
from quizmg.generate.word_forms import family_word
from quizmg.model import Cloze, TrueFalse

__all__ = ["Candidate", "Drafter", "source_note", "stable_id", "term_value"]


# A blank on a term in the sentence that marks it, over a later one (marked_sentences.py).
MARKING = 0.3

# A hedge or a denial ('nor', 'neither' deny too: 'Nor is the trade balance determined by ...').
_HEDGED = re.compile(r"\b(not|never|no|nor|neither|may|might|could|sometimes|occasionally)\b", re.I)


# What makes a phrase a name a text teaches, not a phrase it happens to repeat ('passive immunity refers').
_NAMED = frozenset({"marked", "emphasised", "defined", "glossary", "acronym", "heading", "substance"})


def _singular(phrase: str) -> str:
    return singular_phrase(phrase.lower())


class Drafter(ChoiceDrafter):
    """Drafts every kind of question from a document's sentences and key terms."""

    def __init__(self, terms: TermIndex, sentence_count: int, mechanism_sentences: set[int],
                 sentences: Iterable[Sentence] = (), statements: Iterable[Statement] = ()) -> None:
        self.terms = terms
        # What each sentence claims (agent, verb, object): a true/false statement is judged by it.
        self.claims: dict[int, list[Statement]] = {}
        for statement in statements:
            self.claims.setdefault(statement.sentence.index, []).append(statement)
        self.sentence_count = max(sentence_count, 1)
        self.mechanism_sentences = mechanism_sentences
        self._ranked = terms.ranked()
        self._alternatives_cache: dict[str, list[Term]] = {}
        self._rivals: dict[tuple[str, bool], list[tuple[Term, str]]] | None = None  # choices.py, made when first asked
        sentences = list(sentences)
        self.sentences = sentences  # by index: the sentence before a sentence that leans on it
        self._marking = marking_sentences(sentences, terms)  # (sentence, term) where the text marks the term
        # What the text says of each term's kind: the only ground for a wrong choice or a hint.
        self.peers = Peers(terms, (simplify(sentence.text) for sentence in sentences),
                           asides=(sentence.text for sentence in sentences if "(" in sentence.text))
        self._partners: PartnerFinder | None = None  # the text's words indexed by shape, made when first asked

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
        shown = ""  # the sentence before, when this one leans on it (context.py): a cloze shows it first
        if not usable(sentence, text):
            shown = carried(sentence, text, self.sentences) or ""
            if not shown:
                return []
        # The blank's checks read what the learner reads: the carried sentence, then this one.
        shift = len(shown) + 1 if shown else 0
        read = f"{shown} {text}" if shown else text
        checked = [(start, end, term, bad_blank(text[start:end], read, start + shift, end + shift, self.terms))
                   for start, end, term in self.terms.occurrences(text)]
        found = [(start, end, term) for start, end, term, why in checked if not why]
        # A term the sentence sets its claim in still counts to what the sentence names; it is only no blank.
        framing = {term.key for start, end, term, why in checked
                   if why and only_frames(text[start:end], read, start + shift, end + shift, self.terms)}
        distinct = {term.key for _, _, term in found} | framing
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
            if shown and (shown_in(text[start:end], shown) or not carried_answer(term)):
                continue  # the sentence carried before it shows the answer, or the answer is no named term
            if taught_elsewhere(sentence.told, term.key in self.terms.marked_at,
                                (sentence.index, term.key) in self._marking):
                continue  # an example using a term the text marks elsewhere (told.py)
            used_terms.add(term.key)
            value = base + term_value(term, self.share(term)) - 0.3 * (len(used_terms) - 1)
            if (sentence.index, term.key) in self._marking:
                value += MARKING  # where the text marks a term, it mostly says what the term is
            candidates.append(self._cloze(sentence, text, start, end, term, value, shown))
            mcq = None if shown else self._mcq(sentence, text, start, end, term, value)
            if mcq:
                candidates.append(mcq)
        statement = None if shown else self._true_false(sentence, text, found, base)
        if statement:
            candidates.append(statement)
        return candidates

    def _cloze(self, sentence: Sentence, text: str, start: int, end: int, term: Term,
               value: float, shown: str = "") -> Candidate:
        hidden = text[start:end]
        hidden = spelled_out_here(term, hidden, sentence.text) or hidden  # acronyms.py: the name, not the letters
        # A hint only when the text names the term's kind ('the enzyme catalase', 'X, a molecule that'),
        # never a guess from a loose definition, never a word that gives it away.
        hint = self.peers.hint(term)
        if hint and hint in f"{shown} {text}".lower():
            hint = None
        if hint and " " not in hidden and zipf(hidden) >= 4.0:
            hint = None  # 'an inoculum of [plant]' for 'virus': a common word's category is too often a guess
        deletion = f"{{{{c1::{hidden}::{hint}}}}}" if hint else f"{{{{c1::{hidden}}}}}"
        question = Cloze(
            id=stable_id("cloze", hidden, f"{shown} {text}" if shown else text),
            text=(f"{shown} " if shown else "") + text[:start] + deletion + text[end:],
            explanation=source_note(sentence),
            section=sentence.section,
            tags=["generated"],
        )
        return Candidate(question, value, frozenset({f"{sentence.index}:{term.key}"}), hidden, sentence)

    def _true_false(self, sentence: Sentence, text: str, found: list[tuple[int, int, Term]],
                    base: float) -> Candidate | None:
        """The sentence's false version when it has a plainly false one (true_false.py), else the sentence
        as a true statement."""
        contrast = self._contrast(sentence, text, base)
        if contrast is not None:
            return contrast
        if _HEDGED.search(text) or len(text.split()) > 30 or labelled_item(text):
            return None  # 'Occasionally, X can ...' can hardly be false; a denial or a maybe asks nothing firm
        if sentence.index not in self.mechanism_sentences or not found or _QUANTITY.search(text):
            return None  # '1.00 L of isooctane produces 33,100 kJ': a worked example's numbers, no fact to judge
        if self._vague_claim(sentence, standalone(text)) or narrowing_aside(sentence.text):
            return None  # 'Serious cases can lead to ...', 'X is related to Y': nothing definite to judge
        if any(
            family_word(word, other.text.split())
            for _, _, term in found for _, _, other in found if other.key != term.key
            for word in term.text.split()
        ):
            return None  # 'toxoplasmosis is caused by Toxoplasma gondii': true by the names alone
        if not names_its_subject(text, min(start for start, _, _ in found)):
            return None  # 'Serious cases can lead to pneumonia': cases of what, only the paragraph says
        false_text = None if joins_claims(text) else self._false_version(text, found)
        value = base + 0.2
        # It shows every term of its sentence: no blank on one of them beside it (one answers the other).
        facts = stated_facts(sentence.index) | {f"{sentence.index}:{term.key}" for _, _, term in found}
        if false_text and false_text != text:  # asked false whenever it can be: 'True' must not always win
            return Candidate(_statement_question(sentence, text, false_text), value, facts, "False", sentence)
        return Candidate(_statement_question(sentence, text), value - 0.2, facts, "True", sentence)

    def _contrast(self, sentence: Sentence, text: str, base: float) -> Candidate | None:
        """'X does P, whereas Y does Q' asked as 'Y does P.' (False): the claim given to the thing the sentence
        sets against its subject (true_false.contrast_swapped), whatever the sentence's verb."""
        if "whereas" not in text.lower():
            return None
        false_text = contrast_swapped(text, self._names_term)
        if false_text is None or _HEDGED.search(false_text) or len(false_text.split()) > 25:
            return None
        question = _statement_question(sentence, text, false_text)
        return Candidate(question, base + 0.2, stated_facts(sentence.index), "False", sentence)

    def _names_term(self, phrase: str) -> bool:
        """True when the phrase is a term of the text, word for word ('passive immunity', not 'passive
        immunity refers')."""
        term = self.terms.get(phrase)
        return term is not None and bool(term.kinds & _NAMED) and _singular(term.text) == _singular(phrase)

    def _partner_finder(self) -> PartnerFinder:
        if self._partners is None:
            self._partners = PartnerFinder(self.peers.vocabulary)
        return self._partners

    def _false_version(self, text: str, found: list[tuple[int, int, Term]]) -> str | None:
        """The sentence made false by one meaningful change: a comparison or a word of direction turned
        the other way, the verb turned to its opposite, a word swapped for the partner the text sets against
        it, or a named term swapped for another of its kind."""
        names = [(start, end) for start, end, _ in found]
        makers = (
            lambda: flipped_comparison(text) if " than " in text else None,
            lambda: turned_direction(text, names),
            lambda: opposite_verb(text, names, self.peers.vocabulary),
            lambda: partner_swapped(text, self._partner_finder()),
            lambda: self._swap_term(text, found),
        )
        for make in makers:
            version = make()
            if version and not changes_an_aside(text, version) and not doubles_a_word(text, version):
                return version
        return None

    def _vague_claim(self, sentence: Sentence, statement: str) -> bool:
        """True when the sentence's claim names only a class or a case of something said before ('Infections
        can result in ...'), some of a kind, or a relation too loose to be true or false ('is related to',
        'is associated with various aspects')."""
        if vague_subject(statement) or _SOME.match(statement):
            return True
        return any(
            loose_relation(claim.action, claim.agent, claim.target) or vague_sides(claim.agent, claim.target)
            or named_after(claim.agent, claim.target)
            or shares_a_name(claim.agent, claim.target)
            for claim in self.claims.get(sentence.index, [])
        )


def _statement_question(sentence: Sentence, text: str, false_text: str | None = None) -> TrueFalse:
    """The true/false question on a sentence's claim: `text` itself (True), or `false_text` (False) with the
    sentence it changes as its explanation."""
    if false_text is None:
        return TrueFalse(id=stable_id("truefalse", "true", text), statement=standalone(text), answer=True,
                         explanation=f"True. {source_note(sentence)}", section=sentence.section, tags=["generated"])
    return TrueFalse(
        id=stable_id("truefalse", "false", text),
        statement=standalone(false_text),
        answer=False,
        explanation=f"False. The text says: {text} {source_note(sentence)}",
        section=sentence.section,
        tags=["generated"],
    )
