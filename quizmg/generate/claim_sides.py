"""Claims whose object is only half said, or true by the names alone.

A drafted claim 'agent verb object' is asked as a link ('What is the link between A and B?'), as 'What
does A do to B?', as true/false or as a choice of objects. Three shapes make every one of them weak:

- the object's own sentence goes on to say WHICH ones or FROM WHAT: a restrictive clause right after
  the object ('support research and training [that helps to create new technologies]') or the 'from'
  phrase a verb of keeping needs ('protects federal employees [from such discrimination]'). Cut there,
  the claim says something vaguer than the text, often trivially true ('Governments can support
  scientific research');
- the object is a comparison whose other side the sentence does not name ('STSS is associated with a
  [higher mortality rate]' -- than what?): neither it nor its turned version ('a lower ...') can be
  judged without the paragraph. A change of one thing with another ('a higher price leads to a
  higher quantity') says both sides and stays;
- the subject's name holds the object's name ('WEEV causes WEE', 'the MeV causes measles'): a virus
  named after its disease causes it by definition, so the question is answered by the letters. So does a
  germ and its disease that share a rare name ('Bordetella pertussis causes pertussis', 'Yersinia ...
  causes yersiniosis' -- the same word, or the same first six letters).
"""

from __future__ import annotations

import re

from quizmg.generate.frequency import zipf
from quizmg.generate.terms import simplify
from quizmg.generate.words import word_set

# Verbs that keep something from something: their object needs the 'from' phrase to say what.
_KEEP_FROM = word_set("protect shield guard defend save keep prevent stop bar prohibit exclude exempt isolate")
# A restrictive relative clause, no comma before it: 'training that helps', 'cells which carry', 'people who use'.
_RESTRICTIVE = re.compile(r"^\s+(?:that|which|who|whose|whom)\s+(?!is\b|are\b|was\b|were\b)[a-z]", re.I)
_FROM = re.compile(r"^\s+from\s+\w", re.I)
# Comparisons: an '-er' adjective of degree or 'more/less/fewer' opening the object ('a higher rate').
_COMPARATIVE = re.compile(
    r"^(?:(?:a|an|the)\s+)?(?:more|less|fewer|greater|higher|lower|larger|smaller|bigger|longer|shorter|"
    r"faster|slower|stronger|weaker|better|worse|earlier|later|deeper|wider|heavier|lighter)\b",
    re.I,
)
# Verbs of state or association, not of change: 'is associated with a higher risk' compares with another thing;
# 'leads to higher prices' says what changes.
_STATIC = re.compile(r"^(?:is|are|was|were|has|have|had|shows?|carr(?:y|ies))\b(?:\s+(?:\w+ly\s+)?(?:associated|linked)"
                     r"\s+with\b)?", re.I)


def half_said_object(sentence_text: str, action: str, target: str) -> str:
    """The words right after the object that say which ones or from what, which the claim leaves out ('')."""
    if not sentence_text or not target:
        return ""
    text = simplify(sentence_text)
    at = text.find(target)
    if at < 0:
        return ""
    after = text[at + len(target):]
    clause = _RESTRICTIVE.match(after)
    if clause:
        return _phrase(after)
    verbs = [w.lower() for w in re.findall(r"[a-z]+", action.lower())]
    head = next((w for w in verbs if w not in _AUXILIARIES), "")
    if _FROM.match(after) and (head in _KEEP_FROM or head.rstrip("s") in _KEEP_FROM or head[:-2] in _KEEP_FROM):
        return _phrase(after)
    return ""


def unsaid_comparison(sentence_text: str, action: str, agent: str, target: str) -> str:
    """The object when it compares with something the sentence does not name ('' otherwise)."""
    if not _COMPARATIVE.match(target.strip()) or _COMPARATIVE.match(agent.strip()):
        return ""  # 'a higher price leads to a higher quantity': both sides of a change are said
    if re.search(r"\bthan\b", sentence_text, re.I):
        return ""
    return target if _STATIC.match(action.strip()) else ""


