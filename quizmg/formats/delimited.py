"""CSV and TSV flashcards: Quizlet-style term and definition, and Anki's "Notes in Plain Text".

Anki's export starts with `#key:value` header lines (see Anki's import-export docs):
`#separator:tab`, `#html:true`, `#notetype:Basic`, `#deck:Biology`, `#tags:a b`, and
`#guid column:1`, `#notetype column:2`, `#deck column:3`, `#tags column:6` for per-row values.
"""

from __future__ import annotations

import csv
import html
import io
import re
from pathlib import Path

from pydantic import ValidationError

from quizmg.errors import DeckError, Problem, QuizmgError
from quizmg.formats.importing import ImportResult, deck_id_from_path, title_from_path
from quizmg.formats.left_out import LeftOut, kind_words
from quizmg.model import Basic, Cloze, Deck, Occlusion, QuestionBase, Short
from quizmg.model.questions import CLOZE_PATTERN

_SEPARATORS = {
    "tab": "\t",
    "comma": ",",
    "semicolon": ";",
    "pipe": "|",
    "space": " ",
    "colon": ":",
}
_HEADER_WORDS = {
    "term", "definition", "front", "back", "question", "answer", "prompt", "text", "extra",
    "tags", "word", "meaning",
    # The header rows of Quizlet and spreadsheet exports in other languages.
    "begriff", "vorderseite", "rückseite", "frage", "antwort", "wort", "bedeutung",
    "terme", "définition", "recto", "verso", "réponse", "mot", "sens",
    "término", "definición", "pregunta", "respuesta", "palabra", "significado",
    "termine", "definizione", "domanda", "risposta", "parola", "significato",
    "termo", "definição", "pergunta", "resposta", "palavra", "definitie", "vraag", "antwoord", "woord", "betekenis",
}  # fmt: skip
_TAG = re.compile(r"<[^>]+>")
_IMG = re.compile(r"""<img\b[^>]*?\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))[^>]*>""", re.IGNORECASE)
_BREAK = re.compile(r"<br\s*/?>|</div>\s*<div>|</p>\s*<p>", re.IGNORECASE)


def read_delimited(text: str, path: str | Path = "<csv>", separator: str | None = None) -> ImportResult:
    """A deck of flashcards from CSV or TSV text; `separator` is detected when not given."""
    headers, body, first_line = _headers(text)
    warnings: list[str] = []
    if "separator" in headers:
        name = headers["separator"].strip()
        separator = _SEPARATORS.get(name.casefold(), name[:1] or None)
    if not separator:
        separator = detect_separator(body)
    body = _rows_split_by_semicolons(body, separator)
    is_html = headers.get("html", "false").strip().casefold() == "true"
    columns = {
        key[: -len(" column")]: int(value) - 1
        for key, value in headers.items()
        if key.endswith(" column") and value.strip().isdigit()
    }
    notetype = headers.get("notetype", "")
    deck_name = headers.get("deck", "")
    file_tags = headers.get("tags", "").split()
    rows = list(csv.reader(io.StringIO(body), delimiter=separator, strict=False))
    questions: list[QuestionBase] = []
    lines: list[int] = []
    problems: list[Problem] = []
    line = first_line
    for index, row in enumerate(rows):
        row_line = line
        line += 1 + sum(cell.count("\n") for cell in row)
        if not any(cell.strip() for cell in row):
            continue
        if index == 0 and not columns and _is_header(row):
            continue
        special = {name: row[i] for name, i in columns.items() if i < len(row)}
        fields = [cell for i, cell in enumerate(row) if i not in columns.values()]
        if is_html:
            fields = [_plain(cell) for cell in fields]
        fields = [cell.strip() for cell in fields]
        tags = file_tags + special.get("tags", "").split()
        section = (special.get("deck") or deck_name).split("::")[-1].strip() or None
        kind = special.get("notetype", notetype)
        try:
            question = _question(fields, kind, tags, section)
        except (ValueError, ValidationError) as error:
            problems.append(Problem(str(path), row_line, _reason(error)))
            continue
        if question is None:
            problems.append(Problem(str(path), row_line, "a row needs two columns (term and definition) or a cloze"))
            continue
        if len(fields) > 2 and any(fields[2:]) and not isinstance(question, Cloze):
            warnings.append(f"{path}:{row_line}: columns after the second were left out")
        questions.append(question)
        lines.append(row_line)
    if problems:
        raise DeckError(problems)
    if not questions:
        raise DeckError.single(path, "no cards found: expected rows of term and definition")
    title = deck_name.split("::")[-1].strip() if deck_name else title_from_path(path)
    deck = Deck(id=deck_id_from_path(path), title=title or title_from_path(path), questions=questions)
    return ImportResult(deck, warnings)


