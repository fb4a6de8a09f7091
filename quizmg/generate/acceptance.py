"""How likely a reviewer keeps a drafted question: signals a teacher could name, and weights fitted on reviews.

Each signal is a plain function of the drafted question, the sentence it comes from and the document
(never of a review). `benchmarks/fit_acceptance.py` fits a weight for each on the reviewed drafts of
the evaluation sets (a logistic model) and proves it on sets it was not fitted on; the weights below
are its output. `chance` turns a question's signals into the share of such questions a reviewer kept,
and `reasons` names the signals that moved it most ("the sentence is short -0.7").

Not used by the ranking: proven leave-one-set-out on the eight reviewed sets (fit_acceptance.py), the
order it gives (the draft score first, this chance among equal scores) did not put accepted drafts before
rejected ones more often than the ranking's own order (better on four sets, worse on four, at main
dec5d6a), and cutting each document's lowest 20% or 30% by it kept as many good and bad drafts as
cutting by today's order; the chance alone ordered the reviewed drafts less well than the draft score
on six sets of eight. Its use is the measurement: which signals go with what reviewers keep, as
weights, and a yardstick for a new signal or rule (does it beat today's order on sets it was not
fitted on?).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from quizmg.generate.details import CITATION, YEAR
from quizmg.generate.document import Sentence
from quizmg.generate.frequency import zipf
from quizmg.generate.quality import normalised
from quizmg.generate.terms import TermIndex, fold
from quizmg.model import QuestionBase

_YEAR = re.compile(rf"\b{YEAR}\b")
_FIGURE = re.compile(r"(?<![\w.])[$€£]?\d[\d,.]*\s*(?:%|percent\b)?")
# A sentence that opens on a word pointing at what came before: a pronoun, a demonstrative, a connective.
_POINTS_BACK = re.compile(
    r"^(?:it|its|they|their|them|this|these|those|that|such|he|she|his|her|another|other|"
    r"however|instead|therefore|thus|also|then|so|hence|likewise|similarly|still|yet|but|and|or|"
    r"in (?:this|that|these|such|addition|contrast|other words|turn)|as a result|for this reason)\b",
    re.IGNORECASE,
)
_EXAMPLE = re.compile(
    r"\b(?:for example|for instance|e\.g\.|imagine|suppose|consider|let'?s|let us|you|your|you'?re)\b",
    re.IGNORECASE,
)
_SUMMARY = re.compile(r"\b(?:summary|key concepts|conclusion|review)\b", re.IGNORECASE)
_LINK = re.compile(r"^What is the link between\b")
_ACRONYM = re.compile(r"\bstand for\?$")
_DEFINITION = re.compile(r"^What is the term for\b")
_LONG = 35  # words: a sentence this long holds several facts, and a reader hunts for the one asked


@dataclass(frozen=True)
class Drafted:
    """One drafted question as the signals read it."""

    question: QuestionBase
    answer: str
    sentence: Sentence | None
    template: str | None  # a mechanism template's name, or None for a question drafted from a sentence

    @property
    def kind(self) -> str:
        return self.question.kind  # type: ignore[attr-defined]

    @property
    def prompt(self) -> str:
        return self.question.prompt_text()


@dataclass
class Setting:
    """What the signals need of the document: its terms, its key terms, the prompts drafted from it."""

    terms: TermIndex
    keys: frozenset[str] | None  # trust.key_groups: what the text marks, or None when it marks too few
    people: frozenset[str] = frozenset()
    prompts: list[str] = field(default_factory=list)  # every drafted prompt, normalised

    def shown_elsewhere(self, drafted: Drafted) -> int:
        """How many other drafted prompts show this question's answer word for word."""
        answer = normalised(drafted.answer)
        if not answer or drafted.kind == "truefalse" or len(answer) < 3:
            return 0
        own = normalised(drafted.prompt)
        pattern = re.compile(rf"\b{re.escape(answer)}\b")
        return sum(1 for prompt in self.prompts if prompt != own and pattern.search(prompt))


def _term_answer(drafted: Drafted) -> bool:
    return drafted.kind in {"cloze", "mcq", "short"} and not drafted.template


def _bare(answer: str) -> str:
    return re.sub(r"^(?:the|a|an)\s+", "", answer.strip(), flags=re.IGNORECASE)


def _text(drafted: Drafted) -> str:
    return drafted.sentence.text if drafted.sentence is not None else ""


# The signals. Each returns a number, mostly 0 or 1; the weight says how it moves a reviewer.

def true_false(d: Drafted, s: Setting) -> float:
    """A true/false statement."""
    return float(d.kind == "truefalse")


def multiple_choice(d: Drafted, s: Setting) -> float:
    """A multiple choice question."""
    return float(d.kind == "mcq")


def link_question(d: Drafted, s: Setting) -> float:
    """'What is the link between X and Y?'"""
    return float(bool(_LINK.search(d.prompt)))


def acronym_question(d: Drafted, s: Setting) -> float:
    """'What does X stand for?'"""
    return float(bool(_ACRONYM.search(d.prompt)))


