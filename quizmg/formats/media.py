"""Media a deck refers to: images (Markdown `![alt](path)`) and sounds (`[sound:path]`) in any text.

A reference is a path relative to the deck file. It must lead to a regular file inside the deck's
folder, or inside a media folder the user names explicitly: a reference that climbs out with `../`,
an absolute path elsewhere or a symbolic link pointing outside is refused, so exporting a deck never
packs a file the deck's author could not see. Web addresses (`https://…`, `data:`) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from quizmg.errors import QuizmgError

# `![alt](path)`, `![alt](<path with spaces>)`, with an optional "title".
IMAGE = re.compile(
    r"!\[(?P<alt>[^\]\n]*)\]\(\s*(?:<(?P<angled>[^>\n]+)>|(?P<plain>[^\s()<>]+))(?:\s+\"[^\"\n]*\")?\s*\)"
)
SOUND = re.compile(r"\[sound:([^\]\n]+)\]")
# Fields that hold names and ids, never text with media in it.
_NOT_TEXT = frozenset({"id", "tags", "mechanism", "section", "guid", "anki_deck", "anki", "kind"})


class MediaError(QuizmgError):
    """A media reference that cannot be used: outside the allowed folders, or missing."""


@dataclass(frozen=True)
class MediaRef:
    """One media reference in a question's text."""

    question: str
    kind: str  # "image" or "sound"
    src: str


def is_external(src: str) -> bool:
    """A web address or inline data: not a file of the deck."""
    return "://" in src or src.startswith(("data:", "mailto:"))


def references_in(text: str) -> Iterator[tuple[str, str]]:
    """(kind, path) of each image and sound reference in a text, in order."""
    if "](" in text:
        for match in IMAGE.finditer(text):
            yield "image", image_src(match)
    if "[sound:" in text:
        for match in SOUND.finditer(text):
            yield "sound", match.group(1).strip()


def image_src(match: re.Match[str]) -> str:
    """The path of an IMAGE match."""
    return (match.group("angled") or match.group("plain") or "").strip()


def markdown_image(src: str, alt: str = "") -> str:
    """A Markdown image reference; a path with spaces or brackets goes between `<` and `>`."""
    destination = f"<{src}>" if re.search(r"[\s()<>]", src) else src
    return f"![{alt}]({destination})"


def _strings(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _NOT_TEXT:
                yield from _strings(item)
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _strings(item)


def question_references(question: Any) -> list[MediaRef]:
    """The media references in every text field of a question (a pydantic question model)."""
    qid = str(getattr(question, "id", None) or "?")
    found = []
    for text in _strings(question.model_dump(exclude_defaults=True)):
        for kind, src in references_in(text):
            if src and not is_external(src):
                found.append(MediaRef(qid, kind, src))
    return found


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def resolve_reference(ref: MediaRef, deck_file: Path, media_dir: Path | None = None) -> Path:
    """The file a reference names, checked: a regular file inside the deck's folder or `media_dir`."""
    base = deck_file.resolve().parent
    roots = [base] + ([media_dir.resolve()] if media_dir is not None else [])
    candidates = [base / ref.src] + ([media_dir / ref.src] if media_dir is not None else [])
    where = f"{deck_file}: question {ref.question}: {ref.kind} {ref.src!r}"
    outside = None
    for candidate in candidates:
        try:
            resolved = candidate.resolve()
        except (OSError, RuntimeError, ValueError):
            continue
        if not any(_inside(resolved, root) for root in roots):
            outside = resolved
            continue
        if resolved.is_file():
            return resolved
        if resolved.exists():
            raise MediaError(f"{where} is not a regular file")
    if outside is not None:
        allowed = "the deck's folder" + (f" or {media_dir}" if media_dir is not None else "")
        raise MediaError(f"{where} lies outside {allowed} ({outside}): refused")
    raise MediaError(f"{where}: no such file (looked in {base})")


def deck_media(
    questions: Any, deck_file: Path | None, media_dir: Path | None = None
) -> tuple[dict[str, Path], list[str]]:
    """Each referenced path of the questions mapped to its checked file, and one problem per bad one.

    Without a deck file (a built-in deck) every reference is a problem: there is no folder to look in.
    """
    files: dict[str, Path] = {}
    problems: list[str] = []
    for question in questions:
        for ref in question_references(question):
            if ref.src in files:
                continue
            if deck_file is None:
                problems.append(f"question {ref.question}: {ref.kind} {ref.src!r}: the deck has no folder")
                continue
            try:
                files[ref.src] = resolve_reference(ref, deck_file, media_dir)
            except MediaError as error:
                problems.append(str(error))
    return files, problems


def write_media(deck_file: Path, files: dict[str, bytes], *, force: bool = False) -> list[Path]:
    """Write an import's media beside the deck file it wrote (each path relative to it, such as
    media/NAME); a file already there with the same bytes is kept, a different one needs `force`.

    Everything is checked before anything is written, and each file is written whole or not at all.
    """
    import os
    import tempfile

    base = deck_file.parent
    targets: list[tuple[Path, bytes]] = []
    for relative, data in files.items():
        target = base / relative
        if not _inside(target.resolve(), base.resolve()):
            raise MediaError(f"{relative}: a media path outside {base}: refused")
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise MediaError(f"{target}: exists and is not a regular file")
        if target.is_file():
            if target.read_bytes() == data:
                continue
            if not force:
                raise MediaError(f"{target} exists already with other content; pass --force to overwrite it")
        targets.append((target, data))
    written = []
    for target, data in targets:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            handle, partial = tempfile.mkstemp(prefix=".quizmg-", dir=target.parent)
            try:
                with os.fdopen(handle, "wb") as stream:
                    stream.write(data)
                os.chmod(partial, 0o644)
                os.replace(partial, target)
            except BaseException:
                Path(partial).unlink(missing_ok=True)
                raise
        except OSError as error:
            raise MediaError(f"{target}: cannot write: {error.strerror or error}") from None
        written.append(target)
    return written
