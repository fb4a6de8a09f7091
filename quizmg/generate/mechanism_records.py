"""Mechanism records for a draft: the statements worth templates, their key terms and safe distractors."""

from __future__ import annotations

import re

from quizmg.generate.claims import supported
from quizmg.generate.definition_checks import askable_definition, says_no_meaning
from quizmg.generate.document import Document
from quizmg.generate.mechanisms import Statement
from quizmg.generate.quality import bad_blank
from quizmg.generate.questions import Drafter, source_note
from quizmg.generate.terms import Term, TermIndex, fold, looks_like_substance, simplify
from quizmg.generate.words import STOP_WORDS
from quizmg.model import Mechanism


def add_mechanism_terms(statements: list[Statement], terms: TermIndex, document: Document) -> None:
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
    # Every term against every statement: the statements' sides are folded once, and the targets searched as
    # one text (a separator no folded term holds keeps a match inside one target).
    targets = "\0".join(fold(s.target) for s in statements)
    agents = {fold(s.agent) for s in statements}
    for term in terms.terms.values():
        text = fold(term.text)
        inside = text in targets if "\0" not in text else any(text in fold(s.target) for s in statements)
        if statements and (inside or text in agents):
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


def statement_score(statement: Statement, terms: TermIndex) -> float:
    score = 1.0 + 0.3 * min(len(statement.effects), 4)
    key = key_term(statement.target, terms)
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


def key_term(target: str, terms: TermIndex) -> Term | None:
    found = [term for _, _, term in terms.occurrences(target)]
    return max(found, key=lambda t: (t.weight(), t.key), default=None)


def mechanism_records(
    statements: list[Statement], terms: TermIndex, drafter: Drafter, all_statements: list[Statement]
) -> list[Mechanism]:
    """Mechanism records for the best statements, with safe distractors and a source note."""
    made: list[Mechanism] = []
    ids: set[str] = set()
    for statement in statements:
        key = key_term(statement.target, terms)
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
        if key is not None and key.definition and fold(target_core) == key.key and _meaning(key):
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
        base = slug(f"{statement.agent} {statement.verb} {target_core}")[:60].strip("-") or "m"
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


def statements_for(mechanisms: list[Mechanism], statements: list[Statement]) -> list[Statement]:
    """The statement each mechanism was made from, in the same order."""
    by_claim = {(s.agent, s.action, s.target): s for s in statements}
    return [by_claim[(m.agent, m.action, m.target)] for m in mechanisms]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _meaning(term: Term) -> bool:
    """Whether the term's definition answers 'What is meant by ...?': one a teacher would ask the term from,
    and not an example, a comparison or a graded role ('thiamine, an important nutrient in some foods')."""
    definition = term.definition or ""
    return askable_definition(term.text, definition) and not says_no_meaning(definition)
