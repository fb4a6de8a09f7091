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
    return [match.group("text").strip() for match in _LINK.finditer(line) if _title(match.group("text"))]


def _title(text: str) -> bool:
    words = re.findall(r"[^\W\d_][\w’'-]*", text)
    if not words or text.strip().lower() in {"link", "[link]"}:
        return False
    return all(word[0].isupper() for word in words if word.lower() not in _SMALL) and words[0][0].isupper()
