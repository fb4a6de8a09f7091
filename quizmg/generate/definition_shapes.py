"""How a definition that does not open with a noun phrase is asked, and which openings define nothing.

'What is the term for <definition>?' needs a noun phrase ('a protein that ...'). Glossaries and texts also
define with a predicate: a participle or an adjective with its complement ('characterized by lasting
worry', 'able to be disproven', 'easily passed between hosts'), or an adverb before the noun phrase
('typically a rural economy ...'). An article put before these reads 'a characterized by ...'; the question
asks 'What is characterized by lasting worry?' instead. A definition whose head is a word for a word ('a
qualitative term for ...', 'a Latin word that means ...') is asked for that word: 'What is the qualitative
term for ...?'. An adjective's gloss that opens with 'of' ('of equal pressure') is quoted: 'Which term means
“of equal pressure”?'.

Some openings give no definition at all: an aside ('e.g., ...', 'i.e., ...', 'especially the genus ...')
lists examples of a thing named elsewhere; a comparison ('similar to ...', 'a related method for ...') says
what the term is like, not what it is; a pronoun ('you have learned to ...') opens a clause about the
reader.
"""

from __future__ import annotations

import re

from quizmg.generate.words import adverb_ly, is_plural_phrase, word_set

_COMPLEMENT = word_set("by of to in with for from into onto on at as below above beneath between under within "
                       "among through throughout about against toward towards upon inside outside")
# Adjectives a definition opens with, followed by what they hold of: 'able to ...', 'common in ...'.
_ADJECTIVES = word_set("able unable capable common essential responsible prone susceptible resistant sensitive "
                       "native specific unique necessary typical present absent free subject")
# Words in -ed that are no participles.
_NOT_PARTICIPLES = word_set("hundred sacred kindred hatred naked wicked rugged ragged beloved red bed shed")
# Participles not made with -ed.
IRREGULAR_PARTICIPLES = word_set("found made held built bound known driven given taken shown seen written hidden "
                                 "drawn grown kept caught sent led left borne worn heard told sold done")
_SOFT_ADVERBS = word_set("often usually typically generally mostly mainly commonly normally sometimes always "
                         "essentially basically")
_ARTICLES = word_set("a an the")
_WORD_HEADS = word_set("term word name expression label phrase")
_ASIDE = re.compile(r"^(?:e\.\s?g\.|i\.\s?e\.|namely|for\s+example|for\s+instance|such\s+as|including|aka\b|"
                    r"(?:especially|particularly|notably|mainly|mostly)\s+(?:the|members|those|in|among|when|if|for|"
                    r"with|of)\b|"
                    # ... or a time or place it holds most ('especially early in its life'), not 'especially
                    # large wave that ...', a degree before the noun phrase
                    r"(?:especially|particularly|notably|mainly|mostly)\s+[a-z]+\s+(?:in|at|on|during|after|before|"
                    r"when|while)\b)", re.I)
_COMPARISON = re.compile(r"^(?:(?:a|an|the)\s+)?(?:similar|related|analogous|comparable|akin|alike|like|"
                         r"equivalent|identical)\b", re.I)
# A line that points at its term and tells what it did: 'this armed conflict between cowboys and ranchers ...
# occurred in Clay County', 'these laws were passed after ...'. Asked as a phrase it reads 'the term for this ...'.
_POINTS_AT_TERM = re.compile(r"^(?:this|these|that|those)\s+[a-z]", re.I)
# Where a thing is common says where it is found, not what it is: 'common in social anxiety disorder'.
# A pointer to another entry ('see externality'), no definition.
_SEE_ALSO = re.compile(r"^(?:see|compare|cf\.)\s", re.I)
# Where the word comes from, not what it means: 'from the Greek for seed and plant'.
_WORD_ORIGIN = re.compile(r"^from\s+(?:the\s+)?(?:latin|greek|german|french|arabic|old\s+english)\b", re.I)
_WHERE_FOUND = re.compile(r"^(?:common|frequent|rare|prevalent|widespread|uncommon)\s+(?:in|among)\b", re.I)
_PERSONAL = re.compile(r"^(?:you|you[’']\w+|we|we[’']\w+|i|i[’']\w+|he|she|they|they[’']\w+|it)\b", re.I)
# 'the mycelium that results', 'the new orbitals that result', 'the long edge that moves': a thing picked out only
# by what the sentence before told (what it results from, what moves it), not defined.
_WHAT_FOLLOWED = re.compile(r"^the\s+(?:[\w-]+\s+){1,3}(?:that|which)\s+[a-z]+$", re.I)