def term_for(d: Drafted, s: Setting) -> float:
    """'What is the term for ...?' (a definition asked back)."""
    return float(bool(_DEFINITION.search(d.prompt)))


def mechanism_template(d: Drafted, s: Setting) -> float:
    """A question a mechanism template wrote (recall, why/how, what-if, ordering ...), not a true/false."""
    return float(d.template is not None and d.kind != "truefalse")


def answer_marked(d: Drafted, s: Setting) -> float:
    """The answer is a term the text marks (bold, term markup, glossary, 'is called')."""
    if not _term_answer(d):
        return 0.0
    term = s.terms.get(_bare(d.answer))
    if term is None:
        return 0.0
    if s.keys is not None:
        return float(term.group in s.keys or f"expansion:{fold(_bare(d.answer))}" in s.keys)
    return float(bool(term.kinds & {"marked", "emphasised"}) or term.definition_source in {"glossary", "called"})


def answer_named(d: Drafted, s: Setting) -> float:
    """How often the text names the answer (log scale; 0 for an answer that is no term of the text)."""
    if not _term_answer(d):
        return 0.0
    term = s.terms.get(_bare(d.answer))
    return math.log1p(term.count) if term is not None else 0.0


def answer_in_title(d: Drafted, s: Setting) -> float:
    """The answer is the section's own topic, or a word of its title."""
    if not _term_answer(d):
        return 0.0
    words = {w for w in re.findall(r"[a-z][a-z-]+", d.answer.lower()) if len(w) > 2}
    return float(s.terms.is_topic(d.answer) or bool(words & s.terms.topic))


def answer_everyday(d: Drafted, s: Setting) -> float:
    """How everyday the answer's words are: their mean word frequency on the Zipf scale, above 3."""
    if not _term_answer(d):
        return 0.0
    words = re.findall(r"[A-Za-z][a-z'’-]+", d.answer)
    if not words:
        return 0.0
    return max(0.0, sum(zipf(w) for w in words) / len(words) - 3.0)


def answer_length(d: Drafted, s: Setting) -> float:
    """How many words the answer has (a term's answer; up to 6)."""
    return float(min(len(d.answer.split()), 6)) if _term_answer(d) else 0.0


def answer_proper_name(d: Drafted, s: Setting) -> float:
    """The answer is written with a capital where the sentence does not begin: a proper name."""
    if not _term_answer(d):
        return 0.0
    answer = _bare(d.answer)
    first = answer.split()[0] if answer.split() else ""
    if not first[:1].isupper() or first.isupper() or first[1:2].isupper():
        return 0.0  # no capital, or an acronym/formula ('DNA', 'NaCl')
    text = _text(d)
    return float(bool(text) and answer in text and not text.startswith(answer))


def answer_shown_elsewhere(d: Drafted, s: Setting) -> float:
    """Another drafted question shows this answer in its prompt."""
    return float(s.shown_elsewhere(d) > 0)


def sentence_figures(d: Drafted, s: Setting) -> float:
    """The sentence gives two figures or more (a statistic, a worked example)."""
    return float(len(_FIGURE.findall(_text(d))) >= 2)


def sentence_date(d: Drafted, s: Setting) -> float:
    """The sentence gives a year or a decade."""
    return float(bool(_YEAR.search(_text(d))))


def sentence_person(d: Drafted, s: Setting) -> float:
    """The sentence names a person or cites a study ('(Lowry, Dean, & Manders, 2010)')."""
    text = _text(d)
    if CITATION.search(text):
        return 1.0
    return float(any(re.search(rf"\b{re.escape(name)}\b", text) for name in s.people))


def opens_pointing_back(d: Drafted, s: Setting) -> float:
    """The sentence opens on a pronoun, 'this/these/such' or a connective ('However', 'Instead')."""
    return float(bool(_POINTS_BACK.match(_text(d))))


def example_sentence(d: Drafted, s: Setting) -> float:
    """The sentence gives an example or speaks to the reader ('For example', 'Imagine', 'you')."""
    return float(bool(_EXAMPLE.search(_text(d))))


def long_sentence(d: Drafted, s: Setting) -> float:
    """The sentence is long (35 words or more)."""
    return float(len(_text(d).split()) >= _LONG)


def section_opening(d: Drafted, s: Setting) -> float:
    """The sentence is among the first two of its section (where a text states what the section is about)."""
    return float(d.sentence is not None and d.sentence.position <= 2)


def summary_section(d: Drafted, s: Setting) -> float:
    """The sentence is in a summary (a restatement of what the section said)."""
    return float(d.sentence is not None and bool(_SUMMARY.search(d.sentence.section or "")))


def list_member(d: Drafted, s: Setting) -> float:
    """The blank is one item of a list in its sentence ('A, B, and [C]'; 'A, [B], C')."""
    text = _text(d)
    if not _term_answer(d) or not text or d.answer not in text:
        return 0.0
    at = text.index(d.answer)
    before, after = text[:at].rstrip(), text[at + len(d.answer):]
    return float(bool(re.search(r",\s*(?:and|or)?$", before) and re.search(r"\w,", before)) or
                 bool(re.match(r",\s*[^,]{1,40},\s*(?:and|or)\b|,? (?:and|or) [^,.;]{1,40}[.;]", after)))


