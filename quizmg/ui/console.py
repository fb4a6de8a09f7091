"""Consoles for output and errors, and safe display of text that came from a deck file."""

from __future__ import annotations

import re

from rich.console import Console
from rich.markup import escape

# C0 and C1 control characters except tab and newline: a deck must never move the cursor,
# change colours or retitle the terminal.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def make_console(*, stderr: bool = False) -> Console:
    """A console that honours NO_COLOR and the terminal's width and encoding."""
    # No emoji codes: a deck's ":warning:" is text to show as written, not a picture.
    return Console(stderr=stderr, highlight=False, soft_wrap=False, emoji=False)


def literal(text: str) -> str:
    """Deck text made safe to print as rich markup: control characters shown, markup escaped."""
    cleaned = _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    return escape(cleaned)
