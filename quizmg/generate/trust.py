"""A score a teacher can read: each chosen question's checks, as a number out of 100 and its reasons.

The checks, each a factor between 0 and 1:
- support: the answer (or the claim) is in the source sentence the question names;
- type: every wrong choice is the same kind of thing as the right one (multiple choice);
- reads: the question and its answer pass the grammar checks, and the sentence it came from is whole;
- redundancy: a question whose answer, or nearly whose prompt, a higher-ranked question already has,
  or a second blank in a sentence a higher-ranked question already blanks;
- key term: when the text marks its key terms (in bold, or with term markup), a blank or a term asked
  for that it marks in no way (nor as an acronym, a glossary entry, or a name it says a thing is
  'called' or 'known as') is seldom what its author asks, and stays under the threshold; so does an
  unmarked name the text uses again ('pollinator variety', 'budget constraint'), however often: on 16
  held-out sets of OpenStax sections (sets 10-25 of issue 17), a strict review kept 93 of 139 such
  blanks (67%, with no rise for names used more often), against 82% of 800 blanks on marked terms. Only a
  blank its own sentence names or defines ('... is known as [quicklime]') passes unmarked, ranked after
  the marked ones;
- short: a blank in a prompt of fewer than ten words ('[...] is also useful in pots.', 'Small doses of
  [...] may work best.') leaves a learner little to tell the answer from its siblings: on the same sets
  a strict review kept 29 of 53 (55%) that did not name or define their blank, against 81% of 900
  longer ones. A short sentence that names or defines its blank ('Money lent to a firm for new machines
  is called [...].') passes.

Questions under THRESHOLD are left out of the deck unless the teacher asks for all of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz import fuzz

from quizmg.generate.acronyms import in_passing
from quizmg.generate.defined_after import (
    DEFINED_AFTER_BLANK,
    defined_after_blank,
    definition_question,
    names_its_answer,
)
from quizmg.generate.facts import ASKED_AS, Asked, fill_in
from quizmg.generate.frequency import is_generic
from quizmg.generate.named_terms import defined_here, named_again
from quizmg.generate.quality import grammar_problems, normalised, treated_as_term
from quizmg.generate.questions import Candidate
from quizmg.generate.taught_sides import untaught_side
from quizmg.generate.terms import TermIndex, fold, singular_phrase
from quizmg.model import Cloze, Mechanism, MultipleChoice, TrueFalse
from quizmg.words import plural_word

THRESHOLD = 60
TERM_KINDS = frozenset({"cloze", "mcq", "short"})  # kinds whose answer is a term
MARKING_TEXT = 3  # a text that marks this many terms (bold, term markup) marks its key terms
UNMARKED = 0.55  # a blank on a word such a text does not mark: under the threshold
UNMARKED_RANK = 3.0  # and in the ranking it comes after the questions on marked terms
NAMED = 0.8  # an unmarked blank its own sentence names or defines: over the threshold, under the marked terms
SHORT_PROMPT = 10  # words (the blank counts as one) under which a cloze's prompt is too short to pin its blank
SHORT = 0.55  # such a cloze, unless its sentence names or defines the blank: under the threshold
# A second blank in a sentence already blanked (one sentence, read twice), or an answer that is part of
# one asked above or holds it whole ('hospice' then 'hospice care'): reviewers kept about 1 in 4 of each,
# so they fall under the threshold. A long sentence fared no better: of 27 second blanks of sentences of
# 20 words or more in the top 20s of seven OpenStax books, a strict review kept 10, and on held-out
# sections 0 of 3.
SECOND_BLANK = 0.55
OVERLAP = 0.55
REPEATED_FACT = 0.5  # a teacher deletes the second question on one fact, whatever its kind
FRAGMENT_CLAIM = 0.55  # a true/false or how/why question read off a fragment: under the threshold
CLAIM_KINDS = frozenset({"truefalse", "basic"})
NEAR_DUPLICATE = 88  # rapidfuzz token-sort ratio of two prompts at and above which one repeats the other


@dataclass(frozen=True)
class Trust:
    """A question's score out of 100 and the checks behind it."""

    score: int
    reasons: tuple[str, ...]

    def note(self) -> str:
        """The line the deck shows after the explanation."""
        return f"Draft score {self.score}/100: {'; '.join(self.reasons)}."


