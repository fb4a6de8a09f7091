"""Glosses: the meaning a text gives a key term right where it marks it.

A textbook that prints a term in bold often says what it means in the same breath, without 'is':
'**vertigo** (a sense of spinning)', 'you can **hedge**, which means using a financial transaction to
protect yourself ...', 'to **hibernate**—that is, to pass the winter in a deep sleep', 'an
**individualistic culture**, that is, a culture that focuses on ...'. A teacher reads these as definitions
and asks for the term ('What is the term for a sense of spinning?'), with the checks of any definition
(short_answers, definition_checks). Only a term the text marks counts: after an unmarked word, a bracket
opens an aside as often as a meaning.

Not a gloss: what a bracket holds besides a meaning (an acronym, a symbol, a citation 'Greenberg, 2006',
another name 'or hammer', 'also known as ...', 'commonly called ...', 'Latin for ...', 'singular: gyrus', a
relative clause 'from which hair grows', an addition 'and, if any, ...', the term's members 'fatigue,
headache, and poor sleep'); a clause ('meaning it can cause ...', 'In positive reinforcement, a stimulus is
added').
"""

from __future__ import annotations

import re

from quizmg.generate.definitions import glossary_phrase
from quizmg.generate.document import Document
from quizmg.generate.terms import Term, fold
from quizmg.generate.words import STOP_WORDS, VERB_WORDS, word_set

# What follows the marked term: a bracket, or a comma or dash and the words that say 'this means'.
_BRACKET = re.compile(r"^\s*\((?P<gloss>[^()]{6,160})\)")
_GLOSS_LETTER = r"(?:[^.;:()—–]|\.(?=\S)|(?<=\b[A-Z])\.(?=\s[a-z]))"  # 'U.S. dollar' goes on past its dots
_SAYING = re.compile(
    rf"^\s*(?:,\s*|\s*[—–]\s*)(?:which means|meaning|that is,|i\.e\.,)\s+(?P<gloss>{_GLOSS_LETTER}{{6,160}})"
)
# A colon right after the marked term, then what it names: '**perceptual hypotheses**: educated guesses that
# we make while interpreting sensory information.' (to the sentence's end).
_COLON = re.compile(r"^\s*:\s+(?P<gloss>[^:;()]{6,160}?)\s*[.!]?$")
# ', or' and what the term means, told from another name by its length and a restricting word: '**visual
# acuity**, or the sharpness of vision,' / '**pattern perception**, or our ability to discriminate among ...'
# (not '**absorptive state**, or the fed state', nor ', or a transgene').
_OR = re.compile(r"^\s*,\s+or\s+(?P<gloss>(?:the|an?|our|its|their)\s[^,.;:()—–]{6,160})")
# 'either ... or', 'whether ... or': the 'or' offers the other choice, and names nothing again.
_CHOICE = re.compile(r"\b(?:either|whether)\b", re.I)
_OR_RESTRICTED = re.compile(r"\b(?:of|that|which|who|whose|where|for|by|from|in|with|between|among|to)\b")
_OPENERS = re.compile(r"which means|meaning|that is,|i\.e\.,|\w:\s|, or (?:the|an?|our|its|their) ")
_WORDS = (4, 16)  # 'a conditioned response', 'collection of structures', 'positive or negative': too vague to ask
_PRONOUNS = word_set("it they he she we you this these those that there its their")
_SUBJECTS = word_set("it they he she we you")
_NOT_A_MEANING = re.compile(
    r"^(?:or|also|see|e\.g\.|i\.e\.|meaning|formerly|singular|plural|latin|greek|from the|for example|such as"
    r"|abbreviated|symbol)\b"
    # A remark beside the term: what it adds ('plus ...'), how things stand now ('now six, including ...'),
    # a word to the reader ('don’t confuse it with ...', 'not to be confused ...').
    r"|^(?:plus|now|not|never|still|again|just|only)\b|^\w+n[’']t\b"
    # Another name, said with a naming verb and perhaps a word of when or how often: 'commonly known as
    # athlete's foot', 'previously called ...', 'once termed ...', 'referred to as ...'.
    r"|^(?:(?:\w+ly|once|now|still|also|at first|at one time)\s+)?(?:known|referred\s+to|called|termed|named"
    r"|nicknamed|dubbed|labell?ed)\b"
    r"|^(?:an?|one|another|the)\s+(?:\w+\s+)?(?:example|case|instance|member|part)s?\s+of\b"  # one of many
    r"|^(?:an?|the)\s+(?:\w+\s+){0,2}(?:name|term|word)\b"  # about the word, not the thing ('the Latin name for ...')
    r"|^the\s+(?:more|less|\w+er)\b"  # 'the higher the risk': a comparison
    r"|\b(?:figure|table|line|column|row|panel|graph|shown|left|right|top|bottom)\b",  # where, not what
    re.I,
)
# An indefinite gloss picks out one thing only with a clause or a complement: 'a protein that ...', 'a sense
# of spinning'; 'a rare fungal disease' fits many of the text's terms.
_RESTRICTED = re.compile(r"\b(?:that|which|who|whose|where|of|for|by|from|in|with|capable|responsible|involved|used)\b")
# A past participle and its preposition opens a clause cut short ('found in fish', 'carried by ticks', 'known
# from two cases'): it says where or how the term occurs, and names no thing ('a found in fish').
_REDUCED_CLAUSE = re.compile(
    r"^(?:\w+ly\s+)?(?:\w+ed|found|seen|known|given|made|shown|taken|spread|kept|held|built|grown|drawn|born|bred|"
    r"worn|borne|hidden|written|chosen|eaten|driven|thrown|sold|told|led|fed|met|brought|caught|taught|bought|"
    r"sent|spent|lost|left|put|set|cut|hit|shut|split)\s+(?:in|on|at|by|from|to|for|with|through|among|within|"
    r"into|onto|under|over|inside|outside|near|throughout|during|after|before|across|along|around)\b",
    re.IGNORECASE,
)
# A term that follows '<noun> of' and a name's possessive, or opens on one, is the tail of a longer phrase:
# 'the axis of Jupiter’s magnetic field', 'the semimajor axis of Mercury’s orbit'. What comes after glosses
# the whole phrase ('the line that connects the poles'), not the term.
_OWNED = re.compile(r"\b\w+\s+of\s+(?:the\s+)?[A-Z][\w-]*(?:['’]s|s['’])\s+$")
_OF = re.compile(r"\b\w+\s+of\s+$")
_NAME_POSSESSIVE = re.compile(r"[A-Z][\w-]*(?:['’]s|s['’])\s")
# A count before the term ('three factors', 'two main sources'): a colon after it opens the list it counts.
_COUNT = re.compile(r"\b(?:two|three|four|five|six|several|many)\b", re.I)
_CLAUSE_VERBS = word_set("is are was were has have had can could will would may might must should does do did")
_INTRODUCING = word_set("in with during under for through by after before on at")


