"""How the statements of one sentence hang together: what a 'by doing X' clause belongs to, which
statement is an effect of which, and what a participle after a comma adds ('..., blocking C').
"""

from __future__ import annotations

import re

from quizmg.generate.document import Sentence
from quizmg.generate.frequency import zipf
from quizmg.generate.phrases import FORMS, Word
from quizmg.generate.statement import Statement
from quizmg.generate.terms import TermIndex, fold
from quizmg.generate.words import (
    ADVERBS,
    DETERMINERS,
    VERB_WORDS,
    inflect,
    is_plural_phrase,
    past,
)

_CAUSAL = frozenset({"cause", "trigger", "lead to", "result in", "produce", "induce", "bring about",
                     "give rise to", "yield", "initiate"})


def participle_effect(statement: Statement, phrase: str, target: str) -> str:
    """'A inhibits B, blocking C' -> 'A blocks C'; 'A stimulates B, resulting in C' -> 'C follows'.

    The participle's subject is the clause's own subject; a causal verb names only an outcome, so
    the outcome stands alone (never 'this results in C', whose 'this' a question cannot show).
    """
    if phrase in _CAUSAL:
        plural = is_plural_phrase(_head_phrase(target))  # 'lesions called pox are produced'
        if " " in phrase or phrase == "cause":  # 'resulting in', 'causing': no passive reads well
            return f"{target} {'follow' if plural else 'follows'}"
        return f"{target} {'are' if plural else 'is'} {past(phrase)}"  # 'the cellular response is triggered'

    return f"{statement.agent} {agree(phrase, statement.agent)} {target}"


def _head_phrase(phrase: str) -> str:
    """'lesions called pox' -> 'lesions': the noun phrase before a participle or relative clause."""
    words = phrase.split()
    for index, word in enumerate(words[1:], start=1):
        if word.lower() in {"that", "which", "who"} or (
                word.lower() in VERB_WORDS and words[index - 1].lower() not in DETERMINERS):
            return " ".join(words[:index])
    return phrase


def species_name(phrase: str) -> bool:
    """'Cryptococcus neoformans', 'the fungus P. jirovecii': a genus and a species epithet name one
    organism, whatever the epithet's ending. The epithet is a Latin word no English text uses."""
    match = re.search(r"(?:^|\s)(?:([A-Z][a-z]+)|[A-Z]\.)\s+([a-z]{3,})$", phrase)
    if match is None:
        return False
    genus, epithet = match.group(1), match.group(2)
    if genus is None or zipf(epithet) < 1.0:
        return True  # 'E. coli', 'P. jirovecii': an abbreviated genus is only ever written before its species
    # 'Neisseria gonorrhoeae', 'Cryptococcus neoformans': a Latin ending that is no English plural ('algae'
    # alone is; 'protein kinases' is an English plural) after a capitalised word that is no common one.
    english_plural = epithet.endswith("s") and max(zipf(epithet[:-1]), zipf(epithet[:-2])) >= 2.0
    return (zipf(epithet) < 3.0 and _LATIN_END.search(epithet) is not None and not english_plural
            and zipf(genus.lower()) < 4.0)


_LATIN_END = re.compile(r"(?:ae|ii|i|us|um|is|es|ans|ens|a|ix|ex)$")


def agree(phrase: str, agent: str) -> str:
    """The verb phrase in the form its agent needs: 'magnesium blocks', 'calcium ions block'."""
    plural = is_plural_phrase(agent) and not species_name(agent)
    if phrase.startswith("be "):
        return ("are " if plural else "is ") + phrase[3:]
    return inflect(phrase, "base" if plural else "third")


def resolve_means(
    found: list[Statement], words: list[Word], terms: TermIndex, sentence: Sentence,
    antecedent: str,
) -> None:
    """'By blocking X, magnesium limits Y': the agent of 'blocking' is the main clause's subject."""
    for statement in found:
        if not statement.means or statement.agent:
            continue
        main = [s for s in found if not s.means and not s.relative and s.agent]
        if not main:
            agent = _subject_after_comma(words, statement.end, terms)
            if not agent:
                continue
            main_statement = None
        else:
            after = [s for s in main if s.start > statement.start]
            before = [s for s in main if s.start < statement.start]
            opening = statement.start <= 2  # "By doing X, A does Y"
            main_statement = (after[0] if opening and after else (before[-1] if before else main[0]))
            if not opening and main_statement.start < statement.start and _verb_between(
                    words, main_statement.end, statement.start - 1):
                continue  # '... and manages to block X by inducing Y': 'by' belongs to the nearer verb
            agent = main_statement.agent
        statement.agent = agent
        statement.action = agree(statement.verb, agent)
        # A main clause whose object pointed elsewhere ('can help prevent these two types of X', its
        # object dropped) gives the agent, never a result to follow: 'and so it can help prevent.'
        statement.result = main_statement if main_statement is not None and main_statement.target else None


def _verb_between(words: list[Word], start: int, end: int) -> bool:
    """A verb of any kind between two places of the sentence ('manages', 'block')."""
    return any((w.lower,) in FORMS or w.lower in VERB_WORDS for w in words[start:end])


def _subject_after_comma(words: list[Word], end: int, terms: TermIndex) -> str:
    position = end
    while position < len(words) and words[position].lower != ",":
        position += 1
    position += 1
    while position < len(words) and words[position].lower in DETERMINERS | ADVERBS:
        position += 1
    rest = " ".join(w.text for w in words[position : position + 4])
    first = next(iter(terms.occurrences(rest)), None)
    return first[2].text if first is not None and first[0] == 0 else ""


def link_effects(found: list[Statement]) -> None:
    """A later statement whose subject is an earlier one's object is one of its effects."""
    for index, statement in enumerate(found):
        if statement.means:
            continue
        chain = statement
        for later in found[index + 1 :]:
            if later.means:
                continue
            if fold(later.agent) == fold(chain.target) or (
                fold(chain.target).endswith(fold(later.agent)) and len(later.agent) > 3
            ):
                statement.effects.append(later.text())
                statement.effects.extend(e for e in later.effects if e not in statement.effects)
                chain = later
    for statement in found:
        if statement.means and statement.result is not None:
            statement.effects = [statement.result.text(), *statement.result.effects,
                                 *statement.effects]
    for statement in found:
        unique: list[str] = []
        for effect in statement.effects:
            if effect not in unique and fold(effect) != fold(statement.text()):
                unique.append(effect)
        statement.effects = unique
