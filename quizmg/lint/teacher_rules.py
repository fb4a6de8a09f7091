"""Lint rules a teacher needs: give-aways, near-duplicates and wording that trips learners up.

Each rule is precise on purpose: a warning that is often wrong teaches teachers to ignore them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from quizmg.bank import Bank
from quizmg.errors import Problem
from quizmg.lint.findings import warning
from quizmg.model import Basic, Cloze, MultipleChoice, QuestionBase, Short, TrueFalse

# Prompts this similar (rapidfuzz token-sort ratio, 0-100) ask the same thing in other words.
NEAR_DUPLICATE_RATIO = 92

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
    ["not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "nowhere", "without"]
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
_ABOVE = re.compile(r"^(all|none|both|neither)\s+(of\s+)?(the\s+)?(above|these|of these)\b", re.I)
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9]{1,5}s?$")
# Words written in capitals that are words, not acronyms.
_SHOUTED_WORDS = frozenset(["true", "false", "yes", "no", "not", "and", "or", "all", "none", "ok", "both", "neither"])
# A word bank in the prompt: the answer among options in brackets or after a colon, split by , / or |.
_WORD_BANK = re.compile(r"[(\[{]([^()\[\]{}]*[,/|][^()\[\]{}]*)[)\]}]|:\s*([^.?!:]*(?:,|/|\bor\b)[^.?!:]*)")
_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z][A-Z0-9]{1,5})\)")


def _words(text: str) -> list[str]:
    """Lower-case words, punctuation dropped (apostrophes kept inside words)."""
    return re.findall(r"[\w']+", text.casefold())


def _contains_words(haystack: str, needle: str) -> bool:
    """True when the words of `needle` appear together, whole, in `haystack`."""
    words = _words(needle)
    if not words:
        return False
    pattern = r"\b" + r"\W+".join(re.escape(word) for word in words) + r"\b"
    return re.search(pattern, haystack.casefold()) is not None


def _content_words(text: str) -> list[str]:
    """The words that carry meaning, roughly singular: 'What are the cells' walls?' -> cell wall."""
    stems = (re.sub(r"(?<=\w\w)(?:'s|s)$", "", word) for word in _words(text))
    return [word for word in stems if word not in STOP_WORDS and word not in QUESTION_WORDS]


def _spelling_variants(first: list[str], second: list[str]) -> bool:
    """True when every word one list has and the other lacks is a misspelling of a word there.

    "GABA" and "NMDA" in the same sentence frame ask different things; "colour" and "color" don't.
    """
    from rapidfuzz import fuzz

    only_first = set(first) - set(second)
    only_second = set(second) - set(first)
    return all(any(fuzz.ratio(a, b) >= 80 for b in only_second) for a in only_first) and all(
        any(fuzz.ratio(b, a) >= 80 for a in only_first) for b in only_second
    )


def near_duplicates(bank: Bank) -> Iterator[Problem]:
    """Two hand-written questions of a kind whose prompts say nearly the same thing."""
    from rapidfuzz import fuzz, process

    # Per kind: earlier questions, their content words, and those words sorted and joined, so
    # fuzz.ratio on the joined text equals a token-sort ratio and runs in rapidfuzz's C++ loop.
    earlier: dict[str, tuple[list[QuestionBase], list[list[str]], list[str]]] = {}
    for question in bank.deck.questions:
        words = _content_words(question.prompt_text())
        key = " ".join(sorted(words))
        kind = question.kind  # type: ignore[attr-defined]
        questions, word_lists, keys = earlier.setdefault(kind, ([], [], []))
        matches = []
        if words:
            matches = process.extract(key, keys, scorer=fuzz.ratio, score_cutoff=NEAR_DUPLICATE_RATIO, limit=None)
        matches = [*matches, *_reworded(question, words, questions, word_lists, {m[2] for m in matches})]
        for reworded, _, index in sorted(matches, key=lambda match: match[2]):
            other = questions[index]
            if _words(other.prompt_text()) == _words(question.prompt_text()):
                continue  # exact repeats are the duplicate-prompt rule's job
            if isinstance(question, TrueFalse) and isinstance(other, TrueFalse) and question.answer != other.answer:
                continue  # a statement and its opposite are a fair pair
            if reworded == "" or keys[index] == key or _spelling_variants(words, word_lists[index]):
                yield warning(
                    bank,
                    question,
                    f"asks nearly the same as {other.id}: merge the two, or make them ask different things",
                    "prompt",
                )
                break
        questions.append(question)
        word_lists.append(words)
        keys.append(key)


# Two prompts with one answer that share this much of their content words ask the same in other words.
REWORDED_OVERLAP = 0.6


def _reworded(
    question: QuestionBase,
    words: list[str],
    questions: list[QuestionBase],
    word_lists: list[list[str]],
    found: set[int],
) -> list[tuple[str, float, int]]:
    """Earlier questions with the same answer whose prompts share most content words (reworded)."""
    answer = _words(question.answer_text())
    if not answer or not words or isinstance(question, (TrueFalse, Cloze)):
        return []
    out = []
    for index, other in enumerate(questions):
        if index in found or _words(other.answer_text()) != answer:
            continue
        mine, theirs = set(words), set(word_lists[index])
        if theirs and len(mine & theirs) / len(mine | theirs) >= REWORDED_OVERLAP:
            out.append(("", 100.0, index))
    return out


