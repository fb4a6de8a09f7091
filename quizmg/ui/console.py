"""Consoles for output and errors, and safe display of text that came from a deck file."""

from __future__ import annotations

from rich.console import Console

from quizmg.ui.terminal_text import markup_safe


def make_console(*, stderr: bool = False) -> Console:
    """A console that honours NO_COLOR and the terminal's width and encoding."""
    # No emoji codes: a deck's ":warning:" is text to show as written, not a picture.
    return Console(stderr=stderr, highlight=False, soft_wrap=False, emoji=False)


def literal(text: str) -> str:
    """Deck text made safe to print as rich markup: control and formatting characters shown
    visibly, markup escaped (see quizmg.ui.terminal_text, the one place this is decided); images
    and sounds shown by file name (quizmg.ui.media_view)."""
    if "](" in text or "[sound:" in text:
        from quizmg.ui.media_view import named_media

        text = named_media(text)
    return markup_safe(text)
