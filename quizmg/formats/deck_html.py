"""Deck text to safe HTML for Anki fields: Markdown rendered as CommonMark, never raw HTML.

`field_html` gives, for any text, exactly what markdown-it renders (a single paragraph without its
<p> wrapper), and a property test holds it to that. Most deck text is plain, and an export renders
tens of thousands of fields, so the common shapes are recognised first and written directly:
text with nothing to escape, text with only `&`, `<`, `>` or `"` to escape, and one line whose
only Markdown is simple **strong** or *emphasis* around words. Anything else goes to markdown-it.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

ImageHandler = Callable[[str], str]

# Text needs more than copying when it has a character to escape or a Markdown sign anywhere, or
# starts like a block. Two patterns, not one with `^|`: a bare character class is scanned several
# times faster, and this check runs on every field of every note.
_SPECIAL_CHARACTER = re.compile(r'[\\`*_\[\]<>&#!|~\n"]')
# What can open a block (heading, list, quote, code, rule, table, setext line) at a line's start.
_BLOCK_START = re.compile(r"\s*(?:[-+*>#=_`~|]|\d+[.)])")
# What Markdown can act on inside a line: a character reference such as `&amp;` or `&#49;` is
# Markdown too (it is decoded), while a lone `&`, `>` or `"` is only escaped.
_INLINE_SIGNS = re.compile(r"[\\`*_\[\]<\n]|&(?:#|[A-Za-z][A-Za-z0-9]*;)")
# Simple emphasis: `*` or `**` after the start or a space, around text that begins and ends with a
# letter or digit and holds no `*`, closed before a space, common punctuation or the end. CommonMark
# makes every such pair emphasis; `field_html` still sends the text to markdown-it when anything else
# in it is Markdown.
_SIMPLE_EMPHASIS = re.compile(r"(?<![^ \t])(\*\*?)([^\W_](?:[^*]*[^\W_])?)\1(?=[ \t.,;:!?)]|$)")
_IMG_SRC = re.compile(r'(<img src=")([^"]*)(")')
# Anki's sound tag, as it stands in rendered HTML (the name HTML-escaped).
_SOUND = re.compile(r"\[sound:([^\]<\n]+)\]")
# What Anki hands to MathJax or LaTeX: kept away from the Markdown renderer, only HTML-escaped, so
# `\(k\)` does not become `(k)` and `a_1 * b_2` gains no emphasis.
_MATH = re.compile(
    r"\\\(.+?\\\)|\\\[.+?\\\]|\[latex\].+?\[/latex\]|\[\$\$\].+?\[/\$\$\]|\[\$\].+?\[/\$\]",
    re.DOTALL | re.IGNORECASE,
)
# A stand-in for a math span while the rest is rendered: private-use characters Markdown leaves alone.
_HOLD = "\ue000{}\ue001"


@cache
def _markdown() -> MarkdownIt:
    from markdown_it import MarkdownIt

    # "html": False shows any tag in deck text as text, so a deck can never inject a script;
    # "breaks": True keeps the author's line breaks, as a flashcard reader expects.
    return MarkdownIt("commonmark", {"html": False, "breaks": True, "linkify": False})


def escape_text(text: str) -> str:
    """Plain text as HTML: `&`, `<`, `>` and `"` escaped, newlines as <br>."""
    return html.escape(text, quote=False).replace('"', "&quot;").replace("\n", "<br>")


def field_html(images: ImageHandler | None, text: str) -> str:
    """Deck text (Markdown) as safe HTML; a single paragraph comes out without its <p> wrapper.

    `images` maps each image source to the name it gets in the package. It comes first so that
    `partial(field_html, images)`, called for every field of every note, passes no keyword.
    """
    if _SPECIAL_CHARACTER.search(text) is None and _BLOCK_START.match(text) is None:
        # The common case, found with one search: nothing to escape and no Markdown.
        return text.strip()
    text = text.strip()
    if not text:
        return ""
    if _BLOCK_START.match(text) is None:
        if _INLINE_SIGNS.search(text) is None:
            return escape_text(text)
        emphasised = _simple_emphasis(text)
        if emphasised is not None:
            return emphasised
    if ("\\" in text or "[" in text) and _MATH.search(text) is not None:
        rendered = _render_keeping_math(text)
    else:
        rendered = _render_markdown(text)
    if images is not None:
        if "<img" in rendered:
            rendered = with_image_sources(rendered, images)
        if "[sound:" in rendered:
            rendered = _SOUND.sub(
                lambda m: "[sound:" + html.escape(images(html.unescape(m.group(1)))) + "]", rendered
            )
    return rendered


def with_image_sources(rendered: str, images: ImageHandler) -> str:
    """Rendered HTML with each image's source replaced by what `images` maps it to."""
    return _IMG_SRC.sub(lambda m: m.group(1) + html.escape(images(html.unescape(m.group(2)))) + m.group(3), rendered)


def _render_keeping_math(text: str) -> str:
    """Markdown rendered around the math spans, each span put back only HTML-escaped."""
    spans: list[str] = []

    def hold(match: re.Match[str]) -> str:
        spans.append(match.group(0))
        return _HOLD.format(len(spans) - 1)

    rendered = _render_markdown(_MATH.sub(hold, text))
    for index, span in enumerate(spans):
        rendered = rendered.replace(_HOLD.format(index), html.escape(span, quote=False), 1)
    return rendered


def _simple_emphasis(text: str) -> str | None:
    """One line whose only Markdown is simple emphasis, as HTML; None for anything else."""
    if "*" not in text:
        return None
    # split() gives [text, marker, inner, text, marker, inner, ..., text].
    parts = _SIMPLE_EMPHASIS.split(text)
    if any(_INLINE_SIGNS.search(part) for part in parts[::3]) or any(
        _INLINE_SIGNS.search(inner) for inner in parts[2::3]
    ):
        return None
    pieces = [escape_text(parts[0])]
    for index in range(1, len(parts), 3):
        tag = "strong" if len(parts[index]) == 2 else "em"
        pieces.append(f"<{tag}>{escape_text(parts[index + 1])}</{tag}>{escape_text(parts[index + 2])}")
    return "".join(pieces)


# Mechanism explanations and deck-wide phrases repeat across many notes: render each text once.
@lru_cache(maxsize=8192)
def _render_markdown(text: str) -> str:
    if "\n" not in text and not _BLOCK_START.match(text):
        # One line that starts no block: the inline parser alone gives the paragraph's content.
        return _markdown().renderInline(text)
    rendered = _markdown().render(text).strip().replace("<br />\n", "<br>")
    if rendered.startswith("<p>") and rendered.endswith("</p>") and rendered.count("<p>") == 1:
        rendered = rendered[3:-4]
    return rendered
