"""One fact, one question: what a drafted question claims, so a second question on the same claim shows.

A fact is its claim: the things a sentence relates and the words of the relation ('amplitude is
associated with loudness'). A teacher asks it once. The same claim comes back in other shapes -- a
blank in one sentence, a true/false from another, a 'What is the link between ...?' from a third,
'What does IQ stand for?' beside '[IQ] stands for intelligence quotient' -- and each is a repeat
however its words or its answer differ.

`claim_text` is the claim a question makes, read whole (a blank filled in, a prompt with its answer);
`claim_stems` its content words with their endings folded ('louder', 'loudness' -> 'loud', by stems.content_stems);
`restates` tells whether a question asks a claim one ranked above it already makes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from quizmg.generate.candidate import Candidate
from quizmg.generate.stems import content_stems
from quizmg.generate.terms import TermIndex, fold, singular
from quizmg.generate.words import word_set
from quizmg.model import Cloze, MultipleChoice, QuestionBase, TrueFalse

# Share of a claim's content words that an earlier question must already make, and how many at least:
# three words relate two things ('amplitude', 'associated', 'loudness'); two only name them.
SHARED = 0.75
MINIMUM = 3
MINIMUM_SAID = 2  # what a question says of the term it asks for
SHOWN_SAID = 1 / 3  # share of what a question says of its term that an earlier prompt showing the term says too
BOTH_WAYS = 0.5  # share of the words two questions on one relation, asked from its two ends, have in common
# The words a question's own wording adds ('What is the link between ...', 'What is the term for ...').
_FRAME = re.compile(
    r"^(?:what is the (?:link|relationship) between|what is the term for|which completes the sentence\??"
    r"|complete the statement:?|what (?:does|do)\b|why (?:does|do|is|are)\b|how (?:does|do)\b)\s*",
    re.I,
)
_FRAME_WORDS = word_set("link term called named known refer refers referred following statement sentence")
_DELETION = re.compile(r"\{\{c\d+::(.*?)(?:::[^{}]*)?\}\}")
def claim_stems(text: str) -> frozenset[str]:
    """A claim's content stems, without the words a question's own wording adds ('link', 'term', 'called')."""
    return content_stems(text, _FRAME_WORDS)


def claim_text(question: QuestionBase, answer: str) -> str:
    """The claim a question makes, as one text: a blank filled in, a statement, a prompt and its answer."""
    if isinstance(question, Cloze):
        return _DELETION.sub(lambda m: m.group(1), question.text)
    if isinstance(question, TrueFalse):
        return question.statement
    prompt = question.prompt_text()
    if isinstance(question, MultipleChoice):
        right = next((c.text for c in question.choices if c.correct), answer)
        if "_____" in prompt:
            quoted = re.search(r"[“\"](.*)[”\"]", prompt)
            return (quoted.group(1) if quoted else prompt).replace("_____", right)
        return f"{_FRAME.sub('', prompt)} {right}"
    return f"{_FRAME.sub('', prompt)} {answer}"


@dataclass(frozen=True)
class Claim:
    """What a question claims and what it asks for, as content stems."""

    stems: frozenset[str]
    answer: frozenset[str]  # empty for a true/false statement: it asks for no term
    text: str = ""  # the claim as written, folded
    asked: str = ""  # the answer as written, folded


def claim_of(question: QuestionBase, answer: str, *, asks_term: bool) -> Claim:
    """A question's claim; `asks_term` when its answer is a term to recall (a blank, a choice, a name)."""
    text = claim_text(question, answer)
    return Claim(claim_stems(text), claim_stems(answer) if asks_term else frozenset(), fold(text), fold(answer))


def restates(claim: Claim, earlier: Claim) -> bool:
    """True when an earlier question already makes this claim.

    A statement (true/false, a link) restates one above when most of its content words, three at least,
    are in it. A question that asks for a term restates one above when the earlier shows the term and
    most of what this one says of it (two words at least): 'What does IQ stand for?' after '[IQ]
    stands for intelligence quotient'. A sentence that relates the same words in a longer claim ('there
    is some interaction between frequency and amplitude in our perception of loudness') says more, and
    a definition is no repeat of a sentence that only names the term ('the emission of a positron'
    after 'has the same effect as does positron emission').
    """
    if not claim.stems:
        return False
    if claim.answer:
        if not claim.answer <= earlier.stems:
            return False
        rest = claim.stems - claim.answer
        shared = len(rest & earlier.stems)
        return shared >= MINIMUM_SAID and shared >= SHARED * len(rest)
    shared = len(claim.stems & earlier.stems)
    return shared >= MINIMUM and shared >= SHARED * len(claim.stems)


