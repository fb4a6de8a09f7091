"""Writing a genanki package to disk: the same package genanki writes, whole or not at all."""

from __future__ import annotations

import json
import sqlite3
import tempfile
import zipfile
from datetime import datetime, timezone
from pathlib import Path

import genanki
import pytest

from quizmg.bank import load_bank
from quizmg.catalog import builtin_decks
from quizmg.errors import QuizmgError
from quizmg.formats.anki.exporter import build_package
from quizmg.formats.anki.package_file import write_package_file

NOW = datetime(2025, 3, 1, 12, 0, tzinfo=timezone.utc)


def collection_rows(package_path: Path, folder: Path) -> dict[str, list[tuple]]:
    """Every row of every table of the package's collection."""
    with zipfile.ZipFile(package_path) as archive:
        archive.extract("collection.anki2", folder)
    connection = sqlite3.connect(folder / "collection.anki2")
    try:
        tables = [name for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        return {table: sorted(connection.execute(f"SELECT * FROM {table}")) for table in tables}
    finally:
        connection.close()


def magnesium_package() -> genanki.Package:
    package, _ = build_package([load_bank(builtin_decks()["magnesium"])], now=NOW)
    return package


def test_same_collection_as_genankis_own_writer(tmp_path: Path) -> None:
    package = magnesium_package()
    ours, theirs = tmp_path / "ours.apkg", tmp_path / "theirs.apkg"
    write_package_file(package, ours, NOW.timestamp())
    package.write_to_file(str(theirs), timestamp=NOW.timestamp())

    our_rows = collection_rows(ours, tmp_path / "ours")
    assert our_rows == collection_rows(theirs, tmp_path / "theirs")
    assert len(our_rows["notes"]) == 136 and len(our_rows["cards"]) == 141
    with zipfile.ZipFile(ours) as mine, zipfile.ZipFile(theirs) as genankis:
        assert sorted(mine.namelist()) == sorted(genankis.namelist()) == ["collection.anki2", "media"]
        assert json.loads(mine.read("media")) == json.loads(genankis.read("media")) == {}


def test_media_files_are_numbered_as_genanki_numbers_them(tmp_path: Path) -> None:
    image = tmp_path / "diagram.png"
    image.write_bytes(b"\x89PNG not really")
    package = magnesium_package()
    package.media_files = [str(image)]
    write_package_file(package, tmp_path / "with-media.apkg", NOW.timestamp())
    with zipfile.ZipFile(tmp_path / "with-media.apkg") as archive:
        assert json.loads(archive.read("media")) == {"0": "diagram.png"}
        assert archive.read("0") == image.read_bytes()


def test_leaves_no_scratch_collection_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """genanki's own writer leaves its temporary collection in the temporary folder; this one does not."""
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    out = tmp_path / "out"
    out.mkdir()
    write_package_file(magnesium_package(), out / "deck.apkg", NOW.timestamp())
    assert list(scratch.iterdir()) == []
    assert [p.name for p in out.iterdir()] == ["deck.apkg"]


def test_a_failed_write_keeps_the_earlier_package(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    target = tmp_path / "out" / "deck.apkg"
    write_package_file(magnesium_package(), target, NOW.timestamp())
    before = target.read_bytes()

    class Failing(genanki.Package):
        def write_to_db(self, cursor, timestamp, id_gen):  # type: ignore[no-untyped-def]
            super().write_to_db(cursor, timestamp, id_gen)
            raise sqlite3.OperationalError("disk I/O error")

    package = magnesium_package()
    with pytest.raises(QuizmgError, match=r"deck\.apkg: cannot write the package: disk I/O error"):
        write_package_file(Failing(package.decks), target, NOW.timestamp())
    assert target.read_bytes() == before
    assert [p.name for p in target.parent.iterdir()] == ["deck.apkg"]
    assert list(scratch.iterdir()) == []
