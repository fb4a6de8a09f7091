"""The words the teacher rules look at: word lists (stop words, question words, negations, number
words) and the small helpers that split and compare texts by word."""

from __future__ import annotations

import re

from quizmg.model import Cloze

STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "as",
        "than",
        "then",
        "so",
        "not",
        "no",
        "there",
        "each",
    ]
)
# Words that frame a question rather than say what it asks about.
QUESTION_WORDS = frozenset(
    [
        "what",
        "which",
        "who",
        "whom",
        "whose",
        "when",
        "where",
        "why",
        "how",
        "name",
        "does",
        "do",
        "did",
        "give",
        "state",
    ]
)
NEGATIONS = frozenset(
    ["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "nowhere"]
)
NUMBER_WORDS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
]


def words_of(text: str) -> list[str]:
    """Lower-case words, punctuation dropped (apostrophes kept inside words)."""
    return re.findall(r"[\w']+", text.casefold())


def contains_words(haystack: str, needle: str) -> bool:
    """True when the words of `needle` appear together, whole, in `haystack`."""
    words = words_of(needle)
    if not words:
        return False
    pattern = r"\b" + r"\W+".join(re.escape(word) for word in words) + r"\b"
    return re.search(pattern, haystack.casefold()) is not None


def content_words(text: str) -> list[str]:
    """The words that carry meaning, roughly singular: 'What are the cells' walls?' -> cell wall."""
    stems = (re.sub(r"(?<=\w\w)(?:'s|s)$", "", word) for word in words_of(text))
    return [word for word in stems if word not in STOP_WORDS and word not in QUESTION_WORDS]


def choice_gaps(question: Cloze) -> set[int]:
    """The card numbers whose every deletion offers its answer among choices in the hint ("a / an /
    the", as Moodle's embedded multiple-choice gaps come in): a choose-the-word exercise, where a
    short word or a word used in another gap gives nothing away."""
    from quizmg.model.cloze import all_deletions, parse, revealed

    choosing: dict[int, bool] = {}
    for deletion in all_deletions(parse(question.text)):
        options = [words_of(option) for option in re.split(r"\s/\s|\|", deletion.hint or "")]
        offered = len(options) >= 2 and words_of(revealed(deletion.content)) in options
        choosing[deletion.number] = choosing.get(deletion.number, True) and offered
    return {number for number, offered in choosing.items() if offered}


# A cue in brackets right after a gap: "he {{c4::didn't notice}} (not notice)", the form to change.
_CUE_AFTER_GAP = re.compile(r"(?<=\}\})[ \t]*\([^()\n]{1,80}\)")


def without_cues(question: Cloze) -> Cloze:
    """The cloze with the bracketed cue after each gap left out, when it is an exercise that gives
    one after several gaps ("put the verbs in brackets in the right form"): the word to transform
    says nothing the gap does not ask for. One bracket after one gap may be a gloss, and stays."""
    if len(_CUE_AFTER_GAP.findall(question.text)) < 2:
        return question
    return question.model_copy(update={"text": _CUE_AFTER_GAP.sub("", question.text)})


def function_words_only(text: str) -> bool:
    """True when every word of the text is a stop word or a question word ('a', 'it', 'why')."""
    words = words_of(text)
    return bool(words) and all(word in STOP_WORDS or word in QUESTION_WORDS for word in words)
