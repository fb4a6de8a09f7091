"""Image Occlusion notes made by Anki itself (the `anki` library), for the tests of that kind:
a few-pixel PNG written here, shapes of every kind, and a package exported with its progress."""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

from anki.collection import Collection, DeckIdLimit, ExportAnkiPackageOptions

DECK = "Anatomy"
# Four regions: a rectangle asked alone (hide all), an ellipse and a text label grouped as one
# region, a polygon, and a label on every card (ordinal 0).
MASKS = (
    "{{c1::image-occlusion:rect:left=.1:top=.2:width=.3:height=.25:oi=1}}<br>"
    "{{c2::image-occlusion:ellipse:left=.55:top=.1:rx=.15:ry=.1:oi=1}}<br>"
    "{{c2::image-occlusion:text:left=.6:top=.15:text=Left atrium:scale=1:fs=.05}}<br>"
    "{{c3::image-occlusion:polygon:points=.2,.6 .4,.6 .3,.9}}<br>"
    "{{c0::image-occlusion:text:left=.05:top=.92:text=Front view\\: heart:scale=1:fs=.04}}<br>"
)


def png(width: int, height: int, rgb: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    """A solid-colour PNG of `width` x `height` pixels."""
    row = b"\x00" + bytes(rgb) * width
    raw = row * height

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def occlusion_collection(folder: Path, *, masks: str = MASKS, header: str = "The heart",
                         back_extra: str = "Seen from the front", image: str = "heart.png") -> Collection:
    """A collection whose Anatomy deck holds one Image Occlusion note (and a Basic note)."""
    folder.mkdir(parents=True, exist_ok=True)
    picture = folder / image
    picture.write_bytes(png(40, 30))
    col = Collection(str(folder / "collection.anki2"))
    deck = col.decks.id(DECK)
    col.decks.select(deck)
    notetype = col.models.by_name("Image Occlusion")
    if notetype is None:
        col.add_image_occlusion_notetype()
        notetype = col.models.by_name("Image Occlusion")
    col.add_image_occlusion_note(
        notetype_id=notetype["id"], image_path=str(picture), occlusions=masks, header=header,
        back_extra=back_extra, tags=["anatomy"],
    )
    for note_id in col.find_notes(""):
        col.set_deck(col.card_ids_of_note(note_id), deck)
    basic = col.new_note(col.models.by_name("Basic"))
    basic.fields[0], basic.fields[1] = "What pumps blood?", "The heart"
    col.add_note(basic, deck)
    return col


def study_some(col: Collection, answers: int = 3) -> None:
    """Answer the first cards Anki shows, Good each time, so they have history and due dates."""
    col.decks.select(col.decks.id(DECK))
    for _ in range(answers):
        card = col.sched.getCard()
        if card is None:
            break
        col.sched.answerCard(card, 3)


def export_deck(col: Collection, out: Path, *, legacy: bool = False, scheduling: bool = True) -> Path:
    """The Anatomy deck as an .apkg, with its media and (by default) its progress."""
    col.export_anki_package(
        out_path=str(out),
        options=ExportAnkiPackageOptions(
            with_scheduling=scheduling, with_deck_configs=scheduling, with_media=True, legacy=legacy
        ),
        limit=DeckIdLimit(col.decks.id(DECK)),
    )
    return out
