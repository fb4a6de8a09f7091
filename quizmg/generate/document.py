"""Reading a document into sections and sentences, each with where a teacher finds it (its line or paragraph)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from quizmg.errors import DeckError
from quizmg.generate.clean import clean_text
from quizmg.generate.content import not_content, story_names, surnames
from quizmg.generate.details import tells_history
from quizmg.generate.display_colon import whole_before_display
from quizmg.generate.english import check_english
from quizmg.generate.front_matter import split_front_matter
from quizmg.generate.split import split_sentences
from quizmg.generate.told import (
    BOX,
    EXAMPLE,
    Piece,
    example_heading,
    opens_case,
    opens_example_list,
    told_settings,
)

PARAGRAPH_SUFFIXES = {".docx", ".odt"}  # read as Markdown with one paragraph a line, a blank line between
MAX_SENTENCE = 1500  # characters; a longer "sentence" is a table or list run together
_RUN_ON_WORD = re.compile(r"[^\s]{120}")
_LETTER = re.compile(r"[^\W\d_]")
_BOILERPLATE = re.compile(r"copyright|©|all rights? reserved|cookie|subscribe|newsletter", re.I)


@dataclass(frozen=True)
class Sentence:
    """One sentence of the document, with where a teacher finds it."""

    text: str
    index: int
    section: str | None
    position: int  # 1-based position of the sentence within its section
    line: int  # the line of the text read (an office document's Markdown: see `place`)
    is_fragment: bool = False  # a list item or caption without a verb-ending full stop
    told: str = ""  # '' in the running prose; told.BOX, EXAMPLE or STORY when it illustrates (quizmg.generate.told)
    before: int = -1  # index of the sentence right before it in its paragraph, -1 when it opens one (or one was cut)
    in_paragraphs: bool = False  # a Word or OpenDocument text, which has no lines a teacher can find

    @property
    def place(self) -> str:
        """Where a teacher finds the sentence in the file they gave: 'line 12', or 'paragraph 6'.

        A Word or OpenDocument text reaches the drafter as Markdown with paragraph N on line 2N - 1 (one a
        line, a blank line between: quizmg.formats.document_docx and document_odt)."""
        return f"paragraph {(self.line + 1) // 2}" if self.in_paragraphs else f"line {self.line}"


@dataclass
class Document:
    """A document read for drafting: title, sections in order, sentences, emphasised words."""

    path: str
    title: str
    author: str | None = None
    sections: list[str] = field(default_factory=list)
    sentences: list[Sentence] = field(default_factory=list)
    emphasised: list[str] = field(default_factory=list)
    italics: list[str] = field(default_factory=list)  # the emphasised spans set in italics ('*Little House*')
    headings: list[str] = field(default_factory=list)
    glossary: dict[str, str] = field(default_factory=dict)  # term -> definition, from `term: definition` lines
    marked_terms: list[str] = field(default_factory=list)  # terms the source's markup marks as key terms
    index_marked: list[str] = field(default_factory=list)  # those of its marks that only index (clean.Cleaned)
    symbols: set[str] = field(default_factory=set)  # what its short formulas read as ('PV', 'hf'; clean.Cleaned)
    linked_titles: set[str] = field(default_factory=set)  # titles of other sections it links to (clean.Cleaned)
    people: set[str] = field(default_factory=set)  # surnames of real people the text names ('Pavlov')
    box_lines: set[int] = field(default_factory=set)  # lines inside a box set apart from the prose
    marked_at: dict[str, set[tuple[int, int]]] = field(default_factory=dict)  # clean.Cleaned.marked_at


@dataclass
class _Block:
    """A paragraph or list item: its text and the line each character offset starts on."""

    text: str
    line_starts: list[tuple[int, int]]  # (offset in text, line number)
    section: str | None
    is_list_item: bool = False

    def line_at(self, offset: int) -> int:
        line = self.line_starts[0][1]
        for start, number in self.line_starts:
            if start > offset:
                break
            line = number
        return line


def read_document(text: str, path: str | Path, *, markdown: bool | None = None) -> Document:
    """Split a document into sections and sentences; DeckError if empty or not English."""
    path = Path(path)
    if markdown is None:
        # Only plain text is read as it is; every other document reaches here as Markdown
        # (quizmg.formats.documents turns web pages and office documents into it).
        markdown = path.suffix.lower() not in {".txt", ".text", ""}
    if not text.strip():
        raise DeckError.single(path, "the document is empty: there is no text to draft questions from")
    meta, text = split_front_matter(text)
    cleaned = clean_text(text)
    text = cleaned.text
    document = Document(path=str(path), title=_plain_title(meta.get("title")), author=meta.get("author"))
    document.glossary = cleaned.glossary
    document.marked_terms = cleaned.marked_terms
    document.index_marked = cleaned.index_marked
    document.symbols = cleaned.symbols
    document.linked_titles = cleaned.linked_titles
    document.box_lines = cleaned.box_lines
    document.marked_at = cleaned.marked_at
    blocks = _markdown_blocks(text, document) if markdown else _text_blocks(text, document)
    _split_sentences(blocks, document)
    if path.suffix.lower() in PARAGRAPH_SUFFIXES:
        document.sentences = [_in_paragraphs(sentence) for sentence in document.sentences]
    if not document.sentences:
        raise DeckError.single(path, "the document has no sentences to draft questions from")
    check_english([sentence.text for sentence in document.sentences[:400]], document.path)
    if not document.title:
        document.title = path.stem.replace("-", " ").replace("_", " ").strip().capitalize() or "Draft"
    return document


def _in_paragraphs(sentence: Sentence) -> Sentence:
    """The sentence of a Word or OpenDocument text, shown to a teacher by its paragraph (Sentence.place); its
    line stays the Markdown line, which the marks of key terms (marked_at) are counted in."""
    return replace(sentence, in_paragraphs=True)


def _plain_title(title: object) -> str:
    return clean_text(str(title)).text.strip() if title else ""


def _text_blocks(text: str, document: Document) -> list[_Block]:
    """Plain text: paragraphs separated by blank lines; short unpunctuated lines are headings."""
    lines = text.split("\n")
    blocks: list[_Block] = []
    section: str | None = None
    current: list[tuple[int, str]] = []

    def flush() -> None:
        if current:
            joined, starts = "", []
            for number, line in current:
                starts.append((len(joined), number))
                joined += line.strip() + " "
            blocks.append(_Block(joined.strip(), starts, section))
            current.clear()

    for number, raw in enumerate(lines, start=1):
        line = raw.strip()
        if not line:
            flush()
            continue
        if set(line) <= set("=-*_#~ ") and current:  # an underline turns the line above into a heading
            heading = current.pop()[1].strip()
            flush()
            section = _add_heading(document, heading)
            continue
        if _looks_like_heading(line, lines, number):
            flush()
            if not document.title and not document.headings and number == _first_line(lines):
                document.title = line.rstrip(":")
                document.headings.append(line)
            else:
                section = _add_heading(document, line)
            continue
        item = re.match(r"^(?:[-*•+]|\d+[.)])\s+(.*)$", line)
        if item:
            flush()
            blocks.append(_Block(item.group(1), [(0, number)], section, is_list_item=True))
            continue
        current.append((number, line))
    flush()
    return blocks


def _first_line(lines: list[str]) -> int:
    return next((i for i, line in enumerate(lines, start=1) if line.strip()), 1)


def _looks_like_heading(line: str, lines: list[str], number: int) -> bool:
    if line.startswith("#"):
        return True
    words = line.split()
    if len(words) > 12 or line.endswith((".", ",", ";", ":")):
        return False
    before_blank = number == 1 or not lines[number - 2].strip()
    after_blank = number >= len(lines) or not lines[number].strip()
    if not before_blank:
        return False
    if number == _first_line(lines):
        return True
    if after_blank and example_heading(line):
        return True  # 'Example 2: A loan for a van', in sentence case
    capitalised = sum(w[:1].isupper() for w in words if w.lower() not in {"and", "of", "the", "in", "a"})
    return after_blank and capitalised >= max(1, len(words) // 2)


def _add_heading(document: Document, heading: str) -> str:
    heading = re.sub(r"^#+\s*|\s*#+$", "", heading).strip()
    document.headings.append(heading)
    if heading not in document.sections:
        document.sections.append(heading)
    return heading


def _markdown_blocks(text: str, document: Document) -> list[_Block]:
    """Markdown through markdown-it: headings become sections; code, tables and raw HTML are left out."""
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(text)
    blocks: list[_Block] = []
    section: str | None = None
    in_heading = False
    in_list_item = 0
    for token in tokens:
        if token.type == "heading_open":
            in_heading = True
        elif token.type == "heading_close":
            in_heading = False
        elif token.type == "list_item_open":
            in_list_item += 1
        elif token.type == "list_item_close":
            in_list_item -= 1
        elif token.type == "inline" and token.map:
            joined, starts = _inline_text(token, token.map[0] + 1, document)
            if not joined:
                continue
            if in_heading:
                first = not document.headings
                if first and (not document.title or document.title.lower() == joined.lower()):
                    document.title = document.title or joined  # the top heading names the document
                    document.headings.append(joined)
                else:
                    section = _add_heading(document, joined)
            else:
                blocks.append(_Block(joined, starts, section, is_list_item=in_list_item > 0))
    return blocks


# Stars that Markdown found no partner for are the source's slip, not text: a bold opened before a formula
# and never closed ('replaced by **ρ. In fact', 'methods*. A sample'). A star between spaces ('a * b') stays.
_UNPAIRED_STARS = re.compile(r"(?<!\S)\*{1,3}(?=\S)|(?<=\S)\*{1,3}(?=[\s.,;:!?)]|$)")

def _inline_text(token: object, first_line: int, document: Document) -> tuple[str, list[tuple[int, int]]]:
    """Plain text of an inline token; emphasised spans are remembered as candidate key terms."""
    parts: list[str] = []
    starts = [(0, first_line)]
    line = first_line
    emphasis_start: list[tuple[int, bool]] = []  # where an emphasis began, and whether in italics
    for child in token.children or []:  # type: ignore[attr-defined]
        kind = child.type
        if kind in {"text", "code_inline"}:
            parts.append(child.content)
        elif kind in {"softbreak", "hardbreak"}:
            parts.append(" ")
            line += 1
            starts.append((len("".join(parts)), line))
        elif kind in {"em_open", "strong_open"}:
            emphasis_start.append((len("".join(parts)), kind == "em_open"))
        elif kind in {"em_close", "strong_close"} and emphasis_start:
            begin, italic = emphasis_start.pop()
            span = "".join(parts)[begin:].strip()
            if span and len(span.split()) <= 5:
                document.emphasised.append(span)
                if italic:
                    document.italics.append(span)
        elif kind == "image":
            continue
        # link_open/link_close keep their text; html_inline tags are dropped.
    text = re.sub(r"\s+", " ", _UNPAIRED_STARS.sub("", "".join(parts))).strip()
    return text, starts


def _split_sentences(blocks: list[_Block], document: Document) -> None:
    pieces: list[tuple[_Block, int, str]] = []
    cut_before: set[int] = set()  # pieces whose neighbour before them in the paragraph was left out
    # A case's opening left out ('Suppose the rate is at E₀ ...': a graph not shown), by the piece after it in
    # its paragraph: the case still runs on (told.py).
    lost_openings: dict[int, str] = {}
    for block in blocks:
        cut = False
        lost = ""
        for start, piece in split_sentences(block.text):
            piece = piece.strip()
            if not piece or not _LETTER.search(piece) or _BOILERPLATE.search(piece):
                cut = True
                continue
            if len(piece) > MAX_SENTENCE or _RUN_ON_WORD.search(piece):
                cut = True
                continue  # a table flattened into text, an encoded blob: nothing to ask, too long to show
            if not_content(piece):
                cut = True
                lost = piece if opens_case(piece) else lost
                continue  # 'as the next chapter will discuss', a web address, 'Reaction 1': never mined
            if cut:
                cut_before.add(len(pieces))
            if lost:
                lost_openings[len(pieces)] = lost
            cut = False
            lost = ""
            pieces.append((block, start, piece))
    keep = {term.casefold() for term in [*document.marked_terms, *document.emphasised, *document.glossary]}
    history = tells_history(piece for _, _, piece in pieces)  # 'Jefferson chose ...': real people, not characters
    story = story_names((piece for _, _, piece in pieces), keep, history)
    # One pattern for all of them: a long text has dozens, and a pattern per name per sentence was slow.
    story_pattern = re.compile(
        rf"(?<![\w-])(?:{'|'.join(re.escape(name) for name in sorted(story, key=len, reverse=True))})(?![\w-])"
    ) if story else None
    document.people = surnames(piece for _, _, piece in pieces)
    positions: dict[str | None, int] = {}
    told = _told(pieces, document, _example_items(blocks), lost_openings)
    previous: tuple[_Block, int] | None = None  # the last piece read and the index of its sentence (-1: dropped)
    for number, ((block, start, piece), setting) in enumerate(zip(pieces, told, strict=True)):
        before = previous[1] if previous and previous[0] is block and number not in cut_before else -1
        previous = (block, -1)
        following = pieces[number + 1][2] if number + 1 < len(pieces) else None
        if not block.is_list_item and whole_before_display(piece, following):
            piece = piece[:-1] + "."  # 'X is defined as the ratio of ...:' before its equation: a sentence
        if story_pattern and story_pattern.search(piece):
            continue  # a worked example's invented bank or person: a story, not the subject
        previous = (block, len(document.sentences))
        positions[block.section] = positions.get(block.section, 0) + 1
        fragment = block.is_list_item and not piece.endswith((".", "!", "?"))
        fragment = fragment or not piece.endswith((".", "!", "?", '"', "”", ")"))
        document.sentences.append(
            Sentence(
                text=piece,
                index=len(document.sentences),
                section=block.section,
                position=positions[block.section],
                line=block.line_at(start),
                is_fragment=fragment,
                told=setting,
                before=before,
            )
        )


def _example_items(blocks: list[_Block]) -> set[int]:
    """The list items (by id) of a list opened by a line that names examples ('The following examples
    ...:'), whether or not that line is kept as a sentence."""
    items: set[int] = set()
    listed = False
    for block in blocks:
        if not block.is_list_item:
            listed = opens_example_list(block.text)
        elif listed:
            items.add(id(block))
    return items


def _told(pieces: list[tuple[_Block, int, str]], document: Document, example_items: set[int],
          lost_openings: dict[int, str]) -> list[str]:
    """Each piece's setting: a box, a part headed as an example, a paragraph's case, or '' (the prose)."""
    return told_settings([
        Piece(
            section=block.section,
            opens=number == 0 or pieces[number - 1][0] is not block,
            text=piece,
            set_apart=BOX if block.line_at(start) in document.box_lines
            else EXAMPLE if example_heading(block.section) or id(block) in example_items else "",
            lost_opening=lost_openings.get(number, ""),
        )
        for number, (block, start, piece) in enumerate(pieces)
    ])
