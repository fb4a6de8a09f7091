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
from quizmg.generate.claims import claim_problems, supported
from quizmg.generate.document import Document, Sentence, read_document
from quizmg.generate.mechanisms import Statement, extract_statements
from quizmg.generate.model_extract import ModelResult, ProposedMechanism, check_proposals
from quizmg.generate.quality import bad_blank, question_problems
from quizmg.generate.questions import Candidate, Drafter, source_note
from quizmg.generate.ranking import select
from quizmg.generate.short_answers import definition_questions
from quizmg.generate.templates import expand_deck
from quizmg.generate.terms import Term, TermIndex, fold, looks_like_substance, simplify
from quizmg.generate.trust import THRESHOLD, Trust, rate
from quizmg.generate.words import STOP_WORDS
from quizmg.model import Deck, Mechanism, Source

DEFAULT_MAX = 60
KINDS = ("basic", "cloze", "mcq", "truefalse", "short", "order")
TEMPLATE_KINDS = {
    "recall": "basic", "what": "basic", "target": "mcq", "true": "truefalse",
    "false": "truefalse", "order": "order", "cloze": "cloze", "why": "basic", "whatif": "basic",
    "not": "mcq", "pathway": "order",
}
# Preference among a mechanism's templates: they mostly ask about the same fact, so one is kept.
TEMPLATE_BONUS = {
    "target": 0.5, "recall": 0.45, "false": 0.35, "cloze": 0.3, "true": 0.2, "what": 0.6,
    "order": 0.7, "why": 0.8, "whatif": 0.55, "not": 0.5, "pathway": 0.6,
}
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
    _add_mechanism_terms(statements, terms, document)
    drafter = Drafter(terms, len(document.sentences), {s.sentence.index for s in statements},
                      document.sentences)
    candidates: list[Candidate] = []
    for number, sentence in enumerate(document.sentences, start=1):
        candidates.extend(drafter.draft(sentence))
        if report and number % 200 == 0:
            report(len(document.sentences) + number)
    candidates.extend(definition_questions(drafter, document.sentences))
    for candidate in candidates:
        candidate.problems = question_problems(candidate.question, terms)

    ranked = sorted(statements, key=lambda s: (-_statement_score(s, terms), s.sentence.index))
    mechanisms = _mechanisms(ranked[: max(8, max_questions // 2)], terms, drafter, statements)
    deck_id = deck_id or _slug(path.stem) or "draft"
    template_candidates = _template_candidates(mechanisms, statements, deck_id, terms, document)
    # Twice as many as wanted: those scoring under the threshold make room for the next best.
    chosen = select([*template_candidates, *candidates], max_questions * (1 if keep_all else 2), kinds,
                    answer_group=answer_group(terms))
    deck, left_out = _assemble(document, deck_id, mechanisms, chosen, statements, terms, text, keep_all,
                               max_questions)
    sources = {c.question.id: c.sentence for c in chosen if c.question.id and c.sentence is not None}
    if progress:
        progress(total, total)
    rejected: dict[str, int] = {}
    for candidate in [*candidates, *template_candidates]:
        for problem in candidate.problems:
            reason = re.sub(r"\s*\(.*|:.*|'.*", "", problem)
            rejected[reason] = rejected.get(reason, 0) + 1
    if left_out:
        rejected[f"scored under {THRESHOLD}/100"] = left_out
    return Draft(deck, document, terms, statements, rejected, left_out=left_out, sources=sources, model=checked)


def find_terms_with_progress(document: Document) -> TermIndex:
    """The document's key terms (a separate step so a progress bar can name it)."""
    from quizmg.generate.term_finding import find_terms

    return find_terms(document)


def _add_mechanism_terms(statements: list[Statement], terms: TermIndex, document: Document) -> None:
    """What mechanisms act on is worth asking about: make short targets key terms too."""
    added: dict[str, Term] = {}
    for statement in statements:
        for phrase in re.split(r"\s+(?:to|into)\s+", statement.target):
            words = phrase.split()
            while words and words[0].lower() in STOP_WORDS:
                words.pop(0)
            phrase = " ".join(words)
            if not phrase or len(words) > 3 or fold(phrase) in terms.terms or fold(phrase) in added:
                continue
            if words[-1].lower() in STOP_WORDS or any(w.lower() in {"of", "and"} for w in words):
                continue
            kinds = {"mechanism", "substance"} if looks_like_substance(phrase) else {"mechanism"}
            added[fold(phrase)] = Term(text=phrase, kinds=kinds, group=fold(phrase),
                                      first_sentence=statement.sentence.index)
    for term in terms.terms.values():
        if any(fold(term.text) in fold(s.target) or fold(term.text) == fold(s.agent) for s in statements):
            term.kinds.add("mechanism")
    if not added:
        return
    fresh = TermIndex(added)
    for sentence in document.sentences:
        for _, _, term in fresh.occurrences(simplify(sentence.text)):
            term.count += 1
    for key, term in added.items():
        # A lone common word ('remains') is a weak answer unless the text keeps coming back to it.
        if term.count and (" " in term.text or "substance" in term.kinds or term.count >= 2):
            terms.terms[key] = term
    terms.longest = max(terms.longest, fresh.longest)


def _statement_score(statement: Statement, terms: TermIndex) -> float:
    score = 1.0 + 0.3 * min(len(statement.effects), 4)
    key = _key_term(statement.target, terms)
    if key is not None:
        score += key.weight()
    agent = terms.get(statement.agent)
    if agent is not None:
        score += 0.3 * agent.weight()
    elif statement.agent.lower().startswith(("the ", "a ", "an ")) or statement.agent.split()[0].endswith("ed"):
        score -= 1.0  # 'the toxic compound', 'activated receptors': unclear without the sentence
    if statement.hedged:
        score -= 0.3
    if statement.relative:
        score -= 0.4
    if len(statement.target.split()) > 6:
        score -= 0.6
    return score


def _key_term(target: str, terms: TermIndex) -> Term | None:
    found = [term for _, _, term in terms.occurrences(target)]
    return max(found, key=lambda t: (t.weight(), t.key), default=None)


def _mechanisms(
    statements: list[Statement], terms: TermIndex, drafter: Drafter, all_statements: list[Statement]
) -> list[Mechanism]:
    """Mechanism records for the best statements, with safe distractors and a source note."""
    made: list[Mechanism] = []
    ids: set[str] = set()
    for statement in statements:
        key = _key_term(statement.target, terms)
        key_text = None
        if key is not None:
            match = re.search(rf"(?<![\w-]){re.escape(key.text)}(?![\w-])", statement.target, re.I)
            context = f"{statement.agent} {statement.action} {statement.target}"
            offset = len(context) - len(statement.target)
            if match and not bad_blank(
                match.group(0), context, offset + match.start(), offset + match.end(), terms
            ):
                key_text = match.group(0)
        target_core = re.sub(r"^(?:the|a|an)\s+", "", statement.target, flags=re.I)
        target_is = ""
        if key is not None and key.definition and fold(target_core) == key.key:
            target_is = key.definition
        distractors = []
        for other in drafter.distractors(key, statement.target, count=8) if key and key_text else []:
            if fold(other) in fold(statement.agent) or fold(statement.agent) in fold(other):
                continue
            # Same shape as the right answer: 'the synthesis of cortisol' for 'the synthesis of melatonin'.
            wrong = statement.target.replace(key_text, other, 1)  # type: ignore[arg-type]
            if not supported(statement.agent, statement.verb, wrong, all_statements):
                distractors.append(wrong)
        distractors = distractors[:3]
        skip: list[str] = [] if len(distractors) >= 3 else ["target"]  # four choices or none
        if key_text is None:
            skip.append("cloze")  # no key term to hide: a blank over a common word teaches little
        base = _slug(f"{statement.agent} {statement.verb} {target_core}")[:60].strip("-") or "m"
        mechanism_id, number = base, 2
        while mechanism_id in ids:
            mechanism_id, number = f"{base}-{number}", number + 1
        ids.add(mechanism_id)
        simple = simplify(statement.sentence.text)
        made.append(
            Mechanism(
                id=mechanism_id,
                agent=statement.agent,
                action=statement.action,
                target=statement.target,
                target_is=target_is,
                effects=statement.effects[:6],
                section=statement.sentence.section,
                key_term=key_text if key_text and key_text != statement.target else None,
                distractors=distractors,
                explanation=f"The text says: {simple} {source_note(statement.sentence)}",
                tags=["generated"],
                skip=skip,  # type: ignore[arg-type]
            )
        )
    return made


def _template_candidates(
    mechanisms: list[Mechanism],
    statements: list[Statement],
    deck_id: str,
    terms: TermIndex,
    document: Document,
) -> list[Candidate]:
    """The questions the templates make from the mechanisms, scored and checked like the others."""
    deck = Deck(id=deck_id, title="draft", mechanisms=mechanisms)
    by_id = {m.id: m for m in mechanisms}
    statement_of = {m.id: s for m, s in zip(mechanisms, statements_for(mechanisms, statements), strict=True)}
    candidates = []
    for question in expand_deck(deck):
        assert question.mechanism is not None and question.id is not None
        mechanism = by_id[question.mechanism]
        template = question.id.rsplit(".", 1)[1]
        statement = statement_of[mechanism.id]
        key = mechanism.key_term or mechanism.target
        fact = {
            "what": f"define:{_group(key, terms)}",
            "order": f"chain:{mechanism.id}",
            "pathway": f"chain:{mechanism.id}",
            "why": f"chain:{mechanism.id}",
            "whatif": f"predict:{mechanism.id}",
            "not": f"not:{mechanism.id}",
        }.get(template, f"claim:{fold(mechanism.agent)}|{_group(key, terms)}")
        facts = {fact}
        if template not in {"what", "order", "pathway", "why", "whatif", "not"}:
            facts.add(f"{statement.sentence.index}:{fold(key)}")
        if template in {"true", "false"}:
            # One true/false question per sentence, whether a template or the drafter made it.
            facts.add(f"{statement.sentence.index}:statement")
        score = _statement_score(statement, terms) + TEMPLATE_BONUS[template] + 1.0
        candidate = Candidate(
            question, score, frozenset(facts), question.answer_text(), statement.sentence,
            mechanism=mechanism.id, template=template,
        )
        candidate.problems = question_problems(question, terms) + claim_problems(
            question, mechanism, template, statements
        )
        candidates.append(candidate)
    return candidates


def statements_for(mechanisms: list[Mechanism], statements: list[Statement]) -> list[Statement]:
    """The statement each mechanism was made from, in the same order."""
    by_claim = {(s.agent, s.action, s.target): s for s in statements}
    return [by_claim[(m.agent, m.action, m.target)] for m in mechanisms]


def answer_group(terms: TermIndex) -> Callable[[str], str]:
    """What an answer names, so two names of one thing count as one answer in the ranking.

    'What does MRSA stand for?' (answered by the expansion) asks about MRSA as much as a blank over it.
    """
    spelled_out = {fold(t.expansion): t.group for t in terms.terms.values() if t.expansion}
    return lambda answer: spelled_out.get(fold(answer)) or _group(answer, terms)


def _group(text: str, terms: TermIndex) -> str:
    term = terms.get(re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I))
    return term.group if term else fold(text)


def _assemble(
    document: Document,
    deck_id: str,
    mechanisms: list[Mechanism],
    chosen: list[Candidate],
    statements: list[Statement],
    terms: TermIndex,
    source_text: str,
    keep_all: bool,
    limit: int,
) -> tuple[Deck, int]:
    """The final deck, best first, and how many chosen questions scored under the threshold.

    Every question is written out in ranked order, each with its score and reasons; a template's
    question keeps its id (`<mechanism>.<template>`), so it stands in for what the mechanism makes, and
    the mechanism keeps only the templates chosen.
    """
    kept_templates: dict[str, set[str]] = {}
    best: dict[str, float] = {}
    for candidate in chosen:
        if candidate.mechanism:
            kept_templates.setdefault(candidate.mechanism, set()).add(candidate.template or "")
            best[candidate.mechanism] = max(best.get(candidate.mechanism, 0.0), candidate.score)
    final_mechanisms = []
    for mechanism in sorted(mechanisms, key=lambda m: (-best.get(m.id, 0.0), m.id)):
        if mechanism.id not in kept_templates:
            continue
        skip = [t for t in TEMPLATE_KINDS if t not in kept_templates[mechanism.id]]
        final_mechanisms.append(mechanism.model_copy(update={"skip": skip}))
    source = Source(title=document.title, author=document.author or None)
    deck = Deck(
        id=deck_id,
        title=f"{document.title} (draft)",
        description=(
            f"Drafted by `quizmg generate` from {Path(document.path).name}. "
            "Review every question before using it."
        ),
        source=source,
        tags=["generated"],
        mechanisms=final_mechanisms,
    )
    deck = _recheck(deck, statements, terms)
    made = {q.id: q for q in expand_deck(deck)}
    survivors = [c for c in chosen if not c.mechanism or c.question.id in made]
    questions = []
    left_out = 0
    by_id = {m.id: m for m in deck.mechanisms}
    rated = list(zip(survivors, rate(survivors, terms, source_text, by_id), strict=True))
    # Best first: by score, and among equal scores in the order the ranking chose them.
    passing: list[tuple[Candidate, Trust]] = []
    for candidate, trust in rated:  # in rank order: the best `limit` that pass the threshold
        if trust.score < THRESHOLD and not keep_all:
            left_out += 1
        elif len(passing) < limit:
            passing.append((candidate, trust))
    for candidate, trust in sorted(passing, key=lambda pair: -pair[1].score):
        question = made[candidate.question.id] if candidate.mechanism else candidate.question
        explanation = f"{question.explanation} {trust.note()}".strip()
        questions.append(question.model_copy(update={"explanation": explanation}))
    written = {q.id for q in questions}
    mechanisms_left = []
    for mechanism in deck.mechanisms:
        templates = [t for t in TEMPLATE_KINDS if t not in mechanism.skip and f"{mechanism.id}.{t}" in written]
        if templates:
            skip = [t for t in TEMPLATE_KINDS if t not in templates]
            mechanisms_left.append(mechanism.model_copy(update={"skip": skip}))
    return deck.model_copy(update={"mechanisms": mechanisms_left, "questions": questions}), left_out


def _recheck(deck: Deck, statements: list[Statement], terms: TermIndex) -> Deck:
    """Switch off any template whose question changed for the worse once other mechanisms left."""
    for _ in range(3):
        by_id = {m.id: m for m in deck.mechanisms}
        failing: dict[str, list[str]] = {}
        for question in expand_deck(deck):
            if question.mechanism is None or question.id is None or "." not in question.id:
                continue
            template = question.id.rsplit(".", 1)[1]
            mechanism = by_id[question.mechanism]
            problems = question_problems(question, terms) + claim_problems(
                question, mechanism, template, statements
            )
            if problems:
                failing.setdefault(mechanism.id, []).append(template)
        if not failing:
            return deck
        mechanisms = []
        for mechanism in deck.mechanisms:
            skip = sorted(set(mechanism.skip) | set(failing.get(mechanism.id, [])),
                          key=list(TEMPLATE_KINDS).index)
            if len(skip) < len(TEMPLATE_KINDS):
                mechanisms.append(mechanism.model_copy(update={"skip": skip}))
        deck = deck.model_copy(update={"mechanisms": mechanisms})
    return deck


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
