"""Media in the terminal: an image or a sound is shown by its file name, and a key opens it with
the system's viewer (xdg-open, open, or Windows' own) where there is one."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from quizmg.formats.media import (
    IMAGE,
    SOUND,
    MediaError,
    image_src,
    is_external,
    question_references,
    resolve_reference,
)

_OPENERS = ("xdg-open", "open", "gio")


def _image_name(match: re.Match[str]) -> str:
    src = image_src(match)
    name = src if is_external(src) else src.rsplit("/", 1)[-1]
    alt = match.group("alt").strip()
    return f"[image: {name}{f' ({alt})' if alt else ''}]"


def named_media(text: str) -> str:
    """Deck text with each image and sound reference shown as `[image: NAME (alt)]`, `[sound: NAME]`."""
    if "](" in text:
        text = IMAGE.sub(_image_name, text)
    if "[sound:" in text:
        text = SOUND.sub(lambda m: f"[sound: {m.group(1).strip().rsplit('/', 1)[-1]}]", text)
    return text


def media_files(question: Any, deck_file: Path | None) -> list[Path]:
    """The question's media files that exist, in order of appearance."""
    if deck_file is None:
        return []
    found: list[Path] = []
    for ref in question_references(question):
        try:
            path = resolve_reference(ref, deck_file)
        except MediaError:
            continue
        if path not in found:
            found.append(path)
    return found


def occlusion_page(question: Any, ordinal: int, deck_file: Path | None, *, reveal: bool) -> Path | None:
    """Card `ordinal` of an Image Occlusion question as a page of its own (the image inside it,
    masks drawn, uncovered with `reveal`), written to a temporary folder; None without its image."""
    import base64
    import mimetypes
    import tempfile

    from quizmg.formats.occlusion_html import card_page

    images = [p for p in media_files(question, deck_file) if mimetypes.guess_type(p.name)[0] != "audio/mpeg"]
    if not images:
        return None
    kind = mimetypes.guess_type(images[0].name)[0] or "image/png"
    src = f"data:{kind};base64,{base64.b64encode(images[0].read_bytes()).decode('ascii')}"
    folder = Path(tempfile.gettempdir()) / "quizmg-occlusion"
    folder.mkdir(exist_ok=True)
    side = "answer" if reveal else "question"
    page = folder / f"{question.id or 'occlusion'}-{ordinal}-{side}.html"
    page.write_text(card_page(question, src, ordinal, reveal=reveal), encoding="utf-8")
    return page


def open_media(paths: list[Path]) -> str:
    """Open each file with the system's viewer; what happened, in one line."""
    if not paths:
        return "This card has no image or sound to open."
    names = ", ".join(p.name for p in paths)
    if sys.platform == "win32":  # pragma: no cover - not run on the test machines
        for path in paths:
            os.startfile(path)  # type: ignore[attr-defined]
        return f"Opened {names}."
    opener = next((found for name in _OPENERS if (found := shutil.which(name))), None)
    if opener is None:
        return f"No viewer to open {names} with here; the files: " + ", ".join(str(p) for p in paths)
    for path in paths:
        command = [opener, "open", str(path)] if opener.endswith("gio") else [opener, str(path)]
        subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    return f"Opened {names}."
