"""An aside that only points at a figure, a table or another part of the text, left out of its sentence.

OpenStax writes a figure's reference as a link stub ('[\\[link\\]](#id)'). The cleaner turns a bare stub
into 'the figure', which keeps a sentence that needs the figure whole and marks it as one (sentence_use).
Many sentences only point at the figure in an aside and say everything themselves: 'A thin lens bends
light only once, as illustrated in [link], so ...', 'The curve is flatter, as [link] shows.', 'As shown in
[link], the market moves toward ...'. The aside is left out, as '(see [link])' is, and the sentence can be
quoted. A sentence whose words need the figure ('In [link], the area labeled G ...', '[link] shows ...')
keeps its 'the figure'.
"""

from __future__ import annotations

import re

_LINK = r"\[\\?\[link\\?\]\]\([^)]*\)(?:\s*\([a-z]\))?"
_SHOWN = r"(?:illustrated|shown|seen|depicted|pictured|sketched|graphed|plotted|summarized|diagrammed|drawn)"
# ', as illustrated in [link]', ', shown in [link]', ', as [link] shows', before a comma or the clause's end. Not
# ', is illustrated in [link]': after a subject's aside that is the sentence's own verb.
_MIDDLE = re.compile(
    rf",\s*(?:(?:as\s+(?:is\s+|are\s+)?)?{_SHOWN}\s+(?:in|by)\s+{_LINK}"
    rf"|as\s+{_LINK}\s+(?:shows|illustrates|depicts))\s*(?=[,.;:)]|$)",
    re.I,
)
# ' as illustrated in [link], [link], and [link].' closing a clause with no comma before it: still only a pointer.
_CLOSING = re.compile(
    rf"(?<=\w)(?<!\bsuch)\s+as\s+(?:is\s+|are\s+)?{_SHOWN}\s+(?:in|by)\s+{_LINK}(?:\s*(?:,|,?\s*and|,?\s*or)\s*{_LINK})*"
    r"\s*(?=[.;]|$)",
    re.I,
)
# 'As shown in [link], the ...' opening a sentence.
_OPENING = re.compile(rf"(?P<start>^|[.!?]\s+)As\s+(?:is\s+)?{_SHOWN}\s+in\s+{_LINK}\s*,\s*(?P<next>\w)")


# After an aside between a subject and its verb ('Nitrous oxide, shown in [link], is a gas'), the comma that
# closed the aside goes too.
_VERB_AFTER = re.compile(r",\s+(?=(?:is|are|was|were|has|have|had|can|could|will|would|may|might|must|does|do|did)\b)")


def drop_figure_asides(line: str) -> str:
    """`line` without the asides that only point at a figure or another part of the text."""
    if "link" not in line:
        return line
    pieces = []
    last = 0
    for match in _MIDDLE.finditer(line):
        pieces.append(line[last : match.start()])
        closing = _VERB_AFTER.match(line, match.end())
        last = closing.end() - 1 if closing else match.end()  # keep the space before the verb
    pieces.append(line[last:])
    line = _CLOSING.sub("", "".join(pieces))
    return _OPENING.sub(lambda m: m.group("start") + m.group("next").upper(), line)
