"""A glossary line that states a law, an idea or a state of affairs instead of naming a thing.

'What is the term for <definition>?' needs a phrase. Some glossary lines are sentences: a law ('total
pressure of a mixture is equal to the sum of ...'), an idea ('things that look alike tend to be grouped
together'), a condition ('when a country can make a good at a lower cost ...'), sometimes with its main
clause ('when matter changes form, there is no change in its mass'). Such a line is asked as what it is:
'What is the term for the principle that ...?' for a law or rule, '... the idea that ...?' for a theory,
model or effect, and 'What is it called when ...?' for a state of affairs. A line is such a sentence when
its subject is followed by a verb that agrees with it ('an economy suffers ...', 'all crystals of one salt
share ...'); a noun phrase whose own clause has the verb ('a custom where sons tend to ...') is a phrase.
"""

from __future__ import annotations

import re

from quizmg.generate.contact_clauses import contact_clause
from quizmg.generate.words import BE_FORMS, HAVE_FORMS, MODALS, VERB_WORDS, base_form, is_plural_phrase, word_set

_FINITE = BE_FORMS | HAVE_FORMS | MODALS | word_set("shall cannot isn't aren't doesn't don't can't won't")
_TEND = word_set("tend tends")
_OPENS_CLAUSE = word_set("that which who whom whose where when whereby while because if although how what why "
                         "whether")
_DETERMINERS = word_set("the a an each every this these those its their his her our")
_LINKS = word_set("of in on at by for from with to into onto than as and or between among within under over "
                  "through about against without across during per via")
_SUBJECTS = word_set("the a an there it they we he she this these its their his her some most all each every any no "
                     "one many")
# Plain forms that are a verb after a plural subject: 'emotions consist of ...', 'tides rise and fall ...'.
_PLAIN_VERBS = word_set("consist occur lead tend result depend remain become vary exist rise fall increase decrease "
                        "cause produce need require differ interact compete")
_PLURALS_WITHOUT_S = word_set("people children men women")  # 'people become aware ...'
# ... which are nouns too before 'of': 'the sales rise of the firm', 'a cause of'.
_NOUNS_TOO = word_set("rise fall increase decrease cause need result lead")
_LAWS = re.compile(r"\b(?:law|principle|rule|theorem|postulate)\b", re.I)
_IDEAS = re.compile(r"\b(?:theory|hypothesis|model|argument|view|perspective|approach|effect)\b", re.I)


def _words(text: str) -> list[str]:
    return [w.strip(",;:").lower() for w in text.split()]


def states_a_fact(definition: str) -> bool:
    """'total pressure of a mixture of gases is equal to ...', 'things that look alike tend to be grouped
    together': the line's own verb comes before any word that opens a clause of its own, or 'tend' follows
    one; a contact clause ('the charge each atom would have') is a phrase."""
    head = re.split(r"[,(.;:—]", definition, maxsplit=1)[0]  # '... object—that is, how ...': an aside
    words = _words(head)
    for index, word in enumerate(words):
        if word in _OPENS_CLAUSE:
            break
        if index and word in _DETERMINERS and words[index - 1] not in _LINKS:
            return False  # a contact clause: 'the charge each atom ...'
        if index and word in _FINITE and words[index - 1] not in {"and", "or", "to", "but"} and not (
                _possessive(words[index - 1]) or words[index - 1] in _DETERMINERS):
            return True  # 'and has ...', 'to have ...': a predicate of the phrase's own participle; 'one’s will' a noun
        before = words[index - 1] if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        plural = (before.endswith("s") and not before.endswith("ss")) or (
            before in _PLURALS_WITHOUT_S and (index == 1 or words[index - 2] in _DETERMINERS))
        if word in _PLAIN_VERBS and plural and before not in _LINKS and not (after == "of" and word in _NOUNS_TOO):
            return True  # 'emotions consist of ...': a plural subject and its verb
    # 'things that look alike tend to ...': 'tend' after a clause whose subject is the relative word; a clause
    # with a subject of its own ('a custom where sons tend to ...') keeps its 'tend'.
    own = next((index for index, word in enumerate(words) if index and word in _OWN_SUBJECT), len(words))
    return any(word in _TEND and index and words[index - 1] not in _OPENS_CLAUSE | {"and", "or"}
               for index, word in enumerate(words[:own]))


_OWN_SUBJECT = word_set("where whereby whose when while because if although")


def _possessive(word: str) -> bool:
    return word.endswith(("'s", "’s", "s'", "s’"))


