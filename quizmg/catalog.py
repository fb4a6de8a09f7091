"""Where decks are found: the built-in ones shipped with quizmg, and deck files by path."""

from __future__ import annotations

from pathlib import Path

from quizmg.errors import QuizmgError

DECK_SUFFIXES = (".yaml", ".yml", ".md")


def builtin_dir() -> Path:
    """The folder of built-in decks: inside the installed package, else the checkout's decks/."""
    packaged = Path(__file__).parent / "builtin_decks"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "decks"


def builtin_decks() -> dict[str, Path]:
    """Built-in deck ids and their files."""
    folder = builtin_dir()
    if not folder.is_dir():
        return {}
    return {path.stem: path for path in sorted(folder.iterdir()) if path.suffix in DECK_SUFFIXES and path.is_file()}


def resolve_deck(name: str, registered: dict[str, Path] | None = None) -> Path:
    """The file of a deck named by built-in id, registered id, or path."""
    candidate = Path(name).expanduser()
    if candidate.suffix.lower() in DECK_SUFFIXES or candidate.exists() or "/" in name:
        return candidate
    builtins = builtin_decks()
    if name in builtins:
        return builtins[name]
    if registered and name in registered:
        return registered[name]
    known = sorted({*builtins, *(registered or {})})
    hint = f" Known decks: {', '.join(known)}." if known else ""
    raise QuizmgError(f"no deck called {name!r}: give a built-in deck id or a path to a deck file.{hint}")
