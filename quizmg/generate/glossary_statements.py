"""A glossary line that states a law, an idea or a state of affairs instead of naming a thing.

'What is the term for <definition>?' needs a phrase. Some glossary lines are sentences: a law ('total
pressure of a mixture is equal to the sum of ...'), an idea ('things that look alike tend to be grouped
together'), a condition ('when a country can make a good at a lower cost ...'), sometimes with its main
clause ('when matter changes form, there is no change in its mass'). Such a line is asked as what it is:
'What is the term for the principle that ...?' for a law or rule, '... the idea that ...?' for a theory,
model or effect, and 'What is it called when ...?' for a state of affairs.
"""

from __future__ import annotations

import re

from quizmg.generate.words import BE_FORMS, HAVE_FORMS, MODALS, VERB_WORDS, word_set

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
    head = re.split(r"[,(.;:]", definition, maxsplit=1)[0]
    words = _words(head)
    for index, word in enumerate(words):
        if word in _OPENS_CLAUSE:
            break
        if index and word in _DETERMINERS and words[index - 1] not in _LINKS:
            return False  # a contact clause: 'the charge each atom ...'
        if index and word in _FINITE and words[index - 1] not in {"and", "or", "to", "but"}:
            return True  # 'and has ...', 'to have ...': a predicate of the phrase's own participle
        before = words[index - 1] if index else ""
        after = words[index + 1] if index + 1 < len(words) else ""
        plural = (before.endswith("s") and not before.endswith("ss")) or (
            before in _PLURALS_WITHOUT_S and (index == 1 or words[index - 2] in _DETERMINERS))
        if word in _PLAIN_VERBS and plural and before not in _LINKS and not (after == "of" and word in _NOUNS_TOO):
            return True  # 'emotions consist of ...': a plural subject and its verb
    return any(word in _TEND and index and words[index - 1] not in _OPENS_CLAUSE | {"and", "or"}
               for index, word in enumerate(words))


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
    after = [[w.lower() for w in part.split()] for part in re.split(r",\s+", definition)[1:]]
    # A main clause opens with a subject word ('there is ...', 'the best will leave') or with a noun and
    # its verb ('consumers have ...').
    verbs = _FINITE | _PLAIN_VERBS | VERB_WORDS
    return definition, any(part and (part[0] in _SUBJECTS or (len(part) > 1 and part[1] in verbs)) for part in after)


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
    found = condition(text)
    if found and not found[1]:
        # A condition alone is a state of affairs, whatever the term's own noun: 'X effect: when ...'.
        return f"What is it called {lowered}?"
    if found or states_a_fact(text):
        if kind or found:
            return f"What is the term for the {kind or 'idea'} that {lowered}?"
        return f"What is it called when {lowered}?"
    return None

