"""QTI 1.2 for Canvas: the zip Canvas's "QTI .zip file" import takes.

The layout is the one Canvas exports and imports: `imsmanifest.xml`, and a folder named after the
assessment holding `assessment_meta.xml` (Canvas's quiz settings) and the QTI items. Each item
carries Canvas's `question_type`, a response (`response_lid` for choices, `response_str` for typed
answers) and its scoring in `resprocessing`. Text is deck Markdown rendered to safe HTML.
"""

from __future__ import annotations

import hashlib
import io
import zipfile
from xml.etree.ElementTree import Element, SubElement, indent, tostring

from quizmg.formats.deck_html import field_html
from quizmg.formats.left_out import LeftOut, kind_words
from quizmg.model import Basic, Cloze, Deck, Match, MultipleChoice, Numeric, Order, QuestionBase, Short, TrueFalse

_QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
_CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
_CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"


def _ident(*parts: str) -> str:
    return "q" + hashlib.sha256("\n".join(parts).encode()).hexdigest()[:32]


def _xml(root: Element) -> bytes:
    indent(root)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + tostring(root, encoding="utf-8", xml_declaration=False)


def _meta(parent: Element, fields: dict[str, str]) -> None:
    holder = SubElement(parent, "qtimetadata")
    for label, entry in fields.items():
        field = SubElement(holder, "qtimetadatafield")
        SubElement(field, "fieldlabel").text = label
        SubElement(field, "fieldentry").text = entry


def _material(parent: Element, text: str) -> None:
    SubElement(SubElement(parent, "material"), "mattext", {"texttype": "text/html"}).text = field_html(None, text)


def write_qti(deck: Deck, questions: list[QuestionBase] | None = None) -> tuple[bytes, list[str]]:
    """The deck as a Canvas QTI zip, and a warning for each thing QTI cannot hold."""
    warnings: list[str] = []
    assessment = _ident("assessment", deck.id)
    root = Element("questestinterop", {"xmlns": _QTI})
    test = SubElement(root, "assessment", {"ident": assessment, "title": deck.title})
    _meta(test, {"cc_maxattempts": "1"})
    section = SubElement(test, "section", {"ident": "root_section"})
    count = 0
    for question in deck.questions if questions is None else questions:
        for item in _items(deck.id, question, warnings):
            section.append(item)
            count += 1
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("imsmanifest.xml", _manifest(deck, assessment))
        archive.writestr(zipfile.ZipInfo("non_cc_assessments/"), b"")
        archive.writestr(f"{assessment}/assessment_meta.xml", _assessment_meta(deck, assessment, count))
        archive.writestr(f"{assessment}/{assessment}.xml", _xml(root))
    return buffer.getvalue(), warnings


def _manifest(deck: Deck, assessment: str) -> bytes:
    root = Element("manifest", {"identifier": _ident("manifest", deck.id), "xmlns": _CP})
    metadata = SubElement(root, "metadata")
    SubElement(metadata, "schema").text = "IMS Content"
    SubElement(metadata, "schemaversion").text = "1.1.3"
    SubElement(root, "organizations")
    resources = SubElement(root, "resources")
    dependency = _ident("dependency", deck.id)
    resource = SubElement(resources, "resource", {"identifier": assessment, "type": "imsqti_xmlv1p2"})
    SubElement(resource, "file", {"href": f"{assessment}/{assessment}.xml"})
    SubElement(resource, "dependency", {"identifierref": dependency})
    meta = f"{assessment}/assessment_meta.xml"
    kind = "associatedcontent/imscc_xmlv1p1/learning-application-resource"
    extra = SubElement(resources, "resource", {"identifier": dependency, "type": kind, "href": meta})
    SubElement(extra, "file", {"href": meta})
    return _xml(root)


def _assessment_meta(deck: Deck, assessment: str, count: int) -> bytes:
    root = Element("quiz", {"identifier": assessment, "xmlns": _CANVAS})
    SubElement(root, "title").text = deck.title
    SubElement(root, "description").text = field_html(None, deck.description) if deck.description else ""
    settings = {
        "shuffle_answers": "true",
        "scoring_policy": "keep_highest",
        "quiz_type": "assignment",
        "points_possible": f"{float(count)}",
        "show_correct_answers": "true",
        "allowed_attempts": "1",
    }
    for name, value in settings.items():
        SubElement(root, name).text = value
    assignment = SubElement(root, "assignment", {"identifier": _ident("assignment", deck.id)})
    SubElement(assignment, "title").text = deck.title
    SubElement(assignment, "points_possible").text = f"{float(count)}"
    SubElement(assignment, "grading_type").text = "points"
    SubElement(assignment, "submission_types").text = "online_quiz"
    SubElement(assignment, "quiz_identifierref").text = assessment
    return _xml(root)


