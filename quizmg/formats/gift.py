"""Moodle GIFT, in and out: the question-bank text format Moodle imports and exports.

Reading follows Moodle's own importer (question/format/gift/format.php): questions are separated
by blank lines, `//` lines are comments, `::title::` names a question, `$CATEGORY:` switches the
category, answers sit in braces, and `\\~ \\= \\# \\{ \\} \\:` are escaped characters.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from quizmg.errors import DeckError, Problem
from quizmg.formats.importing import ImportResult, deck_id_from_path, title_from_path
from quizmg.model import (
    Basic,
    Cloze,
    Deck,
    Match,
    MultipleChoice,
    Numeric,
    Order,
    QuestionBase,
    Short,
    TrueFalse,
)
from quizmg.model.questions import ID_PATTERN

# Escaped characters are swapped for private-use code points while parsing, as Moodle does with
# its "&&058;" placeholders, so an escaped `=` can never start an answer.
_ESCAPES = {":": "\ue000", "#": "\ue001", "=": "\ue002", "{": "\ue003", "}": "\ue004", "~": "\ue005"}
_BACKSLASH = "\ue006"
_NEWLINE = "\ue007"
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d*)?)%")
_FORMAT = re.compile(r"^\[(moodle|html|plain|markdown)\]")
_META = re.compile(r"\[(id|tag):([^\]]+)\]")
_NUMBER = r"[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?"
# Moodle only accepts grades from a fixed list; these are its shares for 1 to 8 correct choices.
_SHARES = ("100", "50", "33.33333", "25", "20", "16.66667", "14.28571", "12.5")


def _protect(text: str) -> str:
    text = text.replace("\\\\", _BACKSLASH)
    for char, placeholder in _ESCAPES.items():
        text = text.replace("\\" + char, placeholder)
    return text.replace("\\n", _NEWLINE)


def _restore(text: str) -> str:
    for char, placeholder in _ESCAPES.items():
        text = text.replace(placeholder, char)
    return text.replace(_NEWLINE, "\n").replace(_BACKSLASH, "\\").strip()


def escape(text: str) -> str:
    """Text made safe inside GIFT: the reserved characters escaped, newlines as `\\n`."""
    text = text.replace("\\", "\\\\")
    for char in "~=#{}:":
        text = text.replace(char, "\\" + char)
    return text.replace("\n", "\\n")


# ------------------------------------------------------------------ reading


def read_gift(text: str, path: str | Path = "<gift>") -> ImportResult:
    """A deck from GIFT text; questions quizmg cannot hold are skipped with a warning."""
    reader = _GiftReader(str(path))
    for line, chunk, comments in _chunks(text):
        reader.question(line, chunk, comments)
    if reader.problems:
        raise DeckError(reader.problems)
    if not reader.questions:
        raise DeckError.single(path, "no questions found: is this a GIFT file?")
    base = _common_category(reader.categories)
    questions = []
    for data in reader.questions:
        category = data.pop("_category", None)
        section = _section(category, base)
        if section:
            data["section"] = section
        questions.append(data)
    last = base.rsplit("/", 1)[-1].strip()
    # "$course$" alone names no category of the teacher's; fall back on the file name.
    title = last if last and not last.startswith("$") else title_from_path(path)
    try:
        deck = Deck.model_validate({"id": deck_id_from_path(path), "title": title, "questions": questions})
    except ValidationError as error:
        problems = []
        for detail in error.errors(include_url=False):
            loc = detail["loc"]
            index = loc[1] if len(loc) > 1 and isinstance(loc[1], int) else None
            at = reader.lines[index] if index is not None else None
            problems.append(Problem(str(path), at, str(detail["msg"]), ".".join(map(str, loc[2:]))))
        raise DeckError(problems) from None
    return ImportResult(_unique_ids(deck), reader.warnings)


def _chunks(text: str) -> list[tuple[int, str, list[str]]]:
    """Blank-line separated question texts with their first line and their comment lines."""
    chunks: list[tuple[int, str, list[str]]] = []
    current: list[str] = []
    comments: list[str] = []
    start = 0
    for number, line in enumerate(text.split("\n"), 1):
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
        current.append(line)
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

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"{self.path}:{line}: {message}")

    def question(self, line: int, raw: str, comments: list[str]) -> None:
        text = _protect(raw.strip())
        if text.startswith("$CATEGORY:"):
            self.category = _restore(text[len("$CATEGORY:") :])
            self.categories.append(self.category)
            return
        data: dict[str, Any] = {}
        for comment in comments:
            for key, value in _META.findall(comment):
                if key == "id":
                    data["id"] = value.strip()
                else:
                    data.setdefault("tags", []).append(value.strip().replace(" ", "-"))
        title = ""
        if text.startswith("::"):
            end = text.find("::", 2)
            if end == -1:
                self.problems.append(Problem(self.path, line, "the question title has no closing `::`"))
                return
            title = _restore(text[2:end])
            text = text[end + 2 :].strip()
        if "id" not in data and re.fullmatch(ID_PATTERN, title or "-"):
            data["id"] = title
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
        before, after = text[:start].strip(), text[end + 1 :].strip()
        prompt = f"{before} _____ {after}".strip() if after else before
        format_tag = _FORMAT.match(prompt)
        if format_tag:
            prompt = prompt[format_tag.end() :].strip()
            if format_tag.group(1) == "html":
                self.warn(line, "HTML formatting was kept as plain text")
        general = ""
        if "####" in answers:
            answers, general = answers.rsplit("####", 1)
            answers = answers.strip()
        if general.strip():
            data["explanation"] = _restore(general)
        if self.category is not None:
            data["_category"] = self.category
        prompt = _restore(prompt)
        made = self.answers(line, prompt, answers, data)
        if made is not None:
            self.questions.append(made)
            self.lines.append(line)

    def answers(self, line: int, prompt: str, answers: str, data: dict[str, Any]) -> dict[str, Any] | None:
        if not answers:
            self.warn(line, "an essay question was skipped (quizmg cannot grade essays)")
            return None
        if answers.startswith("#"):
            return self.numeric(line, prompt, answers[1:], data)
        if "~" in answers:
            return self.multiple_choice(line, prompt, answers, data)
        if "=" in answers and "->" in answers:
            return self.matching(line, prompt, answers, data)
        verdict = answers.split("#", 1)[0].strip()
        if verdict in ("T", "TRUE", "F", "FALSE"):
            feedback = [_restore(part) for part in answers.split("#")[1:3]]
            if "explanation" not in data and any(feedback):
                # Moodle's order is #wrong feedback#right feedback; the right one explains best.
                data["explanation"] = [*feedback, "", ""][1] or feedback[0]
                if len([f for f in feedback if f]) > 1:
                    self.warn(line, "true/false: only the feedback for the right answer was kept")
            return {"kind": "truefalse", "statement": prompt, "answer": verdict.startswith("T"), **data}
        return self.short_answer(line, prompt, answers, data)

    def multiple_choice(self, line: int, prompt: str, answers: str, data: dict[str, Any]) -> dict[str, Any]:
        single = "=" in answers
        choices = []
        partial = False
        for part in re.split(r"(?=[=~])", answers):
            part = part.strip()
            if not part:
                continue
            marker, body = part[0], part[1:].strip()
            weight = 100.0 if marker == "=" else 0.0
            found = _WEIGHT.match(body)
            if found:
                weight = float(found.group(1))
                body = body[found.end() :].strip()
            partial = partial or (0 < weight < 100 and single)
            choice_text, _, feedback = body.partition("#")
            choice: dict[str, Any] = {"text": _restore(choice_text), "correct": weight > 0}
            if feedback.strip():
                choice["explanation"] = _restore(feedback)
            choices.append(choice)
        if partial:
            self.warn(line, "partial-credit weights were turned into right (above 0%) or wrong")
        return {"kind": "mcq", "prompt": prompt, "choices": choices, **data}

    def matching(self, line: int, prompt: str, answers: str, data: dict[str, Any]) -> dict[str, Any]:
        pairs = []
        for part in answers.split("="):
            if not part.strip():
                continue
            left, arrow, right = part.partition("->")
            if not arrow:
                self.problems.append(Problem(self.path, line, f"a matching pair needs `->`: {part.strip()!r}"))
                continue
            pairs.append({"left": _restore(left), "right": _restore(right)})
        return {"kind": "match", "prompt": prompt, "pairs": pairs, **data}

    def short_answer(self, line: int, prompt: str, answers: str, data: dict[str, Any]) -> dict[str, Any] | None:
        accepted = []
        for part in answers.split("="):
            part = part.strip()
            if not part:
                continue
            found = _WEIGHT.match(part)
            if found:
                part = part[found.end() :]
                if float(found.group(1)) < 100:
                    self.warn(line, f"the partial-credit answer {_restore(part.split('#')[0])!r} was left out")
                    continue
            text, _, feedback = part.partition("#")
            if feedback.strip():
                self.warn(line, "feedback on a single short answer was left out")
            accepted.append(_restore(text))
        if not accepted:
            self.problems.append(Problem(self.path, line, "a short-answer question needs an `=answer`"))
            return None
        return {"kind": "short", "prompt": prompt, "answer": accepted[0], "accepted": accepted[1:], **data}

    def numeric(self, line: int, prompt: str, answers: str, data: dict[str, Any]) -> dict[str, Any] | None:
        answers = answers.split("~", 1)[0]  # `~#feedback` for wrong answers: nothing to keep
        parts = [p.strip() for p in answers.split("=") if p.strip()] if "=" in answers else [answers.strip()]
        values = []
        for part in parts:
            weight = 100.0
            found = _WEIGHT.match(part)
            if found:
                weight = float(found.group(1))
                part = part[found.end() :]
            number = part.split("#", 1)[0].strip()
            span = re.fullmatch(rf"({_NUMBER})\s*\.\.\s*({_NUMBER})", number)
            margin = re.fullmatch(rf"({_NUMBER})(?:\s*:\s*({_NUMBER}))?", number)
            if span:
                low, high = float(span.group(1)), float(span.group(2))
                values.append((weight, (low + high) / 2, abs(high - low) / 2))
            elif margin:
                values.append((weight, float(margin.group(1)), float(margin.group(2) or 0)))
            else:
                self.problems.append(Problem(self.path, line, f"not a number: {_restore(number)!r}"))
                return None
        best = max(values, key=lambda v: v[0])
        if len(values) > 1:
            self.warn(line, "a numerical question with several graded answers kept only the best one")
        answer = {"kind": "numeric", "prompt": prompt, "answer": best[1], **data}
        if best[2]:
            answer["tolerance"] = best[2]
        return answer


def _common_category(categories: list[str]) -> str:
    """The category path every category of the file starts with."""
    if not categories:
        return ""
    split = [c.split("/") for c in categories]
    common = []
    for parts in zip(*split, strict=False):
        if len(set(parts)) != 1:
            break
        common.append(parts[0])
    return "/".join(common)


def _section(category: str | None, base: str) -> str | None:
    if not category or category == base:
        return None
    rest = category[len(base) :].lstrip("/") if base and category.startswith(base) else category
    return rest or None


def _unique_ids(deck: Deck) -> Deck:
    """Titles shared by several questions would clash as ids: the later ones get a suffix."""
    seen: set[str] = set()
    questions = []
    for question in deck.questions:
        qid = question.id or ""
        candidate, counter = qid, 2
        while candidate in seen:
            candidate, counter = f"{qid}-{counter}", counter + 1
        seen.add(candidate)
        questions.append(question if candidate == qid else question.model_copy(update={"id": candidate}))
    return deck.model_copy(update={"questions": questions})


# ------------------------------------------------------------------ writing


def write_gift(deck: Deck, questions: list[QuestionBase] | None = None) -> tuple[str, list[str]]:
    """The deck's questions as GIFT, and a warning for each thing GIFT cannot hold."""
    warnings: list[str] = []
    base = "$course$/" + deck.title.replace("/", "-").replace("\n", " ")
    out = [f"// {deck.title.splitlines()[0]} (quizmg deck {deck.id})", "", f"$CATEGORY: {base}", ""]
    current: str | None = None
    for question in deck.questions if questions is None else questions:
        section = question.section
        if section != current:
            current = section
            where = f"{base}/{section.replace(chr(10), ' ')}" if section else base
            out += [f"$CATEGORY: {where}", ""]
        written = _write_question(question, warnings)
        if written:
            out += [*written, ""]
    return "\n".join(out), warnings