def answer_in_prompt(bank: Bank) -> Iterator[Problem]:
    """The answer written out, word for word, in its own question."""
    for question in bank.questions:
        if isinstance(question, (Basic, Short)):
            answer, prompt = question.answer, question.prompt
            if len(answer.strip()) >= 3 and _contains_words(prompt, answer) and not _in_word_bank(prompt, answer):
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
        options = re.split(r"[,/|]|\bor\b", found.group(1) or found.group(2) or "")
        if len(options) >= 2 and any(_words(option) == _words(answer) for option in options):
            return True
    return False


def _cloze_give_away(bank: Bank, question: Cloze) -> Iterator[Problem]:
    from quizmg.model.questions import CLOZE_PATTERN

    for ordinal, hidden_words in sorted(question.deletions().items()):
        # What the learner sees on this card: the other deletions revealed, this one hidden.
        def reveal(m: re.Match[str], n: int = ordinal) -> str:
            return "" if int(m.group(1)) == n else m.group(2)

        visible = CLOZE_PATTERN.sub(reveal, question.text)
        for hidden in hidden_words:
            if len(hidden.strip()) >= 3 and _contains_words(visible, hidden):
                yield warning(
                    bank,
                    question,
                    f"c{ordinal} hides {hidden!r}, but the same words are visible elsewhere in the "
                    "text: hide them there too (same cN) or reword",
                    "text",
                )
                return


def longest_choice_is_right(bank: Bank) -> Iterator[Problem]:
    """A single-answer MCQ whose right choice is far longer than every wrong one."""
    for question in bank.questions:
        if not isinstance(question, MultipleChoice) or question.multiple:
            continue
        wrong = [len(c.text) for c in question.choices if not c.correct]
        right = next(len(c.text) for c in question.choices if c.correct)
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
    for question in bank.questions:
        if not isinstance(question, MultipleChoice) or question.multiple:
            continue
        wrong = [_forms(c.text) for c in question.choices if not c.correct]
        right = next(_forms(c.text) for c in question.choices if c.correct)
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


def double_negative(bank: Bank) -> Iterator[Problem]:
    """A true/false statement or a multiple-choice prompt with two negations, which tests
    reading more than knowing."""
    for question in bank.questions:
        if isinstance(question, TrueFalse):
            text, what, where = question.statement, "statement", "statement"
        elif isinstance(question, MultipleChoice):
            text, what, where = question.prompt, "question", "prompt"
        else:
            continue
        words = _words(text)
        count = sum(word in NEGATIONS or word.endswith("n't") for word in words)
        if count >= 2:
            yield warning(bank, question, f"the {what} has a double negative: say it positively", where)


def _alternatives(answer: str) -> list[str]:
    """Obvious other ways to write an answer: 3 / three, an acronym and its expansion."""
    text = answer.strip()
    lowered = text.casefold()
    if text.isdigit() and int(text) < len(NUMBER_WORDS):
        return [NUMBER_WORDS[int(text)]]
    if lowered in NUMBER_WORDS:
        return [str(NUMBER_WORDS.index(lowered))]
    if _ACRONYM.match(text) and lowered not in _SHOUTED_WORDS:
        return ["its full name"]
    bracketed = _ACRONYM_IN_BRACKETS.search(text)
    if bracketed:
        return [bracketed.group(1), _ACRONYM_IN_BRACKETS.sub("", text).strip()]
    return []


def short_answer_alternatives(bank: Bank) -> Iterator[Problem]:
    """A typed answer with an obvious other spelling that is not accepted."""
    for question in bank.questions:
        if not isinstance(question, Short):
            continue
        accepted = {a.casefold().strip() for a in question.accepted}
        # An alternative the prompt itself shows is what the question asks to turn into the answer
        # ("How do you write the number 1 as a word?" wants "one", not "1").
        missing = [
            alt
            for alt in _alternatives(question.answer)
            if alt.casefold() not in accepted and not _contains_words(question.prompt, alt)
        ]
        if _ACRONYM.match(question.answer.strip()) and question.accepted:
            missing = []  # the teacher has listed alternatives: trust them
        if missing:
            listed = " and ".join(repr(m) if m != "its full name" else m for m in missing)
            yield warning(
                bank,
                question,
                f"learners may type {listed} instead of {question.answer!r}: add it under "
                "`accepted:` so a right answer is not marked wrong",
                "accepted",
            )


def cloze_hides_stop_word(bank: Bank) -> Iterator[Problem]:
    """A deletion that hides only a word like 'the' or 'of', which tests nothing."""
    for question in bank.questions:
        if not isinstance(question, Cloze):
            continue
        for ordinal, hidden_words in sorted(question.deletions().items()):
            if all(_words(h) and set(_words(h)) <= STOP_WORDS for h in hidden_words):
                yield warning(
                    bank,
                    question,
                    f"c{ordinal} hides only {hidden_words[0]!r}: hide a word that carries the meaning instead",
                    "text",
                )
                break


TEACHER_RULES = [
    near_duplicates,
    answer_in_prompt,
    longest_choice_is_right,
    odd_one_out_form,
    all_of_the_above,
    double_negative,
    short_answer_alternatives,
    cloze_hides_stop_word,
]
