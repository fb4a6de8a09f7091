"""Reading the phrases around a verb: its subject to the left, its object to the right.

No parser: a lexicon of action verbs and the words that end a noun phrase (clause words, prepositions,
a second verb). A subject counts only where a clause clearly starts; a phrase the sentence cut short
('causes the sarcolemma [to tear]') is no object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizmg.generate.document import Sentence
from quizmg.generate.statement import Statement
from quizmg.generate.terms import TermIndex, fold
from quizmg.generate.words import (
    ACTION_VERBS,
    ADVERBS,
    DETERMINERS,
    PRONOUN_STARTS,
    STOP_WORDS,
    VERB_WORDS,
    verb_forms,
    word_set,
)

CLAUSE_WORDS = word_set("and or but whereas while because so why that which who when if although though since as "
    "whether where whereby wherein thereby")


AUXILIARIES = word_set("does do did is are was were has have had been be")


TARGET_STOPS = word_set(
    "to but yet so then by while whereas because which that who when where if although though "
    "since as through during via after before until unless without within across among between "
    "against than at in on from for with into onto under over"
)


_KEEP_FROM = frozenset({"prevent", "stop", "keep", "bar", "protect", "discourage", "prohibit", "block"})
MAX_AGENT_WORDS = 5


def _build_forms() -> dict[tuple[str, ...], tuple[str, str]]:
    forms: dict[tuple[str, ...], tuple[str, str]] = {}
    for phrase in ACTION_VERBS:
        for form, role in verb_forms(phrase).items():
            forms.setdefault(tuple(form.split()), (phrase, role))
    return forms


FORMS = _build_forms()


LONGEST_FORM = max(len(key) for key in FORMS)
_FIRST_WORDS = frozenset(key[0] for key in FORMS)  # verb_at is asked at every word: most begin no form


@dataclass(slots=True)  # one per token of every sentence read for statements, its fields read again and again
class Word:
    text: str
    lower: str

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def verb_at(words: list[Word], index: int) -> tuple[str, str, int] | None:
    """The action verb starting at `index`: (base phrase, role, number of words)."""
    if index >= len(words) or words[index].lower not in _FIRST_WORDS:
        return None
    for size in range(min(LONGEST_FORM, len(words) - index), 0, -1):
        key = tuple(w.lower for w in words[index : index + size])
        if key in FORMS:
            phrase, role = FORMS[key]
            return phrase, role, size
    return None


def cut_short(words: list[Word], end: int, verb: str = "") -> bool:
    """True when the phrase before `end` is the subject of what follows, not a whole object:
    'causes the sarcolemma to tear', 'allows calcium ions to enter'."""
    if end >= len(words):
        return False
    following = words[end]
    ahead = range(end, min(end + 8, len(words) - 1))
    if verb in _KEEP_FROM and any(words[i].lower == "from" and words[i + 1].lower.endswith("ing") for i in ahead):
        return True  # 'prevents the water and oxygen needed for X [from reaching the metal]'
    if following.lower == "between" or (following.lower == "from" and end + 1 < len(words)
                                        and words[end + 1].lower.endswith("ing")):
        return True  # 'a tight balance [between ...]', 'prevents water [from reaching ...]'
    if following.lower.endswith("ing") and following.is_word and (end + 1 >= len(words) or not words[end + 1].is_word):
        return True  # 'preventing substrate [binding].': the -ing word ends the noun phrase
    if following.lower == "to" and end + 1 < len(words):
        after = words[end + 1].lower
        if after in {"be", "have", "become"}:
            return True  # 'causes a different quantity [to be demanded]'
        if after in DETERMINERS or after in STOP_WORDS or not words[end + 1].is_word:
            return False  # 'binds calcium to the protein': a place, not a clause
        # 'causes enzymes to denature': after a causative verb, 'to' always opens what happens to it.
        return verb in _CAUSATIVES or (after,) in FORMS or after in VERB_WORDS or after in {
            "be", "become", "have", "form", "tear", "enter", "leave", "move", "grow"}
    return False


def agent_left(
    words: list[Word], end: int, terms: TermIndex, antecedent: str, sentence: Sentence,
    found: list[Statement], participle: bool = False,
) -> str:
    """The subject just left of `end`, or '' when it is not clearly the start of a clause.

    Before a participle ('in the pathways converting serotonin') the noun phrase is the subject
    wherever it stands: a preposition before it does not matter.
    """
    position = end
    while position > 0 and is_adverb(words, position - 1):
        position -= 1
    gerund = end < len(words) and words[end].lower.endswith("ing")
    if gerund and position > 0 and words[position - 1].lower in VERB_WORDS:
        return ""  # 'Treatment includes avoiding the allergen': the -ing word is the object of 'includes', no verb
    if position > 0 and words[position - 1].lower in {"which", "that", "who"}:
        # A relative clause: its subject is the phrase the previous statement ended on (its agent
        # when read from the passive: 'EEE is caused by EEEV, which can cause severe disease').
        if found and found[-1].end >= position - 2:
            return found[-1].agent if found[-1].passive else found[-1].target
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
        if word.lower == "who" and collected:
            return ""  # 'people who report X view ...': the words after 'who' hold its own verb
        if word.lower in STOP_WORDS or word.lower in CLAUSE_WORDS:
            break
        form = FORMS.get((word.lower,))
        if form is not None and collected:
            before = words[position - 2] if position > 1 else None
            at_edge = before is None or not before.is_word or before.lower in DETERMINERS
            if (form[1] == "past" or (word.lower.endswith("er") and form[1] == "base")) and at_edge:
                # "activated receptors", "a lower dollar": a describing word here, not the verb 'lower'
                collected.insert(0, word.text)
                position -= 1
                break
            return ""  # a verb inside the phrase: the subject starts further left
        if word.lower.endswith("ly"):
            return ""
        collected.insert(0, word.text)
        position -= 1
        if len(collected) > MAX_AGENT_WORDS:
            return ""
    if position > 0 and words[position - 1].lower in {"which", "what", "whose", "whichever", "whatever"} and collected:
        return ""  # '... distinguishing which stimuli will trigger ...': a question inside the sentence, no claim
    determiner = ""
    if position > 0 and words[position - 1].lower in DETERMINERS:
        determiner = words[position - 1].lower
        position -= 1
    boundary = position == 0 or not words[position - 1].is_word or \
        words[position - 1].lower in CLAUSE_WORDS or is_adverb(words, position - 1) or \
        (participle and words[position - 1].lower in _LOCATIVE and (bool(determiner) or _plural_end(collected)))
    if collected and collected[0].lower() in {"and", "or"} and position > 0 and words[position - 1].lower == "," \
            and not _verb_before(words, position - 1):
        return ""  # 'microorganisms like bacteria, protozoa, and fungi are ...': the last item of a list
    while collected and collected[0].lower() in {"of", "and", "or"}:
        collected.pop(0)
    if not boundary or not collected:
        return _pronoun(words, end, antecedent) if not collected else ""
    agent = " ".join(collected)
    if determiner in {"this", "these", "that", "those"}:
        return ""  # 'this enzyme': which one is a guess, so the statement is dropped
    if determiner in {"its", "his", "her", "my"} or (determiner == "their" and _action_noun(collected[-1])):
        # '..., but its short half-life limits ...': one thing's own property, stated as if of any; 'cells ...,
        # and their destruction causes nausea': whose destruction, the clause before says. ('Economies learned
        # that their central banks can control inflation' holds of central banks as a kind: it stays.)
        return ""
    if determiner in {"our", "your"}:
        return f"the {agent}"  # 'our auditory system': the reader's own is anyone's, and names no earlier one
    if determiner == "the" and terms.get(agent) is None and _refers_back(agent):
        return ""  # 'the enzyme', 'the inhibitor': a reference back, never resolved by guessing
    if agent.lower() in PRONOUN_STARTS:
        return ""
    agent = _lower_common(agent, terms, position == 0 and not determiner)
    if determiner in {"the", "a", "an", "each", "every", "some", "any"}:
        # "the hypothalamus", "a catalyst": without its article a singular noun reads as a name;
        # 'some bacteria', 'each molecule': the quantifier is part of the claim.
        return f"{determiner} {agent}"
    return agent


_ACTION_ENDS = ("tion", "sion", "ment", "ance", "ence", "ure", "ing", "al")
_ACTIONS = word_set("loss death growth use rise fall release spread decline decay damage")


def _action_noun(word: str) -> bool:
    """A noun that names something done or undergone ('destruction', 'removal', 'loss'): whose, only its owner
    says."""
    lower = word.lower()
    return lower in _ACTIONS or (len(lower) > 5 and lower.endswith(_ACTION_ENDS))


# 'in the pathways converting X': after a preposition of place, a noun phrase and a participle are a
# reduced relative clause; 'results from bacteria increasing X' is a gerund clause, no statement.
_LOCATIVE = word_set("in on at within inside throughout")


def _plural_end(collected: list[str]) -> bool:
    """'in enzymatic pathways converting X': a plural noun may stand without its article; 'in binge eating
    behavior' has a singular one, which needs it to be a subject."""
    last = collected[-1].lower() if collected else ""
    return last.endswith("s") and not last.endswith(("ss", "us", "is"))


