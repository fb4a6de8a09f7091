"""Moodle XML out: a deck written so that Moodle's XML importer reads every question back as it is.

Texts are written in Moodle's Markdown format (quizmg's own) with HTML escaped, so Moodle shows
them as written; typed answers are plain, `*` escaped (Moodle's wildcard). Names, ids, tags,
feedback per answer, partial credit, units and shuffling are kept. The deck's id and tags ride in
an XML comment Moodle ignores, so an export imported back into quizmg gives the same deck.
"""

from __future__ import annotations

import re
from urllib.parse import quote
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from quizmg.formats.gift_write import category_path
from quizmg.formats.left_out import LeftOut, kind_words
from quizmg.formats.moodle_common import MOODLE_PENALTY
from quizmg.formats.moodle_text import literal_markdown, visible
from quizmg.model import Basic, Cloze, Deck, Match, MultipleChoice, Numeric, Order, QuestionBase, Short, TrueFalse
from quizmg.model.questions import CLOZE_PATTERN


def _field(parent: Element, name: str, value: str, *, plain: bool = False) -> Element:
    element = SubElement(parent, name, {"format": "plain_text" if plain else "markdown"})
    SubElement(element, "text").text = visible(value) if plain else literal_markdown(value)
    return element


def _plain_answer(value: str) -> str:
    return visible(value).replace("*", "\\*")


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _percent(value: float) -> str:
    return f"{value:.7f}".rstrip("0").rstrip(".")


def write_moodle_xml(deck: Deck, media: dict[str, bytes] | None = None) -> tuple[str, list[str]]:
    """The deck as Moodle XML, and a warning for each thing Moodle XML cannot hold. `media` maps
    the image paths the texts use to the files' contents: those go inside, as Moodle's embedded files."""
    warnings: list[str] = []
    quiz = Element("quiz")
    current: object = object()
    for question in deck.questions:
        if question.section != current:
            current = question.section
            category = SubElement(quiz, "question", {"type": "category"})
            SubElement(SubElement(category, "category"), "text").text = category_path(deck.title, question.section)
            if deck.description:
                _field(category, "info", deck.description)
        for element in _questions(question, deck.tags, warnings):
            quiz.append(element)
    if media:
        _embed(quiz, media)
    indent(quiz)
    note = f"<!-- quizmg deck id={deck.id} tags={' '.join(deck.tags)} -->"
    body = tostring(quiz, encoding="unicode")
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{note}\n{body}\n', warnings


def _head(question: QuestionBase, kind: str, prompt: str, deck_tags: list[str], name: str | None = None) -> Element:
    element = Element("question", {"type": kind})
    qid = question.id or ""
    SubElement(SubElement(element, "name"), "text").text = visible(name or question.name or qid)
    _field(element, "questiontext", prompt)
    _field(element, "generalfeedback", question.explanation)
    SubElement(element, "idnumber").text = question.idnumber or qid
    penalty = MOODLE_PENALTY if question.penalty is None else question.penalty
    SubElement(element, "penalty").text = _percent(penalty / 100)
    for hint in question.hints:
        _field(element, "hint", hint)
    tags = [*question.tags, *(t for t in deck_tags if t not in question.tags)]
    if tags:
        holder = SubElement(element, "tags")
        for value in tags:
            SubElement(SubElement(holder, "tag"), "text").text = visible(value)
    return element


def _answer(parent: Element, credit: float, text: str, feedback: str, *, plain: bool = False) -> Element:
    answer = SubElement(
        parent, "answer", {"fraction": _percent(credit), "format": "plain_text" if plain else "markdown"}
    )
    SubElement(answer, "text").text = text if plain else literal_markdown(text)
    _field(answer, "feedback", feedback)
    return answer