def rate(
    chosen: list[Candidate], terms: TermIndex, source_text: str, mechanisms: dict[str, Mechanism] | None = None
) -> list[Trust]:
    """The trust of each chosen question, in order; each is compared with the ones ranked above it."""
    seen_answers: dict[str, int] = {}
    defined: set[str] = set()  # the answers a definition question, or a blank that names them, asks above
    term_answers: list[str] = []  # the answers above that are terms, not a mechanism's sentence
    prompts: list[tuple[str, str]] = []
    blanked: set[int] = set()  # the sentences a higher-ranked fill-in already shows
    folded_source = normalised(source_text)
    rated = []
    keys = key_groups(terms)
    asked = Asked(terms)  # facts.py (ha): one fact, one question, across kinds
    for candidate in chosen:
        factors: list[tuple[float, str]] = [
            _support(candidate, folded_source),
            _type(candidate, terms),
            _marked(candidate, terms, keys),
            _sides(candidate, (mechanisms or {}).get(candidate.mechanism or ""), terms, keys),
            _specific(candidate, (mechanisms or {}).get(candidate.mechanism or "")),
            _reads(candidate),
            _short(candidate),
            _redundancy(candidate, seen_answers, defined, term_answers, prompts, blanked, terms, keys),
            _repeated_fact(candidate, asked, defined, prompts),
        ]
        value = 1.0
        for factor, _ in factors:
            value *= factor
        rated.append(Trust(round(100 * value), tuple(reason for _, reason in factors if reason)))
        if rated[-1].score < THRESHOLD:
            # Left out of the deck (--all writes it after the rest): a teacher never reads it above the
            # questions that follow, so it repeats nothing for them and gives no answer away.
            continue
        if candidate.kind != "truefalse":
            key = normalised(candidate.answer)
            seen_answers[key] = seen_answers.get(key, 0) + 1
            if definition_question(candidate) or names_its_answer(candidate):
                defined.add(key)  # a blank its sentence names or defines has asked what the term is
            if _term_answer(candidate):
                term_answers.append(key)
        prompts.append((normalised(candidate.question.prompt_text()), normalised(candidate.answer)))
        asked.add(candidate)
        if fill_in(candidate) and candidate.sentence is not None:
            blanked.add(candidate.sentence.index)
    return rated


def key_groups(terms: TermIndex) -> frozenset[str] | None:
    """What the text marks as its key terms (with their acronyms), or None when it marks too few to tell."""
    marked = [term for term in terms.terms.values() if term.kinds & {"marked", "emphasised"}]
    if len(marked) < MARKING_TEXT:
        return None
    # Marked in words too: an acronym, a glossary entry, a name given with 'is called' / 'known as'.
    keys = {term.group for term in terms.terms.values()
            if term.kinds & {"marked", "emphasised", "acronym"} or term.definition_source in {"glossary", "called"}}
    # An acronym's expansion is marked with the acronym.
    keys |= {f"expansion:{fold(t.expansion)}" for t in terms.terms.values() if t.expansion and t.group in keys}
    return frozenset(keys)


def unmarked_answer(candidate: Candidate, terms: TermIndex, keys: frozenset[str] | None) -> bool:
    """True for a question on a word the text does not mark, in a text that marks its key terms.

    A blank, a right choice or a term asked for counts; a mechanism's question (its own checks) and a
    true/false statement (no term is asked for) do not. An acronym's expansion is marked with it.
    """
    if keys is None or candidate.template or candidate.kind not in {"cloze", "mcq", "short"}:
        return False
    if in_passing(candidate, terms, keys):  # acronyms.py (he): 'What does HUD stand for?' named in passing
        return True
    answer = re.sub(r"^(?:the|a|an)\s+", "", candidate.answer.strip(), flags=re.I)
    term = terms.get(answer)
    return not ((term is not None and term.group in keys) or f"expansion:{fold(answer)}" in keys)


def _marked(candidate: Candidate, terms: TermIndex, keys: frozenset[str] | None) -> tuple[float, str]:
    if in_passing(candidate, terms, keys):
        return UNMARKED, "the text marks neither the acronym nor its long form (named in passing)"
    if unmarked_answer(candidate, terms, keys):
        if defined_here(candidate):
            return NAMED, "the text does not mark the answer, but its sentence names or defines it"
        named = named_again(candidate.answer, terms)
        if named is not None:
            return UNMARKED, f"the text does not mark the answer, though it names it {named.count} times"
        return UNMARKED, "the text does not mark the answer as a key term"
    return 1.0, ""


def _sides(candidate: Candidate, mechanism: Mechanism | None, terms: TermIndex,
           keys: frozenset[str] | None) -> tuple[float, str]:
    side = untaught_side(candidate, mechanism, terms, keys)
    if side:
        return UNMARKED, f"the relation's side {side!r} holds no term the text marks"
    return 1.0, ""


