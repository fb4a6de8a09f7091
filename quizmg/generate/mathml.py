"""MathML formulas read as the text a reader sees.

Textbook sources set formulas in MathML: chemistry writes `<msub><mtext>CO</mtext><mn>2</mn></msub>`, physics
adds to each formula a second encoding of it for another editor (`<annotation encoding="StarMath 5.0"> size
12{P} {}</annotation>`) that is never shown. A formula is read here as it is displayed: its tokens in order,
small digits and signs for its scripts ('CO₂', 'v₁²'), a fraction as 'a/b', a root as '√x'; the annotations
left out. A formula that is not well-formed is read the old way, its tags dropped.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree

# A minus is written three ways: a hyphen, the minus sign, and (in OpenStax's HTML) an en dash
# ('10<sup>–35</sup> second', 'Cl<sup>–</sup>'), which must not print as a range ('10–35').
SUPERSCRIPT = str.maketrans("0123456789+-−–", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁻⁻")
SUBSCRIPT = str.maketrans("0123456789+-−–", "₀₁₂₃₄₅₆₇₈₉₊₋₋₋")
_SMALL_SIGNS = "0123456789+-−–"

MATH = re.compile(r"<math\b.*?</math\s*>", re.I | re.S)
# The other encodings of a formula beside the one shown: StarMath, TeX, content MathML.
# (The element's name is captured whole: a back-reference to a group that took no part never matches, and such
# a pattern once matched nothing while trying every opening to the end of the text.)
ANNOTATION = re.compile(r"<(annotation(?:-xml)?)\b[^>]*>.*?</\1\s*>", re.I | re.S)
# Any HTML or MathML tag, opening, closing or empty: the one pattern clean.py and formula_breaks.py use too.
TAG = re.compile(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>")
_ENTITIES = {"&nbsp;": "\u00a0", "&minus;": "−", "&times;": "×", "&InvisibleTimes;": "", "&ApplyFunction;": ""}
# Marks set over a symbol that only decorate it: a vector's arrow, a mean's bar, a rate's dot.
_ACCENTS = set("→⃗‾¯^ˆ˙¨~˜←↔")
_TOKENS = {"mi", "mn", "mo", "mtext", "ms"}
_HIDDEN = {"annotation", "annotation-xml", "mphantom", "none", "mprescripts", "malignmark", "maligngroup"}


def without_annotations(text: str) -> str:
    """The text with every formula's other encodings left out; its lines stay where they were."""
    return ANNOTATION.sub(lambda match: "\n" * match.group(0).count("\n"), text)


# A StarMath annotation left in plain text by a conversion that dropped its tags: the formula shown just
# before it, then its StarMath ('the weight w size 12{w} {} of the system', 'Fnet size 12{F rSub { size 8{net} } } {}').
_STARMATH_START = re.compile(r"\s?\bsize \d+\s?\{")
_EMPTY_GROUP = re.compile(r"\s*\{\s*\}")


def without_starmath(text: str) -> str:
    """The text with each StarMath formula written out in plain text left out (its braces balanced)."""
    if "size " not in text:
        return text
    pieces: list[str] = []
    position = 0
    while (match := _STARMATH_START.search(text, position)) is not None:
        depth, index = 1, match.end()
        while index < len(text) and depth:
            depth += {"{": 1, "}": -1}.get(text[index], 0)
            index += 1
        if depth:
            break  # braces never closed: not StarMath after all
        empty = _EMPTY_GROUP.match(text, index)
        pieces.append(text[position:match.start()])
        position = empty.end() if empty else index
    pieces.append(text[position:])
    return "".join(pieces)


def formula_text(markup: str) -> str:
    """One `<math>` element as the text it displays."""
    source = without_annotations(markup)
    for entity, character in _ENTITIES.items():
        source = source.replace(entity, character)
    try:
        root = ElementTree.fromstring(source)
    except ElementTree.ParseError:
        return _closed_up(TAG.sub("", re.sub(r"(?<=>)\s+(?=<)", "", source)))
    return _closed_up(_spaced(_read(root)))


def _closed_up(text: str) -> str:
    """A formula's charges and brackets set against what they belong to: '[Co(NH₃)₆] ³⁺' -> '[Co(NH₃)₆]³⁺'."""
    return re.sub(r"(?<=[\w\]⁺⁻₀-₉⁰-⁹)])\s+(?=[\]⁰-⁹⁺⁻])|(?<=\[)\s+", "", text)


def _name(element: ElementTree.Element) -> str:
    return element.tag.rsplit("}", 1)[-1].lower()


