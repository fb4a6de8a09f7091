"""Moodle GIFT in: questions read the way Moodle's own importer reads them.

Moodle's reading (question/format/gift/format.php) in short: questions are separated by blank
lines; `//` lines are comments (holding `[id:…]` and `[tag:…]`); `::name::` names a question;
`$CATEGORY:` switches the category; answers sit in the first `{…}`; `\\~ \\= \\# \\{ \\} \\:` are
escaped characters and `\\n` a line break; `[html]`, `[plain]`, `[markdown]`, `[moodle]` at the
start of a text give its format. A question the model cannot hold (essay, description, embedded
answers) is skipped with a warning naming its line; the file's other questions are kept.
Writing is in `gift_write`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter, ValidationError

from quizmg.errors import DeckError, Problem
from quizmg.formats.gift_write import escape, write_gift
from quizmg.formats.importing import ImportResult, deck_id_from_path, title_from_path
from quizmg.formats.moodle_cloze import cloze_note, embedded_cloze
from quizmg.formats.moodle_common import (
    Skip,
    choice_question,
    common_category,
    deck_title,
    match_question,
    numeric_question,
    section,
    short_question,
    slug_id,
    tag,
    truefalse_question,
    uncarried_note,
    without_uncarried_files,
)
from quizmg.formats.moodle_text import FORMATS, from_moodle
from quizmg.model import Deck, derived_question_id
from quizmg.model.questions import Question

__all__ = ["escape", "read_gift", "slug_id", "write_gift"]

# Escaped characters become private-use code points while parsing (Moodle uses "&&058;" and the
# like), so an escaped `=` can never start an answer.
_ESCAPES = {":": "\ue000", "#": "\ue001", "=": "\ue002", "{": "\ue003", "}": "\ue004", "~": "\ue005"}
_NEWLINE = "\ue007"
# Moodle's answer weight: %50%, %-100%, %33.33333% (one or two digits, then any decimals).
_WEIGHT = re.compile(r"^%(-*)(\d{1,2}\.?\d*)%")
_META = re.compile(r"\[(id|tag):((?:\\\]|[^\]\x00-\x1f])+)\]")
_EMBEDDED = re.compile(r"\{\d*:(?:SA|SHORTANSWER|MC|MULTICHOICE|NM|NUMERICAL|MR|MULTIRESPONSE)[A-Z_]*:", re.I)
_PHP_NUMBER = re.compile(r"^\s*[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?\s*$")
_QUESTION: TypeAdapter[Any] = TypeAdapter(Question)
# The header comment quizmg's GIFT export writes first: `// Title (quizmg deck ID; tags: a b)`.
_HEADER = re.compile(
    r"\A\ufeff?// [^\n]*\(quizmg deck ([a-z0-9][a-z0-9._-]{0,119})(?:; tags: ([^()\n]*))?\)[ \t]*$", re.M
)


def _protect(text: str) -> str:
    # Moodle turns `\\` into one backslash after the escapes are taken out.
    text = text.replace("\\\\", "\ue006")
    for char, placeholder in _ESCAPES.items():
        text = text.replace("\\" + char, placeholder)
    return text.replace("\\n", _NEWLINE).replace("\ue006", "\\")


def _restore(text: str) -> str:
    for char, placeholder in _ESCAPES.items():
        text = text.replace(placeholder, char)
    return text.replace(_NEWLINE, "\n")


def _with_format(text: str, default: str) -> tuple[str, str]:
    """A text and its format: a leading `[html]` and the like is taken off (Moodle's parse_text_with_format)."""
    text_format = default
    if text.startswith("["):
        end = text.find("]")
        name = text[1:end] if end != -1 else ""
        if name in FORMATS:
            text_format, text = name, text[end + 1 :]
    return _restore(text).strip(), text_format


def _weight(answer: str) -> tuple[float | None, str]:
    """A leading `%50%` as a percent, and the rest of the answer."""
    found = _WEIGHT.match(answer)
    if not found:
        return None, answer
    try:
        value = float(found.group(2))
    except ValueError:  # pragma: no cover - the pattern only lets numbers through
        return None, answer
    return (-value if found.group(1) else value), answer[found.end() :]


def read_gift(text: str, path: str | Path = "<gift>") -> ImportResult:
    """A deck from GIFT text; questions quizmg cannot hold are skipped with a warning naming their line."""
    reader = _GiftReader(str(path))
    for line, chunk, comments in _chunks(text.removeprefix("\ufeff")):
        reader.question(line, chunk, comments)
    if reader.problems:
        raise DeckError(reader.problems)
    if not reader.questions:
        if reader.skipped:
            raise _nothing_held(reader.skipped)
        raise DeckError.single(path, "no questions found: is this a GIFT file?")
    base = common_category(reader.categories)
    header = _HEADER.search(text[:2000])
    deck_id = header.group(1) if header else deck_id_from_path(path)
    deck_tags = header.group(2).split() if header and header.group(2) else []
    seen: set[str] = set()
    questions = []
    for line, question in zip(reader.lines, reader.questions, strict=True):
        where = section(question.pop("_category", None), base)
        if where:
            question["section"] = where
        if deck_tags and question.get("tags"):  # written on every question by quizmg: the deck's again
            question["tags"] = [t for t in question["tags"] if t not in deck_tags]
            if not question["tags"]:
                del question["tags"]
        qid = question.get("id") or derived_question_id(deck_id, _prompt_of(question))
        candidate, counter = qid, 2
        while candidate in seen:
            candidate, counter = f"{qid}-{counter}", counter + 1
        seen.add(candidate)
        question["id"] = candidate
        try:
            questions.append(_QUESTION.validate_python(question))
        except ValidationError as error:
            detail = error.errors(include_url=False)[0]
            where = ".".join(str(part) for part in detail["loc"][1:])
            reader.warn(line, f"skipped: {detail['msg']}" + (f" ({where})" if where else ""))
    if not questions:
        raise _nothing_held(reader.skipped)
    title = deck_title(base) or title_from_path(path)
    deck = Deck(id=deck_id, title=title, questions=questions, tags=deck_tags)
    return ImportResult(deck, reader.warnings)


def _nothing_held(skipped: list[Problem]) -> DeckError:
    """The refusal of a file whose every question was skipped: each skip, by line."""
    return DeckError([Problem(p.path, p.line, f"no question quizmg can hold: {p.message}") for p in skipped])


def _prompt_of(question: dict[str, Any]) -> str:
    return str(question.get("prompt") or question.get("statement") or question.get("text") or "")


def _chunks(text: str) -> list[tuple[int, str, list[str]]]:
    """Blank-line separated question texts with their first line and their comment lines."""
    chunks: list[tuple[int, str, list[str]]] = []
    current: list[str] = []
    comments: list[str] = []
    start = 0
    for number, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 1):
        stripped = line.strip()
        if stripped.startswith("//"):
            comments.append(stripped[2:])
            continue
        if not stripped:
            if current:
                chunks.append((start, "\n".join(current), comments))
                current, comments = [], []
            else:
                comments = []  # a comment block on its own belongs to no question
            continue
        if not current:
            start = number
        current.append(stripped)
    if current:
        chunks.append((start, "\n".join(current), comments))
    return chunks


