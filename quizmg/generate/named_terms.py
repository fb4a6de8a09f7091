"""How an answer the text does not mark can still be one of its terms: named again as a name is, or named
by its own sentence. trust.py scores a blank its sentence names over the threshold, after the marked terms
(NAMED); a name only repeated stays under it, but still counts as a term of its own beside a shorter one
asked above (trust._kind_of).
Split out of trust.py when it passed 400 lines.
"""

from __future__ import annotations

import re

from quizmg.generate.defined_after import defines_blank, single_blank
from quizmg.generate.frequency import EVALUATIVE, PLACING, QUALIFYING, is_rare
from quizmg.generate.questions import Candidate
from quizmg.generate.terms import Term, TermIndex
from quizmg.generate.words import ADVERBS, VERB_WORDS, adverb_ly

NAMED_WORDS = (2, 4)
PLURAL = re.compile(r"[^siu'’]s$")  # 'cultures', 'reaches'; not 'mass', 'virus', 'analysis', "Ménière's"


def named_again(answer: str, terms: TermIndex) -> Term | None:
    """The term, when the answer is a name of two to four words that the text uses more than once.

    A text that marks few terms still names its concepts: 'trade surplus', 'net lender', 'molten sodium
    chloride' recur as the same words, as a name does. Not a name:
    - a run of words with a verb or an adverb in it, a clause the text happens to repeat ('nonexcludable
      means'); in a name the words before the last are singular ('trade surplus'), so a plural before
      another word is a subject and its verb ('individualist cultures tend', 'personality traits varies');
    - a proper name ('World War', 'Nobel Prize'): in a text that marks its concepts, the unmarked proper
      names belong to its stories and examples;
    - one everyday noun under an adjective that grades or picks out ('severe disturbances', 'possible
      orbitals', 'different currencies', 'new antibiotics'): the noun is the thing, the adjective the
      writer's comment on it, and a learner cannot know which word the blank wants;
    - words that open with where, when or how many ('distant galaxies', 'the early universe', 'two voltage
      sources'): the opening word places the things the text speaks of, and a blank over it asks which
      of them the sentence meant.
    """
    answer = re.sub(r"^(?:the|a|an)\s+", "", answer.strip(), flags=re.I)
    term = terms.get(answer)
    if term is not None and " " not in answer and answer.islower() and is_rare(answer) and term.count >= 2:
        return term  # 'precession', 'neutrinos': a subject's own word, named again as a name is
    if term is None or term.count < 2 or not NAMED_WORDS[0] <= len(answer.split()) <= NAMED_WORDS[1]:
        return None
    if term.text[:1].isupper() and term.text[1:2].islower():
        return None  # written with a capital mid-sentence too
    words = [word.lower() for word in answer.split()]
    verbs = terms.verbs | terms.only_verbs
    if any(word in VERB_WORDS or word in ADVERBS or adverb_ly(word) for word in words[1:]) or words[-1] in verbs:
        return None
    if any(PLURAL.search(word) for word in words[:-1]):
        return None
    if len(words) == 2 and (words[0] in EVALUATIVE or words[0] in QUALIFYING):
        return None
    if words[0] in PLACING or words[0].isdigit():
        return None
    return term


def defined_here(candidate: Candidate) -> bool:
    """True when a cloze's own sentence names or defines its answer: '... are called [isomers].', '[Scarcity]
    means that ...'. The text marks that term in words, as bold marks it: over the threshold, though it
    still ranks after the terms the text marks (UNMARKED_RANK), so it fills a short deck and never pushes
    out a question on a marked term. Reviewers kept such blanks far more often than others
    (benchmarks/blank_shapes.py); on four fresh sections it added 7 questions, 5 acceptable (stop 27)."""
    blank = single_blank(candidate)
    if blank is None:
        return False
    prompt, at = blank
    if _ORDINAL.match(candidate.answer):
        return False  # 'The [first stage] is the sensorimotor stage': a place in a series, not a name
    if _ONE_NAMED.search(prompt[:at]) and all(word[:1].isupper() for word in candidate.answer.split()):
        # 'a volcano called [Sif Mons]', 'the lander was named [Philae]': a proper name given with no article
        # names one place or craft, not a kind the text teaches ('called the [Orion Nebula]', 'are called
        # [RR Lyrae variables]' keep their pass); unmarked, it is trivia a teacher deletes
        return False
    return defines_blank(prompt, at, candidate.answer)


_ONE_NAMED = re.compile(r"\b(?:called|named|dubbed|christened)\s+$")


_ORDINAL = re.compile(r"^(?:(?:the|a|an)\s+)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|"
                      r"final|next|previous|other|latter|former)\b", re.I)
