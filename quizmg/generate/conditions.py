"""What a claim needs beside its subject, verb and object: the words that say where, in whom, when or
how often it holds, and whether its relation says anything.

A teacher who states 'In patients with gout, the drug lowers uric acid' as 'the drug lowers uric acid'
says more than the text; so does 'the germ causes pneumonia' from 'the germ causes pneumonia in
calves'. A relation the text names only loosely ('is related to') or between vague sides ('various
aspects') gives a learner nothing to get right or wrong. These checks find such claims, whichever
question would ask them.
"""

from __future__ import annotations

import re

from quizmg.generate.frequency import KIND_NOUNS, is_generic
from quizmg.generate.statement import OPENER
from quizmg.generate.terms import simplify
from quizmg.generate.words import BE_FORMS, DETERMINERS, DO_FORMS, MODALS, VERB_WORDS, word_set

# A sentence's link to the one before, which restricts nothing ('In contrast, ...', 'On the other hand, ...').
_CONNECTIVE = re.compile(
    r"^(?:in contrast|by contrast|on the other hand|in particular|in summary|in conclusion|in sum|"
    r"at the same time|of course|above all|after all|in any case|for this reason|in practice|at least)\s*,",
    re.I,
)
# A phrase of place, group, state or circumstance set off before the clause: 'In patients with gout,',
# 'Among adults,', 'During infection,', 'Within the visible range,', 'For most people,'. Phrases of
# sequence ('After binding ...,', 'Following inhalation,') and of means ('By blocking ...,') order a
# chain; they restrict nothing.
_LEADING = re.compile(
    r"^(?:in|among|during|within|under|for|at|without|with|throughout|across|on|outside|inside|beyond)\s+"
    r"(?!\w+ing\b)[^,;:()]{1,60}?,\s+",
    re.I,
)
# How often, set before the clause: 'Occasionally, ...', 'Often X leads to Y', 'Only X ...'.
_HOW_OFTEN = re.compile(
    r"^(?:occasionally|sometimes|rarely|seldom|often|only|infrequently|sporadically|at times|in rare cases)\b,?\s+",
    re.I,
)
# Right after the object: in whom or under what condition ('... pneumonia in lambs', '... in older
# patients', '... only when ...', '... if swallowed', '... at high doses'). 'in' restricts when a group
# of people or animals follows (a claim true of them, not of all); with a place or a part ('inhibits
# thromboxane production in platelets', 'binds troponin in the fibre') it says where the object is, which
# the claim may leave out. 'within minutes' (how fast), 'for' (a purpose) and 'into'/'to' (a result) are
# left alone.
# People or animals a claim can be limited to ('in lambs', 'in older patients', 'in most cases').
_BEINGS = (
    r"people|persons?|humans?|m[ae]n|wom[ae]n|child(?:ren)?|adults?|infants?|newborns?|bab(?:y|ies)|"
    r"teenagers?|adolescents?|elderly|patients?|individuals?|hosts?|animals?|mammals?|birds?|livestock|"
    r"cattle|sheep|lambs?|goats?|pigs?|swine|horses?|dogs?|cats?|rodents?|mice|rats?|poultry|insects?|"
    r"plants?|species|users?|smokers?|workers?|mothers?|fetus(?:es)?|groups?|populations?|carriers?|cases"
)
_SCOPE_AFTER = re.compile(
    rf"^\s+(?:in\s+(?:[\w-]+\s+){{0,3}}?(?:{_BEINGS})\b"
    r"|at\s+(?!(?:the|a|an|this|that|these|those|its|their|his|her|our|your|each|every|one|which)\b)"
    r"|(?:among|during|under|without|only|when|whenever|if|unless|once)\s+)[^,;.:]*",
    re.I,
)


# An aside in brackets that narrows what it follows: '(serovar Typhi)', '(in calves)', '(only when moist)'.
# Drafts drop asides in brackets, so a claim that needs one is never stated without it.
_NARROWING_ASIDE = re.compile(
    r"\(\s*(?:serovars?|serotypes?|strains?|subtypes?|subspecies|variety|var\.|type|in|among|only|when|if|unless|"
    r"except|under|at least|at most|during)\b[^()]*\)",
    re.I,
)