def read_glosses(document: Document, terms: dict[str, Term]) -> None:
    """Give each marked term without a better definition the meaning its sentence glosses it with."""
    marked = sorted({text for text in document.marked_terms if fold(text) in terms}, key=len, reverse=True)
    if not marked:
        return
    folded = {fold(text) for text in marked}
    # Each marked term with its lower case and key, made once: every sentence with a bracket is tried on all.
    forms = [(text, text.lower(), fold(text)) for text in marked]
    for sentence in document.sentences:
        lowered = sentence.text.lower()
        if "(" not in lowered and not _OPENERS.search(lowered):
            continue  # no bracket, colon or 'which means': nothing glosses a term here (and a 1 MB text stays fast)
        for text, lower, key in forms:
            if lower not in lowered:
                continue
            term = terms[key]
            if term.definition_source not in {"", "comma"}:
                continue
            found = re.search(rf"(?<![\w-]){re.escape(text.lower())}(?![\w-])", lowered)
            if found is None:
                continue
            gloss = _gloss(sentence.text, found.start(), found.end(), folded)
            if gloss is not None and fold(text) not in fold(gloss):
                term.definition, term.definition_sentence, term.definition_source = gloss, sentence.index, "gloss"
    # A comma aside after a marked term ('keratin, a tough protein ...') stays a 'comma' definition: its
    # sentence's cloze already shows the meaning beside the blank, and asks it with more context ('causes
    # [trachoma], a disease of the eyes, often leading to blindness' beats 'the term for a disease of the eyes').