class _GiftReader:
    """Turns GIFT question texts into question dicts, collecting warnings and problems."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.questions: list[dict[str, Any]] = []
        self.lines: list[int] = []
        self.warnings: list[str] = []
        self.problems: list[Problem] = []
        self.category: str | None = None
        self.categories: list[str] = []
        self.skipped: list[Problem] = []
        self.format = "moodle"  # the current question's text format, its answers' default

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"{self.path}:{line}: {message}")
        self.skipped.append(Problem(self.path, line, message))

    def question(self, line: int, raw: str, comments: list[str]) -> None:
        text = _protect(raw.strip())
        if text.startswith("$CATEGORY:"):
            self.category = _restore(text[len("$CATEGORY:") :]).strip()
            self.categories.append(self.category)
            return
        data: dict[str, Any] = {}
        self.meta(line, "\n".join(comments), data)
        if text.startswith("::"):
            text = text[2:]
            end = text.find("::")
            if end != -1:
                name = re.sub(r"<[^>]*>", "", _restore(text[:end])).strip()
                if name:
                    data["name"] = name[:255]
                    data.setdefault("id", slug_id(name))
                text = text[end + 2 :].strip()
        if _EMBEDDED.search(text):
            self.embedded(line, text, data)
            return
        start, end = text.find("{"), text.find("}")
        if start == -1 and end == -1:
            self.warn(line, "a description (text with no answers) was skipped")
            return
        if start == -1 or end == -1 or end < start:
            self.problems.append(
                Problem(self.path, line, "unbalanced braces: every `{` needs a `}` (write \\{ for a brace)")
            )
            return
        answers = text[start + 1 : end].strip()
        blank = "" if text.endswith("}") else "_____"
        prompt_raw = text[:start] + blank + text[end + 1 :]
        general = ""
        if "####" in answers:
            answers, general = answers[: answers.rfind("####")].strip(), answers[answers.rfind("####") + 4 :]
        prompt, text_format = _with_format(prompt_raw.strip(), "moodle")
        data["prompt"] = from_moodle(prompt, text_format)
        self.format = text_format
        explanation = self.text(general.strip(), text_format)
        if explanation:
            data["explanation"] = explanation
        if self.category is not None:
            data["_category"] = self.category
        made = self.answers(line, answers, data)
        if made is not None:
            self.keep(line, made)

    def embedded(self, line: int, text: str, data: dict[str, Any]) -> None:
        """Moodle's embedded answers (`{1:SA:=…}`), which Moodle's GIFT importer misreads, as a cloze."""
        text_format = "moodle"
        for name in FORMATS:
            if text.startswith(f"[{name}]"):
                text_format, text = name, text[len(name) + 2 :]
        # Escaped characters are still placeholders here, so they neither split nor end a gap.
        made = embedded_cloze(text, text_format, literal=_restore)
        if made is None:
            self.warn(line, "an embedded-answers (cloze) question was skipped: a gap has no right answer to hide")
            return
        self.warnings.append(f"{self.path}:{line}: {cloze_note(made)}")
        if self.category is not None:
            data["_category"] = self.category
        self.keep(line, {"kind": "cloze", "text": made.text, **data})

    def keep(self, line: int, made: dict[str, Any]) -> None:
        missing: list[str] = []
        made = without_uncarried_files(made, missing)
        if missing:
            self.warnings.append(f"{self.path}:{line}: {uncarried_note(missing)}")
        if made.get("id") is None:
            made.pop("id", None)
        if made.get("name") is not None and made.get("name") == made.get("id"):
            del made["name"]  # a name that is the id says nothing more
        self.questions.append(made)
        self.lines.append(line)

    def meta(self, line: int, comments: str, data: dict[str, Any]) -> None:
        """`[id:…]` (the first) and `[tag:…]` from the question's comment lines."""
        for key, value in _META.findall(comments):
            value = value.replace("\\]", "]").strip()
            if key == "id" and "id" not in data:
                slug = slug_id(value)
                if slug and slug != value:
                    data["idnumber"] = value[:100]  # kept, so an export goes back under the same ID number
                data["id"] = slug
            elif key == "tag" and value:
                data.setdefault("tags", []).append(tag(value))

    def text(self, raw: str, default: str) -> str:
        """An answer or feedback text, its own format tag taken off and read in that format."""
        value, text_format = _with_format(raw, default)
        return from_moodle(value, text_format)

    def answers(self, line: int, answers: str, data: dict[str, Any]) -> dict[str, Any] | None:
        if not answers:
            self.warn(line, "an essay question was skipped (quizmg cannot grade essays)")
            return None
        if answers.startswith("#"):
            return self.numeric(line, answers[1:], data)
        if "~" in answers:
            return self.multiple_choice(line, answers, data)
        if "=" in answers and "->" in answers:
            return self.matching(line, answers, data)
        verdict = answers.split("#", 1)[0].strip() if answers.find("#") > 0 else answers
        if verdict in ("T", "TRUE", "F", "FALSE"):
            return self.truefalse(answers, data)
        return self.short_answer(line, answers, data)

    def _pieces(self, answers: str, separator: str) -> list[str]:
        pieces = answers.split(separator)
        if not pieces[0].strip():
            pieces = pieces[1:]
        return [piece.strip() for piece in pieces]

    def multiple_choice(self, line: int, answers: str, data: dict[str, Any]) -> dict[str, Any] | None:
        parsed = []
        for piece in self._pieces(answers.replace("=", "~="), "~"):
            if piece.startswith("="):
                weight: float | None = 100.0
                piece = piece[1:]
            else:
                weight, piece = _weight(piece)
            body, _, feedback = piece.partition("#")
            parsed.append(
                (self.text(body.strip(), self.format), weight or 0.0, self.text(feedback.strip(), self.format))
            )
        return self.built(line, choice_question(data, "=" in answers, parsed))

    def built(self, line: int, made: dict[str, Any] | Skip) -> dict[str, Any] | None:
        if isinstance(made, Skip):
            self.warn(line, made.reason)
            return None
        return made

    def matching(self, line: int, answers: str, data: dict[str, Any]) -> dict[str, Any] | None:
        pairs = []
        for piece in self._pieces(answers, "="):
            left, arrow, right = piece.partition("->")
            if not arrow:
                self.problems.append(Problem(self.path, line, f"a matching pair needs `->`: {_restore(piece)!r}"))
                return None
            pairs.append((self.text(left.strip(), self.format), _restore(right).strip()))
        return self.built(line, match_question(data, pairs))

    def truefalse(self, answers: str, data: dict[str, Any]) -> dict[str, Any]:
        parts = answers.split("#", 2)
        wrong = self.text(parts[1].strip(), self.format) if len(parts) > 1 else ""
        right = self.text(parts[2].strip(), self.format) if len(parts) > 2 else ""
        return truefalse_question(data, parts[0].strip() in ("T", "TRUE"), right, wrong)

    def short_answer(self, line: int, answers: str, data: dict[str, Any]) -> dict[str, Any] | None:
        parsed = []
        for piece in self._pieces(answers, "="):
            weight, piece = _weight(piece)
            body, _, said = piece.partition("#")
            credit = 100.0 if weight is None else weight
            parsed.append((self.text(body.strip(), self.format), credit, self.text(said.strip(), self.format)))
        return self.built(line, short_question(data, parsed))

    def numeric(self, line: int, answers: str, data: dict[str, Any]) -> dict[str, Any] | None:
        other = ""
        if "~" in answers:
            answers, wrong = answers[: answers.find("~")], answers[answers.find("~") :]
            other = self.text(wrong.partition("#")[2].strip(), self.format)
        parsed: list[tuple[float, float, float, str]] = []
        for piece in self._pieces(answers, "="):
            weight, piece = _weight(piece)
            body, _, said = piece.partition("#")
            number = _restore(body).strip()
            ranged = number.find("..") > 0
            if ranged:
                pair = tuple(number.split("..", 1))
            elif number.find(":") > 0:
                pair = tuple(number.split(":", 1))
            else:
                pair = (number, "0")
            if not all(_PHP_NUMBER.match(part) for part in pair):
                self.warn(line, f"a numerical question was skipped: {number!r} is not a number quizmg can hold")
                return None
            first, second = float(pair[0]), float(pair[1])
            value, tolerance = ((first + second) / 2, second - (first + second) / 2) if ranged else (first, second)
            credit = 100.0 if weight is None else weight
            parsed.append((value, tolerance, credit, self.text(said.strip(), self.format)))
        return self.built(line, numeric_question(data, parsed, other, lambda message: self.warn(line, message)))
