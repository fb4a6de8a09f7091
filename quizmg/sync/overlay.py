"""Notes edited in Anki, as quizmg's view of a deck: the overlay.

An edit made on another device comes back as new text for the question's own fields (its prompt,
answer, cloze text, explanation...), kept in `<sync folder>/edits/<deck>.json` and laid over the
deck whenever quizmg loads it. The deck file itself is never rewritten: the learner's file, its
comments and layout stay as they wrote them, and `quizmg sync status` lists what the overlay holds.

Each entry remembers a checksum of the file's question when the edit came in (`base`). When the file
changes that question later, both sides edited it: the newer edit wins (the file's modification time
against the note's time in Anki) and the sync reports the other.

This module is light (json, hashlib): quizmg imports it whenever a deck with edits is opened.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from quizmg.bank import Bank
    from quizmg.model import QuestionBase

EDITS_FOLDER = "edits"


def overlay_path(folder: Path, deck: str) -> Path:
    return folder / EDITS_FOLDER / f"{deck}.json"


def question_checksum(question: QuestionBase) -> str:
    """A fingerprint of a question as the deck file gives it."""
    return hashlib.sha256(question.model_dump_json().encode("utf-8")).hexdigest()[:16]


def load_overlay(folder: Path, deck: str) -> dict[str, dict[str, Any]]:
    """question id -> {"changes": {field: text}, "mod": note time in Anki (s), "base": checksum}."""
    try:
        data = json.loads(overlay_path(folder, deck).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def save_overlay(folder: Path, deck: str, overlay: dict[str, dict[str, Any]]) -> None:
    """Write (or, when empty, remove) a deck's overlay atomically."""
    path = overlay_path(folder, deck)
    if not overlay:
        path.unlink(missing_ok=True)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        json.dump(overlay, handle, ensure_ascii=False, indent=1, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def edited_question(question: QuestionBase, changes: dict[str, Any]) -> QuestionBase | None:
    """The question with the edit applied, validated as the deck format would; None if invalid."""
    from pydantic import ValidationError

    try:
        return type(question).model_validate({**question.model_dump(), **changes})
    except ValidationError:
        return None


def with_overlay(bank: Bank, overlay: dict[str, dict[str, Any]]) -> Bank:
    """The bank as quizmg shows it: questions edited in Anki replaced by their edited form."""
    if not overlay:
        return bank
    questions = []
    for question in bank.questions:
        entry = overlay.get(question.id or "")
        edited = edited_question(question, entry["changes"]) if entry else None
        questions.append(edited or question)
    digest = hashlib.sha256(
        (bank.content_hash + json.dumps(overlay, sort_keys=True)).encode("utf-8")
    ).hexdigest()
    return replace(bank, questions=questions, content_hash=digest)


def apply_edits_from_anki(bank: Bank, folder: Path) -> Bank:
    """`bank` with the overlay of edits made in Anki, when the sync folder holds one for it."""
    return with_overlay(bank, load_overlay(folder, bank.id)) if overlay_path(folder, bank.id).exists() else bank
