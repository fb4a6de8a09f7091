"""Finding mechanism statements: sentences where something acts on something, and what follows.

No parser and no model: a lexicon of action verbs, and noun phrases read off the words around them.
A statement is kept only when its subject is clear (the start of a clause, not the middle of a phrase).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from quizmg.generate.document import Sentence
from quizmg.generate.terms import WORD_PATTERN, TermIndex, fold, simplify
from quizmg.generate.words import (
    ACTION_VERBS,
    ADVERBS,
    ASSOCIATIONS,
    DETERMINERS,
    MODALS,
    PRONOUN_STARTS,
    ROLE_PATTERN,
    STOP_WORDS,
    VERB_WORDS,
    inflect,
    is_plural_phrase,
    past,
    verb_forms,
    word_set,
)

_TOKEN = re.compile(WORD_PATTERN + r"|[,;:.!?()\"“”]")
_CLAUSE_WORDS = word_set("and or but whereas while because so why that which who when if although though since as "
    "whether where thereby")
_AUXILIARIES = word_set("does do did is are was were has have had been be")
_PASSIVE_AUX = word_set("is are was were be been being")
_TARGET_STOPS = word_set(
    "to but yet so then by while whereas because which that who when where if although though "
    "since as through during via after before until unless without within across among between "
    "against than at in on from for with into onto under over"
)
_DANGLING = word_set("due owing prior according similar related close responsible able unable subject "
                     "equivalent contrary next")
_CONDITION = re.compile(
    r"^(?:if|unless|when|whenever|once|only|in the (?:absence|presence) of|without|for (?:a|an) \w+ to|"
    r"under|in (?:some|certain|many|most) (?:cases|conditions))\b",
    re.I,
)
_CAUSATIVES = frozenset({"cause", "allow", "enable", "force", "lead", "help", "make", "let", "permit", "require",
                         "induce", "stimulate", "trigger", "signal", "prompt", "encourage", "drive", "get"})
_CONVERSION_VERBS = frozenset({"convert", "break down", "metabolize", "metabolise", "transform"})
MAX_AGENT_WORDS = 5
MAX_TARGET_WORDS = 9


def _build_forms() -> dict[tuple[str, ...], tuple[str, str]]:
    forms: dict[tuple[str, ...], tuple[str, str]] = {}
    for phrase in ACTION_VERBS:
        for form, role in verb_forms(phrase).items():
            forms.setdefault(tuple(form.split()), (phrase, role))
    return forms


_FORMS = _build_forms()
_LONGEST_FORM = max(len(key) for key in _FORMS)


@dataclass
class Statement:
    """One mechanism found in the text: agent, action, target, and the effects that follow."""

    agent: str
    action: str  # as it should read after the agent: 'blocks', 'may help reduce', 'does not block'
    verb: str  # the base verb phrase, for comparing actions: 'block'
    target: str
    sentence: Sentence
    negated: bool = False
    hedged: bool = False
    effects: list[str] = field(default_factory=list)
    start: int = 0  # token index of the verb, for ordering within the sentence
    end: int = 0  # token index after the target
    means: bool = False  # found as 'by doing X': the main clause is its result
    relative: bool = False  # found in a relative clause ('which leads to', 'pathways converting')
    result: Statement | None = None  # for a 'by doing X' statement, the main clause

    @property
    def key(self) -> tuple[str, str, str]:
        """What makes two statements the same claim."""
        return (fold(self.agent), self.verb, fold(self.target))

    def text(self) -> str:
        """The statement as a clause: 'magnesium blocks NMDA receptors'."""
        return f"{self.agent} {self.action} {self.target}"


@dataclass
class _Word:
    text: str
    lower: str

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


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
    for number, sentence in enumerate(sentences, start=1):
        if progress is not None and number % 200 == 0:
            progress(number)
        for statement in statements_in(sentence, terms, previous_agent.get(sentence.section, topic)):
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


def _topic(terms: TermIndex) -> str:
    ranked = terms.ranked()
    return ranked[0].text if ranked else ""


def statements_in(sentence: Sentence, terms: TermIndex, antecedent: str = "") -> list[Statement]:
    """The statements of one sentence, with effects linked within it."""
    text = simplify(sentence.text)
    words = [_Word(m.group(), m.group().lower().replace("’", "'")) for m in _TOKEN.finditer(text)]
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
            shared = _verb_at(words, index + 1)
            if shared is None:
                break
            phrase, role, length = shared
            if role == "gerund" and not made.means:
                break
            target_end, target = _target(words, index + 1 + length, phrase)
            if not target:
                break
            made = Statement(
                agent=made.agent, action=_agree(phrase, made.agent), verb=phrase, target=target,
                sentence=sentence, start=index + 1, end=target_end, means=made.means,
            )
            found.append(made)
            index = target_end
    for statement in found:
        first, _, rest = statement.target.partition(" ")
        if first.lower() in {"this", "these", "that", "those", "it", "them"}:
            # 'Calcium influx triggers ..., whereas magnesium blocks this influx': one earlier
            # '... influx' in the same sentence is what 'this influx' means; anything else is a guess.
            statement.target = _same_sentence_referent(rest, text, terms) if rest else ""
    if _CONDITION.match(text):
        return []  # 'If X, A blocks B' is true only under the condition: never stated without it
    _resolve_means(found, words, terms, sentence, antecedent)
    _link_effects(found)
    return [s for s in found if s.agent and s.target and _acceptable(s)]


def _verb_at(words: list[_Word], index: int) -> tuple[str, str, int] | None:
    """The action verb starting at `index`: (base phrase, role, number of words)."""
    for size in range(min(_LONGEST_FORM, len(words) - index), 0, -1):
        key = tuple(w.lower for w in words[index : index + size])
        if key in _FORMS:
            phrase, role = _FORMS[key]
            return phrase, role, size
    return None


def _statement_at(
    words: list[_Word],
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
        verb = _verb_at(words, index)
        if verb is None:
            return _association_at(words, index, sentence, terms, antecedent, found)
        phrase, role, length = verb
    before = words[index - 1].lower if index else ""
    after = words[index + length].lower if index + length < len(words) else ""
    if role_match is None and (before in DETERMINERS or after == "of" or before in {"of", "to"}):
        return None  # a noun ("the release of") or an infinitive ("to reduce")
    if role == "past":
        return _passive(words, index, length, phrase, sentence, terms, antecedent)
    target_end, target = _target(words, index + length, phrase)
    if not target:
        return None
    if target_end < len(words) and words[target_end].lower in {"less", "more"}:
        return None  # "erodes the banks less": without the comparison the claim would be wrong
    if _cut_short(words, target_end, phrase):
        return None  # "causes the sarcolemma [to tear]": the claim is in what follows
    if role == "gerund":
        means = before == "by" or (before in {"and", "or"} and bool(found) and found[-1].means)
        if not means:
            if before in {",", ";"} and found and not _cut_short(words, target_end, phrase):
                found[-1].effects.append(_participle_effect(found[-1], phrase, target))
            elif words[index - 1].is_word and before not in STOP_WORDS and index > 0:
                agent = _agent_left(words, index, terms, antecedent, sentence, found)
                if agent:
                    return Statement(agent, _agree(phrase, agent), phrase, target, sentence,
                                     start=index, end=target_end, relative=True)
            return None
        return Statement("", phrase, phrase, target, sentence, start=index, end=target_end, means=True)
    prefix, negated, hedged, left_end = _auxiliaries(words, index)
    if role == "base" and not prefix and before in {"and", "or"}:
        return None  # joined to an earlier verb; handled by the caller
    agent = _agent_left(words, left_end, terms, antecedent, sentence, found)
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
                  else _agree(phrase, agent))
    return Statement(agent, action, phrase, target, sentence, negated, hedged,
                     start=index, end=target_end, relative=relative)


_CAUSAL = frozenset({"cause", "trigger", "lead to", "result in", "produce", "induce", "bring about",
                     "give rise to", "yield", "initiate"})


def _participle_effect(statement: Statement, phrase: str, target: str) -> str:
    """'A inhibits B, blocking C' -> 'A blocks C'; 'A stimulates B, resulting in C' -> 'C follows'.

    The participle's subject is the clause's own subject; a causal verb names only an outcome, so
    the outcome stands alone (never 'this results in C', whose 'this' a question cannot show).
    """
    if phrase in _CAUSAL:
        plural = is_plural_phrase(target)
        if " " in phrase:  # 'resulting in', 'leading to': no passive reads well
            return f"{target} {'follow' if plural else 'follows'}"
        return f"{target} {'are' if plural else 'is'} {past(phrase)}"  # 'the cellular response is triggered'

    return f"{statement.agent} {_agree(phrase, statement.agent)} {target}"


def _cut_short(words: list[_Word], end: int, verb: str = "") -> bool:
    """True when the phrase before `end` is the subject of what follows, not a whole object:
    'causes the sarcolemma to tear', 'allows calcium ions to enter'."""
    if end >= len(words):
        return False
    following = words[end]
    if following.lower.endswith("ing") and following.is_word and (end + 1 >= len(words) or not words[end + 1].is_word):
        return True  # 'preventing substrate [binding].': the -ing word ends the noun phrase
    if following.lower == "to" and end + 1 < len(words):
        after = words[end + 1].lower
        if after in DETERMINERS or after in STOP_WORDS or not words[end + 1].is_word:
            return False  # 'binds calcium to the protein': a place, not a clause
        # 'causes enzymes to denature': after a causative verb, 'to' always opens what happens to it.
        return verb in _CAUSATIVES or (after,) in _FORMS or after in VERB_WORDS or after in {
            "be", "become", "have", "form", "tear", "enter", "leave", "move", "grow"}
    return False


def _base_of(words: list[_Word], index: int, length: int) -> str:
    return " ".join(w.lower for w in words[index : index + length])


def _role_at(words: list[_Word], index: int) -> tuple[str, int, bool] | None:
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


def _association_at(
    words: list[_Word], index: int, sentence: Sentence, terms: TermIndex, antecedent: str,
    found: list[Statement],
) -> Statement | None:
    """'X is associated with Y', 'X has been linked to Y': kept as a hedged statement."""
    for phrase in ASSOCIATIONS:
        parts = phrase.split()
        if [w.lower for w in words[index : index + len(parts)]] != parts:
            continue
        aux_start = index
        while aux_start > 0 and words[aux_start - 1].lower in _AUXILIARIES | ADVERBS | {"often"}:
            aux_start -= 1
        if aux_start == index:
            return None
        prefix = " ".join(w.lower for w in words[aux_start:index])
        target_end, target = _target(words, index + len(parts), phrase)
        agent = _agent_left(words, aux_start, terms, antecedent, sentence, found)
        if not agent or not target:
            return None
        return Statement(agent, f"{prefix} {phrase}", phrase, target, sentence, hedged=True,
                         start=index, end=target_end)
    return None


def _passive(
    words: list[_Word], index: int, length: int, phrase: str, sentence: Sentence,
    terms: TermIndex, antecedent: str,
) -> Statement | None:
    """'Y is blocked by X' becomes 'X blocks Y'; other past forms are skipped."""
    if index == 0 or words[index - 1].lower not in _PASSIVE_AUX:
        return None
    after = index + length
    if after >= len(words) or words[after].lower != "by":
        return None
    agent_end, agent = _target(words, after + 1, phrase)
    subject = _agent_left(words, index - 1, terms, antecedent, sentence, [])
    if not agent or not subject or fold(agent) in PRONOUN_STARTS:
        return None
    return Statement(agent, _agree(phrase, agent), phrase, subject, sentence,
                     start=index, end=agent_end)


def _auxiliaries(words: list[_Word], index: int) -> tuple[str, bool, bool, int]:
    """Modal, negation and hedge words just before the verb: 'may also help', 'does not'."""
    kept: list[str] = []
    negated = hedged = False
    position = index
    while position > 0:
        word = words[position - 1].lower
        if word in MODALS:
            hedged = True
        elif word in {"not", "never"}:
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


def _agent_left(
    words: list[_Word], end: int, terms: TermIndex, antecedent: str, sentence: Sentence,
    found: list[Statement],
) -> str:
    """The subject just left of `end`, or '' when it is not clearly the start of a clause."""
    position = end
    while position > 0 and words[position - 1].lower in ADVERBS:
        position -= 1
    if position > 0 and words[position - 1].lower in {"which", "that", "who"}:
        # A relative clause: its subject is the phrase the previous statement ended on.
        if found and found[-1].end >= position - 2:
            return found[-1].target
        return ""
    position = _skip_apposition(words, position)
    collected: list[str] = []
    while position > 0:
        word = words[position - 1]
        if not word.is_word:
            break
        if word.lower == "of" and collected:
            collected.insert(0, word.text)
            position -= 1
            continue
        if word.lower in {"and", "or"} and collected and _no_verb_before(words, position - 1):
            collected.insert(0, word.lower)  # "roots of willow and aspen": one subject
            position -= 1
            continue
        if word.lower in STOP_WORDS or word.lower in _CLAUSE_WORDS:
            break
        form = _FORMS.get((word.lower,))
        if form is not None and collected:
            before = words[position - 2] if position > 1 else None
            at_edge = before is None or not before.is_word or before.lower in DETERMINERS
            if form[1] == "past" and at_edge:
                collected.insert(0, word.text)  # "activated receptors": an adjective here
                position -= 1
                break
            return ""  # a verb inside the phrase: the subject starts further left
        if word.lower.endswith("ly"):
            return ""
        collected.insert(0, word.text)
        position -= 1
        if len(collected) > MAX_AGENT_WORDS:
            return ""
    determiner = ""
    if position > 0 and words[position - 1].lower in DETERMINERS:
        determiner = words[position - 1].lower
        position -= 1
    boundary = position == 0 or not words[position - 1].is_word or \
        words[position - 1].lower in _CLAUSE_WORDS or words[position - 1].lower in ADVERBS
    while collected and collected[0].lower() in {"of", "and", "or"}:
        collected.pop(0)
    if not boundary or not collected:
        return _pronoun(words, end, antecedent) if not collected else ""
    agent = " ".join(collected)
    if determiner in {"this", "these", "that", "those"}:
        return ""  # 'this enzyme': which one is a guess, so the statement is dropped
    if determiner == "the" and terms.get(agent) is None and _refers_back(agent):
        return ""  # 'the enzyme', 'the inhibitor': a reference back, never resolved by guessing
    if agent.lower() in PRONOUN_STARTS:
        return ""
    agent = _lower_common(agent, terms, position == 0 and not determiner)
    if determiner in {"the", "a", "an"}:
        # "the hypothalamus", "a catalyst": without its article a singular noun reads as a name.
        return f"{determiner} {agent}"
    return agent


def _skip_apposition(words: list[_Word], position: int) -> int:
    """'Morphine, the classic opioid, binds': step back over ', the classic opioid,'."""
    if position < 2 or words[position - 1].lower != ",":
        return position
    for back in range(position - 2, max(position - 10, 0), -1):
        if words[back].lower == ",":
            if back + 1 < position - 1 and words[back + 1].lower in {"the", "a", "an"}:
                return back
            return position
    return position


def _no_verb_before(words: list[_Word], position: int) -> bool:
    """True when no verb stands between the clause start and `position` ('X and Y' is one phrase)."""
    for index in range(position - 1, -1, -1):
        word = words[index]
        if not word.is_word or word.lower in _CLAUSE_WORDS - {"and", "or"}:
            return True
        if (word.lower,) in _FORMS or word.lower in VERB_WORDS or word.lower in _AUXILIARIES:
            return False
    return True


def _pronoun(words: list[_Word], end: int, antecedent: str) -> str:
    """'It blocks ...': the pronoun stands for the section's last agent."""
    position = end
    while position > 0 and words[position - 1].lower in ADVERBS:
        position -= 1
    # 'It blocks ...', 'They convert ...': whatever 'it' stands for is a guess; the statement is dropped.
    return ""


