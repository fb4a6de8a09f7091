"""Shared fixtures: every test gets its own empty data directory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture
def sync_server(tmp_path: Path) -> Iterator[Any]:
    """A fresh `python -m anki.syncserver` on 127.0.0.1 for one test (it starts in about 0.2 s):
    one account, nothing on it (see sync_server.py for the phone and the other helpers)."""
    pytest.importorskip("anki")
    from sync_server import start_server

    running = start_server(tmp_path / "sync-base")
    yield running
    running.stop()


@pytest.fixture
def phone_deck(sync_server: Any, tmp_path: Path) -> Iterator[Any]:
    """The sample deck in a fresh home, synced once to a fresh phone (closed after the test)."""
    from sync_server import PhoneDeck, deck_on_phone
    from sync_server import sample_deck as copied_deck

    deck = copied_deck(tmp_path)
    home = tmp_path / "home"
    phone = deck_on_phone(home, sync_server, deck, tmp_path / "phone.anki2")
    try:
        yield PhoneDeck(deck, home, phone)
    finally:
        phone.close()


@pytest.fixture
def sample_col(tmp_path: Path, sample_deck: Path) -> Iterator[tuple[Any, Path]]:
    """The sample deck exported and imported into a fresh Anki collection (the `anki` library)."""
    from anki_collection import ANKI_NOW, import_package, new_collection

    from quizmg.bank import load_bank
    from quizmg.formats.anki.exporter import write_apkg

    out = tmp_path / "sample.apkg"
    write_apkg([load_bank(sample_deck)], out, now=ANKI_NOW)
    col = new_collection(tmp_path / "anki")
    log = import_package(col, out)
    assert len(log.new) == 21
    yield col, out
    col.close()
