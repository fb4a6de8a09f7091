"""Image Occlusion: an image with masks over its parts, one card per ordinal (as Anki's note type).

Positions are fractions of the image's width and height (0 = left or top edge, 1 = right or bottom
edge), as Anki (23.10 and later) stores them. Shapes that share an ordinal are one region, hidden
and asked together; a shape with ordinal 0 (Anki's text labels) is always shown and makes no card.
A shape with `hide_all` stays masked on the other regions' cards too (Anki's "hide all, guess one");
without it, only the asked region is masked ("hide one, guess one").
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from quizmg.model.base import QuestionBase, Text, _Strict

ShapeKind = Literal["rect", "ellipse", "polygon", "text"]
# The attributes each kind of shape needs for its place on the image.
NEEDED: dict[str, tuple[str, ...]] = {
    "rect": ("left", "top", "width", "height"),
    "ellipse": ("left", "top", "rx", "ry"),
    "polygon": ("points",),
    "text": ("left", "top", "text"),
}
Size = Annotated[float, Field(ge=0)]
Point = tuple[float, float]


class Shape(_Strict):
    """One mask (or text label) on the image."""

    ordinal: int = Field(ge=0, le=10_000, description="The card that asks it; 0 is a label shown on every card.")
    shape: ShapeKind
    left: float | None = None
    top: float | None = None
    width: Size | None = None
    height: Size | None = None
    rx: Size | None = Field(None, description="An ellipse's horizontal radius.")
    ry: Size | None = Field(None, description="An ellipse's vertical radius.")
    points: list[Point] = Field(default_factory=list, description="A polygon's corners, as (x, y).")
    text: str = Field("", description="A text shape's words.")
    label: str = Field("", description="The name of the region it hides, said on the answer side.")
    hide_all: bool = Field(False, description="Masked on the other regions' cards too (Anki's `oi=1`).")
    angle: float = 0.0
    more: dict[str, str] = Field(default_factory=dict, description="Anki's other properties (fill, scale...).")

    @model_validator(mode="after")
    def _placed(self) -> Shape:
        missing = [name for name in NEEDED[self.shape] if getattr(self, name) in (None, [], "")]
        if missing:
            raise ValueError(f"a {self.shape} shape needs {', '.join(missing)}")
        if self.shape == "polygon" and len(self.points) < 3:
            raise ValueError("a polygon needs at least three points")
        return self

    def box(self) -> tuple[float, float, float, float]:
        """(left, top, right, bottom) of the shape, as fractions of the image."""
        if self.shape == "polygon":
            xs = [x for x, _y in self.points]
            ys = [y for _x, y in self.points]
            return min(xs), min(ys), max(xs), max(ys)
        left, top = self.left or 0.0, self.top or 0.0
        if self.shape == "ellipse":
            return left, top, left + 2 * (self.rx or 0.0), top + 2 * (self.ry or 0.0)
        if self.shape == "rect":
            return left, top, left + (self.width or 0.0), top + (self.height or 0.0)
        return left, top, left, top  # text: its corner (its size depends on the font)

    def where(self) -> str:
        """Where the shape is, in words a learner can find on the image."""
        left, top, right, bottom = self.box()
        across, down = (left + right) / 2, (top + bottom) / 2
        vertical = "top" if down < 1 / 3 else "bottom" if down > 2 / 3 else "middle"
        horizontal = "left" if across < 1 / 3 else "right" if across > 2 / 3 else "centre"
        place = "centre" if (vertical, horizontal) == ("middle", "centre") else f"{vertical} {horizontal}"
        names = {"rect": "rectangle", "ellipse": "ellipse", "polygon": "polygon", "text": "text"}
        return f"the {names[self.shape]} at the {place} ({across:.0%} across, {down:.0%} down)"


class Occlusion(QuestionBase):
    """An image whose regions are masked one card at a time: the learner names the hidden region."""

    kind: Literal["occlusion"] = "occlusion"
    image: Text = Field(description="The image, as a Markdown image reference: ![](media/heart.png).")
    shapes: list[Shape] = Field(min_length=1)
    header: str = Field("", description="Shown above the image on both sides (Anki's Header).")
    extra: str = Field("", description="Shown on the back (Anki's Back Extra).")
    comments: str = Field("", description="Notes never shown on a card (Anki's Comments).")

    @field_validator("image")
    @classmethod
    def _one_image(cls, value: str) -> str:
        from quizmg.formats.media import IMAGE

        if len(IMAGE.findall(value)) != 1:
            raise ValueError("needs exactly one image reference, such as ![](media/heart.png)")
        return value

    @model_validator(mode="after")
    def _asks_something(self) -> Occlusion:
        if not any(shape.ordinal > 0 for shape in self.shapes):
            raise ValueError("no shape has an ordinal of 1 or more: the note makes no card")
        return self

    def image_src(self) -> str:
        """The image's path (relative to the deck file) or address."""
        from quizmg.formats.media import IMAGE, image_src

        match = IMAGE.search(self.image)
        return image_src(match) if match else ""

    def region(self, ordinal: int) -> list[Shape]:
        """The shapes asked on card `ordinal`."""
        return [shape for shape in self.shapes if shape.ordinal == ordinal]

    def region_name(self, ordinal: int) -> str:
        """What the hidden region is: its label (or the words of its text shapes), else where it is."""
        shapes = self.region(ordinal)
        named = [s.label or s.text for s in shapes if s.label or s.text]
        if named:
            return ", ".join(dict.fromkeys(named))
        return "; ".join(shape.where() for shape in shapes) or f"region {ordinal}"

    def labelled(self, ordinal: int) -> bool:
        """Whether region `ordinal` has a name of its own (a label or text), not only a place."""
        return any(s.label or s.text for s in self.region(ordinal))

    def ask(self, ordinal: int) -> str:
        """The front of card `ordinal` in words: the header, the image, and which region is masked."""
        first = self.region(ordinal)
        where = "; ".join(shape.where() for shape in first) or f"region {ordinal}"
        parts = [self.header] if self.header else []
        parts.append(self.image)
        parts.append(f"What is hidden under {where}?")
        return "\n".join(parts)

    def prompt_text(self) -> str:
        return self.ask(min(self.card_ordinals()))

    def answer_text(self) -> str:
        return "; ".join(self.region_name(ordinal) for ordinal in self.card_ordinals())

    def card_ordinals(self) -> list[int]:
        return sorted({shape.ordinal for shape in self.shapes if shape.ordinal > 0})