def _questions(question: QuestionBase, deck_tags: list[str], warnings: list[str]) -> list[Element]:
    qid = question.id or ""
    if isinstance(question, MultipleChoice):
        element = _head(question, "multichoice", question.prompt, deck_tags)
        SubElement(element, "single").text = "false" if question.multiple else "true"
        SubElement(element, "shuffleanswers").text = "true" if question.shuffle else "false"
        SubElement(element, "answernumbering").text = "abc"
        for index, choice in enumerate(question.choices):
            _answer(element, question.credit(index), choice.text, choice.explanation)
        return [element]
    if isinstance(question, TrueFalse):
        element = _head(question, "truefalse", question.statement, deck_tags)
        right, wrong = question.right_feedback, question.wrong_feedback
        true_said, false_said = (right, wrong) if question.answer else (wrong, right)
        _answer(element, 100 if question.answer else 0, "true", true_said, plain=True)
        _answer(element, 0 if question.answer else 100, "false", false_said, plain=True)
        return [element]
    if isinstance(question, (Short, Basic)):
        element = _head(question, "shortanswer", question.prompt, deck_tags)
        SubElement(element, "usecase").text = "0"
        if isinstance(question, Basic):
            warnings.append(f"{qid}: a basic card was written as a Moodle short-answer question")
            if question.reversed:
                warnings.append(f"{qid}: the reversed card has no Moodle form and was left out")
            _answer(element, 100, _plain_answer(question.answer), "", plain=True)
            return [element]
        for answer in [question.answer, *question.accepted]:
            _answer(element, 100, _plain_answer(answer), question.feedback.get(answer, ""), plain=True)
        for graded in question.partial:  # a Moodle pattern already: its `*` stays a wildcard
            _answer(element, graded.credit, visible(graded.text), graded.feedback, plain=True)
        return [element]
    if isinstance(question, Numeric):
        element = _head(question, "numerical", question.prompt, deck_tags)
        first = _answer(element, 100, _number(question.answer), question.feedback, plain=True)
        SubElement(first, "tolerance").text = _number(question.tolerance)
        for other in question.more:
            extra = _answer(element, other.credit, _number(other.answer), other.feedback, plain=True)
            SubElement(extra, "tolerance").text = _number(other.tolerance)
        if question.other_feedback:
            _answer(element, 0, "*", question.other_feedback, plain=True)
        if question.unit:
            unit = SubElement(SubElement(element, "units"), "unit")
            SubElement(unit, "multiplier").text = "1"
            SubElement(unit, "unit_name").text = visible(question.unit)
            SubElement(element, "showunits").text = "1"  # the unit may be typed, not required
        return [element]
    if isinstance(question, (Match, Order)):
        if isinstance(question, Order):
            warnings.append(f"{qid}: Moodle has no ordering question here; written as matching steps to positions")
            pairs = [(item, str(position)) for position, item in enumerate(question.items, 1)]
            prompt, distractors = f"{question.prompt} (match each step to its position)", []
        else:
            pairs, prompt = [(p.left, p.right) for p in question.pairs], question.prompt
            distractors = question.distractors
        element = _head(question, "matching", prompt, deck_tags)
        SubElement(element, "shuffleanswers").text = "true"
        for left, right in [*pairs, *(("", item) for item in distractors)]:
            sub = SubElement(element, "subquestion", {"format": "markdown"})
            SubElement(sub, "text").text = literal_markdown(left)
            SubElement(SubElement(sub, "answer"), "text").text = visible(right)
        return [element]
    if isinstance(question, Cloze):
        return _cloze(question, deck_tags, warnings)
    warnings.append(LeftOut(qid, f"{kind_words(question)} questions have no Moodle XML form"))
    return []


