"""The documents a teacher drafts a deck from: plain text, Markdown, a web page, a Word or
OpenDocument text.

Each comes back as text for `quizmg.generate` (the others as Markdown, so their headings and bold
terms count). Formats whose text has no reliable paragraphs (PDF) or that need a program to open
(old .doc, .rtf, .pages) are refused with the way to save them as one that is read.
"""

from __future__ import annotations

from pathlib import Path

from quizmg.errors import DeckError

TEXT_SUFFIXES = {".txt", ".text", ""}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
WORD_SUFFIXES = {".docx"}
OPENDOCUMENT_SUFFIXES = {".odt"}
READ_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES | WORD_SUFFIXES | OPENDOCUMENT_SUFFIXES
# What a .docx or web page may weigh: images inflate them far past their text.
MAX_DOCUMENT_BYTES = 64 * 1024 * 1024

_SAVE_AS = {
    ".pdf": "a PDF's text has no reliable paragraphs or headings",
    ".doc": "this is the old Word format",
    ".rtf": "this is Rich Text",
    ".pages": "this is a Pages document",
    ".epub": "this is an e-book",
}


def readable(path: Path) -> bool:
    return path.suffix.lower() in READ_SUFFIXES


def refusal(path: Path) -> str:
    """Why a document of this kind is not read, and what to do instead."""
    suffix = path.suffix.lower()
    reason = _SAVE_AS.get(suffix, f"quizmg does not read {suffix!r} files")
    return (
        f"{path}: {reason}. quizmg generate reads plain text (.txt), Markdown (.md), web pages (.html) "
        "and Word or OpenDocument texts (.docx, .odt): save or export it as one of those."
    )


def read_document_text(path: str | Path) -> str:
    """The document's text (Markdown but for plain text), or a DeckError naming the file."""
    from quizmg.formats.text import decode, read_text
    from quizmg.safe_files import FileRefused, read_bytes

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in TEXT_SUFFIXES | MARKDOWN_SUFFIXES:
        return read_text(path)
    try:
        data = read_bytes(path, MAX_DOCUMENT_BYTES)
    except FileRefused as refused:
        raise DeckError.single(path, refused.reason) from None
    if suffix in WORD_SUFFIXES:
        from quizmg.formats.document_docx import docx_to_markdown

        return docx_to_markdown(data, path)
    if suffix in OPENDOCUMENT_SUFFIXES:
        from quizmg.formats.document_odt import odt_to_markdown

        return odt_to_markdown(data, path)
    from quizmg.formats.document_html import declared_charset, html_to_markdown

    charset = declared_charset(data)
    text = None
    if charset and charset.replace("-", "") not in {"utf8", "utf16"}:
        try:
            text = data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            text = None
    if text is None:
        text = decode(data, path)
    if "\x00" in text:
        raise DeckError.single(path, "this is not a web page (it holds binary data)")
    markdown, title = html_to_markdown(text)
    if not markdown.strip():
        raise DeckError.single(path, "the page has no text outside scripts, menus and tables")
    if not title or markdown.lstrip().startswith("# "):
        return markdown
    # The page's <title> names the deck; on the first line when it is free, so lines still match.
    return f"# {title}{markdown}" if markdown.startswith("\n") else f"# {title}\n\n{markdown}"
