"""Assembling a draft: the templates' questions as candidates, and the final deck best first."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from quizmg.generate.claims import claim_problems
from quizmg.generate.document import Document
from quizmg.generate.false_statements import unused_opposite
from quizmg.generate.mechanism_records import statement_score, statements_for
from quizmg.generate.mechanisms import Statement
from quizmg.generate.quality import question_problems
from quizmg.generate.questions import Candidate
from quizmg.generate.templates import expand_deck
from quizmg.generate.terms import TermIndex, fold
from quizmg.generate.told import told_problem
from quizmg.generate.trust import THRESHOLD, rate
from quizmg.model import Deck, Mechanism, Source

TEMPLATE_KINDS = {
    "recall": "basic", "what": "basic", "target": "mcq", "true": "truefalse",
    "false": "truefalse", "order": "order", "cloze": "cloze", "why": "basic", "whatif": "basic",
    "not": "mcq", "pathway": "order",
}
# Preference among a mechanism's templates: they mostly ask about the same fact, so one is kept. A false
# statement comes just after a blank on the claim's term (true_false.py: it stands in for the link).
TEMPLATE_BONUS = {
    "target": 0.5, "recall": 0.45, "false": 0.29, "cloze": 0.3, "true": 0.2, "what": 0.6,
    "order": 0.7, "why": 0.8, "whatif": 0.55, "not": 0.5, "pathway": 0.6,
}


def template_candidates(
    mechanisms: list[Mechanism],
    statements: list[Statement],
    deck_id: str,
    terms: TermIndex,
    document: Document,
) -> list[Candidate]:
    """The questions the templates make from the mechanisms, scored and checked like the others."""
    deck = Deck(id=deck_id, title="draft", mechanisms=mechanisms)
    vocabulary = {word.lower() for sentence in document.sentences for word in re.findall(r"[\w’'-]+", sentence.text)}
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
            "what": f"define:{term_group(key, terms)}",
            "order": f"chain:{mechanism.id}",
            "pathway": f"chain:{mechanism.id}",
            "why": f"chain:{mechanism.id}",
            "whatif": f"predict:{mechanism.id}",
            "not": f"not:{mechanism.id}",
        }.get(template, f"claim:{fold(mechanism.agent)}|{term_group(key, terms)}")
        facts = {fact}
        if template not in {"what", "order", "pathway", "why", "whatif", "not"}:
            facts.add(f"{statement.sentence.index}:{fold(key)}")
        if template in {"true", "false"}:
            # One true/false question per sentence, whether a template or the drafter made it.
            facts.add(f"{statement.sentence.index}:statement")
        elif template == "recall":  # a true/false drafted from the whole sentence states it too
            facts.add(f"{statement.sentence.index}:recall")
        score = statement_score(statement, terms) + TEMPLATE_BONUS[template] + 1.0
        candidate = Candidate(
            question, score, frozenset(facts), question.answer_text(), statement.sentence,
            mechanism=mechanism.id, template=template,
        )
        candidate.problems = question_problems(question, terms) + claim_problems(
            question, mechanism, template, statements
        )
        if told := told_problem("template", statement.sentence.told):
            candidate.problems.append(told)  # a mechanism read from a case: every template of it
        if template == "false" and "generated" in mechanism.tags and (
                opposite := unused_opposite(mechanism.action, vocabulary)):
            # 'Molecular clouds activate the starlight' from '... block the starlight': the screen's sense
            candidate.problems.append(f"turned by {opposite!r}, a verb the text never uses: another sense")
        candidates.append(candidate)
    return candidates


def term_group(text: str, terms: TermIndex) -> str:
    term = terms.get(re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I))
    return term.group if term else fold(text)


# The note of a question the ranking took once nothing new was left: written after every new question.
REPEAT_NOTE = "asked after the new questions: its sentence or its answer is asked already"


def assemble(
    document: Document,
    deck_id: str,
    mechanisms: list[Mechanism],
    chosen: list[Candidate],
    statements: list[Statement],
    terms: TermIndex,
    source_text: str,
    keep_all: bool,
    limit: int,
) -> tuple[Deck, int, int]:
    """The final deck, best first; how many chosen questions scored under the threshold; how many of
    them `--all` adds (as many as the deck has room for).

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
    by_id = {m.id: m for m in deck.mechanisms}
    # The source as written and as read: 'K<sub>c</sub>' is 'Kc' to a reader, and a blank over it is in the text.
    read = "\n".join(sentence.text for sentence in document.sentences)
    rated = list(zip(survivors, rate(survivors, terms, f"{source_text}\n{read}", by_id), strict=True))
    # In rank order: the best `limit` that pass the threshold; with --all, those under it fill the
    # places left, so `--all` writes the same deck plus the drafts a teacher would otherwise not see.
    passing = sorted((pair for pair in rated if pair[1].score >= THRESHOLD),
                     key=lambda pair: (pair[0].repeat, -pair[1].score))[:limit]
    under = [pair for pair in rated if pair[1].score < THRESHOLD]
    more = min(len(under), limit - len(passing))
    if keep_all:
        passing += under[:more]
    # Best first: by score, and among equal scores in the order the ranking chose them (acceptance.py's
    # fitted chance did not order them better on held-out sets: benchmarks/fit_acceptance.py). A question the
    # ranking took only once nothing new was left (a second blank or statement of a sentence already asked)
    # comes after every question that asks something new, whatever its score.
    for candidate, trust in sorted(passing, key=lambda pair: (pair[0].repeat, -pair[1].score)):
        question = made[candidate.question.id] if candidate.mechanism else candidate.question
        if candidate.repeat:  # said in its note, so a teacher sees why a higher score comes later
            trust = replace(trust, reasons=(*trust.reasons, REPEAT_NOTE))
        explanation = f"{question.explanation} {trust.note()}".strip()
        questions.append(question.model_copy(update={"explanation": explanation}))
    written = {q.id for q in questions}
    mechanisms_left = []
    for mechanism in deck.mechanisms:
        templates = [t for t in TEMPLATE_KINDS if t not in mechanism.skip and f"{mechanism.id}.{t}" in written]
        if templates:
            skip = [t for t in TEMPLATE_KINDS if t not in templates]
            mechanisms_left.append(mechanism.model_copy(update={"skip": skip}))
    left_out = 0 if keep_all else len(under)
    return deck.model_copy(update={"mechanisms": mechanisms_left, "questions": questions}), left_out, more


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