def is_adverb(words: list[Word], index: int) -> bool:
    """An adverb at `index`; 'in' only as the first word of 'in turn' ('a change in some factor' is no
    clause start)."""
    word = words[index].lower
    if word == "in":
        return index + 1 < len(words) and words[index + 1].lower == "turn"
    return word in ADVERBS


def _skip_apposition(words: list[Word], position: int) -> int:
    """'Morphine, the classic opioid, binds': step back over ', the classic opioid,'."""
    if position < 2 or words[position - 1].lower != ",":
        return position
    for back in range(position - 2, max(position - 10, 0), -1):
        if words[back].lower == ",":
            if back + 1 < position - 1 and words[back + 1].lower in {"the", "a", "an"}:
                return back
            return position
    return position


def _verb_before(words: list[Word], position: int) -> bool:
    """A verb between the sentence's start (or a semicolon) and `position`, across commas: 'Salt damages
    paint, and winters ...' joins two clauses; 'like bacteria, protozoa, and fungi' is one list."""
    for index in range(position - 1, -1, -1):
        word = words[index]
        if word.lower in {";", ":"}:
            return False
        if (word.lower,) in FORMS or word.lower in VERB_WORDS or word.lower in AUXILIARIES:
            return True
    return False


def _no_verb_before(words: list[Word], position: int) -> bool:
    """True when no verb stands between the clause start and `position` ('X and Y' is one phrase)."""
    for index in range(position - 1, -1, -1):
        word = words[index]
        if not word.is_word or word.lower in CLAUSE_WORDS - {"and", "or"}:
            return True
        if (word.lower,) in FORMS or word.lower in VERB_WORDS or word.lower in AUXILIARIES:
            return False
    return True