def separator_named(name: str) -> str:
    """A separator the user named: one character, or tab, comma, semicolon, pipe, space, colon."""
    if name.casefold() in _SEPARATORS:
        return _SEPARATORS[name.casefold()]
    if name in ("\\t", "\t"):
        return "\t"
    if len(name) != 1 or name in '"\n\r':
        raise QuizmgError(f"--separator {name!r}: use one character or one of {', '.join(_SEPARATORS)}")
    return name


def detect_separator(text: str) -> str:
    """Tab, comma, semicolon or pipe: whichever splits the lines most consistently."""
    sample = "\n".join(text.split("\n")[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters="\t,;|").delimiter
    except csv.Error:
        counts = {sep: sample.count(sep) for sep in "\t,;|"}
        best = max(counts, key=lambda sep: counts[sep])
        return best if counts[best] else "\t"


def _rows_split_by_semicolons(body: str, separator: str) -> str:
    """Quizlet can end each row with `;` instead of a line break: `term\tdefinition;term\tdefinition`.
    When every `;`-separated piece of the lines holds exactly one column separator, the `;` ends rows."""
    if separator == ";" or ";" not in body:
        return body
    lines = [line for line in body.split("\n") if line.strip()]
    pieces = [piece for line in lines for piece in line.split(";") if piece.strip()]
    if len(pieces) <= len(lines) or any(piece.count(separator) != 1 or '"' in piece for piece in pieces):
        return body
    return "\n".join(piece.strip("\n") for line in lines for piece in line.split(";") if piece.strip())


def _headers(text: str) -> tuple[dict[str, str], str, int]:
    """Anki's `#key:value` lines at the top of the file, the rest, and the rest's first line."""
    headers: dict[str, str] = {}
    lines = text.split("\n")
    count = 0
    for line in lines:
        found = re.match(r"^#([a-z ]+):(.*)$", line)
        if not found:
            break
        headers[found.group(1).strip()] = found.group(2).strip()
        count += 1
    return headers, "\n".join(lines[count:]), count + 1


def _is_header(row: list[str]) -> bool:
    cells = [cell.strip().casefold() for cell in row if cell.strip()]
    return bool(cells) and all(cell in _HEADER_WORDS for cell in cells)


def _question(fields: list[str], kind: str, tags: list[str], section: str | None) -> QuestionBase | None:
    front = fields[0] if fields else ""
    if "cloze" in kind.casefold() or (CLOZE_PATTERN.search(front) and not kind):
        extra = fields[1] if len(fields) > 1 else ""
        return Cloze(text=front, extra=extra, tags=tags, section=section)
    if len(fields) < 2 or not front or not fields[1]:
        return None
    reversed_card = "reverse" in kind.casefold()
    return Basic(prompt=front, answer=fields[1], reversed=reversed_card, tags=tags, section=section)


def _plain(cell: str) -> str:
    """Anki's HTML field as deck text: line breaks kept, images as Markdown images, other tags dropped."""
    cell = _IMG.sub(lambda m: f"![]({m.group(1) or m.group(2) or m.group(3)})", cell)
    return html.unescape(_TAG.sub("", _BREAK.sub("\n", cell)))


def _reason(error: Exception) -> str:
    if isinstance(error, ValidationError):
        detail = error.errors(include_url=False)[0]
        where = ".".join(str(part) for part in detail["loc"])
        message = str(detail["msg"]).removeprefix("Value error, ")
        return f"{where}: {message}" if where else message
    return str(error)


def write_delimited(
    deck: Deck, questions: list[QuestionBase] | None = None, separator: str = ","
) -> tuple[str, list[str]]:
    """Each question as a row of prompt and answer (Quizlet's term and definition), with a header row."""
    warnings: list[str] = []
    out = io.StringIO()
    writer = csv.writer(out, delimiter=separator, lineterminator="\n")
    writer.writerow(["Term", "Definition"])
    for question in deck.questions if questions is None else questions:
        if isinstance(question, Cloze):
            writer.writerow([question.text, question.extra])
            continue
        if isinstance(question, Occlusion):
            # A row would hold the image's path and one region's place: no card without the picture.
            warnings.append(LeftOut(question.id or "", "Image Occlusion questions have no term-and-answer form"))
            continue
        writer.writerow([question.prompt_text(), question.answer_text()])
        if not isinstance(question, (Basic, Short)):
            named = kind_words(question)
            article = "an" if named[0].lower() in "aeiou" else "a"
            warnings.append(f"{question.id}: {article} {named} question was written as term and answer")
    return out.getvalue(), warnings