class _Item:
    """One QTI item being built: its question type, prompt, response and scoring."""

    def __init__(self, ident: str, kind: str, prompt: str, title: str) -> None:
        self.ident = ident
        self.element = Element("item", {"ident": ident, "title": title})
        self.metadata = SubElement(self.element, "itemmetadata")
        self.fields = {"question_type": kind, "points_possible": "1"}
        self.presentation = SubElement(self.element, "presentation")
        _material(self.presentation, prompt)
        self.processing = SubElement(self.element, "resprocessing")
        outcomes = SubElement(self.processing, "outcomes")
        SubElement(outcomes, "decvar", {"maxvalue": "100", "minvalue": "0", "varname": "SCORE", "vartype": "Decimal"})

    def choices(self, cardinality: str, texts: list[str], ident: str = "response1") -> tuple[Element, list[str]]:
        response = SubElement(self.presentation, "response_lid", {"ident": ident, "rcardinality": cardinality})
        render = SubElement(response, "render_choice")
        idents = [_ident(self.ident, ident, str(index), text) for index, text in enumerate(texts)]
        for label, text in zip(idents, texts, strict=True):
            _material(SubElement(render, "response_label", {"ident": label}), text)
        return response, idents

    def typed(self, decimal: bool = False) -> None:
        response = SubElement(self.presentation, "response_str", {"ident": "response1", "rcardinality": "Single"})
        render = SubElement(response, "render_fib", {"fibtype": "Decimal"} if decimal else {})
        SubElement(render, "response_label", {"ident": "answer1", **({} if decimal else {"rshuffle": "No"})})

    def condition(self, score: str, action: str = "Set") -> Element:
        # A share that adds up (matching) lets the next condition be tried too.
        condition = SubElement(self.processing, "respcondition", {"continue": "Yes" if action == "Add" else "No"})
        holder = SubElement(condition, "conditionvar")
        SubElement(condition, "setvar", {"action": action, "varname": "SCORE"}).text = score
        return holder

    def done(self, explanation: str) -> Element:
        _meta(self.metadata, self.fields)
        if explanation:
            first = self.processing.find("respcondition")
            general = Element("respcondition", {"continue": "Yes"})
            SubElement(SubElement(general, "conditionvar"), "other")
            SubElement(general, "displayfeedback", {"feedbacktype": "Response", "linkrefid": "general_fb"})
            position = list(self.processing).index(first) if first is not None else len(self.processing)
            self.processing.insert(position, general)
            feedback = SubElement(self.element, "itemfeedback", {"ident": "general_fb"})
            _material(SubElement(feedback, "flow_mat"), explanation)
        return self.element


def _equal(parent: Element, value: str, ident: str = "response1") -> None:
    SubElement(parent, "varequal", {"respident": ident}).text = value


def _items(deck_id: str, question: QuestionBase, warnings: list[str]) -> list[Element]:
    qid = question.id or ""
    ident = _ident(deck_id, qid)
    title = question.name or qid
    if isinstance(question, MultipleChoice):
        kind = "multiple_answers_question" if question.multiple else "multiple_choice_question"
        item = _Item(ident, kind, question.prompt, title)
        _, idents = item.choices("Multiple" if question.multiple else "Single", [c.text for c in question.choices])
        if question.multiple:
            holder = SubElement(item.condition("100"), "and")
            for label, choice in zip(idents, question.choices, strict=True):
                _equal(holder if choice.correct else SubElement(holder, "not"), label)
        else:
            for index, label in sorted(enumerate(idents), key=lambda pair: -question.credit(pair[0])):
                if question.credit(index) > 0:
                    _equal(item.condition(f"{question.credit(index):g}"), label)
        if any(choice.explanation for choice in question.choices):
            warnings.append(f"{qid}: feedback per choice was left out of the QTI export")
        return [item.done(question.explanation)]
    if isinstance(question, TrueFalse):
        item = _Item(ident, "true_false_question", question.statement, title)
        _, idents = item.choices("Single", ["True", "False"])
        _equal(item.condition("100"), idents[0] if question.answer else idents[1])
        return [item.done(question.explanation)]
    if isinstance(question, (Short, Basic)):
        if isinstance(question, Basic):
            warnings.append(f"{qid}: a basic card was written as a short-answer question")
        item = _Item(ident, "short_answer_question", question.prompt, title)
        item.typed()
        holder = item.condition("100")
        for answer in [question.answer, *(question.accepted if isinstance(question, Short) else [])]:
            _equal(holder, answer)
        return [item.done(question.explanation)]
    if isinstance(question, Numeric):
        prompt = question.prompt + (f" (in {question.unit})" if question.unit else "")
        item = _Item(ident, "numerical_question", prompt, title)
        item.typed(decimal=True)
        either = SubElement(item.condition("100"), "or")
        _equal(either, f"{question.answer:.4f}")
        both = SubElement(either, "and")
        SubElement(both, "vargte", {"respident": "response1"}).text = f"{question.answer - question.tolerance:.4f}"
        SubElement(both, "varlte", {"respident": "response1"}).text = f"{question.answer + question.tolerance:.4f}"
        return [item.done(question.explanation)]
    if isinstance(question, (Match, Order)):
        if isinstance(question, Order):
            warnings.append(f"{qid}: QTI for Canvas has no ordering question; written as matching steps to positions")
            pairs = [(item, str(position)) for position, item in enumerate(question.items, 1)]
            rights, prompt = [str(n) for n in range(1, len(pairs) + 1)], question.prompt
        else:
            pairs, rights, prompt = [(p.left, p.right) for p in question.pairs], question.right_items(), question.prompt
        item = _Item(ident, "matching_question", prompt, title)
        share = f"{100 / len(pairs):.2f}"
        for number, (left, right) in enumerate(pairs, 1):
            response, idents = item.choices("Single", rights, ident=f"response_{number}")
            _material(response, left)
            response.insert(0, response[-1])
            del response[-1]
            _equal(item.condition(share, action="Add"), idents[rights.index(right)], f"response_{number}")
        return [item.done(question.explanation)]
    if isinstance(question, Cloze):
        out = []
        for ordinal in question.card_ordinals():
            item = _Item(_ident(deck_id, qid, str(ordinal)), "short_answer_question", question.render(ordinal), title)
            item.typed()
            _equal(item.condition("100"), ", ".join(question.deletions()[ordinal]))
            out.append(item.done(question.extra or question.explanation))
        warnings.append(f"{qid}: the cloze was written as short-answer question(s)")
        return out
    warnings.append(LeftOut(qid, f"{kind_words(question)} questions have no QTI form"))
    return []