def _pronoun(words: list[Word], end: int, antecedent: str) -> str:
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
            and not re.match(r"[A-Z](?:-|\.|$)", first_word):  # 'G-proteins', 'B cells', 'E. coli' keep it
        first, _, rest = agent.partition(" ")
        if not (rest and rest[:1].isupper()):
            return (first[:1].lower() + first[1:] + (f" {rest}" if rest else "")).strip()
    return agent


def same_sentence_referent(noun: str, text: str, terms: TermIndex) -> str:
    """The one phrase '<word> <noun>' named earlier in the sentence, or '' when there is not exactly one."""
    last = noun.split()[-1]
    named = {
        match.group(0)
        for match in re.finditer(rf"\b([A-Za-z][\w-]*)\s+{re.escape(last)}\b", text)
        if match.group(1).lower() not in STOP_WORDS and match.group(1).lower() not in DETERMINERS
        and (match.group(1).lower(),) not in FORMS
    }
    if len({fold(n) for n in named}) != 1:
        return ""
    found = named.pop()
    term = terms.get(found)
    return term.text if term else found[:1].lower() + found[1:]


_CAUSATIVES = frozenset({"cause", "allow", "enable", "force", "lead", "help", "make", "let", "permit", "require",
                         "induce", "stimulate", "trigger", "signal", "prompt", "encourage", "drive", "get"})