def short_sentence(d: Drafted, s: Setting) -> float:
    """The sentence is short (under 10 words): little to tell its blank from another."""
    text = _text(d)
    return float(bool(text) and len(text.split()) < 10)


def common_acronym(d: Drafted, s: Setting) -> float:
    """An acronym question on an acronym everyone knows ('AIDS', 'IQ'): its word frequency above 2."""
    found = re.search(r"What (?:does|do) (\S+) stand for\?$", d.prompt)
    return max(0.0, zipf(found.group(1)) - 2.0) if found else 0.0


Signal = Callable[[Drafted, Setting], float]
SIGNALS: tuple[Signal, ...] = (
    true_false, multiple_choice, link_question, acronym_question, term_for, mechanism_template,
    answer_marked, answer_named, answer_in_title, answer_everyday, answer_length, answer_proper_name,
    answer_shown_elsewhere, sentence_figures, sentence_date, sentence_person, opens_pointing_back,
    example_sentence, long_sentence, section_opening, summary_section, list_member, short_sentence, common_acronym,
)

# Fitted by `python benchmarks/fit_acceptance.py --pooled --weights` at main dec5d6a on the 637 reviewed
# questions that today's draft still makes (the eval-t5..t8 reviews, the lead's reviews of s3, s4, s5 and
# s6, hc's of s5; 78% accepted). A positive weight: reviewers kept such questions more often, the other
# signals equal.
INTERCEPT = 0.78
WEIGHTS: dict[str, float] = {
    "true_false": -0.02,
    "multiple_choice": -0.14,
    "link_question": 0.08,
    "acronym_question": -0.15,
    "term_for": 0.41,
    "mechanism_template": 0.34,
    "answer_marked": 0.98,
    "answer_named": -0.17,
    "answer_in_title": 0.07,
    "answer_everyday": -0.11,
    "answer_length": 0.19,
    "answer_proper_name": 0.01,
    "answer_shown_elsewhere": -0.24,
    "sentence_figures": 0.25,
    "sentence_date": -0.11,
    "sentence_person": -0.20,
    "opens_pointing_back": 0.07,
    "example_sentence": -0.19,
    "long_sentence": 0.13,
    "section_opening": 0.05,
    "summary_section": 0.04,
    "list_member": 0.09,
    "short_sentence": -0.76,
    "common_acronym": -0.17,
}


def signals(drafted: Drafted, setting: Setting) -> dict[str, float]:
    """Every signal of a drafted question, by name."""
    return {signal.__name__: signal(drafted, setting) for signal in SIGNALS}


def logit(values: dict[str, float], weights: dict[str, float] | None = None, intercept: float | None = None) -> float:
    weights = WEIGHTS if weights is None else weights
    base = INTERCEPT if intercept is None else intercept
    return base + sum(weights.get(name, 0.0) * value for name, value in values.items())


def chance(values: dict[str, float], weights: dict[str, float] | None = None,
           intercept: float | None = None) -> float:
    """The share of questions with these signals a reviewer kept, as the fitted model tells it."""
    z = logit(values, weights, intercept)
    return 1 / (1 + math.exp(-z)) if z > -30 else 0.0


def reasons(values: dict[str, float], top: int = 3) -> list[str]:
    """The signals that moved the chance most, each with its share of the logit: 'the sentence gives
    figures: -0.6'."""
    parts = [(WEIGHTS.get(name, 0.0) * value, name) for name, value in values.items()]
    moved = sorted((p for p in parts if abs(p[0]) >= 0.05), key=lambda p: -abs(p[0]))[:top]
    return [f"{_describe(name)} {value:+.1f}" for value, name in moved]


def _describe(name: str) -> str:
    """A signal's name as a reader reads it: the first clause of its docstring, without a capital."""
    signal = next((s for s in SIGNALS if s.__name__ == name), None)
    text = re.split(r" \(|: |\.$", (signal.__doc__ or name) if signal else name)[0].strip()
    return text[:1].lower() + text[1:]


@dataclass(frozen=True)
class Acceptance:
    """A drafted question's chance of being kept, and the signals that moved it most."""

    chance: float
    reasons: tuple[str, ...]

    def note(self) -> str:
        """The sentence the deck shows after the draft score."""
        why = f" ({', '.join(self.reasons)})" if self.reasons else ""
        return f"Reviewers kept about {round(100 * self.chance)}% of drafts like this{why}."


def judge(drafted: list[Drafted], setting: Setting) -> list[Acceptance]:
    """Each drafted question's acceptance, in order."""
    judged = []
    for one in drafted:
        values = signals(one, setting)
        judged.append(Acceptance(chance(values), tuple(reasons(values))))
    return judged


def setting_for(terms: TermIndex, keys: frozenset[str] | None, people: Iterable[str],
                drafted: Iterable[Drafted]) -> Setting:
    return Setting(terms, keys, frozenset(people), [normalised(d.prompt) for d in drafted])
