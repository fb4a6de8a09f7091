"""Finding mechanism statements: sentences where something acts on something, and what follows.

No parser and no model: a lexicon of action verbs, and noun phrases read off the words around them.
A statement is kept only when its subject is clear (the start of a clause, not the middle of a phrase).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from quizmg.generate.document import Sentence
from quizmg.generate.frequency import KIND_NOUNS
from quizmg.generate.mechanism_links import agree, link_effects, participle_effect, resolve_means
from quizmg.generate.name_case import common_form, names_in
from quizmg.generate.objects import ADJECTIVE_ENDS, modifier_like, object_phrase
from quizmg.generate.phrases import (
    AUXILIARIES,
    MAX_AGENT_WORDS,
    Word,
    agent_left,
    cut_short,
    same_sentence_referent,
    verb_at,
)
from quizmg.generate.sentence_use import needs_unseen
from quizmg.generate.statement import Statement
from quizmg.generate.statement_checks import stands_alone, whole_target
from quizmg.generate.terms import WORD_PATTERN, TermIndex, fold, simplify
from quizmg.generate.words import (
    ADVERBS,
    ASSOCIATIONS,
    DETERMINERS,
    MODALS,
    PRONOUN_STARTS,
    ROLE_PATTERN,
    STOP_WORDS,
    is_plural_phrase,
    word_set,
)

# An abbreviated genus and its species ('P. jirovecii', 'E. coli') is one name: its period ends nothing. Nor
# do the points of an abbreviation ('U.S.') or a number ('1.3', '480,000', '5%'), nor an ampersand ('R&D').
_TOKEN = re.compile(r"\b[A-Z]\. [a-z]{3,}\b|\b(?:[A-Z]\.){2,}|\b[A-Z]{1,4}&[A-Z]{1,4}\b"
                    r"|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?%?|\b\d+\.\d+%?|\b\d+%|"
                    + WORD_PATTERN + r"|[,;:.!?()\"“”—]")
_FREQUENCY = word_set("often usually typically generally normally sometimes frequently commonly")
_PASSIVE_AUX = word_set("is are was were be been being")
_CONDITION = re.compile(
    r"^(?:if|unless|when|whenever|once|only|in the (?:absence|presence) of|without|for (?:a|an) \w+ to|"
    r"under|in (?:some|certain|many|most) (?:cases|conditions))\b",
    re.I,
)


def extract_statements(
    sentences: list[Sentence], terms: TermIndex, progress: Callable[[int], None] | None = None
) -> list[Statement]:
    """Every mechanism statement of the sentences, in document order, duplicates merged.

    `progress` is told how many sentences are done, every few hundred.
    """
    found: list[Statement] = []
    seen: dict[tuple[str, str, str], Statement] = {}
    previous_agent: dict[str | None, str] = {}
    topic = _topic(terms)
    names = names_in(sentences)
    for number, sentence in enumerate(sentences, start=1):
        if progress is not None and number % 200 == 0:
            progress(number)
        before = sentences[number - 2] if number > 1 and sentences[number - 2].section == sentence.section else None
        for statement in statements_in(sentence, terms, previous_agent.get(sentence.section, topic)):
            if before is not None and _introduced_before(statement.agent, before):
                continue  # '... uses virulence factors. The virulence factors inhibit ...': whose, only the text says
            statement.agent = common_form(statement.agent, names)
            statement.target = common_form(statement.target, names)
            if statement.key in seen:
                earlier = seen[statement.key]
                if len(statement.effects) > len(earlier.effects):
                    earlier.effects = statement.effects
                continue
            seen[statement.key] = statement
            found.append(statement)
            if fold(statement.agent) not in PRONOUN_STARTS:
                previous_agent[sentence.section] = statement.agent
    return found


def _introduced_before(agent: str, earlier: Sentence) -> bool:
    """'The virulence factors' right after a sentence that brought in 'virulence factors' (no 'the'):
    the article points back to that sentence's own ones, which the statement alone cannot show."""
    if not agent.startswith("the "):
        return False
    noun = agent[4:]
    for match in re.finditer(rf"\b{re.escape(noun)}\b", simplify(earlier.text), re.I):
        before = simplify(earlier.text)[: match.start()].split()[-1:]
        if not before or before[0].lower() not in {"the", "this", "these", "that", "those", "its", "their"}:
            return True
    return False


def _topic(terms: TermIndex) -> str:
    ranked = terms.ranked()
    return ranked[0].text if ranked else ""


