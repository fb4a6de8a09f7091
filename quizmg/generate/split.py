"""Splitting a paragraph into sentences with pysbd, plus the one repair textbook prose needs.

pysbd knows abbreviations ("Dr.", "e.g.", "Fig.") and does not take an acronym that ends a sentence
("stored in the SR.") for one. It does read a Roman numeral or a lone capital before a full stop
("converted to angiotensin I. Then ...") as an initial and keeps two sentences together; when the
next word is one that opens English sentences ("Then", "The", "This"), they are split again.
"""

from __future__ import annotations

import re
from functools import lru_cache

from quizmg.generate.words import STOP_WORDS

_INITIAL_THEN_SENTENCE = re.compile(r"(?<![\w.])(?:[IVX]{1,4}|[A-Z])\.\s+(?=([A-Z][a-z]+)\b)")


@lru_cache(maxsize=1)
def _segmenter() -> object:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


# Where a full stop may not end a sentence: an abbreviation or initial ('Dr.', 'e.g.', 'SR.', 'I.'),
# a decimal, an ellipsis. A paragraph without any of these splits the simple way (pysbd is slow).
_HARD = re.compile(
    r"(?:^|[\s(\[])(?:[A-Z]{1,6}|[A-Z][a-z]{0,3}|e\.g|i\.e|etc|vs|al|cf|ca|approx|fig|no|vol|pp?)\.(?=\s|$)"
    r"|\b[A-Za-z]\.[A-Za-z]\.|\.\.|\d\.\d|[.!?][\"”’')\]]"
)
_SIMPLE_END = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(\[]?[A-Z0-9])")


def split_sentences(text: str) -> list[tuple[int, str]]:
    """The sentences of `text`, each with its offset in `text`."""
    if not text.strip():
        return []
    pieces: list[tuple[int, str]] = []
    if not _HARD.search(text):
        start = 0
        for match in _SIMPLE_END.finditer(text):
            pieces.append((start, text[start : match.start()]))
            start = match.end()
        pieces.append((start, text[start:]))
        return [(position, piece) for position, piece in pieces if piece.strip()]
    cursor = 0
    # pysbd's own `segment` finds each sentence again in the text with a pattern made for that sentence
    # (a fresh regular expression per sentence, a third of its time); its processor gives the sentences,
    # and finding them in order is a plain search.
    for segment in _segmenter().processor(text).process():  # type: ignore[attr-defined]
        body = segment.strip()
        if not body:
            continue
        start = text.find(body, cursor)
        if start < 0:  # pysbd never rewrites text with clean=False; if it ever does, that piece is not the text's
            continue
        cursor = start + len(body)
        pieces.extend(_resplit(start, body))
    return _rejoin(text, pieces)


# 'was shared by Ada K. | Lovell': a name's middle initial after a first name mid-sentence ends nothing.
_MIDDLE_INITIAL = re.compile(r"(?:[a-z,;]\s|^)[A-Z][a-z]+\s+[A-Z]\.$")


def _rejoin(text: str, pieces: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """'Salmonella spp. | is 7.0': a piece that goes on in lower case continues the one before."""
    out: list[tuple[int, str]] = []
    for position, piece in pieces:
        initial = out and _MIDDLE_INITIAL.search(out[-1][1].rstrip()) and re.match(r"[A-Z][a-z]+\b", piece) \
            and piece.split()[0].lower() not in STOP_WORDS
        if out and (piece[:1].islower() or initial):
            first = out[-1][0]
            out[-1] = (first, text[first : position + len(piece)])
            continue
        out.append((position, piece))
    return out


def _resplit(start: int, body: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    offset = 0
    for match in _INITIAL_THEN_SENTENCE.finditer(body):
        if match.group(1).lower() not in STOP_WORDS:
            continue
        end = match.start() + match.group(0).index(".") + 1
        out.append((start + offset, body[offset:end]))
        offset = match.end()
    out.append((start + offset, body[offset:]))
    return [(position, piece) for position, piece in out if piece.strip()]
