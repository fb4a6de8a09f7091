"""Whether a mechanism statement found in a sentence can be asked as a claim on its own.

The extractor (mechanisms.py) finds agent, verb and target; these checks refuse what a teacher would not
state: an agent that is a pronoun, 'others' or a compound adjective, a phrase pointing elsewhere ('the
following mechanism', 'Figure 3'), a target named after its agent ('Toxoplasma ... toxoplasmosis'), or a
target cut out of a longer word.
"""

from __future__ import annotations

import re

from quizmg.generate.appositive import PREPOSITIONS
from quizmg.generate.phrases import MAX_AGENT_WORDS
from quizmg.generate.statement import Statement
from quizmg.generate.terms import fold
from quizmg.generate.word_forms import family_word
from quizmg.generate.words import ADVERBS, PRONOUN_STARTS, STOP_WORDS, adverb_ly, word_set


def whole_target(statement: Statement, text: str) -> bool:
    """The target as the sentence writes it, not a word cut out of a longer one ('lactamase' from
    'β-lactamase'), nor an adverb and what follows it ('steadily throughout ...'; 'rapidly dividing cells'
    is an object), and never followed by 'in this way', which ties the claim to what came before."""
    core = re.sub(r"^(?:the|a|an)\s+", "", statement.target, flags=re.I)
    words = core.split()
    if (adverb_ly(words[0]) or words[0].lower() in ADVERBS) and (len(words) == 1 or words[1].lower() in PREPOSITIONS):
        return False  # 'cool steadily throughout their lives': the verb takes no object, an adverb follows it
    first = re.escape(words[0])
    if not re.search(rf"(?<![^\s(“\"‘'/])(?:the\s+|a\s+|an\s+)?{first}", text, re.I):
        return False
    after = re.search(rf"{re.escape(words[-1])}\s+(?:in|under|for|with|at)\s+(?:this|these|that|those|such)\b",
                      text, re.I)
    return after is None and not _cut_number(core, text)


# A number the text goes on with: its decimals or thousands ('1' of '1.3 kilowatts', '100' of '100,000') or the
# other end of a range ('0' of '0 to 14', '10' of '10 to 15 times'). A target that stops there states another
# figure than the text's.
_NUMBER_GOES_ON = r"(?:[.,]\d|\s*(?:to|–|-|or|and)\s*\d)"


def _cut_number(core: str, text: str) -> bool:
    """True when the target ends in a number that the text continues."""
    last = core.split()[-1]
    if not last[-1:].isdigit():
        return False
    ending = re.escape(" ".join(core.split()[-2:]))
    return any(re.match(_NUMBER_GOES_ON, text[found.end():])
               for found in re.finditer(rf"{ending}(?!\d)", text))


# A target that only counts or grades things it does not name: 'three factors', 'several ways', 'important
# differences', 'a number of changes'.
# A place in a list the sentence before set out, with nothing of its own: 'the second variable', 'the final step'.
_ORDINAL_ONLY = re.compile(
    r"^(?:the\s+)?(?:first|second|third|fourth|fifth|last|final|next|previous|other)\s+(?:variable|step|stage|phase|"
    r"factor|type|kind|group|part|method|way|one|process|case|component|category|class|form|mechanism)s?$", re.I)
_COUNTED_ONLY = re.compile(
    r"^(?:the\s+|a\s+|an\s+)?(?:two|three|four|five|six|seven|eight|nine|ten|\d+|several|many|various|multiple"
    r"|numerous|some|few|a\s+few|number\s+of|variety\s+of|range\s+of|important|major|key|different|other|certain)"
    r"(?:\s+(?:main|major|important|key|different|basic|distinct|other|separate|related))?"
    r"\s+(?:factors?|ways?|things?|types?|kinds?|reasons?|steps?|parts?|components?|aspects?|features?"
    r"|differences?|consequences?|results?|effects?|changes?|properties|ones?|means)$",
    re.I,
)
_STANDING_FOR = word_set("others another some many most several both few all each one ones either neither none")


def _named_after(agent: list[str], target: list[str]) -> bool:
    """The head of one side is a word of the other with an ending ('toxoplasmosis' from 'Toxoplasma'),
    not the same word ('stem cells make blood cells') nor a name that only shares a start ('troponin',
    'tropomyosin')."""
    return family_word(target[-1], agent) is not None or family_word(agent[-1], target) is not None


def stands_alone(statement: Statement) -> bool:
    """A claim a teacher can state: a clear agent of a sensible length, a target with content, neither
    pointing elsewhere, and no name that tells the other side."""
    agent_words = statement.agent.split()
    target_words = statement.target.split()
    if not agent_words or not target_words or len(agent_words) > MAX_AGENT_WORDS + 1:
        return False
    if fold(statement.agent) == fold(statement.target):
        return False
    verb = statement.verb.split()[0]
    if len(verb) >= 5 and any(w.lower().startswith(verb[:5]) for w in agent_words):
        return False  # 'absorption absorbs nutrients': an agent named for its own action says nothing
    if agent_words[0].lower() in PRONOUN_STARTS - {"the"}:
        return False
    if _points_elsewhere(statement.agent) or _points_elsewhere(statement.target):
        return False
    if len(agent_words) == 1 and agent_words[0].lower() in _STANDING_FOR:
        return False  # 'Others regulate ...': which others, only the sentence before says
    if len(agent_words) == 1 and "-" in agent_words[0] and agent_words[0].lower().endswith(("ing", "ed")):
        return False  # 'life-threatening depending on ...': a compound adjective, no agent
    if _ORDINAL_ONLY.match(statement.target) or _ORDINAL_ONLY.match(statement.agent):
        return False  # 'Contractility decreases the second variable': which one, only the list before says
    if _COUNTED_ONLY.match(statement.target):
        return False  # 'Maximum velocity depends on three factors': which factors, the rest of the sentence says
    if _named_after(agent_words, target_words):
        return False  # 'Cryptococcus neoformans causes cryptococcosis': the name tells, the claim teaches nothing
    return any(w.lower() not in STOP_WORDS for w in target_words)


# 'the following mechanism', 'the above reaction', 'Reaction 1', 'Figure 3': a phrase that points at
# another place in the text names nothing a question can show.
_POINTING = re.compile(
    r"\b(?:following|above|preceding|aforementioned|former|latter)\b|\b[A-Z][a-z]+\s+(?:\d+[a-z]?|[IVX]+)\b"
)


def _points_elsewhere(phrase: str) -> bool:
    return bool(_POINTING.search(phrase))