def _refers_back(agent: str) -> bool:
    """'the enzyme', 'the inhibitor', 'the virus': a generic noun that stands for something named
    before. 'the sarcoplasmic reticulum' names one thing and stands for itself."""
    from quizmg.generate.frequency import KIND_NOUNS, zipf
    from quizmg.generate.terms import CATEGORY_NOUNS, singular

    words = agent.lower().split()
    if len(words) > 2:
        return False
    head = words[-1]
    return singular(head) in CATEGORY_NOUNS or head in KIND_NOUNS or len(words) == 1 or zipf(head) >= 3.0


def _lower_common(agent: str, terms: TermIndex, at_start: bool) -> str:
    """'Magnesium' at a sentence start reads 'magnesium' inside a question, unless it is a name."""
    term = terms.get(agent)
    if term is not None:
        words = term.text.split()
        if at_start and len(words) > 1 and words[0][1:].islower() and words[1][:1].islower():
            return words[0].lower() + " " + " ".join(words[1:])  # 'Competitive inhibitors' opened a sentence
        return term.text
    first_word = agent.split()[0]
    if at_start and agent[:1].isupper() and not any(ch.isupper() for ch in first_word[1:]) \
            and not re.match(r"[A-Z]-", first_word):  # 'G-proteins', 'T-cells' keep their capital
        first, _, rest = agent.partition(" ")
        if not (rest and rest[:1].isupper()):
            return (first[:1].lower() + first[1:] + (f" {rest}" if rest else "")).strip()
    return agent


