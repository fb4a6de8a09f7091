"""Drafting a whole deck from a document: mechanisms for the templates, plus drafted questions.

    document -> key terms -> mechanism statements -> candidate questions -> quality gate
             -> ranking -> Deck (mechanisms with the templates worth keeping, questions best first)
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from quizmg.errors import DeckError
from quizmg.generate.assemble import assemble, template_candidates, term_group
from quizmg.generate.document import Document, Sentence, read_document
from quizmg.generate.mechanism_records import add_mechanism_terms, mechanism_records, slug, statement_score
from quizmg.generate.mechanisms import Statement, extract_statements
from quizmg.generate.model_extract import ModelResult, ProposedMechanism, check_proposals
from quizmg.generate.quality import question_problems
from quizmg.generate.questions import Candidate, Drafter
from quizmg.generate.ranking import select
from quizmg.generate.short_answers import definition_questions
from quizmg.generate.terms import TermIndex, fold
from quizmg.generate.told import told_problem
from quizmg.generate.true_false import one_way
from quizmg.generate.trust import THRESHOLD, UNMARKED_RANK, key_groups, unmarked_answer
from quizmg.model import Deck

DEFAULT_MAX = 60
KINDS = ("basic", "cloze", "mcq", "truefalse", "short", "order")
Progress = Callable[[int, int], None]


@dataclass
class Draft:
    """A drafted deck and what was found on the way, for the command's summary."""

    deck: Deck
    document: Document
    terms: TermIndex
    statements: list[Statement]
    rejected: dict[str, int] = field(default_factory=dict)
    left_out: int = 0  # chosen questions left out for scoring under the threshold
    wanted: int = DEFAULT_MAX  # how many questions were asked for (--max)
    more_with_all: int = 0  # how many of the left-out questions `--all` would add (room in the deck)
    sources: dict[str, Sentence] = field(default_factory=dict)  # question id -> the sentence it came from
    model: ModelResult | None = None  # what a language model proposed and what of it was kept


def draft_deck(
    text: str,
    path: str | Path,
    *,
    max_questions: int = DEFAULT_MAX,
    kinds: set[str] | None = None,
    deck_id: str | None = None,
    progress: Progress | None = None,
    keep_all: bool = False,
    proposals: list[ProposedMechanism] | None = None,
) -> Draft:
    """Draft a deck from a document's text. Deterministic: the same text gives the same deck."""
    path = Path(path)
    if max_questions < 1:
        raise DeckError.single(path, "--max must be at least 1")
    document = read_document(text, path)
    total = len(document.sentences) * 2
    report = (lambda done: progress(done, total)) if progress else None
    terms = find_terms_with_progress(document)
    statements = extract_statements(document.sentences, terms, report)
    checked = None
    if proposals is not None:  # a model's mechanisms, kept only where a sentence states them
        checked = check_proposals(proposals, document)
        known = {statement.key: statement for statement in statements}
        for proposed in checked.statements:
            if proposed.key not in known:
                statements.append(proposed)
            elif len(proposed.effects) > len(known[proposed.key].effects):
                known[proposed.key].effects = proposed.effects  # the model linked what follows, checked
    add_mechanism_terms(statements, terms, document)
    drafter = Drafter(terms, len(document.sentences), {s.sentence.index for s in statements},
                      document.sentences, statements)
    candidates: list[Candidate] = []
    for number, sentence in enumerate(document.sentences, start=1):
        candidates.extend(drafter.draft(sentence))
        if report and number % 200 == 0:
            report(len(document.sentences) + number)
    candidates.extend(definition_questions(drafter, document.sentences))
    keys = key_groups(terms)
    for candidate in candidates:
        candidate.problems = question_problems(candidate.question, terms)
        told = candidate.sentence and told_problem(candidate.kind, candidate.sentence.told,
                                                   candidate.question.prompt_text(), candidate.answer,
                                                   _marked(candidate.answer, terms))
        if told:
            candidate.problems.append(told)
        if unmarked_answer(candidate, terms, keys):
            candidate.score -= UNMARKED_RANK

    ranked = sorted(statements, key=lambda s: (-statement_score(s, terms), s.sentence.index))
    mechanisms = mechanism_records(ranked[: max(8, max_questions // 2)], terms, drafter, statements)
    deck_id = deck_id or slug(path.stem) or "draft"
    from_templates = template_candidates(mechanisms, statements, deck_id, terms, document)
    one_way(from_templates, candidates)  # each claim asked as true or as false, never beside its why
    # Twice as many as wanted: those scoring under the threshold make room for the next best (and with
    # --all come after them).
    chosen = select([*from_templates, *candidates], max_questions * 2, kinds,
                    answer_group=answer_group(terms))
    deck, left_out, more = assemble(document, deck_id, mechanisms, chosen, statements, terms, text, keep_all,
                               max_questions)
    sources = {c.question.id: c.sentence for c in chosen if c.question.id and c.sentence is not None}
    if progress:
        progress(total, total)
    rejected: dict[str, int] = {}
    for candidate in [*candidates, *from_templates]:
        for problem in candidate.problems:
            reason = re.sub(r"\s*\(.*|:.*|'.*", "", problem)
            rejected[reason] = rejected.get(reason, 0) + 1
    if left_out:
        rejected[f"scored under {THRESHOLD}/100"] = left_out
    return Draft(deck, document, terms, statements, rejected, left_out=left_out, wanted=max_questions,
                 more_with_all=0 if keep_all else more, sources=sources, model=checked)


def find_terms_with_progress(document: Document) -> TermIndex:
    """The document's key terms (a separate step so a progress bar can name it)."""
    from quizmg.generate.term_finding import find_terms

    return find_terms(document)


def answer_group(terms: TermIndex) -> Callable[[str], str]:
    """What an answer names, so two names of one thing count as one answer in the ranking.

    'What does MRSA stand for?' (answered by the expansion) asks about MRSA as much as a blank over it.
    """
    spelled_out = {fold(t.expansion): t.group for t in terms.terms.values() if t.expansion}
    return lambda answer: spelled_out.get(fold(answer)) or term_group(answer, terms)


def _marked(answer: str, terms: TermIndex) -> bool:
    """True when the text marks the answer, or the letters that stand for it (told.told_problem)."""
    return any(term is not None and "marked" in term.kinds for term in (terms.get(answer), terms.acronym_of(answer)))
