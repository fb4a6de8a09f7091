"""Which lines of a document are prose to mine, and which test, aim or stand apart.

Textbook chapters carry parts that test rather than teach (review questions, multiple choice, critical
thinking, answer keys), lists of aims, display equations and worked exercises: their sentences are not facts
(a multiple-choice question's wrong options least of all). `exercise_mask` marks those lines to leave out,
and the lines of boxes set apart from the running prose (notes, asides), which are kept but known as such.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Headings of the parts of a chapter that test rather than teach.
_EXERCISE_HEADING = re.compile(
    r"^(?:critical thinking|check your understanding|multiple choice|fill in the blanks?|short answers?|"
    r"true\s*(?:/|or)\s*false|matching|self[- ]check|self[- ]test|test yourself|quiz|glossary|key terms?|"
    r"(?:for )?further (?:reading|research|exploration|study)|bibliography|solution$|solutions?\s+(?:to|for)\b"
    r"|solutions? manual|answer key"
    # Work set for the reader or a group ('Collaborative Group Activities', 'Class Activity', 'Figuring for
    # Yourself'): tasks and what-ifs, not facts. A subject's activity ('Geological Activity') is prose.
    r"|(?:(?:collaborative|cooperative|group|class(?:room)?)\s+)+activit(?:y|ies))\b"
    r"|\b(?:questions?|queations?|problems|exercises?|footnotes?|references|answers?|yourself)\s*:?$",
    re.I,
)
# Headings over a list of aims ('Define and describe metabolism'): the list is left out, the prose
# that follows it without a heading of its own is kept.
_AIMS_HEADING = re.compile(r"^(?:learning (?:objectives|outcomes|goals)|objectives|by the end of this section.*)\s*:?$",
                           re.I)
_LIST_LINE = re.compile(r"^\s*(?:[-*•+]|\d+[.)])\s+|^\s*\{:[^}]*\}\s*$")
GLOSSARY_HEADING = re.compile(r"^(?:key terms?|glossary|vocabulary|definitions)\s*:?$", re.I)
HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_DIV_OPEN = re.compile(r"<div\b([^>]*)>", re.I)
_DIV_CLOSE = re.compile(r"</div\s*>", re.I)
_EXERCISE_DIV = re.compile(
    r"data-type=\"(?:exercise|problem|solution|commentary|example)\"|"
    r"check-your-understanding|review-questions|critical-thinking|multiple-choice|free-response|"
    r"short-answer|fill-in-the-blank|data-type=\"glossary\"|"
    # Asides that point elsewhere or tell a story: a video or an interactive to try ('Watch this video
    # ...'), a figure's own questions, a patient's case ('Angela's doctor suspects ...'), a worked
    # exercise, a career profile. Their sentences only make sense beside the box. A worked example (a
    # problem, its 'Solution', 'Check your answer') is an exercise with its answer.
    r"link-to-learning|linkup|interactive|art-connection|clinical-focus|case-in-point|workout|career|"
    r"chapter-objectives",
    re.I,
)
# A formula set on its own between paragraphs ('P₁ + ½ρv₁² = P₂ + ½ρv₂²', '2H₂ + O₂ ⟶ 2H₂O'): no sentence to
# ask from; the prose around it says what it means.
_DISPLAY_DIV = re.compile(r"data-type=\"equation\"", re.I)
# A box set apart from the running prose that is kept (a note, an aside): what it says illustrates.
_BOX_DIV = re.compile(r"data-type=\"note\"", re.I)
_ASIDE_OPEN = re.compile(r"<aside\b", re.I)
_ASIDE_CLOSE = re.compile(r"</aside\s*>", re.I)
_QUESTION_LINE = re.compile(r"^\s*(?:\d{1,3}[.)]|Q\d+[.:)])\s+\S.*(?:\?|_{3,}[.?]?|…)\s*$")
_OPTION_LINE = re.compile(r"^\s*(?:[a-eA-E][.)]|\([a-eA-E]\))\s+\S")
_NUMBERED_OPTION = re.compile(r"^\s*\d[.)]\s+\S")
_SHORT_LINE_END = re.compile(r"[.!?]\s*$")


def exercise_mask(lines: list[str], plain: Callable[[str], str]) -> tuple[list[bool], set[int]]:
    """True for each line that is prose; False inside exercise sections, question blocks and display
    equations. With it, the 1-based lines inside a box set apart from the prose. `plain` reads a heading's
    text without its markup."""
    keep = [True] * len(lines)
    box_lines: set[int] = set()
    skip_level: int | None = None
    div_depth = 0
    skip_div_at: int | None = None
    box_at: int | None = None
    in_aside = False
    in_aims = False
    # The level of the heading the text is under, and of the one a skipped div or a box opened under: a
    # heading as high as that one is past the div's end, whether or not the div was closed (a document cut
    # short, chapters put together), so one unclosed div never swallows the rest of a book.
    section_level = 0
    skip_div_level = box_level = 0
    for number, line in enumerate(lines):
        heading = HEADING.match(line)
        if in_aims and not heading and line.strip() and not _LIST_LINE.match(line):
            in_aims = False  # the aims' list is over: prose again
        if heading:
            level = len(heading.group(1))
            section_level = level
            in_aims = False
            if skip_div_at is not None and level <= skip_div_level:
                div_depth, skip_div_at = skip_div_at, None
            if box_at is not None and level <= box_level:
                div_depth, box_at = box_at, None
            if skip_level is not None and level <= skip_level:
                skip_level = None
            title = plain(heading.group(2)).strip().strip("*_").strip()
            if (_EXERCISE_HEADING.search(title) or _answer_list(title, lines, number)) \
                    and not GLOSSARY_HEADING.match(title):
                skip_level = level
            in_aims = bool(_AIMS_HEADING.match(title))
        if in_aims:
            keep[number] = False
        opened = len(_DIV_OPEN.findall(line))
        closed = len(_DIV_CLOSE.findall(line))
        if skip_div_at is None:
            for match in _DIV_OPEN.finditer(line):
                if _EXERCISE_DIV.search(match.group(1)) or _DISPLAY_DIV.search(match.group(1)):
                    skip_div_at, skip_div_level = div_depth, section_level
                    break
        if box_at is None and any(_BOX_DIV.search(match.group(1)) for match in _DIV_OPEN.finditer(line)):
            box_at, box_level = div_depth, section_level
        in_aside = in_aside or bool(_ASIDE_OPEN.search(line))
        div_depth = max(0, div_depth + opened - closed)
        if skip_level is not None or skip_div_at is not None:
            keep[number] = False
        if skip_div_at is not None and div_depth <= skip_div_at:
            skip_div_at = None
        if box_at is not None or in_aside:
            box_lines.add(number + 1)
        if box_at is not None and div_depth <= box_at:
            box_at = None
        if in_aside and _ASIDE_CLOSE.search(line):
            in_aside = False
    _mask_question_blocks(lines, keep)
    return keep, box_lines


def _answer_list(title: str, lines: list[str], number: int) -> bool:
    """'Solutions' over numbered answers is an answer key; 'Solutions' or 'Solutions of Gases in Liquids'
    over prose is a chemistry section about solutions."""
    if title.lower() != "solutions":
        return False
    following = next((line for line in lines[number + 1 :] if line.strip()), "")
    return bool(re.match(r"^\s*(?:\d{1,3}[.)]|\*\*\d{1,3}[.)]?\*\*)\s", following))


def _mask_question_blocks(lines: list[str], keep: list[bool]) -> None:
    """A numbered question followed by lettered (or numbered) options is an exercise, wherever it is."""
    number = 0
    while number < len(lines):
        if not _QUESTION_LINE.match(lines[number]) and not lines[number].rstrip().endswith("?"):
            number += 1
            continue
        options = []
        scan = number + 1
        while scan < len(lines) and (not lines[scan].strip() or _OPTION_LINE.match(lines[scan])
                                     or (_NUMBERED_OPTION.match(lines[scan]) and not _SHORT_LINE_END.search(
                                         lines[scan]))):
            if lines[scan].strip():
                options.append(scan)
            scan += 1
            if scan - number > 14:
                break
        if len(options) >= 2:
            for index in range(number, (options[-1] + 1)):
                keep[index] = False
            number = options[-1] + 1
        else:
            number += 1
