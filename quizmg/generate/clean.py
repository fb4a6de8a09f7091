"""Cleaning a document before anything is mined from it, line numbers kept.

Textbook sources carry markup that must never reach a question: kramdown attribute lists
(`**enzyme**{: data-type="term"}`), HTML (`<sup>2+</sup>`, `<div data-type="exercise">`),
`^2+^` superscripts, link stubs (`([link](#fig-1))`), images. They also carry exercise sections
(review questions, multiple choice, critical thinking) whose wrong options are not facts, and
glossary lines (`term: definition`) that are definitions, not prose. `clean_text` returns the
prose with all of that removed (each removed line left blank), the glossary's definitions and the
terms the markup marks as key terms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from quizmg.generate.exercise_mask import GLOSSARY_HEADING, HEADING, exercise_mask
from quizmg.generate.figure_asides import drop_figure_asides
from quizmg.generate.formula_breaks import join_formula_breaks
from quizmg.generate.html_symbols import subscripted_symbols
from quizmg.generate.linked_titles import titles_linked
from quizmg.generate.mathml import (
    MATH,
    SUBSCRIPT,
    SUPERSCRIPT,
    TAG,
    formula_text,
    small_script,
    without_annotations,
    without_starmath,
)
from quizmg.generate.quotations import quoted_lines
from quizmg.generate.words import STOP_WORDS, word_set

# kramdown's attribute lists: '{: data-type="term"}', and the id a heading carries ('### References {#ref12}').
_ATTRIBUTE_LIST = re.compile(r"\{[:#][^{}\n]*\}")
# The bold may hold italics: a symbol after the name ('**reaction quotient (*Q*)**') or a symbol set in
# italics as a whole ('***K<sub>P</sub>***').
_BOLD_INNER = r"(?:[^*\n]|\*[^*\n]+\*)+?"
_KRAMDOWN_TERM = re.compile(
    rf"\*\*({_BOLD_INNER})\*\*(?:\{{:[^{{}}\n]*data-type=\"term\"[^{{}}\n]*\}})(\*\*s\*\*|s\b)?"
)
_INDEX_ONLY = "no-emphasis"  # the class of a term mark that indexes a name the book sets in plain type
# A name marked with its symbol or abbreviation in brackets: the name is the term ('reaction quotient (Q)',
# 'alpha (α) decay'), as the sentence reads once its asides are left out.
_NAME_ASIDE = re.compile(r"\s+\([^()]*\)")
# Term markup in HTML, bold or not: '<dfn data-type="term">', '<strong data-type="term">continuity </strong>'.
_HTML_TERM = re.compile(r"<(dfn|span|strong|b|em)\b[^>]*data-type=\"term\"[^>]*>(.*?)</\1>", re.I)
# '([link])', '(see [link])', '(shown in [link] and [link])': an aside that only points at a figure.
# A figure's part follows the stub as '(a)' or in bold: '[link]**b**' is part b, never a letter of the sentence.
_PART = r"(?:\s*\([a-z]\)|\*{1,3}[a-z]\*{1,3}(?![\w*]))?"
_ONE_LINK = rf"\[\\?\[link\\?\]\]\([^)]*\){_PART}"
_LINK_STUB = re.compile(
    r"\s*\(\s*(?:(?:see(?:\s+also)?|compare|(?:as\s+)?(?:shown|illustrated|seen|depicted|pictured)\s+in)\s+)?"
    rf"{_ONE_LINK}(?:\s*(?:,|,?\s*and|,?\s*or)\s*{_ONE_LINK})*\s*\)",
    re.I,
)
# A bare stub stands in the sentence for a figure or table ('[link] illustrates ...', 'In [link], the
# ...'): removing it would leave 'illustrates ...' glued to the sentence before. It becomes 'the figure',
# which keeps the sentence whole and marks it as one that needs the figure.
_BARE_LINK = re.compile(rf"\[\\?\[link\\?\]\]\([^)]*\){_PART}", re.I)
# A stub after a noun at the end of a clause ('the slowest step of the reaction [link].') points to a
# figure the way '(see [link])' does: no part of the sentence, left out. After 'in', 'see' or 'shows' it
# is the sentence's object and stays as 'the figure'.
# It starts only where a run of letters starts: tried inside a long word, it read the word's rest again
# from every letter (a 40,000-letter word took seconds).
_TRAILING_LINK = re.compile(
    rf"(?<![A-Za-z])(?P<word>[A-Za-z][\w-]*)\s+\[\\?\[link\\?\]\]\([^)]*\){_PART}(?=\s*[.,;:]|\s*$)", re.I
)
_POINTING_WORDS = STOP_WORDS | word_set("""
    see compare shows show illustrates illustrate depicts depict summarizes summarize lists list gives give
    presents present describes describe examine consider review revisit repeat use using study recall
    completed following
    """)
# The title may hold parentheses ('"(a) The economy ..."'): a caption, never prose.
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)\s]*(?:\s+\"[^\"]*\")?\s*\)(?:\{:[^}]*\})?|!\[[^\]]*\]\([^)]*\)(?:\{:[^}]*\})?")
_SUP = re.compile(r"<sup>(.*?)</sup>", re.I)
# A backslash before a mark of punctuation is Markdown's escape: the mark alone is what the reader sees.
_ESCAPED = re.compile(r"\\([!\"#$%&'()*+,\-./:;<=>?@\[\]^_`{|}~’‘“”])")
_STRUCTURAL_ESCAPE = re.compile(r"^\s*\d*\\[#.)*+\->]")
# '<span data-type="title">Endosymbiosis</span>We have ...': a feature box's title run into its first line.
_BOX_TITLE = re.compile(r"<span\s+data-type=\"title\"[^>]*>[^<]*</span>\s*", re.I)
# A footnote's number points to a note at the foot of the page: no part of the sentence, never an answer
# ('patients with SLE,<sup data-type="footnote-number">[4](#footnote4)</sup> with ...', '[3](#fn3)').
_FOOTNOTE = re.compile(
    r"<sup\b[^>]*footnote[^>]*>.*?</sup>|\[\d{1,3}\]\(#(?:footnote|fn)[^)]*\)(?:\{:[^}]*\})?", re.I
)
# The same number as plain text: digits glued to the punctuation after a word ('with SLE,4 with',
# 'the disease.3 Later'). A number never follows a comma or a full stop without a space in prose;
# '1,4' and '7.4' have a digit before the mark, 'A.1' a capital before its full stop.
_PLAIN_FOOTNOTE = re.compile(r"(?:(?<=[A-Za-z)][,;])|(?<=[a-z)][.]))[0-9⁰-⁹]{1,2}(?=\s|$)")
_SUB = re.compile(r"<sub>(.*?)</sub>", re.I)
_SYMBOL_LENGTH = 6  # a formula this short with no space in it is a symbol ('PV', 'KErel'), not an equation
_CARET_SUP = re.compile(r"\^([0-9+\-−]{1,4})\^|\^([0-9]*[+\-−])(?=[\s,.;:)]|$)")
_TILDE_SUB = re.compile(r"(?<=[A-Za-z)])~([0-9]{1,3})~")
_RAW_HTML_LINE = re.compile(
    r"^\s*<(?:div|table|tr|td|th|figure|figcaption|aside|script|style|pre|iframe|object|form|nav|header|footer)"
    r"\b[^>]*>.*\S.*$",
    re.I,
)
_ENTITY = {"&nbsp;": " ", "&amp;": "&", "&lt;": "<", "&gt;": ">", "&quot;": '"', "&#39;": "'", "&ndash;": "–",
           "&mdash;": "—", "&rarr;": "→"}
_DEFINITION_ITEM = re.compile(r"^\s*:\s+(?P<definition>\S.*)$")  # kramdown/pandoc definition list: ': text'
_END_MARKER = re.compile(r"^\s*\^\s*$")  # kramdown's end-of-block marker
_GLOSSARY_LINE = re.compile(
    r"^\s*(?:[-*•]\s+)?(?:\*\*|__)?(?P<term>[A-Za-z][\w’'()⁺⁻₀-₉⁰-⁹ -]{0,60}?)(?:\*\*|__)?\s*[:—–]\s+"
    r"(?P<definition>\S.{8,})$"
)
_BOLD_LEAD = re.compile(r"^\s*(?:[-*•]\s+)?(?:\*\*|__)[^*_]+(?:\*\*|__)(?:\{:[^}]*\})?\s*[:—–]")


@dataclass
class Cleaned:
    """The prose of a document, and what was read out of its markup on the way."""

    text: str
    glossary: dict[str, str] = field(default_factory=dict)
    marked_terms: list[str] = field(default_factory=list)
    removed_exercise_lines: int = 0
    box_lines: set[int] = field(default_factory=set)  # 1-based lines inside a box set apart from the prose
    # A marked term -> where the text marks it: (1-based line, how many times the line names it before the mark).
    marked_at: dict[str, set[tuple[int, int]]] = field(default_factory=dict)
    marked_before: list[int] = field(default_factory=list)  # beside marked_terms: that count for each mark
    # The marks among marked_terms that only index a name ('{: data-type="term" .no-emphasis}'): the book
    # sets such a name in plain type, as it does a name in passing, where a key term is set in bold.
    index_marked: list[str] = field(default_factory=list)
    linked_titles: set[str] = field(default_factory=set)  # titles of other sections it links to (linked_titles.py)
    # What the text's short formulas read as ('PV', 'hf', 'v₀'): symbols, never terms to ask.
    symbols: set[str] = field(default_factory=set)


def clean_text(text: str) -> Cleaned:
    """Markup, exercise sections and glossary lines removed; as many lines as the input."""
    lines = join_formula_breaks(without_annotations(text).split("\n"))
    result = Cleaned(text="")
    keep, result.box_lines = exercise_mask(lines, lambda text: _strip_all(text, result))
    result.removed_exercise_lines = keep.count(False)
    for number in quoted_lines(lines):
        keep[number] = False  # someone else's words, not the text's claims
    out: list[str] = []
    in_glossary = False
    for number, line in enumerate(lines):
        heading = HEADING.match(line)
        if heading:
            in_glossary = bool(GLOSSARY_HEADING.match(_inline(heading.group(2), result).strip()))
        item = _DEFINITION_ITEM.match(line)
        if item and number > 0 and lines[number - 1].strip() and not HEADING.match(lines[number - 1]):
            # "term" on one line, ": definition" on the next: a definition list, never prose.
            term = _unstarred(_strip_all(lines[number - 1], result)).strip("_").strip()
            if term and len(term.split()) <= 6:
                definition = _strip_all(" ".join([item.group("definition"), *_item_goes_on(lines, number + 1)]), result)
                result.glossary.setdefault(term, _unstarred(re.sub(r"\s+", " ", definition)).rstrip("."))
            out[-1] = ""
            out.append("")
            continue
        if not keep[number] or _END_MARKER.match(line):
            out.append("")
            continue
        marked = len(result.marked_terms)
        cleaned = _inline(line, result)
        for name, before in zip(result.marked_terms[marked:], result.marked_before[marked:], strict=True):
            result.marked_at.setdefault(name, set()).add((number + 1, before))
        glossary = None if heading else _GLOSSARY_LINE.match(cleaned)
        bold = bool(_BOLD_LEAD.match(line))
        if glossary and (in_glossary or (bold and _looks_like_glossary(glossary.group("term"),
                                                                       glossary.group("definition")))):
            term = _unstarred(glossary.group("term"))
            result.glossary.setdefault(term, _unstarred(glossary.group("definition")).rstrip("."))
            out.append("")
            continue
        out.append(cleaned)
    result.text = "\n".join(out)
    return result


def _unstarred(text: str) -> str:
    """A glossary's term or definition without its emphasis: '*f* orbital', '*sp*³*d* hybrid orbital' and
    'where *m* = mass' are read as plain words (a glossary line never holds an asterisk of its own)."""
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def _item_goes_on(lines: list[str], start: int) -> list[str]:
    """The indented lines that carry a definition item on: a number's power after a times sign set on a
    line of its own (': … equal to 6.022' / '  <math>×</math>' / '  10<sup>23</sup>'), or the words after a
    symbol ('... of mass' / '  <math>m</math>' / '  ; defined as ...'). The item ends at a line that is not
    indented, or kramdown's end-of-block marker; an empty line ends it only when no indented line follows
    (join_formula_breaks empties the lines it joins onto a formula's line)."""
    rest: list[str] = []
    for number in range(start, len(lines)):
        line = lines[number]
        if not line.strip() and _indented_after(lines, number):
            continue
        if not line.startswith((" ", "\t")) or _END_MARKER.match(line):
            break
        rest.append(line.strip())
    return [line for line in rest if line]


def _indented_after(lines: list[str], number: int) -> bool:
    """True when the next line with words after `number` is indented (and no end-of-block marker)."""
    for line in lines[number + 1:]:
        if line.strip():
            return line.startswith((" ", "\t")) and not _END_MARKER.match(line)
    return False


def _looks_like_glossary(term: str, definition: str) -> bool:
    """'enzyme: a protein that speeds up a reaction' outside a glossary section: a short lower-case
    name and a noun-phrase definition; 'Note: the enzyme ...' or 'Example: ...' are prose."""
    words = term.split()
    if not words or len(words) > 4 or term.lower() in {"note", "example", "examples", "figure", "table", "source",
                                                        "hint", "answer", "question", "step", "warning", "tip"}:
        return False
    first = definition.split()[0].lower()
    return first in {"a", "an", "the", "any", "one", "process", "substance"}


def _inline(line: str, result: Cleaned) -> str:
    """One line without markup: terms marked in it are remembered first."""
    # Each step needs a mark most lines never hold (a star, a link's '](', a tag): checked before its search.
    if "*" in line:
        # '***Genus species*,**{: ...}': the italics close before a comma inside the bold; the comma goes after.
        line = re.sub(r"\*([,.;:])\*\*(\{:[^{}\n]*\})", r"***\2\1", line)
        # 'Pseudo-nitzschia***{: ...}*,*': emphasis around a lone comma would close the marked term's stars early.
        line = re.sub(r"\*([,.;:])\*", r"\1", line)
    if "](" in line:
        result.linked_titles.update(titles_linked(line))
    if "**" in line:
        for match in _KRAMDOWN_TERM.finditer(line):
            _remember_mark(_marked_name(_strip_all(match.group(1), result)), line[:match.start()], result,
                           _INDEX_ONLY in match.group(0))
    if "<" in line:
        for match in _HTML_TERM.finditer(line):
            opening = match.group(0)[:match.group(0).find(">")]
            _remember_mark(_marked_name(_strip_all(match.group(2), result)), line[:match.start()], result,
                           _INDEX_ONLY in opening)
    if "**" in line:
        # "**metabolic pathway**{: data-type="term"}s" -> "**metabolic pathways**"
        line = re.sub(rf"\*\*({_BOLD_INNER})\*\*(\{{:[^{{}}\n]*\}})(s\b|\*\*s\*\*)", r"**\1s**", line)
    return _strip_all(line, result)


def _remember_mark(name: str, before: str, result: Cleaned, index_only: bool = False) -> None:
    """A marked term, and how many times its line names it before the mark: a paragraph written on one line
    names a term in one sentence and marks it in the next, and the mark says which sentence brings it in."""
    result.marked_terms.append(name)
    if index_only:
        result.index_marked.append(name)
    result.marked_before.append(_times_named(name, before) if name else 0)


def _times_named(name: str, before: str) -> int:
    """How many times `before` names `name`, case aside, with no letter, digit, underscore or hyphen right
    before it (the pattern below). In ASCII text, where case folds letter by letter, plain searches give the
    same count, without compiling a pattern for each mark (a sixth of clean_text's time on 1 MB of anatomy)."""
    if not (name.isascii() and before.isascii()):
        return len(re.findall(rf"(?<![\w-]){re.escape(name)}", before, re.IGNORECASE))
    text, name = before.lower(), name.lower()
    count = position = 0
    while (at := text.find(name, position)) != -1:
        if at and (text[at - 1].isalnum() or text[at - 1] in "_-"):
            position = at + 1  # inside a word: the pattern tries the next place
            continue
        count += 1
        position = at + len(name)
    return count


def _marked_name(text: str) -> str:
    """The term a marked span names: its italics dropped, a symbol in brackets after it left off."""
    text = re.sub(r"(?<!\w)\*([^*]+)\*(?!\w)", r"\1", text).strip()
    return re.sub(r"\s+", " ", _NAME_ASIDE.sub("", text)).strip() or text


def _sentence_start(line: str, index: int) -> bool:
    before = line[:index].rstrip()
    return not before or before.endswith((".", "!", "?", ":"))


def _strip_all(line: str, result: Cleaned) -> str:
    # Each pattern below needs a mark most lines never hold ('<', '[', '{', '^', '~', '&', a backslash): a
    # substring check on the line as it stands before each step skips the pattern's search (about 14 a line).
    if _RAW_HTML_LINE.match(line):
        return ""  # '<div class="warning">Never exceed ...</div>': raw HTML, left out as Markdown does
    if "<" in line:
        line = _BOX_TITLE.sub("", line)  # a box's title set before its first sentence: no part of that sentence
    if "![" in line:
        line = _IMAGE.sub("", line)
    if "<" in line or "[" in line:
        line = _FOOTNOTE.sub("", line)
    if "[" in line:
        line = _LINK_STUB.sub("", line)
    line = drop_figure_asides(line)  # ', as illustrated in [link],': a pointer, no part of the sentence
    if "[" in line:
        line = _TRAILING_LINK.sub(lambda m: m.group(0) if m.group("word").lower() in _POINTING_WORDS
                                  or m.group("word")[:1].isupper() else m.group("word"), line)
        line = _BARE_LINK.sub(lambda m: "The figure" if _sentence_start(line, m.start()) else "the figure", line)
    line = without_starmath(line)
    if "{" in line:
        line = _ATTRIBUTE_LIST.sub("", line)
    if "<" in line:
        result.symbols |= subscripted_symbols(line)  # '*K<sub>c</sub>*': a symbol set in HTML, not MathML
        line = _SUP.sub(lambda m: _script(m.group(1), SUPERSCRIPT), line)
        line = _SUB.sub(lambda m: _script(m.group(1), SUBSCRIPT), line)
    if "^" in line:
        line = _CARET_SUP.sub(lambda m: (m.group(1) or m.group(2)).translate(SUPERSCRIPT), line)
    if "~" in line:
        line = _TILDE_SUB.sub(lambda m: m.group(1).translate(SUBSCRIPT), line)
    if "<math" in line:
        line = re.sub(r"(?<=>)\s+(?=<)", "", line)  # the layout between tags is no text
        line = MATH.sub(lambda m: _read_formula(m.group(0), result), line)
    if "<" in line:
        line = TAG.sub("", line)
    line = _PLAIN_FOOTNOTE.sub("", line)
    if "&" in line:
        for entity, character in _ENTITY.items():
            line = line.replace(entity, character)
    # Markdown's backslash escapes: 'Merkel\'s disc', 'biloba\:', '\[link\]'. One that opens the line ('\# of
    # moles', '1\. Heat') keeps the line from reading as a heading or a list item, and is read as such later.
    if "\\" in line:
        kept = _STRUCTURAL_ESCAPE.match(line)
        start = kept.end() if kept else 0
        line = line[:start] + _ESCAPED.sub(r"\1", line[start:])
    return line.replace("****", "")


def _read_formula(markup: str, result: Cleaned) -> str:
    text = formula_text(markup)
    symbol = text.strip()
    if symbol and len(symbol) <= _SYMBOL_LENGTH and not any(character.isspace() for character in symbol):
        result.symbols.add(symbol)
    return text


def _script(inner: str, table: dict[int, int]) -> str:
    """'2+' -> '²⁺' when every character has a small form; otherwise the text as it is."""
    return small_script(TAG.sub("", inner), table)