def defines_nothing(definition: str) -> bool:
    """True for an aside, a comparison, where a thing is common, or a clause about the reader: no definition a
    term is asked from."""
    text = definition.strip()
    return bool(_ASIDE.match(text) or _COMPARISON.match(text) or _PERSONAL.match(text) or _WHERE_FOUND.match(text)
                or _WHAT_FOLLOWED.match(text) or _WORD_ORIGIN.match(text) or _SEE_ALSO.match(text)
                or _POINTS_AT_TERM.match(text))


def _participle(word: str) -> bool:
    lower = word.lower()
    if lower in IRREGULAR_PARTICIPLES:
        return True
    return lower.endswith("ed") and len(lower) > 4 and not lower.endswith("eed") and lower not in _NOT_PARTICIPLES


def predicate_opening(definition: str) -> bool:
    """'characterized by ...', 'able to ...', 'easily passed between ...', 'typically a ...': no noun phrase
    opens the definition, so no article can go before it."""
    words = [w.strip(",;:()").lower() for w in definition.split()]
    if len(words) < 3 or words[0] in _ARTICLES:
        return False
    first = 0
    while first < len(words) - 2 and (adverb_ly(words[first]) or words[first] in _SOFT_ADVERBS):
        first += 1
    if first and words[first] in _ARTICLES:
        return True  # 'typically an agricultural economy ...'
    head, following = words[first], words[first + 1]
    if following not in _COMPLEMENT:
        return False
    # After an adverb any describing word will do ('easily passed', 'highly toxic to'); without one, only a
    # participle or an adjective that takes a complement ('ability to' is a noun).
    return bool(first) or _participle(head) or head in _ADJECTIVES


_WORD_FOR_WORD = re.compile(r"^(?:(?:a|an|the)\s+)?(?P<phrase>(?P<before>(?:[\w-]+\s+){0,3}?)"
                            r"(?:term|word|name|expression|label|phrase)\s+"
                            r"(?:for|that|which|used|meaning|describing|given)\b.+)$", re.I)


def _plural(term: str) -> bool:
    """'negative symptoms' takes 'are'; 'condenser lens' and 'stress' do not."""
    last = term.split()[-1].lower() if term.split() else ""
    return is_plural_phrase(term) and not last.endswith(("ss", "us", "is", "ens", "ics"))


# The endings of describing words: 'heliocentric', 'contagious', 'falsifiable', 'empirical', 'reflective'.
_ADJECTIVE_ENDINGS = ("ic", "ous", "able", "ible", "al", "ive", "ful", "less")


def _adjective(term: str) -> bool:
    """A term of one describing word ('heliocentric: centered on the Sun'): 'What is centered on the Sun?'
    asks for a thing, and a word that describes one is no answer to it."""
    word = term.strip()
    return word.isalpha() and word.islower() and len(word) > 5 and word.endswith(_ADJECTIVE_ENDINGS)


# A role one thing plays for another ('the hallmark of a wave', 'the source of most oxygen', 'the key to ...'):
# not a definition a name is asked for, but a fact asked as it is, 'What is the hallmark of a wave?'.
_ROLE = re.compile(r"^the\s+(?:hallmark|cornerstone|key|heart|essence|basis|foundation|backbone|crux|core|focus|"
                   r"goal|aim|purpose|result|outcome|cause|source|root|origin|driver|engine)\s+(?:of|to|for|behind)\s",
                   re.I)


def shaped_prompt(definition: str, term: str = "") -> str | None:
    """The question for a definition of one of the shapes above, or None for a noun phrase."""
    text = definition.strip().rstrip(".")
    if _ROLE.match(text):
        return f"What is {text[:1].lower()}{text[1:]}?"  # 'Tides are the result of ...': the result is one
    if predicate_opening(text):
        if _adjective(term):
            return f"Which word means “{text[:1].lower()}{text[1:]}”?"
        verb = "are" if _plural(term) else "is"
        return f"What {verb} {text[:1].lower()}{text[1:]}?"
    if re.match(r"^of\s+\w", text, re.I):
        return f"Which term means “{text}”?"
    word = _WORD_FOR_WORD.match(text)
    if word and not any(w.lower() in _COMPLEMENT or w.lower() in _ARTICLES for w in word.group("before").split()):
        phrase = word.group("phrase")
        if phrase == text and phrase.split()[0].istitle():
            # 'Term for ...' opened the line; 'a Greek word' keeps its capital.
            phrase = f"{phrase[:1].lower()}{phrase[1:]}"
        if phrase.split()[0].lower() == "another":
            return f"What is {phrase}?"  # 'another name for an Anger camera': not 'the another name'
        return f"What is the {phrase}?"
    return None