def _gloss(text: str, start: int, end: int, marked: set[str]) -> str | None:
    """The meaning glossed right after text[start:end], or None."""
    before = text[:start].split()
    if len(before) == 1 and before[0].lower() in _INTRODUCING:
        return None  # 'In positive reinforcement, a desirable stimulus is added ...': a scene, not a meaning
    rest = text[end:]
    match = _BRACKET.match(rest) or _SAYING.match(rest) or _COLON.match(rest) or _OR.match(rest)
    if match is None:
        return None
    if _OWNED.search(text[:start]) or (_OF.search(text[:start]) and _NAME_POSSESSIVE.match(text[start:end])):
        return None  # 'the axis of Jupiter’s magnetic field (the line ...)': the aside glosses the whole phrase
    if match.re is _COLON and _COUNT.search(text[:start]):
        return None  # 'three factors shape a nation’s trade: its size, ...': the colon lists them
    gloss = re.sub(r"\s+", " ", match.group("gloss")).strip(" ,")
    if match.re is _OR:
        if _CHOICE.search(text[:start]):
            return None  # 'either cyclical unemployment ... in a recession, or the natural rate ...': two choices
        gloss = re.sub(r"^(?:our|its|their)\s", "the ", gloss)  # 'our ability to ...' -> 'the ability to ...'
        if len(gloss.split()) < 4 or not _OR_RESTRICTED.search(gloss):
            return None  # 'the fed state', 'a hydration shell': another name, not a meaning
    if match.re is _SAYING:
        gloss = gloss.split(",")[0].strip() if not re.match(r"(?:a|an|the)\s", gloss) else _phrase(gloss)
    return gloss if _meaning(gloss, marked, match.re is _SAYING) else None


def _phrase(gloss: str) -> str:
    """'a culture that focuses on individual achievement and autonomy, have the greatest ...': up to the
    comma after which the sentence goes on."""
    return gloss.split(",")[0].strip()


def _meaning(gloss: str, marked: set[str], saying: bool) -> bool:
    words = gloss.split()
    if not _WORDS[0] <= len(words) <= _WORDS[1] or re.search(r"\d|[A-Z]{2}|[=&]", gloss):
        return False  # a citation ('Greenberg, 2006'), a formula, an acronym list
    first = re.sub(r"[’'](?:ve|re|ll|d|s|m)$", "", words[0].lower().rstrip(",;:"))  # 'you’ve been ...'
    if not words[0][:1].islower() or _NOT_A_MEANING.match(gloss) or first in _PRONOUNS:
        return False
    if first in STOP_WORDS and first not in {"a", "an", "the", "to"}:
        return False  # 'from which hair grows', 'which are ...': a remark on the term, not its meaning
    if first == "to":
        return len(words) > 2  # 'to use the U.S. dollar as their currency': a verb's meaning
    if first.endswith("ing") and not saying:
        return False  # '(forming the oxide and gaseous water)': what happens on the way, not a name
    if _REDUCED_CLAUSE.match(gloss):
        return False  # '(found in freshwater snails)': where or by what, a clause with no thing it names
    if re.fullmatch(r"[\w-]+ or [\w-]+", gloss) or re.search(r"\b(?:and|or)\s+(?:the|a|an)\s", gloss):
        return False  # 'positive or negative', 'the incus and the stapes': alternatives or a list, not a meaning
    if _listed(gloss):
        return False  # 'fatigue, headache, irritability, and poor sleep': the term's members, not its meaning
    if first in {"a", "an"} and not _RESTRICTED.search(gloss):
        return False
    if fold(re.sub(r"^(?:the|a|an)\s+", "", gloss)) in marked:
        return False  # 'chickenpox, the varicella-zoster virus': another key term, another thing
    head = re.split(r"\b(?:that|which|who|whose|where)\b", gloss)[0].lower().split()
    if any(word in _CLAUSE_VERBS or word in _SUBJECTS or _finite(word) for word in head[1:]):
        return False  # 'the value of Qc changes until ...': a clause, not a name
    return glossary_phrase(gloss)


def _listed(gloss: str) -> bool:
    """Three or more short items joined by commas and a last 'and'/'or', none opening on an article."""
    items = [item.strip() for item in re.split(r",\s*(?:and\s+|or\s+)?", gloss) if item.strip()]
    return (
        len(items) >= 3
        and re.search(r",\s*(?:and|or)\s", gloss) is not None
        and all(len(item.split()) <= 3 and item.split()[0].lower() not in {"a", "an", "the"} for item in items)
    )


def _finite(word: str) -> bool:
    """'changes', 'produces': a verb in -s, which makes a clause of the words around it."""
    return word.endswith("s") and word[:-1] in VERB_WORDS and word not in VERB_WORDS
