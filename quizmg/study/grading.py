"""Grading a typed answer against a question, leniently where a learner would expect it.

Each `grade_*` function returns a `Grade`, or raises `Unreadable` when the input is not an answer
at all (such as "7" for a three-choice question), so the terminal can ask again instead of
marking the learner wrong for a slip of the keyboard.
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from quizmg.model import Cloze, Match, MultipleChoice, Numeric, Order, Short, TrueFalse

LETTERS = "abcdefghijklmnopqrstuvwxyz"
_EDGE = string.punctuation + "¡¿«»“”‘’…–—·"
_SPACES = re.compile(r"\s+")
_SEPARATORS = re.compile(r"[\s,;/|]+")


class Unreadable(ValueError):
    """Input that is not an answer to this question; the message says what is expected."""


@dataclass(frozen=True)
class DiffPart:
    """One stretch of a typed-versus-expected comparison."""

    op: str  # "same", "typed" (extra, typed but not expected), "missing" (expected, not typed)
    text: str


@dataclass(frozen=True)
class Grade:
    """The verdict on one answer."""

    correct: bool
    expected: str
    given: str
    note: str = ""
    score: float = field(default=-1.0)  # fraction right (order, match, multi-answer mcq)
    diff: tuple[DiffPart, ...] = ()

    def __post_init__(self) -> None:
        if self.score < 0:
            object.__setattr__(self, "score", 1.0 if self.correct else 0.0)


def normalize(text: str) -> str:
    """Text as compared: accents, case, surrounding punctuation and extra spaces dropped."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = _SPACES.sub(" ", bare.casefold()).strip()
    return bare.strip(_EDGE + " ").strip()


def typo_allowance(expected: str) -> int:
    """How many typing slips a normalized answer of this length forgives (none for short words)."""
    length = len(expected)
    if length < 6:
        return 0
    if length < 12:
        return 1
    return 2 if length < 20 else 3


def diff_parts(given: str, expected: str) -> tuple[DiffPart, ...]:
    """What was typed against what was expected, stretch by stretch."""
    from rapidfuzz.distance import Levenshtein  # imported on first use: not needed to show a card

    parts: list[DiffPart] = []
    for op in Levenshtein.opcodes(given, expected):
        typed = given[op.src_start : op.src_end]
        wanted = expected[op.dest_start : op.dest_end]
        if op.tag == "equal":
            parts.append(DiffPart("same", typed))
            continue
        if typed:
            parts.append(DiffPart("typed", typed))
        if wanted:
            parts.append(DiffPart("missing", wanted))
    return tuple(parts)


def grade_text(given: str, answers: Sequence[str]) -> Grade:
    """A typed answer against the accepted answers (the first is the one shown).

    Forms that count the same (quizmg.study.answer_forms: number words and digits, a leading
    article, hyphens and spaces, case and accents) are right as typed, in both directions; a few
    slips in a longer answer are forgiven with a note that spells it as the deck does."""
    from rapidfuzz.distance import OSA  # imported on first use: not needed to show a card

    from quizmg.study.answer_forms import canonical, compact

    if not answers:
        raise ValueError("a typed question needs at least one answer")
    if not normalize(given):
        raise Unreadable("type an answer (or press Ctrl-C to stop)")
    typed, typed_compact = canonical(given), compact(given)
    best = answers[0]
    best_distance: int | None = None
    for answer in answers:
        if typed_compact == compact(answer):
            return Grade(True, answers[0], given)
        # OSA counts a swap of two neighbouring letters as one slip, as a reader would.
        distance = OSA.distance(typed, canonical(answer))
        if best_distance is None or distance < best_distance:
            best, best_distance = answer, distance
    # The deck's own spelling: the first answer of the same form as the nearest one (an
    # alternative that differs only by a hyphen does not replace the deck's "gamma-aminobutyric").
    spelled = next(answer for answer in answers if compact(answer) == compact(best))
    wanted = canonical(best)
    assert best_distance is not None
    if best_distance <= typo_allowance(wanted):
        note = f"accepted, but it is spelled {spelled!r}"
        return Grade(True, answers[0], given, note=note, diff=diff_parts(normalize(given), normalize(spelled)))
    # A wrong answer is compared with the answer shown; when it is nowhere near, a letter by
    # letter diff is noise, so none is given.
    shown = normalize(answers[0])
    typed_text = normalize(given)
    near = OSA.distance(typed_text, shown) <= len(shown) // 2
    return Grade(False, answers[0], given, diff=diff_parts(typed_text, shown) if near else ())


