"""Openings after a linking word: a pronoun that leans on the sentence before, a verb that tells the reader what
to do.

'However, it ...' and 'Hence, they ...' lean on the sentence before (sentence_use._LINKED_PRONOUN); so do 'But
this is not ...', 'And it ...', 'Still, they ...', 'Today, it is ...': a conjunction or an adverb of time or
stance, then a pronoun as the subject. An 'it' that holds the place of a clause after it ('In fact, it has been
suggested that ...', 'Often, it is easier to ...') points at nothing, and 'those who ...' says whom it means.

A step that follows the one before ('Then the mixture is cooled ...', 'Next, a sheet is pressed ...', 'Soon the
kiln ...', 'Later, the potters ...') leans on it the same way: after what? A date of its own ('Then, in 1902, ...')
says when, and the sentence stands. So does a step told while or by doing the one before ('In the process, ...',
'In doing so, ...', 'In the meantime, ...', 'Along the way, ...'): which process, doing what? And so does a purpose
that sets up the point before ('To see why, ...', 'To understand this, ...').

A sentence that opens on a verb in its plain form tells the reader what to do ('Notice that the curve ...',
'Picture a ...'); after a linking word too ('Finally, notice that ...', 'But suppose ...'). 'But note that ...'
and 'Now remember that ...' go on to state a fact, and stand.
"""

from __future__ import annotations

import re

from quizmg.generate.words import word_set

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
_NEXT_STEP = re.compile(
    r"^(?:Then|Next(?=,)|Soon|Afterwards?|After\s+that|Thereafter|Subsequently|Later(?=,)|At\s+this\s+stage"
    # 'Now the star is ...', 'Now we can combine ...', 'Now, to find X, ...': the step after the one before ('Now we
    # know ...' and 'Now, the rates are ...' tell the reader's own time)
    r"|Now(?=\s+the\b|,?\s+(?:we|let|say|suppose|consider|imagine|assume|to)\b)(?!,?\s+we\s+know\b)"
    # 'In the process, ...', 'In doing so, ...', 'By doing so, ...', 'In the meantime, ...', 'Along the way, ...': while
    # or by doing the step before ('In the process of X, ...' names its process)
    r"|In\s+the\s+process(?!\s+of\b)|(?:In|By)\s+(?:doing\s+(?:so|this|that)|so\s+doing)|In\s+the\s+meantime"
    r"|Along\s+the\s+way)\b"
    r"(?!,?(?:\s+[\w,]+){0,3}?\s+(?:in|by|around|until)\s+(?:the\s+)?(?:\d{3,4}s?|early|late|mid)\b)"
    r"(?!\s+after\b)"  # 'Soon after the collapse, ...' says after what
)
_LINKS_BEFORE_VERB = frozenset({"finally", "however", "and", "but", "now", "again", "also", "next", "then", "first",
                                "here", "so", "instead", "similarly"})
_REMINDERS = frozenset({"note", "remember", "recall"})


# An adverb, or a phrase of a few words with no verb, and then 'this' or 'these' as the subject: 'Originally, this
# was ...', 'In part, this may ...', 'As on the Moon, this is ...', 'For the most part, these are ...', 'Compared with
# a lifetime, this is ...'. An opening clause with a subject of its own ('If the gas cools, this ...', 'As long as
# the units match, these ...') may hold what the pointer means.
_FRAMED_POINTER = re.compile(
    r"^(?:[A-Z][a-z]+ly|Once\s+again|Again|Overall|(?:In|On|At|For|By|With|Among|Like|Unlike|Compared\s+(?:to|with)"
    r"|Apart\s+from|Beyond|Besides|Except\s+for|Under|Over|Throughout|Within|Despite|During"
    r"|As\s+(?:on|in|with|for|at|to|of))\b[^,;:]{0,60}?),\s+(?:this|these)\s+"
    r"(?:is|are|was|were|has|have|had|can|could|may|might|will|would|must|should|does|did|do|means|shows|suggests"
    r"|implies|indicates|makes|allows|leads|causes|gives|explains|happens|occurs|requires|seems|appears|results"
    r"|becomes|remains|reflects|covers)\b"
)


def joined_pronoun(text: str) -> str | None:
    """The opening words 'But this', 'And it', 'Still, they', 'In part, this may' by which a sentence leans on the
    one before, or None."""
    found = _JOINED_PRONOUN.match(text) or _FRAMED_POINTER.match(text)
    return found.group(0).strip() if found else None


# A purpose that sets up what the sentence before raised: 'To see why, ...', 'To understand this, ...', 'To show what
# we mean, ...', 'To understand how the engine works, consider ...': the reader's way into a point, not the point.
_SET_UP = re.compile(
    r"^(?:(?:But|And|Now|So),?\s+)?To\s+(?:see|understand|explain|show|illustrate|appreciate|grasp|visualize"
    r"|make\s+sense\s+of)\s+(?:why|how|what|this|that|these|it)\b"
)


def set_up(text: str) -> str | None:
    """The opening by which a sentence sets up the point the sentence before raised ('To see why', 'To understand
    this'), or None."""
    found = _SET_UP.match(text)
    return found.group(0) if found else None


def next_step(text: str) -> str | None:
    """The opening word by which a sentence tells a step after the one before ('Then', 'Next', 'Soon'), or None."""
    found = _NEXT_STEP.match(text)
    return found.group(0).strip(" ,") if found else None


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


# A sentence opening with one of these tells the reader to do something ("Draw the graph ...",
# "Consider a market ..."): an exercise or a thought experiment, not a fact to learn.
IMPERATIVES = word_set(
    "draw explain describe consider imagine suppose think calculate compare list identify use let note recall see "
    "watch "
    "look try remember predict sketch show find assume discuss label name design write read plot graph"
    # ... or to look at something on the page, or to picture a scene: 'Notice that the curve ...', 'Picture a ...'
    " notice picture visualize visualise envision pretend"
    # ... or a learning objective or a step of a hands-on activity: 'Define the first law ...', 'Determine the final
    # velocities ...', 'Fill a bowl with water ...'.
    " define determine examine apply derive understand observe analyze analyse estimate demonstrate check put hold"
    " perform outline distinguish differentiate fill drop choose hang sit make evaluate interpret investigate relate"
    " summarize summarise classify verify construct illustrate solve take obtain express give visit"
    # ... or a reminder in a problem-solving strategy: 'Be sure to resolve all forces ...', 'Keep in mind that ...'
    " be keep"
)
# 'State' and 'Account' open statements as nouns too ('State laws differ ...'); as an instruction, 'State' takes
# what is to be stated ('State Kepler's laws ...', 'State how ...') and 'Account' takes 'for'.
_STATE_OR_ACCOUNT = re.compile(
    r"^(?:State\s+(?:the|a|an|what|how|why|whether|which|that|[A-Z][\w-]*[’']s)\b|Account\s+(?:[a-z]+ly\s+)?for\b)"
)


def tells_reader_to_do(words: list[str], text: str) -> bool:
    """True when the sentence is an instruction to the reader (an exercise, a thought experiment, a learning
    objective, a step of an activity), not a fact to learn."""
    return opening_verb(words) in IMPERATIVES or _STATE_OR_ACCOUNT.match(text) is not None