# Verbs of state and change a definition's subject takes, beyond the mechanism verbs of words.py.
_COMMON_VERBS = word_set("contain change experience remain exist differ vary move flow spread rise fall grow form "
                         "last appear emerge disappear depend rely belong apply equal exceed share seek try want "
                         "learn view see perceive believe expect choose prefer behave respond react")
_PARTICIPLES = word_set("made built found known called used given taken seen done held kept left brought bought sold "
                        "grown shown written drawn thrown worn born borne led fed bred spent sent lent meant")
_SUBJECT_OPENERS = word_set("a an the all most some each every no many both one any")
_NOT_AFTER_VERB = word_set("of and or")


def _verb(word: str) -> bool:
    return word in VERB_WORDS or word in _PLAIN_VERBS or word in _COMMON_VERBS


def _agrees(word: str, subject: str, plural: bool) -> bool:
    """'economy suffers', 'crystals share', 'heat and light travel': a verb in the number of its subject."""
    singular = not plural and (not subject.endswith("s") or subject.endswith(("ss", "us", "is")))
    if singular:
        return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")) and \
            _verb(base_form(word))
    many = plural or subject.endswith("s") or subject in _PLURALS_WITHOUT_S
    return many and not word.endswith("s") and _verb(word)


def subject_and_verb(definition: str) -> bool:
    """'an economy suffers falling output ...', 'all crystals of one salt share a shape', 'the mass of a
    closed box stays ...': a subject, with its 'of ...' phrase, then a verb that agrees with it. Not a verb:
    a word after an article or a preposition, one that an 'of', 'and' or a participle follows ('price
    changes caused by ...', 'the sales rise of ...'), nor a word inside a phrase with no article ('lack of
    exact results in ...'); a participle or a relative word ends the subject ('a rock found in ...')."""
    first_clause = re.split(r"[,(.;:—]", definition, maxsplit=1)[0]
    words = _words(first_clause)
    written = first_clause.split()
    start = 1 if words and words[0] in _SUBJECT_OPENERS else 0
    subject, plural, in_phrase, bare_phrase = "", False, False, False
    for index in range(start, len(words)):
        word = words[index]
        named = index > 0 and written[index][:1].isupper()  # 'the Intolerable Acts': a name, never the verb
        if word in _OPENS_CLAUSE or word in _PARTICIPLES or (index > start and word.endswith(("ing", "ed"))):
            return False
        if word == "and" and not in_phrase:
            plural = True
            continue
        if word in _LINKS:
            in_phrase = True
            bare_phrase = index + 1 < len(words) and words[index + 1] not in _DETERMINERS | _SUBJECT_OPENERS
            continue
        after = words[index + 1] if index + 1 < len(words) else ""
        if subject and not named and words[index - 1] not in _LINKS | _DETERMINERS and after and not bare_phrase and \
                after not in _NOT_AFTER_VERB | _PARTICIPLES and not after.endswith("ed") and \
                not (index == start + 1 and _ADJECTIVE.search(subject)) and _agrees(word, subject, plural):
            return True
        if not in_phrase:
            subject = word
    return False


# The ending of an adjective, which opens a noun phrase and is no subject: 'cyclic changes in the Earth's orbit',
# 'genetic shifts', 'seasonal changes' ('changes' is the noun there, not a verb).
_ADJECTIVE = re.compile(r"(?:ic|ical|al|ous|ive|ful|less|able|ible|ary)$")


# A line that says what its law states: 'states that ...', 'says that ...'.
# A line that opens with the verb of a claim: 'states that ...', and verbs that are never nouns may drop their
# 'that' ('asserts our genes set the limits ...'); 'states', 'holds' and 'says' keep it ('states of matter').
_STATES = re.compile(r"^(?:(?:states|says|holds)\s+that|(?:asserts|posits|specifies|maintains|claims)(?:\s+that)?)"
                     r"\s+(?P<rest>\S.*)$", re.I)
# What opens a verb's object: 'attracts every other ...', 'equals the weight ...'.
_OBJECT_OPENERS = word_set("the a an every each all its their no zero")


def law_verb(definition: str) -> bool:
    """'every body attracts every other body', 'the push on a float equals the weight of ...': a law's line
    with a verb in -s after its subject and before the verb's object."""
    head = re.split(r"[,(.;:]", definition, maxsplit=1)[0]
    words = _words(head)
    for index, word in enumerate(words[:-1]):
        if word in _OPENS_CLAUSE:
            return False
        if index and len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ous")) and \
                word.isalpha() and words[index - 1] not in _LINKS | _DETERMINERS and \
                words[index + 1] in _OBJECT_OPENERS:
            return True
    return False