def asked_both_ways(claim: Claim, earlier: Claim) -> bool:
    """True when two term questions ask one relation from its two ends: each shows the other's answer
    ('Bacteria produce [hopanoids], similar to cholesterol' and 'Prokaryotes do not produce [cholesterol],
    although bacteria produce similar compounds called hopanoids'), and the rest of what this one says
    is mostly said by the other (half its words, three at least). A teacher keeps one of the two."""
    if not claim.answer or not earlier.answer or claim.answer == earlier.answer:
        return False
    shown, earlier_shown = claim.stems - claim.answer, earlier.stems - earlier.answer
    if not (claim.answer <= earlier_shown and earlier.answer <= shown):
        return False
    rest = shown - earlier.answer
    shared = len(rest & earlier_shown)
    return shared >= MINIMUM and shared >= BOTH_WAYS * len(rest)


def shown_above(claim: Claim, earlier: Claim) -> bool:
    """True when an earlier question shows this one's answer in its own wording and says of it what this
    one says (two words at least, a third of the rest): 'Noncyclic photophosphorylation is used in [...]
    when there is a need for both ATP and NADPH' above, '... requires both ATP and NADPH ..., then it
    will carry out [noncyclic photophosphorylation]' below. A learner who read the first has the second's
    answer; a prompt that only names the term in another relation ('the speeding up of [GDP growth]
    represents the business cycle') gives nothing away."""
    if not claim.answer or not earlier.answer or claim.answer & earlier.answer:
        return False
    earlier_shown = earlier.stems - earlier.answer
    if not claim.answer <= earlier_shown or not _written_in(claim.asked, earlier.text):
        return False  # the same words, not the phrase: 'final goods or outputs' shows no 'final outputs'
    rest = claim.stems - claim.answer
    shared = len(rest & earlier_shown)
    return shared >= MINIMUM_SAID and shared >= SHOWN_SAID * len(rest)


def _written_in(phrase: str, text: str) -> bool:
    phrase = re.sub(r"^(?:the|a|an)\s+", "", phrase)
    return bool(phrase) and re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text) is not None


def asks_term(candidate: Candidate) -> bool:
    """A blank, a right choice or a name asked for: a term to recall, not a statement to judge."""
    return candidate.kind in {"cloze", "mcq", "short"} and candidate.template not in CHAIN_TEMPLATES


def answer_key(answer: str, terms: TermIndex, spelled_out: dict[str, str] | None = None) -> str:
    """What an answer names: an acronym and its expansion, a singular and its plural, are one answer
    ('NMDA receptors' is another answer than 'NMDA'). `spelled_out` maps expansions to their acronym."""
    bare = re.sub(r"^(?:the|a|an)\s+", "", fold(answer))
    term = terms.get(bare)
    if term is not None and term.expansion:
        return f"acronym:{term.key}"
    if spelled_out is None:
        spelled_out = expansions(terms)
    if bare in spelled_out:
        return f"acronym:{spelled_out[bare]}"
    return " ".join(singular(word) for word in re.findall(r"[\w'-]+", bare))


def expansions(terms: TermIndex) -> dict[str, str]:
    """Each spelled-out form the text gives an acronym, folded, with the acronym's key."""
    return {fold(t.expansion): t.key for t in terms.terms.values() if t.expansion}


def fill_in(candidate: Candidate) -> bool:
    """A blank in the source sentence: a cloze, or a multiple choice that completes the sentence."""
    return not candidate.template and (
        candidate.kind == "cloze"
        or (candidate.kind == "mcq" and candidate.question.prompt_text().startswith("Which completes"))
    )