def _write_question(question: QuestionBase, warnings: list[str]) -> list[str]:
    qid = question.id or ""
    meta = " ".join([f"[id:{qid}]", *(f"[tag:{tag}]" for tag in question.tags)])
    head = f"::{escape(qid)}::"
    general = f"####{escape(question.explanation)}" if question.explanation else ""
    if isinstance(question, MultipleChoice):
        if not question.shuffle:
            warnings.append(f"{qid}: GIFT cannot keep the choices in a fixed order (Moodle may shuffle)")
        right = [c for c in question.choices if c.correct]
        lines = []
        for choice in question.choices:
            if not question.multiple:
                mark = "=" if choice.correct else "~"
            else:
                mark = f"~%{_SHARES[len(right) - 1]}%" if choice.correct else "~%-100%"
            feedback = f"#{escape(choice.explanation)}" if choice.explanation else ""
            lines.append(f"\t{mark}{escape(choice.text)}{feedback}")
        body = [f"{head}{escape(question.prompt)} {{", *lines]
        if general:
            body.append(f"\t{general}")
        return [f"// {meta}", *body, "}"]
    if isinstance(question, TrueFalse):
        return [
            f"// {meta}",
            f"{head}{escape(question.statement)} {{{'TRUE' if question.answer else 'FALSE'}{general}}}",
        ]
    if isinstance(question, Short):
        answers = " ".join(f"={escape(_no_arrow(a, qid, warnings))}" for a in [question.answer, *question.accepted])
        return [f"// {meta}", f"{head}{escape(question.prompt)} {{{answers}{general}}}"]
    if isinstance(question, Basic):
        warnings.append(f"{qid}: a basic card was written as a GIFT short-answer question")
        if question.reversed:
            warnings.append(f"{qid}: the reversed card has no GIFT form and was left out")
        answer = escape(_no_arrow(question.answer, qid, warnings))
        return [f"// {meta}", f"{head}{escape(question.prompt)} {{={answer}{general}}}"]
    if isinstance(question, Numeric):
        prompt = question.prompt
        if question.unit:
            prompt += f" (in {question.unit})"
            warnings.append(f"{qid}: GIFT has no units; the unit was added to the question text")
        number = f"{_number(question.answer)}:{_number(question.tolerance)}"
        return [f"// {meta}", f"{head}{escape(prompt)} {{#{number}{general}}}"]
    if isinstance(question, Match):
        lines = [f"\t={escape(_no_arrow(p.left, qid, warnings))} -> {escape(p.right)}" for p in question.pairs]
        return [
            f"// {meta}",
            f"{head}{escape(question.prompt)} {{",
            *lines,
            *([f"\t{general}"] if general else []),
            "}",
        ]
    if isinstance(question, Order):
        warnings.append(f"{qid}: GIFT has no ordering question; written as matching steps to positions")
        lines = [f"\t={escape(item)} -> {position}" for position, item in enumerate(question.items, 1)]
        prompt = f"{question.prompt} (match each step to its position)"
        return [f"// {meta}", f"{head}{escape(prompt)} {{", *lines, *([f"\t{general}"] if general else []), "}"]
    if isinstance(question, Cloze):
        return _write_cloze(question, meta, general, warnings)
    kind = type(question).__name__
    warnings.append(f"{qid}: {kind} questions have no GIFT form and were skipped")  # pragma: no cover
    return []  # pragma: no cover