def grade_short(question: Short, given: str) -> Grade:
    """A short answer: the answer or any accepted alternative, typos forgiven in longer words."""
    grade = grade_text(given, [question.answer, *question.accepted])
    if grade.correct or not question.partial:
        if grade.correct and question.feedback:
            said = normalize(given)
            for answer, feedback in question.feedback.items():
                if normalize(answer) == said and feedback:
                    return Grade(True, grade.expected, given, note=feedback, diff=grade.diff)
        return grade
    # Moodle's graded answers: an exact match (`*` stands for any text) earns its share.
    for graded in question.partial:
        if _wildcard(graded.text).fullmatch(_SPACES.sub(" ", given.casefold()).strip()):
            score = min(1.0, max(0.0, graded.credit / 100))
            full = score >= 1.0  # a full-credit pattern such as `*cat*` is a right answer
            return Grade(
                full, grade.expected, given, note=graded.feedback, score=score, diff=() if full else grade.diff
            )
    return grade


def _wildcard(pattern: str) -> re.Pattern[str]:
    """A Moodle short-answer pattern: `*` matches any text, `\\*` a literal star."""
    pieces = re.split(r"(\\\*|\*)", _SPACES.sub(" ", pattern.casefold()).strip())
    return re.compile("".join(".*" if p == "*" else re.escape("*" if p == "\\*" else p) for p in pieces), re.S)


def grade_cloze(question: Cloze, ordinal: int, given: str) -> Grade:
    """A cloze deletion typed in (used by quizzes; study reveals and self-rates instead)."""
    hidden = question.deletions()[ordinal]
    return grade_text(given, [", ".join(hidden), *hidden[:1]] if len(hidden) > 1 else hidden)


_NUMBER = re.compile(r"^([-+−]?(?:\d[\d_ ]*(?:[.,]\d+)*|[.,]\d+)(?:e[-+]?\d+)?)\s*(.*)$", re.I)


def parse_number(text: str) -> tuple[float, str]:
    """A number and the unit after it: "70 bpm", "70bpm", "1,5", "1 000", "-3.2e2"."""
    match = _NUMBER.match(text.strip())
    if not match:
        raise Unreadable("type a number, such as 70 or 70 bpm")
    digits, unit = match.group(1), match.group(2)
    digits = digits.replace("−", "-").replace("_", "").replace(" ", "")
    if "," in digits:
        # "1,000" groups thousands; "1,5" is a decimal comma.
        if "." in digits or re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+", digits):
            digits = digits.replace(",", "")
        else:
            digits = digits.replace(",", ".")
    try:
        return float(digits), unit.strip()
    except ValueError:
        raise Unreadable("type a number, such as 70 or 70 bpm") from None


def grade_numeric(question: Numeric, given: str) -> Grade:
    """A number within the tolerance. The unit may be left out; another unit of the same kind
    (0.343 km/s for 343 m/s) is converted first; a unit of another kind is wrong."""
    from quizmg.study.answer_forms import spelled_number

    spelled = spelled_number(given)
    value, unit = (spelled, "") if spelled is not None else parse_number(given)
    expected = question.answer_text()
    if unit and normalize(unit) != normalize(question.unit or ""):
        from quizmg.study.answer_forms import convert

        converted = convert(value, unit, question.unit) if question.unit else None
        if converted is None:
            wanted = f"in {question.unit}" if question.unit else "without a unit"
            return Grade(False, expected, given, note=f"the answer is {wanted}, not {unit!r}")
        value = converted
    # A hair of slack so that 0.1 + 0.2 style rounding never fails an exact answer.
    slack = 1e-9 * max(1.0, abs(question.answer))
    correct = abs(value - question.answer) <= question.tolerance + slack
    if correct or not question.more:
        note = question.feedback if correct else question.other_feedback
        return Grade(correct, expected, given, note=note)
    # Moodle's other graded numbers, each with its own tolerance and credit.
    for other in question.more:
        if abs(value - other.answer) <= other.tolerance + 1e-9 * max(1.0, abs(other.answer)):
            score = min(1.0, max(0.0, other.credit / 100))
            return Grade(score >= 1.0, expected, given, note=other.feedback, score=score)
    return Grade(False, expected, given, note=question.other_feedback)


def _positions(given: str, count: int, what: str) -> list[int]:
    """Numbers (1-based) or letters typed, as 0-based positions among `count` shown items."""
    text = given.strip().lower()
    tokens = [token.strip(_EDGE) for token in _SEPARATORS.split(text) if token.strip(_EDGE)]
    # "ac" or "312": one run of single characters means one item per character.
    if len(tokens) == 1 and len(tokens[0]) > 1 and (count < 10 or not tokens[0].isdigit()):
        tokens = list(tokens[0])
    positions = []
    for token in tokens:
        if token.isdigit() and 1 <= int(token) <= count:
            positions.append(int(token) - 1)
        elif len(token) == 1 and token in LETTERS[:count]:
            positions.append(LETTERS.index(token))
        else:
            last = LETTERS[count - 1]
            raise Unreadable(f"choose {what} by number 1-{count} or letter a-{last}")
    return positions