def _read(element: ElementTree.Element) -> str:
    name = _name(element)
    children = list(element)
    if name in _HIDDEN:
        return ""
    if name in _TOKENS:
        return "".join(element.itertext())
    if name == "mspace":  # a set space between a number and its unit: '380 nm', '285 to 570 nm'
        return _SET_SPACE if _wide(element.get("width", "")) else ""
    if name == "semantics":
        return _read(children[0]) if children else ""
    if name in {"msub", "msup"} and len(children) == 2:
        table = SUBSCRIPT if name == "msub" else SUPERSCRIPT
        return _read(children[0]) + small_script(_read(children[1]), table)
    if name == "msubsup" and len(children) == 3:
        base, below, above = (_read(child).replace(_SET_SPACE, "") for child in children)
        if not base.strip() and below.strip().lstrip("+-−").isdigit() and above.strip().isdigit():
            return above.strip().translate(SUPERSCRIPT)  # a nuclide's numbers before its symbol: '⁶⁰Co'
        return base + small_script(below, SUBSCRIPT) + small_script(above, SUPERSCRIPT)
    if name == "mfrac" and len(children) == 2:
        return f"{_grouped(children[0])}/{_grouped(children[1])}"
    if name == "msqrt":
        return "√" + _grouped_all(children)
    if name == "mroot" and len(children) == 2:
        return small_script(_read(children[1]), SUPERSCRIPT) + "√" + _grouped(children[0])
    if name in {"mover", "munder", "munderover"} and children:
        base = _read(children[0])
        marks = [_read(child).strip() for child in children[1:]]
        if all(not mark or mark in _ACCENTS for mark in marks):
            return base
        return base + "".join(marks)
    if name == "mfenced":
        opening, closing = element.get("open", "("), element.get("close", ")")
        separator = (element.get("separators", ",") or "").strip()[:1]
        return opening + separator.join(_read(child) for child in children) + closing
    if name == "mtable":
        return "; ".join(_read(row) for row in children)
    if name in {"mtr", "mlabeledtr"}:
        return " ".join(_read(cell) for cell in children)
    return (element.text or "").strip() + "".join(_read(child) + (child.tail or "").strip() for child in children)


_SET_SPACE = "\x00"  # where a formula sets a visible space; _spaced decides
# A function's name stays against its argument, as it always has in the text: 'qvdBsinθ', 'tanθb'. Split there,
# the pieces read as words ('qvdB sin' found as a term, 'a tan' as a definition).
_FUNCTION_NEXT = re.compile(r"\x00+(?=(?:sin|cos|tan|cot|sec|csc|log|ln|exp)\b)"
                            r"|(?<=sin|cos|tan|cot|sec|csc|log|exp)\x00+|(?<=\bln)\x00+")


def _spaced(text: str) -> str:
    """A formula's set spaces as spaces ('380 nm', '285 to 570 nm'), except beside a function's name."""
    return re.sub(r"\s*\x00+\s*", " ", _FUNCTION_NEXT.sub("", text)).strip()


def _wide(width: str) -> bool:
    """True for a space a reader sees between words: a quarter em or more (0.2em sits inside chemical equations)."""
    match = re.fullmatch(r"\s*([\d.]+)\s*em\s*", width)
    return match is not None and float(match.group(1)) >= 0.25


def small_script(text: str, table: dict[int, int]) -> str:
    """'2+' -> '²⁺' when every character has a small form; otherwise the text as it is ('KP', 'vmax').
    A set space inside a script only aligns it."""
    inner = text.replace(_SET_SPACE, "").strip()
    if inner and all(character in _SMALL_SIGNS for character in inner):
        return inner.translate(table)
    return inner


def _grouped(element: ElementTree.Element) -> str:
    """A fraction's part: in brackets when it is more than one symbol ('(a+b)/2', 'V²/R')."""
    text = _read(element)
    return f"({text})" if _compound(element) else text


def _grouped_all(children: list[ElementTree.Element]) -> str:
    text = "".join(_read(child) for child in children)
    if len(children) == 1:
        return _grouped(children[0])
    return f"({text})" if text else text


def _compound(element: ElementTree.Element) -> bool:
    """True for a row of two or more parts joined by an operator: 'a+b' needs brackets in a fraction,
    'v²' and '2ab' do not."""
    while _name(element) in {"mrow", "mstyle", "mpadded", "semantics"} and len(list(element)) == 1:
        element = next(iter(element))
    if _name(element) not in {"mrow", "mstyle", "mpadded"}:
        return False
    return any(_name(child) == "mo" and (child.text or "").strip() not in {"", "⋅", "·", "×"}
               for child in element.iter() if child is not element)
