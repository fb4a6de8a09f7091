"""A cache of validated banks: a deck file is parsed and validated once, not at every session.

An entry holds a bank as JSON (the deck, and the questions its mechanisms made) in one file per deck
file, in a folder the caller chooses (the CLI passes one under the data directory). An entry is used
only if the deck file's text (sha256), the quizmg version and the code that turns a file into a bank
are all unchanged; otherwise, or if the entry is unreadable, the caller parses the file and saves a
fresh entry. Rebuilding 100,000 questions from JSON takes pydantic-core a few hundred milliseconds,
against seconds for YAML.

The entry file is two lines: a small JSON header (format, code fingerprint, text digest), checked
before the large second line (the bank) is read, so a stale entry costs almost nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from pathlib import Path

from pydantic import BaseModel, ValidationError

from quizmg.bank import Bank
from quizmg.formats.text import collector_paused
from quizmg.model import Deck, Question

FORMAT = 1
# Entries are kept for this many deck files, the most recently saved; a deck whose entry was
# dropped is simply parsed again next time.
MAX_ENTRIES = 64
# The modules that decide what a deck file becomes; an edit to any of them (e.g. a new template)
# must not be hidden by an old entry, even in a development checkout where the version stays put.
_BANK_CODE = (
    "bank.py",
    "bank_cache.py",
    "model/__init__.py",
    "model/cards.py",
    "model/deck.py",
    "model/questions.py",
    "generate/templates.py",
    "generate/template_text.py",
    "generate/chains.py",
    "generate/stems.py",  # chains tell an unrelated effect by its content stems
    "generate/terms.py",  # ... and stems read content words with it
    "generate/words.py",  # the templates conjugate with it ("could not block")
    "formats/text.py",
    "formats/yaml_text.py",
    "formats/yaml_deck.py",
    "formats/markdown_deck.py",
)


class _Entry(BaseModel):
    """An entry's body: the deck as validated, and the questions its mechanisms made."""

    deck: Deck
    generated: list[Question]


def code_fingerprint() -> str:
    """What must match for an entry to be used: quizmg's and pydantic's versions, and the bank code."""
    from importlib.metadata import PackageNotFoundError, version

    import pydantic

    try:
        quizmg_version = version("quizmg")
    except PackageNotFoundError:  # running from a checkout that was never installed
        quizmg_version = "unknown"
    package = Path(__file__).parent
    stamps = []
    for name in _BANK_CODE:
        try:
            status = (package / name).stat()
        except OSError:
            stamps.append(f"{name}:-")
            continue
        stamps.append(f"{name}:{status.st_mtime_ns}:{status.st_size}")
    code = hashlib.sha256("\n".join(stamps).encode()).hexdigest()[:16]
    return f"quizmg {quizmg_version}, pydantic {pydantic.VERSION}, code {code}"


class BankCache:
    """Validated banks saved as JSON in `folder`, one entry per deck file."""

    def __init__(self, folder: str | Path, max_entries: int = MAX_ENTRIES) -> None:
        self.folder = Path(folder)
        self.max_entries = max_entries
        self._fingerprint: str | None = None

    def fingerprint(self) -> str:
        """The code fingerprint, worked out once per cache."""
        if self._fingerprint is None:
            self._fingerprint = code_fingerprint()
        return self._fingerprint

    def entry_path(self, deck_path: Path) -> Path:
        """The entry file of a deck file: named after its absolute path, so an edit replaces it."""
        name = hashlib.sha256(str(deck_path.resolve()).encode("utf-8")).hexdigest()[:32]
        return self.folder / f"{name}.json"

    def load(self, deck_path: Path, digest: str) -> Bank | None:
        """The bank saved for this file with this text, or None (missing, stale or damaged entry)."""
        try:
            with self.entry_path(deck_path).open("rb") as handle:
                header = json.loads(handle.readline())
                if header != self._header(digest):
                    return None
                body = handle.read()
        except (OSError, ValueError, RecursionError):  # deeply nested JSON is a damaged entry too
            return None
        return _bank_from_json(body, deck_path, digest)

    def save(self, bank: Bank) -> None:
        """Save a bank's entry; a folder that cannot be written to just means no cache."""
        if bank.path is None:
            return
        body = _bank_to_json(bank)
        if body is None:
            return
        header = json.dumps(self._header(bank.content_hash)).encode("utf-8")
        target = self.entry_path(bank.path)
        # Written aside then renamed: a crash mid-write never leaves half an entry in place.
        part = target.with_name(f"{target.stem}.{os.getpid()}.part")
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            part.write_bytes(header + b"\n" + body)
            os.replace(part, target)
        except OSError:
            with contextlib.suppress(OSError):
                part.unlink(missing_ok=True)
            return
        self._prune()

    def _prune(self) -> None:
        """Drop the oldest entries beyond `max_entries` (decks deleted, moved or long unused)."""
        with contextlib.suppress(OSError):
            entries = sorted(self.folder.glob("*.json"), key=lambda entry: entry.stat().st_mtime_ns, reverse=True)
            for entry in entries[self.max_entries :]:
                entry.unlink(missing_ok=True)

    def _header(self, digest: str) -> dict[str, object]:
        return {"format": FORMAT, "code": self.fingerprint(), "digest": digest}


def _bank_to_json(bank: Bank) -> bytes | None:
    """The bank's deck and generated questions as JSON; None if its questions are not laid out as
    [generated..., the deck's own...] (the only layout `_bank_from_json` knows how to rebuild)."""
    own = bank.deck.questions
    split = len(bank.questions) - len(own)
    if split < 0 or any(a is not b for a, b in zip(bank.questions[split:], own, strict=True)):
        return None
    return _Entry(deck=bank.deck, generated=bank.questions[:split]).model_dump_json().encode("utf-8")


def _bank_from_json(body: bytes, deck_path: Path, digest: str) -> Bank | None:
    """Rebuild a bank from an entry's body, validated again by pydantic; None if it does not validate."""
    try:
        with collector_paused():
            entry = _Entry.model_validate_json(body)
    except (ValidationError, ValueError, RecursionError):
        return None
    deck = entry.deck
    return Bank(deck, deck_path, [*entry.generated, *deck.questions], {}, digest, from_cache=True)
