"""The validated-bank cache: hits rebuild the same bank, and anything doubtful falls back to parsing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.bank_cache import BankCache, code_fingerprint
from quizmg.catalog import builtin_decks
from quizmg.cli import cli
from quizmg.cli.common import BANK_CACHE_FOLDER


@pytest.fixture
def deck_file(tmp_path: Path, sample_deck: Path) -> Path:
    """A copy of the sample deck (two mechanisms, every kind) that a test may edit."""
    copy = tmp_path / "decks" / "sample.yaml"
    copy.parent.mkdir()
    shutil.copy(sample_deck, copy)
    return copy


@pytest.fixture
def cache(tmp_path: Path) -> BankCache:
    return BankCache(tmp_path / "cache")


def entry_lines(cache: BankCache, deck: Path) -> tuple[dict[str, object], bytes]:
    """An entry's header and body."""
    header, body = cache.entry_path(deck).read_bytes().split(b"\n", 1)
    return json.loads(header), body


@pytest.mark.parametrize("deck", ["sample", "magnesium"])
def test_a_hit_rebuilds_the_bank_the_file_gives(deck: str, sample_deck: Path, cache: BankCache) -> None:
    path = sample_deck if deck == "sample" else builtin_decks()["magnesium"]
    parsed = load_bank(path)
    first = load_bank(path, cache)
    second = load_bank(path, cache)
    assert not parsed.from_cache and not first.from_cache
    assert second.from_cache
    assert second.deck == parsed.deck
    assert second.questions == parsed.questions
    assert [type(q) for q in second.questions] == [type(q) for q in parsed.questions]
    assert second.cards() == parsed.cards()
    assert second.content_hash == parsed.content_hash
    assert second.path == path


def test_the_entry_is_keyed_by_the_text_and_the_code(deck_file: Path, cache: BankCache) -> None:
    bank = load_bank(deck_file, cache)
    header, _ = entry_lines(cache, deck_file)
    assert header == {"format": 1, "code": code_fingerprint(), "digest": bank.content_hash}
    assert "quizmg " in str(header["code"]) and "pydantic " in str(header["code"])


def test_editing_the_deck_file_misses_then_caches_the_new_text(deck_file: Path, cache: BankCache) -> None:
    load_bank(deck_file, cache)
    text = deck_file.read_text(encoding="utf-8")
    assert "What is the heart's pacemaker called?" in text
    deck_file.write_text(
        text.replace("What is the heart's pacemaker called?", "What is the heart's pacemaker named?"), encoding="utf-8"
    )
    edited = load_bank(deck_file, cache)
    assert not edited.from_cache
    assert "What is the heart's pacemaker named?" in [q.prompt_text() for q in edited.questions]
    again = load_bank(deck_file, cache)
    assert again.from_cache and again.questions == edited.questions
    assert len(list(cache.folder.iterdir())) == 1  # one entry per deck file, replaced on edit


def test_an_edit_that_breaks_the_deck_is_reported_not_hidden(deck_file: Path, cache: BankCache) -> None:
    from quizmg.errors import DeckError

    load_bank(deck_file, cache)
    deck_file.write_text(deck_file.read_text(encoding="utf-8").replace("kind: basic", "kind: basik", 1))
    with pytest.raises(DeckError, match=r"sample\.yaml"):
        load_bank(deck_file, cache)