def statements_in(sentence: Sentence, terms: TermIndex, antecedent: str = "") -> list[Statement]:
    """The statements of one sentence, with effects linked within it."""
    text = simplify(sentence.text)
    if _CONDITION.match(text):
        return []  # 'If X, A blocks B' is true only under the condition: never stated without it
    words = [Word(m.group(), m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(text)]
    found: list[Statement] = []
    index = 0
    while index < len(words):
        made = _statement_at(words, index, sentence, terms, antecedent, found)
        if made is None:
            index += 1
            continue
        found.append(made)
        index = max(index + 1, made.end)
        # "X blocks A and inhibits B": the second verb shares the subject.
        while index + 1 < len(words) and words[index].lower in {"and", "or"}:
            shared = verb_at(words, index + 1)
            if shared is None:
                break
            phrase, role, length = shared
            if role == "gerund" and not made.means:
                break
            target_end, target = object_phrase(words, index + 1 + length, phrase)
            if not target:
                break
            made = Statement(
                agent=made.agent, action=agree(phrase, made.agent), verb=phrase, target=target,
                sentence=sentence, start=index + 1, end=target_end, means=made.means,
            )
            found.append(made)
            index = target_end
    # Most sentences state nothing; the checks below, on the sentence as a whole, are asked only of those
    # that do (they read the sentence only, so asking them later changes no answer).
    if not found:
        return []
    if needs_unseen(sentence.text):
        return []  # 'x rays are produced by the process shown in the figure': which process, only the figure says
    for statement in found:
        first, _, rest = statement.target.partition(" ")
        if first.lower() in {"this", "these", "that", "those", "it", "them"}:
            # 'Calcium influx triggers ..., whereas magnesium blocks this influx': one earlier
            # '... influx' in the same sentence is what 'this influx' means; anything else is a guess.
            statement.target = same_sentence_referent(rest, text, terms) if rest else ""
    # '... occurs when BCRs interact with ...': a claim inside a clause of condition or time is true only
    # then; stated alone it says more than the text.
    found = [s for s in found if not _in_condition(words, s)]
    resolve_means(found, words, terms, sentence, antecedent)
    link_effects(found)
    return [s for s in found if s.agent and s.target and stands_alone(s) and whole_target(s, text)
            and not _spelled_out_by_acronym(s, terms)]


def _spelled_out_by_acronym(statement: Statement, terms: TermIndex) -> bool:
    """'The MeV causes measles': an acronym whose expansion ('measles virus') names the other side gives
    the claim away as surely as the name written out would; so does one whose expansion names the other
    side's expansion ('WEEV causes WEE': western equine encephalitis virus / western equine encephalitis)."""
    for side, other in ((statement.agent, statement.target), (statement.target, statement.agent)):
        term = terms.get(re.sub(r"^(?:the|a|an)\s+", "", side, flags=re.I))
        if term is None or not term.expansion:
            continue
        named = {word.lower() for word in re.findall(r"[\w-]+", other)}
        spelled = terms.get(re.sub(r"^(?:the|a|an)\s+", "", other, flags=re.I))
        if spelled is not None and spelled.expansion:
            named |= {word.lower() for word in re.findall(r"[\w-]+", spelled.expansion)}
        if any(len(word) >= 4 and word.lower() in named and word.lower() not in KIND_NOUNS
               for word in term.expansion.split()):
            return True
    return False


# 'whether' opens a clause the sentence asks or doubts, never asserts: 'the question of whether X produces Y'.
_SUBORDINATORS = word_set("if unless when whenever once until provided whether")
_CLAUSE_ENDS = frozenset({",", ";", ":", "—", "(", ")"})


def _in_condition(words: list[Word], statement: Statement) -> bool:
    """True when the statement's clause opens with 'if', 'when', 'unless', 'whether' ... after the sentence's start
    (a sentence that opens with one is refused whole)."""
    position = statement.start - 1
    while position >= 0 and statement.start - position <= MAX_AGENT_WORDS + 4:
        word = words[position].lower
        if word in _CLAUSE_ENDS:
            return False
        if word in _SUBORDINATORS:
            return True
        position -= 1
    return False


def _statement_at(
    words: list[Word],
    index: int,
    sentence: Sentence,
    terms: TermIndex,
    antecedent: str,
    found: list[Statement],
) -> Statement | None:
    role_match = _role_at(words, index)
    if role_match is not None:
        action, length, gerund = role_match
        phrase, role = action, ("gerund" if gerund else "third")
    else:
        verb = verb_at(words, index)
        if verb is None:
            return _association_at(words, index, sentence, terms, antecedent, found)
        phrase, role, length = verb
    before = words[index - 1].lower if index else ""
    after = words[index + length].lower if index + length < len(words) else ""
    if role_match is None and (before in DETERMINERS or after == "of" or before in {"of", "to"}):
        return None  # a noun ("the release of") or an infinitive ("to reduce")
    if role_match is None and _possessive(before):
        return None  # "infrared's lower frequencies": after a possessive, a describing word, never a verb
    if role == "base" and index > 0 and modifier_like(words[index - 1].text):
        return None  # 'social support', 'perceived control': after a describing word, a noun
    if role == "past":
        return _passive(words, index, length, phrase, sentence, terms, antecedent)
    target_end, target = object_phrase(words, index + length, phrase)
    if not target:
        return None
    if target_end < len(words) and words[target_end].lower in {"less", "more"}:
        return None  # "erodes the banks less": without the comparison the claim would be wrong
    if cut_short(words, target_end, phrase):
        return None  # "causes the sarcolemma [to tear]": the claim is in what follows
    if role == "gerund" and (_negation(before) or before in _BE_FORMS):
        # 'glands aren't producing saliva', 'cells are producing ...': a verb in the progressive, not a
        # participle. A negative one tells of a moment ('when your gums are diseased, the glands aren't
        # producing enough'), no mechanism; an affirmative one reads as the simple present.
        if _negation(before) or (index > 1 and _negation(words[index - 2].lower)):
            return None
        agent = agent_left(words, index - 1, terms, antecedent, sentence, found)
        if not agent:
            return None
        return Statement(agent, agree(phrase, agent), phrase, target, sentence, start=index, end=target_end)
    if role == "gerund":
        means = before == "by" or (before in {"and", "or"} and bool(found) and found[-1].means)
        if not means and before in {",", ";"} and found and found[-1].means:
            # 'by promoting X, accelerating Y, and slowing Z': a list of means, each one of its own
            return Statement("", phrase, phrase, target, sentence, start=index, end=target_end, means=True)
        if not means:
            if before in {",", ";"} and found and not cut_short(words, target_end, phrase):
                found[-1].effects.append(participle_effect(found[-1], phrase, target))
            elif words[index - 1].is_word and before not in STOP_WORDS and index > 0:
                agent = agent_left(words, index, terms, antecedent, sentence, found, participle=True)
                if agent and not agent.lower().endswith(ADJECTIVE_ENDS):  # 'cellular [binding sites]'
                    # ('pathways converting serotonin': a noun before the participle is its subject)
                    return Statement(agent, agree(phrase, agent), phrase, target, sentence,
                                     start=index, end=target_end, relative=True)
            return None
        return Statement("", phrase, phrase, target, sentence, start=index, end=target_end, means=True)
    prefix, negated, hedged, left_end = _auxiliaries(words, index)
    if role == "base" and not prefix and before in {"and", "or"}:
        return None  # joined to an earlier verb; handled by the caller
    agent = agent_left(words, left_end, terms, antecedent, sentence, found)
    if not agent:
        return None
    relative = left_end > 0 and words[left_end - 1].lower in {"which", "that", "who"}
    if relative and role == "third" and is_plural_phrase(agent):
        return None  # "savers, which strengthens": 'which' stands for the whole clause, not the noun
    if prefix:
        action = f"{prefix} {phrase if role == 'base' else _base_of(words, index, length)}"
    elif role == "base" and not is_plural_phrase(agent):
        return None  # "it block" is not a clause; the word is probably a noun here
    else:
        action = (" ".join(w.lower for w in words[index : index + length]) if role_match is None
                  else agree(phrase, agent))
    return Statement(agent, action, phrase, target, sentence, negated, hedged,
                     start=index, end=target_end, relative=relative)


# Contractions that end like a possessive: "it's lower" is "it is lower".
_CONTRACTED = frozenset({"it's", "that's", "there's", "what's", "he's", "she's", "here's", "who's", "where's"})


def _possessive(word: str) -> bool:
    """True for "infrared's", "the cells'", never for "it's" (it is)."""
    return (word.endswith("'s") and word not in _CONTRACTED) or (len(word) > 2 and word.endswith("s'"))


def _base_of(words: list[Word], index: int, length: int) -> str:
    return " ".join(w.lower for w in words[index : index + length])


def _role_at(words: list[Word], index: int) -> tuple[str, int, bool] | None:
    """'acts as a natural antagonist to' at `index`: (the phrase, its word count, is a gerund)."""
    if words[index].lower not in {"is", "are", "acts", "act", "acting", "serves", "serve", "serving",
                                  "functions", "function", "functioning"}:
        return None
    window = " ".join(w.lower for w in words[index : index + 7])
    match = ROLE_PATTERN.match(window)
    if not match:
        return None
    phrase = match.group(0)
    first, _, rest = phrase.partition(" ")
    base = {"is": "be", "are": "be", "acts": "act", "acting": "act", "serves": "serve",
            "serving": "serve", "functions": "function", "functioning": "function"}.get(first, first)
    return f"{base} {rest}", len(phrase.split()), first.endswith("ing")


_ASSOCIATION_STARTS = frozenset(phrase.split()[0] for phrase in ASSOCIATIONS)


def _association_at(
    words: list[Word], index: int, sentence: Sentence, terms: TermIndex, antecedent: str,
    found: list[Statement],
) -> Statement | None:
    """'X is associated with Y', 'X has been linked to Y': kept as a hedged statement."""
    if words[index].lower not in _ASSOCIATION_STARTS:
        return None  # asked at every word that is no verb: most are no association either
    for phrase in ASSOCIATIONS:
        parts = phrase.split()
        if [w.lower for w in words[index : index + len(parts)]] != parts:
            continue
        aux_start = index
        while aux_start > 0 and words[aux_start - 1].lower in AUXILIARIES | ADVERBS | {"often"}:
            aux_start -= 1
        if not any(w.lower in AUXILIARIES for w in words[aux_start:index]):
            return None  # 'Fill time directly related to X also sets Y': a describing phrase, no clause
        # 'also are associated': 'also' joins the sentence to the one before, and is left out; a
        # hedge of frequency ('often') stays, after the auxiliary: 'are often associated with'.
        kept = [w.lower for w in words[aux_start:index] if w.lower not in ADVERBS - _FREQUENCY]
        prefix = " ".join([w for w in kept if w not in _FREQUENCY] + [w for w in kept if w in _FREQUENCY])
        target_end, target = object_phrase(words, index + len(parts), phrase)
        agent = agent_left(words, aux_start, terms, antecedent, sentence, found)
        if not agent or not target:
            return None
        return Statement(agent, f"{prefix} {phrase}", phrase, target, sentence, hedged=True,
                         start=index, end=target_end)
    return None


def _passive(
    words: list[Word], index: int, length: int, phrase: str, sentence: Sentence,
    terms: TermIndex, antecedent: str,
) -> Statement | None:
    """'Y is blocked by X' becomes 'X blocks Y'; other past forms are skipped."""
    if index == 0 or words[index - 1].lower not in _PASSIVE_AUX:
        return None
    after = index + length
    if after >= len(words) or words[after].lower != "by":
        return None
    agent_end, agent = object_phrase(words, after + 1, phrase)
    subject = agent_left(words, index - 1, terms, antecedent, sentence, [])
    if not agent or not subject or fold(agent) in PRONOUN_STARTS:
        return None
    return Statement(agent, agree(phrase, agent), phrase, subject, sentence,
                     start=index, end=agent_end, passive=True)


def _auxiliaries(words: list[Word], index: int) -> tuple[str, bool, bool, int]:
    """Modal, negation and hedge words just before the verb: 'may also help', 'does not'."""
    kept: list[str] = []
    negated = hedged = False
    position = index
    while position > 0:
        word = words[position - 1].lower
        if word in MODALS:
            hedged = True
        elif _negation(word):
            negated = True
        elif word in {"help", "helps", "to", "appears", "appear", "seems", "seem", "tends", "tend"}:
            hedged = True
        elif word in {"does", "do", "did"}:
            pass
        elif word in ADVERBS:
            position -= 1
            continue  # "magnesium also blocks": the adverb is left out of the action
        else:
            break
        kept.insert(0, word)
        position -= 1
    if kept and kept[-1] == "to" and len(kept) == 1:
        return "", False, False, index  # an infinitive, not an auxiliary
    return " ".join(kept), negated, hedged, position


_BE_FORMS = frozenset({"is", "are", "was", "were", "be", "been", "being"})


def _negation(word: str) -> bool:
    """'not', 'never', 'cannot' and the contractions: "don't", 'aren’t'."""
    return word in {"not", "never", "cannot"} or word.endswith(("n't", "n’t"))
