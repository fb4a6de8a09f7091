"""Give-aways: a question whose form tells the answer (the answer in the prompt or a word bank,
the longest or odd-one-out choice, "all of the above")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TypeVar

from quizmg.bank import Bank
from quizmg.errors import Problem
from quizmg.lint.findings import warning
from quizmg.lint.words import choice_gaps, contains_words, function_words_only, without_cues, words_of
from quizmg.model import Basic, Cloze, MultipleChoice, Short

T = TypeVar("T")

_ABOVE = re.compile(r"^(all|none|both|neither)\s+(of\s+)?(the\s+)?(above|these|of these)\b", re.I)

# A word bank in the prompt: the answer among options in brackets or after a colon, split by
# , / | ; or bullets (• ·), or by "or".
_SEPARATORS = r"[,/|;•·]|\bor\b"
_WORD_BANK = re.compile(r"[(\[{]([^()\[\]{}]*[,/|;•·][^()\[\]{}]*)[)\]}]|:\s*([^.?!:]*(?:[,/;•·]|\bor\b)[^.?!:]*)")
# A gap to fill (`_____`, `…`) and a cue in brackets: "I _____ (show) them": the word to change, given.
_GAP = re.compile(r"_{3,}|…|\.{3}")
_CUE = re.compile(r"\(([^()]{1,80})\)")
_MEDIA = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|\[sound:[^\]\n]*\]")


def answer_in_prompt(bank: Bank) -> Iterator[Problem]:
    """The answer written out, word for word, in its own question."""
    for question in bank.questions:
        if isinstance(question, (Basic, Short)):
            answer, prompt = question.answer, _MEDIA.sub(" ", question.prompt)  # not a file name's words
            if len(answer.strip()) >= 3 and contains_words(prompt, answer) and not _in_word_bank(prompt, answer):
                yield warning(
                    bank,
                    question,
                    f"the answer {answer!r} is written in the prompt: reword the prompt so it "
                    "does not give the answer away",
                    "answer",
                )
        elif isinstance(question, Cloze):
            yield from _cloze_give_away(bank, question)


def _in_word_bank(prompt: str, answer: str) -> bool:
    """True when the answer appears in the prompt only as one option of a list to choose from."""
    for found in _WORD_BANK.finditer(prompt):
        options = re.split(_SEPARATORS, found.group(1) or found.group(2) or "")
        if len(options) >= 2 and any(words_of(option) == words_of(answer) for option in options):
            return True
    if _GAP.search(prompt):  # the cue beside a gap: its words are what the learner is to transform
        outside = _CUE.sub(" ", prompt)
        return any(contains_words(cue.group(1), answer) for cue in _CUE.finditer(prompt)) and not contains_words(
            outside, answer
        )
    return False


def _cloze_give_away(bank: Bank, question: Cloze) -> Iterator[Problem]:
    from quizmg.model.questions import CLOZE_PATTERN

    choosing = choice_gaps(question)
    question = without_cues(question)
    for ordinal, hidden_words in sorted(question.deletions().items()):
        if ordinal in choosing:
            continue  # the learner picks among the words offered: another gap's answer tells nothing
        # What the learner sees on this card: the other deletions revealed, this one hidden.
        def reveal(m: re.Match[str], n: int = ordinal) -> str:
            return "" if int(m.group(1)) == n else m.group(2)

        visible = CLOZE_PATTERN.sub(reveal, question.text)
        for hidden in hidden_words:
            if len(hidden.strip()) >= 3 and not function_words_only(hidden) and contains_words(visible, hidden):
                yield warning(
                    bank,
                    question,
                    f"c{ordinal} hides {hidden!r}, but the same words are visible elsewhere in the "
                    "text: hide them there too (same cN) or reword",
                    "text",
                )
                return


def _single_answer_choices(
    bank: Bank, measure: Callable[[str], T]
) -> Iterator[tuple[MultipleChoice, T, list[T]]]:
    """Each single-answer multiple choice, with `measure` of its right choice and of each wrong one."""
    for question in bank.questions:
        if isinstance(question, MultipleChoice) and not question.multiple:
            right = next(measure(c.text) for c in question.choices if c.correct)
            yield question, right, [measure(c.text) for c in question.choices if not c.correct]


def longest_choice_is_right(bank: Bank) -> Iterator[Problem]:
    """A single-answer MCQ whose right choice is far longer than every wrong one."""
    for question, right, wrong in _single_answer_choices(bank, len):
        if len(wrong) >= 2 and right >= 1.6 * max(wrong) and right - max(wrong) >= 15:
            yield warning(
                bank,
                question,
                "the right choice is much longer than the others, which gives it away: shorten "
                "it or write wrong choices of similar length",
                "choices",
            )


def _forms(text: str) -> set[str]:
    """Surface forms a learner can spot without knowing the answer."""
    forms = set()
    stripped = text.strip()
    if re.fullmatch(r"[-+]?\d[\d,.]*\s*%?", stripped):
        forms.add("a number")
    if stripped.endswith(".") and len(stripped.split()) >= 4:
        forms.add("a full sentence")
    # Articles ("the", "a") were tried and dropped: proper names beside common nouns made them
    # differ in most good questions.
    return forms


def odd_one_out_form(bank: Bank) -> Iterator[Problem]:
    """A single-answer MCQ whose right choice is the only one not of the wrong choices' form."""
    for question, right, wrong in _single_answer_choices(bank, _forms):
        if len(wrong) < 2:
            continue
        shared_by_wrong = set.intersection(*wrong)
        for form in sorted((shared_by_wrong - right) | (right - set[str]().union(*wrong))):
            yield warning(
                bank,
                question,
                f"the right choice is the only one {'not ' if form in shared_by_wrong else ''}"
                f"{form}: write every choice in the same form",
                "choices",
            )
            break


def all_of_the_above(bank: Bank) -> Iterator[Problem]:
    """'All of the above' style choices, which break when choices are shuffled."""
    for question in bank.questions:
        if not isinstance(question, MultipleChoice):
            continue
        for choice in question.choices:
            if _ABOVE.match(choice.text.strip()):
                yield warning(
                    bank,
                    question,
                    f"the choice {choice.text!r} makes no sense once quizmg shuffles the choices: "
                    "mark several choices correct instead (a several-answer question)",
                    "choices",
                )
                break
