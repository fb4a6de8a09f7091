"""Whether a drafted claim's two sides each name one particular thing.

'What is the link between A and B?' hands the learner both sides and asks for the relation, so it
teaches only when each side names one thing: a term, an organism, a process with a name. Reviewers
kept about a quarter of the drafted ones; the rest had a side that names nothing in particular, and
the same claim asked as true/false or multiple choice ('Anxiety disorders cause considerable
distress.') is true trivially:

- a side opened by a quantifier or a pointer ('some strains', 'the development of this disorder',
  'various aspects of ...', 'different levels of ...'): which ones, only the paragraph says;
- a side that opens on a judgement or an absolute degree ('considerable distress', 'unique behavior',
  'severe pneumonia'): it says how much or how good, not what. A comparison ('a higher price', 'a
  stronger currency') is the point of its claim and stays: turned around it makes a false statement;
- a side that is an action with its object ('incorporating genes'), or one cut before its complement
  ('a surface adhesin known' [as P1]).

An author's own mechanisms are worded as meant and are never refused here.
"""

from __future__ import annotations

import re

from quizmg.generate.frequency import EVALUATIVE, zipf
from quizmg.generate.words import word_set

LINK_PROMPT = re.compile(r"^What is the link between\b")

# Quantifiers and pointers: the side means some members of a class, or something named elsewhere.
_UNPARTICULAR = word_set(
    "some many certain several various different numerous most few other others this these that those such "
    "same similar latter former given"
)
# Adjectives that grade or judge, beside frequency.EVALUATIVE: 'unique behavior', 'potentially deadly'.
_GRADING = word_set("unique special particular potentially possible likely unusual typical normal")
# Comparisons: 'a higher price', 'more sleep'. They state a direction, the claim's own content.
_COMPARING = word_set("more less fewer")
# Participles that need what follows them: 'known [as P1]', 'called [X]'.
_NEEDS_COMPLEMENT = word_set("known called named termed referred described labeled labelled defined")


def link_problems(agent: str, target: str) -> list[str]:
    """Why a drafted 'What is the link between AGENT and TARGET?' asks nothing particular ([] when fine)."""
    return [f"a vague link question: {problem}" for problem in vague_sides(agent, target)]


def vague_sides(agent: str, target: str) -> list[str]:
    """Which side of a claim names nothing particular, and why ([] when both name one thing)."""
    for role, side in (("subject", agent), ("object", target)):
        problem = _side_problem(side)
        if problem:
            return [f"its {role} ({side!r}) {problem}"]
    return []


def _side_problem(side: str) -> str:
    words = re.findall(r"[\w’'-]+", side)
    lowered = [w.lower() for w in words]
    if not lowered:
        return "is empty"
    pointer = next((w for w in lowered if w in _UNPARTICULAR), None)
    if pointer:
        return f"says '{pointer}', naming no particular thing"
    if lowered[-1] in _NEEDS_COMPLEMENT:
        return "is cut before what it is called"
    if len(words) > 1 and _verb_ing(words[0]):
        return "is an action on something ('doing X'), not a thing"
    content = [w for w in lowered if w not in {"a", "an", "the"}]
    first = content[0] if content else ""
    if (first in EVALUATIVE or first in _GRADING) and not _comparing(first):
        return f"opens on '{first}', a judgement or a degree, not a thing"
    return ""


def _comparing(word: str) -> bool:
    """'higher', 'stronger', 'more': a comparison (an '-er' form of an adjective the lists know)."""
    return word in _COMPARING or word in {"better", "worse"} or (word.endswith("er") and word in EVALUATIVE)


def _verb_ing(word: str) -> bool:
    """'incorporating', 'using', 'running': an '-ing' form of an English verb, opening a clause."""
    if not word.islower() or not word.endswith("ing") or len(word) < 6:
        return False
    stem = word[:-3]
    forms = {stem, stem + "e"}
    if stem[-1] == stem[-2]:
        forms.add(stem[:-1])
    return any(zipf(form) >= 3.0 for form in forms)