# Where one clause of a sentence ends and another begins: ', and' / ';' / 'whereas' / a dash / a relative
# clause ('a gearbox that raises the speed for the generator').
_CLAUSE_BREAK = re.compile(
    r",\s+(?:and|but|or|yet|so|then|while|whereas|which|who|whom|where|when)\b|[;:—–]"
    r"|\b(?:whereas|while|but|because|although|though|unless|if|that|which|who|whom|whose|where|when)\b",
    re.IGNORECASE,
)


def one_clause(sentence: str, first: str, second: str) -> bool:
    """True when two answers stand in one clause of their sentence, with no clause break between them.

    Blanked in turn, they ask one relation from its two ends ('[Functional fixedness] is a type of mental
    set ...' then 'Functional fixedness is a type of [mental set] ...'; 'a "stronger" or "[appreciating]"
    currency ... a "weaker" or "[depreciating]" one'): the second question repeats the first. Two clauses
    hold two facts ('X binds the receptor, and the receptor opens a channel'), each worth a blank.
    """
    folded = sentence.casefold()
    one, other = folded.find(first.casefold()), folded.find(second.casefold())
    if one < 0 or other < 0 or one == other:
        return False
    (start, start_text), (end, _) = sorted([(one, first), (other, second)])
    between = sentence[start + len(start_text):end]
    return not _CLAUSE_BREAK.search(between)


ASKED_AS = "its answer is asked above as"  # an answer asked above in another form

# A mechanism's why/how, what-if, 'which is NOT' and ordering questions ask its chain or a prediction from
# it: another fact than the claim of any one of its sentences, asked alongside it on purpose.
CHAIN_TEMPLATES = frozenset({"why", "whatif", "not", "order", "pathway"})


class Asked:
    """The facts the questions ranked so far ask, to tell a question that asks one of them again."""

    def __init__(self, terms: TermIndex) -> None:
        self.terms = terms
        self.spelled_out = expansions(terms)
        self.claims: list[tuple[Claim, int | None]] = []  # with the sentence it comes from
        self.blanks: dict[int, list[str]] = {}  # each sentence's answers blanked above
        self.answers: dict[str, str] = {}  # answer key -> the answer as first asked

    def repeat(self, candidate: Candidate) -> str:
        """Why the candidate asks a fact already asked above, or ''."""
        if candidate.template in CHAIN_TEMPLATES:
            return ""
        term = asks_term(candidate)
        if term:
            first = self.answers.get(answer_key(candidate.answer, self.terms, self.spelled_out))
            if first is not None and fold(first) != fold(candidate.answer):
                return f"{ASKED_AS} '{first}'"
        claim = claim_of(candidate.question, candidate.answer, asks_term=term)
        index = candidate.sentence.index if candidate.sentence is not None else None
        # A second blank in a sentence asked above: the ranking's rule for a sentence blanked twice
        # decides (a long sentence holds two facts). Any other question that restates it is a repeat.
        blank = fill_in(candidate)
        others = [earlier for earlier, where in self.claims if not blank or where is None or where != index]
        if any(restates(claim, earlier) for earlier in others):
            return "it asks a fact a higher-ranked question already asks"
        if blank and index is not None and candidate.sentence is not None:
            for first in self.blanks.get(index, []):
                if one_clause(candidate.sentence.text, first, candidate.answer):
                    return f"it asks the other end of the clause that blanks '{first}' above"
        if term and any(asked_both_ways(claim, earlier) for earlier in others):
            return "it asks the other end of a relation a higher-ranked question asks"
        if term and any(shown_above(claim, earlier) for earlier in others):
            return "a higher-ranked question shows its answer and says the same of it"
        return ""

    def add(self, candidate: Candidate) -> None:
        if candidate.template in CHAIN_TEMPLATES:
            return
        term = asks_term(candidate)
        index = candidate.sentence.index if candidate.sentence is not None else None
        self.claims.append((claim_of(candidate.question, candidate.answer, asks_term=term), index))
        if fill_in(candidate) and index is not None:
            self.blanks.setdefault(index, []).append(candidate.answer)
        if term:
            self.answers.setdefault(answer_key(candidate.answer, self.terms, self.spelled_out), candidate.answer)
