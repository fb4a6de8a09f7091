"""The one way deck text reaches a terminal: control and formatting characters shown visibly,
never acted on (no cursor moves, retitled windows, reversed lines or hidden words), and never read
as rich markup. JSON output escapes the same characters.

    visible("\x1b]0;PWNED\x07")  -> "\\x1b]0;PWNED\\x07"
    visible("abc\u202edef")      -> "abc<U+202E>def"
    markup_safe("kg[/bold]")     -> "kg\\[/bold]" (printed by rich as kg[/bold])
"""

from __future__ import annotations

import json
import re
from typing import Any

# C0 and C1 controls except tab and newline; DEL.
_CONTROL = "\x00-\x08\x0b-\x1f\x7f-\x9f"
# Unicode format characters (category Cf: bidi overrides and isolates, zero-width spaces and
# joiners, invisible operators, tags, the byte-order mark...) and the line and paragraph
# separators, which terminals may act on. tests/test_terminal_text.py checks this list against
# unicodedata, so a new Unicode version cannot slip one past.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
UNSAFE = re.compile(f"[{_CONTROL}{_FORMAT}]")


def _show(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0xA0 else f"<U+{code:04X}>"


def visible(text: str) -> str:
    """`text` with every control and formatting character written out (`\\x1b`, `<U+202E>`)."""
    return UNSAFE.sub(_show, text)


def markup_safe(text: str) -> str:
    """`text` made visible and escaped, to place inside a rich markup string."""
    from rich.markup import escape

    return escape(visible(text))


def json_text(value: Any, **options: Any) -> str:
    """json.dumps that keeps readable letters but escapes control and formatting characters."""
    text = json.dumps(value, ensure_ascii=False, **options)
    # Inside JSON strings these characters are legal raw; written out as \\uXXXX they are inert.
    return UNSAFE.sub(lambda m: json.dumps(m.group(), ensure_ascii=True)[1:-1], text)