def narrowing_aside(sentence_text: str) -> str:
    """An aside in brackets that narrows the claim ('(serovar Typhi)'), which a drafted statement drops."""
    aside = _NARROWING_ASIDE.search(sentence_text)
    return aside.group(0) if aside else ""


def dropped_condition(sentence_text: str, agent: str, target: str) -> str:
    """The restricting phrase of the sentence that the claim 'agent ... target' leaves out ('' if none)."""
    aside = narrowing_aside(sentence_text)
    if aside:
        return aside
    text = simplify(sentence_text)
    while True:
        stripped = OPENER.sub("", text, count=1)
        if stripped == text:
            break
        text = stripped
    low = text.lower()
    lead = _HOW_OFTEN.match(text) or (None if _CONNECTIVE.match(text) else _LEADING.match(text))
    if lead and not (agent and agent.lower() in lead.group(0).lower()):
        return lead.group(0).strip(" ,")
    compared = _COMPARED_END.search(target)
    if compared:
        return compared.group(0)
    at = low.find(target.lower()) if target else -1
    if at >= 0:
        scope = _SCOPE_AFTER.match(text[at + len(target):]) or _COMPARED_AFTER.match(text[at + len(target):])
        if scope:
            return scope.group(0).strip()
    return ""


# Right after the object, a word that compares with something the sentence before said: 'each ear
# interacts with sound differently', 'the drug acts on the kidney as well': different from what, as well
# as what, only the text around says.
_COMPARED_END = re.compile(r"\b(?:differently|similarly|likewise|too|instead)$", re.I)
_COMPARED_AFTER = re.compile(
    r"^\s+(?:differently|similarly|likewise|too|as well|in the same way|in a similar way|instead|in turn)\b", re.I
)


# 'is related to', 'is directly related to': some relation, of a nature the words do not say ('directly'
# may mean 'in proportion' or only 'without a step between'). 'Inversely related' says which way.
_LOOSE = re.compile(r"\b(?:(?:directly|closely|somehow|strongly)\s+)?related\s+to\b", re.I)
_DIRECTED = re.compile(r"\b(?:inversely|negatively|positively|proportionally)\s+related\b", re.I)
# 'various aspects', 'different amounts', 'certain factors': a side that names nothing one could check.
_VAGUE_SIDE = re.compile(
    r"^(?:the\s+)?(?:various|several|certain|numerous|different|differing|many|some|a (?:variety|number|range) of)\b",
    re.I,
)


def loose_relation(action: str, agent: str, target: str) -> str:
    """Why the relation 'agent action target' says too little to ask ('' when it says enough)."""
    if _LOOSE.search(action) and not _DIRECTED.search(action):
        return f"{action!r} says there is a relation, not what it is"
    for role, side in (("object", target), ("subject", agent)):
        if _VAGUE_SIDE.match(side.strip()):
            return f"the {role} ({side!r}) names nothing in particular"
    return ""


_AUXILIARY = MODALS | BE_FORMS | DO_FORMS | word_set("has have")
_CLASS_HEADS = KIND_NOUNS | word_set("infection infections illness illnesses bacteria virus viruses")


def vague_subject(statement: str) -> str:
    """The subject of a statement when it names only a class or a case of something the sentence before
    named ('Infections can result in ...', 'Serious cases can lead to ...'), else ''."""
    text = _HOW_OFTEN.sub("", statement.strip(), count=1)
    words = re.findall(r"[\w’'-]+", text)
    for index, word in enumerate(words[:6]):
        if word.lower() in _AUXILIARY or (index and word.lower() in VERB_WORDS):
            subject = [w for w in words[:index] if w.lower() not in {"the", "a", "an", "other", "many"}]
            if not subject or subject[-1].lower() not in _CLASS_HEADS:
                return ""
            if len(subject) == 1 or is_generic(" ".join(subject)):
                return " ".join(words[:index])
            return ""
    return ""


_PREPOSITION_NEXT = re.compile(r"^\s+(?:into|onto|to|in|on|at|from|with|for|toward|towards|through|across)\b", re.I)