def _same_sentence_referent(noun: str, text: str, terms: TermIndex) -> str:
    """The one phrase '<word> <noun>' named earlier in the sentence, or '' when there is not exactly one."""
    last = noun.split()[-1]
    named = {
        match.group(0)
        for match in re.finditer(rf"\b([A-Za-z][\w-]*)\s+{re.escape(last)}\b", text)
        if match.group(1).lower() not in STOP_WORDS and match.group(1).lower() not in DETERMINERS
        and (match.group(1).lower(),) not in _FORMS
    }
    if len({fold(n) for n in named}) != 1:
        return ""
    found = named.pop()
    term = terms.get(found)
    return term.text if term else found[:1].lower() + found[1:]


def _target(words: list[_Word], start: int, phrase: str) -> tuple[int, str]:
    """The noun phrase after the verb, up to a clause boundary; '' when there is none."""
    collected: list[str] = []
    position = start
    stops = _TARGET_STOPS
    converted = False
    while position < len(words):
        word = words[position]
        if phrase in _CONVERSION_VERBS and word.lower in {"to", "into"} and not converted:
            converted = True  # "converts serotonin to melatonin" keeps its result
        elif not word.is_word or word.lower in stops:
            break
        elif (word.lower,) in _FORMS and _FORMS[(word.lower,)][1] != "past" and not (
            collected and collected[-1].lower() in DETERMINERS | {"of"}
        ) and not (position + 1 < len(words) and words[position + 1].lower == "of"):
            if not collected:
                return position, ""
            break
        if word.lower in {"and", "or"}:
            following = _verb_at(words, position + 1)
            after_next = words[position + 2].lower if position + 2 < len(words) else ""
            if following is not None or position + 1 >= len(words) or (
                words[position + 1].lower in VERB_WORDS
            ) or after_next in {"it", "them", "its", "their", "the", "a", "an"}:
                break  # "absorb X and re-emit it": a second verb, not a second object
        if word.lower in MODALS or word.lower in {"is", "are", "was", "were", "can"}:
            return position, ""  # the phrase was a subject, not an object
        collected.append(word.text)
        position += 1
        if len(collected) > MAX_TARGET_WORDS:
            return position, ""
    while collected and collected[-1].lower() in STOP_WORDS | {"and", "or"}:
        collected.pop()
        position -= 1
    # 'pain due [to ...]', 'the enzyme involved [in ...]': a word that needs what the stop cut off is
    # left out, and the phrase ends on its noun.
    while len(collected) > 1 and (collected[-1].lower() in _DANGLING or (
            collected[-1].lower().endswith("ed") and position < len(words)
            and words[position].lower in _TARGET_STOPS)):
        collected.pop()
    if not collected or collected[0].lower() in PRONOUN_STARTS - {"the", "this", "these"}:
        return position, ""
    if collected[0].lower() in STOP_WORDS - {"the", "a", "an", "this", "these"}:
        return position, ""
    return position, " ".join(collected)


