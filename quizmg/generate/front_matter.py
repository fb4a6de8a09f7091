"""A document's YAML front matter (title, author), read and replaced by blank lines so line numbers hold."""

from __future__ import annotations

import re


def split_front_matter(text: str) -> tuple[dict, str]:
    """YAML front matter (--- ... ---) as a dict, replaced by blank lines to keep line numbers."""
    if not text.startswith("---\n"):
        return {}, text
    end = re.search(r"^(?:---|\.\.\.)[ \t]*$", text[4:], re.M)  # not \s: it would eat the lines after
    if not end:
        return {}, text
    block = text[4 : 4 + end.start()]
    rest = text[4 + end.end() :]
    import yaml

    try:
        meta = yaml.safe_load(block)
    except yaml.YAMLError:
        meta = None
    blank = "\n" * (block.count("\n") + 1)  # the opening line's newline and the block's; `rest` keeps the closing one
    return (meta if isinstance(meta, dict) else {}), blank + rest