def _write_cloze(question: Cloze, meta: str, general: str, warnings: list[str]) -> list[str]:
    """A cloze as GIFT missing-word questions: one per deletion, the other gaps filled in."""
    from quizmg.model.questions import CLOZE_PATTERN

    qid = question.id or ""
    out: list[str] = []
    ordinals = question.card_ordinals()
    for ordinal in ordinals:
        hidden = [m for m in CLOZE_PATTERN.finditer(question.text) if int(m.group(1)) == ordinal]
        if len(hidden) > 1:
            warnings.append(f"{qid}: c{ordinal} hides several words; GIFT keeps one gap, the first")
        first = hidden[0]
        pieces = []
        last = 0
        for match in CLOZE_PATTERN.finditer(question.text):
            pieces.append(escape(question.text[last : match.start()]))
            if match is first or (match.start() == first.start()):
                pieces.append(f"{{={escape(match.group(2))}{general}}}")
            else:
                pieces.append(escape(match.group(2)))
            last = match.end()
        pieces.append(escape(question.text[last:]))
        name = qid if len(ordinals) == 1 else f"{qid}-c{ordinal}"
        out += [f"// {meta.replace(f'[id:{qid}]', f'[id:{name}]')}", f"::{escape(name)}::{''.join(pieces)}", ""]
    if any(m.group(3) for m in CLOZE_PATTERN.finditer(question.text)):
        warnings.append(f"{qid}: cloze hints have no GIFT form and were left out")
    warnings.append(f"{qid}: the cloze was written as GIFT missing-word question(s)")
    return out[:-1]


def _no_arrow(text: str, qid: str, warnings: list[str]) -> str:
    """GIFT cannot escape '->' (it would turn the question into matching): write an arrow sign."""
    if "->" not in text:
        return text
    warnings.append(f"{qid}: '->' has no escape in GIFT and was written as '→'")
    return text.replace("->", "→")


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
