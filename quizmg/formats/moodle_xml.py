"""Moodle XML in: the question-bank format that keeps what GIFT cannot (names, feedback per answer,
partial credit, units, shuffling). Read with defusedxml: no entity expansion, no DTD, no network.

Moodle's reading (question/format/xml/format.php): a `<quiz>` of `<question type="…">`; texts sit in
`<text>` with a `format` attribute; answers carry `fraction` in percent; `type="category"` switches
the category. Kinds the model cannot hold are skipped with a warning naming their line.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from pydantic import TypeAdapter, ValidationError

from quizmg.errors import DeckError, Problem
from quizmg.formats.importing import ImportResult, deck_id_from_path, title_from_path
from quizmg.formats.moodle_cloze import cloze_note, embedded_cloze
from quizmg.formats.moodle_common import (
    MOODLE_PENALTY,
    Data,
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
from quizmg.formats.moodle_text import from_moodle
from quizmg.model import Deck, derived_question_id
from quizmg.model.questions import Question

_FORMATS = {"html": "html", "moodle_auto_format": "moodle", "plain_text": "plain", "markdown": "markdown"}
_QUESTION: TypeAdapter[Any] = TypeAdapter(Question)
DECK_NOTE = re.compile(r"<!--\s*quizmg deck id=([a-z0-9][a-z0-9._-]{0,119}) tags=([^<>]*?)\s*-->")


def _child(element: Element, name: str) -> Element | None:
    return element.find(name)


def _text(element: Element | None, default_format: str = "html") -> str:
    """A `<…><text>…</text></…>` field as quizmg text, read in its own format."""
    if element is None:
        return ""
    inner = element.find("text")
    raw = (inner.text if inner is not None else element.text) or ""
    return from_moodle(raw.strip(), _FORMATS.get(element.get("format", ""), default_format))


def _raw(element: Element | None, name: str, default: str = "") -> str:
    found = element.find(name) if element is not None else None
    return (found.text or "").strip() if found is not None else default


def _fraction(answer: Element) -> float:
    try:
        return float(answer.get("fraction", "0"))
    except ValueError:
        return 0.0


def _penalty(value: str) -> float | None:
    """Moodle's `<penalty>` (a fraction) as a percent; None when absent, odd or Moodle's default."""
    try:
        percent = round(float(value) * 100, 5)
    except ValueError:
        return None
    return percent if 0 <= percent <= 100 and abs(percent - MOODLE_PENALTY) > 1e-3 else None


def _relinked(value: Any, files: dict[str, str]) -> Any:
    """Question data with Moodle's links to embedded files (`@@PLUGINFILE@@/name`) pointing at the media."""
    from urllib.parse import quote

    if isinstance(value, str):
        for name, final in files.items():
            for written in {name, quote(name)}:
                value = value.replace(f"@@PLUGINFILE@@/{written}", final)
        return value
    if isinstance(value, dict):
        return {key: _relinked(item, files) for key, item in value.items()}
    if isinstance(value, list):
        return [_relinked(item, files) for item in value]
    return value


def _is_true(value: str) -> bool:
    return value.strip() not in ("", "false", "0")


def _question_lines(text: str) -> list[int]:
    """The line of each `<question` tag, in order, for messages."""
    return [text.count("\n", 0, match.start()) + 1 for match in re.finditer(r"<question\b", text)]


