"""Lint rules for Image Occlusion questions: shapes off the image, regions that hide nothing, card
numbers skipped, positions written in pixels."""

from __future__ import annotations

from collections.abc import Iterator

from quizmg.bank import Bank
from quizmg.errors import Problem
from quizmg.lint.findings import warning
from quizmg.model import Occlusion

# Positions are fractions of the image; a shape may overhang its edge by a hair (a mask drawn to it).
_SLACK = 0.01


def _described(index: int, shape: object) -> str:
    return f"shape {index + 1} ({getattr(shape, 'shape', '?')}, ordinal {getattr(shape, 'ordinal', '?')})"


def shapes_on_the_image(bank: Bank) -> Iterator[Problem]:
    """A shape outside the image (or in pixels, as Anki before 23.10 kept them) hides nothing there."""
    for question in bank.questions:
        if not isinstance(question, Occlusion):
            continue
        boxes = [shape.box() for shape in question.shapes]
        if boxes and max(max(box) for box in boxes) > 2:
            largest = max(max(box) for box in boxes)
            yield warning(
                bank, question,
                f"the shapes' positions look like pixels (up to {largest:g}): quizmg and Anki 23.10 and "
                "later keep them as fractions of the image's width and height, 0 to 1; open the note in "
                "Anki's Image Occlusion editor and save it, then import it again",
                "shapes",
            )
            continue
        for index, (shape, (left, top, right, bottom)) in enumerate(zip(question.shapes, boxes, strict=True)):
            where = _described(index, shape)
            if left < -_SLACK or top < -_SLACK or right > 1 + _SLACK or bottom > 1 + _SLACK:
                yield warning(
                    bank, question,
                    f"{where} reaches outside the image (from {left:g}, {top:g} to {right:g}, {bottom:g}): "
                    "positions are fractions of the image's width and height, 0 to 1",
                    "shapes",
                )
            elif shape.shape != "text" and (right - left <= 0 or bottom - top <= 0):
                yield warning(bank, question, f"{where} has no area: it hides nothing", "shapes")


def card_numbers_in_order(bank: Bank) -> Iterator[Problem]:
    """Ordinals 1, 3 with no shape of ordinal 2: Anki makes no card 2, which is most often a slip."""
    for question in bank.questions:
        if not isinstance(question, Occlusion):
            continue
        ordinals = question.card_ordinals()
        missing = sorted(set(range(1, ordinals[-1] + 1)) - set(ordinals)) if ordinals else []
        if missing:
            numbers = ", ".join(str(n) for n in missing[:5]) + (", ..." if len(missing) > 5 else "")
            yield warning(
                bank, question,
                f"no shape has ordinal {numbers} (the shapes have {', '.join(map(str, ordinals))}): "
                "each ordinal is one card; number the regions 1, 2, 3... without gaps",
                "shapes",
            )


OCCLUSION_RULES = [shapes_on_the_image, card_numbers_in_order]