def grade_mcq(question: MultipleChoice, given: str, shown: Sequence[int]) -> Grade:
    """Choices picked by number or letter; `shown[i]` is the choice displayed in place i."""
    picked_places = _positions(given, len(shown), "a choice")
    if not picked_places:
        raise Unreadable("choose an answer by its number or letter")
    picked = {shown[place] for place in picked_places}
    right = {index for index, choice in enumerate(question.choices) if choice.correct}
    if len(picked) > 1 and not question.multiple:
        raise Unreadable("choose one answer")
    expected = "; ".join(
        f"{LETTERS[place]}) {question.choices[index].text}" for place, index in enumerate(shown) if index in right
    )
    if any(choice.credit is not None for choice in question.choices):
        # Moodle's credit per choice: the picked choices' percents added, from 0 to the full mark.
        score = min(1.0, max(0.0, sum(question.credit(index) for index in picked) / 100))
        full = score >= 1.0 - 1e-6
        notes = [question.choices[index].explanation for index in sorted(picked) if question.choices[index].explanation]
        return Grade(full, expected, given, note=" ".join(notes), score=score)
    if not question.multiple:  # one pick, right when it is one of the right choices (Moodle may mark several)
        return Grade(picked <= right, expected, given, score=1.0 if picked <= right else 0.0)
    # Partial credit for multi-answer questions: each wrong pick cancels a right one.
    score = max(0.0, (len(picked & right) - len(picked - right)) / len(right))
    return Grade(picked == right, expected, given, score=1.0 if picked == right else score)


_TRUE = {"t", "true", "y", "yes", "v", "vrai"}
_FALSE = {"f", "false", "n", "no", "faux"}


def grade_truefalse(question: TrueFalse, given: str) -> Grade:
    """t / f, true / false, y / n."""
    word = normalize(given)
    if word in _TRUE:
        said = True
    elif word in _FALSE:
        said = False
    else:
        raise Unreadable("answer t (true) or f (false)")
    right = said == question.answer
    # Moodle's feedback for a right and for a wrong answer (h16).
    return Grade(
        right, question.answer_text(), given, note=question.right_feedback if right else question.wrong_feedback
    )


def grade_order(question: Order, given: str, shown: Sequence[int]) -> Grade:
    """The shown steps' numbers in the right order, e.g. "3 1 2"; `shown[i]` is item i's index."""
    count = len(shown)
    places = _positions(given, count, "steps")
    if sorted(places) != list(range(count)):
        raise Unreadable(f"type each step's number once, 1 to {count}, in order: e.g. 2 1 3")
    indexes = [shown[place] for place in places]
    in_place = sum(1 for position, index in enumerate(indexes) if position == index)
    expected = " ".join(str(shown.index(index) + 1) for index in range(count))
    return Grade(indexes == list(range(count)), expected, given, score=in_place / count)


_PAIR = re.compile(r"(\d+)\s*[-=:.)]?\s*([a-z])")


def grade_match(question: Match, given: str, shown: Sequence[int]) -> Grade:
    """Pairs such as "1b 2a" (or just "b a", in the order of the left items).

    Left items are shown numbered in deck order; right items lettered, `shown[i]` being the
    index in `question.right_items()` of the item displayed at letter i (several left items may
    share a right item, and distractors match none).
    """
    count = len(question.pairs)
    items = question.right_items()
    options = len(shown)
    text = given.strip().lower()
    chosen: dict[int, int] = {}
    pairs = _PAIR.findall(text)
    if pairs and _PAIR.sub("", text).strip(" ,;") == "":
        for number, letter in pairs:
            left, place = int(number) - 1, LETTERS.find(letter)
            if not 0 <= left < count or not 0 <= place < options or left in chosen:
                raise Unreadable(f"pair each number 1-{count} with a letter once, e.g. 1b 2a")
            chosen[left] = shown[place]
    else:
        places = _positions(text, options, "letters")
        chosen = {left: shown[place] for left, place in enumerate(places)}
    shared = len({pair.right for pair in question.pairs}) < count
    if len(chosen) != count or (not shared and len(set(chosen.values())) != count):
        raise Unreadable(f"give a letter for each of the {count} items, e.g. 1b 2a")
    right = sum(1 for left, item in chosen.items() if items[item] == question.pairs[left].right)
    expected = " ".join(
        f"{left + 1}{LETTERS[shown.index(items.index(pair.right))]}" for left, pair in enumerate(question.pairs)
    )
    return Grade(right == count, expected, given, score=right / count)

