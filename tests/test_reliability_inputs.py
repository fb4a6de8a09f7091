"""Inputs that once crashed: a mechanism that makes an invalid question, a bank-cache entry of
deeply nested JSON, and two deck files with one id."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from quizmg.bank import load_bank
from quizmg.bank_cache import BankCache
from quizmg.cli import cli

MECHANISM = (
    "id: mech\ntitle: M\nmechanisms:\n  - id: m1\n    agent: {agent}\n    action: blocks\n"
    "    effects: {effects}\n    target: t\nquestions:\n  - kind: basic\n    prompt: P\n    answer: A\n"
)


def _check(path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(cli, ["check", str(path)])
    assert "Traceback" not in result.output and "This is a bug" not in result.output, result.output
    return result.exit_code, result.output


def test_a_mechanism_with_repeated_effects_is_named_with_its_line(tmp_path: Path) -> None:
    deck = tmp_path / "mech.yaml"
    deck.write_text(MECHANISM.format(agent="mg", effects="[a, a, b]"))
    code, output = _check(deck)
    assert code == 1 and f"{deck}:4: m1" in output and "two steps have the same text" in output


def test_a_20000_character_agent_is_named_with_its_line(tmp_path: Path) -> None:
    deck = tmp_path / "mech.yaml"
    deck.write_text(MECHANISM.format(agent="a" * 20_000, effects="[b]"))
    code, output = _check(deck)
    assert code == 1 and f"{deck}:4: m1" in output and "at most 20000 characters" in output


def test_a_deeply_nested_cache_entry_is_treated_as_stale_and_replaced(tmp_path: Path, sample_deck: Path) -> None:
    cache = BankCache(tmp_path / "cache")
    bank = load_bank(sample_deck, cache)
    entry = cache.entry_path(sample_deck)
    assert entry.exists()
    entry.write_bytes(b"[" * 200_000 + b"\n" + b"{" * 200_000)
    again = load_bank(sample_deck, cache)  # no RecursionError: parsed afresh, entry rewritten
    assert again.id == bank.id and not again.from_cache
    assert load_bank(sample_deck, cache).from_cache


def test_a_users_deck_with_a_built_in_id_is_refused(tmp_path: Path) -> None:
    from quizmg.catalog import builtin_decks

    mine = tmp_path / "mine.yaml"
    mine.write_text(builtin_decks()["magnesium"].read_text(encoding="utf-8"), encoding="utf-8")
    result = CliRunner().invoke(cli, ["add", str(mine)])
    assert result.exit_code == 1
    assert "already used by the built-in deck 'magnesium'" in result.output and "id: magnesium-2" in result.output
    assert CliRunner().invoke(cli, ["add", "magnesium"]).exit_code == 0


def test_a_second_file_with_a_registered_id_is_refused_until_the_first_is_gone(
    tmp_path: Path, sample_deck: Path
) -> None:
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_bytes(sample_deck.read_bytes())
    second.write_bytes(sample_deck.read_bytes())
    assert CliRunner().invoke(cli, ["add", str(first)]).exit_code == 0
    result = CliRunner().invoke(cli, ["add", str(second)])
    assert result.exit_code == 1 and f"already used by {first}" in result.output
    first.unlink()  # a file that moved keeps its cards
    moved = CliRunner().invoke(cli, ["add", str(second)])
    assert moved.exit_code == 0 and "Its file moved" in moved.output
