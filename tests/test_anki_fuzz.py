"""Fuzzed Anki packages: built with the `anki` library, then damaged. Every one is read or refused
with one message naming the file; none crashes or hangs.

A few hundred examples run in CI; QUIZMG_FUZZ_EXAMPLES=2000 runs a long campaign.
"""

from __future__ import annotations

import io
import os
import sqlite3
import tempfile
import zipfile
from datetime import timedelta
from pathlib import Path

import pytest
import zstandard
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_anki_import import anki_made_collection, export_from_anki

from quizmg.errors import QuizmgError
from quizmg.formats.anki.importer import read_apkg
from quizmg.formats.anki.progress_in import package_reviews

EXAMPLES = int(os.environ.get("QUIZMG_FUZZ_EXAMPLES", "300"))
LONG_RUN = "QUIZMG_FUZZ_EXAMPLES" in os.environ
INT64 = st.integers(-(2**63), 2**63 - 1)
MODELS = ["not json", "[]", '{"1": {}}', '{"1": {"flds": 5, "tmpls": []}}', "{}", "null"]
ZSTD = b"\x28\xb5\x2f\xfd"


@pytest.fixture(scope="module")
def packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    folder = tmp_path_factory.mktemp("fuzz-base")
    col = anki_made_collection(folder / "col")
    try:
        return {
            form: export_from_anki(col, folder / f"{form}.apkg", legacy=form == "legacy").read_bytes()
            for form in ("legacy", "current")
        }
    finally:
        col.close()


def _members(package: bytes) -> list[tuple[zipfile.ZipInfo, bytes]]:
    with zipfile.ZipFile(io.BytesIO(package)) as archive:
        return [(info, archive.read(info)) for info in archive.infolist()]


