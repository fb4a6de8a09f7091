"""Anki's cloze syntax, nested deletions included: `{{c1::outer {{c2::inner}} text::hint}}`.

As in Anki, `{{cN::` opens a deletion, `}}` closes the innermost open one, and `::` at a deletion's own
level starts its hint. Card N hides every deletion numbered N (with whatever it contains) and shows
the others' text; an opening never closed is plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r"\{\{c(\d+)::|\}\}")


@dataclass
class Deletion:
    """One deletion: its number, its content (text and nested deletions) and its hint."""

    number: int
    content: list[str | Deletion] = field(default_factory=list)
    hint: str | None = None


def parse(text: str) -> list[str | Deletion]:
    """The text as plain pieces and deletions, nested as written."""
    root: list[str | Deletion] = []
    stack: list[tuple[Deletion, list[str | Deletion], str]] = []  # deletion, parent, its opening
    pos = 0
    buffer = ""

    def flush() -> None:
        nonlocal buffer
        if buffer:
            (stack[-1][0].content if stack else root).append(buffer)
            buffer = ""

    while pos < len(text):
        token = _TOKEN.search(text, pos)  # the next opening or closing; what comes before it is text
        if token is None:
            buffer += text[pos:]
            break
        buffer += text[pos : token.start()]
        if token.group(1):
            flush()
            deletion = Deletion(int(token.group(1)))
            stack.append((deletion, stack[-1][0].content if stack else root, token.group(0)))
        elif stack:
            flush()
            deletion, parent, _opening = stack.pop()
            _split_hint(deletion)
            parent.append(deletion)
        else:
            buffer += "}}"  # a closing with nothing open is text
        pos = token.end()
    flush()
    while stack:  # never closed: the opening and what followed are text again
        deletion, parent, opening_text = stack.pop()
        parent.append(opening_text)
        parent.extend(deletion.content)
    return root


def _split_hint(deletion: Deletion) -> None:
    """Move the text after the last `::` at the deletion's own level into its hint."""
    for index in range(len(deletion.content) - 1, -1, -1):
        piece = deletion.content[index]
        if isinstance(piece, str) and "::" in piece:
            before, hint = piece.rsplit("::", 1)
            deletion.hint = hint
            deletion.content[index : index + 1] = [before] if before else []
            return


def revealed(nodes: list[str | Deletion]) -> str:
    """The text with every deletion shown."""
    return "".join(n if isinstance(n, str) else revealed(n.content) for n in nodes)


def rendered(nodes: list[str | Deletion], ordinal: int | None, blank: str) -> str:
    """The text with deletions numbered `ordinal` hidden (their hint shown), the others shown."""
    parts = []
    for node in nodes:
        if isinstance(node, str):
            parts.append(node)
        elif node.number == ordinal:
            parts.append(f"[{node.hint}]" if node.hint else blank)
        else:
            parts.append(rendered(node.content, ordinal, blank))
    return "".join(parts)


def all_deletions(nodes: list[str | Deletion]) -> list[Deletion]:
    """Every deletion, outer before inner, in order of appearance."""
    found = []
    for node in nodes:
        if isinstance(node, Deletion):
            found.append(node)
            found.extend(all_deletions(node.content))
    return found
