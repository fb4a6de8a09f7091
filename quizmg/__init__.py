"""quizmg: a quiz and flashcard engine for the terminal."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # The version comes from the installed metadata, so it never drifts from pyproject.toml.
    if name == "__version__":
        from importlib.metadata import version

        return version("quizmg")
    raise AttributeError(name)
