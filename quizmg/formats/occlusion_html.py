"""An Image Occlusion question drawn as HTML: the image with an SVG of its masks laid over it.

The SVG spans the image exactly (`viewBox="0 0 1 1"`, stretched to the image's box), so the shapes'
positions, fractions of the image's width and height, are drawn as they are, whatever the size the
image is shown at. Text shapes are written as HTML on top (text in a stretched SVG would be
distorted). A card's asked region is filled red with a `?`, the other regions yellow where they stay
hidden ("hide all"); uncovered, the asked region is only outlined. A worksheet hides every region,
each marked with its number, and its key outlines them.
"""

from __future__ import annotations

import html

from quizmg.model.occlusion import Occlusion, Shape

ASKED = "#f08a8a"
HIDDEN = "#ffeba2"
SHEET = "#e4e4e4"  # a worksheet's masks: light grey, kind to a printer
OUTLINE = "#d3202f"
STYLE = """
.qz-occlusion { position: relative; display: inline-block; max-width: 100%; line-height: 0; }
.qz-occlusion img { display: block; max-width: 100%; height: auto; }
.qz-occlusion svg { position: absolute; left: 0; top: 0; width: 100%; height: 100%; }
.qz-occlusion .qz-label { position: absolute; line-height: 1.2; font: 600 0.8em sans-serif;
  background: rgba(255, 255, 255, 0.8); padding: 0 0.2em; white-space: nowrap; }
.qz-occlusion .qz-number { position: absolute; transform: translate(-50%, -50%); line-height: 1;
  font: 700 0.9em sans-serif; color: #000; }
"""


def _number(value: float) -> str:
    return f"{value:.4f}".rstrip("0").rstrip(".") or "0"


def _outline(shape: Shape, fill: str | None) -> str:
    """One shape as SVG (filled, or outlined when `fill` is None)."""
    paint = (
        f'fill="{fill}" stroke="#333" stroke-width="1.5"' if fill
        else f'fill="none" stroke="{OUTLINE}" stroke-width="3"'
    )
    paint += ' vector-effect="non-scaling-stroke"'
    left, top = shape.left or 0.0, shape.top or 0.0
    if shape.shape == "rect":
        body = (f'<rect x="{_number(left)}" y="{_number(top)}" width="{_number(shape.width or 0)}" '
                f'height="{_number(shape.height or 0)}" {paint}/>')
    elif shape.shape == "ellipse":
        rx, ry = shape.rx or 0.0, shape.ry or 0.0
        body = (f'<ellipse cx="{_number(left + rx)}" cy="{_number(top + ry)}" rx="{_number(rx)}" '
                f'ry="{_number(ry)}" {paint}/>')
    elif shape.shape == "polygon":
        points = " ".join(f"{_number(x)},{_number(y)}" for x, y in shape.points)
        body = f'<polygon points="{points}" {paint}/>'
    else:  # a text shape hidden: a box where its words are
        width, height = 0.012 * max(3, len(shape.text)), 0.05
        body = (f'<rect x="{_number(left)}" y="{_number(top)}" width="{_number(width)}" '
                f'height="{_number(height)}" {paint}/>')
    if shape.angle and shape.shape != "polygon":
        body = f'<g transform="rotate({_number(shape.angle)} {_number(left)} {_number(top)})">{body}</g>'
    return body


def _centre(shapes: list[Shape]) -> tuple[float, float]:
    boxes = [shape.box() for shape in shapes]
    left, top = min(b[0] for b in boxes), min(b[1] for b in boxes)
    right, bottom = max(b[2] for b in boxes), max(b[3] for b in boxes)
    return (left + right) / 2, (top + bottom) / 2


def _place(x: float, y: float) -> str:
    return f"left: {x * 100:.2f}%; top: {y * 100:.2f}%"


def figure(question: Occlusion, src: str, *, asked: int | None, reveal: bool = False) -> str:
    """The image at `src` with the masks of card `asked` drawn (hidden, or uncovered with `reveal`),
    or, with `asked` None, every region hidden and numbered (uncovered and numbered with `reveal`)."""
    svg: list[str] = []
    labels: list[str] = []
    numbers = {ordinal: place for place, ordinal in enumerate(question.card_ordinals(), start=1)}
    hidden_fill = ASKED if asked is not None else SHEET
    for shape in question.shapes:
        ordinal = shape.ordinal
        is_asked = ordinal > 0 and (asked is None or ordinal == asked)
        if shape.shape == "text" and (reveal or not is_asked):
            labels.append(
                f'<span class="qz-label" style="{_place(shape.left or 0, shape.top or 0)}">'
                f"{html.escape(shape.text)}</span>"
            )
        elif is_asked:
            svg.append(_outline(shape, None if reveal else hidden_fill))
        elif ordinal > 0 and shape.hide_all:
            svg.append(_outline(shape, HIDDEN))
    marks: list[str] = []
    for ordinal, place in numbers.items():
        if asked is not None and ordinal != asked:
            continue
        x, y = _centre(question.region(ordinal))
        text = str(place) if asked is None else ("" if reveal else "?")
        if text:
            marks.append(f'<span class="qz-number" style="{_place(x, y)}">{text}</span>')
    alt = html.escape(question.header or "the image", quote=True)
    return (
        f'<span class="qz-occlusion"><img src="{html.escape(src, quote=True)}" alt="{alt}">'
        '<svg viewBox="0 0 1 1" preserveAspectRatio="none" xmlns="http://www.w3.org/2000/svg">'
        f"{''.join(svg)}</svg>{''.join(labels)}{''.join(marks)}</span>"
    )


def card_page(question: Occlusion, src: str, ordinal: int, *, reveal: bool) -> str:
    """A page of its own for one card (what the study key `o` opens): header, figure, and on the
    uncovered side the region's name and the back extra."""
    parts = [f"<h1>{html.escape(question.header)}</h1>"] if question.header else []
    parts.append(f"<p>{figure(question, src, asked=ordinal, reveal=reveal)}</p>")
    if reveal:
        parts.append(f"<p><b>{html.escape(question.region_name(ordinal))}</b></p>")
        if question.extra:
            parts.append(f"<p>{html.escape(question.extra)}</p>")
    else:
        parts.append("<p>What is under the red mask?</p>")
    title = html.escape(question.header or question.id or "Image Occlusion")
    return (
        f'<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>body {{ font-family: sans-serif; margin: 1em; }}{STYLE}</style></head>"
        f"<body>{''.join(parts)}</body></html>\n"
    )
