"""Which way a claim is asked as true/false, and which questions a true/false statement restates.

A deck of true statements teaches a learner to answer 'True'. A claim is asked as its false version
whenever the text gives it a plainly false one (its direction turned, its partner or another of its kind
swapped in: false_statements.py); only a claim with none is asked as stated. The false version ranks before
the claim's link question ('What is the link between X and Y?' only states what it tests), and after a
blank on the claim's term, which asks more.

A true/false statement shows its claim whole (one drafted from a whole sentence: every claim of it), so
beside the link, why/how or what-if question of the same claim it asks the same thing again. Beside a link
it shares a fact, so ranking keeps one; a why/how or what-if question asks more of the claim (its chain,
a prediction), so the statement yields.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from quizmg.generate.candidate import Candidate
from quizmg.generate.document import Sentence
from quizmg.generate.quality import normalised
from quizmg.generate.statement import Statement
from quizmg.generate.words import VERB_WORDS, is_plural_phrase, word_set

# How far a claim's link question ranks down when the claim has a plainly false version: just under it.
LINK_AFTER_FALSE = 0.2
# The template questions that ask to explain a sentence's claim or predict from it.
EXPLAINING_TEMPLATES = frozenset({"why", "whatif"})


def explained_once(templates: list[Candidate]) -> None:
    """Gives every template question on a sentence that a why/how or what-if question explains one fact:
    the why/how tells the sentence's claims and their chain ('How does PVL promote skin infections?' ->
    'PVL causes edema, and so it promotes skin infections'), so the what-if (the chain read backwards), a
    link ('What is the link between PVL and edema? ... As a result: ...'), a blank or completion of a claim
    ('PVL causes [edema].') and a true/false of any claim of that sentence each ask again what its answer
    says. A teacher keeps one; the why/how ranks first (assemble.TEMPLATE_BONUS), and the others stand in
    for it only when it has a problem. What a claim's object means ('what') and which effect is NOT one
    ('not') ask something else."""
    best: dict[int, float] = {}  # each explained sentence: its best why/how or what-if score
    for c in templates:
        if c.template in EXPLAINING_TEMPLATES and not c.problems and c.sentence is not None:
            best[c.sentence.index] = max(best.get(c.sentence.index, c.score), c.score)
    for candidate in templates:
        if candidate.template not in CLAIM_TEMPLATES or candidate.sentence is None:
            continue
        explained = best.get(candidate.sentence.index)
        if explained is None:
            continue
        candidate.facts = candidate.facts | {f"explained:{candidate.sentence.index}"}
        if candidate.template not in EXPLAINING_TEMPLATES:
            # Another claim of the sentence may read better by the statement's own score; the question that
            # explains the sentence asks it whole, so it is the one chosen first.
            candidate.score = min(candidate.score, explained - EXPLAINED_FIRST)


# How far under the why/how of its sentence another question of the sentence's claims ranks.
EXPLAINED_FIRST = 0.05
# The templates that ask a sentence's claim itself: its chain, its object, its truth.
CLAIM_TEMPLATES = frozenset({"why", "whatif", "recall", "target", "cloze", "true", "false"})


def stated_facts(sentence: int) -> frozenset[str]:
    """The facts a true/false drafted from a whole sentence shares with the link questions of its claims."""
    return frozenset({f"{sentence}:statement", f"{sentence}:recall"})


def one_way(templates: list[Candidate], drafted: Sequence[Candidate] = ()) -> None:
    """Marks the questions not to ask: a mechanism's true statement when its false version has no problems
    (one true/false per claim), and any true/false (a template's or one drafted from a sentence) whose
    sentence a why/how or what-if question explains. The link question of a claim with a false version
    ranks after it; the other template questions of an explained sentence share one fact (explained_once)."""
    by_mechanism: dict[str, dict[str, Candidate]] = {}
    for candidate in templates:
        if candidate.mechanism and candidate.template in {"true", "false", "recall"}:
            by_mechanism.setdefault(candidate.mechanism, {})[candidate.template] = candidate
    for pair in by_mechanism.values():
        true, false, link = pair.get("true"), pair.get("false"), pair.get("recall")
        if false is None or false.problems:
            continue
        if true is not None and not true.problems:
            true.problems.append("asked as its false version (one true/false per claim)")
        if link is not None and not link.problems:
            # 'What is the link between X and Y?' states what the false version asks the learner to judge:
            # it comes after it, and stays for when the false version is not chosen.
            link.score -= LINK_AFTER_FALSE
    explaining = [c for c in templates if c.template in EXPLAINING_TEMPLATES and not c.problems]
    explained_claims = {c.mechanism for c in explaining}
    explained_sentences = {c.sentence.index for c in explaining if c.sentence is not None}
    for candidate in [*templates, *drafted]:
        if candidate.kind != "truefalse" or candidate.problems:
            continue
        # A statement shows a claim of its sentence, and the why/how of any claim of that sentence tells the
        # sentence's claims ('PVL causes edema, and so it promotes skin infections').
        if candidate.mechanism in explained_claims or (
                candidate.sentence is not None and candidate.sentence.index in explained_sentences):
            candidate.problems.append("a why/how or what-if question asks its claim")
    explained_once(templates)


def set_beside(agent: str, target: str, statements: Sequence[Statement]) -> bool:
    """True when a false statement that gives the agent another subject's object ('MBP binds to the abnormal
    target cell', the NK cell's) pairs two claims the text sets side by side: the other subject's claim
    stands in the passage of the agent's own (under one heading; in a text without headings, in one
    paragraph), or one sentence names both subjects ('Chlamydia and Rickettsia are ...'). Then the learner
    is asked to tell apart two things the lesson puts together. Two claims from unrelated passages make a
    statement that is false only by a swap, and often not plainly false at all (binding, producing, being
    associated are not one-to-one)."""
    agent_key, target_key = normalised(agent), normalised(target)
    if not agent_key or not target_key:
        return False
    own = [s.sentence for s in statements if _related(agent_key, normalised(s.agent))]
    others = {normalised(s.agent): s.sentence for s in statements
              if _related(target_key, normalised(s.target)) and not _related(agent_key, normalised(s.agent))}
    for other_agent, other in others.items():
        if any(_one_passage(mine, other) for mine in own):
            return True
        if other_agent and any(_names(s.sentence.text, agent_key) and _names(s.sentence.text, other_agent)
                               for s in statements):
            return True
    return False


def _related(key: str, other: str) -> bool:
    return bool(other) and (key in other or other in key)


def _one_passage(first: Sentence, second: Sentence) -> bool:
    if first.section != second.section:
        return False
    return first.section is not None or first.line == second.line


def _names(text: str, key: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(key)}(?![\w-])", normalised(text)) is not None


# 'Fixation: The enzyme ...': a list item's label, a few words with no verb, then a colon.
_AUXILIARIES = word_set("is are was were be been has have had do does did can will would may might must should")
_LABEL = re.compile(r"^\s*(?P<label>[A-Za-z][\w'’-]*(?:\s+[\w'’-]+){0,3})\s*:\s+\S")


def labelled_item(text: str) -> str | None:
    """The label a sentence opens with ('Fixation' of 'Fixation: The enzyme RuBisCO catalyzes ...'), or None.
    A labelled item is a step or part of a list, named by its label: as a statement to judge it reads as
    a claim about the label ('Reduction: The enzyme ...' is 'false' only by the label), and read as its
    own claim it drops the label. It makes no true/false. 'The idea is simple: ...' has a verb: no label."""
    found = _LABEL.match(text)
    if found is None:
        return None
    words = found.group("label").lower().split()
    return None if any(word in VERB_WORDS or word in _AUXILIARIES for word in words) else found.group("label")


# 'X does P, whereas Y does Q': two named things set against each other, each with its own claim.
_WHEREAS = re.compile(r"[,;]\s+whereas\s+", re.I)
_THE = re.compile(r"(?:the|The)\s+")


def contrast_swapped(text: str, is_name: Callable[[str], bool]) -> str | None:
    """The false statement a teacher makes from a contrast: 'Fear involves an instant reaction to a threat,
    whereas anxiety involves apprehension ...' -> 'Anxiety involves an instant reaction to a threat.' The
    first claim is given to the thing the sentence sets against its subject, so it is false for the reason
    the sentence states. Only when each clause opens on a name of the text (`is_name`; after 'the'), the two
    differ and take the same number of verb; None otherwise ('..., whereas others are ...')."""
    joined = _WHEREAS.search(text)
    if joined is None:
        return None
    first = _head_name(text, 0, is_name)
    second = _head_name(text, joined.end(), is_name)
    if first is None or second is None or first[1] > joined.start():
        return None
    mine, other = text[first[0]:first[1]], text[second[0]:second[1]]
    if normalised(mine) == normalised(other) or is_plural_phrase(mine) != is_plural_phrase(other):
        return None
    if first[0] == 0 and other[:1].islower() and not other[1:2].isupper():
        other = other[:1].upper() + other[1:]
    return text[:first[0]] + other + text[first[1]:joined.start()].rstrip(" ,;") + "."


def _head_name(text: str, at: int, is_name: Callable[[str], bool]) -> tuple[int, int] | None:
    """The longest name (up to five words) that opens the clause starting at `at`, after an optional
    'the', as a span of the text."""
    the = _THE.match(text, at)
    start = the.end() if the else at
    words = list(re.finditer(r"[\w’'-]+", text[start:]))[:5]
    for count in range(len(words), 0, -1):
        end = start + words[count - 1].end()
        if words[0].start() == 0 and is_name(text[start:end]):
            return start, end
    return None


# A comment set off by commas that opens on a relative word: ', many of which are photosynthetic,', ', which ...,'.
_RELATIVE_ASIDE = re.compile(r"^(?:(?:many|some|most|all|each|one|none|both)\s+of\s+)?(?:which|who|whom|whose)\b",
                             re.I)


def changes_an_aside(text: str, version: str) -> bool:
    """True when a false version differs from its sentence only inside a relative clause set off by commas
    ('..., many of which are [non]photosynthetic, ...'): that clause comments on a noun, so the sentence's
    claim is unchanged and the 'false' statement contradicts only itself."""
    length = min(len(text), len(version))
    at = next((i for i in range(length) if text[i] != version[i]), length)
    opening = text.rfind(", ", 0, at)
    if opening < 0 or not _RELATIVE_ASIDE.match(text[opening + 2:]):
        return False
    return "," in text[at:]