def _support(candidate: Candidate, folded_source: str) -> tuple[float, str]:
    sentence = candidate.sentence
    if sentence is None:
        return (0.9, "from the glossary") if candidate.kind == "short" else (0.7, "no source sentence")
    where = sentence.place
    if candidate.kind in {"truefalse", "order"} or candidate.template:  # a template restates its sentence
        return 1.0, f"stated at {where}"
    if "=" in candidate.answer and candidate.kind in TERM_KINDS:
        return 0.3, f"the answer is an equation, not a term ({where})"  # 'Nt = N0e−kt' read as an acronym's words
    answer = normalised(candidate.answer)
    if answer and answer in folded_source:
        return 1.0, f"answer in the source at {where}"
    return 0.3, f"answer not found word for word in the source ({where})"


def _type(candidate: Candidate, terms: TermIndex) -> tuple[float, str]:
    question = candidate.question
    blanks: list[str] = []
    opening = ""
    if isinstance(question, Cloze):
        blanks = [word for words in question.deletions().values() for word in words]
        opening = question.render()
    elif isinstance(question, MultipleChoice) and candidate.template != "not":
        blanks = [c.text for c in question.choices if c.correct]
    for blank in blanks:
        marked = treated_as_term(blank, terms, recurring=False)
        # A capital mid-sentence marks a name; at the start of the sentence it marks nothing.
        name = blank[:1].isupper() and not (opening.startswith(blank) and blank[1:2].islower())
        if is_generic(blank, marked=marked) and not name:
            return 0.2, f"the answer {blank!r} is an everyday word"
    if not isinstance(question, MultipleChoice):
        return 1.0, ""
    right = next(c.text for c in question.choices if c.correct)
    wrong = [c.text for c in question.choices if not c.correct]
    if len(wrong) < 3:
        return 0.85, f"only {len(wrong) + 1} choices"
    if candidate.grouped:  # 'psoriasis, myasthenia gravis, and rheumatoid arthritis': one kind by the text
        return 1.0, "choices the text lists together"
    kind = _kind(right, terms)
    if kind and all(_kind(w, terms) in {kind, ""} for w in wrong):
        if kind in {"thing", "substance"}:
            return 1.0, "choices of one type"
        return 1.0, f"choices all {plural_word(2, kind)}"  # 'choices all viruses'
    shape = _shape(right)
    if all(_shape(w) == shape for w in wrong):
        return 0.9, "choices of one shape"
    return 0.6, "choices of mixed types"


def _specific(candidate: Candidate, mechanism: Mechanism | None) -> tuple[float, str]:
    """A mechanism about 'enzymes' or 'cost' in general asks little ('What do inhibitors do to enzymes?')."""
    if mechanism is None:
        return 1.0, ""
    for role, text in (("agent", mechanism.agent), ("target", mechanism.target)):
        bare = re.sub(r"^(?:the|a|an)\s+", "", text.strip(), flags=re.I)
        if " " not in bare and is_generic(bare):  # 'enzymes', 'cost'; 'interest rates' names a thing
            return 0.55, f"the {role} {text!r} is an everyday word"
    return 1.0, ""


def _kind(text: str, terms: TermIndex) -> str:
    term = terms.get(text.removeprefix("the ").removeprefix("The "))
    return term.kind_of_thing if term is not None else ""


def _shape(text: str) -> tuple[bool, int]:
    words = text.split()
    return (words[0][:1].isupper() and words[0][1:2].isupper(), min(len(words), 4)) if words else (False, 0)


def _reads(candidate: Candidate) -> tuple[float, str]:
    question = candidate.question
    text = question.statement if isinstance(question, TrueFalse) else question.prompt_text()
    problems = grammar_problems(text) if not isinstance(question, Cloze) else []
    if problems:
        return 0.4, f"reads badly ({problems[0]})"
    if candidate.sentence is not None and candidate.sentence.is_fragment:
        if candidate.kind in CLAIM_KINDS:
            # A claim read off a table cell or a caption ('Γ emits radiopharmaceuticals.', 'Bronchi major air
            # passages lead to the lungs.'): of 11 in the top 20s of the ten books, a read kept 4.
            return FRAGMENT_CLAIM, "a claim from a fragment, not a whole sentence"
        return 0.6, "from a fragment, not a whole sentence"
    if len(text.split()) > 55:
        return 0.75, "a long read"
    return 1.0, "reads as a sentence"


