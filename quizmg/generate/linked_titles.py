"""Titles of other sections that a text links to: what the text points the reader to, never a fact to learn.

'as we discussed in [Cosmic Rays](/m59912)': with its link gone, the title reads as a name in the sentence
('discussed in Cosmic Rays'), and a blank on it asks which chapter says so. A link counts when it leads to
another document or section (not to a place in this one, not to an image) and its words are set as a title:
every word but the small ones ('of', 'and', 'the') capitalised. A link on a term in running text ('the
[protein synthesis](/m3) step') is not a title.
"""

from __future__ import annotations

import re

# '[text](target)', not an image ('![...]'), not a place in this document ('(#fig-2)'), not a stub ('[link]').
_LINK = re.compile(r"(?<!!)\[(?P<text>[^\[\]\n]+)\]\((?!#)(?P<target>[^()\s]+)\)")
_SMALL = frozenset({"a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "of", "on", "or", "the", "to",
                    "vs", "with"})


def titles_linked(line: str) -> list[str]:
    """The titles of the other sections a line of Markdown links to."""
    return [match.group("text").strip() for match in _LINK.finditer(line) if is_title(match.group("text"))]


def in_linked_title(context: str, start: int, end: int, titles: frozenset[str]) -> str | None:
    """The linked title whose words, as the link sets them, hold the span start:end of the sentence."""
    return title_holding(context, start, end, titles)


def title_holding(context: str, start: int, end: int, titles: frozenset[str], *, longer: bool = False) -> str | None:
    """The first of `titles` written in the context around the span start:end; with `longer`, only one that is
    more than the span itself."""
    for title in titles:
        at = context.find(title)
        while at != -1:
            if at <= start and end <= at + len(title) and not (longer and (at, at + len(title)) == (start, end)):
                return title
            at = context.find(title, at + 1)
    return None


def is_title(text: str) -> bool:
    """Words set as a title: every word but the small ones ('of', 'and', 'the') capitalised."""
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    if not words or text.strip().lower() in {"link", "[link]"}:
        return False
    return all(word[0].isupper() for word in words if word.lower() not in _SMALL) and words[0][0].isupper()
