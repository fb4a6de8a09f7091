"""Sentences that read something a card cannot show: a place on a figure or a table, or another part of the text.

A textbook sentence often walks its reader through a picture or a table beside it: 'This is shown in the
inner circle', 'the trade balance in the final column', 'the movement from C to B', 'the dashed line', 'the
red spheres'. Others point into the text itself: 'the equation presented above', 'as we will see below',
'the previous two pathways'. Quoted in a question, neither can be understood, even after the sentence before
(the figure, the table and the earlier part are not on the card), so the sentence is never quoted. So is a
sentence that says where else the book treats a thing ('Additional information on X appears in Appendix D',
'as the next chapter explains', 'as the next example shows'): it teaches where to read, not what to know.

'Here' points at the place the sentence before set out ('The larvae reach the lungs. From here they crawl
to ...', 'Here, the economy runs a deficit' under a table): the sentence leans on the one before and is
asked after it, when that one reads alone, or not at all.
"""

from __future__ import annotations

import re

_COUNT_OR_SIDE = (
    r"first|second|third|fourth|fifth|sixth|seventh|eighth|last|final|next|left|right|middle|top|bottom"
    r"|left-hand|right-hand"
)
_COLOURS = r"red|blue|green|yellow|orange|purple|black|gray|grey|white|pink|brown"
_MARKS = r"lines?|curves?|arrows?|dots?|spheres?|boxes?|bars?|squares?|circles?|shading|areas?|regions?|portions?"
# Places on a figure that a label names ('the position labeled “New”'), and things a figure tells apart by a letter
# ('star A', 'observer B'; not a Roman numeral: 'Population II').
_PLACES = r"positions?|points?|box(?:es)?|areas?|regions?|curves?|lines?|arrows?|columns?|rows?|panels?|circles?|zones?"
_LETTERED = (
    r"[Ss]tars?|[Pp]anels?|[Cc]urves?|[Aa]rrows?|[Rr]egions?|[Aa]reas?|[Bb]ox(?:es)?|[Pp]ositions?|[Ll]ocations?|[Ss]ites?"
    r"|[Oo]bservers?"
)
_UNSEEN = re.compile(
    # What a picture shows: 'is shown in the inner circle', 'are plotted on the', 'is labeled in the'.
    r"\b(?:is|are|was|were)\s+(?:also\s+)?(?:shown|illustrated|depicted|pictured|plotted|drawn|sketched|graphed"
    r"|labell?ed)\s+(?:in|on|at)\s+the\b"
    # A place in a table or a figure: 'the final column', 'the top panel', 'the inner circle', 'upper left'.
    rf"|\bthe\s+(?:{_COUNT_OR_SIDE})\s+(?:columns?|rows?|panels?|frames?)\b"
    r"|\b(?:inner|outer)\s+(?:circles?|rings?)\b|\b(?:upper|lower)[\s-](?:left|right)\b"
    # How a mark is drawn: 'the dashed line', 'the shaded area', 'the red spheres'.
    rf"|\b(?:dashed|dotted|shaded|highlighted|{_COLOURS})\s+(?:{_MARKS})\b"
    # A figure's parts by letter: 'In part (a)', 'parts (b) and (c)', 'panel (d)'.
    r"|\b(?:[Pp]arts?|[Pp]anels?)\s+\([a-h]\)"
    # Points of a graph named by letters: 'point A', 'from C to B', 'between points E and F'.
    r"|\bpoints?\s+[A-Z][₀-₉0-9′']?(?![\w-])|\bfrom\s+(?:point\s+)?[A-Z][₀-₉0-9]?\s+to\s+(?:point\s+)?[A-Z][₀-₉0-9]?\b"
    # A figure's labels: 'the area labeled F', 'crests labeled 1, 2, 3', 'the position labeled “Full”', 'star A is
    # moving toward us', 'observers between A and B' -- which area, star or observer, only the picture shows.
    r"|\b(?:labell?ed|marked)\s+(?:as\s+)?(?:[A-Z]{1,2}[₀-₉0-9′']?(?![\w-])|\d{1,2}\b)"
    rf"|\b(?:{_PLACES})\s+(?:(?:is|are)\s+)?(?:labell?ed|marked)\s+(?:as\s+)?[“\"‘']"
    rf"|\b(?:{_LETTERED})\s+[A-HJ-UWYZ][₀-₉0-9′']?(?![\w’'-])|\b[Oo]bservers?\s+between\s+[A-Z]\s+and\s+[A-Z]\b"
    # Another part of the text: 'presented above', 'see below', 'the previous two pathways'.
    r"|\b(?:presented|described|discussed|mentioned|listed|shown|given|outlined|noted|introduced|explained"
    r"|illustrated|derived|defined)\s+(?:above|below|earlier|previously)\b"
    r"|\b(?:see|saw|seen)\s+(?:above|below)\b"
    r"|\bthe\s+(?:(?:two|three|four|five|six)\s+)?previous\s+(?:(?:two|three|four|five|six)\s+)?[a-z]+s\b"
    # Where else the book treats it: 'appears in Appendix D', 'in the next chapter', 'the chapter on money'.
    r"|\b[Aa]ppendix\s+[A-Z0-9]\b"
    r"|\b(?:in|see|from)\s+the\s+(?:previous|next|following|preceding|earlier|later)\s+(?:chapters?|sections?"
    r"|modules?|units?)\b"
    r"|\bthe\s+(?:chapter|section|module|unit)\s+(?:on|titled|called|about)\b"
    # A worked example or a problem elsewhere: 'as the next example shows', 'in the previous example'.
    r"|\bthe\s+(?:next|following|previous|preceding|earlier|last)\s+(?:worked\s+)?(?:examples?|problems?|exercises?)\b"
)
# 'Here' as a place: opening the sentence ('Here, ...', 'Here are ...'), after 'from', or after a verb of
# being found ('is also located here').
_HERE = re.compile(
    r"^(?:(?:And|But|So|Thus)\s+)?(?:[Ff]rom\s+)?[Hh]ere\b(?!\s+and\s+there)"
    r"|\b(?:[Ff]rom|located|found|lies|lie|sits|occurs?)\s+here\b"
)


def reads_unseen(text: str) -> str | None:
    """The words by which a sentence reads a figure, a table or another part of the text, or None."""
    found = _UNSEEN.search(text)
    return found.group(0) if found else None


def points_here(text: str) -> str | None:
    """'Here' as the place the sentence before set out ('From here they ...', 'Here, ...'), or None."""
    found = _HERE.search(text)
    return found.group(0) if found else None