def _short(candidate: Candidate) -> tuple[float, str]:
    """A cloze whose prompt is too short to tell its blank from the things beside it (SHORT_PROMPT)."""
    if candidate.kind != "cloze" or candidate.template:
        return 1.0, ""
    words = len(candidate.question.prompt_text().split())
    if words >= SHORT_PROMPT or names_its_answer(candidate) or defined_here(candidate):
        return 1.0, ""
    return SHORT, f"a short sentence ({words} words) that neither names nor defines its blank"


def _redundancy(
    candidate: Candidate,
    seen_answers: dict[str, int],
    defined: set[str],
    term_answers: list[str],
    prompts: list[tuple[str, str]],
    blanked: set[int],
    terms: TermIndex,
    keys: frozenset[str] | None,
) -> tuple[float, str]:
    prompt, answer = normalised(candidate.question.prompt_text()), normalised(candidate.answer)
    for earlier, earlier_answer in prompts:
        # Two prompts alike but for their key term ('What does NMDA stand for?', '... HPA ...') ask
        # different things; alike with the same answer, or alike over a long sentence, they repeat.
        ratio = fuzz.token_sort_ratio(prompt, earlier)
        if (ratio >= NEAR_DUPLICATE and earlier_answer == answer) or (ratio >= 94 and len(prompt.split()) >= 8):
            return 0.2, "nearly repeats a higher-ranked question"
    if candidate.kind != "truefalse":
        times = seen_answers.get(normalised(candidate.answer), 0)
        if times and defined_after_blank(candidate, defined, prompts):
            return DEFINED_AFTER_BLANK, f"its answer is also blanked {times}× above; this asks what it is"
        if times:
            # A teacher deletes the second question on one answer: it falls under the threshold, and
            # is written only with --all (a short document then gives a short deck, not repeats).
            return 0.5, f"its answer is also asked {times}× above"
        overlap = _overlapping(normalised(candidate.answer), term_answers) if _term_answer(candidate) else None
        if overlap and not _kind_of(candidate.answer, overlap, terms, keys):
            return OVERLAP, f"its answer overlaps one asked above ('{overlap}')"
    if fill_in(candidate) and candidate.sentence is not None and candidate.sentence.index in blanked:
        # The same sentence with another word blanked asks the reader to read it twice: a teacher
        # keeps the first (--all writes the second too), however long the sentence.
        return SECOND_BLANK, "its sentence is also blanked above"
    return 1.0, "new"


def _repeated_fact(candidate: Candidate, asked: Asked, defined: set[str],
                   prompts: list[tuple[str, str]]) -> tuple[float, str]:
    """A fact asked above in another shape (a true/false of a blank's sentence, an acronym's expansion)."""
    why = asked.repeat(candidate)
    if why.startswith(ASKED_AS) and defined_after_blank(candidate, defined, prompts):
        # 'What is the term for a small icy body ...?' after '[Comets] ...': the blank named the term in
        # another form (a plural, an acronym); the definition is what no blank asked.
        return DEFINED_AFTER_BLANK, why.replace(ASKED_AS, "its answer is blanked above as", 1) + \
            "; this asks what it is"
    return (REPEATED_FACT, why) if why else (1.0, "")


def _term_answer(candidate: Candidate) -> bool:
    """A term as the answer (a blank, a right choice, a short answer), not a mechanism's sentence."""
    return candidate.kind in TERM_KINDS and not candidate.template and len(candidate.answer.split()) <= 6


def _kind_of(answer: str, earlier: str, terms: TermIndex, keys: frozenset[str] | None) -> bool:
    """True when the answer adds words to one asked above and the text treats it as a term of its own:
    'negative externality' after 'externality', 'bidentate ligands' after 'ligands' name a kind of it, a
    new concept, when the text marks them (or, marking few, names them again). A part of an answer asked
    above ('nuclide' after 'daughter nuclide') or an unmarked longer phrase ('terminal moraine' in a text
    that marks nothing of it) still repeats it."""
    folded = normalised(answer)
    if len(folded.split()) <= len(earlier.split()):
        return False
    bare = re.sub(r"^(?:the|a|an)\s+", "", answer.strip(), flags=re.I)
    term = terms.get(bare)
    if term is None:
        return False
    if keys is not None and term.group in keys:
        return True
    return keys is not None and named_again(bare, terms) is not None


def _overlapping(answer: str, term_answers: list[str]) -> str | None:
    """An answer asked above that this one holds whole, or that holds this one ('tumor', 'tumor cells')."""
    words = singular_phrase(answer)
    for earlier in term_answers:
        other = singular_phrase(earlier)
        if words and other and other != words and (
            re.search(rf"\b{re.escape(other)}\b", words) or re.search(rf"\b{re.escape(words)}\b", other)
        ):
            return earlier
    return None
