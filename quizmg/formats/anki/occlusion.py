"""Anki's Image Occlusion notes: the Occlusion field's shapes, read and written.

Anki keeps each mask as a cloze deletion of its own syntax,
`{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.4:oi=1}}`, one after another (Anki
writes `<br>` between them): the number is the card, then the shape and its properties as
`name=value`, a `:` inside a value written `\\:`. Shapes of one group share a number; Anki's text
labels have number 0 (no card). `oi=1` is "hide all, guess one". The other fields are Image
(`<img src="...">`), Header, Back Extra and Comments.
"""

from __future__ import annotations

import re
from typing import Any

from quizmg.model.occlusion import NEEDED, Shape

FIELDS = ("Occlusion", "Image", "Header", "Back Extra", "Comments")
_MASK = re.compile(r"\{\{c(\d+)::image-occlusion:(.*?)\}\}", re.DOTALL)
_UNESCAPED_COLON = re.compile(r"(?<!\\):")
_NUMBERS = frozenset({"left", "top", "width", "height", "rx", "ry", "angle"})
# The order Anki writes each shape's properties in (then angle, the others, and oi).
_ORDER = {kind: names for kind, names in NEEDED.items()}


class OcclusionSyntaxError(ValueError):
    """An Occlusion field quizmg cannot read (the message says where)."""


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def _points(text: str) -> list[tuple[float, float]] | None:
    points = []
    for pair in text.split():
        x, _comma, y = pair.partition(",")
        px, py = _number(x), _number(y)
        if px is None or py is None:
            return None
        points.append((px, py))
    return points


def shapes_data(field: str) -> list[dict[str, Any]]:
    """The shapes of an Occlusion field (as plain text or HTML) as Shape data, in field order."""
    found: list[dict[str, Any]] = []
    for match in _MASK.finditer(field):
        ordinal = int(match.group(1))
        kind, *properties = _UNESCAPED_COLON.split(match.group(2))
        kind = kind.strip()
        if kind not in NEEDED:
            raise OcclusionSyntaxError(f"c{ordinal}: unknown shape {kind!r} (Anki has rect, ellipse, polygon, text)")
        data: dict[str, Any] = {"ordinal": ordinal, "shape": kind}
        more: dict[str, str] = {}
        for item in properties:
            name, equals, value = item.partition("=")
            name, value = name.strip(), value.replace("\\:", ":").strip()
            if not equals or not name:
                continue
            if name == "oi":
                data["hide_all"] = value == "1"
            elif name in _NUMBERS and _number(value) is not None:
                data[name] = _number(value)
            elif name == "points" and _points(value):
                data["points"] = _points(value)
            elif name == "text" and kind == "text":
                data["text"] = value
            else:
                more[name] = value
        if more:
            data["more"] = more
        found.append(data)
    return found


def _written(value: float) -> str:
    """A number as Anki writes it: no trailing zeros, no leading zero (`.25`)."""
    text = f"{value:.4f}".rstrip("0").rstrip(".")
    if text.startswith("0."):
        text = text[1:]
    elif text.startswith("-0."):
        text = "-" + text[2:]
    return text or "0"


def mask_text(shape: Shape) -> str:
    """One shape in Anki's syntax."""
    parts: list[str] = [shape.shape]

    def add(name: str, value: str) -> None:
        parts.append(f"{name}={value.replace(':', chr(92) + ':')}")

    for name in _ORDER[shape.shape]:
        if name == "points":
            add(name, " ".join(f"{_written(x)},{_written(y)}" for x, y in shape.points))
        elif name == "text":
            add(name, shape.text)
        else:
            add(name, _written(getattr(shape, name)))
    if shape.angle:
        add("angle", _written(shape.angle))
    for name, value in shape.more.items():
        add(name, value)
    if shape.hide_all:
        add("oi", "1")
    return f"{{{{c{shape.ordinal}::image-occlusion:{':'.join(parts)}}}}}"


def occlusion_field(shapes: list[Shape]) -> str:
    """The Occlusion field for these shapes, as Anki writes it."""
    return "".join(f"{mask_text(shape)}<br>" for shape in shapes)


def _value(values: dict[str, str], names: list[str], wanted: str) -> tuple[str, str]:
    """(field name, value) of one of the note type's fields, by name or by Anki's stock position."""
    if wanted in values:
        return wanted, values[wanted]
    position = FIELDS.index(wanted)
    name = names[position] if position < len(names) else wanted
    return name, values.get(name, "")


def occlusion_data(values: dict[str, str], names: list[str], sources: dict[str, list[str]]) -> dict[str, Any]:
    """An Image Occlusion note's fields (as text) as Occlusion question data, `sources` filled with
    the field each attribute came from. Raises OcclusionSyntaxError when it has no shape or image."""
    data: dict[str, Any] = {"kind": "occlusion"}
    for attribute, field_name in (
        ("shapes", "Occlusion"), ("image", "Image"), ("header", "Header"), ("extra", "Back Extra"),
        ("comments", "Comments"),
    ):
        name, value = _value(values, names, field_name)
        sources[attribute] = [name]
        if attribute == "shapes":
            data["shapes"] = shapes_data(value)
        elif value:
            data[attribute] = value
    if not data["shapes"]:
        raise OcclusionSyntaxError("its Occlusion field holds no shape")
    if "image" not in data:
        raise OcclusionSyntaxError("its Image field is empty")
    return data