def _zip(members: list[tuple[zipfile.ZipInfo, bytes]]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for info, data in members:
            archive.writestr(info, data)
    return out.getvalue()


def _unpack(data: bytes) -> tuple[bytes, bool]:
    if data.startswith(ZSTD):
        with zstandard.ZstdDecompressor().stream_reader(io.BytesIO(data)) as reader:
            return reader.read(), True
    return data, False


def _pack(data: bytes, compressed: bool) -> bytes:
    return zstandard.ZstdCompressor().compress(data) if compressed else data


def _sql(package: bytes, statement: str, value: object) -> bytes:
    """The package with one SQL statement applied to its collection."""
    members = _members(package)
    name = next(n for n in ("collection.anki21b", "collection.anki21", "collection.anki2")
                if any(info.filename == n for info, _ in members))
    with tempfile.TemporaryDirectory() as tmp:
        database = Path(tmp) / "c.db"
        for index, (info, data) in enumerate(members):
            if info.filename == name:
                plain, compressed = _unpack(data)
                database.write_bytes(plain)
                connection = sqlite3.connect(database)
                try:
                    connection.execute(statement, (value,))
                    connection.commit()
                except (sqlite3.Error, OverflowError):
                    pass
                finally:
                    connection.close()
                members[index] = (info, _pack(database.read_bytes(), compressed))
    return _zip(members)


NASTY = st.sampled_from([b"{", b"\x0f", b"not json", b"[]", b'{"0": 5}', b"{}", b"\x08\x96\x01",
                         b"\x0a\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01", b"\x12\x05ab",
                         b"\x0b", ZSTD + b"\x00\x00", b""])
SQL = st.sampled_from([
    ("UPDATE col SET models = ?", st.sampled_from(MODELS)),
    ("UPDATE col SET decks = ?", st.sampled_from(["not json", "[]", '{"1": {"name": 5}}', "{}", "7"])),
    ("UPDATE notes SET flds = ?", st.one_of(st.text(max_size=40), st.binary(max_size=40), st.none(), INT64)),
    ("UPDATE notes SET tags = ?", st.one_of(st.binary(max_size=20), st.none(), INT64)),
    ("UPDATE notes SET guid = ?", st.one_of(st.text(max_size=20), st.none(), st.binary(max_size=8))),
    ("UPDATE notes SET mid = ?", st.one_of(INT64, st.text(max_size=5), st.none())),
    ("UPDATE cards SET ord = ?", st.one_of(INT64, st.none(), st.text(max_size=4))),
    ("UPDATE notetypes SET config = ?", st.one_of(st.binary(max_size=30), NASTY, st.none())),
    ("UPDATE templates SET config = ?", st.one_of(st.binary(max_size=30), NASTY, st.none())),
    ("UPDATE decks SET kind = ?", st.one_of(st.binary(max_size=30), NASTY, st.none())),
    ("UPDATE revlog SET id = ?", st.one_of(INT64, st.none(), st.text(max_size=4))),
    ("UPDATE revlog SET ease = ?", st.one_of(INT64, st.none(), st.text(max_size=4))),
    ("DROP TABLE IF EXISTS notetypes -- ?", st.none()),
    ("DROP TABLE IF EXISTS cards -- ?", st.none()),
])


def damaged(draw: st.DrawFn, packages: dict[str, bytes]) -> bytes:
    """One of the packages, damaged in one of several ways."""
    package = packages[draw(st.sampled_from(sorted(packages)))]
    how = draw(st.sampled_from(["member", "flip", "flip-inside", "sql", "truncate"]))
    if how == "flip":
        position = draw(st.integers(0, len(package) - 1))
        return package[:position] + bytes([package[position] ^ draw(st.integers(1, 255))]) + package[position + 1:]
    if how == "truncate":
        return package[: draw(st.integers(0, len(package) - 1))]
    if how == "sql":
        statement, values = draw(SQL)
        return _sql(package, statement, draw(values))
    members = _members(package)
    index = draw(st.integers(0, len(members) - 1))
    info, data = members[index]
    if how == "member":
        members[index] = (info, draw(st.one_of(NASTY, st.binary(max_size=64))))
    else:
        plain, compressed = _unpack(data)
        if plain:
            position = draw(st.integers(0, len(plain) - 1))
            plain = plain[:position] + bytes([plain[position] ^ draw(st.integers(1, 255))]) + plain[position + 1:]
        members[index] = (info, _pack(plain, compressed))
    return _zip(members)


def test_damaged_packages_are_read_or_refused_by_name(packages: dict[str, bytes], tmp_path: Path) -> None:
    outcomes = {"read": 0, "refused": 0}

    @settings(max_examples=EXAMPLES, deadline=timedelta(seconds=20), derandomize=not LONG_RUN,
              suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
    @given(st.data())
    def check(drawn: st.DataObject) -> None:
        path = tmp_path / "fuzzed deck.apkg"
        path.write_bytes(damaged(drawn.draw, packages))
        for read in (read_apkg, lambda p: package_reviews(p, "fuzzed")):
            try:
                read(path)
                outcomes["read"] += 1
            except QuizmgError as error:
                message = str(error)
                assert str(path) in message, message
                assert "\n" not in message.strip(), message
                outcomes["refused"] += 1

    check()
    if LONG_RUN:
        print(f"fuzzed packages: {EXAMPLES}; readings {outcomes['read']}, refusals {outcomes['refused']}")
    assert outcomes["refused"] > 0 and outcomes["read"] > 0


@pytest.mark.parametrize("content", [b"{", b"\x0f", b"not json"])
def test_a_legacy_media_list_that_is_not_json_is_refused_by_name(
    packages: dict[str, bytes], tmp_path: Path, content: bytes
) -> None:
    members = [(info, content if info.filename == "media" else data) for info, data in _members(packages["legacy"])]
    path = tmp_path / "bad media.apkg"
    path.write_bytes(_zip(members))
    with pytest.raises(QuizmgError, match=r"bad media\.apkg: the package is damaged"):
        read_apkg(path)


def test_models_not_json_is_refused_by_name(packages: dict[str, bytes], tmp_path: Path) -> None:
    path = tmp_path / "models.apkg"
    path.write_bytes(_sql(packages["legacy"], "UPDATE col SET models = ?", "not json"))
    with pytest.raises(QuizmgError, match=r"models\.apkg: the package is damaged"):
        read_apkg(path)