def named_after(agent: str, target: str) -> str:
    """The subject when it is the object's name with 'virus' after it ('western equine encephalitis virus'
    for western equine encephalitis, 'herpes simplex virus' for 'oral herpes'), as an acronym too ('WEEV' for
    'WEE' or 'western equine encephalitis', 'MeV' for 'measles'), else ''. Asked of every blank: a quick no first."""
    low = agent.lower()
    acronyms = _VIRUS_ACRONYM.findall(agent)
    if not acronyms and "virus" not in low:
        return ""
    bare = " ".join(w for w in re.findall(r"[\w-]+", target.lower()) if w not in _ARTICLES)
    if bare and (f" {bare} virus" in f" {low}"):
        return agent
    for word in dict.fromkeys(w for w in bare.split() if len(w) >= 5 and zipf(w) < RARE_NAME_ZIPF):
        # 'herpes simplex virus' for 'oral herpes', 'hepatitis B virus' for 'chronic hepatitis': a rare word of
        # the object's name is the virus's own first word.
        named = re.search(rf"\b{re.escape(word)}(?:[\s-]+[\w-]+){{0,2}}[\s-]+virus\b", low)
        if named:
            return named.group(0)
    if not acronyms:
        return ""
    last = re.findall(r"[A-Za-z][\w-]*", target)[-1:]
    wanted = {_initials(target), *(w[0].upper() for w in last)} | set(_ACRONYM.findall(target))
    wanted.discard("")
    for word in acronyms:
        if re.sub(r"[^A-Z]", "", word)[:-1] in wanted:
            return word
    return ""


# An acronym whose last capital is V: 'WEEV', 'MeV', 'RVFV'.
_VIRUS_ACRONYM = re.compile(r"\b[A-Z][A-Za-z-]*V\b")
_ACRONYM = re.compile(r"\b[A-Z][A-Za-z]*[A-Z]\b")


def _initials(phrase: str) -> str:
    words = [w for w in re.findall(r"[A-Za-z][\w-]*", phrase) if w.lower() not in _ARTICLES]
    if not words or len(words) > 5:
        return ""
    return "".join(w[0].upper() for w in words)


def _phrase(after: str) -> str:
    return re.split(r"[,;:.]", after.strip(), maxsplit=1)[0][:60]


_ARTICLES = word_set("the a an of and")
_AUXILIARIES = word_set("can may might could will would should must does do did is are was were has have "
                        "also often usually generally not")


# A genus and its second name, the second often the disease's own: 'Bordetella pertussis', 'C. tetani'.
_SPECIES = re.compile(r"^(?:[A-Z][a-z]+|[A-Z]\.)\s+[a-z]{3,}$")
SHARED_START = 6  # letters two rare names must open with alike: 'Legion-ella' / 'Legion-naires'
RARE_NAME_ZIPF = 3.7  # rarer than this a word is a name of the subject's own ('pertussis'), not 'muscle'


def shares_a_name(agent: str, target: str) -> str:
    """The subject's word whose rare name the object repeats ('pertussis' in 'Bordetella pertussis causes
    pertussis'), else ''. Everyday words shared by both sides ('stem cells make blood cells') tell nothing."""
    target_words = [w.lower() for w in re.findall(r"[A-Za-z][\w-]*", target)]
    targets = [w for w in target_words if len(w) >= SHARED_START]
    agent_words = re.findall(r"[A-Za-z][\w-]*", agent)
    if not targets:
        return ""
    for index, word in enumerate(agent_words):
        low = word.lower()
        if len(low) < SHARED_START or zipf(low) >= RARE_NAME_ZIPF:
            continue
        if index == len(agent_words) - 1 and low == target_words[-1] and not _SPECIES.match(agent.strip()):
            continue  # one kind on both sides ('the labelled antibody binds the bound antibody'): no name told
        if any(other[:SHARED_START] == low[:SHARED_START] and zipf(other) < RARE_NAME_ZIPF for other in targets):
            return word
    return ""