def cut_short_side(sentence_text: str, agent: str, target: str) -> str:
    """A side of the claim that its sentence cuts from a longer phrase ('' if none): the tail of an
    abbreviation ('S. dollar' of 'U.S. dollar'), a clause whose verb's phrase runs on past the object
    ('a foreign investor putting money' of '... putting money into a U.S. investment'), an 'of' phrase
    whose sentence goes on to say where it goes ('the addition of a CO2' of '... to RuBP'), an object a
    participle and its agent narrow ('the carbohydrates' of '... produced by autotrophs'), or a subject
    whose owner only the sentence before names ('Their higher degree of business confidence')."""
    text = simplify(sentence_text)
    for side in (agent, target):
        if side and re.search(rf"[A-Za-z]\.{re.escape(side)}", text):
            return side
    if target and re.search(r"\b(?:known|called|named|termed|referred\s+to)$", target):
        return target  # 'a surface adhesin known [as P1]': the name it was given is cut off
    at = text.find(target) if target else -1
    words = target.split()
    # 'an investor putting money': a verb in -ing after a noun, with its own object, not 'the breathing centre'.
    running = any(word.endswith("ing") and words[index - 1].lower() not in DETERMINERS and index + 1 < len(words)
                  for index, word in enumerate(words) if index >= 2)
    if at >= 0 and running and _PREPOSITION_NEXT.match(text[at + len(target):]):
        return target
    # 'the addition of a CO2 [to RuBP]', 'the energy of light [into ...]': an act or an amount 'of' something
    # whose phrase goes on to say where it goes or what it becomes ('from X' only says where it came from).
    if at >= 0 and _OF_PHRASE.match(target) and _GOES_ON_TO.match(text[at + len(target):]):
        return target
    # 'depend on the carbohydrates [produced by autotrophs]': a participle with its agent says which ones.
    if at >= 0 and _SAID_WHICH.match(text[at + len(target):]):
        return target
    # 'Their higher degree of business confidence will encourage ...': the owner is named before.
    at = text.find(agent) if agent else -1
    owner = _OWNER_BEFORE.search(text[:at]) if at > 0 else None
    if owner:
        return f"{owner['owner']} {agent}"
    # 'These large, lipophilic molecules bind to ergosterol': the subject's pointer, and what it describes, are cut.
    pointer = _POINTER_BEFORE.search(text[:at]) if at > 0 else None
    if pointer is None or any(word.lower() in _CLAUSE_WORDS | VERB_WORDS for word in pointer.group(0).split()[1:]):
        return ""  # 'This is why heavy use of NSAIDs ...': the pointer is a clause's subject, not the claim's
    return f"{pointer.group(0).strip()} {agent}"


# A noun phrase built on 'of' ('the addition of a CO2'), and a phrase after it that takes it somewhere.
_OF_PHRASE = re.compile(r"^(?:(?:the|a|an)\s+)?[\w-]+\s+of\s+\S", re.I)
_GOES_ON_TO = re.compile(r"^\s+(?:to|into|onto)\s+\w", re.I)
# A past participle with its agent after a noun: 'the carbohydrates produced by autotrophs'.
_SAID_WHICH = re.compile(r"^\s+(?:[a-z]+ed|made|built|found|known|given|taken|held|kept|shown|written|grown|drawn|"
                         r"led|fed|sent|bred|spent|worn|borne)\s+by\s+\w", re.I)
# A possessive determiner opening the sentence (or its clause after an opening phrase) just before a claim's
# subject: its owner is in the sentence before. 'Most economies have learned that their central banks ...'
# names the owner in the same sentence.
# A pointer opening the subject's phrase, a few describing words before the claim's subject: 'These large, '.
_POINTER_BEFORE = re.compile(r"(?:^|[,;:]\s+)(?:these|this|those|that|such)\s+(?:[\w-]+,?\s+){0,3}$", re.I)
_CLAUSE_WORDS = _AUXILIARY | word_set("why how because when where means shows suggests explains allows makes leads")
_OWNER_BEFORE = re.compile(r"^(?:[^,;:]*,\s*)?(?P<owner>their|its|his|her|our|your)\s+$", re.I)
