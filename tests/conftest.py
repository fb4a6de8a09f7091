"""Shared fixtures: every test gets its own empty data directory."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def quizmg_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point QUIZMG_HOME at a fresh folder so no test touches a real collection."""
    home = tmp_path / "quizmg-home"
    monkeypatch.setenv("QUIZMG_HOME", str(home))
    monkeypatch.delenv("QUIZMG_DEBUG", raising=False)
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "100")
    return home


@pytest.fixture
def sample_deck() -> Path:
    """A small deck with two mechanisms and one question of every kind."""
    return DATA / "sample.yaml"