def _embedded(question: Cloze) -> str | None:
    """The cloze as Moodle embedded answers (`{1:SHORTANSWER:=…}`, a choice-list hint as
    `{1:MULTICHOICE:~=a~b}`), or None when Moodle's form would not read back as the same cloze:
    deletions not numbered 1, 2, 3… in order, nested, other hints, or characters a gap cannot hold."""
    from quizmg.model.cloze import Deletion, parse, revealed

    nodes = parse(question.text)
    gaps = [node for node in nodes if isinstance(node, Deletion)]
    if [gap.number for gap in gaps] != list(range(1, len(gaps) + 1)):
        return None
    pieces = []
    for node in nodes:
        if isinstance(node, str):
            if re.search(r"\{\d*:[A-Za-z_]+:", node):
                return None  # plain text that Moodle would read as a gap
            pieces.append(literal_markdown(node))
            continue
        if any(isinstance(part, Deletion) for part in node.content):
            return None
        answer = revealed(node.content).strip()
        choices = [choice.strip() for choice in (node.hint or "").split(" / ")] if node.hint else []
        if re.search(r"[{}~#*\\=%:<>&\n]", answer + "".join(choices)) or (node.hint and answer not in choices):
            return None
        if choices:
            pieces.append("{1:MULTICHOICE:" + "~".join(("=" if c == answer else "") + c for c in choices) + "}")
        else:
            pieces.append(f"{{1:SHORTANSWER:={answer}}}")
    return "".join(pieces)


def _cloze(question: Cloze, deck_tags: list[str], warnings: list[str]) -> list[Element]:
    """A cloze as Moodle's embedded answers when it reads back the same; else as short-answer
    questions, one per deletion, the other gaps filled in."""
    qid = question.id or ""
    embedded = _embedded(question)
    if embedded is not None:
        element = _head(question, "cloze", "", deck_tags)
        text = element.find("questiontext/text")
        assert text is not None  # _head writes it
        text.text = embedded  # already Moodle's text: its plain parts escaped, its gaps as Moodle writes them
        return [element]
    out = []
    ordinals = question.card_ordinals()
    for ordinal in ordinals:
        answers = question.deletions()[ordinal]
        shown = question.render(ordinal, blank="_____")
        name = qid if len(ordinals) == 1 else f"{qid}-c{ordinal}"
        copy = question.model_copy(update={"id": name})
        element = _head(copy, "shortanswer", shown, deck_tags, name=question.name)
        SubElement(element, "usecase").text = "0"
        _answer(element, 100, _plain_answer(answers[0]), "", plain=True)
        out.append(element)
    warnings.append(f"{qid}: the cloze was written as Moodle short-answer question(s)")
    if any(m.group(3) for m in CLOZE_PATTERN.finditer(question.text)):
        warnings.append(f"{qid}: cloze hints have no Moodle form and were left out")
    return out


def _embed(quiz: Element, media: dict[str, bytes]) -> None:
    """Images the texts show become files inside the text's field, linked as `@@PLUGINFILE@@/name`
    (how Moodle's own export keeps them)."""
    import base64
    from pathlib import PurePosixPath

    from quizmg.formats.media import IMAGE, image_src

    names: dict[str, str] = {}  # media path -> its file name in Moodle, one name per file
    for src in media:
        stem, suffix = PurePosixPath(src).stem or "file", PurePosixPath(src).suffix
        name, counter = f"{stem}{suffix}", 2
        while name in names.values():
            name, counter = f"{stem}-{counter}{suffix}", counter + 1
        names[src] = name
    for field in quiz.iter():
        text = field.find("text")
        if text is None or not text.text or field.tag == "name":
            continue
        used = [src for src in dict.fromkeys(image_src(m) for m in IMAGE.finditer(text.text)) if src in names]
        text.text = IMAGE.sub(lambda match: _linked(match, names), text.text)
        for src in used:
            attributes = {"name": names[src], "path": "/", "encoding": "base64"}
            SubElement(field, "file", attributes).text = base64.b64encode(media[src]).decode("ascii")


def _linked(match: re.Match[str], names: dict[str, str]) -> str:
    from quizmg.formats.media import image_src

    src = image_src(match)
    if src not in names:
        return match.group(0)
    return f"![{match.group('alt')}](@@PLUGINFILE@@/{quote(names[src])})"
