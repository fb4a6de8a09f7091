"""Openings after a linking word: a pronoun that leans on the sentence before, a verb that tells the reader what
to do.

'However, it ...' and 'Hence, they ...' lean on the sentence before (sentence_use._LINKED_PRONOUN); so do 'But
this is not ...', 'And it ...', 'Still, they ...', 'Today, it is ...': a conjunction or an adverb of time or
stance, then a pronoun as the subject. An 'it' that holds the place of a clause after it ('In fact, it has been
suggested that ...', 'Often, it is easier to ...') points at nothing, and 'those who ...' says whom it means.

A sentence that opens on a verb in its plain form tells the reader what to do ('Notice that the curve ...',
'Picture a ...'); after a linking word too ('Finally, notice that ...', 'But suppose ...'). 'But note that ...'
and 'Now remember that ...' go on to state a fact, and stand.
"""

from __future__ import annotations

import re

# 'it is possible to ...', 'it was thought that ...': the place-holder 'it' with an adjective or a participle.
PLACE_HOLDER_IT = (
    r"(?:is|was|are|were)\s+(?:\w+\s+)?(?:possible|impossible|important|necessary|difficult|easy|likely|unlikely|clear"
    r"|true|common|rare|useful|essential|critical|hard|unclear|known|thought|believed|estimated|said|assumed"
    r"|worth|tempting|reasonable|interesting)\s+(?:to|that|for|whether|how)\b"
)
# ... and with any word, after any form of 'be', 'seem' or 'become': 'it has been suggested that ...', 'it seems
# quite reasonable that ...', 'it was easier to ...' -- not 'it is so small that ...' (a degree) nor 'it is similar
# to ...' (a comparison).
_IT_HOLDS_PLACE = (
    r"(?:(?:is|was|has\s+been|had\s+been|will\s+be|would\s+be|may\s+be|might\s+be|can\s+be|could\s+be|should\s+be"
    r"|must\s+be|seems|seemed|appears|appeared|became|becomes|has\s+become|remains)\s+)"
    r"(?:(?:also|now|still|often|generally|widely|quite|very|more|less|most|not|even|no\s+longer|sometimes|usually"
    r"|therefore|thus)\s+)*"
    r"(?!(?:so|too|similar|equal|due|close|related|proportional|analogous|identical|comparable|opposite|parallel"
    r"|perpendicular|subject|sensitive|exposed|attached|connected|applied|limited|restricted|equivalent|used"
    r"|able|about|known)\b)[a-z]+\s+(?:that|to|for|whether|how|if|when)\b"
    r"|(?:appears|appeared|seems|seemed|turns\s+out|turned\s+out|follows)\s+that\b|(?:is|was)\s+not\s+until\b"
)
_JOINED_PRONOUN = re.compile(
    r"^(?:But|And|Yet|So|Or|Still|Now|Today|Eventually|Ultimately|Indeed|Of course|In fact|Even so|Often|Sometimes"
    r"|Moreover|Furthermore|Nevertheless|Nonetheless|Fortunately|Unfortunately|Interestingly|Surprisingly"
    r"|Remarkably|Clearly|Obviously|Again|Here|Later),?\s+"
    rf"(?:it\s+(?!{PLACE_HOLDER_IT}|{_IT_HOLDS_PLACE})|this\b|(?:they|these|he|she|its|their)\b"
    r"|those\s+(?!(?:who|whom|whose|which|that|with|without|in|of|for|from|at|on|[a-z]+(?:ing|ed))\b))"
)
_LINKS_BEFORE_VERB = frozenset({"finally", "however", "and", "but", "now", "again", "also", "next", "then", "first",
                                "here", "so", "instead", "similarly"})
_REMINDERS = frozenset({"note", "remember", "recall"})


def joined_pronoun(text: str) -> str | None:
    """The opening words 'But this', 'And it', 'Still, they' by which a sentence leans on the one before, or None."""
    found = _JOINED_PRONOUN.match(text)
    return found.group(0).strip() if found else None


def first_word(word: str) -> str:
    """The sentence's first word as a verb would be listed: 'Let’s' -> 'let' ('Let’s look at ...' tells the reader
    what to do, as 'Let us' and 'Consider' do)."""
    return re.sub(r"[’']s$", "", word.lower().strip(","))


def opening_verb(words: list[str]) -> str:
    """The sentence's first word, or the first after a linking word ('Finally, notice that ...', 'But suppose
    ...'), as a verb would be listed; '' after a linking word when it is a reminder ('But note that ...')."""
    if len(words) > 1 and (words[0].endswith(",") or words[0] in ("And", "But", "Now")) \
            and words[0].strip(",").lower() in _LINKS_BEFORE_VERB:
        verb = first_word(words[1])
        return "" if verb in _REMINDERS else verb
    return first_word(words[0])