def read_moodle_xml(text: str, path: str | Path = "<moodle-xml>") -> ImportResult:
    """A deck from Moodle XML; questions quizmg cannot hold are skipped with a warning naming their line."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import ParseError, fromstring

    try:
        root = fromstring(text.removeprefix("\ufeff"), forbid_dtd=True)
    except ParseError as error:
        line = error.position[0] if getattr(error, "position", None) else None
        raise DeckError.single(path, f"not well-formed XML: {error}", line) from None
    except DefusedXmlException as error:
        raise DeckError.single(path, f"refused: the XML declares {type(error).__name__} (not allowed)") from None
    if root.tag != "quiz":
        raise DeckError.single(path, f"not Moodle XML: the outer element is <{root.tag}>, not <quiz>", 1)
    reader = _XmlReader(str(path))
    lines = _question_lines(text)
    for index, element in enumerate(root.findall("question")):
        reader.question(lines[index] if index < len(lines) else 0, element)
    note = DECK_NOTE.search(text)
    deck_tags = note.group(2).split() if note else []
    return reader.deck(path, note.group(1) if note else None, deck_tags)


class _XmlReader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.made: list[tuple[int, Data]] = []
        self.warnings: list[str] = []
        self.skipped: list[Problem] = []
        self.category: str | None = None
        self.categories: list[str] = []
        self.description = ""
        self.media: dict[str, bytes] = {}

    def warn(self, line: int, message: str) -> None:
        self.warnings.append(f"{self.path}:{line}: {message}")
        self.skipped.append(Problem(self.path, line, message))

    def question(self, line: int, element: Element) -> None:
        kind = element.get("type", "")
        if kind == "category":
            self.category = _raw(element.find("category"), "text")
            self.categories.append(self.category)
            if not self.description:
                self.description = _text(element.find("info"), "moodle")
            return
        readers = {
            "multichoice": self.multichoice,
            "truefalse": self.truefalse,
            "shortanswer": self.shortanswer,
            "numerical": self.numerical,
            "matching": self.matching,
            "match": self.matching,
        }
        if kind not in readers and kind != "cloze":
            what = {"essay": "an essay", "description": "a description"}
            self.warn(line, f"{what.get(kind, f'a {kind!r}')} question was skipped: quizmg cannot hold it")
            return
        files = self.embedded_files(line, element)
        question_text = element.find("questiontext")
        self.format = _FORMATS.get(question_text.get("format", "html") if question_text is not None else "", "html")
        data: Data = {"prompt": _text(question_text, self.format)}
        name = re.sub(r"<[^>]*>", "", _raw(element.find("name"), "text")).strip()
        idnumber = _raw(element, "idnumber")
        qid = slug_id(idnumber) if idnumber else (slug_id(name) if name else None)
        if idnumber and qid != idnumber:
            data["idnumber"] = idnumber[:100]  # kept, so an export goes back under the same ID number
        if qid:
            data["id"] = qid
        if name and name != qid:
            data["name"] = name[:255]
        tags = [tag(t.findtext("text") or "") for t in element.findall("tags/tag")]
        if any(tags):
            data["tags"] = [t for t in tags if t]
        explanation = _text(element.find("generalfeedback"), self.format)
        if explanation:
            data["explanation"] = explanation
        hints = [_text(hint, self.format) for hint in element.findall("hint")]
        if any(hints):
            data["hints"] = [hint for hint in hints if hint]
        penalty = _penalty(_raw(element, "penalty"))
        if penalty is not None:
            data["penalty"] = penalty
        if self.category is not None:
            data["_category"] = self.category
        made = self.cloze(line, question_text, data) if kind == "cloze" else readers[kind](line, element, data)
        if isinstance(made, Skip):
            self.warn(line, made.reason)
        elif made is not None:
            missing: list[str] = []
            made = without_uncarried_files(_relinked(made, files) if files else made, missing)
            if missing:
                self.warnings.append(f"{self.path}:{line}: {uncarried_note(missing)}")
            self.made.append((line, made))

    def embedded_files(self, line: int, element: Element) -> dict[str, str]:
        """The question's embedded files (`<file name=… encoding="base64">`), kept as deck media:
        Moodle's name (as its texts link it) -> the media path the texts will use instead."""
        import base64
        import binascii

        found: dict[str, str] = {}
        embedded = [((file.get("name") or "").strip(), file.text or "") for file in element.iter("file")]
        # Moodle 1.9's image field: Moodle adds the image after the question text.
        image, image_data = _raw(element, "image").replace("/", "_"), _raw(element, "image_base64")
        inner = element.find("questiontext/text")
        if image and image_data and inner is not None:
            embedded.append((image, image_data))
            inner.text = (inner.text or "") + f' <img src="@@PLUGINFILE@@/{image}" />'
        for name, data in embedded:
            try:
                content = base64.b64decode(data.strip(), validate=False)
            except (binascii.Error, ValueError):
                self.warn(line, f"the embedded file {name!r} is not base64: left out")
                continue
            stem, dot, suffix = re.sub(r"[^\w.-]+", "-", Path(name).name).strip("-.").rpartition(".")
            base = f"{stem or 'file'}{dot}{suffix}" if dot else (suffix or "file")
            final, counter = f"media/{base}", 2
            while self.media.get(final, content) != content:  # another file already has that name
                final = f"media/{stem or base}-{counter}{dot}{suffix if dot else ''}"
                counter += 1
            self.media[final] = content
            found[name] = final
        return found

    def cloze(self, line: int, question_text: Element | None, data: Data) -> Data | Skip:
        """Moodle's embedded answers as a quizmg cloze, one card per gap."""
        made = embedded_cloze(_raw(question_text, "text"), self.format)
        if made is None:
            return Skip("an embedded-answers (cloze) question was skipped: a gap has no right answer to hide")
        self.warnings.append(f"{self.path}:{line}: {cloze_note(made)}")
        data.pop("prompt", None)
        return {"kind": "cloze", "text": made.text, **data}

    def _answers(self, element: Element, plain: bool = False) -> list[tuple[str, float, str]]:
        found = []
        for answer in element.findall("answer"):
            text = _raw(answer, "text") if plain else _text(answer, self.format)
            found.append((text, _fraction(answer), _text(answer.find("feedback"), self.format)))
        return found

    def multichoice(self, line: int, element: Element, data: Data) -> Data | Skip:
        made = choice_question(data, _is_true(_raw(element, "single", "true")), self._answers(element))
        if not isinstance(made, Skip) and not _is_true(_raw(element, "shuffleanswers", "false")):
            made["shuffle"] = False
        return made

    def truefalse(self, line: int, element: Element, data: Data) -> Data | Skip:
        answer, feedback = True, {"true": "", "false": ""}
        for position, item in enumerate(element.findall("answer")):
            said = _raw(item, "text")
            said = said if said in ("true", "false") else ("true" if position == 0 else "false")
            feedback[said] = _text(item.find("feedback"), self.format)
            # Moodle: the statement is true when "true" earns full marks, or "false" does not.
            answer = (_fraction(item) == 100) == (said == "true")
        right, wrong = (feedback["true"], feedback["false"]) if answer else (feedback["false"], feedback["true"])
        return truefalse_question(data, answer, right, wrong)

    def shortanswer(self, line: int, element: Element, data: Data) -> Data | Skip:
        return short_question(data, self._answers(element, plain=True))

    def numerical(self, line: int, element: Element, data: Data) -> Data | Skip:
        parsed, other = [], ""
        for answer in element.findall("answer"):
            number, feedback = _raw(answer, "text"), _text(answer.find("feedback"), self.format)
            if number == "*":
                other = feedback
                continue
            try:
                value, tolerance = float(number), abs(float(_raw(answer, "tolerance", "0") or 0))
            except ValueError:
                return Skip(f"a numerical question was skipped: {number!r} is not a number quizmg can hold")
            parsed.append((value, tolerance, _fraction(answer), feedback))
        made = numeric_question(data, parsed, other, lambda message: self.warn(line, message))
        units = [
            (u.findtext("unit_name") or "", u.findtext("multiplier") or "1") for u in element.findall("units/unit")
        ]
        base = [name.strip() for name, multiplier in units if float(multiplier or 1) == 1 and name.strip()]
        if not isinstance(made, Skip) and base:
            made["unit"] = base[0]
        return made

    def matching(self, line: int, element: Element, data: Data) -> Data | Skip:
        pairs = [(_text(sub, self.format), _raw(sub.find("answer"), "text")) for sub in element.findall("subquestion")]
        made = match_question(data, pairs)
        return made

    def deck(self, path: str | Path, deck_id: str | None, deck_tags: list[str]) -> ImportResult:
        base = common_category(self.categories)
        deck_id = deck_id or deck_id_from_path(path)
        questions, seen = [], set()
        for line, data in self.made:
            where = section(data.pop("_category", None), base)
            if where:
                data["section"] = where
            if deck_tags and "tags" in data:
                data["tags"] = [t for t in data["tags"] if t not in deck_tags] or None
                if data["tags"] is None:
                    del data["tags"]
            asked = data.get("prompt") or data.get("statement") or data.get("text")
            qid = data.get("id") or derived_question_id(deck_id, str(asked))
            candidate, counter = qid, 2
            while candidate in seen:
                candidate, counter = f"{qid}-{counter}", counter + 1
            seen.add(candidate)
            data["id"] = candidate
            if data.get("name") == candidate:
                del data["name"]
            try:
                questions.append(_QUESTION.validate_python(data))
            except ValidationError as error:
                detail = error.errors(include_url=False)[0]
                self.warn(line, f"skipped: {detail['msg']}")
        if not questions:
            if self.skipped:
                raise DeckError(
                    [Problem(p.path, p.line, f"no question quizmg can hold: {p.message}") for p in self.skipped]
                )
            raise DeckError.single(path, "no questions found in this Moodle XML file")
        title = deck_title(base) or title_from_path(path)
        deck_data: dict[str, Any] = {"id": deck_id, "title": title, "questions": questions}
        if self.description:
            deck_data["description"] = self.description
        if deck_tags:
            deck_data["tags"] = deck_tags
        return ImportResult(Deck.model_validate(deck_data), self.warnings, self.media)