@pytest.mark.parametrize(
    "damage",
    [
        lambda header, body: b"",
        lambda header, body: b"\x00\xff garbage",
        lambda header, body: header + b"\n" + body[: len(body) // 2],
        lambda header, body: header + b"\n" + body.replace(b'"kind":"mcq"', b'"kind":"essay"'),
        lambda header, body: header + b"\n" + b"[]",
        lambda header, body: header,
    ],
    ids=["empty", "binary", "truncated", "invalid question", "wrong shape", "header only"],
)
def test_a_damaged_entry_is_ignored_and_replaced(damage, deck_file: Path, cache: BankCache) -> None:
    parsed = load_bank(deck_file)
    load_bank(deck_file, cache)
    entry = cache.entry_path(deck_file)
    header, body = entry.read_bytes().split(b"\n", 1)
    entry.write_bytes(damage(header, body))
    bank = load_bank(deck_file, cache)
    assert not bank.from_cache
    assert bank.questions == parsed.questions
    assert load_bank(deck_file, cache).from_cache  # the parse wrote a good entry back


def test_an_entry_from_other_code_is_not_used(deck_file: Path, cache: BankCache) -> None:
    load_bank(deck_file, cache)
    header, body = entry_lines(cache, deck_file)
    header["code"] = "quizmg 0.0.1, pydantic 2.0.0, code 0000000000000000"
    cache.entry_path(deck_file).write_bytes(json.dumps(header).encode() + b"\n" + body)
    assert not load_bank(deck_file, cache).from_cache


def test_an_entry_for_other_text_is_not_used(deck_file: Path, cache: BankCache) -> None:
    """Even a well-formed entry is only used for the exact text it was made from."""
    load_bank(deck_file, cache)
    header, body = entry_lines(cache, deck_file)
    header["digest"] = "0" * 64
    cache.entry_path(deck_file).write_bytes(json.dumps(header).encode() + b"\n" + body)
    assert not load_bank(deck_file, cache).from_cache


def test_a_folder_that_cannot_be_written_means_no_cache(deck_file: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the cache folder should be")
    cache = BankCache(blocker / "cache")
    assert not load_bank(deck_file, cache).from_cache
    assert not load_bank(deck_file, cache).from_cache
    assert blocker.read_text() == "a file where the cache folder should be"


def test_an_unknown_file_type_fails_before_the_cache_is_looked_at(tmp_path: Path, cache: BankCache) -> None:
    from quizmg.errors import DeckError

    path = tmp_path / "deck.txt"
    path.write_text("id: x\n")
    with pytest.raises(DeckError, match="unknown deck file type"):
        load_bank(path, cache)
    assert not cache.folder.exists()


def test_markdown_decks_are_cached_too(cache: BankCache) -> None:
    path = Path(__file__).parent / "data" / "teacher" / "plants.md"
    parsed = load_bank(path, cache)
    cached = load_bank(path, cache)
    assert cached.from_cache and cached.questions == parsed.questions
    assert {q.kind for q in cached.questions} == {
        "basic",
        "cloze",
        "mcq",
        "truefalse",
        "short",
        "numeric",
        "order",
        "match",
    }


def test_study_and_show_use_the_cache_in_the_data_folder(quizmg_home: Path, deck_file: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(cli, ["study", str(deck_file), "--limit", "1"], input="q\n")
    assert result.exit_code == 0, result.output
    entries = list((quizmg_home / BANK_CACHE_FOLDER).glob("*.json"))
    assert len(entries) == 1
    # Tamper with the cached text (keeping the header): a command reading the cache shows it,
    # which proves it read the entry and not the file.
    header, body = entries[0].read_bytes().split(b"\n", 1)
    entries[0].write_bytes(header + b"\n" + body.replace(b"What is the heart's pacemaker called?", b"Cached prompt?"))
    shown = runner.invoke(cli, ["show", str(deck_file)])
    assert shown.exit_code == 0, shown.output
    assert "Cached prompt?" in shown.output
    assert "What is the heart's pacemaker called?" not in shown.output


def test_check_always_reads_the_file(quizmg_home: Path, deck_file: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["show", str(deck_file)]).exit_code == 0
    assert list((quizmg_home / BANK_CACHE_FOLDER).glob("*.json"))
    result = runner.invoke(cli, ["check", str(deck_file)])
    assert result.exit_code == 0, result.output
    # Line numbers come only from parsing the file; a bank from the cache has none.
    assert "sample.yaml:21: acetylcholine-heart.recall" in result.output


def test_only_the_most_recently_saved_entries_are_kept(tmp_path: Path, sample_deck: Path) -> None:
    import os

    cache = BankCache(tmp_path / "cache", max_entries=2)
    copies = []
    for number in range(3):
        copy = tmp_path / f"deck{number}.yaml"
        shutil.copy(sample_deck, copy)
        copies.append(copy)
        load_bank(copy, cache)
        # Saved one second apart, whatever the file system's clock resolution.
        entry = cache.entry_path(copy)
        os.utime(entry, ns=(number * 1_000_000_000, number * 1_000_000_000))
    # The third save pruned the oldest entry, deck0's; the next save (deck0 again) prunes deck1's.
    assert not cache.entry_path(copies[0]).exists()
    assert load_bank(copies[2], cache).from_cache
    assert not load_bank(copies[0], cache).from_cache
    assert sorted(cache.folder.glob("*.json")) == sorted([cache.entry_path(copies[0]), cache.entry_path(copies[2])])
