"""Sentences a Markdown source breaks after an inline formula, joined again.

OpenStax-shaped chemistry sources end a line with a MathML formula, leave a blank line, and go on with
the sentence on the next line: in lower case, or indented a space (the power of ten after a times sign,
the next formula of a list, the paragraph's next sentence). Split out of clean.py when it passed 400 lines.
"""

from __future__ import annotations

import re

from quizmg.generate.mathml import TAG

# A sentence the source breaks after an inline formula: the formula ends a line, a blank line follows,
# and the sentence goes on in lower case ('... between <math>E°cell</math>' / '' / ' and the ...'), after
# the stars that close the formula's emphasis ('replaced by **<math>ρ</math>' / '' / '**. In fact ...').
_CLOSING = re.compile(r"^\s*(?:\*{1,3}|_{1,2})?[,.;:)]|^\s*(?:\*{1,3}|_{1,2})(?!\w)")
_FORMULA_END = re.compile(r"</math>\s*$", re.I)
_GOES_ON = re.compile(r"^\s*(?:\*{1,3}|_{1,2})?[a-z,.;:)]")
# The same break where the source indents the rest of its paragraph by a space: a number's power after
# a times sign ('5.6 <math>×</math>' / '' / ' 10<sup>−13</sup> at 100 °C'), the next formula of a list
# (' <math>…</math>'), or the paragraph's next sentence. A list item, a table row or a div opens a block.
_INDENTED_GOES_ON = re.compile(r"^ +(?![-*+•]\s|\d+[.)]\s|[|#>]|</?(?:div|table)\b|\{:)\S")
_BLANKS_ACROSS = 2  # the blank lines a break leaves in the source


def join_formula_breaks(lines: list[str]) -> list[str]:
    """Each sentence broken after an inline formula joined again on the formula's line; the lines it
    came from left blank, so line numbers stay. A break after a formula that was itself the rest of a
    broken sentence is joined too: a list of formulas runs over several lines."""
    lines = list(lines)
    emptied: set[int] = set()
    for number, line in enumerate(lines):
        if line.lstrip().startswith(("<div", "#")):
            continue
        while _FORMULA_END.search(lines[number]):
            following, blanks = number + 1, 0
            while following < len(lines) and not lines[following].strip() and blanks <= _BLANKS_ACROSS:
                # What came before a line an earlier join emptied is behind the formula: count afresh.
                blanks = 0 if following in emptied else blanks + 1
                following += 1
            if not blanks or blanks > _BLANKS_ACROSS or following >= len(lines):
                break
            rest = lines[following]
            if not (_GOES_ON.match(rest) or (_INDENTED_GOES_ON.match(rest)
                                             and not _display_then_sentence(lines[number], rest))):
                break
            # Between two formulas the space would go with the layout between MathML's tags; punctuation and
            # the stars that close an emphasis go against the formula ('ρ**.', 'N/m²,').
            glue = "&nbsp;" if rest.lstrip().startswith("<") else "" if _CLOSING.match(rest) else " "
            lines[number] = lines[number].rstrip() + glue + rest.strip()
            lines[following] = ""
            emptied.add(following)
    return lines


def _display_then_sentence(line: str, rest: str) -> bool:
    """True when what follows opens a sentence of its own after a formula that ends one ('… <math>…
    <mo>.</mo></math>' / '' / ' The next …'), or after an equation set alone on its line: the source's
    lines stay where a teacher finds them."""
    if not rest.strip()[:1].isupper():
        return False
    last = TAG.sub("", line[line.lower().rfind("<math"):]).strip()
    return line.lstrip().startswith("<math") or last.endswith((".", "!", "?", ":"))
