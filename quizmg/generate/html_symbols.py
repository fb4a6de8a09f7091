"""Formula symbols a text writes in HTML rather than MathML: a letter with a subscript of letters.

Some books set a quantity's symbol as italics and an HTML subscript ('*K<sub>c</sub>*', '*f*<sub>obs</sub>',
'σ<sub>s</sub>'), where others use MathML. Cleaned, it reads as a short word ('Kc', 'fobs', 'σs') that the
term finder would take for a term and a cloze would hide: a symbol, which no reader can tell from the sentence
('compared to the value of [Qc]', 'a velocity we can call [va]'). A subscript of digits or signs is a
chemical formula or a charge ('H<sub>2</sub>O'), not a symbol; it is left alone.
"""

from __future__ import annotations

import re

# One or two letters (Latin or Greek, 'Δ' too), maybe in italics, then a subscript holding at least one letter.
# Not inside a longer word: 'NaIO<sub>3</sub>' and 'CO<sub>2</sub>' are formulas, and their subscripts are digits.
# A comma or stop typed inside the subscript ('Ψ<sub>s,</sub> which ...') belongs to the sentence.
_SUBSCRIPTED = re.compile(
    r"(?<![\w*])\*{0,3}(?P<base>[A-Za-zΑ-Ωα-ω]{1,2})\*{0,3}"
    r"<sub>(?P<script>\*?(?=[^<]*[A-Za-z])[A-Za-z0-9*]{1,8})[,;.]?</sub>(?![\w<])",
    re.I,
)
_MARKS = re.compile(r"\*|<[^>]+>")


def subscripted_symbols(line: str) -> set[str]:
    """The symbols with letter subscripts in a raw line, as they read once cleaned ('Kc', 'fobs', 'σs')."""
    return {_MARKS.sub("", match.group("base") + match.group("script")) for match in _SUBSCRIPTED.finditer(line)}