def condition(definition: str) -> tuple[str, bool] | None:
    """'when a country ...' -> (its condition, whether a main clause follows it)."""
    match = re.match(r"^(?:when|whenever|if)\s+\S", definition, re.I)
    if not match:
        return None
    # An aside in brackets holds no main clause ('when a body (for example, the Moon) turns ...').
    unbracketed = re.sub(r"\([^()]*\)", "", definition)
    after = [[w.lower() for w in part.split()] for part in re.split(r",\s+", unbracketed)[1:]]
    # A main clause opens with a subject word ('there is ...', 'the best will leave') or with a noun and
    # its verb ('consumers have ...'); not with a joining word or a preposition ('..., and are then paid
    # too little', '..., in turn, ...'): the condition goes on.
    verbs = _FINITE | _PLAIN_VERBS | VERB_WORDS
    return definition, any(part and (part[0] in _SUBJECTS or (
        len(part) > 1 and part[1] in verbs and part[0] not in _GOES_ON)) for part in after)


_GOES_ON = _LINKS | word_set("but nor")


def statement_prompt(definition: str, term: str) -> str | None:
    """A law or principle: 'What is the term for the principle that ...?'; a theory or model: '... the idea
    that ...?'; a state of affairs or a condition: 'What is it called when ...?'. None for a phrase."""
    text = definition.strip().rstrip(".")
    lowered = f"{text[:1].lower()}{text[1:]}"
    kind = "principle" if _LAWS.search(term) else "idea" if _IDEAS.search(term) else ""
    stated = _STATES.match(text)
    if stated:
        return f"What is the term for the {kind or 'idea'} that {stated.group('rest')}?"
    if kind == "principle" and law_verb(text):
        return f"What is the term for the principle that {lowered}?"
    if contact_clause(text):
        return None  # 'the time it takes to ...': a noun phrase (contact_clauses)
    found = condition(text)
    host = _host(term)
    if found and not found[1]:
        if host in _TIMES and lowered.startswith("when "):
            return f"What is the term for the {host} {lowered}?"  # 'the era when ...': a time is named
        # A condition alone is a state of affairs, whatever the term's own noun: 'X effect: when ...'.
        return f"What is it called {lowered}?"
    if found or states_a_fact(text) or subject_and_verb(text):
        if kind or found:
            return f"What is the term for the {kind or 'idea'} that {lowered}?"
        if host and _done_or_allowed(text):
            # 'paint sprayer: fine drops of paint are blown ...': what is done, or must or can happen, in a
            # thing (a device, a fund, a rule) names that thing; 'noon slump: people become sleepy ...' an event.
            return f"What is the term for {'an' if host[:1] in 'aeiou' else 'a'} {host} in which {lowered}?"
        return f"What is it called when {lowered}?"
    return None


_TIMES = word_set("time period era epoch age stage phase moment")
# Nouns of an action or a state: 'market crash', 'price rigging', 'wage stickiness' name what happens.
_NOMINAL = ("tion", "sion", "ment", "ance", "ence", "ancy", "ency", "ing", "ity", "ness", "ism", "ure", "age", "ship",
            "sis", "ery", "cy", "th")


def _done_or_allowed(text: str) -> bool:
    """'drops are blown ...', 'employers cannot ...', 'a count must be ...': a passive or a modal."""
    words = _words(text)
    for index, word in enumerate(words[:-1]):
        after = words[index + 1]
        if word in MODALS or word == "cannot":
            return True
        if word in BE_FORMS and (after in _PARTICIPLES or after.endswith(("ed", "wn", "en"))):
            return True
    return False


def _host(term: str) -> str:
    """The thing a name of two words or more names, when it is a thing that a clause can happen in ('fund'
    of 'savings pool fund', 'method' of 'method of adding ...'); '' for a one-word name, a plural, or a
    noun of an action or a state."""
    name, of, _rest = term.partition(" of ")
    words = name.split() if of else term.split()
    if len(term.split()) < 2 or not words:
        return ""
    head = words[-1].lower()
    if not head.isalpha() or len(head) < 3 or is_plural_phrase(head) or (
            head.endswith(_NOMINAL) and head not in _TIMES):
        return ""
    return head