def _agree(phrase: str, agent: str) -> str:
    """The verb phrase in the form its agent needs: 'magnesium blocks', 'calcium ions block'."""
    plural = is_plural_phrase(agent)
    if phrase.startswith("be "):
        return ("are " if plural else "is ") + phrase[3:]
    return inflect(phrase, "base" if plural else "third")


def _resolve_means(
    found: list[Statement], words: list[_Word], terms: TermIndex, sentence: Sentence,
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
            agent = main_statement.agent
        statement.agent = agent
        statement.action = _agree(statement.verb, agent)
        statement.result = main_statement


def _subject_after_comma(words: list[_Word], end: int, terms: TermIndex) -> str:
    position = end
    while position < len(words) and words[position].lower != ",":
        position += 1
    position += 1
    while position < len(words) and words[position].lower in DETERMINERS | ADVERBS:
        position += 1
    rest = " ".join(w.text for w in words[position : position + 4])
    first = next(iter(terms.occurrences(rest)), None)
    return first[2].text if first is not None and first[0] == 0 else ""


def _link_effects(found: list[Statement]) -> None:
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


def _acceptable(statement: Statement) -> bool:
    agent_words = statement.agent.split()
    target_words = statement.target.split()
    if not agent_words or not target_words or len(agent_words) > MAX_AGENT_WORDS + 1:
        return False
    if fold(statement.agent) == fold(statement.target):
        return False
    if agent_words[0].lower() in PRONOUN_STARTS - {"the"}:
        return False
    return any(w.lower() not in STOP_WORDS for w in target_words)
