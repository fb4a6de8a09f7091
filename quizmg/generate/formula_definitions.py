"""A definition written around a symbol or a formula, read as the words that define.

A physics glossary names a quantity's symbol first ('NA, the number of ...'), states a law as its formula
('F=kv², where'), or ends a phrase on the formula it introduces ('the rate at which charge flows, I = Q/t';
'the energy of a body at rest: E=mc²'; '..., calculated with Φ=BA where B'). Asked as it stands, a question reads
'What is the term for a na, the number of ...?' or 'What is the term for a f=kv², where?'. The symbol goes, the
phrase before its formula is the definition, and a line that is only a formula (or 'defined as' one) defines
nothing a question can name. A formula in the middle of a phrase, with no comma or 'given by' before it ('the
rate at t = 0', 'orbitals with l = 3'), is part of what the phrase says and stays.
"""

from __future__ import annotations

import re

# A symbol, then a comma: a letter (Greek too) with its marks, or a short run opening on a capital ('KE', 'FD');
# never a word in small letters ('heat, ...'). A symbol with marks may end on a full stop ('Δt₀. the time
# ...'), which a plain letter may not ('E. coli').
_SYMBOL = re.compile(r"^(?:(?:[A-Za-zΑ-Ωα-ω]|[A-ZΔ][A-Za-z]{1,3})[₀-₉⁰-⁹′]*,"
                     r"|[A-Za-zΑ-Ωα-ωΔ][A-Za-z]{0,3}[₀-₉⁰-⁹′]+\.)\s+(?=[a-z])")  # not 'DNA, RNA, and ...'
# Where a formula starts: a token with its '=' ('Fs=6πrηv', 'Irms=I₀/√2'), or a short symbol before a spaced
# '=' ('I = Q/t'), after any number before it ('1 W = 1 J/s', '1 Gy=1 J/kg').
_FORMULA = re.compile(r"(?:(?<=\s)|^)(?:\d+\s?)?(?:[^\s=≤≥]+[=≤≥]|[^\s=≤≥]{1,6}\s[=≤≥])")
_WORDS_BEFORE = re.compile(r"[a-z]{3,}")  # 'velocity = nominal GDP': words on both sides, a sentence's
_NAMING = r"(?:given|calculated|expressed|defined|written)(?:\s+(?:by|with|as|to\s+be))?:?"
# What comes between the defining phrase and its formula: a comma or colon, perhaps with 'given by' or 'with'
# ('..., given by: P=IV', '..., with 1 W = 1 J/s'), or the naming words alone ('... and given as M=f/f',
# '... which is defined to be 1 Gy=1 J/kg', 'the radius of a nucleus is r=...').
_LEAD_IN = re.compile(
    rf"(?:\s*[,:;]\s*(?:(?:and\s+)?{_NAMING}\s*|with\s+)?|\s+(?:and\s+|which\s+is\s+)?{_NAMING}\s*|\s+is\s+)$",
    re.I,
)
_CUT = re.compile(r"[\s,](?:per|of|to|in|by|with|for|at|from|than)$", re.I)
_RELATIVE = re.compile(r"\b(?:that|which|who|whom|whose|where)\b", re.I)
_ONLY_LEAD_IN = re.compile(rf"^(?:{_NAMING}|is|with)?\s*$", re.I)


def defining_text(definition: str) -> str | None:
    """The words of a definition that define, without its symbol and formula; None when nothing is left."""
    text = _SYMBOL.sub("", definition.strip(), count=1)
    formula = _first_formula(text)
    if formula is not None:
        before = text[:formula]
        if _ONLY_LEAD_IN.match(before):
            return None  # 'Fs=6πrηv, where', 'defined as B=μnI where': a formula, not a phrase
        lead_in = _LEAD_IN.search(before)
        if lead_in is not None:
            text = before[: lead_in.start()]
    text = re.sub(r"(?:,?\s+where|\s*:)\s*$", "", text.strip())  # the formula the book gave after it is gone
    if _CUT.search(text) and not _RELATIVE.search(text):
        # 'the change in length, per unit length, per', '... divided by the difference in': what it was per
        # or in is gone ('behaviors that are widely conformed to' ends on its clause's preposition)
        return None
    return text.strip(" ,;") or None


def _first_formula(text: str) -> int | None:
    """Where the first formula of the text starts, or None: 'I = Q/t', 'Fs=6πrηv', '1 W = 1 J/s'; never a
    sentence's words around an '=' ('money supply × velocity = nominal GDP')."""
    for match in _FORMULA.finditer(text):
        token = match.group(0)
        if not (token[-2:-1].isspace() and _WORDS_BEFORE.fullmatch(token[:-2].strip())):
            return match.start()
    return None


def without_symbol(term: str, symbols: set[str] | frozenset[str]) -> str:
    """A term without the formula symbol the text sets after it: 'net work Wnet' -> 'net work'.

    A section summary writes 'The net work Wnet is ...' and 'the spring constant k is ...': the symbol is how the
    text writes the quantity, not part of its name. A single capital or a Roman numeral stays ('vitamin A',
    'photosystem II'), as it names a member, not a quantity.
    """
    words = term.split()
    if len(words) < 2 or words[-1] not in symbols or re.fullmatch(r"[A-Z]|[IVX]+", words[-1]):
        return term
    return " ".join(words[:-1])
